"""Reader: an article as published, with the words each event and figure came from marked.

?article=ID&sentence=N opens an article at a sentence; ?compare=ID sets a second article beside it.
The text panel is an iframe (st.iframe) whose only script scrolls to the marked sentence; every
piece of article text in it is escaped by kzdata.reader.render_html. The parts are in ui/reader_view.py.
"""
import streamlit as st

from kzdata import reader, urlstate
from ui import frame
from ui.reader_view import Reader, choose
from ui.safe import plain

ctx = frame.context()
view = Reader(ctx)
w = view.w
st.title(w("title"))
frame.show_notices(ctx)
link = reader.check_link(ctx.corpus, ctx.extra.get("article"), ctx.extra.get("sentence"), ctx.extra.get("compare"))
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
article_id = pick.selectbox(w("choose_article"), options, key="reader_article", format_func=view.labels.get)
choose("reader_compare", link.compare, [None] + [a for a in options if a != article_id])
compare_id = versus.selectbox(w("compare_with"), [None] + [a for a in options if a != article_id],
                              key="reader_compare", format_func=view.labels.get)
sentence = link.sentence if article_id == link.article else None
st.session_state.reader_article_linked, st.session_state.reader_compare_linked = article_id, compare_id
st.query_params.from_dict(urlstate.to_query(ctx.filters, article=article_id, sentence=sentence, compare=compare_id))
if article_id not in in_view:
    st.caption(w("outside_filters"))

if compare_id is None:
    view.single(article_id, sentence)
else:
    view.compare(article_id, compare_id, sentence)
