"""News agencies and outlets, recognised by name or web domain, from ``data/sources.csv``."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .language import literal_regex

SOURCES_CSV = Path(__file__).parent / "data" / "sources.csv"


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern, dict[str, str]]:
    by_alias = {}
    with SOURCES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for alias in row["aliases"].split("|"):
                by_alias[alias.lower()] = row["name"]
    return literal_regex(by_alias), by_alias


def find_sources(text: str) -> list[str]:
    """Canonical names of the sources named in `text`, in order of first mention, without repeats."""
    regex, by_alias = _index()
    names = (by_alias[match.group().lower()] for match in regex.finditer(text))
    return list(dict.fromkeys(names))
