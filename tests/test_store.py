"""Storing added articles: duplicates, bad input per file, removal, reloading, and wire copies as one story."""
import codecs
import hashlib

import pytest
import sqlalchemy as sa

from kzdata import store
from kzdata.corpus import ArticleInfo
from kzdata.headlines import headline_claims
from tests import articles

SEED_FILE = sorted(store.SEEDS_DIR.glob("*.txt"))[0]


@pytest.fixture
def engine(tmp_path):
    return store.open_database(store.database_url(str(tmp_path / "qantar.sqlite")))


def ingest(engine, text, name="article.txt", **info):
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return store.ingest(engine, raw, name, ArticleInfo(**info))


def stored_ids(engine):
    return [a.article_id for a in store.list_articles(engine) if not a.seed]


def test_an_ingested_article_is_stored_with_its_bytes_metadata_hash_and_time(engine):
    result = ingest(engine, articles.SHYMKENT, "shymkent.txt", outlet="Kabar Contoh", url="https://contoh.id/a",
                    published=None)
    assert result.status == "saved", result.message
    with engine.connect() as connection:
        row = connection.execute(sa.select(store.stored_articles)).one()
    raw = articles.SHYMKENT.encode("utf-8")
    assert (row.raw, row.size, row.file_name, row.outlet, row.url) == (raw, len(raw), "shymkent.txt", "Kabar Contoh",
                                                                       "https://contoh.id/a")
    assert row.content_hash == hashlib.sha256(raw).hexdigest() and row.article_id == row.content_hash[:12]
    assert row.added_at is not None


def test_the_same_bytes_twice_are_stored_once(engine):
    assert ingest(engine, articles.SHYMKENT, "first.txt").status == "saved"
    again = ingest(engine, articles.SHYMKENT, "second.txt", outlet="Other")
    assert again.status == "duplicate" and "first.txt" in again.message
    assert len(stored_ids(engine)) == 1


def test_a_seed_is_never_stored_again(engine):
    result = store.ingest(engine, SEED_FILE.read_bytes(), "copy.txt")
    assert result.status == "duplicate" and SEED_FILE.name in result.message
    assert stored_ids(engine) == []


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b"   \n\t  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_unreadable_input_is_refused_with_its_name_and_the_reason(engine, raw, reason):
    result = store.ingest(engine, raw, "bad.txt")
    assert result.status == "refused" and result.message.startswith("bad.txt:") and reason in result.message
    assert stored_ids(engine) == []


def test_a_file_over_the_size_limit_is_refused_and_says_the_limit(engine):
    result = store.ingest(engine, articles.SHYMKENT.encode() * 3, "long.txt", max_bytes=1024)
    assert result.status == "refused"
    assert "long.txt" in result.message and "over the 1 KB limit" in result.message


def test_the_default_size_limit_is_two_megabytes(engine):
    result = store.ingest(engine, b"a" * (2 * 1024 * 1024 + 1), "huge.txt")
    assert result.status == "refused" and "2 MB limit" in result.message


CURLY = articles.SHYMKENT.replace("toko elektronik", "toko \u201cCaf\u00e9\u201d elektronik")
ACCENTED = articles.SHYMKENT.replace("toko elektronik", "toko Caf\u00e9 elektronik")


@pytest.mark.parametrize("raw, text", [
    (codecs.BOM_UTF16_LE + CURLY.encode("utf-16-le"), CURLY),
    (codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"), CURLY),
    (CURLY.encode("cp1252"), CURLY),
    (ACCENTED.encode("latin-1"), ACCENTED),
], ids=["utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"])
def test_other_encodings_are_detected_and_read_back_as_the_same_text(engine, raw, text):
    assert ingest(engine, raw, "encoded.txt").status == "saved"
    stored = store.load(engine).articles.set_index("source_file").loc["encoded.txt"]
    assert stored.text.strip() == text.strip()


def test_html_is_stored_as_given_and_read_without_its_scripts(engine):
    page = ("<html><head><script>steal()</script></head><body><h1>Aktau Tenang</h1>"
            "<p>Warga Aktau kembali bekerja pada Selasa, 11 Januari 2022.</p>"
            "<script>document.write('HIDDEN_TEXT')</script></body></html>")
    assert ingest(engine, page, "page.html").status == "saved"
    with engine.connect() as connection:
        assert connection.execute(sa.select(store.stored_articles.c.raw)).scalar() == page.encode()
    text = store.load(engine).articles.set_index("source_file").loc["page.html", "text"]
    assert "Aktau" in text and "steal" not in text and "HIDDEN_TEXT" not in text


def test_an_article_without_any_date_is_saved_with_a_warning(engine):
    result = ingest(engine, articles.NO_DATE, "undated.txt")
    assert result.status == "saved"
    assert any("no date found" in warning for warning in result.warnings)
    notes = store.load(engine).articles.set_index("source_file").loc["undated.txt", "notes"]
    assert "no date found" in notes


def test_a_given_published_date_answers_the_missing_date(engine):
    import datetime as dt
    result = ingest(engine, articles.NO_DATE, "undated.txt", published=dt.date(2022, 1, 12))
    assert result.status == "saved" and not any("no date" in warning for warning in result.warnings)


def test_an_article_naming_no_place_in_kazakhstan_is_saved_with_a_warning(engine):
    result = ingest(engine, articles.ELSEWHERE, "elsewhere.txt")
    assert result.status == "saved"
    assert any("no place in Kazakhstan" in warning for warning in result.warnings)
    assert not any("Kazakhstan" in warning for warning in ingest(engine, articles.SHYMKENT).warnings)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a", "contoh.id/a"])
def test_an_address_that_is_not_a_web_link_is_refused(engine, url):
    result = ingest(engine, articles.SHYMKENT, "a.txt", url=url)
    assert result.status == "refused" and url in result.message and "http" in result.message


def test_removing_deletes_only_that_article_and_seeds_cannot_be_removed(engine):
    first = ingest(engine, articles.SHYMKENT, "a.txt").article_id
    second = ingest(engine, articles.WIRE, "b.txt").article_id
    assert store.remove(engine, first).file_name == "a.txt"
    assert stored_ids(engine) == [second]
    seed_id = next(a.article_id for a in store.list_articles(engine) if a.seed)
    with pytest.raises(store.StoreError, match="seed"):
        store.remove(engine, seed_id)
    with pytest.raises(store.StoreError, match="no stored article"):
        store.remove(engine, "000000000000")


def test_the_corpus_is_the_seeds_plus_the_stored_articles_and_the_revision_follows(engine):
    empty = store.revision(engine)
    seeds_only = store.load(engine)
    ingest(engine, articles.SHYMKENT, "a.txt", outlet="Kabar Contoh")
    assert store.revision(engine) != empty
    corpus = store.load(engine)
    assert len(corpus.articles) == len(seeds_only.articles) + 1
    assert "Kabar Contoh" in set(corpus.articles.outlet)
    added = corpus.figures[corpus.figures.outlet == "Kabar Contoh"]
    assert list(added.value) == [37] and list(added.category) == ["detained"]


def test_the_cyclic_collector_is_paused_while_the_corpus_is_extracted(engine, monkeypatch):
    import gc
    ingest(engine, articles.SHYMKENT, "a.txt")
    states, read = [], store.read
    monkeypatch.setattr(store, "read", lambda *args: states.append(gc.isenabled()) or read(*args))
    store.load(engine)
    assert states and not any(states)
    assert gc.isenabled()


def test_a_database_that_cannot_be_opened_is_named_with_the_reason(tmp_path):
    (tmp_path / "folder.sqlite").mkdir()
    with pytest.raises(store.StoreError, match="folder.sqlite.*folder"):
        store.open_database(store.database_url(str(tmp_path / "folder.sqlite")))
    with pytest.raises(store.StoreError, match="cannot be opened"):
        store.open_database("postgresql+psycopg://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
    with pytest.raises(store.StoreError) as raised:
        store.open_database("postgresql+psycopg://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
    assert "secret" not in str(raised.value)


def test_the_database_setting_is_a_path_or_a_url_and_defaults_to_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(store.DATABASE_VARIABLE, str(tmp_path / "env.sqlite"))
    assert store.database_url() == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert store.database_url("postgresql://u@h/db") == "postgresql://u@h/db"
    monkeypatch.delenv(store.DATABASE_VARIABLE)
    assert store.database_url(fallback="sqlite:///x.db") == "sqlite:///x.db"
    assert store.database_url().endswith("qantar/qantar.sqlite")


# --------------------------------------------------------------------------- wire copies

def test_copies_of_one_wire_story_are_one_story_and_its_claims_count_once(engine):
    ingest(engine, articles.WIRE, "wire.txt", outlet="Kabar Satu")
    ingest(engine, articles.wire_copy("KABARDUA.COM"), "copy.txt", outlet="Kabar Dua")
    ingest(engine, articles.SHYMKENT, "other.txt", outlet="Kabar Tiga")
    corpus = store.load(engine)
    stories = corpus.articles.set_index("outlet").story_id
    assert stories["Kabar Satu"] == stories["Kabar Dua"] != stories["Kabar Tiga"]
    held = headline_claims(corpus.figures)["held"]
    wire_claims = held[held.outlet.str.contains("Kabar Satu")]
    assert len(wire_claims) == 1 and wire_claims.iloc[0].outlet == "Kabar Satu; Kabar Dua"
    assert set(corpus.articles.outlet) >= {"Kabar Satu", "Kabar Dua"}, "each outlet stays in the filter"


def test_articles_on_the_same_events_in_their_own_words_are_separate_stories(engine):
    ingest(engine, articles.WIRE, "wire.txt", outlet="Kabar Satu")
    ingest(engine, articles.SHYMKENT, "other.txt", outlet="Kabar Dua")
    stories = store.load(engine).articles.story_id
    assert stories.nunique() == len(stories)
