"""Map: where the events in view happened, day by day, over the bundled outlines (readable offline).

?view=country|almaty picks the view; ?day=YYYY-MM-DD the day (default: the last day of the data in view).
The builders are in kzdata/event_map.py, the page's parts in ui/map_view.py; this page lays them out.
"""
import time

import streamlit as st

from kzdata import event_map
from ui import frame
from ui import map_view as mv

ctx = frame.context()
if not frame.page_heading(ctx, mv.w(ctx, "title")):
    st.stop()
st.caption(mv.w(ctx, "intro"))

first, last = event_map.span(ctx.view.events, ctx.view.figures)
controls = st.columns([3, 1], vertical_alignment="bottom")
view = mv.choose_view(ctx, controls[0])
if first is not None and first < last:
    mv.seed_day(ctx, first, last)
    controls[1].toggle(mv.w(ctx, "play"), key="map_play", on_change=mv.start_play, help=mv.w(ctx, "play_help"))
playing = bool(st.session_state.get("map_play")) and first is not None and first < last
this_run = {"full": True}  # the fragment's closure: True only while it runs as part of a full run


@st.fragment(run_every=mv.PLAY_SECONDS if playing else None)
def day_and_map() -> None:
    """Re-run alone on each Play tick, which moves the day on; a full run draws the day as it is."""
    full_run, this_run["full"] = this_run["full"], False
    if playing and not full_run and time.monotonic() - st.session_state.get("map_play_at", 0.0) >= 0.8 * mv.PLAY_SECONDS:
        st.session_state.map_day, going_on = event_map.next_day(st.session_state.map_day, first, last)
        st.session_state.map_play_at = time.monotonic()
        if not going_on:
            st.session_state.map_play = False
            st.rerun(scope="app")
    mv.map_for_day(ctx, view, mv.day_control(ctx, first, last))


day_and_map()
