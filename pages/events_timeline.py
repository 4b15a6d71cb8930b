"""Timeline: events in lanes by type, reported figures by date, and the sentence behind a selection."""
import streamlit as st

from kzdata import charts
from ui import frame, selection
from ui.chart_data import chart_with_data
from ui.memo import per_view
from ui.words import t

ctx = frame.context()
lang = ctx.lang
if not frame.page_heading(ctx, t("timeline", lang)):
    st.stop()

events, figures = ctx.view.events, ctx.view.figures
if not events.empty:
    st.subheader(t("events_by_type", lang))
    st.caption(t("select_hint", lang))
    state = chart_with_data(*per_view(ctx, "timeline_events", lambda: (
        charts.event_timeline(events, lang), charts.event_timeline_table(events, lang))),
        lang, on_select="rerun", selection_mode=("points", "box"), key="timeline_events")
    selection.show(events, selection.picked_ids(state), "event", ctx)

if not figures.empty:
    st.subheader(t("figures_over_time", lang))
    state = chart_with_data(*per_view(ctx, "timeline_figures", lambda: (
        charts.figures_over_time(figures, lang), charts.figures_over_time_table(figures, lang))),
        lang, on_select="rerun", selection_mode=("points", "box"), key="timeline_figures")
    selection.show(figures, selection.picked_ids(state), "figure", ctx)
