"""Charts above DENSE_LIMIT rows: one mark per type or category, outlet and day, keys that expand to
their rows, and a payload that stays small at 100,000 rows (invented frames; no browser, the selection
in AppTest)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kzdata import charts, formatting, palette
from kzdata.events import EVENT_TYPES
from kzdata.language import load
from kzdata.schema import TABLES
from ui import selection

FIRST_DAY = pd.Timestamp("2021-12-28")
OUTLETS = np.array(["Antara", "Kompas TV", "Tempo", "Tagar", "Republika", "Liputan6", "Detik", "CNN Indonesia", None],
                   dtype=object)
CATEGORIES = ["killed", "injured", "arrested", "detained", "troops", "evacuated", "aircraft", "other"]
VAGUE = [("puluhan", 20.0, 99.0), ("ratusan", 100.0, 999.0), ("ribuan", 1000.0, None)]

# 100,000 invented rows over 25 days and 9 outlets make 3,600 timeline marks (16 types), about 0.62 MB of
# plotly JSON, and 1,800 figures marks (8 categories), about 0.58 MB. Each chart must stay under this bound
# at 100,000 rows (the detailed timeline of 100,000 events is some 42 MB).
JSON_LIMIT_100K = 1_000_000


def table(name: str, columns: dict) -> pd.DataFrame:
    spec = TABLES[name]
    return pd.DataFrame(columns).reindex(columns=[c.name for c in spec]).astype({c.name: c.dtype for c in spec})


def invented_events(n: int, days: int = 25, seed: int = 0) -> pd.DataFrame:
    """Day events, weeks, ranges and "before" events (date empty), 1% undated, some without an outlet."""
    rng = np.random.default_rng(seed)
    types = np.array(EVENT_TYPES, dtype=object)[rng.integers(0, len(EVENT_TYPES), n)]
    start = FIRST_DAY + pd.to_timedelta(rng.integers(0, days, n), unit="D")
    precision = rng.choice(["day", "week", "range", "before"], n, p=[0.8, 0.1, 0.05, 0.05])
    length = np.select([precision == "week", precision == "range"], [6, 2], 0)
    end = start + pd.to_timedelta(length, unit="D")
    date = pd.Series(start).mask(precision == "before")
    undated = rng.random(n) < 0.01
    ids = [f"a{i // 10}-e{i % 10}" for i in range(n)]
    return table("events", {
        "event_id": ids, "type": types, "date": date.mask(undated), "date_end": pd.Series(end).mask(undated),
        "date_precision": precision, "outlet": OUTLETS[rng.integers(0, len(OUTLETS), n)],
        "summary_en": [f"{t} summary" for t in types], "summary_id": [f"ringkasan {t}" for t in types],
        "quote": [f"Kalimat {i} <b>tebal</b>." for i in range(n)], "article_id": [i.split("-")[0] for i in ids],
        "sentence_id": np.arange(n) % 10, "start": 0, "end": 10,
    })


def invented_figures(n: int, days: int = 25, seed: int = 0) -> pd.DataFrame:
    """Exact, approximate and bounded numbers (0 among them), vague words with their ranges, and 1% without a number."""
    rng = np.random.default_rng(seed)
    qualifier = rng.choice(["exact", "approx", "at_least", "at_most", "vague"], n)
    value = rng.choice([0, 3, 26, 164, 225, 2_500, 4_400], n).astype(float)
    vague = rng.integers(0, len(VAGUE), n)
    is_vague = qualifier == "vague"
    low = np.where(is_vague, [VAGUE[v][1] for v in vague], value)
    high = np.where(is_vague, [VAGUE[v][2] or np.nan for v in vague], np.where(qualifier == "at_least", np.nan, value))
    no_number = rng.random(n) < 0.01
    value = np.where(is_vague | no_number, np.nan, value)
    low, high = np.where(no_number, np.nan, low), np.where(no_number, np.nan, high)
    words = np.where(is_vague, [VAGUE[v][0] for v in vague], [f"{v:g}" for v in value])
    ids = [f"a{i // 10}-f{i % 10}" for i in range(n)]
    return table("figures", {
        "figure_id": ids, "category": np.array(CATEGORIES, dtype=object)[rng.integers(0, len(CATEGORIES), n)],
        "value": value, "low": low, "high": high, "qualifier": qualifier, "number_text": words,
        "subject": "people", "as_of": FIRST_DAY + pd.to_timedelta(rng.integers(0, days, n), unit="D"),
        "as_of_inferred": False, "outlet": OUTLETS[rng.integers(0, len(OUTLETS), n)],
        "quote": [f"Kalimat {i}." for i in range(n)], "article_id": [i.split("-")[0] for i in ids],
        "sentence_id": np.arange(n) % 10, "start": 0, "end": 10,
    })


@pytest.fixture(scope="module")
def events():
    return invented_events(5_000)


@pytest.fixture(scope="module")
def figures():
    return invented_figures(5_000)


def marks(fig) -> list[tuple]:
    """(key, x, y, hover, trace) of every selectable mark."""
    return [(key, x, y, hover, trace) for trace in fig.data if trace.meta != "legend-only"
            for key, x, y, hover in zip(trace.customdata, trace.x, trace.y, trace.hovertext)]


def first_days(events: pd.DataFrame) -> pd.Series:
    return events["date"].fillna(events["date_end"]).dt.normalize()


def keys_of(rows: pd.DataFrame, lane: str, days: pd.Series) -> list[str]:
    """Each row's group key, made row by row (rows_of_keys is the vectorised way back)."""
    outlets = [o if isinstance(o, str) else "" for o in rows["outlet"]]
    return [charts.dense_key(t, o, d) for t, o, d in zip(rows[lane], outlets, days)]


# --------------------------------------------------------------------------- when

@pytest.mark.parametrize("build, make", [(charts.event_timeline, invented_events),
                                         (charts.figures_over_time, invented_figures)])
def test_dense_above_the_limit_only(build, make):
    rows = make(charts.DENSE_LIMIT + 1)
    assert build(rows.iloc[:charts.DENSE_LIMIT]).layout.meta["dense"] is False
    assert build(rows).layout.meta["dense"] is True
    assert build(rows, dense=False).layout.meta["dense"] is False


def test_tables_follow_their_charts(events, figures):
    small = events.iloc[:charts.DENSE_LIMIT]
    assert len(charts.event_timeline_table(small)) == len(small) and not charts.event_timeline_table(small).attrs
    for rows, build in ((events, charts.event_timeline_table), (figures, charts.figures_over_time_table)):
        dense = build(rows)
        assert len(dense) < len(rows) and "Narrow the filters" in dense.attrs["note"]


# --------------------------------------------------------------------------- dense timeline

def test_marks_count_every_dated_event_once(events):
    fig = charts.event_timeline(events)
    dated = events[first_days(events).notna()]
    found = marks(fig)
    assert fig.layout.meta["events"] == len(dated) and fig.layout.meta["marks"] == len(found)
    assert len(fig.layout.meta["undated"]) == len(events) - len(dated)
    counts = [int(re.match(r"(\d+) events?", hover).group(1)) for _, _, _, hover, _ in found]
    assert sum(counts) == len(dated)
    assert sorted(charts.rows_of_keys(events, [key for key, *_ in found])["event_id"]) == sorted(dated["event_id"])


def test_keys_round_trip_to_their_events(events):
    fig = charts.event_timeline(events)
    labels = load("labels", "en")["event_types"]
    lanes = fig.layout.meta["lanes"]
    for key, x, y, hover, trace in marks(fig)[::100]:
        rows = charts.rows_of_keys(events, [key])
        assert hover.startswith(f"{len(rows)} event")
        assert set(keys_of(rows, "type", first_days(rows))) == {key}
        assert rows["type"].nunique() == 1 and abs(y - lanes.index(rows["type"].iloc[0])) < 0.5
        assert pd.Timestamp(x) == first_days(rows).iloc[0] + pd.Timedelta(hours=12)
        outlet = rows["outlet"].iloc[0]
        assert trace.name == (outlet if isinstance(outlet, str) else "(unknown outlet)")
        assert f" · {labels[rows['type'].iloc[0]]} · {trace.name} · " in hover


def test_spans_count_at_their_first_day(events):
    week = events[(events["date_precision"] == "week") & events["date"].notna()].iloc[0]
    before = events[(events["date_precision"] == "before") & events["date_end"].notna()].iloc[0]
    drawn = {key for key, *_ in marks(charts.event_timeline(events))}
    for row, day in ((week, week["date"]), (before, before["date_end"])):
        key = charts.dense_key(row["type"], row["outlet"] if isinstance(row["outlet"], str) else "", day)
        assert key in drawn and row["event_id"] in set(charts.rows_of_keys(events, [key])["event_id"])


def test_dense_timeline_keeps_lanes_colours_axis_and_says_what_a_mark_is(events):
    fig = charts.event_timeline(events)
    assert fig.layout.meta["lanes"] == [t for t in EVENT_TYPES if t in set(events["type"])]
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.tickformat.startswith("%d %b")
    colors = palette.outlet_colors([o if isinstance(o, str) else "(unknown outlet)" for o in events["outlet"]])
    for trace in fig.data:
        assert trace.marker.color == colors[trace.name] and trace.mode == "markers"
    sizes = np.concatenate([trace.marker.size for trace in fig.data])
    assert sizes.max() <= 10 * charts.DENSE_GROWTH and sizes.min() >= 10 * charts.DENSE_SMALLEST
    note = " ".join(a.text for a in fig.layout.annotations)
    assert "Each mark counts the events of one type, outlet and day" in note and "Narrow the filters" in note
    id_fig = charts.event_timeline(events, "id")
    assert "peristiwa" in marks(id_fig)[0][3] and any("Persempit filter" in a.text for a in id_fig.layout.annotations)


def test_dense_compact_timeline(events):
    fig = charts.event_timeline(events, compact=True)
    assert fig.layout.meta["dense"]
    assert max(np.concatenate([t.marker.size for t in fig.data])) <= 7 * charts.DENSE_GROWTH


def test_dense_event_table_has_a_row_per_mark_and_every_event(events):
    table = charts.event_timeline_table(events)
    assert list(table.columns) == ["Date", "Event type", "Outlet", "Events"]
    assert table["Events"].sum() == len(events)
    assert "date unknown" in set(table["Date"])
    dated = len(table) - (table["Date"] == "date unknown").sum()
    assert dated == charts.event_timeline(events).layout.meta["marks"]


# --------------------------------------------------------------------------- dense figures

def test_dense_figures_invent_no_number(figures):
    fig = charts.figures_over_time(figures)
    found = marks(fig)
    assert fig.layout.meta["dense"] and fig.layout.meta["marks"] == len(found)
    placed = figures[figures[["value", "low", "high"]].notna().any(axis=1)]
    placed = placed.assign(key=keys_of(placed, "category", placed["as_of"]))
    counts = placed.groupby("key").size()
    numbers = placed.melt(id_vars="key", value_vars=["value", "low", "high"], value_name="number").dropna()
    reported = numbers.groupby("key")["number"].agg(lambda v: set(v.astype(float)))
    assert len(counts) == len(found)
    for trace in (t for t in fig.data if t.meta != "legend-only"):
        for key, y, up, hover in zip(trace.customdata, trace.y, trace.error_y.array, trace.hovertext):
            claims, listed = hover.split("<br>")[0], hover.split("<br>", 2)[2]
            count, said = re.fullmatch(r"<b>(\d+) claims?, (.*)</b>", claims).groups()
            assert int(count) == counts[key]
            for text in re.findall(r"\d[\d,]*", said + " " + listed):
                assert float(text.replace(",", "")) in reported[key], (text, hover)
            assert y == max(min(reported[key]), 1) and y + up == max(max(reported[key]), 1)
    for key, *_ in found[::100]:
        assert charts.rows_of_keys(figures, [key]).equals(placed[placed["key"] == key].drop(columns="key"))


def test_dense_figures_keys_cover_the_placed_figures(figures):
    fig = charts.figures_over_time(figures)
    keys = [key for key, *_ in marks(fig)]
    drawn = fig.layout.meta["figures"]
    assert len(charts.rows_of_keys(figures, keys)) == drawn == len(figures) - fig.layout.meta["unplaced"]
    assert any("Narrow the filters" in a.text for a in fig.layout.annotations)
    table = charts.figures_over_time_table(figures)
    assert table["Claims"].sum() == len(figures)
    assert (table["Date"] != "").sum() == len(keys)


def test_dense_figures_in_indonesian(figures):
    fig = charts.figures_over_time(figures, "id")
    hover = next(h for *_, h, _ in marks(fig) if "sampai" in h)
    assert re.search(r"\d+ klaim, dari [\d.]+ sampai [\d.]+ seperti dilaporkan", hover)
    assert formatting.number(2500, "id") in " ".join(h for *_, h, _ in marks(fig))


# --------------------------------------------------------------------------- size and selection

def test_json_stays_small_at_100k_rows():
    events = invented_events(100_000, seed=1)
    fig = charts.event_timeline(events)
    assert fig.layout.meta["dense"] and len(fig.to_json()) < JSON_LIMIT_100K
    assert len(charts.figures_over_time(invented_figures(100_000, seed=1)).to_json()) < JSON_LIMIT_100K
    assert len(charts.event_timeline(events, compact=True).to_json()) < JSON_LIMIT_100K


def test_picked_keys_and_ids_expand_to_rows(events):
    key, *_ = marks(charts.event_timeline(events))[0]
    rows = selection.picked_rows(events, [key], "event")
    assert list(rows.index) == list(charts.rows_of_keys(events, [key])["event_id"])
    ids = list(events["event_id"].iloc[[3, 1]])
    assert list(selection.picked_rows(events, ids + ["nope"], "event").index) == ids
    assert len(selection.picked_rows(events, ids + [key], "event")) == 2 + len(rows)


def _show_a_dense_pick():
    from types import SimpleNamespace

    from kzdata import charts
    from kzdata.filters import Filters
    from tests.test_dense_charts import invented_events
    from ui import selection

    events = invented_events(5_000)
    fig = charts.event_timeline(events)
    key, _ = max(((k, s) for t in fig.data for k, s in zip(t.customdata, t.marker.size)), key=lambda mark: mark[1])
    selection.show(events, [key], "event", SimpleNamespace(lang="en", filters=Filters()), limit=3)


def test_a_picked_mark_shows_its_first_events_and_how_many_more():
    at = AppTest.from_function(_show_a_dense_pick, default_timeout=60).run()
    assert not at.exception
    total = int(re.search(r"Selected: (\d+)", at.markdown[0].value).group(1))
    assert total > 3 and sum("Open in the reader" in m.value for m in at.markdown) == 3
    assert at.caption[0].value.startswith(f"{total - 3} more: narrow the filters")
