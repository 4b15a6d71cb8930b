"""What an article says about itself: title, section, publication time, dateline, bylines, credits."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import dates
from .gazetteer import Gazetteer
from .segment import BODY, BOILERPLATE, CAPTION, TITLE, Sentence, layout
from .sources import find_sources
from . import language as lang


_CREDIT_ROLES = frozenset({"credit", "signoff", "byline", "meta"})     # boilerplate that can name sources


@dataclass
class ArticleMeta:
    title: str | None = None
    section: str | None = None
    published: dt.datetime | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_agency: str | None = None
    author: str | None = None
    editor: str | None = None
    credited_sources: list[str] = field(default_factory=list)


def read_metadata(text: str, view: str, sentences: list[Sentence], language: str = "id",
                  words: lang.WordStarts | None = None) -> ArticleMeta:
    """``words``: the view's :class:`language.WordStarts`, if already made."""
    meta = ArticleMeta()
    rules = layout(language)
    words = words or lang.WordStarts(view)
    first_body = None
    for sentence in sentences:
        kind, role = sentence.kind, sentence.role
        if kind == BODY:
            if first_body is None:
                first_body = sentence
        elif kind == TITLE and meta.title is None:
            meta.title = text[sentence.start:sentence.end]
        elif role == "meta" and meta.published is None:
            piece = view[sentence.start:sentence.end]
            meta.published = dates.parse_timestamp(piece, language)
            if rules.meta_separator in piece:
                meta.section = text[sentence.start:sentence.start + piece.index(rules.meta_separator)].strip() or None
        elif role == "byline":
            _read_byline(view[sentence.start:sentence.end], language, meta)
    if first_body is not None:
        _read_dateline(view, first_body, rules, meta)
    credited = _may_name_sources(sentences, _credit_starts(language, words))
    meta.credited_sources = _credited_sources(view, credited, language, words)
    return meta


@lru_cache(maxsize=None)
def _byline_regex(language: str) -> re.Pattern:
    words = lang.load("layout", language)
    labels = lang.trie_pattern(words["byline_labels"])
    return re.compile(rf"(?i)\b({labels})\s*:\s*(.+?)(?=\s+(?:{labels})\s*:|$)")


def _read_byline(piece: str, language: str, meta: ArticleMeta) -> None:
    words = lang.load("layout", language)
    for match in _byline_regex(language).finditer(piece):
        label, value = match.group(1).lower(), match.group(2).strip()
        if label in words["author_labels"] and meta.author is None:
            meta.author = value
        elif label in words["editor_labels"] and meta.editor is None:
            meta.editor = value


def _read_dateline(view: str, first_body: Sentence, rules, meta: ArticleMeta) -> None:
    match = rules.dateline.match(view[first_body.start:first_body.end])
    if not match:
        return
    place, agency = match.group("place", "agency")
    meta.dateline = _place_named(place)
    if meta.dateline is None:
        return
    meta.dateline_span = (first_body.start, first_body.start + match.end())
    if agency:
        meta.dateline_agency = _source_named(agency)


# Datelines name the same few places and agencies article after article: each is looked up once.

@lru_cache(maxsize=1024)
def _place_named(place: str) -> str | None:
    """The name of the first place the gazetteer finds in a dateline's place, if any."""
    mentions = Gazetteer.default().find(place)
    return mentions[0].place.name if mentions else None


@lru_cache(maxsize=1024)
def _source_named(agency: str) -> str | None:
    named = find_sources(agency)
    return named[0] if named else None


@lru_cache(maxsize=None)
def _credit_phrases(language: str) -> tuple[re.Pattern, lang.StartIndex]:
    patterns = lang.literal_patterns(lang.load("layout", language)["credit_phrases"])
    return lang.phrase_regex(patterns), lang.StartIndex({"credit": patterns})


def credit_index(language: str = "id") -> lang.StartIndex:
    """Where credit phrases can start (for :class:`language.MergedIndex`)."""
    return _credit_phrases(language)[1]


def _credit_starts(language: str, words: lang.WordStarts) -> list[int] | None:
    """Where credit phrases can start in the view, at its word starts; None if unknown."""
    index = credit_index(language)
    if words.lowered is None or index.unindexed:
        return None
    return words.of(index).get("credit", [])


def _may_name_sources(sentences: list[Sentence], starts: list[int] | None) -> list[Sentence]:
    """The sentences that can name sources, in order: boilerplate lines of the credit roles, and body
    and caption sentences where a credit phrase can start.

    A phrase can start in a sentence where one of the view's ``starts`` (see :func:`_credit_starts`)
    lies; anywhere if ``starts`` is None. No sentence of :func:`segment.segment` starts right after a
    word character, so none holds a word start of its own that is not one of the view's. The
    sentences come in the order of the text, so the starts are walked once along them.
    """
    if starts is not None and not starts:
        return [s for s in sentences if s.role in _CREDIT_ROLES and s.kind == BOILERPLATE]
    found: list[Sentence] = []
    following = 0       # the first of the starts not before the sentence
    for sentence in sentences:
        kind = sentence.kind
        if kind == BOILERPLATE:
            if sentence.role in _CREDIT_ROLES:
                found.append(sentence)
            continue
        if kind != BODY and kind != CAPTION:
            continue
        if starts is None:
            found.append(sentence)
            continue
        while following < len(starts) and starts[following] < sentence.start:
            following += 1
        if following < len(starts) and starts[following] < sentence.end:
            found.append(sentence)
    return found


def _credited_sources(view: str, sentences: list[Sentence], language: str, words: lang.WordStarts) -> list[str]:
    """Sources named in credits, sign-offs and source lines, then those a story says it quotes.

    ``sentences``: those that can name a source (boilerplate lines of the credit roles, and story
    sentences where a credit phrase can start), in order."""
    phrases, index = _credit_phrases(language)
    story = [s for s in sentences if s.kind != BOILERPLATE]
    starts = iter(words.by_sentence(index, story) if story else ())
    found: list[str] = []
    for sentence in sentences:
        if sentence.kind == BOILERPLATE:
            found += find_sources(view[sentence.start:sentence.end])
        else:
            sentence_starts = next(starts)
            if index.nothing_in(sentence_starts):
                continue
            piece = view[sentence.start:sentence.end]
            for match in index.matches("credit", phrases, piece, sentence.start, sentence_starts):
                found += find_sources(piece[match.end():match.end() + 60])[:1]
    return list(dict.fromkeys(found))
