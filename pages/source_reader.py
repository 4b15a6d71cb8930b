"""Reader: an article as published, with the words each event and figure came from marked.

?article=ID&sentence=N opens an article at a sentence; ?compare=ID sets a second article beside it.
The text panel is an iframe (st.iframe) whose only script scrolls to the marked sentence; every
piece of article text in it is escaped by kzdata.reader.render_html.
"""
import pandas as pd
import streamlit as st

from kzdata import reader, urlstate
from ui import frame, memo
from ui.safe import plain
from ui.tables import published_text
from ui.words import t

ctx = frame.context()
lang, corpus = ctx.lang, ctx.corpus
articles = corpus.articles.set_index("article_id")


def w(key: str, **values) -> str:
    return t(key, lang, topic="ui_reader", **values)


def outlet_of(article_id: str) -> str:
    return article_id if pd.isna(articles.outlet[article_id]) else articles.outlet[article_id]


def article_labels() -> dict:
    """'Outlet · Title' of every article, for the pickers (built once per corpus and language)."""
    outlets = articles.outlet.fillna(pd.Series(articles.index, index=articles.index))
    labels = outlets + " · " + articles.title.fillna(w("not_stated"))
    return {None: w("no_compare"), **labels.to_dict()}


labels = memo.per_view(ctx, "reader-labels", article_labels, lang)


def header(article_id: str, level: str = "###") -> None:
    row = articles.loc[article_id]
    title, button = st.columns([4, 1], vertical_alignment="center")
    title.markdown(f"{level} {plain(row.title if pd.notna(row.title) else article_id)}")
    facts = [(w("outlet"), row.outlet), (w("published"), published_text(row, lang)), (w("author"), row.author),
             (w("credited_sources"), row.credited_sources)]
    st.markdown(" · ".join(f"**{plain(k)}:** {plain(w('not_stated') if pd.isna(v) else v)}" for k, v in facts))
    if url := reader.safe_url(row.url):
        button.link_button(w("original"), url, icon=":material/open_in_new:")
    elif pd.notna(row.url):
        st.caption(plain(w("original_unsafe", url=row.url)))
    copies = articles.index[(articles.story_id == row.story_id) & (articles.index != article_id)]
    if len(copies):
        links = ", ".join(f"[{plain(labels[c])}]({urlstate.reader_link(c, None, ctx.filters)})" for c in copies)
        st.caption(w("same_story", links=links))


def text_panel(article_id: str, sentence, picked_row=None, height: int = 600) -> None:
    sentences = corpus.sentences[corpus.sentences.article_id == article_id]
    marks = reader.marks(corpus, article_id, lang)
    st.iframe(reader.render_html(articles.text[article_id], sentences, marks, sentence, lang, picked_row),
              height=height, alt=w("text_label"))


def choose(key: str, linked, options: list) -> None:
    """Let a new link set the select box; keep the reader's own choice otherwise."""
    if linked is not None and st.session_state.get(key + "_linked") != linked:
        st.session_state[key] = linked
    if st.session_state.get(key, options[0]) not in options:
        st.session_state[key] = options[0]


st.title(w("title"))
frame.show_notices(ctx)
link = reader.check_link(corpus, ctx.extra.get("article"), ctx.extra.get("sentence"), ctx.extra.get("compare"))
for key, values in link.problems:
    st.warning(plain(w(key, **values)))
in_view = list(ctx.view.articles.article_id)
options = in_view + [a for a in dict.fromkeys((link.article, link.compare)) if a and a not in in_view]
if not options:
    st.info(w("no_articles"))
    st.stop()
st.caption(w("intro"))

pick, versus = st.columns(2)
choose("reader_article", link.article, options)
article_id = pick.selectbox(w("choose_article"), options, key="reader_article", format_func=labels.get)
choose("reader_compare", link.compare, [None] + [a for a in options if a != article_id])
compare_id = versus.selectbox(w("compare_with"), [None] + [a for a in options if a != article_id],
                              key="reader_compare", format_func=labels.get)
sentence = link.sentence if article_id == link.article else None
st.session_state.reader_article_linked, st.session_state.reader_compare_linked = article_id, compare_id
st.query_params.from_dict(urlstate.to_query(ctx.filters, article=article_id, sentence=sentence, compare=compare_id))
if article_id not in in_view:
    st.caption(w("outside_filters"))

if compare_id is None:
    header(article_id)
    text_column, rows_column = st.columns([5, 4], gap="medium")
    with rows_column:
        st.markdown(f"**{plain(w('rows_heading'))}**")
        rows = reader.article_rows(corpus, article_id, lang)
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
    with text_column:
        text_panel(article_id, sentence if picked is None else int(picked.sentence),
                   None if picked is None else picked.row_id)
else:
    st.subheader(w("compare_heading"))
    st.caption(w("compare_note"))
    shown = reader.compare_frame(corpus.figures, article_id, compare_id, ctx.filters, lang)
    config = {"category": w("col_category")}
    for side, outlet in (("a", outlet_of(article_id)), ("b", outlet_of(compare_id))):
        config |= {f"figure_{side}": f"{outlet}: {w('col_figure')}", f"who_{side}": f"{outlet}: {w('col_who')}",
                   f"open_{side}": st.column_config.LinkColumn(f"{outlet}: {w('col_open')}", display_text=w("open"))}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, placeholder="—")
    for column, shown_id, shown_sentence in zip(st.columns(2, gap="medium"), (article_id, compare_id), (sentence, None)):
        with column:
            header(shown_id, "####")
            text_panel(shown_id, shown_sentence, height=560)
