"""Map: where the events in view happened, day by day, over the bundled outlines (readable offline).

?view=country|almaty picks the view; ?day=YYYY-MM-DD the day (default: the last day of the data in view).
The builders are in kzdata/event_map.py; this page only lays them out.
"""
import datetime as dt
import time
from functools import partial

import pandas as pd
import streamlit as st

from kzdata import event_map, formatting, maps, urlstate
from ui import chart_data, frame, selection
from ui import map_view as mv
from ui.memo import per_view
from ui.safe import plain

MAP_HEIGHT = 560
LIST_MAX = 40  # events listed beside or below the map at most: the latest
MAP_TABLE = {"tip_when": "col_when", "tip_type": "col_type", "tip_where": "col_place", "tip_outlet": "col_outlet",
             "tip_figure": "col_figure", "tip_summary": "col_summary"}  # tooltip column -> header in "Data behind this map"
ctx = frame.context()
lang = ctx.lang
events, figures = ctx.view.events, ctx.view.figures
w = partial(mv.w, ctx)


if not frame.page_heading(ctx, w("title")):
    st.stop()
st.caption(w("intro"))

first, last = event_map.span(events, figures)
views = maps.views()
raw_view = ctx.extra.get("view")
if raw_view is not None and raw_view not in event_map.MAP_VIEWS and st.session_state.get("map_view_linked") != raw_view:
    st.warning(plain(w("bad_view", value=repr(raw_view[:40]))))
mv.follow_link("map_view", raw_view if raw_view in event_map.MAP_VIEWS else None)
st.session_state.setdefault("map_view", "country")

controls = st.columns([3, 1], vertical_alignment="bottom")
view = controls[0].radio(w("view"), event_map.MAP_VIEWS, key="map_view", horizontal=True,
                         format_func=lambda name: views[name].get(f"label_{lang}", name))
st.session_state.map_view_linked = view if view != "country" else None

if first is not None and first < last:
    st.session_state.map_first, st.session_state.map_last = first, last
    if (from_link := mv.linked_day(ctx, ctx.extra.get("day"), first, last)) is not None:
        st.session_state.map_day = from_link
    day_state = st.session_state.get("map_day")
    if not isinstance(day_state, dt.date) or not first <= day_state <= last:
        st.session_state.map_day = last if day_state is None else min(max(day_state, first), last)
    controls[1].toggle(w("play"), key="map_play", on_change=mv.start_play, help=w("play_help"))
playing = bool(st.session_state.get("map_play")) and first is not None and first < last
this_run = {"full": True}  # the fragment's closure: True only while it runs as part of a full run


@st.fragment(run_every=mv.PLAY_SECONDS if playing else None)
def day_and_map() -> None:
    full_run, this_run["full"] = this_run["full"], False
    if playing and not full_run and time.monotonic() - st.session_state.get("map_play_at", 0.0) >= 0.8 * mv.PLAY_SECONDS:
        st.session_state.map_day, going_on = event_map.next_day(st.session_state.map_day, first, last)
        st.session_state.map_play_at = time.monotonic()
        if not going_on:
            st.session_state.map_play = False
            st.rerun(scope="app")
    if first is not None and first < last:
        day = st.slider(w("day"), min_value=first, max_value=last, key="map_day", step=dt.timedelta(days=1),
                        format="YYYY-MM-DD", help=w("day_help"))
    else:
        day = first
        if day is not None:
            st.caption(w("only_day", day=formatting.date(day, lang)))
    st.session_state.map_day_linked = day.isoformat() if day is not None and day != last else None
    st.query_params.from_dict(urlstate.to_query(ctx.filters, view=st.session_state.map_view_linked,
                                                day=st.session_state.map_day_linked))

    number, points, regions, countries, unplaced = per_view(ctx, "map_rows", lambda: (
        event_map.counts(events, day),
        event_map.map_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS),
        event_map.region_rows(events, figures, day, lang, limit=event_map.MAX_MARKERS),
        event_map.country_rows(events, day, lang, limit=LIST_MAX),
        event_map.unplaced_rows(events, day, lang, limit=LIST_MAX)), day)
    day_text = formatting.date(day, lang) if day is not None else ""
    if not sum(number.values()):
        st.info(w("nothing_yet", day=day_text))
    else:
        st.caption(w("counts", day=day_text, **{k: formatting.number(v, lang) for k, v in number.items()}))
    if max(number["points"], number["regions"]) > event_map.MAX_MARKERS:
        st.caption(w("capped", limit=formatting.number(event_map.MAX_MARKERS, lang)))

    map_column, side = st.columns([3, 1], gap="small")
    with map_column:
        deck = per_view(ctx, "map_deck", lambda: event_map.event_deck(events, figures, view, lang, day,
                                                                      drawn=(points, regions)), view, day)
        state = st.pydeck_chart(deck, height=MAP_HEIGHT,
                                on_select="rerun", selection_mode="single-object", key=f"map_deck_{view}")
        st.html(event_map.markers_html(lang))
        headers = {column: w(key) for column, key in MAP_TABLE.items()}
        chart_data.data_below(chart_data.tip_table(pd.concat([points, regions]), headers), lang, "map")
    drawn = pd.concat([points[["event_id", "type", "lat", "lon", "offset"]],
                       regions[["event_id", "type", "lat", "lon", "offset"]]], ignore_index=True)
    with side:
        if entries := event_map.legend(event_map.in_view(drawn, view), lang):
            st.html(event_map.legend_html(entries, lang))
        st.markdown(f"**{plain(w('country_level'))}**", help=w("beside_note"))
        mv.listed(ctx, countries, number["countries"], compact=True)

    picked = event_map.picked_event(state)
    if picked in set(drawn.event_id):
        selection.show(events, [picked], "event", ctx)
    elif not drawn.empty:
        st.caption(w("select_hint"))
    st.markdown(f"**{plain(w('unplaced'))}**", help=w("unplaced_note"))
    mv.listed(ctx, unplaced, number["unplaced"])

    st.subheader(w("figures_heading", day=day_text))
    st.caption(w("figures_note"))
    mv.figures_table(ctx, event_map.figures_by(figures, day), day)


day_and_map()
