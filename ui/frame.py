"""The sidebar every page shares: filters that live in the URL, and the tables in view.

On a session's first run the URL's query parameters set the widgets; from then on the widgets
write the URL, so the address bar always shares exactly the view on screen.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from kzdata import urlstate
from kzdata.corpus import Corpus
from kzdata.filters import Bounds, Filters, View, apply

from .data import Database, corpus_and_bounds, database
from .safe import plain
from .words import LANGUAGES, t, type_label

_KEYS = {"dates": "f_dates", "outlets": "f_outlets", "types": "f_types", "lang": "f_lang"}
_SAVED = "filter_values"


@dataclass(frozen=True)
class Context:
    corpus: Corpus
    bounds: Bounds
    filters: Filters
    view: View
    extra: dict
    notices: tuple[str, ...]
    database: Database  # found once per run: a database that cannot be opened is retried on every call

    @property
    def lang(self) -> str:
        return self.filters.lang


def _query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _seed_widgets(parsed: urlstate.ParsedQuery, bounds: Bounds) -> None:
    f = parsed.filters
    st.session_state[_SAVED] = {
        _KEYS["dates"]: (f.start or bounds.first, f.end or bounds.last), _KEYS["outlets"]: list(f.outlets),
        _KEYS["types"]: list(f.types), _KEYS["lang"]: f.lang,
    }


def _remember() -> None:
    """Copy the widgets' values where they outlive a page change (widget state may not)."""
    st.session_state[_SAVED] = {key: st.session_state[key] for key in _KEYS.values() if key in st.session_state}


def _restore_widgets() -> None:
    """Give the widgets back values they lost (a page change, the URL's first values), and only those.

    Writing a widget's key makes Streamlit send that value to the browser, replacing whatever the reader
    picked while the run was going on: rewriting every run lost picks made in quick succession."""
    for key, value in st.session_state.get(_SAVED, {}).items():
        if key not in st.session_state or st.session_state[key] != value:
            st.session_state[key] = value


def _widgets(bounds: Bounds) -> Filters:
    lang = st.session_state[_KEYS["lang"]]
    with st.sidebar:
        st.header(t("filters", lang))
        picked = st.date_input(t("dates", lang), min_value=bounds.first, max_value=bounds.last,
                               key=_KEYS["dates"], format="YYYY-MM-DD", on_change=_remember)
        # No "Select all": none picked already means all, and a quick Enter must not pick every option.
        outlets = st.multiselect(t("outlets", lang), bounds.outlets, key=_KEYS["outlets"], select_all=False,
                                 placeholder=t("all_outlets", lang), on_change=_remember)
        types = st.multiselect(t("event_types", lang), bounds.types, key=_KEYS["types"], select_all=False,
                               format_func=lambda value: type_label(value, lang), placeholder=t("all_types", lang),
                               on_change=_remember)
        st.radio(t("language", lang), list(LANGUAGES), format_func=LANGUAGES.get, key=_KEYS["lang"], horizontal=True,
                 on_change=_remember)
    start, end = _date_range(picked, bounds)
    return Filters(start=start, end=end, outlets=tuple(outlets), types=tuple(types),
                   lang=st.session_state[_KEYS["lang"]])


def _date_range(picked, bounds: Bounds) -> tuple[dt.date | None, dt.date | None]:
    """The chosen range, or None for a bound left at the data's edge (so links stay short)."""
    days = list(picked) if isinstance(picked, (tuple, list)) else [picked]
    start = days[0] if days else None
    end = days[1] if len(days) > 1 else start
    return (None if start == bounds.first else start), (None if end == bounds.last else end)


def sidebar() -> Context:
    """Render the shared filters, sync the URL, and keep the tables in view for the page.

    Page parameters (article, sentence, ...) are read from the URL on every run, since in-app
    links set them; filter parameters only on a session's first run, after which the widgets rule.
    """
    db = database()
    corpus, bounds = corpus_and_bounds(db)
    parsed = urlstate.from_query(_query_params(), bounds, urlstate.PAGE_PARAMS)
    notices = ()
    if "url_seeded" not in st.session_state:
        _seed_widgets(parsed, bounds)
        st.session_state.url_seeded = True
        notices = parsed.notices
    _restore_widgets()
    filters = _widgets(bounds)
    st.query_params.from_dict(urlstate.to_query(filters, **parsed.extra))
    context = Context(corpus, bounds, filters, apply(corpus, filters), parsed.extra, notices, db)
    st.session_state.context = context
    st.session_state.frame_run = _this_run()
    return context


def follow_link(key: str, value) -> None:
    """A new value in the address (not the one ``<key>_linked`` holds, which the page wrote) sets the
    widget `key`; the reader's own choice stays otherwise."""
    if value is not None and st.session_state.get(key + "_linked") != value:
        st.session_state[key] = value


def current_lang() -> str:
    """The interface language before the sidebar is drawn (for page titles): the widget's, else the URL's."""
    if _KEYS["lang"] in st.session_state.get(_SAVED, {}):
        return st.session_state[_SAVED][_KEYS["lang"]]
    return st.query_params.get("lang") if st.query_params.get("lang") in LANGUAGES else "en"


def _this_run() -> object:
    """An object unique to the current script run: Streamlit gives each run a fresh cursors dict."""
    return get_script_run_ctx().cursors


def context() -> Context:
    """The context the frame made in this run.

    A page run on its own, without dashboard.py's frame (as AppTest's switch_page runs a file in
    ``pages/``), draws the sidebar itself.
    """
    if st.session_state.get("frame_run") is not _this_run():
        return sidebar()
    return st.session_state.context


def page_heading(ctx: Context, title: str) -> bool:
    """The page's title and any link notices; False, after an empty-state message, when nothing is in view."""
    st.title(title)
    show_notices(ctx)
    if ctx.view.events.empty and ctx.view.figures.empty:
        st.info(t("empty_view", ctx.lang))
        return False
    return True


def show_notices(ctx: Context) -> None:
    if ctx.notices:
        st.warning(t("ignored_params", ctx.lang) + "\n\n" + "\n".join(f"- {plain(notice)}" for notice in ctx.notices))
