"""The reader page in Streamlit's AppTest: deep links, marks that match the rows, notices, selection, compare."""
import re
from collections import Counter

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TAGAR, KOMPAS = "f212c43517d9", "225792f1331b"
PAGE = "pages/source_reader.py"


def reader(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(PAGE).run()


def panels(at) -> list[str]:
    return [frame.proto.srcdoc for frame in at.get("iframe")]


def selected_sentences(markup: str) -> list[str]:
    return re.findall(r'id="s-(\d+)" class="[^"]*\bsel\b', markup)


def row_marks(markup: str) -> dict[str, list[str]]:
    """data-m -> row ids, for event and figure marks (a mark split in pieces counts once)."""
    found = re.findall(r'<mark class="k-(?:event|figure)[^"]*" data-m="(\d+)" data-rows="([^"]*)"', markup)
    return {m: rows.split() for m, rows in found}


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def param(at, key):
    return at.query_params[key][0] if isinstance(at.query_params[key], list) else at.query_params[key]


@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_marks_count_equals_rows_extracted(seed_corpus, article_id):
    at = reader(article=article_id)
    assert not at.exception and at.title[0].value == "Reader"
    (markup,) = panels(at)
    listed = Counter(r for rows in row_marks(markup).values() for r in rows)
    events = seed_corpus.events[seed_corpus.events.article_id == article_id]
    figures = seed_corpus.figures[seed_corpus.figures.article_id == article_id]
    assert sum(listed.values()) == len(events) + len(figures)
    assert set(listed) == set(events.event_id) | set(figures.figure_id)
    table = at.dataframe[0].value
    assert len(table) == len(events) + len(figures)


def test_deep_link_marks_the_sentence(seed_corpus):
    at = reader(article=TAGAR, sentence="8")
    assert not at.exception and not at.warning
    (markup,) = panels(at)
    assert selected_sentences(markup) == ["8"]
    assert 'getElementById("s-8")' in markup
    quote = seed_corpus.sentences.set_index(["article_id", "sentence_id"]).loc[(TAGAR, 8), "text"]
    assert "26 demonstran" in quote
    assert at.selectbox[0].value == TAGAR
    assert (param(at, "article"), param(at, "sentence")) == (TAGAR, "8")


def test_article_header_shows_metadata():
    at = reader(article=TAGAR)
    text = "\n".join(shown(m.value) for m in at.markdown)
    assert "Tentara Rusia Terus Berdatangan ke Kazakhstan" in text
    assert "Tagar" in text and "VOA Indonesia" in text and "Associated Press" in text
    assert "not stated; on or after 8 Jan 2022" in text
    assert any(b.proto.url.startswith("https://www.tagar.id/") for b in at.get("link_button"))
    at = reader(article=KOMPAS)
    text = "\n".join(shown(m.value) for m in at.markdown)
    assert "Edwin Shri Bimo" in text and "13 Jan 2022" in text


@pytest.mark.parametrize("params, named, key", [
    ({"article": "nope"}, "nope", "not in the data"),
    ({"article": "<script>alert(1)</script>"}, "<script>alert(1)</script>", "not in the data"),
    ({"article": TAGAR, "sentence": "99"}, "99", "does not have"),
    ({"article": TAGAR, "sentence": "drei"}, "drei", "not a whole number"),
    ({"sentence": "4"}, "4", "no known article"),
    ({"article": TAGAR, "compare": "zzz"}, "zzz", "no comparison is shown"),
])
def test_bad_links_give_a_notice(params, named, key):
    at = reader(**params)
    assert not at.exception
    notices = [shown(w.value) for w in at.warning]
    assert any(named in n and key in n for n in notices), notices
    (markup,) = panels(at)
    assert not selected_sentences(markup)
    assert at.selectbox[0].value in (TAGAR, KOMPAS)


def test_selecting_a_row_marks_its_sentence():
    at = reader(article=KOMPAS)
    rows = at.dataframe[0].value
    index = list(rows.row).index("f1")
    at.session_state[f"reader_rows_{KOMPAS}"] = {"selection": {"rows": [index], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    (markup,) = panels(at)
    assert selected_sentences(markup) == ["10"]
    assert re.search(rf'<mark class="k-figure pick"[^>]*data-rows="{KOMPAS}-f1"', markup)
    assert any("sentence 10" in c.value for c in at.caption)


def test_choosing_another_article_updates_the_link():
    at = reader(article=TAGAR, sentence="8")
    at.selectbox[0].set_value(KOMPAS).run()
    assert not at.exception
    assert param(at, "article") == KOMPAS and "sentence" not in at.query_params
    (markup,) = panels(at)
    assert not selected_sentences(markup) and "Bersiap Pulang" in markup


def test_the_article_list_follows_the_filters():
    at = reader(outlet="Kompas TV")
    assert at.selectbox[0].options == ["Kompas TV · Pasukan Aliansi CSTO yang Dipimpin Rusia Bersiap Pulang dari Kazakhstan"]
    assert at.selectbox[0].value == KOMPAS


def test_compare_aligns_figures_by_category():
    at = reader(article=TAGAR, compare=KOMPAS)
    assert not at.exception and not at.warning
    assert len(panels(at)) == 2
    table = at.dataframe[0].value
    killed = table[table.category == "killed"]
    assert killed.figure_a.iloc[0] == "26" and killed.figure_b.iloc[0] == "puluhan (20–99)"
    assert all(link.startswith("reader?") and f"compare={KOMPAS}" in link for link in killed.open_a.dropna())
    assert param(at, "compare") == KOMPAS


def test_reader_speaks_indonesian():
    at = reader(article=TAGAR, sentence="8", lang="id")
    assert at.title[0].value == "Pembaca"
    (markup,) = panels(at)
    assert "kalimat yang ditandai" in markup and "tidak dipakai untuk data" in markup.lower()
