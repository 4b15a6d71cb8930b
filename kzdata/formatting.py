"""How numbers and dates read in each interface language; one place for both."""
from __future__ import annotations

import math

import pandas as pd

from . import language as lang

_GROUPING = {"en": ",", "id": "."}
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
}


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def number(value: float, language: str = "en") -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", _GROUPING.get(language, ","))
    return f"{value:,.1f}" if language == "en" else f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def figure_text(row, language: str = "en") -> str:
    """'about 2,500', 'at least 4,400', or the vague words with their range: 'puluhan (20–99)'."""
    labels = lang.load("labels", language)["qualifiers"]
    if _missing(row["value"]):
        low, high = row["low"], row["high"]
        bounds = f"{number(low, language)}–{number(high, language)}" if not (_missing(low) or _missing(high)) else ""
        return f"{row['number_text']} ({bounds})" if bounds else str(row["number_text"])
    template = labels.get(row["qualifier"], "{value}")
    return template.format(value=number(row["value"], language), text=row["number_text"])


def date(value, language: str = "en") -> str:
    if _missing(value):
        return ""
    value = pd.Timestamp(value)
    return f"{value.day} {_MONTHS[language][value.month - 1]} {value.year}"


def date_span(start, end, precision: str | None, language: str = "en") -> str:
    """'5 Jan 2022', '3–9 Jan 2022', or 'before 13 Jan 2022'."""
    if _missing(start):
        return ""
    start, end = pd.Timestamp(start), pd.Timestamp(end) if not _missing(end) else pd.Timestamp(start)
    if precision == "before":
        return ("sebelum " if language == "id" else "before ") + date(end, language)
    if start == end:
        return date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date(end, language)}"
    return f"{date(start, language)} – {date(end, language)}"

