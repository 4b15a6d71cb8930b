"""The map page in Streamlit's AppTest, reached through dashboard.py: filters, days, views, links, play."""
import datetime as dt
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from kzdata import event_map
from tests.conftest import ROOT

TIMEOUT = 60
PAGE = "pages/event_map.py"
LAST_DAY = dt.date(2022, 1, 13)


def map_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(PAGE).run()


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    return shown("\n".join(parts + [w.value for w in at.warning] + [i.value for i in at.info]))


def deck(at) -> dict:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def layer_ids(at, layer_id: str) -> list[str]:
    return [r["event_id"] for r in next(l for l in deck(at)["layers"] if l["id"] == layer_id)["data"]]


def day_slider(at):
    return at.slider(key="map_day")


def view_radio(at):
    return at.radio(key="map_view")


def figures_table(at):
    return next(df.value for df in at.dataframe if "figure" in df.value.columns)


def test_the_map_renders_with_the_last_day_by_default():
    at = map_page()
    assert not at.exception
    assert at.title[0].value == "Map"
    assert day_slider(at).value == LAST_DAY
    assert view_radio(at).value == "country"
    events = at.session_state.context.view.events
    drawn = event_map.map_rows(events, at.session_state.context.view.figures)
    assert sorted(layer_ids(at, "events")) == sorted(drawn.event_id)
    assert "Troop arrival" in text(at) or at.get("html")
    assert "By 13 Jan 2022: 5 on the map" in text(at)
    assert dict(at.query_params) == {}  # defaults stay out of the address


@pytest.mark.parametrize("params", [
    {},
    {"outlet": "Tagar"},
    {"outlet": "Kompas TV", "view": "almaty"},
    {"type": ["troop_arrival", "airport_seized"]},
    {"from": "2022-01-05", "to": "2022-01-09"},
    {"lang": "id", "day": "2022-01-08"},
    {"day": "2022-01-02", "view": "almaty"},
    {"from": "2022-01-13"},
])
def test_the_map_follows_the_filters(params):
    at = map_page(**params)
    assert not at.exception and not at.warning
    ctx = at.session_state.context
    single_day = not at.slider  # the filters leave one day: no slider
    day = event_map.span(ctx.view.events, ctx.view.figures)[0] if single_day else day_slider(at).value
    points = event_map.map_rows(ctx.view.events, ctx.view.figures, day)
    assert sorted(layer_ids(at, "events")) == sorted(points.event_id)
    regions = event_map.region_rows(ctx.view.events, ctx.view.figures, day)
    assert layer_ids(at, "region_events") == list(regions.event_id)
    if "outlet" in params:
        assert set(points.event_id) <= set(ctx.view.events.loc[ctx.view.events.outlet == params["outlet"], "event_id"])
    if "type" in params:
        assert set(points.type) <= set(params["type"])
    country = set(ctx.view.events.loc[ctx.view.events.geo_precision == "country", "event_id"])
    assert not country & set(layer_ids(at, "events"))
    if "day" in params:
        assert day.isoformat() == params["day"]
    if "view" in params:
        assert view_radio(at).value == params["view"]
        assert deck(at)["initialViewState"]["zoom"] > 8


def test_moving_the_day_narrows_the_map_the_lists_and_the_figures():
    at = map_page()
    day_slider(at).set_value(dt.date(2022, 1, 5)).run()
    assert not at.exception
    assert at.query_params["day"] == ["2022-01-05"] or at.query_params["day"] == "2022-01-05"
    assert layer_ids(at, "events") == ["225792f1331b-e11"]  # the airport, seized from 3 January
    assert layer_ids(at, "region_events") == ["225792f1331b-e4"]  # western Kazakhstan, 2 January
    body = text(at)
    assert "By 5 Jan 2022: 1 on the map" in body and "Figures reported by 5 Jan 2022" in body
    assert "No figures reported by this day." in body
    assert not [df for df in at.dataframe if "figure" in df.value.columns]
    day_slider(at).set_value(dt.date(2022, 1, 8)).run()
    figures = figures_table(at)
    assert list(figures.figure) == ["at least 4,400", "26", "18"]  # each as printed, none added up
    assert all(link.startswith("reader?article=") and "sentence=" in link for link in figures.source)


def test_country_level_events_are_listed_beside_the_map():
    at = map_page(day="2022-01-05")
    captions = shown("\n".join(c.value for c in at.caption))
    assert "Country-wide (not drawn)" in text(at)
    assert "State of emergency (Kazakhstan) · Tagar" in captions
    assert "reader?article=f212c43517d9&sentence=12" in captions
    assert "No place named" in text(at)


def test_switching_to_almaty_updates_the_view_and_the_address():
    at = map_page()
    view_radio(at).set_value("almaty").run()
    assert not at.exception
    assert deck(at)["initialViewState"]["latitude"] == pytest.approx(43.28)
    assert at.query_params["view"] in ("almaty", ["almaty"])
    view_radio(at).set_value("country").run()
    assert "view" not in at.query_params


@pytest.mark.parametrize("params, notice", [
    ({"day": "2030-01-01"}, "outside the data in view; showing 2022-01-13"),
    ({"day": "2021-12-01"}, "showing 2022-01-02"),
    ({"day": "yesterday"}, "not a date"),
    ({"view": "<script>moon</script>"}, "not a view of this map"),
])
def test_bad_page_parameters_give_a_notice_not_an_exception(params, notice):
    at = map_page(**params)
    assert not at.exception
    assert any(notice in shown(w.value) for w in at.warning)
    assert "<script>" not in "".join(w.value for w in at.warning)
    assert at.get("deck_gl_json_chart")


def test_a_filter_that_leaves_nothing_shows_the_empty_state():
    at = map_page(outlet="Tagar", **{"from": "2022-01-10"})
    assert not at.exception
    assert any("Nothing matches these filters" in i.value for i in at.info)
    assert not at.get("deck_gl_json_chart") and not at.slider


def test_a_day_before_any_event_keeps_the_outlines_and_says_so():
    at = map_page(type="troop_withdrawal", day="2022-01-09")  # figures from 8 January, withdrawals on the 13th
    assert not at.exception and not at.warning
    assert any("Nothing in view had happened by 9 Jan 2022" in i.value for i in at.info)
    assert layer_ids(at, "events") == [] and deck(at)["layers"][0]["id"] == "countries"
    assert len(figures_table(at)) == 4


def test_play_renders_and_starts_from_the_first_day_at_the_end():
    at = map_page()
    assert [b.label for b in at.button] == ["Play"]
    at.button(key="map_play_button").click().run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Pause"]
    assert day_slider(at).value == dt.date(2022, 1, 2)  # at the last day, play starts again from the first
    day_slider(at).set_value(dt.date(2022, 1, 9)).run()
    assert not at.exception and day_slider(at).value == dt.date(2022, 1, 9)
    at.button(key="map_play_button").click().run()
    assert not at.exception and [b.label for b in at.button] == ["Play"]


def test_indonesian_interface():
    at = map_page(lang="id", view="almaty")
    assert not at.exception
    assert at.title[0].value == "Peta"
    assert "Tingkat negara (tidak digambar)" in text(at)
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "text" in tooltip and "html" not in tooltip
    tips = [r["tip_where"] for r in next(l for l in deck(at)["layers"] if l["id"] == "events")["data"]]
    assert any(tip.endswith("tempat persis") for tip in tips)
