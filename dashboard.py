"""Qantar: the overview page and the navigation every page shares."""
import streamlit as st

from kzdata import charts, urlstate
from kzdata.headlines import headline_claims
from ui import chart_data, frame, tables
from ui.memo import per_view
from ui.words import t

st.set_page_config(page_title="Qantar", page_icon=":material/public:", layout="wide")


def overview() -> None:
    ctx = frame.context()
    lang = ctx.lang
    if not frame.page_heading(ctx, t("app_title", lang)):
        return
    tables.summary_metrics(ctx)
    st.subheader(t("headline", lang))
    st.caption(t("headline_note", lang))
    for group, claims in per_view(ctx, "headline_claims", lambda: headline_claims(ctx.view.figures)).items():
        tables.headline_group(group, claims, ctx)
    st.subheader(t("compact_timeline", lang))
    if ctx.view.events.empty:
        st.info(t("no_events", lang))
    else:
        chart_data.chart_with_data(*per_view(ctx, "compact_timeline", lambda: (
            charts.event_timeline(ctx.view.events, lang, compact=True), charts.event_timeline_table(ctx.view.events, lang))),
            lang)
    st.subheader(t("articles", lang))
    tables.articles_table(ctx)


# url_path key -> (file, icon). The files are named apart from their url paths: pages/<url path>.py
# is the stub that sends a fresh server's very first request through this frame (ui/first_run.py).
PAGE_FILES = {
    "timeline": ("pages/events_timeline.py", ":material/timeline:"),
    "map": ("pages/event_map.py", ":material/map:"),
    "troops": ("pages/csto_troops.py", ":material/flight_land:"),
    "reader": ("pages/source_reader.py", ":material/article:"),
    "data": ("pages/data_tables.py", ":material/table:"),
    "add": ("pages/add_articles.py", ":material/note_add:"),
}

lang = frame.current_lang()
pages = [st.Page(overview, title=t("overview", lang), icon=":material/dashboard:", default=True)]
pages += [st.Page(path, title=t(key, lang), icon=icon, url_path=urlstate.PAGES[key]) for key, (path, icon) in PAGE_FILES.items()]
navigation = st.navigation(pages)
frame.sidebar()
navigation.run()
