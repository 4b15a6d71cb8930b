"""Qantar: the overview page and the navigation every page shares."""
import streamlit as st

from kzdata import charts, urlstate
from kzdata.headlines import headline_claims
from ui import frame, tables
from ui.words import t

st.set_page_config(page_title="Qantar", page_icon=":material/public:", layout="wide")


def overview() -> None:
    ctx = frame.context()
    lang = ctx.lang
    st.title(t("app_title", lang))
    frame.show_notices(ctx)
    if ctx.view.events.empty and ctx.view.figures.empty:
        st.info(t("empty_view", lang))
        return
    tables.summary_metrics(ctx)
    st.subheader(t("headline", lang))
    st.caption(t("headline_note", lang))
    for group, claims in headline_claims(ctx.view.figures).items():
        tables.headline_group(group, claims, ctx)
    st.subheader(t("compact_timeline", lang))
    if ctx.view.events.empty:
        st.info(t("no_events", lang))
    else:
        st.plotly_chart(charts.event_timeline(ctx.view.events, lang, compact=True), width="stretch")
    st.subheader(t("articles", lang))
    tables.articles_table(ctx)


PAGE_FILES = {  # url_path key -> (file, icon); each file is named after its url path (see ui.frame.context)
    "timeline": ("pages/timeline.py", ":material/timeline:"),
    "map": ("pages/map.py", ":material/map:"),
    "troops": ("pages/troops.py", ":material/flight_land:"),
    "reader": ("pages/reader.py", ":material/article:"),
    "data": ("pages/data.py", ":material/table:"),
}

lang = frame.current_lang()
pages = [st.Page(overview, title=t("overview", lang), icon=":material/dashboard:", default=True)]
pages += [st.Page(path, title=t(key, lang), icon=icon, url_path=urlstate.PAGES[key]) for key, (path, icon) in PAGE_FILES.items()]
navigation = st.navigation(pages)
frame.sidebar()
navigation.run()
