"""kzdata.troops: contingents, phases, figures, commander and ceremonies, and the deck, from the tables alone."""
import datetime as dt
import json

import pandas as pd
import pytest

from kzdata import ArticleInfo, extract_text, formatting, troops
from kzdata.gazetteer import Gazetteer
from kzdata.schema import frame

JAN = {day: pd.Timestamp(2022, 1, day) for day in range(1, 32)}

# An invented article (not a real report): one sentence naming Kyrgyzstan's contingent, its number,
# its destination and its date. It is here to show that an added article changes the tables.
KYRGYZ_TEXT = ("Kirgistan Kirim Pasukan ke Kazakhstan\n\n"
               "Sebanyak 150 tentara Kirgistan tiba di Bandara Internasional Almaty pada Jumat, 7 Januari 2022.\n")
KYRGYZ_INFO = ArticleInfo(outlet="Harian Contoh", published=dt.date(2022, 1, 10))


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    events, figures = seed_corpus.events, seed_corpus.figures
    return events, figures, troops.contingents(events, figures), troops.phases(events)


@pytest.fixture(scope="module")
def with_kyrgyz(seed_corpus):
    added = extract_text(KYRGYZ_TEXT, KYRGYZ_INFO, source_file="invented.txt")
    events = pd.concat([seed_corpus.events, frame("events", added.events)], ignore_index=True)
    figures = pd.concat([seed_corpus.figures, frame("figures", added.figures)], ignore_index=True)
    return events, figures, troops.contingents(events, figures), troops.phases(events)


def by_country(contingents) -> dict:
    return {row["country"]: row for row in contingents.to_dict("records")}


def phase(phases, name) -> dict:
    return phases.set_index("phase").loc[name].to_dict()


# ------------------------------------------------------------------------------------------ data
def test_troop_actors_and_capitals_come_from_data():
    assert {a.troops_of for a in troops.troop_actors().values()} == {"Russia", "Belarus", "Armenia", "Kyrgyzstan",
                                                                     "Tajikistan"}
    assert troops.country_of_label()["Kyrgyz troops"] == "Kyrgyzstan"
    assert "CSTO troops" not in troops.country_of_label()  # the whole force is no country
    gazetteer = Gazetteer.default()
    for country, capital in troops.capitals().items():
        assert gazetteer.get(capital).parent == country and gazetteer.get(capital).kind == "city"


# ----------------------------------------------------------------------------------- contingents
def test_seeds_name_russia_and_belarus_as_contributors(seeds):
    _, _, contingents, _ = seeds
    assert set(contingents.country) == {"Russia", "Belarus"}
    russia, belarus = by_country(contingents)["Russia"], by_country(contingents)["Belarus"]
    assert (russia["capital"], belarus["capital"]) == ("Moscow", "Minsk")
    assert (russia["capital_lat"], russia["capital_lon"]) == (Gazetteer.default().get("Moscow").lat,
                                                              Gazetteer.default().get("Moscow").lon)
    assert {d["place"] for d in russia["destinations"]} == {"Almaty International Airport", "Kazakhstan"}
    airport = next(d for d in russia["destinations"] if d["place"] == "Almaty International Airport")
    assert airport["reported"] == JAN[8] and airport["first"] == JAN[8]
    assert (airport["lat"], airport["lon"]) == (43.3521, 77.0405)
    # Belarus: "an airfield in Kazakhstan", 8 January (Tagar's caption).
    assert [(d["place"], d["reported"]) for d in belarus["destinations"]] == [("Kazakhstan", JAN[8])]
    assert russia["first"] == JAN[5] and russia["reported"] == JAN[8] and belarus["reported"] == JAN[8]


def test_every_contingent_carries_its_sentences(seeds):
    events, _, contingents, _ = seeds
    quotes = dict(zip(zip(events.article_id, events.sentence_id), events.quote))
    for row in contingents.itertuples():
        assert row.sources
        for source in row.sources:
            assert quotes[(source["article_id"], source["sentence_id"])] == source["quote"]
            assert source["outlet"] == "Tagar"


def test_seed_counts_per_country_are_not_reported(seeds):
    _, _, contingents, _ = seeds
    assert contingents["count_text"].isna().all()
    table = troops.per_country(contingents, "en")
    assert set(table.troops) == {"not reported"} and not table.reported.any()
    assert set(troops.per_country(contingents, "id").troops) == {"tidak dilaporkan"}


def test_an_added_article_adds_kyrgyzstan_with_its_number(with_kyrgyz):
    _, _, contingents, _ = with_kyrgyz
    kyrgyz = by_country(contingents)["Kyrgyzstan"]
    assert kyrgyz["capital"] == "Bishkek"
    assert kyrgyz["count_text"] == "150 (Harian Contoh)"
    assert [(d["place"], d["reported"]) for d in kyrgyz["destinations"]] == [("Almaty International Airport", JAN[7])]
    assert kyrgyz["outlets"] == "Harian Contoh"
    counts = troops.per_country(contingents).set_index("country").troops
    assert counts["Kyrgyzstan"] == "150 (Harian Contoh)" and counts["Russia"] == "not reported"


def test_a_count_alone_names_a_contingent():
    figures = frame("figures", [{
        "figure_id": "x-f0", "category": "troops", "value": 70.0, "low": 70.0, "high": 70.0, "qualifier": "approx",
        "number_text": "sekitar 70", "subject": "Armenian troops", "place": None, "as_of": pd.Timestamp(2022, 1, 9),
        "as_of_inferred": False, "attribution": None, "article_id": "x", "outlet": "Contoh", "sentence_id": 3,
        "start": 0, "end": 10, "quote": "Sekitar 70 pasukan Armenia.", "sentence_kind": "body", "mark_start": 0,
        "mark_end": 5}])
    contingents = troops.contingents(frame("events", []), figures)
    armenia = by_country(contingents)["Armenia"]
    assert armenia["count_text"] == "about 70 (Contoh)" and armenia["capital"] == "Yerevan"
    assert [(d["place"], d["reported"]) for d in armenia["destinations"]] == [("Kazakhstan", JAN[9])]


def test_nothing_in_view_gives_empty_tables():
    events, figures = frame("events", []), frame("figures", [])
    assert troops.contingents(events, figures).empty and troops.phases(events).empty
    assert troops.troop_figures(figures).empty and troops.commander_and_ceremonies(events).empty
    assert troops.days(troops.contingents(events, figures), troops.phases(events)) is None


# ---------------------------------------------------------------------------------------- phases
def test_phases_as_the_sources_date_them(seeds):
    _, _, _, phases = seeds
    assert list(phases.phase) == ["csto_request", "troop_deployment", "troop_arrival", "mission_complete",
                                  "troop_withdrawal"]
    request = phase(phases, "csto_request")
    assert (request["first"], request["last"], request["precision"]) == (JAN[5], JAN[5], "day")
    assert request["n_sources"] == 2  # Kompas TV's "before 13 Jan" counts as a source, not as a date
    arrival = phase(phases, "troop_arrival")
    assert arrival["last"] == JAN[8] and arrival["last_outlet"] == "Tagar"
    airport = [s for s in arrival["sources"] if s["place"] == "Almaty International Airport"]
    assert [(s["date"], s["outlet"]) for s in airport] == [(JAN[8], "Tagar")]
    complete = phase(phases, "mission_complete")
    assert (complete["first"], complete["last"], complete["first_outlet"]) == (JAN[11], JAN[11], "Kompas TV")
    withdrawal = phase(phases, "troop_withdrawal")
    assert (withdrawal["first"], withdrawal["reported"], withdrawal["last"]) == (JAN[13], JAN[13], JAN[13])
    assert troops.phase_span(phases.iloc[0], "en") == "5 Jan 2022"
    assert troops.phase_span(pd.Series(phase(phases, "troop_deployment")), "en") == "3–9 Jan 2022"


def test_phase_bounds_point_at_their_sentences(seeds):
    events, _, _, phases = seeds
    for row in phases.itertuples():
        first = events[(events.article_id == row.first_article_id) & (events.sentence_id == row.first_sentence_id)]
        assert (first.type == row.phase).any()
        assert len(troops.phase_sentences(phases.iloc[[row.Index]])) == row.n_sources


def test_a_phase_dated_only_before_a_day():
    events = frame("events", [{
        "event_id": "y-e0", "type": "mission_complete", "date": JAN[14], "date_end": JAN[14],
        "date_precision": "before", "article_id": "y", "outlet": "Contoh", "sentence_id": 0, "quote": "q"}])
    row = troops.phases(events).iloc[0]
    assert row.precision == "before" and pd.isna(row["first"]) and row["last"] == JAN[14]
    assert troops.phase_span(row, "en") == "before 14 Jan 2022"


def test_an_end_date_extends_the_withdrawal(seeds):
    events = seeds[0]
    end = frame("events", [{
        "event_id": "z-e0", "type": "troop_withdrawal", "date": JAN[15], "date_end": JAN[19],
        "date_precision": "range", "article_id": "z", "outlet": "Contoh", "sentence_id": 4, "quote": "q"}])
    withdrawal = phase(troops.phases(pd.concat([events, end], ignore_index=True)), "troop_withdrawal")
    assert (withdrawal["first"], withdrawal["last"]) == (JAN[13], JAN[19])
    assert (withdrawal["last_article_id"], withdrawal["last_sentence_id"]) == ("z", 4)


# --------------------------------------------------------------------------------------- figures
def test_troop_figures_per_source_never_summed(seeds, with_kyrgyz):
    figures = troops.troop_figures(seeds[1], "en")
    assert figures[["text", "subject", "outlet"]].values.tolist() == [["about 2,500", "CSTO troops", "Kompas TV"]]
    assert figures.country.isna().all()
    assert troops.troop_figures(seeds[1], "id").text.tolist() == ["sekitar 2.500"]
    both = troops.troop_figures(with_kyrgyz[1], "en")
    assert both[["text", "outlet"]].values.tolist() == [["150", "Harian Contoh"], ["about 2,500", "Kompas TV"]]
    assert both.country.iloc[0] == "Kyrgyzstan" and pd.isna(both.country.iloc[1])


def test_commander_and_ceremony_from_the_sentences(seeds):
    notable = troops.commander_and_ceremonies(seeds[0])
    assert len(notable) == 1
    row = notable.iloc[0]
    assert (row.type, row.people, row.role, row.outlet) == ("troop_withdrawal", "Andrei Serdyukov",
                                                            "commander; ceremony", "Kompas TV")
    assert row.date == JAN[13] and "upacara" in row.quote


# --------------------------------------------------------------------------------------- the map
def arc_list(contingents, phases, day):
    return sorted(troops.arcs(contingents, phases, day)[["country", "direction", "status", "place"]]
                  .itertuples(index=False, name=None))


def test_arcs_by_day(seeds):
    _, _, contingents, phases = seeds
    assert arc_list(contingents, phases, dt.date(2022, 1, 4)) == []
    # Tagar: Russian troops "began arriving" after the 5 January request, by the 8th: possible, not yet reported.
    assert arc_list(contingents, phases, dt.date(2022, 1, 5)) == [("Russia", "out", "possible", "Kazakhstan")]
    on_8th = [("Belarus", "out", "reported", "Kazakhstan"), ("Russia", "out", "reported", "Almaty International Airport"),
              ("Russia", "out", "reported", "Kazakhstan")]
    assert arc_list(contingents, phases, dt.date(2022, 1, 8)) == on_8th
    assert arc_list(contingents, phases, dt.date(2022, 1, 12)) == on_8th
    back = [(country, "back", status, place) for country, _, status, place in on_8th]
    assert arc_list(contingents, phases, dt.date(2022, 1, 13)) == back
    assert troops.days(contingents, phases) == (dt.date(2022, 1, 3), dt.date(2022, 1, 13), dt.date(2022, 1, 8))


def test_arc_ends_are_capital_and_destination(seeds):
    _, _, contingents, phases = seeds
    out = troops.arcs(contingents, phases, "2022-01-08").set_index(["country", "place"])
    airport = out.loc[("Russia", "Almaty International Airport")]
    assert (airport.source_lat, airport.source_lon) == (55.75204, 37.61781)  # Moscow
    assert (airport.target_lat, airport.target_lon) == (43.3521, 77.0405)
    back = troops.arcs(contingents, phases, "2022-01-13").set_index(["country", "place"])
    minsk = back.loc[("Belarus", "Kazakhstan")]
    assert (minsk.target_lat, minsk.target_lon) == (53.90019, 27.56653) and minsk.from_name == "Kazakhstan"


def test_kyrgyz_arc_appears_on_its_day(with_kyrgyz):
    _, _, contingents, phases = with_kyrgyz
    assert ("Kyrgyzstan", "out", "reported", "Almaty International Airport") in arc_list(contingents, phases,
                                                                                        dt.date(2022, 1, 7))
    assert not any(c == "Kyrgyzstan" for c, *_ in arc_list(contingents, phases, dt.date(2022, 1, 6)))
    assert ("Kyrgyzstan", "back", "reported", "Almaty International Airport") in arc_list(contingents, phases,
                                                                                         dt.date(2022, 1, 13))


def layer_data(deck) -> dict:
    return {layer.id: layer.data for layer in deck.layers}


@pytest.mark.parametrize("day, out, back, destinations", [
    (dt.date(2022, 1, 4), 0, 0, 0),
    (dt.date(2022, 1, 5), 1, 0, 1),
    (dt.date(2022, 1, 8), 3, 0, 2),
    (dt.date(2022, 1, 13), 0, 3, 2),
])
def test_deck_layers_by_day(seeds, day, out, back, destinations):
    _, _, contingents, phases = seeds
    deck = troops.troops_deck(contingents, phases, day, "en")
    data = layer_data(deck)
    assert list(data) == ["countries", "regions", "troop_arcs_out", "troop_arcs_back", "troop_destinations",
                          "troop_capitals", "troop_capital_names"]
    assert (len(data["troop_arcs_out"]), len(data["troop_arcs_back"]), len(data["troop_destinations"])) == \
        (out, back, destinations)
    assert {c["country"] for c in data["troop_capitals"]} == {"Russia", "Belarus"}
    assert {c["name"] for c in data["troop_capital_names"]} == {"Moscow", "Minsk"}
    types = {layer.id: layer.type for layer in deck.layers}
    assert types["troop_arcs_out"] == "ArcLayer" and types["troop_destinations"] == "ScatterplotLayer"
    spec = json.loads(deck.to_json())
    assert spec["initialViewState"]["zoom"] == 2.4  # the shared "region" preset
    assert spec["mapProvider"] == "carto"


def test_faint_arcs_for_possible_days(seeds):
    _, _, contingents, phases = seeds
    possible = troops.arcs(contingents, phases, "2022-01-05").iloc[0]
    reported = troops.arcs(contingents, phases, "2022-01-08").iloc[0]
    assert possible.color[3] < reported.color[3]
    assert list(possible.color[:3]) == list(troops.OUT_COLOR)
    assert list(troops.arcs(contingents, phases, "2022-01-13").iloc[0].color[:3]) == list(troops.BACK_COLOR)


def test_tooltips_are_escaped(seeds):
    _, _, contingents, phases = seeds
    hostile = contingents.copy()
    hostile.loc[0, "outlets"] = "<img src=x onerror=alert(1)>"
    hostile.loc[0, "count_text"] = "<b>9000</b> & more"
    deck = troops.troops_deck(hostile, phases, dt.date(2022, 1, 8), "en")
    tips = [item["tip"] for layer in deck.layers[2:] if layer.pickable for item in layer.data]
    assert tips and all("<img" not in tip and "<b>9000" not in tip for tip in tips)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in tip for tip in tips)
    assert any("&lt;b&gt;9000&lt;/b&gt; &amp; more" in tip for tip in tips)
    assert deck._tooltip == {"html": "{tip}", "style": troops.TOOLTIP_STYLE}


def test_indonesian_tooltips(seeds):
    _, _, contingents, phases = seeds
    tips = troops.arcs(contingents, phases, "2022-01-13", "id").tip
    day = formatting.date(dt.date(2022, 1, 13), "id")
    assert all("pulang" in tip and "tidak dilaporkan" in tip and day in tip for tip in tips)
