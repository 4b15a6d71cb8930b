"""The CSTO mission as the sources tell it: contingents, phases, troop figures, commander and ceremonies, map.

Pure pandas and pydeck (never Streamlit). Nothing here is a hand-written list of the mission: every row is
derived from the events and figures tables, and what code needs to know about the world is data:

* which actors are a country's troops: ``troops_of`` / ``troops_label`` in ``lang/<code>/actors.toml``;
* each contributing country's capital: ``data/capitals.csv`` (coordinates from the gazetteer);
* the words that mark a ceremony or a commander: ``lang/<code>/troops.toml``.

So an added article that says "150 tentara Kirgistan tiba di Bandara Internasional Almaty" adds Kyrgyzstan,
its destination, its date and its count; one that names no country's troops adds phases only.

Dates follow the events table: ``date`` is the first day an event may have happened and ``date_end`` the
last. For precision ``before`` only ``date_end`` means something (the event happened before it), so such a
row never moves a phase's first day; it still counts as a source. Counts are never added up: each
source's number is kept with its outlet and sentence, and a country no article gives a number for is
"not reported".
"""
from __future__ import annotations

import csv
import datetime as dt
import html
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from . import formatting, language, maps, palette
from .actors import Actor
from .events import EVENT_TYPES
from .gazetteer import Gazetteer

CAPITALS_CSV = Path(__file__).parent / "data" / "capitals.csv"
MAP_VIEW = "region"
FALLBACK_DESTINATION = "Kazakhstan"
"""Where a troop sentence that names no place puts the troops: the country the mission went to."""

# The mission's phases, in the order of the event vocabulary (request, deployment, arrival, mission
# complete, withdrawal). A phase is named by its event type; its label comes from labels.toml.
PHASES = tuple(t for t in EVENT_TYPES if t in
               {"csto_request", "troop_deployment", "troop_arrival", "mission_complete", "troop_withdrawal"})
OUTBOUND = ("troop_deployment", "troop_arrival")
WITHDRAWAL = "troop_withdrawal"
TROOP_TYPES = OUTBOUND + (WITHDRAWAL,)

OUT_COLOR = palette.type_colors()["troop_deployment"]
BACK_COLOR = palette.type_colors()[WITHDRAWAL]
DESTINATION_COLOR = palette.type_colors()["troop_arrival"]
REPORTED_ALPHA, POSSIBLE_ALPHA = 235, 90
ARC_TILT = 35
"""Degrees the arcs lean towards the map: seen from above (pitch 0) they curve instead of looking straight,
and an outbound and a return arc between the same ends bow to opposite sides."""
LABEL_COLOR = [40, 40, 40]

CONTINGENT_COLUMNS = ["country", "troops", "capital", "capital_lat", "capital_lon", "destinations", "first",
                      "reported", "last", "withdrawal", "withdrawal_reported", "count_text", "figures",
                      "sources", "outlets"]
PHASE_COLUMNS = ["phase", "first", "last", "precision", "reported", "n_sources", "outlets", "first_article_id",
                 "first_sentence_id", "first_outlet", "last_article_id", "last_sentence_id", "last_outlet",
                 "sources"]
FIGURE_COLUMNS = ["figure_id", "subject", "country", "text", "outlet", "as_of", "as_of_inferred", "attribution",
                  "article_id", "sentence_id", "quote"]
ARC_COLUMNS = ["country", "direction", "status", "place", "from_name", "to_name", "source_lon", "source_lat",
               "target_lon", "target_lat", "color", "tip"]
NOTABLE_COLUMNS = ["event_id", "type", "role", "people", "date", "date_end", "date_precision", "place",
                   "outlet", "article_id", "sentence_id", "quote"]


# ---------------------------------------------------------------------------------------------- data
def _languages_with(topic: str) -> list[str]:
    return [code for code in language.available_languages() if (language.LANG_DIR / code / f"{topic}.toml").is_file()]


@lru_cache(maxsize=1)
def actors() -> dict[str, Actor]:
    """Every actor by canonical name, from the actors data of every language (first definition wins)."""
    found: dict[str, Actor] = {}
    for code in _languages_with("actors"):
        for name, entry in language.load("actors", code)["actors"].items():
            found.setdefault(name, Actor(name, entry["kind"], entry.get("speaks", False), entry.get("troops_of"),
                                         entry.get("troops_label")))
    return found


def troop_actors() -> dict[str, Actor]:
    """Actors that are one country's troops (``troops_of`` set), by canonical name."""
    return {name: actor for name, actor in actors().items() if actor.troops_of}


def country_of_label() -> dict[str, str]:
    """Figure subject (a ``troops_label`` such as "Kyrgyz troops") -> the country the troops come from."""
    return {actor.troops_label: actor.troops_of for actor in troop_actors().values() if actor.troops_label}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Country -> capital (canonical gazetteer names), from ``data/capitals.csv``."""
    with CAPITALS_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["country"].strip(): row["capital"].strip() for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _word_patterns():
    words: dict[str, list[str]] = {"ceremony": [], "commander": []}
    for code in _languages_with("troops"):
        table = language.load("troops", code)
        for key in words:
            words[key] += table.get(key, [])
    return {key: language.literal_regex(values) if values else None for key, values in words.items()}


# ------------------------------------------------------------------------------------------- helpers
def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _text(value) -> str | None:
    return None if _missing(value) else str(value)


def _names(cell) -> list[str]:
    return [part.strip() for part in (_text(cell) or "").split(";") if part.strip()]


def _window(row: dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(first day the row may describe, day by which its source has it happened); NaT where unknown."""
    start, end = row.get("date"), row.get("date_end")
    end = pd.NaT if _missing(end) else pd.Timestamp(end)
    if row.get("date_precision") == "before":
        return pd.NaT, end
    start = pd.NaT if _missing(start) else pd.Timestamp(start)
    return start, (end if not _missing(end) else start)


def _earliest(*values) -> pd.Timestamp:
    kept = [v for v in values if not _missing(v)]
    return min(kept) if kept else pd.NaT


def _latest(*values) -> pd.Timestamp:
    kept = [v for v in values if not _missing(v)]
    return max(kept) if kept else pd.NaT


def _point(name, lat, lon) -> tuple[str, float | None, float | None, str | None]:
    """(place, lat, lon, precision): the row's own place, else the gazetteer's, else the fallback destination."""
    gazetteer = Gazetteer.default()
    name = _text(name)
    if name is None:
        name = FALLBACK_DESTINATION
    if not (_missing(lat) or _missing(lon)):
        precision = gazetteer.get(name).precision if name in gazetteer else None
        return name, float(lat), float(lon), precision
    if name in gazetteer:
        place = gazetteer.get(name)
        return name, place.lat, place.lon, place.precision
    return name, None, None, None


def _capital(country: str) -> tuple[str | None, float | None, float | None]:
    """The country's capital from capitals.csv; a country without one is drawn from its gazetteer point."""
    gazetteer = Gazetteer.default()
    for name in (capitals().get(country), country):
        if name and name in gazetteer:
            place = gazetteer.get(name)
            return name, place.lat, place.lon
    return None, None, None


def _source(row: dict, kind: str) -> dict:
    return {"kind": kind, "id": row.get(f"{kind}_id"), "type": row.get("type") if kind == "event" else "figure",
            "article_id": row.get("article_id"), "sentence_id": None if _missing(row.get("sentence_id")) else int(row["sentence_id"]),
            "outlet": _text(row.get("outlet")), "quote": _text(row.get("quote"))}


def _records(df: pd.DataFrame) -> list[dict]:
    return df.to_dict("records") if df is not None and not df.empty else []


def _day(value) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def not_reported(lang: str = "en") -> str:
    return language.load("labels", lang)["qualifiers"]["not_reported"]


# ---------------------------------------------------------------------------------------- contingents
def contingents(events: pd.DataFrame, figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One row per contributing country the sources name, with where and when they place its troops.

    A country is named when a troop event (deployment, arrival, withdrawal) lists an actor with
    ``troops_of`` (e.g. "Belarusian troops" -> Belarus), or a figure counts a ``troops_label``
    ("Kyrgyz troops"). Columns:

    * ``country``, ``troops`` (the actor's troops_label), ``capital``, ``capital_lat``, ``capital_lon``;
    * ``destinations``: tuple of dicts ``place, lat, lon, precision, first, reported`` — every place a
      troop row puts them (no place: Kazakhstan); ``first``/``reported`` from deployment and arrival rows
      only (NaT for a place known only from a withdrawal or a count);
    * ``first``: first day they may have been sent; ``reported``: earliest day by which a source has them
      sent or arrived; ``last``: latest end date of those rows;
    * ``withdrawal``, ``withdrawal_reported``: the same for a withdrawal row naming this country's troops
      (NaT when no row does: the withdrawal of the whole force then applies, see :func:`arcs`);
    * ``count_text``: each source's number, "about 150 (Outlet)", '; '-joined, never summed; missing when
      no article gives one ("not reported"); ``figures``: the same as dicts with provenance;
    * ``sources``: tuple of dicts ``kind, id, type, article_id, sentence_id, outlet, quote``;
      ``outlets``: the outlets, '; '-joined.
    """
    by_actor = troop_actors()
    label_country = country_of_label()
    found: dict[str, dict] = {}

    def entry(country: str, label: str | None) -> dict:
        if country not in found:
            found[country] = {"country": country, "troops": label, "destinations": {}, "first": pd.NaT,
                              "reported": pd.NaT, "last": pd.NaT, "withdrawal": pd.NaT,
                              "withdrawal_reported": pd.NaT, "figures": [], "sources": [],
                              "from_events": False}
        return found[country]

    def destination(item: dict, name, lat, lon) -> dict:
        place, plat, plon, precision = _point(name, lat, lon)
        return item["destinations"].setdefault(place, {"place": place, "lat": plat, "lon": plon,
                                                       "precision": precision, "first": pd.NaT,
                                                       "reported": pd.NaT})

    troop_rows = events[events["type"].isin(TROOP_TYPES)] if events is not None and not events.empty else None
    for row in _records(troop_rows):
        countries = {by_actor[name].troops_of: by_actor[name] for name in _names(row["actors"]) if name in by_actor}
        for country, actor in countries.items():
            item = entry(country, actor.troops_label)
            item["from_events"] = True
            item["sources"].append(_source(row, "event"))
            place = destination(item, row["place"], row["lat"], row["lon"])
            first, reported = _window(row)
            if row["type"] in OUTBOUND:
                place["first"] = _earliest(place["first"], first, reported)
                place["reported"] = _earliest(place["reported"], reported)
                item["first"] = _earliest(item["first"], first, reported)
                item["reported"] = _earliest(item["reported"], reported)
                item["last"] = _latest(item["last"], reported)
            else:
                item["withdrawal"] = _earliest(item["withdrawal"], first, reported)
                item["withdrawal_reported"] = _earliest(item["withdrawal_reported"], reported)

    troop_figures_ = figures[figures["category"] == "troops"] if figures is not None and not figures.empty else None
    for row in _records(troop_figures_):
        country = label_country.get(_text(row["subject"]) or "")
        if country is None:
            continue
        item = entry(country, row["subject"])
        item["sources"].append(_source(row, "figure"))
        item["figures"].append(_figure_record(row, lang))
        if item["from_events"]:
            continue
        # Only a count names them: its place is where they are, its date the day by which they were there.
        place = destination(item, row["place"], None, None)
        if not _missing(row["as_of"]):
            day = pd.Timestamp(row["as_of"])
            place["first"] = _earliest(place["first"], day)
            place["reported"] = _earliest(place["reported"], day)
            item["first"] = _earliest(item["first"], day)
            item["reported"] = _earliest(item["reported"], day)
            item["last"] = _latest(item["last"], day)

    rows = []
    for country, item in found.items():
        capital, lat, lon = _capital(country)
        figures_ = sorted(item["figures"], key=lambda f: (f["as_of"] is pd.NaT, f["as_of"], f["outlet"] or ""))
        rows.append({
            "country": country, "troops": item["troops"], "capital": capital, "capital_lat": lat, "capital_lon": lon,
            "destinations": tuple(sorted(item["destinations"].values(), key=_destination_order)),
            "first": item["first"], "reported": item["reported"], "last": item["last"],
            "withdrawal": item["withdrawal"], "withdrawal_reported": item["withdrawal_reported"],
            "count_text": "; ".join(f"{f['text']} ({f['outlet']})" for f in figures_) or None,
            "figures": tuple(figures_), "sources": tuple(item["sources"]),
            "outlets": "; ".join(sorted({s["outlet"] for s in item["sources"] if s["outlet"]})),
        })
    table = pd.DataFrame(rows, columns=CONTINGENT_COLUMNS)
    if table.empty:
        return table
    order = table.assign(_first=table["first"].fillna(pd.Timestamp.max)).sort_values(["_first", "country"]).index
    return table.loc[order].reset_index(drop=True)


def _destination_order(place: dict):
    return (pd.isna(place["reported"]), place["reported"] if not pd.isna(place["reported"]) else pd.Timestamp.max,
            place["place"])


def per_country(contingents_: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Per contributing country: its count per source, or "not reported" where no article gives one."""
    missing = not_reported(lang)
    rows = []
    for row in _records(contingents_):
        first = row["sources"][0] if row["sources"] else {}
        count = _text(row["count_text"])
        rows.append({"country": row["country"], "troops": count or missing, "reported": count is not None, "outlets": row["outlets"],
                     "article_id": first.get("article_id"), "sentence_id": first.get("sentence_id")})
    return pd.DataFrame(rows, columns=["country", "troops", "reported", "outlets", "article_id", "sentence_id"])


# --------------------------------------------------------------------------------------------- phases
def phases(events: pd.DataFrame) -> pd.DataFrame:
    """One row per phase of the mission the events name, dated as the sources date it.

    ``first``: the earliest ``date`` across sources (rows dated only "before X" excepted); ``last``: the
    latest ``date_end``, so an end date an article gives extends it; ``precision``: day, range, or before
    (only "before X" rows: then ``last`` is the earliest such X); ``reported``: the earliest day by which
    a source has the phase happened. ``first_*`` / ``last_*`` name the sentence each bound comes from;
    ``sources`` holds every row (dicts with provenance), earliest first.
    """
    if events is None or events.empty:
        return pd.DataFrame(columns=PHASE_COLUMNS)
    rows = []
    for phase in PHASES:
        sub = _records(events[events["type"] == phase])
        if not sub:
            continue
        windows = [(_window(r), r) for r in sub]
        dated = [(w, r) for w, r in windows if not _missing(w[0])]
        if dated:
            # Ties: the narrower window (the more precise sentence), then the outlet and sentence order.
            first_w, first_row = min(dated, key=lambda item: (item[0][0], item[0][1], *_order(item[1])))
            last_w, last_row = min(dated, key=lambda item: (-item[0][1].value, -item[0][0].value, *_order(item[1])))
            first, last = first_w[0], last_w[1]
            precision = "day" if first == last else "range"
        else:
            (_, last), last_row = min(windows, key=lambda item: item[0][1])
            first, first_row, precision = pd.NaT, last_row, "before"
        reported = _earliest(*(w[1] for w, _ in windows))
        sources = [dict(_source(r, "event"), date=r["date"], date_end=r["date_end"], date_precision=r["date_precision"],
                        place=_text(r["place"]))
                   for _, r in sorted(windows, key=lambda item: (_earliest(item[0][0], item[0][1]), item[0][1]))]
        rows.append({
            "phase": phase, "first": first, "last": last, "precision": precision, "reported": reported,
            "n_sources": len(sources), "outlets": "; ".join(sorted({s["outlet"] for s in sources if s["outlet"]})),
            "first_article_id": first_row["article_id"], "first_sentence_id": int(first_row["sentence_id"]),
            "first_outlet": _text(first_row["outlet"]), "last_article_id": last_row["article_id"],
            "last_sentence_id": int(last_row["sentence_id"]), "last_outlet": _text(last_row["outlet"]),
            "sources": tuple(sources),
        })
    return pd.DataFrame(rows, columns=PHASE_COLUMNS)


def _order(row: dict) -> tuple[str, str, int]:
    return _text(row["outlet"]) or "", str(row["article_id"]), int(row["sentence_id"])


def phase_sentences(phases_: pd.DataFrame) -> pd.DataFrame:
    """Every sentence behind the phases, one row each: phase, its own dates, outlet, quote, provenance."""
    rows = [{"phase": row["phase"], **source} for row in _records(phases_) for source in row["sources"]]
    return pd.DataFrame(rows, columns=["phase", "kind", "id", "type", "article_id", "sentence_id", "outlet", "quote",
                                       "date", "date_end", "date_precision", "place"])


def phase_span(row, lang: str = "en") -> str:
    """'5 Jan 2022', '3–9 Jan 2022' or 'before 13 Jan 2022' for a row of :func:`phases`."""
    if row["precision"] == "before":
        return formatting.date_span(row["last"], row["last"], "before", lang)
    return formatting.date_span(row["first"], row["last"], None, lang)


# -------------------------------------------------------------------------------------------- figures
def _figure_record(row: dict, lang: str) -> dict:
    return {"figure_id": row["figure_id"], "text": formatting.figure_text(row, lang), "outlet": _text(row["outlet"]),
            "as_of": pd.NaT if _missing(row["as_of"]) else pd.Timestamp(row["as_of"]),
            "article_id": row["article_id"], "sentence_id": int(row["sentence_id"])}


def troop_figures(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every troop count, one row per source sentence, never summed: 'about 1,200' (CSTO troops, one outlet).

    ``country`` is the contributing country when the subject is one country's troops, else None.
    """
    if figures is None or figures.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    label_country = country_of_label()
    rows = []
    for row in _records(figures[figures["category"] == "troops"]):
        rows.append({"figure_id": row["figure_id"], "subject": _text(row["subject"]),
                     "country": label_country.get(_text(row["subject"]) or ""),
                     "text": formatting.figure_text(row, lang), "outlet": _text(row["outlet"]),
                     "as_of": row["as_of"], "as_of_inferred": row["as_of_inferred"],
                     "attribution": _text(row["attribution"]), "article_id": row["article_id"],
                     "sentence_id": int(row["sentence_id"]), "quote": _text(row["quote"])})
    table = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return table.sort_values(["as_of", "outlet", "figure_id"], na_position="last").reset_index(drop=True)


# ------------------------------------------------------------------------------ commander, ceremonies
def commander_and_ceremonies(events: pd.DataFrame) -> pd.DataFrame:
    """Mission events about a ceremony or the mission's commander.

    A mission event (one of :data:`PHASES`) is a ``ceremony`` when its sentence has a ceremony word, and
    names a ``commander`` when its sentence has a commander word and its actors include a person (the
    words are in ``lang/<code>/troops.toml``; who is a person is in the actors data). ``people`` lists
    the persons among its actors.
    """
    if events is None or events.empty:
        return pd.DataFrame(columns=NOTABLE_COLUMNS)
    patterns, kinds = _word_patterns(), actors()
    rows = []
    for row in _records(events[events["type"].isin(PHASES)]):
        quote = _text(row["quote"]) or ""
        people = [name for name in _names(row["actors"]) if name in kinds and kinds[name].kind == "person"]
        roles = []
        if people and patterns["commander"] is not None and patterns["commander"].search(quote):
            roles.append("commander")
        if patterns["ceremony"] is not None and patterns["ceremony"].search(quote):
            roles.append("ceremony")
        if roles:
            rows.append({**{c: row.get(c) for c in NOTABLE_COLUMNS}, "role": "; ".join(roles),
                         "people": "; ".join(people) or None})
    table = pd.DataFrame(rows, columns=NOTABLE_COLUMNS)
    return table.sort_values(["date", "outlet", "sentence_id"]).reset_index(drop=True) if rows else table


# ------------------------------------------------------------------------------------------------ map
def days(contingents_: pd.DataFrame, phases_: pd.DataFrame) -> tuple[dt.date, dt.date, dt.date] | None:
    """(first, last, default) day for the day control, or None when nothing is dated.

    The span runs from the earliest dated phase or contingent to the latest; the default is the day by
    which every named contingent is reported sent (else the last day), so the map opens on the arrivals.
    """
    values = []
    for row in _records(phases_):
        values += [row["first"], row["last"]]
    for row in _records(contingents_):
        values += [row["first"], row["reported"], row["last"], row["withdrawal"], row["withdrawal_reported"]]
    values = [pd.Timestamp(v) for v in values if not _missing(v)]
    if not values:
        return None
    first, last = min(values).date(), max(values).date()
    sent = [row["reported"] for row in _records(contingents_) if not _missing(row["reported"])]
    default = max(sent).date() if sent else last
    return first, last, min(max(default, first), last)


def _withdrawal_start(phases_: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(first possible day, reported day) of the force's withdrawal, from the phases."""
    rows = [r for r in _records(phases_) if r["phase"] == WITHDRAWAL]
    if not rows:
        return pd.NaT, pd.NaT
    row = rows[0]
    return _earliest(row["first"], row["reported"]), row["reported"]


def _words(lang: str) -> dict:
    return language.load("ui_troops", lang)


def _esc(value) -> str:
    return html.escape("" if _missing(value) else str(value), quote=True)


def _arc_tip(row: dict, direction: str, status: str, place: dict, since, lang: str) -> str:
    words = _words(lang)
    capital = _text(row["capital"]) or row["country"]
    route = f"{capital} → {place['place']}" if direction == "out" else f"{place['place']} → {capital}"
    count = _text(row["count_text"]) or not_reported(lang)
    return (f"<b>{_esc(row['country'])}</b> · {_esc(words['arc_' + direction])}<br/>{_esc(route)}<br/>"
            f"{_esc(words['status_' + status])} {_esc(formatting.date(since, lang))}<br/>"
            f"{_esc(words['troops_count'])}: {_esc(count)}<br/><i>{_esc(row['outlets'])}</i>")


def arcs(contingents_: pd.DataFrame, phases_: pd.DataFrame, day, lang: str = "en") -> pd.DataFrame:
    """The arcs to draw on `day`: out from each capital to each destination, back once the withdrawal began.

    Out: from the destination's first possible day (``status`` "possible", drawn faint) and from the day
    a source has it happened ("reported"). Back: once the country's own withdrawal, else the force's
    (the withdrawal phase), has begun by `day`; the outbound arcs then give way to the return arcs.
    A destination known only from a withdrawal or a count gets no outbound arc before it.
    """
    day = _day(day)
    force_first, force_reported = _withdrawal_start(phases_)
    rows = []
    for row in _records(contingents_):
        if _missing(row["capital_lat"]):
            continue
        back_first = _earliest(row["withdrawal"], row["withdrawal_reported"])
        back_reported = row["withdrawal_reported"]
        if _missing(back_first):
            back_first, back_reported = force_first, force_reported
        for place in row["destinations"]:
            if _missing(place["lat"]):
                continue
            if not _missing(back_first) and day >= back_first:
                direction, since = "back", back_reported if not _missing(back_reported) else back_first
                status = "reported" if day >= since else "possible"
                since = since if status == "reported" else back_first
            elif not _missing(place["first"]) and day >= place["first"]:
                direction = "out"
                status = "reported" if not _missing(place["reported"]) and day >= place["reported"] else "possible"
                since = place["reported"] if status == "reported" else place["first"]
            else:
                continue
            capital = (row["capital_lon"], row["capital_lat"])
            there = (place["lon"], place["lat"])
            source, target = (capital, there) if direction == "out" else (there, capital)
            base = OUT_COLOR if direction == "out" else BACK_COLOR
            rows.append({
                "country": row["country"], "direction": direction, "status": status, "place": place["place"],
                "from_name": row["capital"] if direction == "out" else place["place"],
                "to_name": place["place"] if direction == "out" else row["capital"],
                "source_lon": source[0], "source_lat": source[1], "target_lon": target[0], "target_lat": target[1],
                "color": [*base, REPORTED_ALPHA if status == "reported" else POSSIBLE_ALPHA],
                "tip": _arc_tip(row, direction, status, place, since, lang),
            })
    return pd.DataFrame(rows, columns=ARC_COLUMNS)


def _points(arcs_: pd.DataFrame, contingents_: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """Destination markers (places with an arc on the day) and capital markers (every named contingent)."""
    words = _words(lang)
    destinations: dict[str, dict] = {}
    for arc in _records(arcs_):
        end = (arc["target_lon"], arc["target_lat"]) if arc["direction"] == "out" else (arc["source_lon"], arc["source_lat"])
        item = destinations.setdefault(arc["place"], {"place": arc["place"], "lon": end[0], "lat": end[1], "countries": []})
        if arc["country"] not in item["countries"]:
            item["countries"].append(arc["country"])
    for item in destinations.values():
        item["tip"] = (f"<b>{_esc(item['place'])}</b><br/>{_esc(words['destination_of'])}: "
                       f"{_esc(', '.join(item.pop('countries')))}")
    capitals_ = []
    for row in _records(contingents_):
        if _missing(row["capital_lat"]):
            continue
        capitals_.append({"country": row["country"], "capital": _text(row["capital"]) or row["country"],
                          "lon": row["capital_lon"], "lat": row["capital_lat"],
                          "tip": (f"<b>{_esc(row['country'])}</b> · {_esc(row['capital'])}<br/>"
                                  f"{_esc(words['troops_count'])}: {_esc(_text(row['count_text']) or not_reported(lang))}")})
    return list(destinations.values()), capitals_


TOOLTIP_STYLE = {"backgroundColor": "white", "color": "#222", "fontSize": "13px", "border": "1px solid #888",
                 "maxWidth": "360px"}


def troops_deck(contingents_: pd.DataFrame, phases_: pd.DataFrame, day, lang: str = "en",
                phone: bool = False, drawn: pd.DataFrame | None = None) -> pdk.Deck:
    """The shared base map ("region" view, or its phone preset) with the day's arcs, destinations and capitals.

    Layers after the base: ``troop_arcs_out``, ``troop_arcs_back`` (ArcLayer), ``troop_destinations``,
    ``troop_capitals`` (ScatterplotLayer) and ``troop_capital_names`` (TextLayer, the capitals' names). Every tooltip field is HTML-escaped here, so article text
    and names show as text. `drawn`: the day's :func:`arcs`, if already computed.
    """
    if drawn is None:
        drawn = arcs(contingents_, phases_, day, lang)
    destinations, capitals_ = _points(drawn, contingents_, lang)

    def arc_layer(direction: str) -> pdk.Layer:
        data = _records(drawn[drawn["direction"] == direction])
        return pdk.Layer("ArcLayer", data, id=f"troop_arcs_{direction}", pickable=True, auto_highlight=True,
                         get_source_position=["source_lon", "source_lat"],
                         get_target_position=["target_lon", "target_lat"], get_source_color="color",
                         get_target_color="color", get_width=4, width_min_pixels=2, get_height=0.3,
                         get_tilt=ARC_TILT)

    layers = [
        arc_layer("out"),
        arc_layer("back"),
        pdk.Layer("ScatterplotLayer", destinations, id="troop_destinations", pickable=True, stroked=True,
                  filled=True, get_position=["lon", "lat"], get_fill_color=[*DESTINATION_COLOR, 230],
                  get_line_color=[40, 40, 40], get_radius=30000, radius_min_pixels=6, radius_max_pixels=14,
                  line_width_min_pixels=1.5),
        pdk.Layer("ScatterplotLayer", capitals_, id="troop_capitals", pickable=True, stroked=True, filled=True,
                  get_position=["lon", "lat"], get_fill_color=[*OUT_COLOR, 230], get_line_color=[255, 255, 255],
                  get_radius=25000, radius_min_pixels=5, radius_max_pixels=12, line_width_min_pixels=1.5),
        pdk.Layer("TextLayer", [{"lon": c["lon"], "lat": c["lat"], "name": c["capital"]} for c in capitals_],
                  id="troop_capital_names", pickable=False, get_position=["lon", "lat"], get_text="name", get_size=13,
                  get_color=LABEL_COLOR, get_text_anchor=pdk.types.String("end"),
                  get_alignment_baseline=pdk.types.String("center"), get_pixel_offset=[-9, 0],
                  font_family=pdk.types.String("sans-serif"), font_weight=600,
                  outline_width=3, outline_color=[255, 255, 255, 230], font_settings={"sdf": True}),
    ]
    return maps.deck(layers, maps.fitted(MAP_VIEW, phone), tooltip={"html": "{tip}", "style": TOOLTIP_STYLE})
