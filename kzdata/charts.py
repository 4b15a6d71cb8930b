"""Charts of the events and figures tables: pure functions returning plotly figures.

Nothing here knows about Streamlit. Every plotted point carries its row's identifier as
``customdata`` (a plain string: ``event_id`` or ``figure_id``; in the dense form a group key, see
below), so a page can show the charts with
``st.plotly_chart(fig, on_select="rerun")`` and read the selected rows back from
``selection["points"][i]["customdata"]``.

Both charts build hover text for all rows with whole-column operations (see "vectorised text")
and draw one trace per outlet (or category) and kind of mark, never one per row; above 5,000
points they switch to WebGL (``go.Scattergl``) and cut hover quotes to two lines.

Above DENSE_LIMIT rows both charts, and their tables, take a dense form unless asked not to (see
"dense form"): one mark per type or category, outlet and day, whose ``customdata`` is a group key
that :func:`rows_of_keys` turns back into the rows it stands for. 100,000 generated events then make
0.3 MB of plotly JSON instead of 42 MB, built in about 0.1 s.

All text that comes from articles (quotes, summaries, outlets, attributions) is HTML-escaped
before it goes into hover text, because plotly renders tags such as ``<b>`` and ``<a>`` there.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import formatting, palette
from .events import EVENT_TYPES
from .schema import summary_column

DAY = np.timedelta64(1, "D")
HALF_DAY = np.timedelta64(12, "h")
GL_THRESHOLD = 5_000          # points above which traces are WebGL
QUOTE_WIDTH = 60              # characters per hover line of a quote
QUOTE_LIMIT = 480             # longer quotes are cut (with "…") in hover text ...
QUOTE_LIMIT_LARGE = 120       # ... and above GL_THRESHOLD points, to two lines: the payload stays small
TEXT_LABEL_LIMIT = 300        # figures chart: above this many points, no text labels next to marks
SPAN_PRECISIONS = ("week", "range")
BEFORE = "before"
MIN_TIMELINE_HEIGHT = 170    # below this a one-lane timeline loses its date axis

_QUALIFIER_MARKS = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤"}


# --------------------------------------------------------------------------- language helpers

def _labels(lang: str) -> dict:
    return formatting._labels(lang)


def _words(lang: str) -> dict[str, str]:
    return {**_labels(lang)["format"], **_labels(lang)["charts"]}


# --------------------------------------------------------------------------- vectorised text
#
# Hover text for 100,000 rows is some 20 MB of quotes; per-row Python string work on that costs
# more than the whole time budget. So text columns go through pyarrow (always present with
# pandas' string dtype and with Streamlit): line breaks are found with numpy on the UTF-8 buffer,
# escaping and concatenation are Arrow compute kernels, and Python strings are made once at the end.
# Without pyarrow the same steps run row by row (slower, same output).

try:
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - pyarrow comes with pandas' string dtype and with Streamlit
    pa = pc = None

_BREAK = 0x1E       # the byte that stands for "<br>" until the end
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def _mark_breaks(data: np.ndarray, offsets: np.ndarray, width: int | None) -> None:
    """In place on UTF-8 bytes `data` (texts at `offsets`): tabs, line ends and _BREAK bytes become
    spaces, then where a line should end the space becomes _BREAK (a no-break space, two bytes,
    becomes a space and _BREAK).

    Line j of a text ends at the first space at or after byte j * width of the text, unless that
    space is its last byte: lines run from a little under to a little over `width` and words are
    never cut. (Bytes, not characters: the same for plain Latin text.)
    """
    control = np.flatnonzero(data < 0x20)
    if control.size:
        data[control[np.isin(data[control], (9, 10, 13, _BREAK))]] = 0x20
    if not width or data.size == 0:
        return
    is_space = data == 0x20
    nbsp = np.flatnonzero(data[:-1] == 0xC2)
    nbsp = nbsp[data[nbsp + 1] == 0xA0]
    is_space[nbsp] = True
    candidates = np.flatnonzero(is_space)
    starts, ends = offsets[:-1], offsets[1:]
    lines = np.maximum((ends - starts - 1) // width, 0)
    if candidates.size == 0 or lines.sum() == 0:
        return
    owner = np.repeat(np.arange(starts.size), lines)
    nth = np.arange(owner.size) - np.repeat(np.cumsum(lines) - lines, lines) + 1
    found = np.searchsorted(candidates, starts[owner] + width * nth)
    keep = found < candidates.size
    positions = candidates[np.minimum(found, candidates.size - 1)]
    positions = positions[keep & (positions < ends[owner] - 1)]
    positions = positions[np.diff(positions, prepend=-1) > 0]   # sorted already: drop repeats
    data[positions] = _BREAK
    wide = positions[data[positions + 1] == 0xA0]   # a no-break space (C2 A0) became _BREAK A0:
    data[wide] = 0x20                               # make it " " _BREAK, a trailing space
    data[wide + 1] = _BREAK


def _text_series(values) -> pd.Series:
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if not isinstance(series.dtype, pd.StringDtype):
        series = series.astype("string")
    return series


def _arrow(values) -> "pa.LargeStringArray":
    array = pa.array(_text_series(values).array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return pc.fill_null(array.cast(pa.large_string()), "")


def html_text(values, width: int | None = None, limit: int | None = None):
    """Texts made safe for plotly hover labels: ``&``, ``<``, ``>`` escaped, missing as "".

    With `width`, lines are broken with ``<br>`` at about `width` characters (see _mark_breaks);
    with `limit`, longer texts are cut to `limit` characters and end in "…". Returns a pyarrow
    large_string array (a list of str without pyarrow); :func:`_objects` turns it into an array.
    """
    if pa is None:
        return _html_python(values, width, limit)
    array = _arrow(values)
    if len(array) == 0:
        return array
    if limit and np.diff(_offsets_of(array)).max(initial=0) > limit:   # bytes >= characters
        long = pc.greater(pc.utf8_length(array), limit)
        if pc.any(long).as_py():
            cut = pc.binary_join_element_wise(pc.utf8_slice_codeunits(array, 0, limit),
                                              _scalar("…"), _scalar(""))
            array = pc.if_else(long, cut, array)
    n = len(array)
    offsets, data_buffer = _offsets_of(array), array.buffers()[2]
    if data_buffer is None or offsets[-1] == offsets[0]:
        return array
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0]:offsets[-1]].copy()
    offsets = offsets - offsets[0]
    _mark_breaks(data, offsets, width)
    array = pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data))
    for char, entity in _ESCAPES:
        if np.any(data == ord(char)):
            array = pc.replace_substring(array, char, entity)
    if np.any(data == _BREAK):
        array = pc.replace_substring(array, chr(_BREAK), "<br>")
    return array


def _offsets_of(array) -> np.ndarray:
    """The int64 offsets of a large_string array (n + 1 of them)."""
    return np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset:array.offset + len(array) + 1]


def _html_python(values, width: int | None, limit: int | None) -> list[str]:
    texts = _text_series(values).fillna("").tolist()
    if limit:
        texts = [t if len(t) <= limit else t[:limit] + "…" for t in texts]
    encoded = [t.encode("utf-8") for t in texts]
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
    offsets = np.concatenate(([0], np.cumsum([len(b) for b in encoded], dtype=np.int64)))
    _mark_breaks(data, offsets, width)
    raw = data.tobytes()
    out = []
    for a, b in zip(offsets[:-1], offsets[1:]):
        text = raw[a:b].decode("utf-8")
        for char, entity in _ESCAPES:
            text = text.replace(char, entity)
        out.append(text.replace(chr(_BREAK), "<br>"))
    return out


def _scalar(text: str):
    return pa.scalar(text, type=pa.large_string())


def _concat(*parts):
    """Row-wise concatenation of text columns (from html_text / _take) and constant strings."""
    if pa is None:
        n = next(len(p) for p in parts if not isinstance(p, str))
        columns = [[p] * n if isinstance(p, str) else p for p in parts]
        return ["".join(row) for row in zip(*columns)]
    return pc.binary_join_element_wise(*[_scalar(p) if isinstance(p, str) else p for p in parts],
                                       _scalar(""))


def _take(texts: list[str], codes: np.ndarray):
    """Column of texts[codes[i]] (a few distinct texts spread over many rows)."""
    if pa is None:
        return [texts[c] for c in codes]
    return pa.array(texts, type=pa.large_string()).take(pa.array(codes))


def _objects(column) -> np.ndarray:
    """A text column as a numpy object array of str (what plotly takes)."""
    if pa is None:
        return np.asarray(column, dtype=object)
    return column.to_numpy(zero_copy_only=False)


def escape_html(texts) -> list[str]:
    """HTML-escape strings for plotly text (``&``, ``<``, ``>``); missing values become ""."""
    return _objects(html_text(texts)).tolist()


def wrap_html(texts, width: int = QUOTE_WIDTH, limit: int | None = QUOTE_LIMIT) -> list[str]:
    """Escape strings and break them into ``<br>``-separated lines of about `width` characters."""
    return _objects(html_text(texts, width, limit)).tolist()


def _strings(values) -> np.ndarray:
    """A column as an object array of str, missing values as ""."""
    return _text_series(values).to_numpy(dtype=object, na_value="")


# --------------------------------------------------------------------------- shared pieces

def empty_figure(message: str, height: int = 160) -> go.Figure:
    """A blank figure with `message` in the middle (for empty tables)."""
    fig = go.Figure()
    fig.add_annotation(text=escape_html([message])[0], x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font=dict(size=14, color="#666"))
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=10, b=10),
                      xaxis=dict(visible=False), yaxis=dict(visible=False), plot_bgcolor="white")
    return fig


def _dates(values) -> np.ndarray:
    return pd.to_datetime(pd.Series(values, copy=False), errors="coerce").to_numpy("datetime64[ns]")


def _outlets(values, lang: str) -> tuple[list[str], np.ndarray]:
    """Sorted distinct outlet names (a missing one named "(unknown outlet)") and each row's code."""
    series = _text_series(values)
    series = series.mask(series.isna() | (series == ""), "(" + _words(lang)["unknown_outlet"] + ")")
    codes, names = pd.factorize(series, sort=True)
    return [str(n) for n in names], codes


def _codes(values, missing: str) -> tuple[np.ndarray, list[str]]:
    """Each row's index into the column's distinct values (missing ones read as `missing`)."""
    codes, names = pd.factorize(_text_series(values).fillna(missing))
    return codes, [str(n) for n in names]


def _date_codes(start: np.ndarray, end: np.ndarray, precision_code: np.ndarray,
                precisions: list[str]) -> tuple[list[tuple], np.ndarray]:
    """Distinct (date, date_end, precision) of dated rows and each row's index into them."""
    first = start.astype("datetime64[D]").astype(np.int64)
    length = np.clip((end - start) // DAY, 0, 2**20 - 1).astype(np.int64)
    keys = ((first - first.min()) * 2**20 + length) * max(len(precisions), 1) + precision_code
    inverse, unique = pd.factorize(keys)
    rows = np.zeros(unique.size, dtype=np.int64)
    rows[inverse[::-1]] = np.arange(inverse.size)[::-1]   # first row of each
    return [(start[r], end[r], precisions[precision_code[r]]) for r in rows], inverse


def _date_axis(lo: np.datetime64, hi: np.datetime64, daily: bool = True) -> dict:
    """Dates as "05 Jan", with the year when the span crosses one, and as "Jan 2022" over months.
    Up to 16 days (if `daily`): one labelled tick per day, the label centred on its day; otherwise
    plotly's own tick spacing."""
    axis = dict(type="date", tickformat=_tick_format(lo, hi), showgrid=True, gridcolor="#eeeeee", zeroline=False)
    if not (np.isnat(lo) or np.isnat(hi)) and (hi - lo) < np.timedelta64(3, "D"):
        middle = lo + (hi - lo) / 2
        axis.update(range=[middle - np.timedelta64(2, "D"), middle + np.timedelta64(2, "D")])
    if daily and not (np.isnat(lo) or np.isnat(hi)) and (hi - lo) <= np.timedelta64(16, "D"):
        axis.update(dtick=86_400_000, ticklabelmode="period")
    return axis


def _tick_format(lo: np.datetime64, hi: np.datetime64) -> str:
    if np.isnat(lo) or np.isnat(hi):
        return "%d %b"
    if hi - lo > np.timedelta64(120, "D"):
        return "%b %Y"
    return "%d %b" if lo.astype("datetime64[Y]") == hi.astype("datetime64[Y]") else "%d %b %Y"


def _quote_limit(n_points: int) -> int:
    """How much of a quote hover text shows: all of it up to QUOTE_LIMIT characters, but only
    QUOTE_LIMIT_LARGE when there are more points than GL_THRESHOLD (the full quote is one
    selection away, and a browser should not receive tens of megabytes of hover text)."""
    return QUOTE_LIMIT if n_points <= GL_THRESHOLD else QUOTE_LIMIT_LARGE


def _scatter(n_points: int) -> str:
    """Trace type for this many points: WebGL above GL_THRESHOLD."""
    return "scattergl" if n_points > GL_THRESHOLD else "scatter"


def _figure(specs: list[tuple[str, dict, dict]]) -> go.Figure:
    """A figure from (trace type, style, data arrays) triples.

    The data arrays are set after the figure is made: go.Figure deep-copies the traces it is given,
    which for object arrays of 100,000 strings costs more than everything else together.
    """
    fig = go.Figure(data=[dict(style, type=kind) for kind, style, _ in specs])
    for trace, (_, _, arrays) in zip(fig.data, specs):
        trace.update(arrays)
    return fig


# --------------------------------------------------------------------------- dense form
#
# Above DENSE_LIMIT rows a chart draws one mark per group of rows instead of one per row: events of
# one type, outlet and first day; figures of one category, outlet and day. A detailed chart costs
# about 430 bytes of plotly JSON per row, which Streamlit serialises and sends on every run:
# 2,000 rows are some 0.9 MB and 45 ms, 100,000 rows 42 MB and a second. So the limit keeps a
# detailed chart under about 1 MB and 50 ms a run, in SVG (below GL_THRESHOLD), while a filtered
# view of a few days still shows single events. Dense marks number at most lanes x outlets x days
# (about 1,500 for 100,000 generated events), some 200 bytes each. A dense mark's customdata is its
# group key (see dense_key), which rows_of_keys turns back into the rows it counts.

DENSE_LIMIT = 2_000
DENSE_KEY = "group:"
DENSE_GROWTH = 2.4            # the dense mark with the highest count is this many times a single mark ...
DENSE_SMALLEST = 0.6          # ... and none is smaller than this share of it
DENSE_PHRASES = 4             # dense figures: distinct claims listed in the hover text
NOTE_HEIGHT = 40              # pixels added under the date axis for the dense form's two-line note


def is_dense(rows: pd.DataFrame, dense: bool | None = None) -> bool:
    """Whether a chart (and its table) of `rows` takes the dense form: `dense` if given, else above DENSE_LIMIT rows."""
    return len(rows) > DENSE_LIMIT if dense is None else bool(dense)


def dense_key(lane: str, outlet: str, day) -> str:
    """The customdata of a dense mark: the rows of event type or figure category `lane`, `outlet` ("" for none)
    and day `day` (an event's first day, a figure's as_of)."""
    return DENSE_KEY + json.dumps([lane, outlet, str(day)[:10]], ensure_ascii=False)


def is_dense_key(value) -> bool:
    return isinstance(value, str) and value.startswith(DENSE_KEY)


def rows_of_keys(table: pd.DataFrame, keys) -> pd.DataFrame:
    """The rows of an events or a figures table that the dense marks `keys` count, in table order."""
    codes, groups = (_event_groups if "event_id" in table else _figure_groups)(table)
    return table[np.isin(codes, np.flatnonzero(groups["key"].isin(list(keys))))]


def _groups(lane, outlet, day) -> tuple[np.ndarray, pd.DataFrame]:
    """Each row's group number and the groups (day, lane, outlet, count, key), sorted in that order, no day last."""
    grouped = pd.DataFrame({"day": day, "lane": lane, "outlet": outlet}).groupby(
        ["day", "lane", "outlet"], sort=True, dropna=False)
    groups = grouped.size().rename("count").reset_index()
    groups["key"] = [dense_key(*group) for group in zip(groups["lane"], groups["outlet"], groups["day"])]
    return grouped.ngroup().to_numpy(), groups


def _days(dates: np.ndarray) -> np.ndarray:
    return dates.astype("datetime64[D]").astype("datetime64[ns]")


def _event_groups(events: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Events grouped by type, outlet and first day (a span counts at its first day)."""
    start, _ = _event_span(events)
    return _groups(_strings(_text_series(events["type"]).fillna("other")), _strings(events["outlet"]), _days(start))


def _figure_groups(figures: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Figures grouped by category, outlet and as_of day; figures the chart cannot place have no day."""
    day = np.where(_figure_numbers(figures)["placed"], _days(_dates(figures["as_of"])), np.datetime64("NaT"))
    return _groups(_strings(_text_series(figures["category"]).fillna("other")), _strings(figures["outlet"]), day)


def _count_text(counts, one: str, many: str, lang: str) -> list[str]:
    return [one if n == 1 else many.format(n=formatting.number(n, lang)) for n in counts]


def _day_texts(days: np.ndarray, lang: str) -> list[str]:
    """Each day as "5 Jan 2022" ("" for none), formatted once per distinct day."""
    unique, code = np.unique(days.astype("datetime64[D]"), return_inverse=True)
    texts = [formatting.date(d, lang) if not np.isnat(d) else "" for d in unique]
    return [texts[c] for c in code.ravel()]


def _dense_note(fig: go.Figure, text: str) -> None:
    """The note under the date axis that says what a dense mark is."""
    fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-24, align="left", showarrow=False, font=dict(size=11, color="#666"))
    fig.update_layout(height=fig.layout.height + NOTE_HEIGHT, margin_b=fig.layout.margin.b + NOTE_HEIGHT)


# --------------------------------------------------------------------------- event timeline

def _lanes(types) -> list[str]:
    present = set(types)
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def _offsets(n: int) -> np.ndarray:
    """Vertical offsets inside a lane, one per outlet, so that outlets reporting the same thing
    on the same day sit side by side instead of on top of each other."""
    if n <= 1:
        return np.zeros(max(n, 1))
    step = min(0.25, 0.6 / (n - 1))
    return (np.arange(n) - (n - 1) / 2) * step


def _event_span(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each event's first and last day: a missing one is the other, an end before the start is the start."""
    start, end = _dates(events["date"]), _dates(events["date_end"])
    start = np.where(np.isnat(start), end, start)
    return start, np.where(np.isnat(end) | (end < start), start, end)


def _lane_places(types, outlets, lang: str) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """The lanes (types present), each row's height (its lane plus its outlet's offset), the sorted
    outlet names and each row's outlet code."""
    type_code, type_names = _codes(types, "other")
    lanes = _lanes(type_names)
    lane = np.array([lanes.index(t) for t in type_names], dtype=float)[type_code]
    outlet_names, outlet_code = _outlets(outlets, lang)
    return lanes, lane + _offsets(len(outlet_names))[outlet_code], outlet_names, outlet_code


def event_timeline(events: pd.DataFrame, lang: str = "en", compact: bool = False,
                   dense: bool | None = None) -> go.Figure:
    """Events on a date axis, one lane per event type, coloured by outlet.

    Lanes are the types present, in the order of ``EVENT_TYPES``, labelled in `lang`; inside a lane
    each outlet has a fixed small vertical offset. Day-precision events are dots at midday of their
    day. Week and range events are thick bars from ``date`` to ``date_end + 1 day``, and "before"
    events (only known to precede ``date_end``) thinner dotted, paler bars; each bar has a marker at
    its middle that carries the hover text and the ``customdata`` (event_id), so every event has
    exactly one selectable point (bars have hover and selection off). Events without a date are
    left out and counted in a note.

    In the dense form (see :func:`is_dense`) there is one mark per type, outlet and first day instead,
    its area growing with the number of events it counts and its ``customdata`` the group key
    (:func:`dense_key`); a note under the axis says so. ``fig.layout.meta`` is ``{"lanes": [types...],
    "undated": [event_ids...], "dense": bool, "events": events drawn, "marks": marks drawn}``.
    """
    words = _words(lang)
    if events is None or len(events) == 0:
        return empty_figure(words["no_events"])
    dense = is_dense(events, dense)
    start, end = _event_span(events)
    dated = ~np.isnat(start)
    undated = _strings(events["event_id"][~dated]).tolist()
    if not dated.any():
        fig = empty_figure(words["undated"].format(n=len(undated)))
        fig.layout.meta = {"lanes": [], "undated": undated, "dense": dense, "events": 0, "marks": 0}
        return fig
    if undated:
        events, start, end = events[dated], start[dated], end[dated]

    if dense:
        _, groups = _event_groups(events)
        lanes, specs = _dense_event_marks(groups, lang, compact)
        marks = len(groups)
    else:
        lanes, specs = _event_marks(events, start, end, lang, compact)
        marks = len(events)
    fig = _figure(specs)
    _timeline_layout(fig, lanes, start.min(), end.max() + DAY, lang, compact)
    fig.layout.meta = {"lanes": lanes, "undated": undated, "dense": dense, "events": len(events), "marks": marks}
    if undated:
        fig.add_annotation(text=words["undated"].format(n=len(undated)), xref="paper", yref="paper",
                           x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    if dense:
        _dense_note(fig, words["dense_events"] + "<br>" + words["narrow_events"])
    return fig


def _event_marks(events: pd.DataFrame, start: np.ndarray, end: np.ndarray, lang: str,
                 compact: bool) -> tuple[list[str], list]:
    """The lanes and traces of the detailed timeline: a marker per event, bars under spans."""
    lanes, y, outlet_names, outlet_code = _lane_places(events["type"], events["outlet"], lang)
    colors = palette.outlet_colors(outlet_names)
    ids = _strings(events["event_id"])
    precision_code, precisions = _codes(events["date_precision"], "day")
    kind = np.array([2 if p == BEFORE else 1 if p in SPAN_PRECISIONS else 0 for p in precisions],
                    dtype=np.int8)[precision_code]           # 0 day, 1 span, 2 before
    kind[(kind == 0) & (end > start)] = 1
    stop = end + DAY
    mid = start + (stop - start) // 2

    # Hover: date, summary, outlet, quote. Dates and outlets are few distinct texts spread over
    # many rows: formatted once each, then taken.
    spans, span_code = _date_codes(start, end, precision_code, precisions)
    date_text = _take(escape_html([formatting.date_span(a, b, p, lang) for a, b, p in spans]), span_code)
    outlet_text = _take(escape_html(outlet_names), outlet_code)
    summary = summary_column(lang)
    summaries = events[summary] if summary in events else events["type"]
    quotes = html_text(events["quote"], QUOTE_WIDTH, _quote_limit(len(ids)))
    hover = _objects(_concat(date_text, "<br><b>", html_text(summaries), "</b><br>", outlet_text,
                             _prefixed("<br><i>", quotes, "</i>")))

    scatter = _scatter(len(ids))
    size = 7 if compact else 10
    line_width = 5 if compact else 7
    x = np.where(kind == 0, start + HALF_DAY, mid)
    bars, markers = [], []
    order = np.argsort(outlet_code, kind="stable")
    bounds = np.searchsorted(outlet_code[order], np.arange(len(outlet_names) + 1))
    for code, outlet in enumerate(outlet_names):
        rows = order[bounds[code]:bounds[code + 1]]
        if rows.size == 0:
            continue
        color = colors[outlet]
        for k in (1, 2):
            # Bars of one outlet and kind: one line trace, segments separated by gaps.
            segment = rows[kind[rows] == k]
            n = segment.size
            if n == 0:
                continue
            xs = np.empty(3 * n, dtype="datetime64[ns]")
            xs[0::3], xs[1::3], xs[2::3] = start[segment], stop[segment], np.datetime64("NaT")
            ys = np.empty(3 * n)
            ys[0::3] = ys[1::3] = y[segment]
            ys[2::3] = np.nan
            cd = np.empty(3 * n, dtype=object)
            cd[0::3] = cd[1::3] = ids[segment]
            bars.append((scatter, dict(
                mode="lines", name=outlet, legendgroup=outlet, showlegend=False, hoverinfo="skip",
                line=dict(color=palette.rgba(color, 0.35 if k == 2 else 0.55),
                          width=line_width - 2 if k == 2 else line_width, dash="dot" if k == 2 else "solid"),
            ), dict(x=xs, y=ys, customdata=cd)))
        for k in (0, 1, 2):
            points = rows[kind[rows] == k]
            if points.size == 0:
                continue
            markers.append((scatter, dict(
                mode="markers", name=outlet, legendgroup=outlet, legendrank=code, hoverinfo="text",
                showlegend=not any(m[1]["legendgroup"] == outlet for m in markers),
                hoverlabel=dict(bordercolor=color),
                marker=dict(color=color, symbol=("circle", "diamond", "triangle-left")[k],
                            size=size if k == 0 else size - 1, opacity=0.75 if k == 2 else 1.0,
                            line=dict(color="white", width=1)),
            ), dict(x=x[points], y=y[points], customdata=ids[points], hovertext=hover[points])))
    return lanes, bars + markers   # bars under markers


def _dense_event_marks(groups: pd.DataFrame, lang: str, compact: bool) -> tuple[list[str], list]:
    """The lanes and traces of the dense timeline: per outlet, a dot at midday of each (type, first day)
    with its count, hover "12 events · Protest · Tempo · 5 Jan 2022"."""
    words = _words(lang)
    lanes, y, outlet_names, outlet_code = _lane_places(groups["lane"], groups["outlet"], lang)
    colors = palette.outlet_colors(outlet_names)
    counts = groups["count"].to_numpy()
    sizes = (7 if compact else 10) * np.maximum(DENSE_GROWTH * np.sqrt(counts / counts.max()), DENSE_SMALLEST)
    type_names = _labels(lang)["event_types"]
    hover = np.array(escape_html([" · ".join(parts) for parts in zip(
        _count_text(counts, words["events_one"], words["events_many"], lang),
        [type_names.get(t, t) for t in groups["lane"]], np.asarray(outlet_names, dtype=object)[outlet_code],
        _day_texts(groups["day"].to_numpy(), lang))]), dtype=object)
    x = groups["day"].to_numpy() + HALF_DAY
    keys = groups["key"].to_numpy(object)
    scatter = _scatter(len(groups))
    specs = []
    for code, outlet in enumerate(outlet_names):
        rows = np.flatnonzero(outlet_code == code)
        color = colors[outlet]
        specs.append((scatter, dict(
            mode="markers", name=outlet, legendgroup=outlet, legendrank=code, hoverinfo="text",
            hoverlabel=dict(bordercolor=color),
            marker=dict(color=color, symbol="circle", opacity=0.8, line=dict(color="white", width=1)),
        ), dict(x=x[rows], y=y[rows], customdata=keys[rows], hovertext=hover[rows], marker_size=sizes[rows])))
    return lanes, specs


def _timeline_layout(fig: go.Figure, lanes: list[str], first: np.datetime64, stop: np.datetime64, lang: str,
                     compact: bool) -> None:
    words = _words(lang)
    labels = _labels(lang)["event_types"]
    lane_labels = [labels.get(t, t) for t in lanes]
    per_lane = 26 if compact else 34
    font_size = 11 if compact else 12
    bands = [dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=i - 0.5, y1=i + 0.5,
                  fillcolor="rgba(0,0,0,0.035)", line_width=0, layer="below")
             for i in range(1, len(lanes), 2)]
    fig.update_layout(
        height=max(MIN_TIMELINE_HEIGHT, 60 + per_lane * len(lanes)),
        margin=dict(l=16 + int(font_size * 0.6 * max(len(s) for s in lane_labels)), r=12, t=34, b=26),
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=1.0, yanchor="bottom",
                    title=dict(text="" if compact else words["outlet"] + ":"),
                    font=dict(size=font_size), itemsizing="constant"),
        xaxis=_date_axis(first, stop, daily=not compact),
        yaxis=dict(tickmode="array", tickvals=list(range(len(lanes))), ticktext=lane_labels,
                   range=[len(lanes) - 0.5, -0.5], showgrid=False, zeroline=False, fixedrange=True,
                   automargin=True, tickfont=dict(size=font_size)),
        shapes=bands, plot_bgcolor="white", hovermode="closest", clickmode="event+select",
        dragmode="select", hoverlabel=dict(bgcolor="white", font=dict(color="#222", size=12), align="left"),
        uirevision="event_timeline",
    )


# --------------------------------------------------------------------------- figures over time

def _category_order(categories: list[str], lang: str) -> list[str]:
    known = list(_labels(lang).get("categories", {}))
    present = set(categories)
    return [c for c in known if c in present] + sorted(present - set(known))


def _floats(values) -> np.ndarray:
    return pd.Series(values, copy=False).astype("Float64").to_numpy(float, na_value=np.nan)


def _prefixed(prefix: str, column, suffix: str = ""):
    """prefix + text + suffix where the text is not empty, else "" (row-wise)."""
    if pa is None:
        return [f"{prefix}{t}{suffix}" if t else "" for t in column]
    return pc.if_else(pc.equal(pc.binary_length(column), 0), _scalar(""), _concat(prefix, column, suffix))


def _number_labels(value, lo, hi, open_high, qualifier, number_text, vague, lang) -> tuple[list, list]:
    """Short mark labels ("~1,200", "20–99") and hover phrases ("about 1,200", "puluhan (20–99)"),
    worked out once per distinct combination."""
    templates = _labels(lang).get("qualifiers", {})
    number = lambda v: formatting.number(v, lang)  # noqa: E731
    keys = pd.MultiIndex.from_arrays([value, lo, hi, open_high, qualifier, number_text, vague])
    codes, unique = pd.factorize(keys)
    marks, phrases = [], []
    for v, low, high, is_open, q, text, is_vague in unique:
        if is_vague:
            if np.isnan(low):
                span = "?"
            elif is_open:
                span = f"≥{number(low)}"
            else:
                span = f"{number(low)}–{number(high)}" if high > low else number(low)
            marks.append(span)
            phrases.append(templates.get("vague", "{text}").format(text=text, value=span) + f" ({span})")
        else:
            shown = number(v if not np.isnan(v) else low)
            marks.append(_QUALIFIER_MARKS.get(q, "") + shown)
            phrases.append(templates.get(q, "{value}").format(value=shown, text=text))
    return [marks[c] for c in codes], [phrases[c] for c in codes]


def _figure_numbers(figures: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each figure's numbers and its place on the chart: ``value``, ``low``, ``high``, ``qualifier``;
    ``vague`` (no single value); ``lo`` and ``hi`` (low and high, each standing in for the other when
    missing); ``y`` (the value, or for a vague figure the geometric middle of lo and hi; 0 sits on the
    axis floor 1) and ``placed`` (it has a y and an as_of date)."""
    value, low, high = _floats(figures["value"]), _floats(figures["low"]), _floats(figures["high"])
    qualifier = _strings(figures["qualifier"])
    vague = np.isnan(value) | (qualifier == "vague")
    lo = np.where(np.isnan(low), high, low)
    hi = np.where(np.isnan(high), lo, high)
    y = np.where(vague, np.sqrt(np.maximum(lo, 1) * np.maximum(hi, 1)), np.where(np.isnan(value), lo, value))
    y = np.where(y < 1, 1.0, y)
    placed = ~np.isnan(y) & ~np.isnat(_dates(figures["as_of"]))
    return dict(value=value, low=low, high=high, qualifier=qualifier, vague=vague, lo=lo, hi=hi, y=y, placed=placed)


def _reported_range(numbers: dict[str, np.ndarray], codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per group (`codes` numbered from 0), the lowest and the highest number its figures report (NaN if none)."""
    lowest = pd.Series(np.fmin(numbers["value"], numbers["lo"])).groupby(codes).min()
    highest = pd.Series(np.fmax(numbers["value"], numbers["hi"])).groupby(codes).max()
    return lowest.to_numpy(), highest.to_numpy()


def _outlet_x(days: np.ndarray, outlet_code: np.ndarray, n_outlets: int) -> np.ndarray:
    """Midday of each day, moved a few hours per outlet so that outlets reporting on one day stand apart."""
    spread = min(3 * 3600, 12 * 3600 // n_outlets)   # seconds between outlets
    return days + HALF_DAY + ((outlet_code - (n_outlets - 1) / 2) * spread).astype("timedelta64[s]")


def figures_over_time(figures: pd.DataFrame, lang: str = "en", dense: bool | None = None) -> go.Figure:
    """Reported figures by ``as_of`` date on a log axis: one mark per row, never summed.

    Colour is the category (first legend), marker symbol the outlet (second legend). A number
    with a value is drawn at it with a short label ("37", "~1,200", "≥3,700", "≤900"); a vague
    one (value empty, such as "puluhan") at the geometric middle of low and high, as an open
    marker with an error bar from low to high, labelled "20–99". A count of 0 sits on the axis
    floor (1). Outlets reporting on the same day are spread a few hours apart inside the day.
    Rows with no number or no date cannot be placed: they are left out and counted in a note.
    ``customdata`` is the figure_id; the outlet-legend traces have no points and ``meta``
    "legend-only".

    In the dense form (see :func:`is_dense`) each category, outlet and day has one mark instead: a
    marker at the lowest number its figures report and a bar from it up to the highest (no number of
    its own, nothing summed), hover "3 claims, from 20 to 26 as reported" and ``customdata`` the
    group key (:func:`dense_key`). ``fig.layout.meta`` is ``{"dense": bool, "figures": figures drawn,
    "marks": marks drawn, "unplaced": figures left out}``.
    """
    words = _words(lang)
    if figures is None or len(figures) == 0:
        return empty_figure(words["no_figures"])
    dense = is_dense(figures, dense)
    numbers = _figure_numbers(figures)
    placed = numbers["placed"]
    missing = int((~placed).sum())
    if not placed.any():
        return empty_figure(words["unplaced"].format(n=missing))
    if missing:
        figures = figures[placed]
        numbers = {name: column[placed] for name, column in numbers.items()}

    specs, marks = (_dense_figure_marks if dense else _figure_marks)(figures, numbers, lang)
    # Second legend: which symbol is which outlet (no points, nothing to select).
    outlet_names, _ = _outlets(figures["outlet"], lang)
    symbols = palette.outlet_symbols(outlet_names)
    scatter = specs[0][0]
    for outlet in outlet_names:
        specs.append((scatter, dict(mode="markers", name=outlet, legend="legend2", showlegend=True,
                                    hoverinfo="skip", meta="legend-only",
                                    marker=dict(color="#777777", size=9, symbol=symbols[outlet])),
                      dict(x=[None], y=[None])))

    fig = _figure(specs)
    as_of = _dates(figures["as_of"])
    fig.update_layout(
        height=480, margin=dict(l=60, r=12, t=40, b=70), plot_bgcolor="white",
        separators=formatting.conventions(lang)["decimal"] + formatting.conventions(lang)["thousands"],
        xaxis=_date_axis(as_of.min(), as_of.max() + DAY),
        yaxis=dict(type="log", title=dict(text=words["count_axis"], font=dict(size=12)),
                   gridcolor="#eeeeee", zeroline=False, dtick=1, tickformat=",d"),
        # Both legends in rows above and below the plot, which then keeps the whole width on a phone.
        legend=dict(title=dict(text=words["category"] + ":"), orientation="h", yref="container", y=1, yanchor="top",
                    x=0, xanchor="left"),
        legend2=dict(title=dict(text=words["outlet"] + ":"), orientation="h", yref="container", y=0,
                     yanchor="bottom", x=0, xanchor="left"),
        hovermode="closest", clickmode="event+select", dragmode="select",
        hoverlabel=dict(bgcolor="white", font=dict(color="#222", size=12), align="left"),
        uirevision="figures_over_time",
        meta={"dense": dense, "figures": len(figures), "marks": marks, "unplaced": missing},
    )
    if missing:
        fig.add_annotation(text=words["unplaced"].format(n=missing), xref="paper", yref="paper",
                           x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    if dense:
        _dense_note(fig, words["dense_figures"] + "<br>" + words["narrow_figures"])
    return fig


def _figure_marks(figures: pd.DataFrame, numbers: dict[str, np.ndarray], lang: str) -> tuple[list, int]:
    """The traces of the detailed figures chart (a mark per figure) and how many marks they hold."""
    words = _words(lang)
    as_of = _dates(figures["as_of"])
    labels = _labels(lang)
    value, high, qualifier, vague, lo, hi, y = (
        numbers[name] for name in ("value", "high", "qualifier", "vague", "lo", "hi", "y"))
    err_plus = np.maximum(hi - y, 0)
    err_minus = np.maximum(y - np.maximum(lo, 1), 0)

    number_text = _strings(figures["number_text"])
    marks, phrases = _number_labels(value, lo, hi, np.isnan(high), qualifier, number_text, vague, lang)
    category_code, categories = _codes(figures["category"], "other")
    outlet_names, outlet_code = _outlets(figures["outlet"], lang)
    symbols = palette.outlet_symbols(outlet_names)
    x = _outlet_x(as_of, outlet_code, len(outlet_names))

    # Hover: category and number, the words as printed, subject, outlet and date, source, quote.
    category_labels = labels.get("categories", {})
    days, day_code = np.unique(as_of.astype("datetime64[D]"), return_inverse=True)
    inferred = pd.Series(figures["as_of_inferred"], copy=False).astype("boolean").fillna(False).to_numpy(bool)
    date_text = _take(escape_html([formatting.date_span(d, d, "day", lang) for d in days]), day_code.ravel())
    # The words as printed, unless the phrase already says the same ("hampir 900" in Indonesian).
    same = np.array([t.casefold() == p.casefold() for t, p in zip(number_text, phrases)], dtype=bool)
    verbatim = np.where(vague | same, "", number_text)
    hover = _objects(_concat(
        "<b>", _take(escape_html([category_labels.get(c, c) for c in categories]), category_code), ": ",
        html_text(phrases), "</b>", _prefixed(" — “", html_text(verbatim), "”"),
        _prefixed("<br>" + words["subject"] + ": ", html_text(figures["subject"])),
        "<br>", _take(escape_html(outlet_names), outlet_code), ", ", words["as_of"], " ", date_text,
        _take(["", f" ({words['inferred']})"], inferred.astype(np.int64)),
        _prefixed("<br>" + words["attribution"] + ": ", html_text(figures["attribution"])),
        _prefixed("<br><i>", html_text(figures["quote"], QUOTE_WIDTH, _quote_limit(len(figures))), "</i>"),
    ))
    marks = np.asarray(marks, dtype=object)
    ids = _strings(figures["figure_id"])

    scatter = _scatter(len(ids))
    with_text = len(ids) <= TEXT_LABEL_LIMIT
    # Labels point inwards: on a narrow screen a label right of a mark on the last day would run off the chart.
    text_side = np.where(x > as_of.min() + (as_of.max() + DAY - as_of.min()) / 2, "middle left", "middle right")
    colors = palette.category_colors()
    specs = []
    for rank, category in enumerate(_category_order(categories, lang)):
        color = colors.get(category, palette.TOL_GREY)
        in_category = category_code == categories.index(category)
        shown = False
        for is_vague in (False, True):
            for code, outlet in enumerate(outlet_names):
                rows = np.flatnonzero(in_category & (vague == is_vague) & (outlet_code == code))
                if rows.size == 0:
                    continue
                style = dict(
                    name=category_labels.get(category, category), legendgroup=category,
                    showlegend=not shown, legendrank=rank, hoverinfo="text",
                    mode="markers+text" if with_text else "markers",
                    marker=dict(color=color, size=10, symbol=symbols[outlet] + ("-open" if is_vague else ""),
                                line=dict(color=color if is_vague else "white", width=2 if is_vague else 1)),
                    hoverlabel=dict(bordercolor=color),
                    textfont=dict(size=10, color="#444"),
                )
                arrays = dict(x=x[rows], y=y[rows], customdata=ids[rows], hovertext=hover[rows])
                if with_text:
                    arrays.update(text=marks[rows], textposition=text_side[rows])
                if is_vague:
                    style["error_y"] = dict(type="data", symmetric=False, color=color, thickness=1.5, width=5)
                    arrays["error_y"] = dict(array=err_plus[rows], arrayminus=err_minus[rows])
                specs.append((scatter, style, arrays))
                shown = True
    return specs, len(ids)


def _dense_figure_marks(figures: pd.DataFrame, numbers: dict[str, np.ndarray], lang: str) -> tuple[list, int]:
    """The traces of the dense figures chart and how many marks they hold: per category, outlet and day a
    marker at the lowest reported number, carrying the group key, and a bar from it up to the highest."""
    codes, groups = _figure_groups(figures)
    lowest, highest = _reported_range(numbers, codes)
    outlet_names, outlet_code = _outlets(groups["outlet"], lang)
    category_labels = _labels(lang).get("categories", {})
    hover = _claims_hover(figures, numbers, codes, groups, lowest, highest,
                          np.asarray(outlet_names, dtype=object)[outlet_code], lang)
    x = _outlet_x(groups["day"].to_numpy(), outlet_code, len(outlet_names))
    bottom, top = np.maximum(lowest, 1), np.maximum(highest, 1)
    keys = groups["key"].to_numpy(object)
    symbol_of = palette.outlet_symbols(outlet_names)
    symbols = np.asarray([symbol_of[o] for o in outlet_names], dtype=object)[outlet_code]
    colors = palette.category_colors()
    scatter = _scatter(len(groups))
    specs = []
    for rank, category in enumerate(_category_order(list(groups["lane"].unique()), lang)):
        color = colors.get(category, palette.TOL_GREY)
        rows = np.flatnonzero(groups["lane"].to_numpy() == category)
        specs.append((scatter, dict(
            name=category_labels.get(category, category), legendgroup=category, legendrank=rank,
            mode="markers", hoverinfo="text", hoverlabel=dict(bordercolor=color),
            marker=dict(color=color, size=8, line=dict(color="white", width=1)),
            error_y=dict(type="data", symmetric=False, color=color, thickness=2.5, width=4),
        ), dict(x=x[rows], y=bottom[rows], customdata=keys[rows], hovertext=hover[rows], marker_symbol=symbols[rows],
                error_y=dict(array=top[rows] - bottom[rows], arrayminus=np.zeros(rows.size)))))
    return specs, len(groups)


def _claims_hover(figures: pd.DataFrame, numbers: dict[str, np.ndarray], codes: np.ndarray, groups: pd.DataFrame,
                  lowest: np.ndarray, highest: np.ndarray, outlets: np.ndarray, lang: str) -> np.ndarray:
    """Hover text of dense figure marks: "3 claims, from 20 to 26 as reported", category · outlet · day,
    then the distinct claims."""
    words = _words(lang)
    _, phrases = _number_labels(numbers["value"], numbers["lo"], numbers["hi"], np.isnan(numbers["high"]),
                                numbers["qualifier"], _strings(figures["number_text"]), numbers["vague"], lang)
    number = lambda v: formatting.number(v, lang)  # noqa: E731
    spans = [words["reported_value"].format(value=number(a)) if a == b else
             words["reported_range"].format(low=number(a), high=number(b)) for a, b in zip(lowest, highest)]
    category_labels = _labels(lang).get("categories", {})
    where = [" · ".join(parts) for parts in zip(
        [category_labels.get(c, c) for c in groups["lane"]], outlets, _day_texts(groups["day"].to_numpy(), lang))]
    counts = _count_text(groups["count"], words["claims_one"], words["claims_many"], lang)
    return np.array([f"<b>{c}, {s}</b><br>{w}<br>{p}" for c, s, w, p in zip(
        escape_html(counts), escape_html(spans), escape_html(where), _claims_listed(codes, phrases))], dtype=object)


def _claims_listed(codes: np.ndarray, phrases: list[str]) -> list[str]:
    """Per group, its distinct claims ("about 1,200"), the most often reported first; at most DENSE_PHRASES,
    then "…". HTML-escaped."""
    counts = pd.DataFrame({"group": codes, "phrase": phrases}).value_counts(sort=True).reset_index()
    counts = counts.sort_values("group", kind="stable")
    listed: list[list[str]] = [[] for _ in range(codes.max() + 1)]
    for group, phrase in zip(counts["group"], counts["phrase"]):
        listed[group].append(phrase)
    return escape_html([" · ".join(p[:DENSE_PHRASES] + ["…"] * (len(p) > DENSE_PHRASES)) for p in listed])


# --------------------------------------------------------------------------- the data behind a chart
#
# What each chart draws, as a plain table (headers in `lang`), for those who cannot see the chart or
# want exact values. Distinct dates and numbers are formatted once each, as in the charts. Where the
# chart is dense, so is its table: a row per mark, and ``table.attrs["note"]`` says so.

def _spans_text(rows: pd.DataFrame, lang: str) -> list[str]:
    start, end = _event_span(rows)
    precision_code, precisions = _codes(rows["date_precision"], "day")
    keys = pd.MultiIndex.from_arrays([start, end, np.asarray(precisions, dtype=object)[precision_code]])
    codes, unique = pd.factorize(keys)
    texts = [formatting.date_span(a, b, p, lang) for a, b, p in unique]
    return [texts[c] for c in codes]


def _outlet_names(values, lang: str) -> np.ndarray:
    names, codes = _outlets(values, lang)
    return np.asarray(names, dtype=object)[codes]


def event_timeline_table(events: pd.DataFrame, lang: str = "en", dense: bool | None = None) -> pd.DataFrame:
    """The events of :func:`event_timeline`, one row each by date (undated last): date, type, outlet, summary.
    Dense: one row per type, outlet and first day with its number of events (undated ones too)."""
    words = _words(lang)
    columns = [words["col_date"], words["col_type"], words["outlet"], words["col_summary"]]
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=columns)
    if is_dense(events, dense):
        return _dense_event_table(events, lang)
    rows = events.sort_values(["date", "date_end"], kind="stable", na_position="last").reset_index(drop=True)
    type_names = _labels(lang)["event_types"]
    summary = summary_column(lang)
    return pd.DataFrame({
        columns[0]: _spans_text(rows, lang),
        columns[1]: rows["type"].map(lambda value: type_names.get(value, value)).to_numpy(object),
        columns[2]: _outlet_names(rows["outlet"], lang),
        columns[3]: _strings(rows[summary] if summary in rows else rows["type"]),
    })


def _dense_event_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    words = _words(lang)
    _, groups = _event_groups(events)
    type_names = _labels(lang)["event_types"]
    table = pd.DataFrame({
        words["col_date"]: [d or words["unknown_date"] for d in _day_texts(groups["day"].to_numpy(), lang)],
        words["col_type"]: [type_names.get(t, t) for t in groups["lane"]],
        words["outlet"]: _outlet_names(groups["outlet"], lang),
        words["col_events"]: groups["count"].to_numpy(),
    })
    table.attrs["note"] = words["dense_table_events"] + " " + words["narrow_events"]
    return table


def figures_over_time_table(figures: pd.DataFrame, lang: str = "en", dense: bool | None = None) -> pd.DataFrame:
    """The figures of :func:`figures_over_time`, one row each by date: date, category, number as marked on the
    chart (``~1,200``, ``20–99``), the words as printed, subject and outlet. Rows the chart cannot place are
    listed too, with what they lack left empty. Dense: one row per category, outlet and day with its number
    of figures and the lowest and highest number they report (the figures the chart cannot place in rows
    without a date)."""
    words = _words(lang)
    columns = [words["col_date"], words["category"], words["col_number"], words["col_words"], words["subject"],
               words["outlet"]]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=columns)
    if is_dense(figures, dense):
        return _dense_figures_table(figures, lang)
    rows = figures.sort_values("as_of", kind="stable", na_position="last").reset_index(drop=True)
    numbers = _figure_numbers(rows)
    number_text = _strings(rows["number_text"])
    marks, _ = _number_labels(numbers["value"], numbers["lo"], numbers["hi"], np.isnan(numbers["high"]),
                              numbers["qualifier"], number_text, numbers["vague"], lang)
    categories = _labels(lang).get("categories", {})
    return pd.DataFrame({
        columns[0]: _day_texts(_dates(rows["as_of"]), lang),
        columns[1]: rows["category"].map(lambda value: categories.get(value, value)).to_numpy(object),
        columns[2]: [mark if mark != "?" else "" for mark in marks],
        columns[3]: number_text,
        columns[4]: _strings(rows["subject"]),
        columns[5]: _outlet_names(rows["outlet"], lang),
    })


def _dense_figures_table(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    words = _words(lang)
    codes, groups = _figure_groups(figures)
    lowest, highest = _reported_range(_figure_numbers(figures), codes)
    number = lambda v: "" if np.isnan(v) else formatting.number(v, lang)  # noqa: E731
    categories = _labels(lang).get("categories", {})
    table = pd.DataFrame({
        words["col_date"]: _day_texts(groups["day"].to_numpy(), lang),
        words["category"]: [categories.get(c, c) for c in groups["lane"]],
        words["outlet"]: _outlet_names(groups["outlet"], lang),
        words["col_claims"]: groups["count"].to_numpy(),
        words["col_lowest"]: [number(v) for v in lowest],
        words["col_highest"]: [number(v) for v in highest],
    })
    table.attrs["note"] = words["dense_table_figures"] + " " + words["narrow_figures"]
    return table
