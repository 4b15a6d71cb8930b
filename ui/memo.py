"""What a page derives from the tables in view, kept per view and shared by every session.

Most reruns change nothing in view (a day slider moved, a row selected, a map preset chosen), and
with a hundred thousand events rebuilding the derived tables and figures each time costs seconds.
A result is kept under the corpus it came from, the filters, and the caller's name and key; hashing
the tables themselves, as st.cache_data would, would cost about as much as the work it saves.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

import streamlit as st

from .frame import Context

T = TypeVar("T")
MAX_RESULTS = 96


class _Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kept: OrderedDict[tuple, tuple[object, object]] = OrderedDict()

    def get(self, key: tuple, corpus: object):
        with self.lock:
            entry = self.kept.get(key)
            if entry is None or entry[0] is not corpus:
                return None
            self.kept.move_to_end(key)
            return entry

    def put(self, key: tuple, corpus: object, value: object) -> None:
        with self.lock:
            self.kept[key] = (corpus, value)
            self.kept.move_to_end(key)
            while len(self.kept) > MAX_RESULTS:
                self.kept.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _results() -> _Results:
    return _Results()


def per_view(ctx: Context, name: str, compute: Callable[[], T], *key: Hashable) -> T:
    """`compute()` for this view, or the result kept from an earlier run with the same corpus, filters, name and key.

    The corpus is held with the result and compared by identity, so a reloaded corpus never meets a
    result derived from the old one. Results must be treated as read-only.
    """
    cache_key = (id(ctx.corpus), ctx.filters, name, key)
    kept = _results().get(cache_key, ctx.corpus)
    if kept is not None:
        return kept[1]
    value = compute()
    _results().put(cache_key, ctx.corpus, value)
    return value
