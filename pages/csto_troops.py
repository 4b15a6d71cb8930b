"""CSTO troops: arcs from the members' capitals to where the sources place the troops, day by day;
the phases as the sources date them, troop figures per source and per country, commander and ceremonies."""
import streamlit as st

from kzdata import troops
from ui import frame, memo
from ui import troops_view as view

ctx = frame.context()
st.title(view.w(ctx, "title"))
frame.show_notices(ctx)
events, figures = ctx.view.events, ctx.view.figures
contingents = memo.per_view(ctx, "contingents", lambda: troops.contingents(events, figures, ctx.lang))
phases = memo.per_view(ctx, "phases", lambda: troops.phases(events))
counts = memo.per_view(ctx, "troop_figures", lambda: troops.troop_figures(figures, ctx.lang))
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
view.show_commander(ctx, memo.per_view(ctx, "commander", lambda: troops.commander_and_ceremonies(events)))
