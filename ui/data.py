"""The corpus, loaded once per content of the article files."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import streamlit as st

from kzdata import Corpus, load_corpus
from kzdata.filters import Bounds, bounds_of

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
EXTRA_DIR_VARIABLE = "QANTAR_ARTICLES"
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}


def article_paths() -> list[Path]:
    """The seeds, plus the files in the folder named by $QANTAR_ARTICLES, if set."""
    folders = [SEEDS_DIR] + ([Path(os.environ[EXTRA_DIR_VARIABLE])] if os.environ.get(EXTRA_DIR_VARIABLE) else [])
    return sorted(p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


@lru_cache(maxsize=None)
def _file_hash(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fingerprint(paths: list[Path]) -> tuple[tuple[str, str], ...]:
    """(path, sha256) of every file; a file is re-hashed only when its size or time changes."""
    result = []
    for path in paths:
        stat = path.stat()
        result.append((str(path), _file_hash(str(path), stat.st_mtime_ns, stat.st_size)))
    return tuple(result)


@st.cache_resource(show_spinner="Reading articles…", max_entries=4)
def _corpus_for(files: tuple[tuple[str, str], ...]) -> tuple[Corpus, Bounds]:
    """Cached as a shared resource: tables are read-only, and a copy per rerun would cost more than the filters."""
    corpus = load_corpus([path for path, _ in files])
    return corpus, bounds_of(corpus)


def corpus_and_bounds() -> tuple[Corpus, Bounds]:
    return _corpus_for(fingerprint(article_paths()))
