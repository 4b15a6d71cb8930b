"""Reported figures: a number with the category its nearest trigger gives, who is counted, and by whom.

"menewaskan 31 pengunjuk rasa" is 31 killed demonstrators; "Sebelas polisi ... tewas" is 11
killed law-enforcement officers. A number with neither a trigger nor a countable noun is not a
figure ("enam negara"). The date a figure holds for comes from its sentence, else from the
paragraph before it, else from the article's date; the last two are marked inferred.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import language as lang
from .events import best_place
from .numbers import NumberMention
from .scan import DateMention, Scan
from .segment import CONTENT_KINDS, Sentence

CATEGORIES = ("killed", "injured", "arrested", "detained", "troops", "evacuated", "aircraft", "other")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
MAX_INFERRED_SPAN_DAYS = 7  # see _dates_a_report
_WORD = re.compile(r"\w+")
_COUNTED_AS = {"troops": "troops", "aircraft": "aircraft"}     # subject -> category when no trigger gives one
_ARTICLE = r"para\W+"      # may stand between a number and the noun it counts
_APART = object()     # in _categories, the stretch between two sentences, where no trigger is weighed


class _Subjects:
    """Who a number counts: the first subject (in the data file's order) whose noun follows it.

    A subject's regex is tried only if a leading word of one of its nouns (see
    :func:`language.leading_words`) stands where the noun would start, right after the number or
    after "para", which one regex on the folded text finds: one regex of all the subjects' nouns
    tries each of them, costing several times more.
    """

    def __init__(self, nouns: dict[str, list[str]]) -> None:
        self.names = list(nouns)
        self.regexes = [re.compile(rf"\W*(?:{_ARTICLE})?(?:{'|'.join(p)})(?!\w)", re.I) for p in nouns.values()]
        index = lang.StartIndex(nouns)
        order = {name: number for number, name in enumerate(self.names)}
        self.by_word = {word: tuple(sorted(map(order.__getitem__, names))) for word, names in index.names.items()}
        self.anywhere = frozenset(map(order.__getitem__, index.unindexed))
        words = lang.trie_pattern(index.names)
        self.leading = re.compile(rf"\W*(?=({words})?)(?:{_ARTICLE}({words}))?")     # on folded text

    def after(self, view: str, lowered: str | None, number: NumberMention) -> str | None:
        """The subject of the number; ``lowered``: the view's :func:`language.folded` text, if any."""
        tried = range(len(self.names)) if lowered is None else self._candidates(lowered, number.end)
        for index in tried:
            if self.regexes[index].match(view, number.end):
                return self.names[index]
        return None

    def _candidates(self, lowered: str, position: int) -> tuple[int, ...] | list[int]:
        """The subjects, in order, a leading word of which stands where a noun after ``position`` starts."""
        word, after_article = self.leading.match(lowered, position).groups()
        if after_article is None and not self.anywhere:
            return self.by_word.get(word, ())
        return sorted(self.anywhere.union(self.by_word.get(word, ()), self.by_word.get(after_article, ())))


@dataclass(frozen=True)
class _Vocabulary:
    before: dict[str, re.Pattern]
    after: dict[str, re.Pattern]
    triggers: dict[str, tuple[str, re.Pattern, bool]]   # name in `starts` -> (category, regex, before the number)
    subjects: _Subjects
    speaker_after: re.Pattern
    speaker_before: re.Pattern
    max_gap_words: int
    starts: lang.StartIndex         # where triggers ("before:<category>", "after:<category>") and speaker words can start


@lru_cache(maxsize=None)
def vocabulary(language: str = "id") -> _Vocabulary:
    data = lang.load("figures", language)
    unknown = set(data["categories"]) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"lang/{language}/figures.toml names unknown categories: {sorted(unknown)}")
    categories = data["categories"]
    patterns = {**{f"before:{c}": s["before"] for c, s in categories.items() if s.get("before")},
                **{f"after:{c}": s["after"] for c, s in categories.items() if s.get("after")},
                "speaker_after": data["attribution_speaker_after"],
                "speaker_before": data["attribution_speaker_before"]}
    before = {c: lang.phrase_regex(s["before"]) for c, s in categories.items() if s.get("before")}
    after = {c: lang.phrase_regex(s["after"]) for c, s in categories.items() if s.get("after")}
    return _Vocabulary(
        before=before,
        after=after,
        triggers={**{f"before:{c}": (c, regex, True) for c, regex in before.items()},
                  **{f"after:{c}": (c, regex, False) for c, regex in after.items()}},
        subjects=_Subjects(data["subjects"]),
        speaker_after=lang.phrase_regex(data["attribution_speaker_after"]),
        speaker_before=lang.phrase_regex(data["attribution_speaker_before"]),
        max_gap_words=data["max_gap_words"],
        starts=lang.StartIndex(patterns),
    )


def _words_between(view: str, start: int, end: int) -> int:
    """The words in ``view[start:end]``; most gaps between a number and its trigger are one space."""
    gap = view[start:end]
    if not gap or gap.isspace():
        return 0
    return len(_WORD.findall(gap))


def _positions(words: _Vocabulary, name: str, starts: dict | None) -> list[int] | None:
    """Where the phrases of ``name`` can start in a text whose ``starts`` these are; None: anywhere."""
    if starts is None or name in words.starts.unindexed:
        return None
    return starts.get(name, [])


def _triggers(words: _Vocabulary, starts: dict | None) -> tuple[list, list]:
    """The (category, regex, :func:`_positions`) of the triggers that can stand in a text whose
    ``starts`` these are: those that stand before a number, and those after."""
    table = words.triggers
    names = table if starts is None else [*starts, *words.starts.unindexed]     # no unindexed name has starts
    before, after = [], []
    for name in names:
        if name in table:
            category, regex, leads = table[name]
            (before if leads else after).append((category, regex, None if starts is None else starts.get(name)))
    return before, after


def _in_span(regex: re.Pattern, view: str, positions: list[int] | None, start: int, end: int) -> list[re.Match]:
    """What ``regex.finditer(view, start, end)`` yields, tried only at ``positions`` (None: anywhere)."""
    if positions is None:
        return list(regex.finditer(view, start, end))
    return lang.matches_at(regex, view, [p for p in positions if start <= p < end], end)


def _in_gaps(regex: re.Pattern, view: str, positions: list[int] | None, bounds: list[int]) -> list[tuple[int, re.Match]]:
    """(k, match) for what :func:`_in_span` finds in gap k, ``view[bounds[2k]:bounds[2k + 1]]``, in
    text order; ``bounds``: sorted, the gaps' starts and ends in turn.

    A position lies in gap k when exactly 2k + 1 bounds are at or before it. A match ends within its
    gap, so before the next gap's positions: the matches of all gaps are disjoint as those of one."""
    if positions is None:
        return [(k >> 1, match) for k in range(0, len(bounds), 2)
                for match in regex.finditer(view, bounds[k], bounds[k + 1])]
    found = []
    end = 0
    for position in positions:
        index = bisect_right(bounds, position)
        if index & 1 and position >= end:
            match = regex.match(view, position, bounds[index])
            if match:
                end = match.end()
                found.append((index >> 1, match))
    return found


def _categories(words: _Vocabulary, view: str, grouped: list[tuple[int, Sentence, list[NumberMention]]],
                starts: dict | None) -> list[list[str | None]]:
    """For each sentence of :func:`_numbers_by_sentence`, the category of the trigger nearest each of its
    numbers, without crossing another number or the sentence's bounds; None where no trigger is near
    enough. ``starts``: the article's :meth:`language.StartIndex.positions` for this vocabulary, if known.

    The article's triggers are searched once, in the gaps between the sentences' bounds and numbers:
    gap k holds the triggers before item k and after item k - 1, where an item is a number or the
    stretch from a sentence's end to the next one's start, which parts their gaps and takes no trigger.
    The article's positions serve each sentence: they differ from a sentence's own only where it starts
    right after a word character, where no phrase regex (led by ``(?<!\\w)``) can match.

    The nearest is the one fewest words away, at equal distance the one before the number, then the
    first category by name. Of one trigger's matches in a gap, the last is the nearest to the number
    after the gap and the first to the one before it: the others are as far at least (the words
    between it and the number lie between them and the number too), so all may be weighed."""
    bounds: list[int] = []
    nearest: list = []
    for _, sentence, numbers in grouped:
        bounds.append(sentence.start)
        for number in numbers:
            bounds += number.start, number.end
        bounds.append(sentence.end)
        nearest += [None] * len(numbers)
        nearest.append(_APART)
    nearest.pop()
    before, after = _triggers(words, starts)
    count, max_gap = len(nearest), words.max_gap_words
    for category, regex, positions in before:
        for k, match in _in_gaps(regex, view, positions, bounds):
            if k < count and nearest[k] is not _APART:
                candidate = (_words_between(view, match.end(), bounds[2 * k + 1]), 0, category)
                if candidate[0] <= max_gap and (nearest[k] is None or candidate < nearest[k]):
                    nearest[k] = candidate
    for category, regex, positions in after:
        for k, match in _in_gaps(regex, view, positions, bounds):
            if k and nearest[k - 1] is not _APART:
                candidate = (_words_between(view, bounds[2 * k], match.start()), 1, category)
                if candidate[0] <= max_gap and (nearest[k - 1] is None or candidate < nearest[k - 1]):
                    nearest[k - 1] = candidate
    found = []
    first = 0
    for _, _, numbers in grouped:
        last = first + len(numbers)
        found.append([near[2] if near else None for near in nearest[first:last]])
        first = last + 1
    return found


def attribution_of(scan: Scan, sentence: Sentence, actors: list, starts: dict | None = None) -> str | None:
    """The speaking actor after 'kata'/'menurut', or before 'melaporkan'/'mengatakan'; ``actors``: the
    sentence's; ``starts``: the vocabulary's :meth:`language.StartIndex.positions` in the sentence or
    in the whole text (only those in the sentence are tried)."""
    speakers = [a for a in actors if a.actor.speaks]
    if not speakers:
        return None
    words = vocabulary(scan.language)
    after = _positions(words, "speaker_after", starts)
    before = _positions(words, "speaker_before", starts)
    if after == [] and before == []:
        return None
    view = scan.view
    for match in _in_span(words.speaker_after, view, after, sentence.start, sentence.end):
        near = [a for a in speakers if a.start >= match.end() and _words_between(view, match.end(), a.start) <= 2]
        if near:
            return near[0].actor.name
    for match in _in_span(words.speaker_before, view, before, sentence.start, sentence.end):
        near = [a for a in speakers if a.end <= match.start() and _words_between(view, a.end, match.start()) <= 8]
        if near:
            return near[-1].actor.name
    return None


def _as_of(dates: list[DateMention], number: NumberMention, otherwise: tuple | None) -> tuple:
    """(date, inferred): of the sentence's ``dates`` the one nearest the number, else ``otherwise``."""
    if not dates:
        return otherwise
    nearest = dates[0] if len(dates) == 1 else min(dates, key=lambda d: abs(d.start - number.start))
    return nearest.resolved.date_end, False


def _reported_before(scan: Scan, sentence: Sentence) -> tuple:
    """(date, True): for a sentence without a date, the paragraph's last before it, else the article's."""
    for mention in reversed(_dates_by_paragraph(scan).get(sentence.paragraph, ())):
        if mention.end <= sentence.start and _dates_a_report(mention):
            return mention.resolved.date_end, True
    return scan.reference, True


def _dates_a_report(mention: DateMention) -> bool:
    """Whether a date told earlier in the paragraph can stand for when a count was reported: a day or
    a week can; a wide span ("lebih dari 30 tahun lalu", "tahun lalu") tells when something else was."""
    return (mention.resolved.date_end - mention.resolved.date).days <= MAX_INFERRED_SPAN_DAYS


def _dates_by_paragraph(scan: Scan) -> dict[int | None, list[DateMention]]:
    """Paragraph -> the scan's dates in it, in their order (kept on the scan). A date is in the
    paragraph of the sentence it starts in (sentences in order and disjoint), else in None.

    Where each date lies wholly in its sentence, :meth:`Scan.by_sentence` has them by sentence."""
    grouped = scan.memo.get("dates_by_paragraph")
    if grouped is None:
        by_sentence = scan.by_sentence("dates")
        if sum(map(len, by_sentence.values())) == len(scan.dates):
            grouped = {}
            for index, mentions in by_sentence.items():
                grouped.setdefault(scan.sentences[index].paragraph, []).extend(mentions)
        else:
            grouped = _dates_by_start(scan)
        scan.memo["dates_by_paragraph"] = grouped
    return grouped


def _dates_by_start(scan: Scan) -> dict[int | None, list[DateMention]]:
    """:func:`_dates_by_paragraph`, a date at a time."""
    grouped: dict[int | None, list[DateMention]] = {}
    sentences = scan.sentences
    starts = [s.start for s in sentences]
    for mention in scan.dates:
        index = bisect_right(starts, mention.start) - 1
        paragraph = sentences[index].paragraph if index >= 0 and mention.start < sentences[index].end else None
        grouped.setdefault(paragraph, []).append(mention)
    return grouped


def _subject_label(actors: list, subject: str | None, category: str) -> str | None:
    """The subject, or for troops the label of the first of the sentence's ``actors`` that has one."""
    if category != "troops" and subject != "troops":
        return subject
    labelled = [a.actor.troops_label for a in actors if a.actor.troops_label]
    return labelled[0] if labelled else subject


def _numbers_by_sentence(scan: Scan) -> list[tuple[int, Sentence, list[NumberMention]]]:
    """The content sentences that hold numbers without a unit, each with its index in ``scan.sentences``
    and those numbers, in text order (as :meth:`Scan.by_sentence` groups them).

    Each such number finds its sentence by a bisection of the sentences' ends: there are far fewer of
    them than sentences, which a walk of both would step over one by one."""
    found: list = []
    sentences, ends = scan.sentences, scan.sentence_ends()
    count = len(ends)
    for number in scan.numbers:
        if number.unit is None:
            index = bisect_right(ends, number.start)
            if index < count and number.end <= ends[index] and sentences[index].start <= number.start:
                if found and found[-1][0] == index:
                    found[-1][2].append(number)
                elif sentences[index].kind in CONTENT_KINDS:
                    found.append((index, sentences[index], [number]))
    return found


def _figures_in(view: str, lowered: str | None, words: _Vocabulary, numbers: list[NumberMention],
                categories: list[str | None]) -> list[tuple[NumberMention, str | None, str]]:
    """(number, subject, category) of a sentence's numbers that are figures, given their triggers'
    ``categories`` (see :func:`_categories`); ``lowered``: the view's :func:`language.folded` text, if any."""
    found = []
    for number, category in zip(numbers, categories):
        subject = words.subjects.after(view, lowered, number)
        category = category or _COUNTED_AS.get(subject)
        if category is not None:
            found.append((number, subject, category))
    return found


def _rows(scan: Scan, sentence: Sentence, starts: dict | None, found: list, actors: list, dates: list,
          article_id: str, outlet: str | None, first: int) -> list[dict]:
    """The rows of a sentence's figures (see :func:`_figures_in`), numbered from ``first``; ``actors``
    and ``dates``: the sentence's, ``starts``: the article's (see :func:`attribution_of`)."""
    place = best_place(scan, sentence)
    place_name = place.place.name if place else None
    attribution = attribution_of(scan, sentence, actors, starts)
    otherwise = None if dates else _reported_before(scan, sentence)
    quote = scan.quote(sentence)
    rows = []
    for index, (number, subject, category) in enumerate(found, first):
        as_of, inferred = _as_of(dates, number, otherwise)
        rows.append({
            "figure_id": f"{article_id}-f{index}", "category": category,
            "value": number.value, "low": number.low, "high": number.high, "qualifier": number.qualifier,
            "number_text": scan.text[number.start:number.end],
            "subject": _subject_label(actors, subject, category),
            "place": place_name,
            "as_of": as_of, "as_of_inferred": inferred, "attribution": attribution,
            "article_id": article_id, "outlet": outlet, "sentence_id": sentence.sentence_id,
            "start": sentence.start, "end": sentence.end, "quote": quote,
            "sentence_kind": sentence.kind, "mark_start": number.start, "mark_end": number.end,
        })
    return rows


def extract_figures(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    words = vocabulary(scan.language)
    grouped = _numbers_by_sentence(scan)
    if not grouped:
        return []
    word_starts = scan.word_starts()
    starts = word_starts.of(words.starts)
    categories = _categories(words, scan.view, grouped, starts)
    actors, dates = scan.by_sentence("actors"), scan.by_sentence("dates")
    rows: list[dict] = []
    for (index, sentence, numbers), sentence_categories in zip(grouped, categories):
        found = _figures_in(scan.view, word_starts.lowered, words, numbers, sentence_categories)
        if found:
            rows += _rows(scan, sentence, starts, found, actors.get(index, []), dates.get(index, []),
                          article_id, outlet, len(rows))
    return rows
