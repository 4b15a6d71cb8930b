"""The map's builders as pure functions: rows, layers, colours, region shading, country-level events."""
import datetime as dt
import json
import math
import re

import pandas as pd
import pydeck as pdk
import pytest

from kzdata import event_map, maps, schema
from kzdata.gazetteer import Gazetteer, region_geojson
from kzdata.palette import type_colors

KAZAKHSTAN = Gazetteer.default().get("Kazakhstan")
BASE_LAYERS = ("countries", "regions")
MY_LAYERS = ("region_shading", "places", "places_labels", "anchors", "region_events", "events")


def event(event_id, type_, date, place=None, precision=None, *, sentence=0, article="a1", date_end=None,
          date_precision="day", summary=None, quote="Kalimat.", outlet="Outlet"):
    found = Gazetteer.default().get(place) if place else None
    return {"event_id": event_id, "type": type_, "date": pd.Timestamp(date),
            "date_end": pd.Timestamp(date_end or date), "date_precision": date_precision, "place": place,
            "lat": found.lat if found else None, "lon": found.lon if found else None,
            "geo_precision": precision or (found.precision if found else None), "actors": None,
            "summary_en": summary or f"{type_} in {place}", "summary_id": f"({type_}) di {place}", "trigger": "x",
            "article_id": article, "outlet": outlet, "sentence_id": sentence, "start": 0, "end": 10,
            "quote": quote, "sentence_kind": "body", "mark_start": 0, "mark_end": 5}


def figure(figure_id, category, value, as_of, *, sentence=0, article="a1", low=None, high=None,
           qualifier="exact", number_text=None):
    return {"figure_id": figure_id, "category": category, "value": value, "low": low if low is not None else value,
            "high": high if high is not None else value, "qualifier": qualifier,
            "number_text": number_text or str(value), "subject": "people", "place": None,
            "as_of": pd.Timestamp(as_of), "as_of_inferred": False, "attribution": None, "article_id": article,
            "outlet": "Outlet", "sentence_id": sentence, "start": 0, "end": 10, "quote": "Kalimat.",
            "sentence_kind": "body", "mark_start": 0, "mark_end": 5}


@pytest.fixture
def small():
    events = schema.frame("events", [
        event("e-airport", "airport_seized", "2022-01-05", "Almaty International Airport", sentence=1),
        event("e-city", "arrests", "2022-01-08", "Almaty", sentence=2),
        event("e-west", "protest", "2022-01-02", "western Kazakhstan", sentence=3),
        event("e-mangystau", "clash", "2022-01-04", "Mangystau Region", sentence=4),
        event("e-country", "state_of_emergency", "2022-01-05", "Kazakhstan", sentence=5),
        event("e-nowhere", "shoot_order", "2022-01-07", sentence=6),
        event("e-later", "troop_withdrawal", "2022-01-13", "Almaty", sentence=7),
    ])
    figures = schema.frame("figures", [
        figure("f-small", "detained", 50.0, "2022-01-08", sentence=2),
        figure("f-big", "arrested", 4400.0, "2022-01-08", sentence=2, high=None, qualifier="at_least"),
        figure("f-vague", "killed", None, "2022-01-05", sentence=1, low=20.0, high=99.0, qualifier="vague",
               number_text="puluhan"),
        figure("f-other-article", "killed", 100000.0, "2022-01-05", sentence=1, article="a2"),
        figure("f-late", "troops", 2500.0, "2022-01-14", sentence=7),
    ])
    return events, figures


def deck_json(deck: pdk.Deck) -> dict:
    return json.loads(deck.to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(l for l in spec["layers"] if l["id"] == layer_id)


def test_deck_has_the_base_map_and_the_event_layers(small):
    events, figures = small
    deck = event_map.event_deck(events, figures, "country", "en")
    assert isinstance(deck, pdk.Deck)
    spec = deck_json(deck)
    assert [l["id"] for l in spec["layers"]] == list(BASE_LAYERS + MY_LAYERS)
    assert spec["initialViewState"]["zoom"] == maps.views()["kazakhstan"]["zoom"]
    almaty = deck_json(event_map.event_deck(events, figures, "almaty", "en"))
    assert almaty["initialViewState"]["latitude"] == maps.views()["almaty"]["latitude"]
    pickable = {l["id"] for l in spec["layers"] if l.get("pickable")}
    assert pickable == set(event_map.PICKABLE_LAYERS)


def test_units_are_literal_pixels_not_expressions(small):
    """pydeck turns bare strings into JS expressions: 'pixels' must reach deck.gl as the string."""
    spec = deck_json(event_map.event_deck(*small, "country", "en"))
    for layer_spec in spec["layers"][2:]:
        for key in ("radiusUnits", "lineWidthUnits", "sizeUnits"):
            if key in layer_spec:
                assert layer_spec[key] == "pixels", (layer_spec["id"], key)


def test_unknown_view_is_refused(small):
    with pytest.raises(ValueError, match="unknown view"):
        event_map.event_deck(*small, "moon", "en")


def test_one_row_per_point_or_city_event_and_every_event_accounted_for(small, seed_corpus):
    events, figures = small
    rows = event_map.map_rows(events, figures)
    assert sorted(rows.event_id) == ["e-airport", "e-city", "e-later"]
    assert rows.event_id.is_unique
    for corpus_events, corpus_figures in ((events, figures), (seed_corpus.events, seed_corpus.figures)):
        for day in (None, dt.date(2022, 1, 2), dt.date(2022, 1, 5), dt.date(2022, 1, 8), dt.date(2022, 1, 13)):
            parts = [event_map.map_rows(corpus_events, corpus_figures, day).event_id,
                     event_map.region_rows(corpus_events, corpus_figures, day).event_id,
                     event_map.country_rows(corpus_events, day).event_id,
                     event_map.unplaced_rows(corpus_events, day).event_id]
            ids = [i for part in parts for i in part]
            assert sorted(ids) == sorted(event_map.happened_by(corpus_events, day).event_id)
            assert len(ids) == len(set(ids))
            assert dict(zip(("points", "regions", "countries", "unplaced"), map(len, parts))) == \
                event_map.counts(corpus_events, day)


def test_the_events_layer_has_one_record_per_drawn_event(seed_corpus):
    spec = deck_json(event_map.event_deck(seed_corpus.events, seed_corpus.figures, "country", "en"))
    drawn = event_map.map_rows(seed_corpus.events, seed_corpus.figures)
    assert sorted(r["event_id"] for r in layer(spec, "events")["data"]) == sorted(drawn.event_id)
    regions = event_map.region_rows(seed_corpus.events, seed_corpus.figures)
    assert [r["event_id"] for r in layer(spec, "region_events")["data"]] == list(regions.event_id)


def test_day_keeps_what_had_happened_and_figures_reported_by_then(small):
    events, figures = small
    assert list(event_map.map_rows(events, figures, dt.date(2022, 1, 5)).event_id) == ["e-airport"]
    assert set(event_map.happened_by(events, "2022-01-04").event_id) == {"e-west", "e-mangystau"}
    assert set(event_map.figures_by(figures, dt.date(2022, 1, 8)).figure_id) == {
        "f-small", "f-big", "f-vague", "f-other-article"}
    assert len(event_map.figures_by(figures, None)) == len(figures)
    # a figure reported after the day does not size its event yet
    later = event_map.map_rows(events, figures, dt.date(2022, 1, 13)).set_index("event_id")
    assert math.isnan(later.figure["e-later"]) and later["size"]["e-later"] == event_map.DEFAULT_SIZE
    assert event_map.map_rows(events, figures, dt.date(2022, 1, 14)).set_index("event_id").figure["e-later"] == 2500


def test_size_comes_from_the_largest_figure_of_the_same_sentence(small):
    events, figures = small
    rows = event_map.map_rows(events, figures).set_index("event_id")
    assert rows.figure["e-city"] == 4400 and rows.figure_id["e-city"] == "f-big"
    assert rows.figure["e-airport"] == 99  # vague: its high bound; the other article's figure is not tied
    assert rows["size"]["e-city"] > rows["size"]["e-airport"] > event_map.DEFAULT_SIZE
    assert rows["size"]["e-city"] <= event_map.MAX_SIZE
    assert "at least 4,400 arrested" in rows.tip_figure["e-city"]


def test_colours_follow_the_event_type(small, seed_corpus):
    colors = type_colors()
    for events, figures in (small, (seed_corpus.events, seed_corpus.figures)):
        for rows in (event_map.map_rows(events, figures), event_map.region_rows(events, figures)):
            for row in rows.itertuples():
                assert row.color == list(colors[row.type])
                assert row.line[:3] == list(colors[row.type]) or row.line[:3] == event_map.DARK
        points = event_map.map_rows(events, figures)
        assert all(fill[:3] == list(colors[t]) for fill, t in zip(points.fill, points.type))


def test_point_and_city_precision_look_different(small):
    rows = event_map.map_rows(*small).set_index("event_id")
    assert rows.geo_precision["e-airport"] == "point" and rows.geo_precision["e-city"] == "city"
    assert rows.fill["e-airport"][3] > rows.fill["e-city"][3]  # a city is translucent
    assert rows.line["e-airport"][:3] == event_map.DARK and rows.line["e-city"][:3] == rows.color["e-city"]
    assert "exact place" in rows.tip_where["e-airport"] and "city" in rows.tip_where["e-city"]


def test_region_level_places_shade_their_regions_and_get_a_hollow_ring(small):
    events, figures = small
    regions = event_map.region_rows(events, figures).set_index("event_id")
    gazetteer = Gazetteer.default()
    assert regions.adm1_codes["e-west"] == gazetteer.get("western Kazakhstan").adm1_codes
    assert regions.adm1_codes["e-mangystau"] == ("KAZ-3236",)
    assert all(fill[3] == 0 for fill in regions.fill)  # hollow
    assert (regions.lat["e-west"], regions.lon["e-west"]) == (gazetteer.get("western Kazakhstan").lat,
                                                                gazetteer.get("western Kazakhstan").lon)
    shading = event_map.region_shading(regions.reset_index())
    shaded = {(f["properties"]["adm1_code"], f["properties"]["type"]) for f in shading["features"]}
    expected = {(code, "protest") for code in gazetteer.get("western Kazakhstan").adm1_codes} | {("KAZ-3236", "clash")}
    assert shaded == expected
    known = {f["properties"]["adm1_code"] for f in region_geojson()["features"]}
    assert {code for code, _ in shaded} <= known
    for feature in shading["features"]:
        assert feature["properties"]["fill"][:3] == list(type_colors()[feature["properties"]["type"]])
    spec = deck_json(event_map.event_deck(events, figures, "country", "en"))
    assert len(layer(spec, "region_shading")["data"]["features"]) == len(shading["features"])


def test_shading_does_not_grow_with_the_number_of_events(small):
    events, figures = small
    many = pd.concat([events.assign(event_id=events.event_id + f"-{i}") for i in range(30)], ignore_index=True)
    one = event_map.region_shading(event_map.region_rows(events, figures))
    thirty = event_map.region_shading(event_map.region_rows(many, figures))
    assert len(thirty["features"]) == len(one["features"])
    assert sum(len(f["properties"]["event_ids"]) for f in thirty["features"]) == \
        30 * sum(len(f["properties"]["event_ids"]) for f in one["features"])


def test_country_level_events_are_listed_never_drawn(small, seed_corpus):
    for events, figures in (small, (seed_corpus.events, seed_corpus.figures)):
        country = set(events.loc[events.geo_precision == "country", "event_id"])
        assert country and set(event_map.country_rows(events).event_id) == country
        spec = deck_json(event_map.event_deck(events, figures, "country", "en"))
        drawn = [r for l in spec["layers"][2:] if isinstance(l.get("data"), list) for r in l["data"]]
        assert not country & {r.get("event_id") for r in drawn}
        assert not any(r.get("lat") == KAZAKHSTAN.lat and r.get("lon") == KAZAKHSTAN.lon for r in drawn)
    listed = event_map.country_rows(small[0], lang="id").iloc[0]
    assert (listed.event_id, listed.place, listed.summary) == ("e-country", "Kazakhstan",
                                                               "(state_of_emergency) di Kazakhstan")


def test_events_without_a_place_are_listed_not_drawn(small):
    events, figures = small
    assert list(event_map.unplaced_rows(events).event_id) == ["e-nowhere"]
    assert "e-nowhere" not in set(event_map.map_rows(events, figures).event_id)


def test_tooltips_are_plain_text_that_cannot_inject_html():
    hostile = '<img src=x onerror="alert(1)"> & \'quotes\''
    events = schema.frame("events", [event("e-x", "protest", "2022-01-05", "Almaty", summary=hostile,
                                           quote=hostile, outlet="<b>Outlet</b>")])
    rows = event_map.map_rows(events, schema.frame("figures", []))
    assert rows.tip_summary[0] == hostile and rows.tip_outlet[0] == "<b>Outlet</b>"
    tip = event_map.tooltip()
    assert "html" not in tip and set(re.findall(r"{(\w+)}", tip["text"])) == set(event_map.TIP_COLUMNS)
    deck = event_map.event_deck(events, schema.frame("figures", []), "country", "en")
    assert json.loads(json.dumps(deck._tooltip)) == tip  # what Streamlit sends: text, set with innerText
    for layer_spec in deck_json(deck)["layers"]:
        if layer_spec.get("pickable"):
            assert all(set(event_map.TIP_COLUMNS) <= set(r) for r in layer_spec["data"])


def test_tooltip_fields_say_date_type_summary_outlet_quote_and_precision(small):
    row = event_map.map_rows(*small, lang="en").set_index("event_id").loc["e-airport"]
    assert row.tip_when == "5 Jan 2022" and row.tip_type == "Airport seized"
    assert row.tip_summary == "airport_seized in Almaty International Airport"
    assert row.tip_outlet == "Outlet" and row.tip_quote == "“Kalimat.”"
    assert row.tip_where == "Almaty International Airport: exact place"
    indonesian = event_map.map_rows(*small, lang="id").set_index("event_id").loc["e-airport"]
    assert indonesian.tip_type == "Bandara direbut" and indonesian.tip_where.endswith("tempat persis")
    assert indonesian.tip_summary == "(airport_seized) di Almaty International Airport"


def test_long_quotes_are_shortened_in_the_tooltip():
    events = schema.frame("events", [event("e-x", "protest", "2022-01-05", "Almaty", quote="kata " * 200)])
    quote = event_map.map_rows(events, schema.frame("figures", [])).tip_quote[0]
    assert len(quote) <= event_map.QUOTE_LENGTH + 2 and quote.endswith("…”")


def test_overlapping_markers_fan_out_and_lone_ones_stay(small):
    rows = pd.DataFrame({"lat": [43.25, 43.25, 43.25, 47.7], "lon": [76.9, 76.9, 76.9, 54.9],
                         "size": [14.0, 14.0, 30.0, 20.0]})
    offsets = event_map.spread(rows, 3.25)
    assert offsets[3] == [0.0, 0.0]
    centres = [tuple(o) for o in offsets[:3]]
    assert len(set(centres)) == 3
    for i in range(3):
        for j in range(i + 1, 3):
            assert math.dist(centres[i], centres[j]) >= (rows["size"][i] + rows["size"][j]) / 2
    many = pd.DataFrame({"lat": [43.25] * 40, "lon": [76.9] * 40, "size": [14.0] * 40})
    spiral = [tuple(o) for o in event_map.spread(many, 3.25)]
    assert min(math.dist(a, b) for i, a in enumerate(spiral) for b in spiral[i + 1:]) >= 14.0


def test_labels_do_not_overlap_each_other_or_the_markers(seed_corpus):
    for view in event_map.MAP_VIEWS:
        settings = maps.views()[event_map.preset(view)]
        zoom = settings["zoom"]
        markers = pd.concat([event_map.region_rows(seed_corpus.events, seed_corpus.figures)[["lat", "lon", "size"]],
                             event_map.map_rows(seed_corpus.events, seed_corpus.figures)[["lat", "lon", "size"]]],
                            ignore_index=True)
        offsets = event_map.spread(markers, zoom)
        places = event_map.place_labels(event_map.landmark_rows(view), markers, offsets, zoom,
                                        (settings["latitude"], settings["longitude"]))
        boxes = []
        for name, lat, lon, anchor, (dx, dy) in places[["name", "lat", "lon", "anchor", "label_offset"]].itertuples(
                index=False):
            x, y = event_map._pixels(lat, lon, zoom)
            width = event_map.LABEL_CHAR_WIDTH * len(name)
            left = x + dx if anchor == "start" else x + dx - width
            boxes.append((left, y + dy - 7, left + width, y + dy + 7))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (view, a, b)
            for (lat, lon, size), (ox, oy) in zip(markers.itertuples(index=False), offsets):
                mx, my = event_map._pixels(lat, lon, zoom)
                assert not event_map._box_hits_circle(a, mx + ox, my + oy, size / 2), (view, a)


def test_the_almaty_view_labels_the_places_the_news_names():
    names = set(event_map.landmark_rows("almaty").name)
    assert {"Almaty International Airport", "Almaty City Hall", "Republic Square",
            "Presidential Residence, Almaty"} <= names
    assert {"Zhanaozen", "Aktau", "Almaty"} <= set(event_map.landmark_rows("country").name)


def test_the_whole_country_view_frames_zhanaozen_aktau_and_almaty():
    settings = maps.views()[event_map.preset("country")]
    cx, cy = event_map._pixels(settings["latitude"], settings["longitude"], settings["zoom"])
    width, height = maps.MAP_SIZE
    for name in ("Zhanaozen", "Aktau", "Almaty", "Nur-Sultan"):
        place = Gazetteer.default().get(name)
        x, y = event_map._pixels(place.lat, place.lon, settings["zoom"])
        assert abs(x - cx) < width / 2 - 20 and abs(y - cy) < height / 2 - 20, name


def test_legend_lists_the_types_present_in_palette_colours(small):
    rows = event_map.map_rows(*small)
    entries = event_map.legend(rows, "en")
    assert [e["type"] for e in entries] == ["arrests", "troop_withdrawal", "airport_seized"]  # vocabulary order
    assert all(e["rgb"] == list(type_colors()[e["type"]]) for e in entries)
    assert entries[0]["hex"] == "#{:02X}{:02X}{:02X}".format(*type_colors()["arrests"])
    assert [e["label"] for e in event_map.legend(rows, "id")][0] == "Penangkapan"
    html = event_map.legend_html([{"type": "x", "label": "<script>x</script>", "hex": "#112233"}], "en")
    assert "<script>" not in html and "&lt;script&gt;" in html and "#112233" in html
    assert "Event types" in html
    assert "exact place" in event_map.markers_html("en") and "tempat persis" in event_map.markers_html("id")


def test_limit_keeps_the_latest_markers(small):
    events, figures = small
    rows = event_map.map_rows(events, figures, limit=2)
    assert sorted(rows.event_id) == ["e-city", "e-later"]
    spec = deck_json(event_map.event_deck(events, figures, "country", "en", limit=1))
    assert [r["event_id"] for r in layer(spec, "events")["data"]] == ["e-later"]


def test_span_covers_events_and_figures(small):
    events, figures = small
    assert event_map.span(events, figures) == (dt.date(2022, 1, 2), dt.date(2022, 1, 14))
    assert event_map.span(events.iloc[:0], figures.iloc[:0]) == (None, None)


def test_picked_event_reads_streamlit_selection_states():
    assert event_map.picked_event(None) is None
    assert event_map.picked_event({"selection": {"indices": {}, "objects": {}}}) is None
    state = {"selection": {"indices": {"events": [0]}, "objects": {"events": [{"event_id": "e-1"}]}}}
    assert event_map.picked_event(state) == "e-1"
    ring = {"selection": {"objects": {"region_events": [{"event_id": "e-2", "lat": 1}]}}}
    assert event_map.picked_event(ring) == "e-2"
    assert event_map.picked_event({"selection": {"objects": {"countries": [{"event_id": "no"}]}}}) is None


def test_empty_tables_give_empty_rows_and_a_base_map():
    events, figures = schema.frame("events", []), schema.frame("figures", [])
    assert event_map.map_rows(events, figures).empty and event_map.region_rows(events, figures).empty
    assert event_map.country_rows(events).empty and event_map.unplaced_rows(events).empty
    spec = deck_json(event_map.event_deck(events, figures, "almaty", "en"))
    assert layer(spec, "events")["data"] == [] and layer(spec, "region_shading")["data"]["features"] == []


def test_in_view_keeps_what_the_first_view_shows(small):
    events, figures = small
    rows = pd.concat([event_map.map_rows(events, figures), event_map.region_rows(events, figures)], ignore_index=True)
    assert set(event_map.in_view(rows, "country").event_id) == set(rows.event_id)
    almaty = set(event_map.in_view(rows, "almaty").event_id)
    assert almaty == {"e-airport", "e-city", "e-later"}  # western Kazakhstan and Mangystau are far away
    assert [e["type"] for e in event_map.legend(event_map.in_view(rows, "almaty"))] == [
        "arrests", "troop_withdrawal", "airport_seized"]


def test_lists_can_keep_only_the_latest(small, seed_corpus):
    events = seed_corpus.events
    latest = event_map.country_rows(events, limit=2)
    everything = event_map.country_rows(events)
    assert len(latest) == 2 and list(latest.event_id) == list(everything.event_id[-2:])
    assert len(event_map.unplaced_rows(events, limit=3)) == 3
    assert event_map.counts(events)["unplaced"] == len(event_map.unplaced_rows(events))
