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
from .scan import Scan, within
from .segment import Sentence

EVENT_TYPES = ("protest", "clash", "building_attack", "state_of_emergency", "government_resignation",
               "csto_request", "troop_deployment", "troop_arrival", "shoot_order", "arrests",
               "mission_complete", "troop_withdrawal", "airport_seized", "airport_reopened",
               "internet_shutdown", "other")
PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3}
BEFORE = "before"


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class _Vocabulary:
    triggers: dict[str, re.Pattern]
    blocked: dict[str, re.Pattern]
    relation_after: re.Pattern
    relation_before: re.Pattern
    locative: re.Pattern
    future: re.Pattern


@lru_cache(maxsize=None)
def vocabulary(language: str = "id") -> _Vocabulary:
    data = lang.load("events", language)
    types = data["types"]
    unknown = set(types) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"lang/{language}/events.toml names unknown event types: {sorted(unknown)}")
    return _Vocabulary(
        triggers={name: lang.phrase_regex(spec["triggers"]) for name, spec in types.items()},
        blocked={name: re.compile(r"(?:^|\W)(?:" + "|".join(spec["blocked_after"]) + r")\W*$", re.I)
                 for name, spec in types.items() if spec.get("blocked_after")},
        relation_after=lang.literal_regex(data["relation_after"]),
        relation_before=lang.literal_regex(data["relation_before"]),
        locative=re.compile(r"(?:^|\W)(?:" + "|".join(data["locative_prepositions"]) + r")\W+$", re.I),
        future=re.compile(r"(?:^|\W)(?:" + "|".join(data["future_markers"]) + r")(?:\W+\w+){0,2}\W*$", re.I),
    )


def find_triggers(view: str, sentence: Sentence, language: str = "id") -> list[Trigger]:
    words = vocabulary(language)
    piece = view[sentence.start:sentence.end]
    found = []
    for event_type, regex in words.triggers.items():
        blocked = words.blocked.get(event_type)
        for match in regex.finditer(piece):
            if blocked and blocked.search(piece[max(0, match.start() - 40):match.start()]):
                continue
            found.append(Trigger(sentence.start + match.start(), sentence.start + match.end(), event_type))
    return sorted(found, key=lambda t: (t.end, t.start))


@dataclass(frozen=True)
class _Dated:
    trigger: Trigger
    when: ResolvedDate | None


def date_triggers(scan: Scan, sentence: Sentence, triggers: list[Trigger]) -> list[_Dated]:
    words = vocabulary(scan.language)
    dates = [d for d in within(scan.dates, sentence)]
    offsets = within(scan.offsets, sentence)
    relations = [(m.start() + sentence.start, "after") for m in words.relation_after.finditer(scan.view[sentence.start:sentence.end])]
    relations += [(m.start() + sentence.start, "before") for m in words.relation_before.finditer(scan.view[sentence.start:sentence.end])]
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
    return _apply_offsets(dated, offsets)


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
    words = vocabulary(scan.language)

    def locative(place: PlaceMention) -> bool:
        return bool(words.locative.search(scan.view[max(sentence.start, place.start - 12):place.start]))

    places = [p for p in scan.event_places(sentence) if p.place.precision != "country" or locative(p)]
    if not places:
        return None
    return min(places, key=lambda p: (PRECISION_RANK.get(p.place.precision, 9), not locative(p), p.start))


def extract_events(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    words = vocabulary(scan.language)
    rows: list[dict] = []
    for sentence in scan.content_sentences():
        triggers = find_triggers(scan.view, sentence, scan.language)
        if not triggers:
            continue
        place = best_place(scan, sentence)
        actors = list(dict.fromkeys(a.actor.name for a in within(scan.actors, sentence)))
        for item in date_triggers(scan, sentence, triggers):
            planned = bool(words.future.search(scan.view[max(sentence.start, item.trigger.start - 40):item.trigger.start]))
            rows.append(_event_row(scan, sentence, item, place, actors, planned, article_id, outlet))
    rows = _fold_undated(rows, scan.reference)
    for number, row in enumerate(rows):
        row["event_id"] = f"{article_id}-e{number}"
    return rows


def _event_row(scan, sentence, item, place, actors, planned, article_id, outlet) -> dict:
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
    row["summary_en"] = summarise(row, "en", planned)
    row["summary_id"] = summarise(row, "id", planned)
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


def summarise(row: dict, language: str, planned: bool = False) -> str:
    """A short summary from the type, place and actors only: nothing the sentence does not name."""
    labels = lang.load("labels", language)
    templates = labels["summary"]
    label = labels["event_types"][row["type"]]
    summary = (templates["with_place"] if row["place"] else templates["without_place"]).format(label=label, place=row["place"])
    if row["actors"]:
        summary = templates["with_actors"].format(summary=summary, actors=row["actors"].replace("; ", ", "))
    if planned:
        summary = templates["planned"].format(summary=summary)
    return summary
