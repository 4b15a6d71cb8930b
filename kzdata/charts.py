"""Charts of the events and figures tables: pure functions returning plotly figures.

Nothing here knows about Streamlit. Every plotted point carries its row's identifier as
``customdata`` (a plain string: ``event_id`` or ``figure_id``), so a page can show the charts with
``st.plotly_chart(fig, on_select="rerun")`` and read the selected rows back from
``selection["points"][i]["customdata"]``.

Both charts build hover text for all rows with whole-column operations (see "vectorised text")
and draw one trace per outlet (or category) and kind of mark, never one per row; above 5,000
points they switch to WebGL (``go.Scattergl``) and cut hover quotes to two lines. 100,000 events
build in about 0.2 s on one core.

All text that comes from articles (quotes, summaries, outlets, attributions) is HTML-escaped
before it goes into hover text, because plotly renders tags such as ``<b>`` and ``<a>`` there.
"""
from __future__ import annotations


import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import formatting, palette
from .events import EVENT_TYPES

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
    """Dates as "05 Jan". Up to 16 days (if `daily`): one labelled tick per day, the label centred
    on its day; otherwise plotly's own tick spacing."""
    axis = dict(type="date", tickformat="%d %b", showgrid=True, gridcolor="#eeeeee", zeroline=False)
    if not (np.isnat(lo) or np.isnat(hi)) and (hi - lo) < np.timedelta64(3, "D"):
        middle = lo + (hi - lo) / 2
        axis.update(range=[middle - np.timedelta64(2, "D"), middle + np.timedelta64(2, "D")])
    if daily and not (np.isnat(lo) or np.isnat(hi)) and (hi - lo) <= np.timedelta64(16, "D"):
        axis.update(dtick=86_400_000, ticklabelmode="period")
    return axis


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


def event_timeline(events: pd.DataFrame, lang: str = "en", compact: bool = False) -> go.Figure:
    """Events on a date axis, one lane per event type, coloured by outlet.

    Lanes are the types present, in the order of ``EVENT_TYPES``, labelled in `lang`; inside a lane
    each outlet has a fixed small vertical offset. Day-precision events are dots at midday of their
    day. Week and range events are thick bars from ``date`` to ``date_end + 1 day``, and "before"
    events (only known to precede ``date_end``) thinner dotted, paler bars; each bar has a marker at
    its middle that carries the hover text and the ``customdata`` (event_id), so every event has
    exactly one selectable point (bars have hover and selection off). Events without a date are
    left out and counted in a note. ``fig.layout.meta`` is
    ``{"lanes": [types...], "undated": [event_ids...]}``.
    """
    words = _words(lang)
    if events is None or len(events) == 0:
        return empty_figure(words["no_events"])

    start = _dates(events["date"])
    end = _dates(events["date_end"])
    start = np.where(np.isnat(start), end, start)
    end = np.where(np.isnat(end) | (end < start), start, end)
    ids = _strings(events["event_id"])
    dated = ~np.isnat(start)
    undated = ids[~dated].tolist()
    if not dated.any():
        fig = empty_figure(words["undated"].format(n=len(undated)))
        fig.layout.meta = {"lanes": [], "undated": undated}
        return fig
    if undated:
        events, start, end, ids = events[dated], start[dated], end[dated], ids[dated]

    type_code, type_names = _codes(events["type"], "other")
    lanes = _lanes(type_names)
    lane = np.array([lanes.index(t) for t in type_names], dtype=float)[type_code]
    outlet_names, outlet_code = _outlets(events["outlet"], lang)
    colors = palette.outlet_colors(outlet_names)
    y = lane + _offsets(len(outlet_names))[outlet_code]

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
    summary_column = "summary_id" if lang == "id" else "summary_en"
    summaries = events[summary_column] if summary_column in events else events["type"]
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
    fig = _figure(bars + markers)   # bars under markers

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
        xaxis=_date_axis(start.min(), stop.max(), daily=not compact),
        yaxis=dict(tickmode="array", tickvals=list(range(len(lanes))), ticktext=lane_labels,
                   range=[len(lanes) - 0.5, -0.5], showgrid=False, zeroline=False, fixedrange=True,
                   automargin=True, tickfont=dict(size=font_size)),
        shapes=bands, plot_bgcolor="white", hovermode="closest", clickmode="event+select",
        dragmode="select", hoverlabel=dict(bgcolor="white", font=dict(color="#222", size=12), align="left"),
        uirevision="event_timeline", meta={"lanes": lanes, "undated": undated},
    )
    if undated:
        fig.add_annotation(text=words["undated"].format(n=len(undated)), xref="paper", yref="paper",
                           x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    return fig


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
    """Short mark labels ("~2,500", "20–99") and hover phrases ("about 2,500", "puluhan (20–99)"),
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


def figures_over_time(figures: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Reported figures by ``as_of`` date on a log axis: one mark per row, never summed.

    Colour is the category (first legend), marker symbol the outlet (second legend). A number
    with a value is drawn at it with a short label ("26", "~2,500", "≥4,400", "≤2,000"); a vague
    one (value empty, such as "puluhan") at the geometric middle of low and high, as an open
    marker with an error bar from low to high, labelled "20–99". A count of 0 sits on the axis
    floor (1). Outlets reporting on the same day are spread a few hours apart inside the day.
    Rows with no number or no date cannot be placed: they are left out and counted in a note.
    ``customdata`` is the figure_id; the outlet-legend traces have no points and ``meta``
    "legend-only".
    """
    words = _words(lang)
    if figures is None or len(figures) == 0:
        return empty_figure(words["no_figures"])
    labels = _labels(lang)

    value, low, high = _floats(figures["value"]), _floats(figures["low"]), _floats(figures["high"])
    qualifier = _strings(figures["qualifier"])
    as_of = _dates(figures["as_of"])
    vague = np.isnan(value) | (qualifier == "vague")
    lo = np.where(np.isnan(low), high, low)
    hi = np.where(np.isnan(high), lo, high)
    y = np.where(vague, np.sqrt(np.maximum(lo, 1) * np.maximum(hi, 1)), np.where(np.isnan(value), lo, value))
    y = np.where(y < 1, 1.0, y)
    placed = ~np.isnan(y) & ~np.isnat(as_of)
    missing = int((~placed).sum())
    if not placed.any():
        return empty_figure(words["unplaced"].format(n=missing))
    if missing:
        figures = figures[placed]
        value, low, high, qualifier, as_of, vague, lo, hi, y = (
            a[placed] for a in (value, low, high, qualifier, as_of, vague, lo, hi, y))
    err_plus = np.maximum(hi - y, 0)
    err_minus = np.maximum(y - np.maximum(lo, 1), 0)

    number_text = _strings(figures["number_text"])
    marks, phrases = _number_labels(value, lo, hi, np.isnan(high), qualifier, number_text, vague, lang)
    category_code, categories = _codes(figures["category"], "other")
    outlet_names, outlet_code = _outlets(figures["outlet"], lang)
    symbols = palette.outlet_symbols(outlet_names)
    n_out = len(outlet_names)
    spread = min(3 * 3600, 12 * 3600 // n_out)   # seconds between outlets inside a day
    x = as_of + HALF_DAY + ((outlet_code - (n_out - 1) / 2) * spread).astype("timedelta64[s]")

    # Hover: category and number, the words as printed, subject, outlet and date, source, quote.
    category_labels = labels.get("categories", {})
    days, day_code = np.unique(as_of.astype("datetime64[D]"), return_inverse=True)
    inferred = pd.Series(figures["as_of_inferred"], copy=False).astype("boolean").fillna(False).to_numpy(bool)
    date_text = _take(escape_html([formatting.date_span(d, d, "day", lang) for d in days]), day_code.ravel())
    # The words as printed, unless the phrase already says the same ("hampir 2.000" in Indonesian).
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
    # Second legend: which symbol is which outlet (no points, nothing to select).
    for outlet in outlet_names:
        specs.append((scatter, dict(mode="markers", name=outlet, legend="legend2", showlegend=True,
                                    hoverinfo="skip", meta="legend-only",
                                    marker=dict(color="#777777", size=9, symbol=symbols[outlet])),
                      dict(x=[None], y=[None])))

    fig = _figure(specs)
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
    )
    if missing:
        fig.add_annotation(text=words["unplaced"].format(n=missing), xref="paper", yref="paper",
                           x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    return fig


# --------------------------------------------------------------------------- the data behind a chart
#
# What each chart draws, as a plain table (headers in `lang`), for those who cannot see the chart or
# want exact values. Distinct dates and numbers are formatted once each, as in the charts.

def _spans_text(rows: pd.DataFrame, lang: str) -> list[str]:
    start, end = _dates(rows["date"]), _dates(rows["date_end"])
    start = np.where(np.isnat(start), end, start)
    end = np.where(np.isnat(end) | (end < start), start, end)
    precision_code, precisions = _codes(rows["date_precision"], "day")
    keys = pd.MultiIndex.from_arrays([start, end, np.asarray(precisions, dtype=object)[precision_code]])
    codes, unique = pd.factorize(keys)
    texts = [formatting.date_span(a, b, p, lang) for a, b, p in unique]
    return [texts[c] for c in codes]


def _outlet_names(values, lang: str) -> np.ndarray:
    names, codes = _outlets(values, lang)
    return np.asarray(names, dtype=object)[codes]


def event_timeline_table(events: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The events of :func:`event_timeline`, one row each by date (undated last): date, type, outlet, summary."""
    words = _words(lang)
    columns = [words["col_date"], words["col_type"], words["outlet"], words["col_summary"]]
    if events is None or len(events) == 0:
        return pd.DataFrame(columns=columns)
    rows = events.sort_values(["date", "date_end"], kind="stable", na_position="last").reset_index(drop=True)
    type_names = _labels(lang)["event_types"]
    summary = "summary_id" if lang == "id" else "summary_en"
    return pd.DataFrame({
        columns[0]: _spans_text(rows, lang),
        columns[1]: rows["type"].map(lambda value: type_names.get(value, value)).to_numpy(object),
        columns[2]: _outlet_names(rows["outlet"], lang),
        columns[3]: _strings(rows[summary] if summary in rows else rows["type"]),
    })


def figures_over_time_table(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The figures of :func:`figures_over_time`, one row each by date: date, category, number as marked on the
    chart (``~2,500``, ``20–99``), the words as printed, subject and outlet. Rows the chart cannot place are
    listed too, with what they lack left empty."""
    words = _words(lang)
    columns = [words["col_date"], words["category"], words["col_number"], words["col_words"], words["subject"],
               words["outlet"]]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=columns)
    rows = figures.sort_values("as_of", kind="stable", na_position="last").reset_index(drop=True)
    value, low, high = _floats(rows["value"]), _floats(rows["low"]), _floats(rows["high"])
    qualifier, number_text = _strings(rows["qualifier"]), _strings(rows["number_text"])
    vague = np.isnan(value) | (qualifier == "vague")
    lo = np.where(np.isnan(low), high, low)
    hi = np.where(np.isnan(high), lo, high)
    marks, _ = _number_labels(value, lo, hi, np.isnan(high), qualifier, number_text, vague, lang)
    days, day_code = np.unique(_dates(rows["as_of"]).astype("datetime64[D]"), return_inverse=True)
    day_text = [formatting.date(d, lang) if not np.isnat(d) else "" for d in days]
    categories = _labels(lang).get("categories", {})
    return pd.DataFrame({
        columns[0]: [day_text[c] for c in day_code.ravel()],
        columns[1]: rows["category"].map(lambda value: categories.get(value, value)).to_numpy(object),
        columns[2]: [mark if mark != "?" else "" for mark in marks],
        columns[3]: number_text,
        columns[4]: _strings(rows["subject"]),
        columns[5]: _outlet_names(rows["outlet"], lang),
    })
