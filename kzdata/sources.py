"""News agencies and outlets, recognised by name or web domain, from ``data/sources.csv``."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .language import folded, literal_key, literal_regex, trie_pattern

SOURCES_CSV = Path(__file__).parent / "data" / "sources.csv"


class _Index(NamedTuple):
    regex: re.Pattern                   # the aliases, case-insensitive
    locator: re.Pattern                 # where they can start (see _locator)
    lowered_regex: re.Pattern | None    # the two for folded text (language.folded), if the aliases are ASCII
    lowered_locator: re.Pattern | None
    by_alias: dict[str, str]


@lru_cache(maxsize=1)
def _index() -> _Index:
    by_alias = {}
    with SOURCES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for alias in row["aliases"].split("|"):
                by_alias[literal_key(alias)] = row["name"]
    lowered_regex = lowered_locator = None
    if all(alias.isascii() for alias in by_alias):
        lowered_regex, lowered_locator = literal_regex(by_alias, flags=0), _locator(by_alias, flags=0)
    return _Index(literal_regex(by_alias), _locator(by_alias), lowered_regex, lowered_locator, by_alias)


def _locator(aliases, flags: int = re.IGNORECASE) -> re.Pattern:
    """A regex that matches where :func:`language.literal_regex` of the aliases does, shaped as a
    prefix tree: it rejects a position at once, where the alternation tries the aliases one by one.
    It may take another alias where several match, so the alternation is then run there."""
    phrases = [" ".join(alias.split()) for alias in aliases if alias.strip()]
    char = lambda letter: r"[\s-]+" if letter == " " else re.escape(letter)
    return re.compile(r"(?<!\w)(?:" + trie_pattern(phrases, char) + r")(?!\w)", flags)


def find_sources(text: str) -> list[str]:
    """Canonical names of the sources named in `text`, in order of first mention, without repeats.

    The aliases are looked for case-sensitively in the folded text where they can be: a
    case-insensitive regex compares case-folded characters at every position, which is slower."""
    index = _index()
    lowered = folded(text) if index.lowered_regex is not None else None
    if lowered is None:
        searched, regex, locator = text, index.regex, index.locator
    else:
        searched, regex, locator = lowered, index.lowered_regex, index.lowered_locator
    names = []
    found = locator.search(searched)
    while found:
        match = regex.match(searched, found.start())
        names.append(_name_of(match.group()))
        found = locator.search(searched, match.end())
    return list(dict.fromkeys(names))


@lru_cache(maxsize=1024)
def _name_of(matched: str) -> str:
    """The canonical name of an alias as a regex matched it: the same few are matched article after
    article, and their key (:func:`language.literal_key`) is made once."""
    return _index().by_alias[literal_key(matched)]
