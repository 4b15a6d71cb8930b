"""Charts of the events and figures tables: pure functions returning plotly figures.

Nothing here knows about Streamlit. Every plotted point carries its row's identifier as
``customdata`` (a plain string: ``event_id`` or ``figure_id``), so a page can show the charts with
``st.plotly_chart(fig, on_select="rerun")`` and read the selected rows back from
``selection["points"][i]["customdata"]``.

Both charts build hover text for all rows with a few whole-column string operations and draw one
trace per outlet (or category) and kind of mark, never one per row, so 100,000 events take well
under a second; above 5,000 points they switch to WebGL (``go.Scattergl``).

All text that comes from articles (quotes, summaries, outlets, attributions) is HTML-escaped
before it goes into hover text, because plotly renders tags such as ``<b>`` and ``<a>`` there.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import language, palette
from .events import EVENT_TYPES

DAY = np.timedelta64(1, "D")
HALF_DAY = np.timedelta64(12, "h")
GL_THRESHOLD = 5_000          # points above which traces are WebGL
QUOTE_WIDTH = 60              # characters per hover line of a quote
QUOTE_LIMIT = 480             # longer quotes are cut (with " …") in hover text
TEXT_LABEL_LIMIT = 300        # figures chart: above this many points, no text labels next to marks
SPAN_PRECISIONS = ("week", "range")
BEFORE = "before"

# Interface words that labels.toml does not have. Unknown languages fall back to English.
_WORDS = {
    "en": {
        "week": "week", "range": "range", "before": "before", "unknown_date": "date unknown",
        "outlet": "Outlet", "unknown_outlet": "unknown outlet", "category": "Category",
        "subject": "Subject", "as_of": "as of", "inferred": "inferred", "attribution": "According to",
        "undated": "{n} undated event(s) not shown", "unplaced": "{n} figure(s) without a number or date not shown",
        "no_events": "No events to show", "no_figures": "No figures to show", "count_axis": "Reported count (log scale)",
    },
    "id": {
        "week": "pekan", "range": "rentang", "before": "sebelum", "unknown_date": "tanggal tidak diketahui",
        "outlet": "Media", "unknown_outlet": "media tidak diketahui", "category": "Kategori",
        "subject": "Subjek", "as_of": "per", "inferred": "disimpulkan", "attribution": "Menurut",
        "undated": "{n} peristiwa tanpa tanggal tidak ditampilkan",
        "unplaced": "{n} angka tanpa nilai atau tanggal tidak ditampilkan",
        "no_events": "Tidak ada peristiwa", "no_figures": "Tidak ada angka", "count_axis": "Jumlah yang dilaporkan (skala log)",
    },
}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Thousands and decimal separators per language.
_SEPARATORS = {"en": (",", "."), "id": (".", ",")}
_QUALIFIER_MARKS = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤"}


# --------------------------------------------------------------------------- language helpers

def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


@lru_cache(maxsize=None)
def _labels(lang: str) -> dict:
    try:
        return language.load("labels", lang)
    except FileNotFoundError:
        return language.load("labels", "en")


@lru_cache(maxsize=None)
def month_names(lang: str = "en") -> tuple[str, ...]:
    """Month names for dates shown to people: ``lang/<lang>/dates.toml`` if it lists months (their
    first, full spelling, capitalised: "Januari"), else English abbreviations ("Jan")."""
    try:
        months = language.load("dates", lang)["months"]
        names = tuple(str(spellings[0]).capitalize() for spellings in months)
        if len(names) == 12:
            return names
    except (FileNotFoundError, KeyError, IndexError, TypeError):
        pass
    return _EN_MONTHS


def _to_date(value) -> dt.date | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def _day(d: dt.date, lang: str, year: bool = True, month: bool = True) -> str:
    text = str(d.day)
    if month:
        text += " " + month_names(lang)[d.month - 1]
    if year:
        text += f" {d.year}"
    return text


def format_date_span(date, date_end=None, precision: str | None = "day", lang: str = "en") -> str:
    """A date or span as people write it, in `lang`.

    ``5 Jan 2022``; ``3–9 Jan 2022 (week)``; ``28 Jan – 3 Feb 2022 (range)``;
    ``before 13 Jan 2022`` (precision "before": only known to precede date_end). Indonesian uses
    the month names of ``lang/id/dates.toml``: ``3–9 Januari 2022 (pekan)``.
    """
    words = _words(lang)
    start, end = _to_date(date), _to_date(date_end)
    if start is None and end is None:
        return words["unknown_date"]
    start = start or end
    end = end if end is not None and end >= start else start
    if precision == BEFORE and start == end:
        return f"{words['before']} {_day(end, lang)}"
    if start == end:
        text = _day(start, lang)
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}–{_day(end, lang)}"
    elif start.year == end.year:
        text = f"{_day(start, lang, year=False)} – {_day(end, lang)}"
    else:
        text = f"{_day(start, lang)} – {_day(end, lang)}"
    if precision in words and precision not in ("day",) and start != end:
        text += f" ({words[precision]})"
    return text


def format_number(value: float, lang: str = "en") -> str:
    """``4400`` -> ``"4,400"`` (en) or ``"4.400"`` (id); decimals only when there are any."""
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": thousands, ".": decimal}))


# --------------------------------------------------------------------------- vectorised text

_SEP, _BREAK = "\x1f", "\x1e"


def _strings(values) -> list[str]:
    """Column -> list of str, missing values as ""; control characters we use as markers removed."""
    series = pd.Series(values, copy=False)
    out = series.astype("object").where(series.notna(), "").tolist()
    return [v if type(v) is str else str(v) for v in out]


def _joined(texts: list[str]) -> str:
    big = _SEP.join(texts)
    if big.count(_SEP) != len(texts) - 1 or _BREAK in big:
        big = _SEP.join(t.replace(_SEP, " ").replace(_BREAK, " ") for t in texts)
    return big.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _escape_joined(big: str) -> str:
    return big.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_html(texts) -> list[str]:
    """HTML-escape many strings at once (``&``, ``<``, ``>``); missing values become ""."""
    texts = _strings(texts)
    if not texts:
        return []
    return _escape_joined(_joined(texts)).split(_SEP)


def wrap_html(texts, width: int = QUOTE_WIDTH, limit: int | None = QUOTE_LIMIT) -> list[str]:
    """Escape many strings and break each into lines of about `width` characters with ``<br>``.

    A line ends at the first space at or after each multiple of `width` characters from the start
    of its text, so lines run from somewhat under to somewhat over `width` and words are never cut.
    Texts longer than `limit` are cut at a word boundary and end in " …". Whole-column work: one
    joined string, numpy for the break positions, C string methods for the rest.
    """
    texts = _strings(texts)
    if not texts:
        return []
    if limit is not None:
        texts = [t if len(t) <= limit else t[:limit].rsplit(" ", 1)[0] + " …" for t in texts]
    big = _joined(texts)
    raw = bytearray(big.encode("utf-16-le"))
    units = np.frombuffer(raw, dtype=np.uint16)
    seps = np.flatnonzero(units == 0x1F)
    starts = np.concatenate(([0], seps + 1))
    ends = np.concatenate((seps, [units.size]))
    counts = np.maximum((ends - starts - 1) // width, 0)
    spaces = np.flatnonzero((units == 0x20) | (units == 0xA0))   # no-break spaces too
    if counts.sum() and spaces.size:
        owner = np.repeat(np.arange(starts.size), counts)
        nth = np.arange(owner.size) - np.repeat(np.cumsum(counts) - counts, counts) + 1
        targets = starts[owner] + width * nth
        found = np.searchsorted(spaces, targets)
        ok = found < spaces.size
        positions = spaces[np.minimum(found, spaces.size - 1)]
        ok &= positions < ends[owner] - 1
        units[np.unique(positions[ok])] = 0x1E
    big = raw.decode("utf-16-le")
    return _escape_joined(big).replace(_BREAK, "<br>").split(_SEP)


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


def _outlets(values, lang: str) -> np.ndarray:
    series = pd.Series(values, copy=False).astype("object")
    return series.where(series.notna() & (series != ""), "(" + _words(lang)["unknown_outlet"] + ")").to_numpy()


def _date_texts(start: np.ndarray, end: np.ndarray, precision: np.ndarray, lang: str) -> np.ndarray:
    """format_date_span for every row, computed once per distinct (date, date_end, precision)."""
    kinds, kind_codes = np.unique(precision.astype(str), return_inverse=True)
    keys = np.column_stack((start.view("i8"), end.view("i8"), kind_codes.astype("i8")))
    unique, inverse = np.unique(keys, axis=0, return_inverse=True)
    texts = [format_date_span(_nat(s), _nat(e), kinds[k], lang) for s, e, k in unique]
    return np.asarray(texts, dtype=object)[inverse.ravel()]


def _nat(value: np.int64):
    return None if value == np.iinfo(np.int64).min else pd.Timestamp(int(value))


def _date_axis(lo: np.datetime64, hi: np.datetime64) -> dict:
    """Dates as "05 Jan". Up to 16 days: one labelled tick per day, the label centred on its day."""
    axis = dict(type="date", tickformat="%d %b", showgrid=True, gridcolor="#eeeeee", zeroline=False)
    if not (np.isnat(lo) or np.isnat(hi)) and (hi - lo) <= np.timedelta64(16, "D"):
        axis.update(dtick=86_400_000, ticklabelmode="period")
    return axis


def _scatter(n_points: int):
    return go.Scattergl if n_points > GL_THRESHOLD else go.Scatter


# --------------------------------------------------------------------------- event timeline

def _lanes(types: np.ndarray) -> list[str]:
    present = set(types.tolist())
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
    events (only known to precede ``date_end``) thinner dotted bars; each bar has a marker at its
    middle that carries the hover text and the ``customdata`` (event_id), so every event has
    exactly one selectable point. Events without a date are left out and counted in a note.
    ``fig.layout.meta`` holds ``{"lanes": [types...], "undated": [event_ids...]}``.
    """
    words = _words(lang)
    if events is None or len(events) == 0:
        return empty_figure(words["no_events"])

    start = _dates(events["date"])
    end = _dates(events["date_end"])
    end = np.where(np.isnat(end) | (end < start), start, end)
    dated = ~np.isnat(start)
    ids = _strings(events["event_id"])
    undated = [i for i, ok in zip(ids, dated) if not ok]
    if not dated.any():
        fig = empty_figure(words["undated"].format(n=len(undated)))
        fig.layout.meta = {"lanes": [], "undated": undated}
        return fig
    if not dated.all():
        events = events[dated]
        start, end, ids = start[dated], end[dated], [i for i, ok in zip(ids, dated) if ok]

    ids = np.asarray(ids, dtype=object)
    types = pd.Series(events["type"], copy=False).astype("object").fillna("other").to_numpy()
    precision = pd.Series(events["date_precision"], copy=False).astype("object").fillna("day").to_numpy()
    outlets = _outlets(events["outlet"], lang)
    labels = _labels(lang)["event_types"]

    lanes = _lanes(types)
    lane = pd.Categorical(types, categories=lanes).codes.astype(float)
    outlet_names = sorted(set(outlets.tolist()))
    colors = palette.outlet_colors(outlet_names)
    outlet_code = pd.Categorical(outlets, categories=outlet_names).codes
    y = lane + _offsets(len(outlet_names))[outlet_code]

    is_before = precision == BEFORE
    is_span = ~is_before & (np.isin(precision, SPAN_PRECISIONS) | (end > start))
    kind = np.where(is_before, 2, np.where(is_span, 1, 0))   # 0 day, 1 span, 2 before
    stop = end + DAY
    mid = start + (stop - start) // 2

    summary_column = "summary_id" if lang == "id" else "summary_en"
    summaries = events[summary_column] if summary_column in events else events["type"]
    hover = [
        f"{d}<br><b>{s}</b><br>{o}<br><i>{q}</i>" if q else f"{d}<br><b>{s}</b><br>{o}"
        for d, s, o, q in zip(_date_texts(start, end, precision, lang), escape_html(summaries),
                              escape_html(outlets), wrap_html(events["quote"]))
    ]
    hover = np.asarray(hover, dtype=object)

    scatter = _scatter(len(ids))
    size = 7 if compact else 10
    line_width = 5 if compact else 7
    traces: list = []
    markers: list = []
    for code, outlet in enumerate(outlet_names):
        color = colors[outlet]
        mine = outlet_code == code
        shown = False
        for k, symbol in ((0, "circle"), (1, "diamond"), (2, "triangle-left")):
            rows = np.flatnonzero(mine & (kind == k))
            if rows.size == 0:
                continue
            if k:
                # One line trace per outlet and kind: segments separated by gaps (None).
                n = rows.size
                xs = np.empty(3 * n, dtype="datetime64[ns]")
                xs[0::3], xs[1::3], xs[2::3] = start[rows], stop[rows], np.datetime64("NaT")
                ys = np.empty(3 * n)
                ys[0::3] = ys[1::3] = y[rows]
                ys[2::3] = np.nan
                cd = np.empty(3 * n, dtype=object)
                cd[0::3] = cd[1::3] = ids[rows]
                cd[2::3] = None
                traces.append(scatter(
                    x=xs, y=ys, customdata=cd, mode="lines", name=outlet, legendgroup=outlet,
                    showlegend=False, hoverinfo="skip",
                    line=dict(color=palette.rgba(color, 0.35 if k == 2 else 0.55),
                              width=line_width - 2 if k == 2 else line_width,
                              dash="dot" if k == 2 else "solid"),
                ))
            markers.append(scatter(
                x=(mid if k else start + HALF_DAY)[rows], y=y[rows], customdata=ids[rows],
                mode="markers", name=outlet, legendgroup=outlet, showlegend=not shown,
                hovertext=hover[rows], hoverinfo="text",
                marker=dict(color=color, symbol=symbol, size=size if k == 0 else size - 1,
                            opacity=0.75 if k == 2 else 1.0, line=dict(color="white", width=1)),
                hoverlabel=dict(bordercolor=color),
            ))
            shown = True
    fig = go.Figure(data=traces + markers)   # bars under markers

    lane_labels = [labels.get(t, t) for t in lanes]
    per_lane = 26 if compact else 34
    font_size = 11 if compact else 12
    bands = [dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=i - 0.5, y1=i + 0.5,
                  fillcolor="rgba(0,0,0,0.035)", line_width=0, layer="below")
             for i in range(1, len(lanes), 2)]
    fig.update_layout(
        height=60 + per_lane * len(lanes),
        margin=dict(l=16 + int(font_size * 0.6 * max(len(s) for s in lane_labels)), r=12, t=34, b=26),
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=1.0, yanchor="bottom",
                    title=dict(text="" if compact else words["outlet"] + ":"),
                    font=dict(size=font_size), itemsizing="constant"),
        xaxis=_date_axis(start.min(), stop.max()),
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

def _category_order(categories: np.ndarray, lang: str) -> list[str]:
    known = list(_labels(lang).get("categories", {}))
    present = set(categories.tolist())
    return [c for c in known if c in present] + sorted(present - set(known))


def figures_over_time(figures: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Reported figures by ``as_of`` date on a log axis: one mark per row, never summed.

    Colour is the category, marker symbol the outlet (second legend). A number with a value is
    drawn at it with a short label ("26", "~2,500", "≥4,400", "≤2,000"); a vague one ("puluhan",
    value empty) at the geometric middle of low and high, as an open marker with an error bar
    from low to high, labelled "20–99". Outlets reporting on the same day are spread a few hours
    apart inside the day. Rows with no number at all or no date cannot be placed and are counted
    in a note. ``customdata`` is the figure_id.
    """
    words = _words(lang)
    if figures is None or len(figures) == 0:
        return empty_figure(words["no_figures"])
    labels = _labels(lang)

    value = pd.Series(figures["value"], copy=False).astype("Float64").to_numpy(float, na_value=np.nan)
    low = pd.Series(figures["low"], copy=False).astype("Float64").to_numpy(float, na_value=np.nan)
    high = pd.Series(figures["high"], copy=False).astype("Float64").to_numpy(float, na_value=np.nan)
    qualifier = pd.Series(figures["qualifier"], copy=False).astype("object").fillna("exact").to_numpy()
    as_of = _dates(figures["as_of"])

    vague = np.isnan(value) | (qualifier == "vague")
    lo = np.where(np.isnan(low), high, low)
    hi = np.where(np.isnan(high), lo, high)
    middle = np.sqrt(np.maximum(lo, 1) * np.maximum(hi, 1))
    y = np.where(vague, middle, np.where(np.isnan(value), lo, value))
    y = np.where(y < 1, 1.0, y)          # a count of 0 sits on the axis floor; its label says 0
    placed = ~np.isnan(y) & ~np.isnat(as_of)
    missing = int((~placed).sum())
    if not placed.any():
        return empty_figure(words["unplaced"].format(n=missing))
    if missing:
        figures, value, low, high, qualifier, as_of, vague, lo, hi, y = (
            a[placed] for a in (figures, value, low, high, qualifier, as_of, vague, lo, hi, y))
    err_plus = np.where(vague, np.maximum(hi - y, 0), 0.0)
    err_minus = np.where(vague, np.maximum(y - np.maximum(lo, 1), 0), 0.0)

    number = lambda v: format_number(v, lang)  # noqa: E731
    marks, phrases = [], []
    templates = labels.get("qualifiers", {})
    number_text = _strings(figures["number_text"])
    for v, l_, h, q, t, is_vague in zip(value, lo, hi, qualifier, number_text, vague):
        if is_vague:
            span = (f"{number(l_)}–{number(h)}" if h > l_ else f"≥{number(l_)}") if not np.isnan(l_) else "?"
            marks.append(span)
            phrases.append(templates.get("vague", "{text}").format(text=t, value=span) + f" ({span})")
        else:
            shown = v if not np.isnan(v) else l_
            marks.append(_QUALIFIER_MARKS.get(q, "") + number(shown))
            phrases.append(templates.get(q, "{value}").format(value=number(shown), text=t))

    categories = pd.Series(figures["category"], copy=False).astype("object").fillna("other").to_numpy()
    outlets = _outlets(figures["outlet"], lang)
    outlet_names = sorted(set(outlets.tolist()))
    outlet_code = pd.Categorical(outlets, categories=outlet_names).codes
    symbols = palette.outlet_symbols(outlet_names)
    n_out = len(outlet_names)
    spread = np.timedelta64(min(3 * 3600, 12 * 3600 // max(n_out, 1)), "s")
    x = as_of + HALF_DAY + ((outlet_code - (n_out - 1) / 2) * spread.astype(float)).astype("timedelta64[s]")

    category_labels = labels.get("categories", {})
    inferred = pd.Series(figures["as_of_inferred"], copy=False).astype("boolean").fillna(False).to_numpy(bool)
    as_of_text = [format_date_span(d, d, "day", lang) for d in as_of]
    esc_phrases = escape_html(phrases)
    esc_number_text = escape_html(number_text)
    esc_subject = escape_html(figures["subject"])
    esc_outlet = escape_html(outlets)
    esc_attr = escape_html(figures["attribution"])
    quotes = wrap_html(figures["quote"])
    esc_category = dict(zip(set(categories.tolist()), escape_html([category_labels.get(c, c) for c in set(categories.tolist())])))
    hover = []
    for i, cat in enumerate(categories):
        lines = [f"<b>{esc_category[cat]}: {esc_phrases[i]}</b>"
                 + (f" — “{esc_number_text[i]}”" if esc_number_text[i] and not vague[i]
                    and esc_number_text[i].casefold() != esc_phrases[i].casefold() else "")]
        if esc_subject[i]:
            lines.append(f"{words['subject']}: {esc_subject[i]}")
        lines.append(f"{esc_outlet[i]}, {words['as_of']} {as_of_text[i]}"
                     + (f" ({words['inferred']})" if inferred[i] else ""))
        if esc_attr[i]:
            lines.append(f"{words['attribution']}: {esc_attr[i]}")
        if quotes[i]:
            lines.append(f"<i>{quotes[i]}</i>")
        hover.append("<br>".join(lines))
    hover = np.asarray(hover, dtype=object)
    marks = np.asarray(marks, dtype=object)
    ids = np.asarray(_strings(figures["figure_id"]), dtype=object)
    point_symbols = np.asarray([symbols[o] for o in outlets], dtype=object)

    scatter = _scatter(len(ids))
    with_text = len(ids) <= TEXT_LABEL_LIMIT
    colors = palette.category_colors()
    traces = []
    for rank, cat in enumerate(_category_order(categories, lang)):
        color = colors.get(cat, palette.TOL_GREY)
        name = category_labels.get(cat, cat)
        shown = False
        for is_vague in (False, True):
            rows = np.flatnonzero((categories == cat) & (vague == is_vague))
            if rows.size == 0:
                continue
            sym = point_symbols[rows]
            trace = dict(
                x=x[rows], y=y[rows], customdata=ids[rows], name=name, legendgroup=cat,
                showlegend=not shown, legendrank=rank, hovertext=hover[rows], hoverinfo="text",
                mode="markers+text" if with_text else "markers",
                marker=dict(color=color, size=10,
                            symbol=np.char.add(sym.astype(str), "-open") if is_vague else sym,
                            line=dict(color=color if is_vague else "white", width=2 if is_vague else 1)),
                hoverlabel=dict(bordercolor=color),
            )
            if with_text:
                trace.update(text=marks[rows], textposition="middle right",
                             textfont=dict(size=10, color="#444"))
            if is_vague:
                trace["error_y"] = dict(type="data", symmetric=False, array=err_plus[rows],
                                        arrayminus=err_minus[rows], color=color, thickness=1.5, width=5)
            traces.append(scatter(**trace))
            shown = True
    # Second legend: which symbol is which outlet (legend-only traces, nothing to select).
    for outlet in outlet_names:
        traces.append(scatter(x=[None], y=[None], mode="markers", name=outlet, legend="legend2",
                              showlegend=True, hoverinfo="skip", meta="legend-only",
                              marker=dict(color="#777", size=9, symbol=symbols[outlet])))

    fig = go.Figure(data=traces)
    fig.update_layout(
        height=440, margin=dict(l=60, r=12, t=16, b=30), plot_bgcolor="white",
        xaxis=_date_axis(as_of.min(), as_of.max() + DAY),
        yaxis=dict(type="log", title=dict(text=words["count_axis"], font=dict(size=12)),
                   gridcolor="#eeeeee", zeroline=False),
        legend=dict(title=dict(text=words["category"]), x=1.01, y=1, xanchor="left", yanchor="top",
                    tracegroupgap=0),
        legend2=dict(title=dict(text=words["outlet"]), x=1.01, y=0, xanchor="left", yanchor="bottom"),
        hovermode="closest", clickmode="event+select", dragmode="select",
        hoverlabel=dict(bgcolor="white", font=dict(color="#222", size=12), align="left"),
        uirevision="figures_over_time",
    )
    if missing:
        fig.add_annotation(text=words["unplaced"].format(n=missing), xref="paper", yref="paper",
                           x=1, y=1, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    return fig
