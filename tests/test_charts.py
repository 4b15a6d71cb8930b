"""Charts: pure plotly figures from the events and figures tables (no browser needed)."""
from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from kzdata import charts, formatting, palette
from kzdata.events import EVENT_TYPES
from kzdata.language import load
from kzdata.schema import frame

DAY = pd.Timedelta(days=1)


def event(event_id, type_, date, date_end=None, precision="day", outlet="Tempo", quote="Kalimat.",
          summary_en=None, summary_id=None):
    return {
        "event_id": event_id, "type": type_, "date": pd.Timestamp(date) if date else None,
        "date_end": pd.Timestamp(date_end or date) if (date_end or date) else None,
        "date_precision": precision, "outlet": outlet, "quote": quote,
        "summary_en": summary_en or f"{type_} summary", "summary_id": summary_id or f"ringkasan {type_}",
        "article_id": event_id.split("-")[0], "sentence_id": 0, "start": 0, "end": len(quote),
    }


@pytest.fixture()
def events():
    return frame("events", [
        event("a-e0", "protest", "2022-01-02", outlet="Tempo"),
        event("a-e1", "troop_deployment", "2022-01-03", "2022-01-09", "week", outlet="Tempo"),
        event("b-e0", "clash", "2022-01-05", "2022-01-07", "range", outlet="Antara"),
        event("b-e1", "csto_request", "2022-01-13", "2022-01-13", "before", outlet="Antara"),
        event("c-e0", "protest", "2022-01-04", outlet="Kompas TV",
              quote='Warga <script>alert("x")</script> & polisi bentrok > 2 jam.'),
        event("c-e1", "arrests", "2022-01-08", outlet="Kompas TV"),
    ])


def selectable(fig: go.Figure) -> list[go.Scatter]:
    """Traces whose points can be hovered and selected (markers, not legend-only)."""
    return [t for t in fig.data if "markers" in (t.mode or "") and t.meta != "legend-only"]


def selected_ids(fig: go.Figure) -> list[str]:
    return sorted(i for t in selectable(fig) for i in t.customdata)


def hover_of(fig: go.Figure, row_id: str) -> str:
    for trace in selectable(fig):
        for i, text in zip(trace.customdata, trace.hovertext):
            if i == row_id:
                return text
    raise KeyError(row_id)


def point_of(fig: go.Figure, row_id: str):
    for trace in selectable(fig):
        for i, x, y in zip(trace.customdata, trace.x, trace.y):
            if i == row_id:
                return trace, pd.Timestamp(x), y
    raise KeyError(row_id)


# --------------------------------------------------------------------------- event timeline

def test_one_selectable_point_per_event(events):
    fig = charts.event_timeline(events)
    assert selected_ids(fig) == sorted(events["event_id"])
    for trace in fig.data:
        assert trace.customdata is not None and len(trace.customdata) == len(trace.x)
        if "markers" not in trace.mode:     # span bars: not hoverable, so not clickable either
            assert trace.mode == "lines" and trace.hoverinfo == "skip"
            assert {i for i in trace.customdata if i is not None} <= set(events["event_id"])


def test_lanes_are_the_types_present_in_vocabulary_order(events):
    fig = charts.event_timeline(events)
    present = [t for t in EVENT_TYPES if t in set(events["type"])]
    labels = load("labels", "en")["event_types"]
    assert fig.layout.meta["lanes"] == present
    assert list(fig.layout.yaxis.ticktext) == [labels[t] for t in present]
    assert list(fig.layout.yaxis.tickvals) == list(range(len(present)))
    for trace in selectable(fig):
        for i, y in zip(trace.customdata, trace.y):
            lane = present.index(events.set_index("event_id").loc[i, "type"])
            assert abs(y - lane) < 0.5
    assert fig.layout.height == 60 + 34 * len(present)
    assert fig.layout.margin.l >= 7 * max(len(labels[t]) for t in present)


def test_colours_and_legend_by_outlet(events):
    fig = charts.event_timeline(events)
    colors = palette.outlet_colors(events["outlet"])
    assert set(colors.values()) <= set(palette.OKABE_ITO.values())
    for trace in selectable(fig):
        assert trace.marker.color == colors[trace.name]
        assert trace.legendgroup == trace.name
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert sorted(legend) == sorted(set(events["outlet"]))
    assert fig.layout.clickmode == "event+select"


def test_day_events_are_markers_at_midday(events):
    fig = charts.event_timeline(events)
    trace, x, _ = point_of(fig, "a-e0")
    assert trace.marker.symbol == "circle"
    assert x == pd.Timestamp("2022-01-02 12:00")


@pytest.mark.parametrize("event_id, first, last, dash", [
    ("a-e1", "2022-01-03", "2022-01-09", "solid"),     # week
    ("b-e0", "2022-01-05", "2022-01-07", "solid"),     # range
    ("b-e1", "2022-01-13", "2022-01-13", "dot"),       # before: only a bound, drawn dotted
])
def test_spans_run_from_date_to_day_after_date_end(events, event_id, first, last, dash):
    fig = charts.event_timeline(events)
    bars = [t for t in fig.data if t.mode == "lines"]
    segments = [(pd.Timestamp(t.x[i]), pd.Timestamp(t.x[i + 1]), t.line.dash)
                for t in bars for i in range(0, len(t.x), 3) if t.customdata[i] == event_id]
    assert segments == [(pd.Timestamp(first), pd.Timestamp(last) + DAY, dash)]
    _, x, _ = point_of(fig, event_id)                  # its selectable marker sits mid-span
    assert pd.Timestamp(first) < x < pd.Timestamp(last) + DAY


def test_hover_has_date_summary_outlet_and_escaped_quote(events):
    fig = charts.event_timeline(events)
    text = hover_of(fig, "c-e0")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "&amp; polisi" in text and "&gt; 2 jam" in text
    assert text.startswith("4 Jan 2022<br><b>protest summary</b><br>Kompas TV")
    assert hover_of(fig, "a-e1").startswith("3–9 Jan 2022 (week)")
    assert hover_of(fig, "b-e1").startswith("before 13 Jan 2022")


def test_indonesian_labels(events):
    fig = charts.event_timeline(events, lang="id")
    labels = load("labels", "id")["event_types"]
    assert "Unjuk rasa" in fig.layout.yaxis.ticktext
    assert list(fig.layout.yaxis.ticktext) == [labels[t] for t in fig.layout.meta["lanes"]]
    text = hover_of(fig, "a-e1")
    assert text.startswith("3–9 Januari 2022 (pekan)") and "ringkasan troop_deployment" in text
    assert fig.layout.legend.title.text == "Media:"


def test_compact_layout(events):
    fig = charts.event_timeline(events, compact=True)
    lanes = len(fig.layout.meta["lanes"])
    assert fig.layout.height == 60 + 26 * lanes
    assert not fig.layout.legend.title.text
    full = charts.event_timeline(events)
    assert selectable(fig)[0].marker.size < selectable(full)[0].marker.size


def test_undated_events_are_counted_not_plotted(events):
    extra = frame("events", [event("d-e0", "other", None, outlet=None)])
    both = pd.concat([events, extra], ignore_index=True)
    fig = charts.event_timeline(both)
    assert selected_ids(fig) == sorted(events["event_id"])
    assert fig.layout.meta["undated"] == ["d-e0"]
    assert any("1 undated" in a.text for a in fig.layout.annotations)
    only = charts.event_timeline(extra)
    assert isinstance(only, go.Figure) and not selectable(only)


def test_missing_outlet_gets_a_name(events):
    events.loc[0, "outlet"] = pd.NA
    fig = charts.event_timeline(events)
    assert selected_ids(fig) == sorted(events["event_id"])
    assert "(unknown outlet)" in {t.name for t in fig.data}


def test_empty_input_gives_a_figure():
    for fig in (charts.event_timeline(frame("events", [])), charts.figures_over_time(frame("figures", []))):
        assert isinstance(fig, go.Figure)
        assert not selectable(fig)
        assert fig.layout.annotations[0].text


def test_seed_timeline(seed_corpus):
    events = seed_corpus.events
    fig = charts.event_timeline(events)
    assert selected_ids(fig) == sorted(events["event_id"])
    assert fig.layout.meta["lanes"] == [t for t in EVENT_TYPES if t in set(events["type"])]
    assert fig.layout.xaxis.tickformat == "%d %b"
    fig.to_json()                                        # serialisable as Streamlit will need it


def test_large_input_uses_webgl_and_keeps_one_point_per_event(seed_corpus):
    events = seed_corpus.events.sample(6_000, replace=True, random_state=1).reset_index(drop=True)
    events["event_id"] = pd.array([f"x-e{i}" for i in range(len(events))], dtype="string")
    fig = charts.event_timeline(events, dense=False)     # detailed, as asked, above DENSE_LIMIT
    assert all(isinstance(t, go.Scattergl) for t in fig.data)
    assert selected_ids(fig) == sorted(events["event_id"])
    long = events.loc[events["quote"].str.len() > 200].iloc[0]
    text = hover_of(fig, long["event_id"])              # quotes cut to two lines at this size
    shown = html.unescape(text.split("<i>")[1].removesuffix("</i>").replace("<br>", " "))
    assert shown.endswith("…") and len(shown) == charts.QUOTE_LIMIT_LARGE + 1


# --------------------------------------------------------------------------- text helpers

@pytest.mark.parametrize("args, expected", [
    (("2022-01-05", "2022-01-05", "day"), "5 Jan 2022"),
    (("2022-01-03", "2022-01-09", "week"), "3–9 Jan 2022 (week)"),
    (("2022-01-28", "2022-02-03", "range"), "28 Jan – 3 Feb 2022 (range)"),
    (("2021-12-28", "2022-01-03", "range"), "28 Dec 2021 – 3 Jan 2022 (range)"),
    (("2022-01-13", "2022-01-13", "before"), "before 13 Jan 2022"),
    (("2022-01-05", None, "day"), "5 Jan 2022"),
    ((None, None, "day"), "date unknown"),
])
def test_format_date_span(args, expected):
    assert formatting.date_span(*args) == expected


def test_format_date_span_indonesian():
    assert formatting.date_span("2022-01-03", "2022-01-09", "week", "id") == "3–9 Januari 2022 (pekan)"
    assert formatting.date_span(pd.Timestamp("2022-02-13"), None, "before", "id") == "sebelum 13 Februari 2022"
    assert formatting.month_names("id")[7] == "Agustus"


def test_wrap_keeps_every_word_and_breaks_lines():
    quote = ("Pasukan keamanan Kazakhstan telah menewaskan 26 demonstran dan menangkap lebih dari "
             "4.400 orang, kata Kementerian Dalam Negeri pada Sabtu,\u00a08 Januari 2022 <b>tebal</b>.")
    [wrapped] = charts.wrap_html([quote])
    lines = wrapped.split("<br>")
    assert len(lines) >= 3
    assert all(len(line) <= 60 + 20 for line in lines)
    rejoined = html.unescape(" ".join(line.rstrip() for line in lines))
    assert rejoined.split() == quote.replace("\u00a0", " ").split()
    assert "<b>" not in wrapped


def test_wrap_cuts_long_quotes_and_keeps_missing_ones_empty():
    wrapped = charts.wrap_html(["kata " * 200, None, ""], limit=100)
    assert wrapped[0].endswith("…") and len(wrapped[0].replace("<br>", " ")) == 101
    assert wrapped[1:] == ["", ""]


def test_text_without_pyarrow_is_the_same(monkeypatch, seed_corpus):
    quotes = list(seed_corpus.events["quote"]) + ["a <b> & c\u00a0d\te\nf " * 30, "“é” ñ " * 120, "", None]
    fast = charts.wrap_html(quotes)
    monkeypatch.setattr(charts, "pa", None)
    assert charts.wrap_html(quotes) == fast
    fig = charts.event_timeline(seed_corpus.events)
    assert selected_ids(fig) == sorted(seed_corpus.events["event_id"])


# --------------------------------------------------------------------------- figures over time

def test_seed_figures_one_point_per_row_log_axis(seed_corpus):
    figures = seed_corpus.figures
    fig = charts.figures_over_time(figures)
    assert selected_ids(fig) == sorted(figures["figure_id"])
    assert fig.layout.yaxis.type == "log"
    labels = {i: text for t in selectable(fig) for i, text in zip(t.customdata, t.text)}
    by_text = dict(zip(figures["number_text"], figures["figure_id"]))
    assert labels[by_text["26"]] == "26"
    assert labels[by_text["lebih dari 4.400"]] == "≥4,400"
    assert labels[by_text["sekitar 2.500"]] == "~2,500"
    assert labels[by_text["hampir 2.000"]] == "≤2,000"
    assert labels[by_text["puluhan"]] == "20–99"


def test_vague_figures_have_error_bars_from_low_to_high(seed_corpus):
    fig = charts.figures_over_time(seed_corpus.figures)
    vague = seed_corpus.figures.set_index("figure_id").query("qualifier == 'vague'")
    assert len(vague)
    seen = 0
    for trace in selectable(fig):
        for i, (row_id, y) in enumerate(zip(trace.customdata, trace.y)):
            if row_id in vague.index:
                assert trace.error_y.array is not None
                assert y - trace.error_y.arrayminus[i] == pytest.approx(vague.loc[row_id, "low"])
                assert y + trace.error_y.array[i] == pytest.approx(vague.loc[row_id, "high"])
                assert y == pytest.approx(np.sqrt(vague.loc[row_id, "low"] * vague.loc[row_id, "high"]))
                assert trace.marker.symbol.endswith("-open")
                seen += 1
            else:
                assert trace.error_y.array is None
    assert seen == len(vague)


def test_figures_colours_symbols_and_hover(seed_corpus):
    figures = seed_corpus.figures
    fig = charts.figures_over_time(figures)
    colors = palette.category_colors()
    symbols = palette.outlet_symbols(figures["outlet"])
    rows = figures.set_index("figure_id")
    for trace in selectable(fig):
        categories = {rows.loc[i, "category"] for i in trace.customdata}
        outlets = {rows.loc[i, "outlet"] for i in trace.customdata}
        assert len(categories) == len(outlets) == 1
        assert trace.marker.color == colors[categories.pop()]
        assert trace.marker.symbol.removesuffix("-open") == symbols[outlets.pop()]
    outlet_legend = [t for t in fig.data if t.meta == "legend-only"]
    assert sorted(t.name for t in outlet_legend) == sorted(set(figures["outlet"]))
    text = hover_of(fig, figures.loc[figures["number_text"] == "lebih dari 4.400", "figure_id"].iloc[0])
    assert text.startswith("<b>arrested: at least 4,400</b> — “lebih dari 4.400”")
    assert "Subject: people" in text and "Tagar, as of 8 Jan 2022" in text and "According to: Interior Ministry" in text
    id_text = hover_of(charts.figures_over_time(figures, "id"), figures["figure_id"].iloc[1])
    assert "ditangkap: sedikitnya 4.400" in id_text and "per 8 Januari 2022" in id_text


def test_figures_edge_rows():
    base = {"article_id": "z", "outlet": "Tempo", "sentence_id": 0, "start": 0, "end": 1,
            "subject": "people", "as_of": pd.Timestamp("2022-01-05"), "as_of_inferred": False}
    figures = frame("figures", [
        {**base, "figure_id": "z-f0", "category": "killed", "value": 0.0, "low": 0.0, "high": 0.0,
         "qualifier": "exact", "number_text": "nol", "quote": "<img src=x onerror=alert(1)>"},
        {**base, "figure_id": "z-f1", "category": "arrested", "value": None, "low": 1000.0, "high": None,
         "qualifier": "vague", "number_text": "ribuan"},
        {**base, "figure_id": "z-f2", "category": "killed", "value": None, "low": None, "high": None,
         "qualifier": "vague", "number_text": "banyak"},
        {**base, "figure_id": "z-f3", "category": "injured", "value": 5.0, "low": 5.0, "high": 5.0,
         "qualifier": "exact", "number_text": "5", "as_of": None},
    ])
    fig = charts.figures_over_time(figures)
    assert selected_ids(fig) == ["z-f0", "z-f1"]
    assert any("2 figure(s)" in a.text for a in fig.layout.annotations)
    _, _, y = point_of(fig, "z-f0")
    assert y == 1.0                                      # 0 on a log axis: the floor, labelled 0
    assert "&lt;img" in hover_of(fig, "z-f0") and "<img" not in hover_of(fig, "z-f0")
    labels = {i: t for tr in selectable(fig) for i, t in zip(tr.customdata, tr.text)}
    assert labels == {"z-f0": "0", "z-f1": "≥1,000"}


def test_format_number():
    assert formatting.number(4400) == "4,400"
    assert formatting.number(4400, "id") == "4.400"
    assert formatting.number(2.5, "id") == "2,5"


# --------------------------------------------------------------------------- palette

def test_palette():
    assert len(palette.OKABE_ITO) == 8 and len(set(palette.SEQUENCE)) == 8
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in palette.OKABE_ITO.values())
    types = palette.type_colors()
    assert list(types) == list(EVENT_TYPES)
    assert len(set(types.values())) == 16
    assert all(len(rgb) == 3 and all(0 <= v <= 255 for v in rgb) for rgb in types.values())
    assert palette.type_colors_hex()["protest"] == palette.OKABE_ITO["orange"]
    assert palette.hex_to_rgb("#E69F00") == (230, 159, 0)


def test_outlet_colors_are_stable_and_cycle():
    names = [f"outlet {i}" for i in range(10)]
    colors = palette.outlet_colors(names)
    assert colors == palette.outlet_colors(list(reversed(names)) + names)
    assert [colors[n] for n in sorted(names)][:8] == list(palette.SEQUENCE)
    assert colors["outlet 8"] == palette.SEQUENCE[0]
    assert palette.outlet_colors(["Tempo", None]) == {"Tempo": palette.SEQUENCE[0]}


@pytest.mark.parametrize("days, expected", [
    (("2022-01-02", "2022-01-13"), "%d %b"),
    (("2021-12-28", "2022-01-13"), "%d %b %Y"),
    (("1992-07-15", "2022-01-20"), "%b %Y"),
])
def test_date_ticks_name_the_year_when_the_span_crosses_one(days, expected):
    frame = pd.DataFrame({"event_id": ["a", "b"], "type": ["protest", "clash"], "date": pd.to_datetime(list(days)),
                          "date_end": pd.to_datetime(list(days)), "date_precision": ["day", "day"],
                          "outlet": ["X", "Y"], "summary_en": ["s", "t"], "summary_id": ["s", "t"], "quote": ["q", "r"]})
    assert charts.event_timeline(frame).layout.xaxis.tickformat == expected
