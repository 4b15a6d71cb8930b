"""Display tables for the pages: the tables in view with readable values and links to the reader."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from kzdata import formatting, urlstate
from kzdata.headlines import claims_differ

from .frame import Context
from .memo import per_view
from .words import category_label, t, type_label


def reader_links(rows: pd.DataFrame, ctx: Context) -> list[str]:
    return urlstate.reader_links(rows.article_id, rows.sentence_id, ctx.filters)


def summary_metrics(ctx: Context) -> None:
    view, lang = ctx.view, ctx.lang
    dated = view.events.dropna(subset=["date"])
    columns = st.columns([2, 1, 1, 1])
    if not dated.empty:
        span = t("span", lang, first=formatting.date(dated.date.min(), lang), last=formatting.date(dated.date_end.max(), lang))
        columns[0].markdown(f"**{span}**")
    columns[1].metric(t("articles_count", lang), len(view.articles))
    columns[2].metric(t("events_count", lang), len(view.events))
    columns[3].metric(t("figures_count", lang), len(view.figures))


def claims_frame(claims: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    lang = ctx.lang
    return pd.DataFrame({
        "figure": formatting.figure_texts(claims, lang),
        "category": [category_label(c, lang) for c in claims.category],
        "subject": claims.subject.fillna("").to_list(),
        "outlet": claims.outlet.to_list(),
        "as_of": [formatting.date(d, lang) + ("*" if inferred else "") for d, inferred in zip(claims.as_of, claims.as_of_inferred)],
        "said_by": claims.attribution.fillna("").to_list(),
        "source": reader_links(claims, ctx),
        "quote": claims.quote.to_list(),
    })


def headline_group(group: str, claims: pd.DataFrame, ctx: Context) -> None:
    lang = ctx.lang
    st.markdown(f"#### {t('group_' + group, lang)}")
    if claims.empty:
        st.markdown(f"_{t('not_reported', lang)}_")
        return
    if claims_differ(claims):
        st.caption(t("differ_note", lang))
    st.dataframe(per_view(ctx, "claims_frame", lambda: claims_frame(claims, ctx), group), hide_index=True, width="stretch", column_config={
        "figure": t("col_figure", lang),
        "category": t("col_category", lang), "subject": t("col_subject", lang), "outlet": t("outlet", lang),
        "as_of": st.column_config.TextColumn(t("as_of", lang), help=t("inferred_help", lang)),
        "said_by": t("col_said_by", lang),
        "quote": st.column_config.TextColumn(t("col_quote", lang), width="large"),
        "source": st.column_config.LinkColumn(t("col_source", lang), display_text=t("read", lang), width="small"),
    })


def published_text(row, lang: str) -> str:
    if not pd.isna(row.published):
        return formatting.date(row.published.tz_convert("Asia/Jakarta"), lang)
    if not pd.isna(row.reference_date):
        return t("inferred_bound", lang, date=formatting.date(row.reference_date, lang))
    return t("not_stated", lang)


def articles_frame(ctx: Context) -> pd.DataFrame:
    articles, lang = ctx.view.articles, ctx.lang
    return pd.DataFrame({
        "outlet": articles.outlet.to_list(),
        "title": articles.title.fillna("").to_list(),
        "reader": [urlstate.reader_link(a, None, ctx.filters) for a in articles.article_id],
        "original": articles.url.to_list(),
        "published": [published_text(row, lang) for row in articles.itertuples()],
        "language": articles.language.to_list(),
    })


def articles_table(ctx: Context) -> None:
    lang = ctx.lang
    st.dataframe(per_view(ctx, "articles_frame", lambda: articles_frame(ctx)), hide_index=True, width="stretch", column_config={
        "outlet": t("outlet", lang), "title": st.column_config.TextColumn(t("title", lang), width="medium"),
        "published": t("published", lang), "language": t("language_col", lang),
        "original": st.column_config.LinkColumn(t("col_original", lang), display_text=t("original", lang)),
        "reader": st.column_config.LinkColumn(t("reader", lang), display_text=t("read", lang)),
    })


def event_label(event_type: str, lang: str) -> str:
    return type_label(event_type, lang)
