"""The "Add articles" page in AppTest: paste and upload, preview, save, and the article on every page."""
import pytest
from streamlit.testing.v1 import AppTest

from kzdata import store
from kzdata.corpus import ArticleInfo
from tests import articles
from tests.test_app import ROOT, shown

PAGE = "pages/add_articles.py"


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "qantar.sqlite"
    monkeypatch.setenv(store.DATABASE_VARIABLE, str(path))
    return path


@pytest.fixture
def app(database):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    return at.switch_page(PAGE).run()


def save_button(at):
    return next(b for b in at.button if b.label.startswith("Save"))


def test_the_page_renders_with_an_empty_preview_and_save_disabled(app):
    assert not app.exception
    assert [t.value for t in app.title] == ["Add articles"]
    assert save_button(app).disabled


def test_pasted_text_is_previewed_then_saved_and_shows_in_the_outlet_filter(app, database):
    app.text_area[0].set_value(articles.SHYMKENT)
    app.text_input(key="outlet_0").set_value("Kabar Contoh").run()
    preview = " ".join(shown(m.value) for m in app.markdown)
    assert "Ready to save" in preview and "Polisi Shymkent" in preview
    assert any("37" in str(df.value) for df in app.dataframe), "the figure that would be saved is shown"
    assert store.list_articles(store.open_database(store.database_url(str(database))))[-1].seed, "nothing saved yet"
    save_button(app).click().run()
    assert not app.exception
    assert any("saved as" in shown(s.value) for s in app.success)
    assert "Kabar Contoh" in app.sidebar.multiselect[0].options
    assert app.text_area[0].value == "", "the form starts empty again after saving"
    app.switch_page("pages/data_tables.py").run()
    outlets = {outlet for df in app.dataframe if "outlet" in df.value.columns for outlet in df.value.outlet}
    assert "Kabar Contoh" in outlets


def test_uploaded_files_are_checked_one_by_one_and_the_good_ones_saved(app, database):
    app.file_uploader[0].set_value([
        ("empty.txt", b"", "text/plain"),
        ("wire.html", f"<html><script>alert(1)</script><body><p>{articles.WIRE}</p></body></html>".encode(), "text/html"),
        ("elsewhere.txt", articles.ELSEWHERE.encode(), "text/plain"),
    ]).run()
    assert [shown(e.value) for e in app.error] == ["**Not saved**: empty.txt: the file is empty"]
    assert any("no place in Kazakhstan" in shown(w.value) for w in app.warning)
    assert save_button(app).label == "Save 2 article(s)"
    save_button(app).click().run()
    stored = [a.file_name for a in store.list_articles(store.open_database(store.database_url(str(database))))
              if not a.seed]
    assert sorted(stored) == ["elsewhere.txt", "wire.html"]


def test_an_article_already_stored_is_not_offered_again(app):
    app.text_area[0].set_value(articles.WIRE).run()
    save_button(app).click().run()
    app.text_area[0].set_value(articles.WIRE).run()
    assert any("Already stored" in shown(m.value) for m in app.markdown)
    assert save_button(app).disabled


def test_a_bad_web_address_is_refused_in_the_preview(app):
    app.text_input(key="url_0").set_value("javascript:alert(1)")
    app.text_area[0].set_value(articles.SHYMKENT).run()
    assert any("not a web address" in shown(e.value) for e in app.error)
    assert save_button(app).disabled


def test_choosing_another_database_in_the_page_applies_to_the_session(app, tmp_path):
    other = tmp_path / "other.sqlite"
    app.text_input(key="database_field").set_value(str(other)).run()
    next(b for b in app.button if b.label == "Use this database").click().run()
    assert any(str(other) in shown(m.value) for m in app.markdown)
    app.text_area[0].set_value(articles.SHYMKENT).run()
    save_button(app).click().run()
    assert [a.file_name for a in store.list_articles(store.open_database(store.database_url(str(other))))
            if not a.seed] == ["pasted article"]


def test_a_database_that_cannot_be_opened_is_reported_and_the_seeds_still_show(tmp_path, monkeypatch):
    (tmp_path / "folder").mkdir()
    monkeypatch.setenv(store.DATABASE_VARIABLE, str(tmp_path / "folder"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert set(at.sidebar.multiselect[0].options) == {"Tagar", "Kompas TV"}
    at.switch_page(PAGE).run()
    assert any("is a folder" in shown(e.value) for e in at.error)
    at.text_area[0].set_value(articles.SHYMKENT).run()
    assert save_button(at).disabled, "nothing is saved where it would be lost"


def test_streamlit_secrets_name_the_database_as_st_connection_sql_would(tmp_path, monkeypatch):
    monkeypatch.delenv(store.DATABASE_VARIABLE)
    database = tmp_path / "from-secrets.sqlite"
    store.ingest(store.open_database(store.database_url(str(database))), articles.SHYMKENT.encode(), "a.txt",
                 ArticleInfo(outlet="Kabar Rahasia"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.secrets["connections"] = {"sql": {"url": f"sqlite:///{database}"}}
    at.run()
    assert "Kabar Rahasia" in at.sidebar.multiselect[0].options


def test_the_reader_links_copies_of_one_wire_story_to_each_other(database):
    engine = store.open_database(store.database_url(str(database)))
    first = store.ingest(engine, articles.WIRE.encode(), "wire.txt", ArticleInfo(outlet="Kabar Satu")).article_id
    copy = store.ingest(engine, articles.wire_copy("KABARDUA.COM").encode(), "copy.txt",
                        ArticleInfo(outlet="Kabar Dua")).article_id
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["article"] = copy
    at.run()
    at.switch_page("pages/source_reader.py").run()
    notes = [shown(c.value) for c in at.caption if "same wire story" in c.value]
    assert len(notes) == 1 and f"article={first}" in notes[0] and "Kabar Satu" in notes[0]
