"""How numbers and dates read in each interface language; one place for both.

The conventions (separators, month names, the words for week/range/before) are data in
``lang/<code>/labels.toml`` under [format].
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

import pandas as pd

from . import language as lang


@lru_cache(maxsize=None)
def _labels(language: str) -> dict:
    try:
        return lang.load("labels", language)
    except FileNotFoundError:
        return lang.load("labels", "en")


def conventions(language: str) -> dict:
    return _labels(language)["format"]


def month_names(language: str = "en") -> tuple[str, ...]:
    return tuple(conventions(language)["months"])


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def to_date(value) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def number(value: float, language: str = "en") -> str:
    """``3700`` -> ``"3,700"`` (en) or ``"3.700"`` (id); decimals only when there are any."""
    rules = conventions(language)
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": rules["thousands"], ".": rules["decimal"]}))


def figure_text(row, language: str = "en") -> str:
    """'about 1,200', 'at least 3,700', or the vague words with their range: 'puluhan (20–99)'."""
    return _figure_text(row["value"], row["low"], row["high"], row["qualifier"], row["number_text"], language)


def figure_texts(figures: pd.DataFrame, language: str = "en") -> list[str]:
    """:func:`figure_text` of every row of a figures table."""
    return [_figure_text(*values, language) for values in
            zip(figures.value, figures.low, figures.high, figures.qualifier, figures.number_text)]


def _figure_text(value, low, high, qualifier, number_text, language: str) -> str:
    if _missing(value):
        bounds = "" if _missing(low) or _missing(high) else f"{number(low, language)}–{number(high, language)}"
        return f"{number_text} ({bounds})" if bounds else str(number_text)
    template = _labels(language)["qualifiers"].get(qualifier, "{value}")
    return template.format(value=number(value, language), text=number_text)


def _day(day: dt.date, language: str, year: bool = True) -> str:
    text = f"{day.day} {month_names(language)[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def date(value, language: str = "en") -> str:
    day = to_date(value)
    return _day(day, language) if day else ""


def date_span(start, end=None, precision: str | None = "day", language: str = "en") -> str:
    """A date or span as people write it: ``5 Jan 2022``, ``3–9 Jan 2022 (week)``,
    ``28 Jan – 3 Feb 2022 (range)``, ``before 13 Jan 2022`` (only known to precede the end)."""
    words = conventions(language)
    first, last = to_date(start), to_date(end)
    if first is None and last is None:
        return words["unknown_date"]
    first = first or last
    last = last if last is not None and last >= first else first
    if precision == "before":
        return f"{words['before']} {_day(last, language)}"
    if first == last:
        return _day(first, language)
    if (first.year, first.month) == (last.year, last.month):
        text = f"{first.day}–{_day(last, language)}"
    elif first.year == last.year:
        text = f"{_day(first, language, year=False)} – {_day(last, language)}"
    else:
        text = f"{_day(first, language)} – {_day(last, language)}"
    return f"{text} ({words[precision]})" if precision in ("week", "range") else text
