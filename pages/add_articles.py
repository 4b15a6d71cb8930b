"""Add articles: paste or upload, see what would be extracted, then save."""
import streamlit as st

from kzdata import store
from ui import frame, intake_view
from ui.intake_view import w

ctx = frame.context()
lang = ctx.lang
st.title(w("title", lang))
st.caption(w("intro", lang))
intake_view.results(lang)
db = ctx.database
intake_view.database_settings(db, lang)
info = intake_view.article_info(lang)
items = [intake_view.checked(raw, name, info) for name, raw in intake_view.inputs(lang)]
listed = store.list_articles(db.engine)
stored = {article.article_id for article in listed}
intake_view.preview(items, stored, lang)
savable = [item for item in items if item.accepted and item.article_id not in stored]
save_label = w("save", lang, count=len(savable)) if savable else w("save_nothing", lang)
if st.button(save_label, type="primary", disabled=not savable or bool(db.problem)):
    intake_view.save(db, items)
    st.rerun()
intake_view.stored_table([article for article in listed if not article.seed], lang)
