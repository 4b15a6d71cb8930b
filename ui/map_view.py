"""The map page's parts: address-linked controls, the lists beside the map and the figures of the day.

What is drawn is computed by kzdata.event_map; these functions lay it out. Tables are built once per
view and day (ui.memo), since moving the day slider back and forth reruns the page.
"""
import datetime as dt
import time

import pandas as pd
import streamlit as st

from kzdata import formatting, urlstate

from .frame import Context
from .memo import per_view
from .safe import plain
from .words import category_label, t

PLAY_SECONDS = 1.0


def w(ctx: Context, key: str, **values) -> str:
    return t(key, ctx.lang, topic="ui_map", **values)


def follow_link(key: str, value) -> None:
    """A new value in the address sets the widget; the reader's own choice stays otherwise."""
    if value is not None and st.session_state.get(key + "_linked") != value:
        st.session_state[key] = value


def linked_day(ctx: Context, raw: str | None, first: dt.date, last: dt.date) -> dt.date | None:
    """The address's day, moved into [first, last]; a notice for a day that is not a date or is outside."""
    if raw is None or st.session_state.get("map_day_linked") == raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        st.warning(plain(w(ctx, "bad_day", value=repr(raw[:40]))))
        return None
    if not first <= day <= last:
        moved = min(max(day, first), last)
        st.warning(plain(w(ctx, "day_moved", value=raw, day=moved.isoformat())))
        return moved
    return day


def start_play() -> None:
    """Turning play on at the last day starts again from the first."""
    if st.session_state.get("map_play") and st.session_state.get("map_day") == st.session_state.get("map_last"):
        st.session_state.map_day = st.session_state.get("map_first")
    st.session_state.map_play_at = time.monotonic()


def listed(ctx: Context, rows: pd.DataFrame, total: int, compact: bool = False) -> None:
    """One line per event (the latest of `total`): day, type (and place), outlet, link to its sentence."""
    if rows.empty:
        st.caption(w(ctx, "none_beside"))
        return
    lines = []
    if total > len(rows):
        lines.append(f"- {plain(w(ctx, 'earlier', count=formatting.number(total - len(rows), ctx.lang)))}")
    links = urlstate.reader_links(rows.article_id, rows.sentence_id, ctx.filters)
    for row, link in zip(rows.itertuples(), links):
        what = f"{row.type_label} ({row.place})" if isinstance(row.place, str) and row.place else row.type_label
        lines.append(f"- **{plain(row.when)}** · {plain(what)} · {plain(row.outlet)} · [{w(ctx, 'open')}]({link})")
    (st.caption if compact else st.markdown)("\n".join(lines))


def figures_frame(ctx: Context, shown: pd.DataFrame) -> pd.DataFrame:
    shown = shown.sort_values(["as_of", "category", "figure_id"], kind="stable")
    return pd.DataFrame({
        "as_of": [formatting.date(d, ctx.lang) for d in shown.as_of],
        "figure": formatting.figure_texts(shown, ctx.lang),
        "category": [category_label(c, ctx.lang) for c in shown.category],
        "subject": shown.subject.astype(object).fillna("").to_numpy(),
        "place": shown.place.astype(object).fillna("").to_numpy(),
        "outlet": shown.outlet.astype(object).to_numpy(),
        "source": urlstate.reader_links(shown.article_id, shown.sentence_id, ctx.filters),
    })


def figures_table(ctx: Context, shown: pd.DataFrame, day) -> None:
    if shown.empty:
        st.caption(w(ctx, "no_figures"))
        return
    st.dataframe(per_view(ctx, "map_figures", lambda: figures_frame(ctx, shown), day), hide_index=True,
                 width="stretch", column_config={
                     "as_of": w(ctx, "col_as_of"), "figure": w(ctx, "col_figure"), "category": w(ctx, "col_category"),
                     "subject": w(ctx, "col_subject"), "place": w(ctx, "col_place"), "outlet": w(ctx, "col_outlet"),
                     "source": st.column_config.LinkColumn(w(ctx, "col_source"), display_text=w(ctx, "open"))})
