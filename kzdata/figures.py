"""Reported figures: a number with the category its nearest trigger gives, who is counted, and by whom.

"menewaskan 26 demonstran" is 26 killed demonstrators; "Delapan belas petugas ... tewas" is 18
killed law-enforcement officers. A number with neither a trigger nor a countable noun is not a
figure ("enam negara"). The date a figure holds for comes from its sentence, else from the
paragraph before it, else from the article's date; the last two are marked inferred.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import language as lang
from .events import best_place
from .numbers import NumberMention
from .scan import DateMention, Scan, within
from .segment import Sentence

CATEGORIES = ("killed", "injured", "arrested", "detained", "troops", "evacuated", "aircraft", "other")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Vocabulary:
    before: dict[str, re.Pattern]
    after: dict[str, re.Pattern]
    subjects: list[tuple[str, re.Pattern]]
    speaker_after: re.Pattern
    speaker_before: re.Pattern
    max_gap_words: int


@lru_cache(maxsize=None)
def vocabulary(language: str = "id") -> _Vocabulary:
    data = lang.load("figures", language)
    unknown = set(data["categories"]) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"lang/{language}/figures.toml names unknown categories: {sorted(unknown)}")
    return _Vocabulary(
        before={c: lang.phrase_regex(s["before"]) for c, s in data["categories"].items() if s.get("before")},
        after={c: lang.phrase_regex(s["after"]) for c, s in data["categories"].items() if s.get("after")},
        subjects=[(name, re.compile(r"\W*(?:para\W+)?(?:" + "|".join(p) + r")(?!\w)", re.I))
                  for name, p in data["subjects"].items()],
        speaker_after=lang.phrase_regex(data["attribution_speaker_after"]),
        speaker_before=lang.phrase_regex(data["attribution_speaker_before"]),
        max_gap_words=data["max_gap_words"],
    )


def _words_between(view: str, start: int, end: int) -> int:
    return len(_WORD.findall(view[start:end]))


def category_of(scan: Scan, sentence: Sentence, number: NumberMention, neighbours: list[NumberMention]) -> str | None:
    """The category of the trigger nearest the number, without crossing another number."""
    words = vocabulary(scan.language)
    lo = max([n.end for n in neighbours if n.end <= number.start], default=sentence.start)
    hi = min([n.start for n in neighbours if n.start >= number.end], default=sentence.end)
    best: tuple[int, int, str] | None = None
    for category, regex in words.before.items():
        for match in regex.finditer(scan.view, lo, number.start):
            gap = _words_between(scan.view, match.end(), number.start)
            if gap <= words.max_gap_words:
                best = min(best or (gap, 0, category), (gap, 0, category))
    for category, regex in words.after.items():
        match = regex.search(scan.view, number.end, hi)
        if match:
            gap = _words_between(scan.view, number.end, match.start())
            if gap <= words.max_gap_words:
                best = min(best or (gap, 1, category), (gap, 1, category))
    return best[2] if best else None


def subject_of(scan: Scan, number: NumberMention) -> str | None:
    for name, regex in vocabulary(scan.language).subjects:
        if regex.match(scan.view, number.end):
            return name
    return None


def attribution_of(scan: Scan, sentence: Sentence) -> str | None:
    """The speaking actor after 'kata'/'menurut', or before 'melaporkan'/'mengatakan'."""
    words = vocabulary(scan.language)
    speakers = [a for a in within(scan.actors, sentence) if a.actor.speaks]
    for match in words.speaker_after.finditer(scan.view, sentence.start, sentence.end):
        near = [a for a in speakers if 0 <= _words_between(scan.view, match.end(), a.start) <= 2 and a.start >= match.end()]
        if near:
            return near[0].actor.name
    for match in words.speaker_before.finditer(scan.view, sentence.start, sentence.end):
        near = [a for a in speakers if a.end <= match.start() and _words_between(scan.view, a.end, match.start()) <= 8]
        if near:
            return near[-1].actor.name
    return None


def _as_of(scan: Scan, sentence: Sentence, number: NumberMention):
    """(date, inferred): the date nearest the number in its sentence, else the paragraph's, else the article's."""
    in_sentence = within(scan.dates, sentence)
    if in_sentence:
        nearest = min(in_sentence, key=lambda d: abs(d.start - number.start))
        return nearest.resolved.date_end, False
    earlier = [d for d in scan.dates if d.end <= sentence.start and _paragraph(scan, d) == sentence.paragraph]
    if earlier:
        return earlier[-1].resolved.date_end, True
    return scan.reference, True


def _paragraph(scan: Scan, mention: DateMention) -> int | None:
    return next((s.paragraph for s in scan.sentences if s.start <= mention.start < s.end), None)


def _subject_label(scan: Scan, sentence: Sentence, subject: str | None, category: str) -> str | None:
    if category != "troops" and subject != "troops":
        return subject
    labelled = [a.actor.troops_label for a in within(scan.actors, sentence) if a.actor.troops_label]
    return labelled[0] if labelled else subject


def extract_figures(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    rows: list[dict] = []
    for sentence in scan.content_sentences():
        numbers = [n for n in within(scan.numbers, sentence) if getattr(n, "unit", None) is None]
        if not numbers:
            continue
        place = best_place(scan, sentence)
        attribution = attribution_of(scan, sentence)
        for number in numbers:
            subject = subject_of(scan, number)
            category = category_of(scan, sentence, number, [n for n in numbers if n is not number])
            category = category or {"troops": "troops", "aircraft": "aircraft"}.get(subject)
            if category is None:
                continue
            as_of, inferred = _as_of(scan, sentence, number)
            rows.append({
                "figure_id": f"{article_id}-f{len(rows)}", "category": category,
                "value": number.value, "low": number.low, "high": number.high, "qualifier": number.qualifier,
                "number_text": scan.text[number.start:number.end],
                "subject": _subject_label(scan, sentence, subject, category),
                "place": place.place.name if place else None,
                "as_of": as_of, "as_of_inferred": inferred, "attribution": attribution,
                "article_id": article_id, "outlet": outlet, "sentence_id": sentence.sentence_id,
                "start": sentence.start, "end": sentence.end, "quote": scan.quote(sentence),
                "sentence_kind": sentence.kind, "mark_start": number.start, "mark_end": number.end,
            })
    return rows
