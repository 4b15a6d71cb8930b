"""Map: where the events in view happened, day by day, over the bundled outlines (readable offline).

?view=country|almaty picks the view; ?day=YYYY-MM-DD the day (default: the last day of the data in view).
The builders are in kzdata/event_map.py, the page's parts in ui/map_view.py; this page lays them out.
"""
import streamlit as st

from kzdata import event_map
from ui import frame
from ui import map_view as mv
from ui.day_player import DayPlayer

ctx = frame.context()
if not frame.page_heading(ctx, mv.w(ctx, "title")):
    st.stop()
st.caption(mv.w(ctx, "intro"))

first, last = event_map.span(ctx.view.events, ctx.view.figures)
controls = st.columns([3, 1], vertical_alignment="bottom")
view = mv.choose_view(ctx, controls[0])


def day_and_map() -> None:
    mv.map_for_day(ctx, view, mv.day_control(ctx, first, last))


if first is not None and first < last:
    mv.seed_day(ctx, first, last)
    player = DayPlayer("map", first, last)
    player.button(mv.w(ctx, "play"), mv.w(ctx, "pause"), mv.w(ctx, "play_help"), controls[1])
    player.run(day_and_map)
else:
    day_and_map()
