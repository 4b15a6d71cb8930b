"""The "Add articles" page's parts: the inputs, the preview of what would be saved, the database."""
from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from kzdata import formatting, store
from kzdata.corpus import ArticleInfo
from kzdata.intake import Checked, check, extraction_languages
from kzdata.reading import MAX_BYTES_DEFAULT

from . import data
from .safe import plain
from .words import LANGUAGES, category_label, t, type_label

LOCK_VARIABLE = "QANTAR_DATABASE_LOCKED"
_GENERATION = "add_generation"
_RESULTS = "add_results"


def w(key: str, lang: str, **values) -> str:
    return t(key, lang, "ui_add", **values)


def _key(name: str) -> str:
    """Widget keys change after a save, so the inputs start empty again."""
    return f"{name}_{st.session_state.get(_GENERATION, 0)}"


def article_info(lang: str) -> ArticleInfo:
    with st.expander(w("about", lang), expanded=True):
        left, middle, right = st.columns([2, 3, 2])
        outlet = left.text_input(w("outlet", lang), key=_key("outlet")).strip()
        url = middle.text_input(w("url", lang), key=_key("url")).strip()
        published = right.date_input(w("published", lang), value=None, help=w("published_help", lang),
                                     format="YYYY-MM-DD", key=_key("published"))
        codes = extraction_languages()
        language = st.selectbox(w("language", lang), codes, key=_key("language"),
                                format_func=lambda code: LANGUAGES.get(code, code))
    return ArticleInfo(outlet=outlet or None, url=url or None, published=published, language=language)


def inputs(lang: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the pasted text and of every uploaded file."""
    paste, upload = st.tabs([w("paste_tab", lang), w("upload_tab", lang)])
    with paste:
        text = st.text_area(w("paste_label", lang), height=220, help=w("paste_help", lang), key=_key("paste"))
        name = st.text_input(w("paste_name", lang), value=w("paste_default_name", lang), key=_key("paste_name"))
    with upload:
        files = st.file_uploader(w("upload_label", lang), type=["txt", "html", "htm", "md"], accept_multiple_files=True,
                                 help=w("upload_help", lang, limit="2 MB"), key=_key("upload"))
    given = [(name.strip() or w("paste_default_name", lang), text.encode("utf-8"))] if text.strip() else []
    return given + [(file.name, file.getvalue()) for file in files or []]


@st.cache_data(show_spinner=False, max_entries=64)
def checked(raw: bytes, name: str, info: ArticleInfo) -> Checked:
    return check(raw, name, info, MAX_BYTES_DEFAULT)


def preview(items: list[Checked], stored_ids: set[str], lang: str) -> None:
    st.subheader(w("preview", lang))
    if not items:
        st.info(w("nothing_yet", lang))
    for item in items:
        if not item.accepted:
            st.error(f"**{w('refused', lang)}**: {plain(item.problem)}")
            continue
        status = w("already_stored", lang) if item.article_id in stored_ids else w("will_save", lang)
        with st.container(border=True):
            st.markdown(f"{status} · `{item.article_id}` · {plain(item.name)}")
            st.markdown(_title_line(item, lang))
            tables = item.tables
            st.caption(w("events_figures", lang, events=len(tables.events), figures=len(tables.figures),
                         places=len(tables.places)))
            for warning in item.warnings:
                st.warning(plain(warning))
            rows = _rows_frame(item, lang)
            if not rows.empty:
                st.dataframe(rows, hide_index=True, width="stretch", height="auto" if len(rows) <= 8 else 320)


def _title_line(item: Checked, lang: str) -> str:
    article = item.tables.articles[0]
    published = article["published"]
    if published is not None:
        when = formatting.date(published.tz_convert("Asia/Jakarta"), lang)
    elif article["reference_date"]:
        when = w("date_from_text", lang, date=formatting.date(article["reference_date"], lang))
    else:
        when = w("no_date", lang)
    return w("title_line", lang, title=plain(article["title"] or w("no_title", lang)),
             outlet=plain(article["outlet"] or w("unknown_outlet", lang)), published=when)


def _rows_frame(item: Checked, lang: str) -> pd.DataFrame:
    rows = [(type_label(event["type"], lang), event["trigger"], event["quote"]) for event in item.tables.events]
    rows += [(category_label(figure["category"], lang), figure["number_text"], figure["quote"])
             for figure in item.tables.figures]
    return pd.DataFrame(rows, columns=[w("col_what", lang), w("col_text", lang), w("col_sentence", lang)])


def save(db: data.Database, items: list[Checked]) -> None:
    st.session_state[_RESULTS] = [store.save(db.engine, item) for item in items]
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1


def results(lang: str) -> None:
    for result in st.session_state.pop(_RESULTS, []):
        text = plain(result.message)
        if result.status == "saved":
            st.success(f"**{w('saved', lang)}**: {text}")
        elif result.status == "duplicate":
            st.info(f"**{w('duplicate', lang)}**: {text}")
        else:
            st.error(f"**{w('refused', lang)}**: {text}")


def database_settings(db: data.Database, lang: str) -> None:
    with st.expander(w("database", lang), expanded=bool(db.problem)):
        if db.problem:
            st.error(w("database_fallback", lang, problem=plain(db.problem)))
        st.markdown(w("database_now", lang, url=store.display_url(db.url)))
        if os.environ.get(LOCK_VARIABLE):
            st.caption(w("database_locked", lang))
            return
        chosen = st.text_input(w("database_label", lang), help=w("database_help", lang), key="database_field")
        left, right = st.columns(2)
        if left.button(w("database_use", lang), disabled=not chosen.strip()):
            _choose(chosen.strip())
        if right.button(w("database_default", lang), disabled=data.CHOSEN_DATABASE not in st.session_state):
            st.session_state.pop(data.CHOSEN_DATABASE, None)
            st.rerun()


def _choose(setting: str) -> None:
    try:
        store.open_database(store.database_url(setting)).dispose()
    except store.StoreError as error:
        st.error(plain(str(error)))
        return
    st.session_state[data.CHOSEN_DATABASE] = setting
    st.rerun()


def stored_table(articles: list[store.StoredArticle], lang: str) -> None:
    st.subheader(w("stored_heading", lang))
    if not articles:
        st.caption(w("stored_none", lang))
        return
    st.dataframe(pd.DataFrame({
        w("col_id", lang): [a.article_id for a in articles], w("col_file", lang): [a.file_name for a in articles],
        w("col_outlet", lang): [a.outlet or "" for a in articles],
        w("col_added", lang): [a.added_at.strftime("%Y-%m-%d %H:%M") for a in articles],
        w("col_size", lang): [a.size for a in articles],
    }), hide_index=True, width="stretch")
