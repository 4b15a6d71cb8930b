"""The corpus: the seeds and the stored articles, extracted once per content of the database.

Which database: the one chosen on the "Add articles" page for this session, else $QANTAR_DATABASE,
else the URL under ``[connections.sql]`` in Streamlit's secrets (the ``st.connection("sql")``
convention), else a file in the user's data folder. A database that cannot be opened leaves the
dashboard on the seeds, with the reason shown.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from sqlalchemy.engine import Engine

from kzdata import Corpus, store
from kzdata.filters import Bounds, bounds_of

CHOSEN_DATABASE = "database_choice"
SEEDS_ONLY_URL = "sqlite://"


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    problem: str | None = None


def _secrets_url() -> str | None:
    try:
        return st.secrets["connections"]["sql"]["url"]
    except (KeyError, FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def database_url() -> str:
    return store.database_url(st.session_state.get(CHOSEN_DATABASE), fallback=_secrets_url())


@st.cache_resource(show_spinner=False, max_entries=8)
def _engine(url: str) -> Engine:
    return store.open_database(url)


def database() -> Database:
    url = database_url()
    try:
        return Database(url, _engine(url))
    except store.StoreError as error:
        return Database(url, _engine(SEEDS_ONLY_URL), str(error))


@st.cache_resource(show_spinner="Reading articles…", max_entries=4)
def _corpus_for(url: str, revision: tuple[int, int]) -> tuple[Corpus, Bounds]:
    """Cached as a shared resource per database content: tables are read-only, and a copy per rerun would cost more than the filters."""
    corpus = store.load(_engine(url))
    return corpus, bounds_of(corpus)


def corpus_and_bounds(db: Database) -> tuple[Corpus, Bounds]:
    url = SEEDS_ONLY_URL if db.problem else db.url
    return _corpus_for(url, store.revision(db.engine))
