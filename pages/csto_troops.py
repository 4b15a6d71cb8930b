"""CSTO troops: arcs from the members' capitals to where the sources place the troops, day by day;
the phases as the sources date them, troop figures per source and per country, commander and ceremonies."""
import streamlit as st

from kzdata import troops
from ui import frame
from ui import troops_view as view

ctx = frame.context()
st.title(view.w(ctx, "title"))
frame.show_notices(ctx)
contingents = troops.contingents(ctx.view.events, ctx.view.figures, ctx.lang)
phases = troops.phases(ctx.view.events)
counts = troops.troop_figures(ctx.view.figures, ctx.lang)
if contingents.empty and phases.empty and counts.empty:
    st.info(view.w(ctx, "empty"))
    st.stop()

st.caption(view.w(ctx, "intro"))
span = troops.days(contingents, phases)
if contingents.empty:
    st.info(view.w(ctx, "no_contingents"))
if span is not None:
    view.seed_day(ctx, *span)
    view.show_map(ctx, contingents, phases, span[0], span[1])
if not phases.empty:
    view.show_phases(ctx, phases)
view.show_figures(ctx, counts, contingents)
view.show_commander(ctx, troops.commander_and_ceremonies(ctx.view.events))
