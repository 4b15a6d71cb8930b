"""The overview and its pages in Streamlit's AppTest: render, filter, share and restore views."""
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 60


def app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metric(at, label):
    return next(int(m.value) for m in at.metric if m.label == label)


def sidebar_widget(at, kind, label):
    return next(w for w in getattr(at.sidebar, kind) if w.label == label)


def shown(markdown: str) -> str:
    """Markdown source as a reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def param(at, key) -> list[str]:
    value = at.query_params[key]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def all_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.subheader]
    return "\n".join(parts + [w.value for w in at.warning] + [i.value for i in at.info])


@pytest.mark.parametrize("page", [None, "pages/events_timeline.py", "pages/data_tables.py"])
def test_every_page_renders_without_exception(page):
    at = app()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value


def test_overview_counts_and_headline_figures():
    at = app()
    assert (metric(at, "Articles"), metric(at, "Events")) == (2, len(at.session_state.context.view.events))
    tables = [df.value for df in at.dataframe]
    figures = " ".join(" ".join(map(str, t.get("figure", []))) for t in tables)
    assert "26" in figures and "at least 4,400" in figures and "about 2,500" in figures and "puluhan (20–99)" in figures
    assert "Outlets give different or vague numbers" in all_text(at)


def test_headline_links_open_the_reader_at_the_sentence():
    at = app()
    claims = next(df.value for df in at.dataframe if "source" in df.value.columns)
    assert all(link.startswith("reader?") and "article=" in link and "sentence=" in link for link in claims.source)


def test_outlet_filter_narrows_every_table():
    at = app()
    sidebar_widget(at, "multiselect", "Outlets").set_value(["Tagar"]).run()
    view = at.session_state.context.view
    assert set(view.events.outlet) == {"Tagar"} and set(view.figures.outlet) == {"Tagar"}
    assert metric(at, "Articles") == 1
    assert param(at, "outlet") == ["Tagar"]


def test_type_filter_narrows_events_and_url():
    at = app()
    sidebar_widget(at, "multiselect", "Event types").set_value(["protest"]).run()
    assert set(at.session_state.context.view.events.type) == {"protest"}
    assert param(at, "type") == ["protest"]


def test_date_filter_narrows_events():
    at = app()
    sidebar_widget(at, "date_input", "Dates").set_value((__import__("datetime").date(2022, 1, 11),
                                                           __import__("datetime").date(2022, 1, 13))).run()
    events = at.session_state.context.view.events
    assert not events.empty and (events.date_end >= "2022-01-11").all()
    assert param(at, "from") == ["2022-01-11"]


def test_query_parameters_restore_a_view():
    at = app(outlet="Kompas TV", type=["troop_withdrawal", "mission_complete"], lang="id", **{"from": "2022-01-10"})
    assert not at.exception and not at.warning
    assert sidebar_widget(at, "multiselect", "Media").value == ["Kompas TV"]
    assert sidebar_widget(at, "multiselect", "Jenis peristiwa").value == ["troop_withdrawal", "mission_complete"]
    assert sidebar_widget(at, "date_input", "Tanggal").value[0].isoformat() == "2022-01-10"
    assert at.title[0].value.startswith("Qantar: Kazakhstan, Januari 2022")
    assert set(at.session_state.context.view.events.type) <= {"troop_withdrawal", "mission_complete"}


@pytest.mark.parametrize("params, named", [
    ({"outlet": "Nonexistent Daily"}, "Nonexistent Daily"),
    ({"from": "2022-13-45"}, "2022-13-45"),
    ({"from": "2022-01-12", "to": "2022-01-03"}, "from"),
    ({"type": "<script>alert(1)</script>"}, "script"),
    ({"lang": "xx"}, "xx"),
    ({"evil": "1"}, "evil"),
])
def test_bad_parameters_are_dropped_with_a_notice(params, named):
    at = app(**params)
    assert not at.exception
    assert at.warning and named in shown(at.warning[0].value)
    assert at.session_state.context.filters.outlets == ()


def test_a_filter_that_leaves_nothing_shows_an_empty_state():
    at = app(outlet="Tagar", **{"from": "2022-01-10"})
    assert not at.exception
    assert any("Nothing matches these filters" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_state_survives_moving_between_pages():
    at = app()
    sidebar_widget(at, "multiselect", "Outlets").set_value(["Kompas TV"]).run()
    at.switch_page("pages/events_timeline.py").run()
    assert sidebar_widget(at, "multiselect", "Outlets").value == ["Kompas TV"]
    assert param(at, "outlet") == ["Kompas TV"]
    assert set(at.session_state.context.view.events.outlet) == {"Kompas TV"}


def test_timeline_has_event_and_figure_charts():
    at = app()
    at.switch_page("pages/events_timeline.py").run()
    assert len(at.get("plotly_chart")) == 2


def test_data_page_offers_downloads_and_a_dictionary():
    at = app()
    at.switch_page("pages/data_tables.py").run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert {"Download CSV", "Download JSON", "Download GeoJSON"} <= set(labels)
    assert len(at.dataframe) >= 8


def test_language_switch_translates_labels():
    at = app()
    sidebar_widget(at, "radio", "Interface language").set_value("id").run()
    assert at.title[0].value == "Qantar: Kazakhstan, Januari 2022"
    assert param(at, "lang") == ["id"]


def test_notices_show_injected_markup_as_text():
    at = app(outlet="**bold** :red[x] <b>hi</b>")
    assert "\\*\\*bold\\*\\*" in at.warning[0].value and "\\<b\\>" in at.warning[0].value
