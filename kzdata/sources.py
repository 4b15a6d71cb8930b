"""News agencies and outlets, recognised by name or web domain, from ``data/sources.csv``."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .language import literal_regex, trie_pattern

SOURCES_CSV = Path(__file__).parent / "data" / "sources.csv"


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    by_alias = {}
    with SOURCES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for alias in row["aliases"].split("|"):
                by_alias[alias.lower()] = row["name"]
    return literal_regex(by_alias), _locator(by_alias), by_alias


def _locator(aliases) -> re.Pattern:
    """A regex that matches where :func:`language.literal_regex` of the aliases does, shaped as a
    prefix tree: it rejects a position at once, where the alternation tries the aliases one by one.
    It may take another alias where several match, so the alternation is then run there."""
    phrases = [" ".join(alias.split()) for alias in aliases if alias.strip()]
    char = lambda letter: r"[\s-]+" if letter == " " else re.escape(letter)
    return re.compile(r"(?<!\w)(?:" + trie_pattern(phrases, char) + r")(?!\w)", re.IGNORECASE)


def find_sources(text: str) -> list[str]:
    """Canonical names of the sources named in `text`, in order of first mention, without repeats."""
    regex, locator, by_alias = _index()
    names = []
    found = locator.search(text)
    while found:
        match = regex.match(text, found.start())
        names.append(by_alias[match.group().lower()])
        found = locator.search(text, match.end())
    return list(dict.fromkeys(names))
