"""Everything found in one article's text, by offset: sentences, dates, places, actors, numbers.

Events and figures are read from a :class:`Scan`; each finder runs once over the whole text and
results are looked up per sentence by offset.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from . import dates as dates_mod
from .actors import ActorMention, find_actors
from .dates import DateExpr, ResolvedDate
from .gazetteer import Gazetteer, PlaceMention
from .metadata import ArticleMeta
from .numbers import NumberMention, find_numbers
from .segment import CONTENT_KINDS, Sentence

NOT_DATES = ("duration", "offset")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    expr: DateExpr
    resolved: ResolvedDate


@dataclass
class Scan:
    text: str
    view: str
    sentences: list[Sentence]
    meta: ArticleMeta
    reference: dt.date | None
    reference_inferred: bool
    language: str
    dates: list[DateMention] = field(default_factory=list)
    offsets: list[DateExpr] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)

    def content_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in CONTENT_KINDS]

    def quote(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def event_places(self, sentence: Sentence) -> list[PlaceMention]:
        """Places in the sentence other than the dateline (where the reporter is, not where it happened)."""
        span = self.meta.dateline_span
        return [p for p in within(self.places, sentence) if not (span and span[0] <= p.start < span[1])]


def within(items: list, sentence: Sentence) -> list:
    """The items (sorted by .start) that lie inside the sentence."""
    starts = [item.start for item in items]
    first = bisect_left(starts, sentence.start)
    last = bisect_left(starts, sentence.end)
    return [item for item in items[first:last] if item.end <= sentence.end]


def scan_article(text: str, view: str, sentences: list[Sentence], meta: ArticleMeta,
                 published: dt.date | None, language: str) -> Scan:
    exprs = dates_mod.find_dates(view, language)
    content = [s for s in sentences if s.kind in CONTENT_KINDS]
    in_content = [e for e in exprs if any(s.start <= e.start < s.end for s in content)]
    reference, inferred = published, False
    if reference is None:
        reference, inferred = dates_mod.latest_absolute_date(in_content), True
    found = Scan(text, view, sentences, meta, reference, inferred and reference is not None, language)
    for expr in in_content:
        if expr.kind == "offset":
            found.offsets.append(expr)
        elif expr.kind not in NOT_DATES:
            resolved = _resolve(expr, reference)
            if resolved is not None:
                found.dates.append(DateMention(expr.start, expr.end, expr, resolved))
    gazetteer = Gazetteer.default()
    found.places = gazetteer.resolve_nouns(view, gazetteer.find(view))
    found.actors = find_actors(view, language)
    found.numbers = find_numbers(view, language, exclude=[(e.start, e.end) for e in exprs])
    return found


def _resolve(expr: DateExpr, reference: dt.date | None) -> ResolvedDate | None:
    if reference is not None:
        return expr.resolve(reference)
    if expr.kind == "absolute" and expr.year is not None:
        return expr.resolve(dt.date(expr.year, expr.month, expr.day))
    return None
