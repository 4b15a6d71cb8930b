"""The reader in Chromium: a hostile article shows its markup as text and runs nothing; deep links and
row selection mark the sentence inside the visible text panel; screenshots saved."""
from __future__ import annotations


import pytest

from kzdata import store
from kzdata.corpus import ArticleInfo, article_id_for, extract_bytes
from kzdata.intake import Checked
from tests.browser.conftest import running_server, screenshot, wait_for_app

TAGAR = "f212c43517d9"
PANEL = 'iframe[title="Article text with marks"]'

# Invented for this test, in the style of an Indonesian news page.
HOSTILE = """Ribuan Warga Turun ke Jalan di Almaty <img src=x onerror=alert(3)>

Aparat keamanan berjaga di depan balai kota Almaty, Kazakhstan, Rabu, 5 Januari 2022 (Foto: Dok. Kabar Contoh)

ALMATY, KABARCONTOH.ID – Ribuan pengunjuk rasa berkumpul di alun-alun pusat Almaty pada Rabu, 5 Januari 2022, menuntut harga gas diturunkan. Polisi mengatakan sedikitnya 12 orang tewas dan 300 orang terluka dalam bentrokan di pusat kota.

Spanduk para pengunjuk rasa bertuliskan <script>alert(1)</script> dan <img src=x onerror=alert(2)> di depan kantor wali kota.

Seorang warga menulis **tebal**, _miring_, :red[merah], $$x^2$$ dan &lt;b&gt; di media sosial, kata Kementerian Dalam Negeri.

Baca Juga: <b>Harga Gas</b> Naik Lagi di Mangystau

Penulis : Budi <i>Santoso</i> Editor : Sari **Dewi**
"""
# Ingest refuses such an address; a database written by another tool may still hold one.
HOSTILE_INFO = ArticleInfo(outlet="Kabar Contoh <b>", url="javascript:alert(4)")
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "**tebal**", "_miring_", ":red[merah]",
            "$$x^2$$", "&lt;b&gt;"]
OWN_NOISE = ("/_stcore/", "fonts.gstatic.com")  # Streamlit probing its base path; icon font fetch while offline


@pytest.fixture(scope="module")
def hostile_server(chromium_path, tmp_path_factory):
    database = str(tmp_path_factory.mktemp("store") / "qantar.sqlite")
    raw = HOSTILE.encode("utf-8")
    unchecked = Checked("xss_almaty.txt", raw, HOSTILE_INFO, tables=extract_bytes(raw, HOSTILE_INFO))
    assert store.save(store.open_database(store.database_url(database)), unchecked).status == "saved"
    with running_server("--server.fileWatcherType", "none", env={store.DATABASE_VARIABLE: database}) as url:
        yield url, article_id_for(raw)


@pytest.fixture
def watched(page):
    """The page, with every dialog, console error and request it makes recorded."""
    page.dialogs, page.console_errors, page.requests = [], [], []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(
        (m.text, (m.location or {}).get("url", ""))))
    page.on("request", lambda r: page.requests.append(r.url))
    page.set_viewport_size({"width": 1280, "height": 1100})
    return page


def open_reader(page, base: str, query: str) -> None:
    # A fresh server answers its very first session with "page not found" for a page path, so the
    # overview is opened first (as a visitor usually does).
    page.goto(base + "/")
    wait_for_app(page)
    page.goto(f"{base}/reader?{query}")
    wait_for_app(page)
    page.wait_for_selector(PANEL, timeout=30_000)
    page.wait_for_timeout(800)
    assert page.locator("h1").first.inner_text().strip() == "Reader"
    assert page.locator('[data-testid="stException"]').count() == 0


def assert_nothing_ran(page) -> None:
    assert page.dialogs == []
    assert not page.errors
    foreign = [(text, url) for text, url in page.console_errors if not any(n in url for n in OWN_NOISE)]
    assert foreign == []
    assert not [url for url in page.requests if url.rstrip("/").endswith("/x")], "an <img src=x> was loaded"


def test_hostile_article_shows_markup_as_text_and_runs_nothing(hostile_server, watched):
    base, article_id = hostile_server
    open_reader(watched, base, f"article={article_id}&sentence=5")
    panel = watched.frame_locator(PANEL)
    marked = panel.locator("#s-5")
    assert "sel" in marked.get_attribute("class").split()
    assert "<script>alert(1)</script>" in marked.inner_text()
    text = panel.locator("body").inner_text()
    for payload in PAYLOADS + ["<b>Harga Gas</b>", "Budi <i>Santoso</i>"]:
        assert payload in text, payload
    assert panel.locator("script").count() == 1          # the reader's own scroll, nothing from the article
    assert panel.locator("img, iframe, b, i, [onerror]").count() == 0
    main = watched.locator('[data-testid="stMain"]')
    header = main.inner_text()
    assert "<img src=x onerror=alert(3)>" in header and "Kabar Contoh <b>" in header and "Budi <i>Santoso</i>" in header
    assert "javascript:alert(4)" in header                # the unsafe address is shown, not linked
    assert main.locator('a[href^="javascript:"], img[onerror]').count() == 0
    assert_nothing_ran(watched)
    screenshot(watched, "reader-xss")


def test_deep_link_marks_the_sentence_in_view(hostile_server, watched):
    base, _ = hostile_server
    open_reader(watched, base, f"article={TAGAR}&sentence=8")
    panel_box = watched.locator(PANEL).bounding_box()
    panel = watched.frame_locator(PANEL)
    assert panel.locator('[id^="s-"].sel').count() == 1
    sentence = panel.locator("#s-8")
    assert "26" in sentence.inner_text() and "sel" in sentence.get_attribute("class").split()
    box = sentence.bounding_box()
    assert panel_box["y"] <= box["y"] and box["y"] + 20 <= panel_box["y"] + panel_box["height"], (box, panel_box)
    assert box["y"] + 20 <= 1100, "the marked sentence is on screen"
    assert panel.locator(".legend mark.k-figure").count() == 1 and panel.locator(".bp-block").count() >= 1
    assert panel.locator('mark.k-figure[data-rows="f212c43517d9-f0"]').inner_text() == "26"
    assert_nothing_ran(watched)
    screenshot(watched, "reader")


def test_selecting_a_row_marks_its_sentence(hostile_server, watched):
    base, _ = hostile_server
    open_reader(watched, base, f"article={TAGAR}")
    panel = watched.frame_locator(PANEL)
    assert panel.locator('[id^="s-"].sel').count() == 0
    grid = watched.locator('[data-testid="stDataFrame"]').first.bounding_box()
    row_height = 35  # header and rows of st.dataframe's grid; row 3 is f0 ("killed 26"), sentence 8
    watched.mouse.click(grid["x"] + 18, grid["y"] + row_height * 4 + row_height / 2)
    panel.locator("#s-8.sel").wait_for(timeout=20_000)
    assert panel.locator('[id^="s-"].sel').count() == 1
    assert panel.locator("mark.pick").count() >= 1
    assert_nothing_ran(watched)
