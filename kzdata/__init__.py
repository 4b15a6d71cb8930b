"""kzdata: news articles about Kazakhstan's January 2022 unrest in, tables with provenance out.

Plain Python and pandas (never Streamlit): text -> sentences with offsets -> events, figures, places.
"""
from .corpus import ArticleInfo, Corpus, extract_bytes, extract_text, load_corpus
from .reading import UnreadableInput

__all__ = ["ArticleInfo", "Corpus", "UnreadableInput", "extract_bytes", "extract_text", "load_corpus"]
