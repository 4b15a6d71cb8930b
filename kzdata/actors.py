"""Actors (people, governments, forces) named in a text, from ``lang/<code>/actors.toml``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import language as lang
from .records import from_fields


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    speaks: bool = False
    troops_of: str | None = None
    troops_label: str | None = None


class ActorMention(NamedTuple):
    """An actor named at ``start:end``; a named tuple, as the other mentions (made for each one found)."""
    start: int
    end: int
    actor: Actor


_new_mention = from_fields(ActorMention)


@dataclass(frozen=True)
class _Index:
    regex: re.Pattern                   # the names, case-insensitive
    lowered_regex: re.Pattern | None    # the same for folded text (language.folded), if the names are ASCII
    by_alias: dict
    starts: lang.StartIndex


def word_index(language: str = "id") -> lang.StartIndex:
    """Where actor names can start (for :class:`language.MergedIndex`)."""
    return _index(language).starts


@lru_cache(maxsize=None)
def _index(language: str) -> _Index:
    by_alias = {}
    for name, entry in lang.load("actors", language)["actors"].items():
        actor = Actor(name, entry["kind"], entry.get("speaks", False), entry.get("troops_of"),
                      entry.get("troops_label"))
        for alias in entry["aliases"]:
            by_alias[lang.literal_key(alias)] = actor
    pattern = lang.literal_trie(by_alias)
    lowered_regex = re.compile(pattern) if all(key.isascii() for key in by_alias) else None
    return _Index(re.compile(pattern, re.IGNORECASE), lowered_regex, by_alias,
                  lang.StartIndex({"actor": lang.literal_patterns(by_alias)}))


def find_actors(view: str, language: str = "id", words: lang.WordStarts | None = None) -> list[ActorMention]:
    """Actor mentions in text order. ``words``: the view's :class:`language.WordStarts`, if already made."""
    index = _index(language)
    words = words or lang.WordStarts(view)
    starts = words.of(index.starts)
    if starts is None or index.lowered_regex is None:
        found = index.starts.matches("actor", index.regex, view, 0, starts)
    else:
        found = index.starts.matches("actor", index.lowered_regex, words.lowered, 0, starts)
    by_alias = index.by_alias
    mentions = []
    for match in found:
        text = match.group()  # lower case if found in the folded text; else literal_key folds it
        actor = by_alias.get(text) or by_alias.get(lang.literal_key(text))
        if actor is not None:
            mentions.append(_new_mention(match.span() + (actor,)))
    return mentions
