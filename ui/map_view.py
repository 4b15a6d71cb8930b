"""The map page's parts: address-linked controls, the lists beside the map and the figures of the day.

What is drawn is computed by kzdata.event_map; these functions lay it out. Tables are built once per
view and day (ui.memo), since moving the day slider back and forth reruns the page.
"""
import datetime as dt

import pandas as pd
import streamlit as st

from kzdata import event_map, formatting, maps, urlstate

from . import chart_data, selection
from .day_player import linked_day
from .frame import Context, follow_link
from .memo import per_view
from .safe import plain
from .screen import on_phone
from .words import category_label, t

LIST_MAX = 40  # events listed beside or below the map at most: the latest
MAP_TABLE = {"tip_when": "col_when", "tip_type": "col_type", "tip_where": "col_place", "tip_outlet": "col_outlet",
             "tip_figure": "col_figure", "tip_summary": "col_summary"}  # tooltip column -> header in "Data behind this map"


def w(ctx: Context, key: str, **values) -> str:
    return t(key, ctx.lang, topic="ui_map", **values)


def address_day(ctx: Context, raw: str | None, first: dt.date, last: dt.date) -> dt.date | None:
    """The address's day when it is new, moved into [first, last]; a notice for a day that is not a date or is outside."""
    if raw is None or st.session_state.get("map_day_linked") == raw:
        return None
    day, problem = linked_day(raw, first, last)
    if problem == "bad_day":
        st.warning(plain(w(ctx, "bad_day", value=repr(raw[:40]))))
    elif problem == "day_moved":
        st.warning(plain(w(ctx, "day_moved", value=raw, day=day.isoformat())))
    return day


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


def choose_view(ctx: Context, column) -> str:
    """The view preset (country or Almaty): the address's when it is new, else the reader's choice."""
    raw = ctx.extra.get("view")
    if raw is not None and raw not in event_map.MAP_VIEWS and st.session_state.get("map_view_linked") != raw:
        st.warning(plain(w(ctx, "bad_view", value=repr(raw[:40]))))
    follow_link("map_view", raw if raw in event_map.MAP_VIEWS else None)
    st.session_state.setdefault("map_view", "country")
    views = maps.views()
    view = column.radio(w(ctx, "view"), event_map.MAP_VIEWS, key="map_view", horizontal=True,
                        format_func=lambda name: views[name].get(f"label_{ctx.lang}", name))
    st.session_state.map_view_linked = view if view != "country" else None
    return view


def seed_day(ctx: Context, first: dt.date, last: dt.date) -> None:
    """The day within [first, last]: the address's when it is new, else the slider's, else the last."""
    if (from_link := address_day(ctx, ctx.extra.get("day"), first, last)) is not None:
        st.session_state.map_day = from_link
    day = st.session_state.get("map_day")
    if not isinstance(day, dt.date) or not first <= day <= last:
        st.session_state.map_day = last if day is None else min(max(day, first), last)


def day_control(ctx: Context, first, last):
    """The day slider (or the only day), written to the address with the view."""
    if first is not None and first < last:
        day = st.slider(w(ctx, "day"), min_value=first, max_value=last, key="map_day", step=dt.timedelta(days=1),
                        format="D MMM YYYY", help=w(ctx, "day_help"))
    else:
        day = first
        if day is not None:
            st.caption(w(ctx, "only_day", day=formatting.date(day, ctx.lang)))
    st.session_state.map_day_linked = day.isoformat() if day is not None and day != last else None
    st.query_params.from_dict(urlstate.to_query(ctx.filters, view=st.session_state.map_view_linked,
                                                day=st.session_state.map_day_linked))
    return day


def day_rows(ctx: Context, day) -> tuple:
    """(counts, points, regions, country-wide, unplaced) for the day, kept per view and day."""
    events, figures, lang = ctx.view.events, ctx.view.figures, ctx.lang
    return per_view(ctx, "map_rows", lambda: (
        event_map.counts(events, day),
        event_map.map_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS),
        event_map.region_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS),
        event_map.country_rows(events, day, lang, limit=LIST_MAX),
        event_map.unplaced_rows(events, day, lang, limit=LIST_MAX)), day)


def map_for_day(ctx: Context, view: str, day) -> None:
    """The map of the day with its legend and lists, the selected marker's sentence, and the day's figures."""
    lang, events, figures = ctx.lang, ctx.view.events, ctx.view.figures
    number, points, regions, countries, unplaced = day_rows(ctx, day)
    day_text = formatting.date(day, lang) if day is not None else ""
    if not sum(number.values()):
        st.info(w(ctx, "nothing_yet", day=day_text))
    else:
        st.caption(w(ctx, "counts", day=day_text, **{k: formatting.number(v, lang) for k, v in number.items()}))
    if max(number["points"], number["regions"]) > event_map.MAX_MARKERS:
        st.caption(w(ctx, "capped", limit=formatting.number(event_map.MAX_MARKERS, lang)))
    map_column, side = st.columns([3, 1], gap="small")
    phone = on_phone()
    with map_column:
        deck = per_view(ctx, "map_deck", lambda: event_map.event_deck(events, figures, view, lang, day,
                                                                      drawn=(points, regions), phone=phone),
                        view, day, phone)
        state = st.pydeck_chart(deck, height=maps.map_height(event_map.preset(view, phone)), on_select="rerun",
                                selection_mode="single-object", key=f"map_deck_{view}")
        st.html(event_map.markers_html(lang))
        headers = {column: w(ctx, key) for column, key in MAP_TABLE.items()}
        chart_data.data_below(per_view(ctx, "map_tips", lambda: chart_data.tip_table(pd.concat([points, regions]),
                                                                                       headers), day), lang, "map")
    drawn = pd.concat([points[["event_id", "type", "lat", "lon", "offset"]],
                       regions[["event_id", "type", "lat", "lon", "offset"]]], ignore_index=True)
    with side:
        entries = per_view(ctx, "map_legend", lambda: event_map.legend(event_map.in_view(drawn, view, phone), lang),
                           view, day, phone)
        if entries:
            st.html(event_map.legend_html(entries, lang))
        st.markdown(f"**{plain(w(ctx, 'country_level'))}**", help=w(ctx, "beside_note"))
        listed(ctx, countries, number["countries"], compact=True)
    picked = event_map.picked_event(state)
    if picked in set(drawn.event_id):
        selection.show(events, [picked], "event", ctx)
    elif not drawn.empty:
        st.caption(w(ctx, "select_hint"))
    st.markdown(f"**{plain(w(ctx, 'unplaced'))}**", help=w(ctx, "unplaced_note"))
    listed(ctx, unplaced, number["unplaced"])
    st.subheader(w(ctx, "figures_heading", day=day_text))
    st.caption(w(ctx, "figures_note"))
    figures_table(ctx, per_view(ctx, "map_day_figures", lambda: event_map.figures_by(figures, day), day), day)
