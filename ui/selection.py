"""What a chart selection picked, and its sentences with links to the reader.

A picked point is a row id, or in a dense chart a group key (kzdata.charts.dense_key) that stands for
all the rows of one type or category, outlet and day.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from kzdata import charts, formatting, urlstate

from .frame import Context
from .safe import plain
from .words import t


def picked_ids(state) -> list[str]:
    """The row ids (customdata) of the points a plotly selection event holds, in order, without repeats."""
    points = (state or {}).get("selection", {}).get("points", []) if isinstance(state, dict) else \
        getattr(getattr(state, "selection", None), "points", []) or []
    ids = []
    for point in points:
        data = point.get("customdata")
        value = data[0] if isinstance(data, (list, tuple)) else data
        if value is not None:
            ids.append(str(value))
    return list(dict.fromkeys(ids))


def show(table: pd.DataFrame, ids: list[str], kind: str, ctx: Context, limit: int = 20) -> None:
    """The picked rows' headline and sentence, each with a link that opens the reader at it: the first
    `limit` of them, then how many more there are."""
    if not ids:
        return
    rows = picked_rows(table, ids, kind)
    st.markdown(f"**{t('selected', ctx.lang)}: {formatting.number(len(rows), ctx.lang)}**")
    for row_id, row in rows.head(limit).iterrows():
        heading = _heading(row, kind, ctx.lang)
        link = urlstate.reader_link(row.article_id, int(row.sentence_id), ctx.filters)
        st.markdown(f"{plain(heading)} · {plain(row.outlet)} · [{t('open_in_reader', ctx.lang)}]({link})")
        st.markdown(f"> {plain(row.quote)}")
    if len(rows) > limit:
        st.caption(t("more_selected", ctx.lang, n=formatting.number(len(rows) - limit, ctx.lang)))


def picked_rows(table: pd.DataFrame, ids: list[str], kind: str) -> pd.DataFrame:
    """The rows of `table` (events or figures, as `kind` says) that picked ids and group keys stand for,
    indexed by id."""
    keys = [i for i in ids if charts.is_dense_key(i)]
    rows = table.set_index(f"{kind}_id").reindex([i for i in ids if not charts.is_dense_key(i)])
    if keys:
        grouped = charts.rows_of_keys(table, keys).set_index(f"{kind}_id")
        rows = grouped if rows.empty else pd.concat([rows, grouped])
    return rows.dropna(subset=["quote"])


def _heading(row, kind: str, lang: str) -> str:
    if kind == "event":
        summary = row.summary_id if lang == "id" else row.summary_en
        return f"{formatting.date_span(row.date, row.date_end, row.date_precision, lang)}: {summary}"
    return f"{formatting.date(row.as_of, lang)}: {formatting.figure_text(row, lang)} {row.subject or ''}".strip()
