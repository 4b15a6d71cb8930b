"""Actors (people, governments, forces) named in a text, from ``lang/<code>/actors.toml``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import language as lang


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    speaks: bool = False
    troops_of: str | None = None
    troops_label: str | None = None


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True)
class _Index:
    regex: re.Pattern
    by_alias: dict


def _key(text: str) -> str:
    return " ".join(re.split(r"[\s-]+", text.lower()))


@lru_cache(maxsize=None)
def _index(language: str) -> _Index:
    by_alias = {}
    for name, entry in lang.load("actors", language)["actors"].items():
        actor = Actor(name, entry["kind"], entry.get("speaks", False), entry.get("troops_of"),
                      entry.get("troops_label"))
        for alias in entry["aliases"]:
            by_alias[_key(alias)] = actor
    return _Index(lang.literal_regex(by_alias), by_alias)


def find_actors(view: str, language: str = "id") -> list[ActorMention]:
    index = _index(language)
    return [ActorMention(m.start(), m.end(), index.by_alias[_key(m.group())]) for m in index.regex.finditer(view)]
