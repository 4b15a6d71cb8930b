"""The reader page's parts: article pickers, the header, the marked text, its rows, and the comparison.

What is marked and listed is computed by kzdata.reader; these functions lay it out.
"""
import pandas as pd
import streamlit as st

from kzdata import reader, urlstate

from .frame import Context, follow_link
from .memo import per_view
from .safe import plain
from .tables import published_text
from .words import t


class Reader:
    """The corpus in view, indexed by article, with the words and labels the parts share."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.lang, self.corpus = ctx, ctx.lang, ctx.corpus
        self.articles = per_view(ctx, "reader-articles", lambda: ctx.corpus.articles.set_index("article_id"))
        self.labels = per_view(ctx, "reader-labels", self._article_labels)

    def w(self, key: str, **values) -> str:
        return t(key, self.lang, topic="ui_reader", **values)

    def _article_labels(self) -> dict:
        """'Outlet · Title' of every article, for the pickers (built once per view)."""
        articles = self.articles
        outlets = articles.outlet.fillna(pd.Series(articles.index, index=articles.index))
        labels = outlets + " · " + articles.title.fillna(self.w("not_stated"))
        return {None: self.w("no_compare"), **labels.to_dict()}

    def outlet_of(self, article_id: str) -> str:
        outlet = self.articles.outlet[article_id]
        return article_id if pd.isna(outlet) else outlet

    def header(self, article_id: str, level: str = "###") -> None:
        w, row = self.w, self.articles.loc[article_id]
        title, button = st.columns([4, 1], vertical_alignment="center")
        title.markdown(f"{level} {plain(row.title if pd.notna(row.title) else article_id)}")
        facts = [(w("outlet"), row.outlet), (w("published"), published_text(row, self.lang)),
                 (w("author"), row.author), (w("credited_sources"), row.credited_sources)]
        st.markdown(" · ".join(f"**{plain(k)}:** {plain(w('not_stated') if pd.isna(v) else v)}" for k, v in facts))
        if url := reader.safe_url(row.url):
            button.link_button(w("original"), url, icon=":material/open_in_new:")
        elif pd.notna(row.url):
            st.caption(plain(w("original_unsafe", url=row.url)))
        self._same_story(article_id, row.story_id)

    def _same_story(self, article_id: str, story_id: str) -> None:
        copies = self.articles.index[(self.articles.story_id == story_id) & (self.articles.index != article_id)]
        if len(copies):
            links = ", ".join(f"[{plain(self.labels[c])}]({urlstate.reader_link(c, None, self.ctx.filters)})"
                              for c in copies)
            st.caption(self.w("same_story", links=links))

    def text_panel(self, article_id: str, sentence, picked_row=None, height: int = 600) -> None:
        sentences, marks = per_view(self.ctx, "reader-marks", lambda: (
            self.corpus.sentences[self.corpus.sentences.article_id == article_id],
            reader.marks(self.corpus, article_id, self.lang)), article_id)
        st.iframe(reader.render_html(self.articles.text[article_id], sentences, marks, sentence, self.lang, picked_row),
                  height=height, alt=self.w("text_label"))

    def rows_panel(self, article_id: str):
        """The article's events and figures; returns the selected row, if any."""
        w = self.w
        st.markdown(f"**{plain(w('rows_heading'))}**")
        rows = per_view(self.ctx, "reader-rows", lambda: reader.article_rows(self.corpus, article_id, self.lang),
                        article_id)
        if rows.empty:
            st.info(w("no_rows"))
        state = st.dataframe(rows.drop(columns="row_id"), on_select="rerun", selection_mode="single-row",
                             key=f"reader_rows_{article_id}", hide_index=True, width="stretch",
                             column_config={"row": st.column_config.TextColumn(w("col_row"), width=44),
                                            "what": st.column_config.TextColumn(w("col_what"), width="large"),
                                            "when": st.column_config.TextColumn(w("col_when"), help=w("when_help")),
                                            "sentence": st.column_config.NumberColumn(w("col_sentence"), width=64)})
        picked = rows.iloc[state.selection.rows[0]] if state.selection.rows else None
        st.caption(w("rows_hint") if picked is None else w("marked_sentence", sentence=int(picked.sentence)))
        return picked

    def single(self, article_id: str, sentence) -> None:
        self.header(article_id)
        text_column, rows_column = st.columns([5, 4], gap="medium")
        with rows_column:
            picked = self.rows_panel(article_id)
        with text_column:
            self.text_panel(article_id, sentence if picked is None else int(picked.sentence),
                            None if picked is None else picked.row_id)

    def compare(self, article_id: str, compare_id: str, sentence) -> None:
        w = self.w
        st.subheader(w("compare_heading"))
        st.caption(w("compare_note"))
        shown = reader.compare_frame(self.corpus.figures, article_id, compare_id, self.ctx.filters, self.lang)
        config = {"category": w("col_category")}
        for side, outlet in (("a", self.outlet_of(article_id)), ("b", self.outlet_of(compare_id))):
            config |= {f"figure_{side}": f"{outlet}: {w('col_figure')}", f"who_{side}": f"{outlet}: {w('col_who')}",
                       f"open_{side}": st.column_config.LinkColumn(f"{outlet}: {w('col_open')}", display_text=w("open"))}
        st.dataframe(shown, hide_index=True, width="stretch", column_config=config, placeholder="—")
        for column, shown_id, shown_sentence in zip(st.columns(2, gap="medium"), (article_id, compare_id), (sentence, None)):
            with column:
                self.header(shown_id, "####")
                self.text_panel(shown_id, shown_sentence, height=560)


def choose(key: str, linked, options: list) -> None:
    """Let a new link set the select box (see frame.follow_link), within `options`."""
    follow_link(key, linked)
    if st.session_state.get(key, options[0]) not in options:
        st.session_state[key] = options[0]
