"""Place names: the gazetteer, a fast alias matcher, and the boundary files.

Data (nothing language-specific lives in this module):

* ``data/gazetteer.csv``: one row per place. Columns ``name`` (canonical English name, unique), ``kind``,
  ``lat``, ``lon``, ``precision``, ``parent``, ``country`` (ISO alpha-3), ``adm1_codes`` and ``aliases``
  (``|``-separated), ``coord_source``, plus two optional columns: ``role`` (what a generic noun can refer to:
  ``airport``, ``city_hall``, ``main_square``, ``presidential_residence``) and ``case_sensitive_aliases``
  (aliases that are also ordinary words, e.g. "Oral", and so match only as written).
* ``data/place_nouns.csv``: generic nouns ("bandara", "balai kota", "alun-alun", ...) with the ``role`` they
  refer to and a ``scope`` (``sentence`` or ``adjacent``); see :meth:`Gazetteer.resolve_nouns`.
* ``geo/kazakhstan_regions.geojson`` and ``geo/countries.geojson`` (Natural Earth; see ``geo/SOURCE.md``).

Matching rules (:meth:`Gazetteer.find`): whole words only; case-insensitive, except aliases of at most three
letters written in capitals ("AS", "RI", "U.S.") and the aliases listed in ``case_sensitive_aliases``, which
match only with the same case; a space or hyphen in an alias matches any run of spaces (including no-break and
narrow no-break spaces) and hyphens/dashes on one line, so "Alma-Ata", "Alma Ata" and "Alma–Ata" all match;
straight and curly apostrophes are interchangeable; where aliases overlap the longest wins
("Bandara Internasional Almaty" over "Almaty", "Kazakhstan barat" over "Kazakhstan"). Text is not
Unicode-normalized: write aliases precomposed (NFC), as news text is. Russian and Kazakh aliases are listed in
the nominative; inflected forms ("в Алматы" works, "в Москве" does not) are not generated.

Speed: the aliases are compiled once (per :class:`Gazetteer`) into trie-shaped regular expressions, one for
case-insensitive aliases, one for case-sensitive ones and one for the generic nouns; they are tried only where
an alias's first word occurs in the text. ``find`` takes about 0.1-0.2 ms for a 3,000-character article.
"""
from __future__ import annotations

import bisect
import csv
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

import pandas as pd

from . import language as lang
from .records import from_fields

PACKAGE_DIR = Path(__file__).parent
DATA_DIR = PACKAGE_DIR / "data"
GEO_DIR = PACKAGE_DIR / "geo"
GAZETTEER_CSV = DATA_DIR / "gazetteer.csv"
PLACE_NOUNS_CSV = DATA_DIR / "place_nouns.csv"
REGIONS_GEOJSON = GEO_DIR / "kazakhstan_regions.geojson"
COUNTRIES_GEOJSON = GEO_DIR / "countries.geojson"

KINDS = ("country", "region", "city", "airport", "building", "square")
PRECISIONS = ("point", "city", "region", "country")  # most to least precise
NOUN_SCOPES = ("sentence", "adjacent")

# Separators inside a multi-word alias: horizontal whitespace (incl. U+00A0, U+202F) and hyphens/dashes.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SEP_PATTERN = rf"(?:[^\S\r\n]|[{_DASHES}])+"
_SEP_RE = re.compile(_SEP_PATTERN)
_APOSTROPHES = "'\u2019\u2018\u02bc\u2032`"
_APOS_PATTERN = "[" + re.escape(_APOSTROPHES) + "]"
_APOS_TABLE = str.maketrans({c: "'" for c in _APOSTROPHES})
# Sentence ends: terminal punctuation (plus closing quotes/brackets) before whitespace or the end, or a
# line break. The regex starts with a character class so that CPython's regex engine skips ahead fast.
_SENTENCE_END_RE = re.compile(r"[.!?\u2026\n](?:(?<=\n)|[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s|$))")
# For scope "adjacent": at most this many words, and no punctuation, between the noun and the city.
ADJACENT_MAX_WORDS = 3
_ADJACENT_GAP_RE = re.compile(r"[^\S\r\n]+(?:\w+[^\S\r\n]+){0,%d}" % ADJACENT_MAX_WORDS)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    lat: float
    lon: float
    precision: str
    parent: str | None
    country: str
    adm1_codes: tuple[str, ...]
    coord_source: str


class PlaceMention(NamedTuple):
    """A place named in a text at ``start:end`` (``text`` as written there). A named tuple: made for every
    mention of every article, it is several times cheaper than a frozen dataclass."""
    start: int
    end: int
    text: str
    place: Place


_new_mention = from_fields(PlaceMention)


@dataclass(frozen=True)
class _Noun:
    role: str
    scope: str


def normalize_alias(alias: str, *, keep_case: bool = False) -> str:
    """The key under which an alias (or a matched span of text) is looked up."""
    key = _SEP_RE.sub(" ", alias.strip()).translate(_APOS_TABLE)
    return key if keep_case else key.lower()


def is_case_sensitive_alias(alias: str) -> bool:
    """Short all-caps aliases ("AS", "RI", "U.S.", "PRC") only match as written."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def _trie_pattern(keys: Iterable[str]) -> str | None:
    """One regex for all keys, shaped as a trie (:func:`language.trie_pattern`) so that it is fast and
    prefers the longest key: where a key ends inside a longer one, the longer one's alternative is tried
    first and the empty one last, so the engine backtracks to a shorter key only if the word-boundary
    check fails.

    Keys are normalized (separators are single spaces, apostrophes are ``'``); a space matches any
    separator and an apostrophe any apostrophe.
    """
    keys = list(keys)
    if not keys:
        return None
    return r"(?<!\w)" + lang.trie_pattern(keys, _key_char) + r"(?!\w)"


def _key_char(char: str) -> str:
    if char == " ":
        return _SEP_PATTERN
    if char == "'":
        return _APOS_PATTERN
    return re.escape(char)


_WORD_RE = re.compile(r"\w+")


class _Matcher:
    """Finds normalized keys in text: a trie regex, tried only where a key's first word occurs.

    Scanning a 3,000-character article position by position with a regex of a few hundred aliases costs
    about 0.3-0.4 ms in CPython; trying the regex only at occurrences of the aliases' first words (found with
    one tokenization of the text, shared by all matchers, and ``str.find``) costs a third of that or less.
    Case-insensitive matchers search the lower-cased text (keys are lower-cased); if lower-casing changes
    the text's length (a few rare characters), they fall back to an IGNORECASE scan of the original.
    """

    def __init__(self, index: dict[str, object], *, ignore_case: bool, spellings: Iterable[str] = ()) -> None:
        """``spellings``: the keys as listed in the data ("Nur-Sultan"); text that writes a key so is looked
        up without normalizing it (see :meth:`lookup`)."""
        self.index = index
        self.ignore_case = ignore_case
        pattern = _trie_pattern(index)
        self.pattern = pattern
        self.regex = re.compile(pattern) if pattern else None
        self._regex_ignorecase: re.Pattern | None = None
        self._caseless: dict[str, object] | None = None
        written = (spelling.lower() for spelling in spellings) if ignore_case else spellings
        self._as_written = {spelling: self.key_of(spelling) for spelling in written}
        self.first_words: dict[str, list[str]] = {}  # lower-cased first word -> first words as written
        for key in index:
            word = _WORD_RE.match(key)
            if word is None:
                raise ValueError(f"alias or noun {key!r} does not start with a letter or digit")
            written = self.first_words.setdefault(word.group().lower(), [])
            if word.group() not in written:
                written.append(word.group())

    def regex_ignorecase(self) -> re.Pattern:
        """The regex for text whose lower case is not as long as it (compiled when first needed)."""
        if self._regex_ignorecase is None:
            self._regex_ignorecase = re.compile(self.pattern, re.IGNORECASE)
        return self._regex_ignorecase

    def key_of(self, written: str) -> str:
        return normalize_alias(written, keep_case=not self.ignore_case)

    def lookup(self, matched: str):
        value = self.index.get(matched)  # the usual case: already normalized
        if value is None:
            key = self._as_written.get(matched) or self.key_of(matched)
            value = self.index.get(key)
            if value is None:
                value = self._caseless_index()[lang.caseless(key)]
        return value

    def _caseless_index(self) -> dict[str, object]:
        """The index by :func:`language.caseless` keys: the IGNORECASE scan equates "ı", "ſ" and the
        Kelvin sign with ASCII letters ("Tajıkistan" matches "tajikistan"), which lower-casing does not."""
        if self._caseless is None:
            self._caseless = {}
            for key, value in self.index.items():
                self._caseless.setdefault(lang.caseless(key), value)
        return self._caseless

    def spans(self, text: str, lowered: str | None, words: set[str] | None,
              positions: list[int] | None = None) -> list[tuple[int, int, object]]:
        """(start, end, value) of the longest key at each position where one starts, sorted by start.

        ``lowered``: ``text.lower()`` if it has the same length as ``text``, else None.
        ``words``: the set of words (``\\w+``) of ``lowered``, or None to look for every first word.
        ``positions``: the sorted word starts where a key's first word stands, if known (see
        :meth:`Gazetteer.word_index`): only there can a key start.
        Without ``lowered`` the whole text is scanned with the regex (slower, same result).
        """
        if self.regex is None:
            return []
        haystack = lowered if self.ignore_case else text
        match_at = self.regex.match
        if lowered is not None and positions is not None:
            return [(i, m.end(), self.lookup(m.group())) for i in positions
                    if (m := match_at(haystack, i)) is not None]
        if lowered is None:
            regex = self.regex_ignorecase() if self.ignore_case else self.regex
            return [(m.start(), m.end(), self.lookup(m.group())) for m in regex.finditer(text)]
        found: dict[int, tuple[int, int, str]] = {}
        for lower_word in (self.first_words.keys() if words is None else self.first_words.keys() & words):
            for word in self.first_words[lower_word]:
                i = haystack.find(word)
                while i != -1:
                    if i not in found:
                        m = match_at(haystack, i)
                        if m is not None:
                            found[i] = (i, m.end(), self.lookup(m.group()))
                    i = haystack.find(word, i + 1)
        return [found[i] for i in sorted(found)]


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


class Gazetteer:
    """Places, their aliases, and matching of both in text. Build with :meth:`default` or :meth:`from_csv`."""

    def __init__(
        self,
        places: Sequence[Place],
        aliases: dict[str, Sequence[str]],
        *,
        case_sensitive: dict[str, Sequence[str]] | None = None,
        roles: dict[str, str] | None = None,
        nouns: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        """``aliases``/``case_sensitive``: canonical name -> aliases (a place without aliases is matched by its
        canonical name); ``roles``: canonical name -> role; ``nouns``: generic noun -> (role, scope).
        Raises ValueError on inconsistent data (duplicate names, an alias of two places, a missing parent...)."""
        self._places: dict[str, Place] = {}
        for place in places:
            if place.name in self._places:
                raise ValueError(f"duplicate canonical name {place.name!r}")
            if place.kind not in KINDS:
                raise ValueError(f"{place.name!r}: unknown kind {place.kind!r} (expected one of {KINDS})")
            if place.precision not in PRECISIONS:
                raise ValueError(f"{place.name!r}: unknown precision {place.precision!r} (expected one of {PRECISIONS})")
            self._places[place.name] = place
        for place in self._places.values():
            if place.parent is not None and place.parent not in self._places:
                raise ValueError(f"{place.name!r}: parent {place.parent!r} is not in the gazetteer")

        case_sensitive = case_sensitive or {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        self._ci_index: dict[str, str] = {}  # lower-cased key -> canonical name
        self._cs_index: dict[str, str] = {}  # case-preserving key -> canonical name
        unknown_places = set(aliases) - set(self._places)
        if unknown_places:
            raise ValueError(f"aliases given for unknown places {sorted(unknown_places)}")
        for name in self._places:
            names = aliases.get(name) or (name,)
            listed_cs = set(case_sensitive.get(name, ()))
            unknown = listed_cs - set(names)
            if unknown:
                raise ValueError(f"{name!r}: case_sensitive_aliases {sorted(unknown)} are not among its aliases")
            self._aliases[name] = tuple(names)
            for alias in names:
                if alias in listed_cs or is_case_sensitive_alias(alias):
                    self._add_key(self._cs_index, normalize_alias(alias, keep_case=True), name, alias)
                else:
                    self._add_key(self._ci_index, normalize_alias(alias), name, alias)
        # A case-sensitive alias must not be shadowed by a case-insensitive alias of another place.
        for key, name in self._cs_index.items():
            other = self._ci_index.get(key.lower())
            if other is not None and other != name:
                raise ValueError(f"alias {key!r} of {name!r} collides with an alias of {other!r}")

        self._role_of: dict[str, str] = {}
        self._by_city_role: dict[tuple[str, str], Place] = {}
        for name, role in (roles or {}).items():
            place = self._places[name]
            if place.parent is None or self._places[place.parent].kind != "city":
                raise ValueError(f"{name!r} has role {role!r} but its parent is not a city")
            if (place.parent, role) in self._by_city_role:
                raise ValueError(f"two places with role {role!r} in {place.parent!r}")
            self._role_of[name] = role
            self._by_city_role[(place.parent, role)] = place

        self._nouns: dict[str, _Noun] = {}
        for noun, (role, scope) in (nouns or {}).items():
            if scope not in NOUN_SCOPES:
                raise ValueError(f"noun {noun!r}: unknown scope {scope!r} (expected one of {NOUN_SCOPES})")
            key = normalize_alias(noun)
            if key in self._nouns and self._nouns[key].role != role:
                raise ValueError(f"noun {noun!r} is listed with two roles")
            self._nouns[key] = _Noun(role, scope)

        spellings = [alias for names in self._aliases.values() for alias in names]
        self._ci_matcher = _Matcher({key: self._places[name] for key, name in self._ci_index.items()},
                                    ignore_case=True, spellings=spellings)
        self._cs_matcher = _Matcher({key: self._places[name] for key, name in self._cs_index.items()},
                                    ignore_case=False, spellings=spellings)
        self._noun_matcher = _Matcher(self._nouns, ignore_case=True, spellings=nouns or ())
        self._word_index: lang.StartIndex | None = None
        self._hosts = {name: _Host(self._host_city(place), place.kind == "region") for name, place in self._places.items()}
        self._children: dict[str, list[Place]] = {}
        for place in self._places.values():
            if place.parent is not None:
                self._children.setdefault(place.parent, []).append(place)

    @staticmethod
    def _add_key(index: dict[str, str], key: str, name: str, alias: str) -> None:
        other = index.get(key)
        if other is not None and other != name:
            raise ValueError(f"alias {alias!r} maps to two places: {other!r} and {name!r}")
        index[key] = name

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_csv(cls, path: str | Path = GAZETTEER_CSV, nouns_path: str | Path | None = PLACE_NOUNS_CSV) -> "Gazetteer":
        places: list[Place] = []
        aliases: dict[str, list[str]] = {}
        case_sensitive: dict[str, list[str]] = {}
        roles: dict[str, str] = {}
        with open(path, newline="", encoding="utf-8") as handle:
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    place = Place(
                        name=row["name"].strip(),
                        kind=row["kind"].strip(),
                        lat=float(row["lat"]),
                        lon=float(row["lon"]),
                        precision=row["precision"].strip(),
                        parent=(row["parent"] or "").strip() or None,
                        country=row["country"].strip(),
                        adm1_codes=tuple(_split(row["adm1_codes"])),
                        coord_source=row["coord_source"].strip(),
                    )
                except (KeyError, ValueError, TypeError, AttributeError) as exc:
                    raise ValueError(f"{path}:{line_no}: bad row {row!r}: {exc}") from exc
                places.append(place)
                aliases[place.name] = _split(row["aliases"]) or [place.name]
                case_sensitive[place.name] = _split(row.get("case_sensitive_aliases"))
                if (row.get("role") or "").strip():
                    roles[place.name] = row["role"].strip()
        nouns: dict[str, tuple[str, str]] = {}
        if nouns_path is not None:
            with open(nouns_path, newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    nouns[row["noun"].strip()] = (row["role"].strip(), (row.get("scope") or "sentence").strip())
        return cls(places, aliases, case_sensitive=case_sensitive, roles=roles, nouns=nouns)

    @classmethod
    def default(cls) -> "Gazetteer":
        """The packaged gazetteer, loaded once per process."""
        return _default_gazetteer()

    # ------------------------------------------------------------------ lookup
    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self):
        return iter(self._places.values())

    def __contains__(self, name: object) -> bool:
        return name in self._places

    @property
    def places(self) -> list[Place]:
        return list(self._places.values())

    def get(self, name: str) -> Place:
        """The place with this canonical name (aliases are not accepted: use :meth:`lookup`)."""
        try:
            return self._places[name]
        except KeyError:
            hint = ""
            alias_of = self.lookup(name) if isinstance(name, str) else None
            if alias_of is not None:
                hint = f"; {name!r} is an alias of {alias_of.name!r}"
            raise KeyError(f"no place with canonical name {name!r} in the gazetteer{hint}") from None

    def lookup(self, alias: str) -> Place | None:
        """The place that an alias (any listed spelling, matched by the same rules as :meth:`find`) names."""
        name = self._cs_index.get(normalize_alias(alias, keep_case=True)) or self._ci_index.get(normalize_alias(alias))
        return self._places[name] if name else None

    def aliases(self, name: str) -> tuple[str, ...]:
        self.get(name)
        return self._aliases.get(name, (name,))

    def role(self, name: str) -> str | None:
        """The landmark role of a place ("airport", "city_hall", ...), or None."""
        self.get(name)
        return self._role_of.get(name)

    def children(self, name: str, kind: str | None = None, *, recursive: bool = False) -> list[Place]:
        """Places whose parent is ``name`` (all descendants if ``recursive``), optionally of one kind."""
        self.get(name)
        out: list[Place] = []
        stack = list(reversed(self._children.get(name, [])))
        while stack:
            place = stack.pop()
            if kind is None or place.kind == kind:
                out.append(place)
            if recursive:
                stack.extend(reversed(self._children.get(place.name, [])))
        return out

    def frame(self) -> pd.DataFrame:
        """The whole gazetteer, one row per place (``adm1_codes`` and ``aliases`` as tuples)."""
        rows = []
        for place in self._places.values():
            rows.append(
                {
                    "name": place.name,
                    "kind": place.kind,
                    "lat": place.lat,
                    "lon": place.lon,
                    "precision": place.precision,
                    "parent": place.parent,
                    "country": place.country,
                    "adm1_codes": place.adm1_codes,
                    "aliases": self._aliases.get(place.name, (place.name,)),
                    "coord_source": place.coord_source,
                    "role": self._role_of.get(place.name),
                }
            )
        return pd.DataFrame(rows)

    # ------------------------------------------------------------------ matching
    @staticmethod
    def _prepare(text: str) -> tuple[str | None, set[str] | None]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return None, None
        return lowered, set(_WORD_RE.findall(lowered))

    def word_index(self) -> lang.StartIndex:
        """The first words of the case-insensitive aliases ("ci"), of the case-sensitive ones ("cs", found
        in any case: the case is checked where they stand) and of the nouns ("nouns").

        With :class:`language.WordStarts` they are found in one pass with other vocabularies' words.
        """
        if self._word_index is None:
            self._word_index = lang.StartIndex.from_words(
                {"ci": list(self._ci_matcher.first_words), "cs": list(self._cs_matcher.first_words),
                 "nouns": list(self._noun_matcher.first_words)})
        return self._word_index

    def _starts(self, text: str, words: lang.WordStarts | None) -> tuple[str | None, set | None, dict | None]:
        """(lowered, word set, positions of first words) to match with; the positions if ``words`` has them."""
        starts = words.of(self.word_index()) if words is not None else None
        if starts is None:
            return (*self._prepare(text), None)
        return words.lowered, None, starts

    def find(self, text: str, *, nouns: bool = False, words: lang.WordStarts | None = None) -> list[PlaceMention]:
        """All place names in ``text``: non-overlapping, longest first, sorted by start.

        With ``nouns=True`` the generic nouns that :meth:`resolve_nouns` can resolve are merged in
        (the same as ``resolve_nouns(text, find(text))``). ``words``: ``language.WordStarts(text)``,
        if already made for other vocabularies too (the same result, found faster).
        """
        lowered, word_set, starts = self._starts(text, words)
        mentions = self._find(text, lowered, word_set, starts)
        if nouns:
            return self._resolve_nouns(text, mentions, lowered, word_set, starts)
        return mentions

    def _find(self, text: str, lowered: str | None, words: set[str] | None,
              starts: dict | None = None) -> list[PlaceMention]:
        """The mentions: at each start the longest alias (of a case-insensitive and a case-sensitive one as
        long, the case-insensitive one), unless it starts inside an earlier mention."""
        if starts is None:
            spans = self._ci_matcher.spans(text, lowered, words)
            for span in self._cs_matcher.spans(text, lowered, words):
                bisect.insort(spans, span, key=_leftmost_longest)
            return self._mentions(text, lowered, (), spans)
        return self._mentions(text, lowered, starts.get("ci", []),
                              self._cs_matcher.spans(text, lowered, words, starts.get("cs", [])))

    def _mentions(self, text: str, lowered: str | None, positions: Sequence[int],
                  spans: list[tuple[int, int, Place]]) -> list[PlaceMention]:
        """The mentions of :meth:`_find` from the case-insensitive aliases matched at ``positions`` (sorted
        word starts of ``lowered``) and from ``spans`` (sorted by :func:`_leftmost_longest`).

        The aliases are matched while the mentions are built, and not where an earlier mention already
        stands: most articles name a few dozen places, and each match or list of candidates costs."""
        mentions: list[PlaceMention] = []
        last_end = -1
        matcher = self._ci_matcher
        place_of = matcher.index.get  # the usual case (see _Matcher.lookup)
        match_at = matcher.regex.match if positions else None  # without such aliases, no regex nor positions
        pending = iter(spans)
        span = next(pending, _NO_SPAN)
        for start in chain(positions, (_END,)):
            while span[0] < start:
                if span[0] >= last_end:
                    mentions.append(_new_mention((span[0], span[1], text[span[0]:span[1]], span[2])))
                    last_end = span[1]
                span = next(pending, _NO_SPAN)
            if start < last_end or start == _END or (match := match_at(lowered, start)) is None:
                continue
            end = match.end()
            if span[0] == start and span[1] > end:
                continue  # a longer span starts here: it is taken before the next position
            key = match.group()
            mentions.append(_new_mention((start, end, text[start:end], place_of(key) or matcher.lookup(key))))
            last_end = end
        return mentions

    def _host_city(self, place: Place) -> Place | None:
        """The city a mention names: the city itself, or the city a landmark stands in."""
        if place.kind == "city":
            return place
        if place.parent is not None and place.kind in ("airport", "building", "square"):
            parent = self._places[place.parent]
            if parent.kind == "city":
                return parent
        return None

    def resolve_nouns(self, text: str, mentions: Sequence[PlaceMention] | None = None) -> list[PlaceMention]:
        """``mentions`` plus the generic nouns ("bandara", "balai kota", "alun-alun", ...) that resolve to a
        landmark of a city named nearby, all sorted by start.

        ``mentions`` are the named places in ``text`` (``find(text)`` if None); they are returned unchanged,
        so ``resolve_nouns(text, find(text)) == find(text, nouns=True)``. A resolved noun is a
        :class:`PlaceMention` whose ``text`` is the noun as written (filter on ``m.text`` against the
        landmark's aliases, or compare with ``find(text)``, to tell them apart). A noun that overlaps a
        mention is skipped: it is part of a full name such as "Bandara Internasional Almaty".

        Each noun is resolved against a *host city*: a city mention, or a landmark mention, whose city counts.

        * scope ``sentence``: the city mentioned nearest to the noun in the same sentence. If that sentence
          names no city and no region, the nearest city mentioned earlier in the same paragraph (a paragraph
          ends at a line break). Countries do not block this fallback: "tentara Rusia" names no location.
        * scope ``adjacent`` (for very common words such as "lapangan"): a city that follows the noun with at
          most ``ADJACENT_MAX_WORDS`` words and no punctuation in between ("lapangan di pusat Almaty", but
          not "di lapangan, situasi di Almaty").

        The noun resolves only if the gazetteer has a place with the noun's role in the host city
        ("bandara" + Almaty -> Almaty International Airport); otherwise it is dropped, never guessed.
        """
        lowered, words = self._prepare(text)
        mentions = self._find(text, lowered, words) if mentions is None else sorted(mentions, key=lambda m: m.start)
        return self._resolve_nouns(text, mentions, lowered, words)

    def _resolve_nouns(self, text: str, mentions: Sequence[PlaceMention], lowered: str | None,
                       words: set[str] | None, starts: dict | None = None) -> list[PlaceMention]:
        """``mentions`` (sorted by start) with the nouns resolved (see :meth:`resolve_nouns`)."""
        mention_starts = [m.start for m in mentions]
        positions = None if starts is None else _uncovered(starts.get("nouns", []), mentions, mention_starts)
        kept = _outside(self._noun_matcher.spans(text, lowered, words, positions), mentions, mention_starts)
        if not kept:
            return mentions
        resolved: list[PlaceMention] = []
        for start, end, noun in kept:
            if noun.scope == "adjacent":
                host = self._following_host(text, mentions, bisect.bisect_left(mention_starts, end), end)
            else:
                host = self._sentence_host(text, mentions, mention_starts, start, end)
            landmark = None if host is None else self._by_city_role.get((host.name, noun.role))
            if landmark is not None:
                resolved.append(_new_mention((start, end, text[start:end], landmark)))
        if not resolved:
            return mentions
        merged = list(mentions)
        for mention in resolved:
            bisect.insort(merged, mention, key=_START)
        return merged

    def _following_host(self, text: str, mentions: Sequence[PlaceMention], first: int, end: int) -> Place | None:
        """For a noun of scope "adjacent" ending at ``end``: the host city of the first city mention after it
        (from ``mentions[first]``, the first that starts at ``end`` or later), if close enough."""
        for mention in mentions[first:]:
            host = self._hosts[mention.place.name].city
            if host is not None:
                return host if _ADJACENT_GAP_RE.fullmatch(text, end, mention.start) else None
        return None

    def _sentence_host(self, text: str, mentions: Sequence[PlaceMention], mention_starts: list[int],
                       start: int, end: int) -> Place | None:
        """For a noun of scope "sentence" at ``start:end``: the host city of the nearest city mention in its
        sentence (of two as near, the earlier); if the sentence names no city and no region, of the last
        one before it in its paragraph."""
        paragraph_start, sentence_start, sentence_end = _sentence_around(text, start)
        first = bisect.bisect_left(mention_starts, sentence_start)
        last = bisect.bisect_left(mention_starts, sentence_end)
        best, best_key, blocked = None, None, False
        for mention in mentions[first:last]:
            host, is_region = self._hosts[mention.place.name]
            if host is not None:
                key = (max(mention.start - end, start - mention.end), mention.start > start)
                if best_key is None or key < best_key:
                    best, best_key = host, key
            blocked = blocked or is_region
        if best is not None or blocked:
            return best
        best_start = -1
        for mention in mentions[bisect.bisect_left(mention_starts, paragraph_start):first]:
            host = self._hosts[mention.place.name].city
            if host is not None and mention.end <= start and mention.start > best_start:
                best, best_start = host, mention.start
        return best


def _sentence_around(text: str, position: int) -> tuple[int, int, int]:
    """The start of the paragraph (after a line break) and the start and end of the sentence (see
    ``_SENTENCE_END_RE``) that ``position``, the start of a word, stands in; the end is ``len(text)`` in the
    last sentence.

    The text is read from the paragraph's start only: a sentence end is found the same wherever the search
    starts, as it can only consume terminal punctuation and closing quotes (never a word, nor a line
    break after its first character), and the line break before the paragraph ends a sentence itself.
    """
    paragraph_start = text.rfind("\n", 0, position) + 1
    sentence_start = paragraph_start
    for match in _SENTENCE_END_RE.finditer(text, max(paragraph_start - 1, 0)):
        if match.end() > position:
            return paragraph_start, sentence_start, match.end()
        sentence_start = match.end()
    return paragraph_start, sentence_start, len(text)


_END = sys.maxsize  # after any position in a text
_NO_SPAN = (_END, _END, None)


def _leftmost_longest(span: tuple[int, int, object]) -> tuple[int, int]:
    return span[0], span[0] - span[1]


_START = attrgetter("start")


class _Host(NamedTuple):
    """What a mention of a place tells the nouns near it: its host city (see :meth:`Gazetteer._host_city`)
    and whether it is a region (a sentence naming one has no city to fall back to)."""
    city: Place | None
    is_region: bool


def _uncovered(positions: list[int], mentions: Sequence[PlaceMention], mention_starts: list[int]) -> list[int]:
    """The positions that lie in no mention (``mention_starts`` are the mentions' starts): a noun starting
    inside a mention overlaps it, so :func:`_outside` would drop it; it need not be matched."""
    uncovered = []
    for position in positions:
        i = bisect.bisect_right(mention_starts, position)  # the last mention that starts at or before it
        if not i or mentions[i - 1].end <= position:
            uncovered.append(position)
    return uncovered


def _outside(noun_spans: list[tuple[int, int, _Noun]], mentions: Sequence[PlaceMention],
             mention_starts: list[int]) -> list[tuple[int, int, _Noun]]:
    """The noun spans that overlap neither an earlier kept one nor a mention (sorted by start and disjoint;
    ``mention_starts`` are their starts): noun spans are found at every first word, and a noun inside a
    mention is part of a full name."""
    kept = []
    last_end = -1
    for start, end, noun in noun_spans:
        i = bisect.bisect_left(mention_starts, end)  # the last mention that starts before the noun ends
        if start < last_end or (i and mentions[i - 1].end > start):
            continue
        kept.append((start, end, noun))
        last_end = end
    return kept


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(GAZETTEER_CSV, PLACE_NOUNS_CSV)


@lru_cache(maxsize=None)
def region_geojson() -> dict:
    """Kazakhstan admin-1 polygons (Natural Earth), cached: treat as read-only."""
    with open(REGIONS_GEOJSON, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=None)
def countries_geojson() -> dict:
    """Admin-0 outlines of Kazakhstan, the CSTO members, China, Uzbekistan, Turkmenistan (cached, read-only)."""
    with open(COUNTRIES_GEOJSON, encoding="utf-8") as handle:
        return json.load(handle)
