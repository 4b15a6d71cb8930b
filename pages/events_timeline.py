"""Timeline: events in lanes by type, reported figures by date, and the sentence behind a selection."""
import streamlit as st

from kzdata import charts
from ui import frame, selection
from ui.chart_data import chart_with_data
from ui.words import t

ctx = frame.context()
lang = ctx.lang
if not frame.page_heading(ctx, t("timeline", lang)):
    st.stop()

if not ctx.view.events.empty:
    st.subheader(t("events_by_type", lang))
    st.caption(t("select_hint", lang))
    state = chart_with_data(charts.event_timeline(ctx.view.events, lang), charts.event_timeline_table(ctx.view.events, lang),
                            lang, on_select="rerun", selection_mode=("points", "box"), key="timeline_events")
    selection.show(ctx.view.events, selection.picked_ids(state), "event", ctx)

if not ctx.view.figures.empty:
    st.subheader(t("figures_over_time", lang))
    state = chart_with_data(charts.figures_over_time(ctx.view.figures, lang),
                            charts.figures_over_time_table(ctx.view.figures, lang),
                            lang, on_select="rerun", selection_mode=("points", "box"), key="timeline_figures")
    selection.show(ctx.view.figures, selection.picked_ids(state), "figure", ctx)
