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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Iterator

from . import language as lang
from .dates import ResolvedDate
from .gazetteer import PlaceMention
from .scan import Scan
from .segment import CONTENT_KINDS, Sentence

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

LOOKBACK = 40   # characters before a trigger read for the words that block it or mark it as announced


@dataclass(frozen=True)
class _Vocabulary:
    triggers: dict[str, re.Pattern]
    ascii_triggers: dict[str, re.Pattern]   # their language.ascii_twin, for plain ASCII text
    order: dict[str, int]               # event type -> its place in `triggers`
    blocked: dict[str, re.Pattern]
    relations: dict[str, re.Pattern]    # AFTER, BEFORE_RELATION -> the regex of their words, in that order
    locative: re.Pattern
    locative_backwards: re.Pattern | None   # `locative` for the text read backwards, if its words are plain
    future: re.Pattern
    future_words: tuple[str, ...] | None    # the words future markers start with (for folded text), if known
    starts: lang.StartIndex     # where triggers (by type), relation words ("after", "before") and future markers can start

    def is_blocked(self, event_type: str, text: str, start: int, position: int) -> bool:
        """Whether a word that makes the trigger at ``position`` an object ("memadamkan protes") stands
        right before it, in the last ``LOOKBACK`` characters of ``text[start:position]``."""
        blocked = self.blocked.get(event_type)
        return blocked is not None and blocked.search(text[max(start, position - LOOKBACK):position]) is not None

    def after_preposition(self, view: str, start: int, position: int) -> bool:
        """Whether a locative preposition ("di", "ke") stands right before ``position`` in the last 12
        characters of ``view[start:position]``.

        Read backwards, the text must then start with the preposition: one regex try instead of one
        at each of the 12 characters.
        """
        piece = view[max(start, position - 12):position]
        if self.locative_backwards is not None:
            return self.locative_backwards.match(piece[::-1]) is not None
        return self.locative.search(piece) is not None

    def announced(self, view: str, lowered: str | None, start: int, end: int, markers: list[int]) -> bool:
        """Whether a future marker stands right before ``end`` ("akan dikerahkan"), in ``view[start:end]``.

        The regex runs only if one of the markers' words can start in the stretch (in
        :func:`language.folded` text): at ``start``, or at one of ``markers``, the text's word starts
        where they stand (:data:`FUTURE` in ``starts``).
        """
        if lowered is not None and self.future_words is not None:
            first = bisect_left(markers, start)
            if not ((first < len(markers) and markers[first] < end) or lowered.startswith(self.future_words, start, end)):
                return False
        return bool(self.future.search(view[start:end]))


AFTER, BEFORE_RELATION = "after", "before"        # relation kinds, also the names of their words in `starts`
FUTURE = "future"       # the name of the future markers' words in `starts`, if they are plain words


@lru_cache(maxsize=None)
def vocabulary(language: str = "id") -> _Vocabulary:
    data = lang.load("events", language)
    types = data["types"]
    unknown = set(types) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"lang/{language}/events.toml names unknown event types: {sorted(unknown)}")
    relations = {AFTER: lang.literal_patterns(data["relation_after"]),
                 BEFORE_RELATION: lang.literal_patterns(data["relation_before"])}
    triggers = {name: lang.phrase_regex(spec["triggers"]) for name, spec in types.items()}
    future_words = _words_of(data["future_markers"])
    markers = {FUTURE: data["future_markers"]} if future_words is not None else {}
    return _Vocabulary(
        triggers=triggers,
        ascii_triggers={name: lang.ascii_twin(regex) for name, regex in triggers.items()},
        order={name: number for number, name in enumerate(types)},
        blocked={name: re.compile(r"(?:^|\W)(?:" + "|".join(spec["blocked_after"]) + r")\W*$", re.I)
                 for name, spec in types.items() if spec.get("blocked_after")},
        relations={kind: lang.phrase_regex(patterns) for kind, patterns in relations.items()},
        locative=re.compile(r"(?:^|\W)(?:" + "|".join(data["locative_prepositions"]) + r")\W+$", re.I),
        locative_backwards=_backwards(data["locative_prepositions"]),
        future=re.compile(r"(?:^|\W)(?:" + "|".join(data["future_markers"]) + r")(?:\W+\w+){0,2}\W*$", re.I),
        future_words=future_words,
        starts=lang.StartIndex({**{name: spec["triggers"] for name, spec in types.items()}, **relations, **markers}),
    )


def _backwards(prepositions: list[str]) -> re.Pattern | None:
    """The locative regex for reversed text, if the prepositions are plain words (else None)."""
    if not all(re.fullmatch(r"\w+", word) for word in prepositions):
        return None
    return re.compile(r"\W+(?:" + "|".join(word[::-1] for word in prepositions) + r")(?:\W|\Z)", re.I)


def _words_of(patterns: list[str]) -> tuple[str, ...] | None:
    """The words the patterns start with (to test with str.startswith, cheaper than a regex try); None if
    they are not plain words."""
    words = [lang.leading_words(p) for p in patterns]
    return None if None in words else tuple(w for group in words for w in group)


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
        for match in words.starts.matches(event_type, regex, piece, offset, starts):
            if words.is_blocked(event_type, piece, 0, match.start()):
                continue
            found.append(Trigger(offset + match.start(), offset + match.end(), event_type))
    if len(found) > 1:
        found.sort(key=_by_end)
    return found


def _by_end(trigger: Trigger) -> tuple[int, int]:
    return trigger.end, trigger.start


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
    whens = _whens(triggers, scan.within("dates", sentence), scan.within("offsets", sentence),
                   _relations(words, scan.view, sentence, starts), scan.reference)
    return [_Dated(trigger, when) for trigger, when in zip(triggers, whens)]


def _whens(triggers: list[Trigger], dates: list | None, offsets: list | None, relations: list[tuple[int, str]],
           reference: dt.date | None) -> list[ResolvedDate | None]:
    """The date of each trigger of a sentence (see :func:`date_triggers`), from the sentence's dates,
    offsets and relation words ((position, kind), see :func:`_relations`)."""
    if not dates:       # nothing to date them with (and an offset needs a dated trigger before it)
        return [None] * len(triggers)
    if offsets and relations:
        relations = [(pos, kind) for pos, kind in relations if not any(o.start <= pos < o.end for o in offsets)]
    others = [t.start for t in triggers] if len(triggers) > 1 else []
    whens = [_when(trigger, dates, others, relations, reference) for trigger in triggers]
    return _apply_offsets(triggers, whens, offsets) if offsets else whens


def _when(trigger: Trigger, dates: list, others: list[int], relations: list[tuple[int, str]],
          reference: dt.date | None) -> ResolvedDate | None:
    """The date right after the trigger, else the one before it, else one across a relation word.

    ``others``: where the sentence's other triggers start (one of them between the trigger and the
    date after it takes that date); ``relations``: (position, kind) of the relation words.
    """
    following = preceding = None
    for date in dates:
        if date.start >= trigger.end:
            following = date
            break
        if date.end <= trigger.start:
            preceding = date
    if following is not None:
        related = bool(relations) and _between(relations, trigger.end, following.start)
        if not related and not (others and any(trigger.end <= pos < following.start for pos in others)):
            return following.resolved
    if preceding is not None and not (relations and _between(relations, preceding.end, trigger.start)):
        return preceding.resolved
    if following is None:
        return None
    if not related:
        return following.resolved
    kind = next(k for pos, k in relations if trigger.end <= pos < following.start)
    return _relative_to(following.resolved, kind, reference)


def _between(relations: list[tuple[int, str]], lo: int, hi: int) -> bool:
    return any(lo <= pos < hi for pos, _ in relations)


def _relations(words: _Vocabulary, view: str, sentence: Sentence, starts: dict | None) -> list[tuple[int, str]]:
    """(position, "after" or "before") of the relation words in the sentence, the "after" ones first.
    ``starts``: the :meth:`StartIndex.positions` of a text the sentence is part of (None if not known)."""
    if starts is not None:
        starts = {kind: inside for kind in words.relations if (inside := _inside(starts.get(kind), sentence))}
        if words.starts.nothing_in(starts):
            return []
    piece = view[sentence.start:sentence.end]
    return [(m.start() + sentence.start, kind) for kind, regex in words.relations.items()
            for m in words.starts.matches(kind, regex, piece, sentence.start, starts)]


def _inside(positions: list[int] | None, sentence: Sentence) -> list[int]:
    """The sorted positions that lie in the sentence."""
    if not positions:
        return []
    first = bisect_left(positions, sentence.start)
    return positions[first:bisect_left(positions, sentence.end, first)]


def _relative_to(anchor: ResolvedDate, relation: str, reference: dt.date | None) -> ResolvedDate:
    if relation == "after":
        end = max(reference, anchor.date_end) if reference else anchor.date_end
        return ResolvedDate(anchor.date, end, "range")
    return ResolvedDate(anchor.date, anchor.date, BEFORE)


def _apply_offsets(triggers: list[Trigger], whens: list, offsets) -> list:
    """An offset between two triggers dates the later one from the earlier ('seminggu setelah')."""
    result = list(whens)
    for i in range(1, len(result)):
        previous, current = triggers[i - 1], triggers[i]
        offset = next((o for o in offsets if previous.end <= o.start and o.end <= current.end), None)
        if offset is not None and result[i - 1] is not None:
            result[i] = offset.resolve(result[i - 1].date)
    return result


def best_place(scan: Scan, sentence: Sentence) -> PlaceMention | None:
    """The most specific place the sentence puts the scene in.

    A country counts only after a preposition ("ke Kazakhstan"): elsewhere it is usually an
    adjective ("Kementerian Pertahanan Rusia", "presiden Kazakhstan"), not where things happened.
    """
    return _best_place_among(scan, sentence, scan.within("places", sentence))


def _best_place_among(scan: Scan, sentence: Sentence, places: list[PlaceMention]) -> PlaceMention | None:
    """:func:`best_place`, given the places that lie in the sentence (``scan.within("places", sentence)``);
    kept in the scan's memo."""
    key = ("best_place", sentence.start, sentence.end)
    if key not in scan.memo:
        scan.memo[key] = _best_place(scan, sentence, scan.outside_dateline(places))
    return scan.memo[key]


def _best_place(scan: Scan, sentence: Sentence, places: list[PlaceMention]) -> PlaceMention | None:
    """The place of :func:`best_place` among the sentence's ``places`` (the dateline's left out)."""
    if not places:
        return None
    if len(places) == 1 and places[0].place.precision != "country":     # no rival, and no preposition needed
        return places[0]
    words = vocabulary(scan.language)
    view = scan.view
    if len(places) == 1:        # a country counts only after a preposition
        return places[0] if words.after_preposition(view, sentence.start, places[0].start) else None
    candidates = []     # (rank, no preposition, start, its number in places: the first of equals wins)
    for number, place in enumerate(places):
        after_preposition = words.after_preposition(view, sentence.start, place.start)
        if place.place.precision != "country" or after_preposition:
            candidates.append((PRECISION_RANK.get(place.place.precision, 9), not after_preposition, place.start, number))
    return places[min(candidates)[3]] if candidates else None


def extract_events(scan: Scan, article_id: str, outlet: str | None) -> list[dict]:
    words = vocabulary(scan.language)
    dates, offsets = scan.by_sentence("dates"), scan.by_sentence("offsets")
    places = scan.by_sentence("places")
    found = []      # (trigger, date or None, sentence index, sentence, place) of each trigger, in text order
    for index, sentence, triggers, relations in _triggered_sentences(scan, words):
        place = _best_place_among(scan, sentence, places[index]) if index in places else None
        whens = _whens(triggers, dates.get(index), offsets.get(index), relations, scan.reference)
        for trigger, when in zip(triggers, whens):
            found.append((trigger, when, index, sentence, place))
    return _rows(scan, words, _fold_undated(found, scan.reference), article_id, outlet)


def _triggered_sentences(scan: Scan, words: _Vocabulary) -> list[tuple[int, Sentence, list[Trigger], list]]:
    """The content sentences with triggers, in text order: each with its index in ``scan.sentences``, its
    triggers (by end) and its relation words (see :func:`_relations`).

    The regexes are tried at the article's word starts, each against the text up to the end of the
    sentence it stands in. A sentence that starts right after a word character starts a word of its
    own but not one of the article: it is searched alone.
    """
    view, sentences = scan.view, scan.sentences
    article = scan.word_starts().of(words.starts)
    if article is None or words.starts.unindexed:
        found = [(index, sentence, *_searched_alone(words, view, sentence, None))
                 for index, sentence in enumerate(sentences) if sentence.kind in CONTENT_KINDS]
        return [item for item in found if item[2]]
    lowered = scan.word_starts().lowered
    alone = _alone(lowered, sentences)
    ends = scan.sentence_ends()
    regexes = words.ascii_triggers if lang.plain_ascii(view) else words.triggers
    by_sentence: dict[int, list[Trigger]] = {}
    blockable = words.blocked.keys()
    for index, event_type, start, end in _article_matches(regexes, view, sentences, ends, article, alone):
        if event_type in blockable and words.is_blocked(event_type, view, sentences[index].start, start):
            continue
        by_sentence.setdefault(index, []).append(Trigger(start, end, event_type))
    relations: dict[int, list[tuple[int, str]]] = {}
    for index, kind, start, _ in _article_matches(words.relations, view, sentences, ends, article, alone):
        relations.setdefault(index, []).append((start, kind))
    for index in alone:
        sentence = sentences[index]
        starts = words.starts.positions(lowered, sentence.start, sentence.end)
        triggers, related = _searched_alone(words, view, sentence, starts)
        if triggers:
            by_sentence[index], relations[index] = triggers, related
    found = []
    for index in sorted(by_sentence):
        triggers = by_sentence[index]
        if len(triggers) > 1:
            triggers.sort(key=_by_end)
        found.append((index, sentences[index], triggers, relations.get(index, [])))
    return found


def _searched_alone(words: _Vocabulary, view: str, sentence: Sentence,
                    starts: dict | None) -> tuple[list[Trigger], list[tuple[int, str]]]:
    """The triggers of the sentence searched by itself, and its relation words if it has any triggers.
    ``starts``: the sentence's :meth:`StartIndex.positions` (None if not known)."""
    triggers = _triggers(words, view[sentence.start:sentence.end], sentence.start, starts)
    return triggers, _relations(words, view, sentence, starts) if triggers else []


def _alone(lowered: str, sentences: list[Sentence]) -> list[int]:
    """The indexes of the content sentences that start right after a word character
    (:func:`language.follows_word_character`), to be searched alone.

    Almost no sentence does: the characters before all the sentences' starts are tested by one regex
    search first, instead of a test per sentence.
    """
    if not lang.any_follows_word_character(lowered, map(_START, sentences)):
        return []
    return [index for index, sentence in enumerate(sentences)
            if sentence.kind in CONTENT_KINDS and lang.follows_word_character(lowered, sentence.start)]


_START = attrgetter("start")


def _article_matches(regexes: dict[str, re.Pattern], view: str, sentences: list[Sentence], ends: list[int],
                     article: dict[str, list[int]], alone: list[int]) -> Iterator[tuple[int, str, int, int]]:
    """(sentence index, name, start, end) of the matches of each name's regex, name by name, at the
    article's word starts (``article``) that stand in content sentences not searched ``alone`` (``ends``:
    where the sentences end). As :func:`language.matches_at`, a match is not tried inside the one before it.

    A regex tried at a word start against ``view`` up to the sentence's end matches as it does in the
    sentence alone: its leading look-behind sees a non-word character there too (or the sentence is not
    searched).
    """
    count = len(ends)
    for name, regex in regexes.items():
        positions = article.get(name)
        if not positions:
            continue
        end = 0
        for position in positions:
            if position < end:
                continue
            index = bisect_right(ends, position)
            if index == count:
                break
            sentence = sentences[index]
            if position < sentence.start or sentence.kind not in CONTENT_KINDS or (alone and index in alone):
                continue
            match = regex.match(view, position, ends[index])
            if match is not None:
                end = match.end()
                yield index, name, position, end


def _fold_undated(found: list[tuple], reference: dt.date | None) -> list[tuple]:
    """Drop repeats; an undated mention of a type the article dates elsewhere adds nothing."""
    dated_types = {trigger.type for trigger, when, _, _, _ in found if when is not None}
    before = ResolvedDate(reference, reference, BEFORE) if reference is not None else None
    seen, kept = set(), []
    for item in found:
        trigger, when, index, sentence, place = item
        if when is None:
            if trigger.type in dated_types:
                continue
            if before is not None:
                when = before
                item = (trigger, when, index, sentence, place)
        key = (trigger.type, when.date if when else None, when.date_end if when else None,
               place.place.name if place else None)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _rows(scan: Scan, words: _Vocabulary, kept: list[tuple], article_id: str, outlet: str | None) -> list[dict]:
    """The event rows, with what each sentence gives its events (place, actors, quote) read once."""
    rows = []
    text, view, lowered = scan.text, scan.view, scan.word_starts().lowered
    markers = (scan.word_starts().of(words.starts) or {}).get(FUTURE, [])
    actors_by_sentence = scan.by_sentence("actors")
    current = None
    for number, (trigger, when, index, sentence, place) in enumerate(kept):
        if sentence is not current:
            current = sentence
            named = actors_by_sentence.get(index)
            actors = ("; ".join(dict.fromkeys([a.actor.name for a in named])) or None) if named else None
            quote = scan.quote(sentence)
            where = place.place if place else None
            name, lat, lon, geo_precision = (where.name, where.lat, where.lon, where.precision) if where else (None,) * 4
        date, date_end, date_precision = (when.date, when.date_end, when.precision) if when else (None,) * 3
        event_type = trigger.type
        planned = words.announced(view, lowered, max(sentence.start, trigger.start - LOOKBACK), trigger.start, markers)
        summary_en, summary_id = _summaries(event_type, name, actors, planned)
        rows.append({
            "type": event_type, "date": date, "date_end": date_end, "date_precision": date_precision,
            "place": name, "lat": lat, "lon": lon, "geo_precision": geo_precision, "actors": actors,
            "trigger": text[trigger.start:trigger.end],
            "article_id": article_id, "outlet": outlet, "sentence_id": sentence.sentence_id,
            "start": sentence.start, "end": sentence.end, "quote": quote,
            "sentence_kind": sentence.kind, "mark_start": trigger.start, "mark_end": trigger.end,
            "summary_en": summary_en, "summary_id": summary_id,
            "event_id": f"{article_id}-e{number}",
        })
    return rows


@lru_cache(maxsize=None)
def _summary_words(language: str) -> tuple[dict, dict]:
    labels = lang.load("labels", language)
    return labels["summary"], labels["event_types"]


def summarise(row: dict, language: str, planned: bool = False) -> str:
    """A short summary from the type, place and actors only: nothing the sentence does not name."""
    return _summary(row["type"], row["place"], row["actors"], language, planned)


@lru_cache(maxsize=4096)
def _summaries(event_type: str, place: str | None, actors: str | None, planned: bool) -> tuple[str, str]:
    """The English and the Indonesian summary of an event row, made together: one cache look-up per row."""
    return (_summary(event_type, place, actors, "en", planned), _summary(event_type, place, actors, "id", planned))


def _summary(event_type: str, place: str | None, actors: str | None, language: str, planned: bool) -> str:
    templates, labels = _summary_words(language)
    label = labels[event_type]
    summary = (templates["with_place"] if place else templates["without_place"]).format(label=label, place=place)
    if actors:
        summary = templates["with_actors"].format(summary=summary, actors=actors.replace("; ", ", "))
    if planned:
        summary = templates["planned"].format(summary=summary)
    return summary
