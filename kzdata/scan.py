"""Everything found in one article's text, by offset: sentences, dates, places, actors, numbers.

Events and figures are read from a :class:`Scan`; each finder runs once over the whole text and
results are looked up per sentence by offset.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from . import dates as dates_mod
from . import language as lang
from .actors import ActorMention, find_actors
from .dates import DateExpr, ResolvedDate
from .gazetteer import Gazetteer, PlaceMention
from .metadata import ArticleMeta
from .numbers import NumberMention, find_numbers
from .segment import CONTENT_KINDS, Sentence

NOT_DATES = ("duration", "offset")


class DateMention(NamedTuple):
    """A date in a content sentence, resolved; a named tuple, as the other mentions."""
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
    words: lang.WordStarts | None = None    # where vocabularies' leading words stand (see word_starts)
    _grouped: dict = field(default_factory=dict, repr=False, compare=False)   # name -> (items, count, sentences, by_sentence)
    _sentence_ends: tuple | None = field(default=None, repr=False, compare=False)   # (sentences, their ends)
    memo: dict = field(default_factory=dict, repr=False, compare=False)     # what readers of the scan keep

    def within(self, name: str, sentence: Sentence) -> list:
        """The items of the list attribute ``name`` ("dates", "places", ...) that lie inside the sentence.

        The same as ``within(getattr(scan, name), sentence)``, kept: do not change the list returned.
        """
        index = sentence.sentence_id
        if 0 <= index < len(self.sentences) and self.sentences[index] is sentence:
            return self.by_sentence(name).get(index, [])
        return within(getattr(self, name), sentence)

    def by_sentence(self, name: str) -> dict[int, list]:
        """Sentence index -> the items of the list attribute ``name`` that lie inside that sentence, for
        the sentences that hold any, in text order; found in one pass. Kept: do not change the lists."""
        items, sentences = getattr(self, name), self.sentences
        kept = self._grouped.get(name)
        if kept is None or kept[0] is not items or kept[1] != len(items) or kept[2] is not sentences:
            kept = self._grouped[name] = (items, len(items), sentences, _group(items, sentences, self.sentence_ends()))
        return kept[3]

    def sentence_ends(self) -> list[int]:
        """Where the sentences end, listed once for all the lists grouped by sentence. Kept: do not change it."""
        kept = self._sentence_ends
        if kept is None or kept[0] is not self.sentences:
            kept = self._sentence_ends = (self.sentences, [sentence.end for sentence in self.sentences])
        return kept[1]

    def word_starts(self) -> lang.WordStarts:
        if self.words is None:
            self.words = lang.WordStarts(self.view)
        return self.words

    def content_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in CONTENT_KINDS]

    def quote(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def outside_dateline(self, places: list[PlaceMention]) -> list[PlaceMention]:
        """The places (sorted by start, as those of one sentence) that are not in the dateline, where the
        reporter is, not where it happened: ``places`` itself where none starts in it (do not change the
        list returned)."""
        span = self.meta.dateline_span
        if not span or not places or places[0].start >= span[1] or places[-1].start < span[0]:
            return places
        return [p for p in places if not (span[0] <= p.start < span[1])]


def within(items: list, sentence: Sentence) -> list:
    """The items (sorted by .start) that lie inside the sentence."""
    starts = [item.start for item in items]
    first = bisect_left(starts, sentence.start)
    last = bisect_left(starts, sentence.end, first)
    if first == last:
        return []
    return [item for item in items[first:last] if item.end <= sentence.end]


def _group(items: list, sentences: list[Sentence], ends: list[int]) -> dict[int, list]:
    """:meth:`Scan.by_sentence` of items sorted by start, in sentences in order and disjoint (``ends``:
    where they end): an item can only lie in the first sentence that ends after it starts. Items and
    sentences are walked together once (cheaper than a bisection per item)."""
    groups: dict[int, list] = {}
    count = len(ends)
    index = 0
    for item in items:
        start = item.start
        while index < count and ends[index] <= start:
            index += 1
        if index == count:
            break
        if sentences[index].start <= start and item.end <= ends[index]:
            groups.setdefault(index, []).append(item)
    return groups


def scan_article(text: str, view: str, sentences: list[Sentence], meta: ArticleMeta,
                 published: dt.date | None, language: str, words: lang.WordStarts | None = None) -> Scan:
    """Find everything once; ``sentences`` are those :func:`segment.segment` gives (in order, disjoint).

    ``words``: the view's :class:`language.WordStarts`, if already made (they are kept on the scan).
    """
    exprs = dates_mod.find_dates(view, language)
    content = [s for s in sentences if s.kind in CONTENT_KINDS]
    starts = [s.start for s in content]
    in_content = [e for e in exprs if _in_any(content, starts, e.start)]
    reference, inferred = published, False
    if reference is None:
        reference, inferred = dates_mod.latest_absolute_date(in_content), True
    found = Scan(text, view, sentences, meta, reference, inferred and reference is not None, language,
                 words=words or lang.WordStarts(view))
    for expr in in_content:
        if expr.kind == "offset":
            found.offsets.append(expr)
        elif expr.kind not in NOT_DATES:
            resolved = _resolve(expr, reference)
            if resolved is not None:
                found.dates.append(DateMention(expr.start, expr.end, expr, resolved))
    found.places = Gazetteer.default().find(view, nouns=True, words=found.words)
    found.actors = find_actors(view, language, found.words)
    found.numbers = find_numbers(view, language, exclude=[(e.start, e.end) for e in exprs])
    return found


def _in_any(sentences: list[Sentence], starts: list[int], position: int) -> bool:
    """Whether the position lies in one of the sentences (sorted and disjoint, ``starts`` theirs)."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < sentences[index].end


def _resolve(expr: DateExpr, reference: dt.date | None) -> ResolvedDate | None:
    if reference is not None:
        return expr.resolve(reference)
    if expr.kind == "absolute" and expr.year is not None:
        return expr.resolve(dt.date(expr.year, expr.month, expr.day))
    return None
