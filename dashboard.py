"""Qantar overview (placeholder until the dashboard issue): what the bundled seeds yield."""
from pathlib import Path

import streamlit as st

from kzdata import load_corpus

SEEDS = sorted(Path(__file__).parent.joinpath("seeds").glob("*.txt"))

st.set_page_config(page_title="Qantar", layout="wide")
st.title("Qantar: Kazakhstan, January 2022")


@st.cache_data
def corpus_tables(paths: tuple[str, ...]):
    corpus = load_corpus(paths)
    return corpus.articles.drop(columns="text"), corpus.events, corpus.figures


articles, events, figures = corpus_tables(tuple(map(str, SEEDS)))
st.caption(f"{len(articles)} articles, {len(events)} events, {len(figures)} reported figures")
st.subheader("Reported figures")
st.dataframe(figures[["category", "number_text", "subject", "as_of", "attribution", "outlet", "quote"]], hide_index=True)
st.subheader("Events")
st.dataframe(events[["date", "date_end", "type", "place", "summary_en", "outlet", "quote"]], hide_index=True)
