"""Events: sentences whose words mark one of the event types, dated and placed from that sentence.

A sentence can carry several events. Each trigger takes the date expression that belongs to it:
the date right after it, else the one before it, else one across a time relation
("X setelah Y pada 5 Januari": X happened on or after 5 January). An offset ("seminggu setelah")
dates the clause after it from the clause before it. A trigger with no date of its own is folded
into a dated event of the same type in the article, or kept as known only to precede the article.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import language as lang
from .dates import ResolvedDate
from .gazetteer import PlaceMention
from .scan import Scan
from .segment import Sentence

EVENT_TYPES = ("protest", "clash", "building_attack", "state_of_emergency", "government_resignation",
               "csto_request", "troop_deployment", "troop_arrival", "shoot_order", "arrests",
               "mission_complete", "troop_withdrawal", "airport_seized", "airport_reopened",
               "internet_shutdown", "other")
PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3}
BEFORE = "before"


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class _Vocabulary:
    triggers: dict[str, re.Pattern]
    order: dict[str, int]               # event type -> its place in `triggers`
    blocked: dict[str, re.Pattern]
    relation_after: re.Pattern
    relation_before: re.Pattern
    locative: re.Pattern
    future: re.Pattern
    future_words: re.Pattern | None     # the words future markers start with (for folded text), if known
    starts: lang.StartIndex     # where triggers (by type) and relation words ("after", "before") can start

    def announced(self, view: str, lowered: str | None, start: int, end: int) -> bool:
        """Whether a future marker stands right before ``end`` ("akan dikerahkan"), in ``view[start:end]``.

        The regex runs only if one of the markers' words is in the stretch (in :func:`language.folded` text).
        """
        if lowered is not None and self.future_words is not None:
            if not self.future_words.search(lowered, start, end):
                return False
        return bool(self.future.search(view[start:end]))


AFTER, BEFORE_RELATION = "after", "before"        # relation kinds, also the names of their words in `starts`


@lru_cache(maxsize=None)
def vocabulary(language: str = "id") -> _Vocabulary:
    data = lang.load("events", language)
    types = data["types"]
    unknown = set(types) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"lang/{language}/events.toml names unknown event types: {sorted(unknown)}")
    relations = {AFTER: lang.literal_patterns(data["relation_after"]),
                 BEFORE_RELATION: lang.literal_patterns(data["relation_before"])}
    return _Vocabulary(
        triggers={name: lang.phrase_regex(spec["triggers"]) for name, spec in types.items()},
        order={name: number for number, name in enumerate(types)},
        blocked={name: re.compile(r"(?:^|\W)(?:" + "|".join(spec["blocked_after"]) + r")\W*$", re.I)
                 for name, spec in types.items() if spec.get("blocked_after")},
        relation_after=lang.phrase_regex(relations[AFTER]),
        relation_before=lang.phrase_regex(relations[BEFORE_RELATION]),
        locative=re.compile(r"(?:^|\W)(?:" + "|".join(data["locative_prepositions"]) + r")\W+$", re.I),
        future=re.compile(r"(?:^|\W)(?:" + "|".join(data["future_markers"]) + r")(?:\W+\w+){0,2}\W*$", re.I),
        future_words=_words_of(data["future_markers"]),
        starts=lang.StartIndex({**{name: spec["triggers"] for name, spec in types.items()}, **relations}),
    )


def _words_of(patterns: list[str]) -> re.Pattern | None:
    """A regex finding (anywhere) the words the patterns start with; None if they are not plain words."""
    words = [lang.leading_words(p) for p in patterns]
    return None if None in words else re.compile(lang.trie_pattern(w for group in words for w in group))


def find_triggers(view: str, sentence: Sentence, language: str = "id") -> list[Trigger]:
    """Triggers in the sentence, by end."""
    return _triggers(vocabulary(language), view[sentence.start:sentence.end], sentence.start, None)


def _triggers(words: _Vocabulary, piece: str, offset: int, starts: dict | None) -> list[Trigger]:
    if starts is None or words.starts.unindexed:
        types = list(words.triggers)
    else:       # the types whose words stand in the sentence, in the vocabulary's order
        types = sorted(starts.keys() & words.triggers.keys(), key=words.order.__getitem__)
    found = []
    for event_type in types:
        regex = words.triggers[event_type]
        blocked = words.blocked.get(event_type)
        for match in words.starts.matches(event_type, regex, piece, offset, starts):
            if blocked and blocked.search(piece[max(0, match.start() - 40):match.start()]):
                continue
            found.append(Trigger(offset + match.start(), offset + match.end(), event_type))
    if len(found) > 1:
        found.sort(key=lambda t: (t.end, t.start))
    return found


@dataclass(slots=True)
class _Dated:
    trigger: Trigger
    when: ResolvedDate | None


def date_triggers(scan: Scan, sentence: Sentence, triggers: list[Trigger],
                  starts: dict | None = None) -> list[_Dated]:
    """Each trigger with its date. ``starts``: the sentence's :meth:`StartIndex.positions`, if known."""
    words = vocabulary(scan.language)
    if starts is None:
        starts = scan.word_starts().by_sentence(words.starts, [sentence])[0]
    dates = scan.within("dates", sentence)
    if not dates:       # nothing to date them with (and an offset needs a dated trigger before it)
        return [_Dated(trigger, None) for trigger in triggers]
    offsets = scan.within("offsets", sentence)
    relations = _relations(words, scan.view, sentence, starts)
    if offsets and relations:
        relations = [(pos, kind) for pos, kind in relations if not any(o.start <= pos < o.end for o in offsets)]

    def between(lo: int, hi: int, items) -> bool:
        return any(lo <= pos < hi for pos in items)

    trigger_positions = [t.start for t in triggers]
    relation_positions = [pos for pos, _ in relations]
    dated: list[_Dated] = []
    for trigger in triggers:
        following = [d for d in dates if d.start >= trigger.end]
        preceding = [d for d in dates if d.end <= trigger.start]
        others = [p for p in trigger_positions if p != trigger.start]
        when = None
        if following and not between(trigger.end, following[0].start, others + relation_positions):
            when = following[0].resolved
        elif preceding and not between(preceding[-1].end, trigger.start, relation_positions):
            when = preceding[-1].resolved
        elif following and not between(trigger.end, following[0].start, relation_positions):
            when = following[0].resolved
        elif following:
            kind = next(k for pos, k in relations if trigger.end <= pos < following[0].start)
            when = _relative_to(following[0].resolved, kind, scan.reference)
        dated.append(_Dated(trigger, when))
    return _apply_offsets(dated, offsets) if offsets else dated


def _relations(words: _Vocabulary, view: str, sentence: Sentence, starts: dict | None) -> list[tuple[int, str]]:
    """(position, "after" or "before") of the relation words in the sentence."""
    if starts is not None and AFTER not in starts and BEFORE_RELATION not in starts and not words.starts.unindexed:
        return []
    piece = view[sentence.start:sentence.end]
    return [(m.start() + sentence.start, kind)
            for kind, regex in ((AFTER, words.relation_after), (BEFORE_RELATION, words.relation_before))
            for m in words.starts.matches(kind, regex, piece, sentence.start, starts)]


def _relative_to(anchor: ResolvedDate, relation: str, reference: dt.date | None) -> ResolvedDate:
    if relation == "after":
        end = max(reference, anchor.date_end) if reference else anchor.date_end
        return ResolvedDate(anchor.date, end, "range")
    return ResolvedDate(anchor.date, anchor.date, BEFORE)


def _apply_offsets(dated: list[_Dated], offsets) -> list[_Dated]:
    """An offset between two triggers dates the later one from the earlier ('seminggu setelah')."""
    result = list(dated)
    for i in range(1, len(result)):
        previous, current = result[i - 1], result[i]
        offset = next((o for o in offsets if previous.trigger.end <= o.start and o.end <= current.trigger.end), None)
        if offset is not None and previous.when is not None:
            result[i] = _Dated(current.trigger, offset.resolve(previous.when.date))
    return result


def best_place(scan: Scan, sentence: Sentence) -> PlaceMention | None:
    """The most specific place the sentence puts the scene in.

    A country counts only after a preposition ("ke Kazakhstan"): elsewhere it is usually an
    adjective ("Kementerian Pertahanan Rusia", "presiden Kazakhstan"), not where things happened.
    """
    key = ("best_place", sentence.start, sentence.end)
    if key not in scan.memo:
        scan.memo[key] = _best_place(scan, sentence)
    return scan.memo[key]


def _best_place(scan: Scan, sentence: Sentence) -> PlaceMention | None:
    places = scan.event_places(sentence)
    if not places:
        return None
    locative = vocabulary(scan.language).locative
    view = scan.view
    candidates = []
    for place in places:
        after_preposition = bool(locative.search(view[max(sentence.start, place.start - 12):place.start]))
        if place.place.precision != "country" or after_preposition:
            candidates.append((PRECISION_RANK.get(place.place.precision, 9), not after_preposition, place.start, place))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def extract_events(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    words = vocabulary(scan.language)
    rows: list[dict] = []
    planned: dict[int, bool] = {}       # id(row) -> whether its trigger is announced for the future
    view = scan.view
    lowered = scan.word_starts().lowered
    sentences = scan.content_sentences()
    for sentence, starts in zip(sentences, scan.word_starts().by_sentence(words.starts, sentences)):
        if words.starts.nothing_in(starts):
            continue        # no word a trigger starts with
        triggers = _triggers(words, view[sentence.start:sentence.end], sentence.start, starts)
        if not triggers:
            continue
        place = best_place(scan, sentence)
        actors = list(dict.fromkeys(a.actor.name for a in scan.within("actors", sentence)))
        for item in date_triggers(scan, sentence, triggers, starts):
            rows.append(_event_row(scan, sentence, item, place, actors, article_id, outlet))
            planned[id(rows[-1])] = words.announced(view, lowered, max(sentence.start, item.trigger.start - 40),
                                                    item.trigger.start)
    rows = _fold_undated(rows, scan.reference)
    for number, row in enumerate(rows):
        row["summary_en"] = summarise(row, "en", planned[id(row)])     # summarised once kept
        row["summary_id"] = summarise(row, "id", planned[id(row)])
        row["event_id"] = f"{article_id}-e{number}"
    return rows


def _event_row(scan, sentence, item, place, actors, article_id, outlet) -> dict:
    when = item.when
    row = {
        "type": item.trigger.type,
        "date": when.date if when else None,
        "date_end": when.date_end if when else None,
        "date_precision": when.precision if when else None,
        "place": place.place.name if place else None,
        "lat": place.place.lat if place else None,
        "lon": place.place.lon if place else None,
        "geo_precision": place.place.precision if place else None,
        "actors": "; ".join(actors) or None,
        "trigger": scan.text[item.trigger.start:item.trigger.end],
        "article_id": article_id, "outlet": outlet, "sentence_id": sentence.sentence_id,
        "start": sentence.start, "end": sentence.end, "quote": scan.quote(sentence),
        "sentence_kind": sentence.kind, "mark_start": item.trigger.start, "mark_end": item.trigger.end,
    }
    return row


def _fold_undated(rows: list[dict], reference: dt.date | None) -> list[dict]:
    """Drop repeats; an undated mention of a type the article dates elsewhere adds nothing."""
    dated_types = {r["type"] for r in rows if r["date"] is not None}
    seen, kept = set(), []
    for row in rows:
        if row["date"] is None:
            if row["type"] in dated_types:
                continue
            if reference is not None:
                row.update(date=reference, date_end=reference, date_precision=BEFORE)
        key = (row["type"], row["date"], row["date_end"], row["place"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


@lru_cache(maxsize=None)
def _summary_words(language: str) -> tuple[dict, dict]:
    labels = lang.load("labels", language)
    return labels["summary"], labels["event_types"]


def summarise(row: dict, language: str, planned: bool = False) -> str:
    """A short summary from the type, place and actors only: nothing the sentence does not name."""
    return _summary(row["type"], row["place"], row["actors"], language, planned)


@lru_cache(maxsize=4096)
def _summary(event_type: str, place: str | None, actors: str | None, language: str, planned: bool) -> str:
    templates, labels = _summary_words(language)
    label = labels[event_type]
    summary = (templates["with_place"] if place else templates["without_place"]).format(label=label, place=place)
    if actors:
        summary = templates["with_actors"].format(summary=summary, actors=actors.replace("; ", ", "))
    if planned:
        summary = templates["planned"].format(summary=summary)
    return summary
