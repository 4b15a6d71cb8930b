"""The CSTO troops page in Streamlit's AppTest: the map by day, phases, figures, filters, language, Play."""
import datetime as dt
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGE = "pages/csto_troops.py"


def troops_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def deck_layers(at) -> dict[str, list]:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.json)
    return {layer["id"]: layer.get("data", []) for layer in spec["layers"]}


def arc_count(at) -> tuple[int, int]:
    layers = deck_layers(at)
    return len(layers["troop_arcs_out"]), len(layers["troop_arcs_back"])


def table_with(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    return "\n".join(parts + [w.value for w in at.warning] + [i.value for i in at.info])


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_default_view_opens_on_the_arrivals():
    at = troops_page()
    assert at.title[0].value == "CSTO troops in Kazakhstan"
    assert at.slider[0].value == dt.date(2022, 1, 8)
    assert at.query_params["day"] in ("2022-01-08", ["2022-01-08"])
    assert arc_count(at) == (3, 0)
    layers = deck_layers(at)
    assert {c["country"] for c in layers["troop_capitals"]} == {"Russia", "Belarus"}
    assert {d["place"] for d in layers["troop_destinations"]} == {"Almaty International Airport", "Kazakhstan"}
    assert "On 8 Jan 2022: 3 outbound and 0 return arcs." in texts(at)


def test_phases_table_dates_and_links():
    at = troops_page()
    phases = table_with(at, "when")
    assert phases.set_index("phase")["when"].to_dict() == {
        "Request to the CSTO": "5 Jan 2022", "Troop deployment": "3–9 Jan 2022", "Troop arrival": "5–8 Jan 2022",
        "Mission declared complete": "11 Jan 2022", "Troop withdrawal": "13 Jan 2022"}
    assert all(link.startswith("reader?article=") and "sentence=" in link for link in phases.first_source)
    sentences = table_with(at, "quote")
    assert any("Bandara Internasional Almaty" in quote for quote in sentences.quote)


def test_figures_per_source_per_country_and_commander():
    at = troops_page()
    figures = table_with(at, "figure")
    assert figures[["figure", "subject", "outlet"]].values.tolist() == [["about 2,500", "CSTO troops", "Kompas TV"]]
    per_country = table_with(at, "country")
    assert per_country.set_index("country").troops.to_dict() == {"Russia": "not reported", "Belarus": "not reported"}
    commander = table_with(at, "people")
    assert commander.people.tolist() == ["Andrei Serdyukov"] and commander.role.tolist() == ["commander, ceremony"]
    assert commander.source.iloc[0] == "reader?article=225792f1331b&sentence=3"


@pytest.mark.parametrize("day, arcs", [
    ("2022-01-03", (0, 0)),
    ("2022-01-05", (1, 0)),
    ("2022-01-08", (3, 0)),
    ("2022-01-11", (3, 0)),
    ("2022-01-13", (0, 3)),
])
def test_day_from_the_url(day, arcs):
    at = troops_page(day=day)
    assert at.slider[0].value == dt.date.fromisoformat(day)
    assert arc_count(at) == arcs
    assert not at.warning


def test_moving_the_slider_redraws_and_updates_the_url():
    at = troops_page()
    at.slider[0].set_value(dt.date(2022, 1, 13)).run()
    assert not at.exception
    assert arc_count(at) == (0, 3)
    assert at.query_params["day"] in ("2022-01-13", ["2022-01-13"])


@pytest.mark.parametrize("day, named, slider", [
    ("2022-99-01", "2022-99-01", dt.date(2022, 1, 8)),
    ("2021-12-01", "2021-12-01", dt.date(2022, 1, 3)),
])
def test_bad_or_outside_day_gives_a_notice(day, named, slider):
    at = troops_page(day=day)
    assert at.warning and named in shown(at.warning[0].value)
    assert at.slider[0].value == slider


def test_outlet_filter_kompas_tv_has_phases_but_no_named_contingent():
    at = troops_page(outlet="Kompas TV")
    assert "name no contributing country" in texts(at)
    assert arc_count(at) == (0, 0)
    phases = table_with(at, "when")
    assert phases.set_index("phase")["when"].to_dict()["Troop withdrawal"] == "13 Jan 2022"
    assert phases.set_index("phase")["when"]["Request to the CSTO"] == "before 13 Jan 2022"
    assert table_with(at, "figure").figure.tolist() == ["about 2,500"]


def test_outlet_filter_tagar_names_the_contingents():
    at = troops_page(outlet="Tagar")
    assert arc_count(at) == (3, 0)
    assert "Troop withdrawal" not in set(table_with(at, "when").phase)
    assert "No article in view gives a number of troops." in texts(at)
    assert at.slider[0].value == dt.date(2022, 1, 8)  # Tagar's last date: no withdrawal in view
    at.slider[0].set_value(dt.date(2022, 1, 5)).run()
    assert arc_count(at) == (1, 0)


def test_type_filter_keeps_the_troop_figure_without_a_map():
    at = troops_page(type="protest")
    assert not at.get("deck_gl_json_chart") and not at.slider
    assert table_with(at, "figure").figure.tolist() == ["about 2,500"]


def test_filters_that_leave_nothing_show_an_empty_state():
    at = troops_page(outlet="Tagar", **{"from": "2022-01-10"})
    assert any("Nothing about the CSTO mission matches these filters" in i.value for i in at.info)
    assert not at.get("deck_gl_json_chart") and not at.dataframe


def test_indonesian_interface():
    at = troops_page(lang="id", day="2022-01-13")
    assert at.title[0].value == "Pasukan CSTO di Kazakhstan"
    assert table_with(at, "country").troops.tolist() == ["tidak dilaporkan", "tidak dilaporkan"]
    assert table_with(at, "figure").figure.tolist() == ["sekitar 2.500"]
    assert "Penarikan pasukan" in set(table_with(at, "when").phase)
    assert arc_count(at) == (0, 3)
    assert all("pulang" in arc["tip"] for arc in deck_layers(at)["troop_arcs_back"])


def test_play_is_off_until_clicked_and_starts_over_from_the_last_day():
    at = troops_page(day="2022-01-13")
    button = next(b for b in at.button if b.label == "Play")
    button.click().run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Pause"]
    assert at.slider[0].value == dt.date(2022, 1, 3)
    next(b for b in at.button if b.label == "Pause").click().run()
    assert [b.label for b in at.button] == ["Play"]
