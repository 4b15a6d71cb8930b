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
from .segment import Sentence

CATEGORIES = ("killed", "injured", "arrested", "detained", "troops", "evacuated", "aircraft", "other")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
MAX_INFERRED_SPAN_DAYS = 7  # see _dates_a_report
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Vocabulary:
    before: dict[str, re.Pattern]
    after: dict[str, re.Pattern]
    before_named: list[tuple[str, re.Pattern, str]]     # (category, regex, name in `starts`)
    after_named: list[tuple[str, re.Pattern, str]]
    subjects: list[tuple[str, re.Pattern]]
    subject: re.Pattern             # the subjects as one alternation, a group per subject, in order
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
    subjects = [(name, r"\W*(?:para\W+)?(?:" + "|".join(p) + r")(?!\w)") for name, p in data["subjects"].items()]
    patterns = {**{f"before:{c}": s["before"] for c, s in categories.items() if s.get("before")},
                **{f"after:{c}": s["after"] for c, s in categories.items() if s.get("after")},
                "speaker_after": data["attribution_speaker_after"],
                "speaker_before": data["attribution_speaker_before"]}
    before = {c: lang.phrase_regex(s["before"]) for c, s in categories.items() if s.get("before")}
    after = {c: lang.phrase_regex(s["after"]) for c, s in categories.items() if s.get("after")}
    return _Vocabulary(
        before=before,
        after=after,
        before_named=[(c, regex, f"before:{c}") for c, regex in before.items()],
        after_named=[(c, regex, f"after:{c}") for c, regex in after.items()],
        subjects=[(name, re.compile(pattern, re.I)) for name, pattern in subjects],
        subject=re.compile("|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(subjects)), re.I),
        speaker_after=lang.phrase_regex(data["attribution_speaker_after"]),
        speaker_before=lang.phrase_regex(data["attribution_speaker_before"]),
        max_gap_words=data["max_gap_words"],
        starts=lang.StartIndex(patterns),
    )


def _words_between(view: str, start: int, end: int) -> int:
    return len(_WORD.findall(view, start, end))


def _matches(words: _Vocabulary, name: str, regex: re.Pattern, view: str, pos: int, endpos: int,
             starts: dict | None) -> list[re.Match]:
    """What ``regex.finditer(view, pos, endpos)`` yields, tried only where the sentence's ``starts`` allow."""
    if starts is None or name in words.starts.unindexed:
        return list(regex.finditer(view, pos, endpos))
    positions = starts.get(name)
    if not positions:
        return []
    return lang.matches_at(regex, view, [p for p in positions if pos <= p < endpos], endpos)


def category_of(scan: Scan, sentence: Sentence, number: NumberMention, neighbours: list[NumberMention],
                starts: dict | None = None) -> str | None:
    """The category of the trigger nearest the number, without crossing another number.

    ``starts``: the sentence's :meth:`language.StartIndex.positions` for this vocabulary, if known."""
    words = vocabulary(scan.language)
    view = scan.view
    lo = max([n.end for n in neighbours if n.end <= number.start], default=sentence.start)
    hi = min([n.start for n in neighbours if n.start >= number.end], default=sentence.end)
    best: tuple[int, int, str] | None = None
    for category, regex, name in words.before_named:
        if starts is not None and name not in starts and name not in words.starts.unindexed:
            continue
        for match in _matches(words, name, regex, view, lo, number.start, starts):
            gap = _words_between(view, match.end(), number.start)
            if gap <= words.max_gap_words:
                best = min(best or (gap, 0, category), (gap, 0, category))
    for category, regex, name in words.after_named:
        if starts is not None and name not in starts and name not in words.starts.unindexed:
            continue
        found = _matches(words, name, regex, view, number.end, hi, starts)
        if found:
            match = found[0]
            gap = _words_between(view, number.end, match.start())
            if gap <= words.max_gap_words:
                best = min(best or (gap, 1, category), (gap, 1, category))
    return best[2] if best else None


def subject_of(scan: Scan, number: NumberMention) -> str | None:
    """The first subject (in the data file's order) whose noun follows the number."""
    words = vocabulary(scan.language)
    match = words.subject.match(scan.view, number.end)
    return words.subjects[int(match.lastgroup[1:])][0] if match else None


def attribution_of(scan: Scan, sentence: Sentence, starts: dict | None = None) -> str | None:
    """The speaking actor after 'kata'/'menurut', or before 'melaporkan'/'mengatakan'."""
    words = vocabulary(scan.language)
    view = scan.view
    speakers = [a for a in scan.within("actors", sentence) if a.actor.speaks]
    if not speakers:
        return None
    for match in _matches(words, "speaker_after", words.speaker_after, view, sentence.start, sentence.end, starts):
        near = [a for a in speakers if 0 <= _words_between(view, match.end(), a.start) <= 2 and a.start >= match.end()]
        if near:
            return near[0].actor.name
    for match in _matches(words, "speaker_before", words.speaker_before, view, sentence.start, sentence.end, starts):
        near = [a for a in speakers if a.end <= match.start() and _words_between(view, a.end, match.start()) <= 8]
        if near:
            return near[-1].actor.name
    return None


def _as_of(scan: Scan, sentence: Sentence, number: NumberMention):
    """(date, inferred): the date nearest the number in its sentence, else the paragraph's, else the article's."""
    in_sentence = scan.within("dates", sentence)
    if in_sentence:
        nearest = min(in_sentence, key=lambda d: abs(d.start - number.start))
        return nearest.resolved.date_end, False
    paragraphs = _date_paragraphs(scan)
    earlier = [d for d, paragraph in zip(scan.dates, paragraphs)
               if d.end <= sentence.start and paragraph == sentence.paragraph and _dates_a_report(d)]
    if earlier:
        return earlier[-1].resolved.date_end, True
    return scan.reference, True


def _dates_a_report(mention: DateMention) -> bool:
    """Whether a date told earlier in the paragraph can stand for when a count was reported: a day or
    a week can; a wide span ("lebih dari 30 tahun lalu", "tahun lalu") tells when something else was."""
    return (mention.resolved.date_end - mention.resolved.date).days <= MAX_INFERRED_SPAN_DAYS


def _date_paragraphs(scan: Scan) -> list[int | None]:
    """The paragraph of each of the scan's dates (kept on the scan)."""
    paragraphs = scan.memo.get("date_paragraphs")
    if paragraphs is None:
        starts = [s.start for s in scan.sentences]
        paragraphs = scan.memo["date_paragraphs"] = [_paragraph(scan, starts, d) for d in scan.dates]
    return paragraphs


def _paragraph(scan: Scan, starts: list[int], mention: DateMention) -> int | None:
    """The paragraph of the sentence the mention starts in (sentences in order and disjoint)."""
    index = bisect_right(starts, mention.start) - 1
    if index >= 0 and mention.start < scan.sentences[index].end:
        return scan.sentences[index].paragraph
    return None


def _subject_label(scan: Scan, sentence: Sentence, subject: str | None, category: str) -> str | None:
    if category != "troops" and subject != "troops":
        return subject
    labelled = [a.actor.troops_label for a in scan.within("actors", sentence) if a.actor.troops_label]
    return labelled[0] if labelled else subject


def extract_figures(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    words = vocabulary(scan.language)
    rows: list[dict] = []
    sentences = [s for s in scan.content_sentences() if scan.within("numbers", s)]
    for sentence, starts in zip(sentences, scan.word_starts().by_sentence(words.starts, sentences)):
        numbers = [n for n in scan.within("numbers", sentence) if getattr(n, "unit", None) is None]
        if not numbers:
            continue
        place = best_place(scan, sentence)
        attribution = attribution_of(scan, sentence, starts)
        for number in numbers:
            subject = subject_of(scan, number)
            category = category_of(scan, sentence, number, [n for n in numbers if n is not number], starts)
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
