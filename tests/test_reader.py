"""The reader's pure logic: marks and their offsets, the article as escaped HTML, links, comparison."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from html.parser import HTMLParser

import pytest

from kzdata import reader
from kzdata.corpus import ArticleInfo, extract_text, tables_to_corpus

TAGAR, KOMPAS = "f212c43517d9", "225792f1331b"

# An invented article in the style of an Indonesian news page, with markup and markdown in it.
HOSTILE = """Ribuan Warga Turun ke Jalan di Almaty

Aparat keamanan berjaga di depan balai kota Almaty, Kazakhstan, Rabu, 5 Januari 2022 (Foto: Dok. Kabar Contoh)

ALMATY, KABARCONTOH.ID – Ribuan pengunjuk rasa berkumpul di alun-alun pusat Almaty pada Rabu, 5 Januari 2022. Polisi mengatakan sedikitnya 12 orang tewas dan 300 orang terluka dalam bentrokan di pusat kota.

Spanduk para pengunjuk rasa bertuliskan <script>alert(1)</script> dan <img src=x onerror=alert(2)> di depan kantor wali kota.

Seorang warga menulis **tebal**, :red[merah], $$x$$ dan &lt;b&gt; di media sosial, kata Kementerian Dalam Negeri.

Baca Juga: <b>Harga Gas</b> Naik Lagi di Mangystau

Penulis : Budi Santoso Editor : Sari Dewi
"""


@pytest.fixture(scope="module")
def hostile():
    tables = extract_text(HOSTILE, ArticleInfo(outlet="Kabar Contoh", url="javascript:alert(4)"), article_id="hostile00001")
    return tables_to_corpus(tables)


class Tree(HTMLParser):
    """Elements (tag, attrs) in order, text per sentence id, and a check that every tag is closed in order."""

    VOID = {"meta"}

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.stack: list[tuple[str, dict]] = []
        self.sentence_text: dict[int, str] = {}
        self.script_text = ""
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed {self.stack}"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in self.VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if "script" in tags:
            self.script_text += data
        if "sup" in tags:
            return
        for tag, attrs in reversed(self.stack):
            if attrs.get("id", "").startswith("s-"):
                key = int(attrs["id"][2:])
                self.sentence_text[key] = self.sentence_text.get(key, "") + data
                break

    def all(self, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a in self.elements if t == tag and (cls is None or cls in a.get("class", "").split())]


def article(corpus, article_id):
    row = corpus.articles.set_index("article_id").loc[article_id]
    return row.text, corpus.sentences[corpus.sentences.article_id == article_id]


# ---- marks -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_event_and_figure_marks_list_every_row_once(seed_corpus, article_id):
    found = reader.marks(seed_corpus, article_id)
    listed = Counter(r for m in found if m.kind in reader.ROW_KINDS for r in m.rows)
    events = seed_corpus.events[seed_corpus.events.article_id == article_id]
    figures = seed_corpus.figures[seed_corpus.figures.article_id == article_id]
    assert sum(listed.values()) == len(events) + len(figures)
    assert set(listed) == set(events.event_id) | set(figures.figure_id) and set(listed.values()) == {1}


@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_mark_count_is_rows_plus_places_dates_and_actors(seed_corpus, article_id):
    found = reader.marks(seed_corpus, article_id)
    text, sentences = article(seed_corpus, article_id)
    row = seed_corpus.articles.set_index("article_id").loc[article_id]
    spans = reader.context_spans(article_id, text, "id", row.reference_date.date())
    spans_in_content = [s for s in spans if any(a <= s.start and s.end <= b for a, b, k in
                                                zip(sentences.start, sentences.end, sentences.kind) if k != "boilerplate")]
    kinds = Counter(m.kind for m in found)
    row_spans = {(k, a, b) for k, t in (("event", seed_corpus.events), ("figure", seed_corpus.figures))
                 for a, b, aid in zip(t.mark_start, t.mark_end, t.article_id) if aid == article_id}
    assert kinds["event"] + kinds["figure"] == len(row_spans)
    assert kinds["place"] == (seed_corpus.places.article_id == article_id).sum()
    assert kinds["date"] + kinds["actor"] == len(spans_in_content)
    assert len(found) == len(row_spans) + kinds["place"] + len(spans_in_content)


@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_mark_offsets_point_at_the_words(seed_corpus, article_id):
    text, sentences = article(seed_corpus, article_id)
    bounds = {int(s): (int(a), int(b)) for s, a, b in zip(sentences.sentence_id, sentences.start, sentences.end)}
    events = seed_corpus.events.set_index("event_id")
    figures = seed_corpus.figures.set_index("figure_id")
    places = seed_corpus.places[seed_corpus.places.article_id == article_id]
    for mark in reader.marks(seed_corpus, article_id):
        start, end = bounds[mark.sentence_id]
        assert start <= mark.start < mark.end <= end
        if mark.kind == "figure":
            row = figures.loc[mark.rows[0]]
            assert text[mark.start:mark.end] == text[row.mark_start:row.mark_end]
            assert text[mark.start:mark.end] == row.number_text
        elif mark.kind == "event":
            assert (mark.start, mark.end) == tuple(events.loc[mark.rows[0], ["mark_start", "mark_end"]])
        elif mark.kind == "place":
            assert text[mark.start:mark.end] in set(places.mention)


def test_known_marks_in_the_tagar_article(seed_corpus):
    text, _ = article(seed_corpus, TAGAR)
    found = reader.marks(seed_corpus, TAGAR)
    by_text = {(m.kind, text[m.start:m.end], m.sentence_id): m for m in found}
    assert by_text[("figure", "26", 8)].rows == (f"{TAGAR}-f0",)
    assert "killed 26 (demonstrators)" in by_text[("figure", "26", 8)].title(reader.words("en"))
    assert by_text[("figure", "lebih dari 4.400", 8)].rows == (f"{TAGAR}-f1",)
    date = by_text[("date", "Sabtu, 8 Januari 2022", 8)]
    assert set(date.rows) == {f"{TAGAR}-e3", f"{TAGAR}-f0", f"{TAGAR}-f1"}
    assert ("place", "Bandara Internasional Almaty", 4) in by_text
    assert ("actor", "Kassym-Jomart Tokayev", 5) in by_text
    assert not any(m.sentence_id >= 14 for m in found), "boilerplate gives no marks"


def test_context_spans_are_cached_per_article_and_text():
    first = reader.context_spans("cache-test", HOSTILE, "id", dt.date(2022, 1, 5))
    assert reader.context_spans("cache-test", HOSTILE, "id", dt.date(2022, 1, 5)) is first
    changed = reader.context_spans("cache-test", HOSTILE.replace("Rabu, 5", "Kamis, 6"), "id", dt.date(2022, 1, 6))
    assert changed is not first
    assert {s.label for s in changed if s.kind == "date"} == {"2022-01-06"}
    assert {"protesters", "Interior Ministry"} <= {s.label for s in first if s.kind == "actor"}


# ---- HTML --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_every_sentence_is_shown_verbatim_with_its_id(seed_corpus, article_id):
    text, sentences = article(seed_corpus, article_id)
    tree = Tree(reader.render_html(text, sentences, reader.marks(seed_corpus, article_id)))
    ids = [a["id"] for _, a in tree.elements if a.get("id", "").startswith("s-")]
    assert ids == [f"s-{i}" for i in sentences.sentence_id]
    for sid, quote in zip(sentences.sentence_id, sentences.text):
        assert tree.sentence_text[int(sid)] == quote


@pytest.mark.parametrize("article_id", [TAGAR, KOMPAS])
def test_html_marks_name_their_rows(seed_corpus, article_id):
    text, sentences = article(seed_corpus, article_id)
    found = reader.marks(seed_corpus, article_id)
    tree = Tree(reader.render_html(text, sentences, found))
    marks = {a["data-m"]: a for a in tree.all("mark") if "data-m" in a}
    assert len(marks) == len(found)
    rows = [r for a in marks.values() if a["class"].split()[0] in ("k-event", "k-figure") for r in a["data-rows"].split()]
    n_rows = (seed_corpus.events.article_id == article_id).sum() + (seed_corpus.figures.article_id == article_id).sum()
    assert len(rows) == len(set(rows)) == n_rows
    for attrs in marks.values():
        if attrs["class"].startswith(("k-event", "k-figure")):
            assert all(r in attrs["title"] for r in attrs["data-rows"].split())


def test_captions_and_boilerplate_are_set_apart(seed_corpus):
    text, sentences = article(seed_corpus, KOMPAS)
    markup = reader.render_html(text, sentences, reader.marks(seed_corpus, KOMPAS))
    tree = Tree(markup)
    assert tree.all("p", "caption") and tree.all("section", "bp-block")
    assert "Not used for the data" in markup and "related headlines" in markup
    # "Baca Juga" sits inside a set-apart block, the byline too
    baca_juga = markup.index('id="s-12"')
    assert "Baca Juga" in markup[baca_juga:markup.index("</span>", baca_juga)]
    assert markup.rindex('class="bp-block"', 0, baca_juga) > markup.rindex("</section>", 0, baca_juga)
    text, sentences = article(seed_corpus, TAGAR)
    markup = reader.render_html(text, sentences, reader.marks(seed_corpus, TAGAR))
    credit = markup.index("(Foto: voaindonesia.com - via AP)")
    assert markup.rindex('class="bp"', 0, credit) > markup.rindex('class="tag"', 0, credit), "inline credit is muted"


def test_selected_sentence_is_marked_and_scrolled_to(seed_corpus):
    text, sentences = article(seed_corpus, TAGAR)
    tree = Tree(reader.render_html(text, sentences, reader.marks(seed_corpus, TAGAR), selected_sentence=8,
                                   selected_row=f"{TAGAR}-f0"))
    selected = [a["id"] for _, a in tree.elements if "sel" in a.get("class", "").split() and "id" in a]
    assert selected == ["s-8"]
    assert len(tree.all("script")) == 1 and '"s-8"' in tree.script_text
    picked = tree.all("mark", "pick")
    assert picked and all(f"{TAGAR}-f0" in a["data-rows"] for a in picked)
    assert not Tree(reader.render_html(text, sentences, [])).all("script")


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "**tebal**",
                                     ":red[merah]", "$$x$$", "&lt;b&gt;", "<b>Harga Gas</b>"])
def test_hostile_text_is_escaped(hostile, payload):
    text, sentences = article(hostile, "hostile00001")
    markup = reader.render_html(text, sentences, reader.marks(hostile, "hostile00001"), selected_sentence=5)
    tree = Tree(markup)
    assert payload in "".join(tree.sentence_text.values())
    assert {t for t, _ in tree.elements} <= {"html", "head", "meta", "style", "body", "div", "section", "h2", "p",
                                             "span", "mark", "sup", "script"}
    assert len(tree.all("script")) == 1 and "alert" not in tree.script_text
    assert not [name for _, attrs in tree.elements for name in attrs if name.startswith("on")]
    assert "<img" not in markup and "<b>" not in markup and "&amp;lt;b&amp;gt;" in markup


def test_titles_and_labels_are_escaped():
    text = 'Kata "x" <script>alert(1)</script> dan lagi.'
    sentences = tables_to_corpus(extract_text(text, article_id="title0000001")).sentences
    evil = '"><script>alert(5)</script><b x="'
    marks = [reader.Mark(0, 4, "place", 0, evil), reader.Mark(5, 10, "figure", 0, evil, (evil,), (evil,))]
    markup = reader.render_html(text, sentences, marks, lang="id")
    tree = Tree(markup)
    assert not tree.all("script") and not tree.all("b")
    assert [a["title"] for a in tree.all("mark") if "data-m" in a] == [f"tempat: {evil}", evil]
    assert tree.sentence_text[0] == text


def test_crossing_marks_are_split_and_nested():
    text = "Polisi menangkap sekitar 300 orang di Almaty."
    sentences = tables_to_corpus(extract_text(text, article_id="cross0000001")).sentences
    marks = [reader.Mark(7, 28, "event", 0, "a", ("e0",), ("event e0",)),
             reader.Mark(17, 34, "figure", 0, "b", ("f0",), ("figure f0",)),
             reader.Mark(17, 28, "date", 0, "c")]
    tree = Tree(reader.render_html(text, sentences, marks))   # Tree asserts that tags nest
    assert tree.sentence_text[0] == text
    assert Counter(a["data-m"] for a in tree.all("mark") if "data-m" in a) == {"0": 1, "1": 2, "2": 1}


def test_legend_names_every_kind():
    legend = reader.legend_html("en")
    for kind in reader.MARK_KINDS:
        assert f'class="k-{kind}"' in legend
    assert "not used for the data" in legend and "tidak dipakai untuk data" in reader.legend_html("id")


# ---- links, tables, comparison -----------------------------------------------------------------------

@pytest.mark.parametrize("article_id, sentence, compare, expected, problems", [
    (TAGAR, "8", None, (TAGAR, 8, None), []),
    (TAGAR, " 8 ", KOMPAS, (TAGAR, 8, KOMPAS), []),
    ("nope", "3", None, (None, None, None), ["unknown_article", "sentence_without_article"]),
    (TAGAR, "99", None, (TAGAR, None, None), ["unknown_sentence"]),
    (TAGAR, "-1", None, (TAGAR, None, None), ["unknown_sentence"]),
    (TAGAR, "8.0", None, (TAGAR, None, None), ["bad_sentence"]),
    (TAGAR, "٨", None, (TAGAR, None, None), ["bad_sentence"]),
    (TAGAR, None, "zzz", (TAGAR, None, None), ["unknown_compare"]),
    (TAGAR, None, TAGAR, (TAGAR, None, None), ["unknown_compare"]),
    (None, None, None, (None, None, None), []),
])
def test_check_link(seed_corpus, article_id, sentence, compare, expected, problems):
    link = reader.check_link(seed_corpus, article_id, sentence, compare)
    assert (link.article, link.sentence, link.compare) == expected
    assert [key for key, _ in link.problems] == problems


def test_check_link_quotes_what_it_drops(seed_corpus):
    link = reader.check_link(seed_corpus, "<script>" + "x" * 60, None, None)
    value = link.problems[0][1]["value"]
    assert value.startswith("'<script>") and value.endswith("…") and len(value) < 50


@pytest.mark.parametrize("url, safe", [("https://www.tagar.id/a", True), ("http://x.org/b?c=1", True),
                                       ("javascript:alert(1)", False), ("data:text/html,<b>", False),
                                       ("/relative", False), ("https://a.b/x y", False), (None, False)])
def test_safe_url(url, safe):
    assert (reader.safe_url(url) is not None) == safe


def test_article_rows_follow_the_text(seed_corpus):
    rows = reader.article_rows(seed_corpus, TAGAR)
    assert list(rows.row) == ["e0", "e1", "e2", "f0", "e3", "f1", "f2", "e4", "e5", "e6"]
    assert dict(zip(rows.row, rows.sentence))["f0"] == 8
    assert dict(zip(rows.row, rows.what))["f0"] == "killed 26 (demonstrators)"
    assert reader.article_rows(seed_corpus, "nothing").empty


def test_compare_figures_aligns_categories(seed_corpus):
    table = reader.compare_figures(seed_corpus.figures, TAGAR, KOMPAS)
    killed = table[table.category == "killed"]
    assert list(killed.figure_a) == ["26", "18"]
    assert killed.figure_b.iloc[0] == "puluhan (20–99)" and killed.figure_b.isna().iloc[1]
    assert list(table.category) == ["killed", "killed", "arrested", "detained", "troops"]
    assert table.set_index("category").loc["troops", "figure_b"] == "about 2,500"
    assert table.set_index("category").loc["troops", "sentence_b"] == 10
    swapped = reader.compare_figures(seed_corpus.figures, KOMPAS, TAGAR, "id")
    assert swapped.figure_b.iloc[0] == "26" and swapped.category_label.iloc[0] == "tewas"


def test_compare_frame_links_keep_the_comparison(seed_corpus):
    from kzdata.filters import Filters

    shown = reader.compare_frame(seed_corpus.figures, TAGAR, KOMPAS, Filters(outlets=("Tagar", "Kompas TV")))
    assert list(shown.columns) == ["category", "figure_a", "who_a", "open_a", "figure_b", "who_b", "open_b"]
    assert shown.open_a.iloc[0] == f"reader?outlet=Tagar&outlet=Kompas%20TV&article={TAGAR}&sentence=8&compare={KOMPAS}"
    assert shown.open_b.iloc[0].endswith(f"article={KOMPAS}&sentence=8&compare={TAGAR}")
    assert shown.open_b.isna().tolist() == [False, True, True, False, False]
