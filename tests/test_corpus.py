"""Loading files into a corpus: sidecars, duplicates, unreadable files, schema checks."""
import gc
from pathlib import Path

import pandas as pd
import pytest

from kzdata import corpus as corpus_module
from kzdata import extract_text, load_corpus
from kzdata.dates import parse_timestamp
from kzdata.sources import find_sources
from kzdata.schema import SchemaError, TABLES, frame, validate

ARTICLE = "Polisi Tangkap Perusuh di Almaty\n\nJAKARTA - Polisi menangkap 30 perusuh di Almaty pada Senin (10/1/2022).\n"


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sidecar_supplies_what_the_text_does_not_say(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "articles.toml", '["a.txt"]\noutlet = "Warta"\nurl = "https://contoh.id/a"\npublished = 2022-01-11\n')
    corpus = load_corpus([path])
    row = corpus.articles.iloc[0]
    assert (row.outlet, row.url) == ("Warta", "https://contoh.id/a")
    assert row.published == pd.Timestamp("2022-01-11", tz="Asia/Jakarta")
    assert corpus.events.iloc[0].outlet == "Warta"


def test_sidecar_with_unknown_keys_is_refused_with_its_name(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "articles.toml", '["a.txt"]\noutlett = "Warta"\n')
    with pytest.raises(ValueError, match=r"articles\.toml.*a\.txt.*outlett"):
        load_corpus([path])


def test_same_content_twice_is_read_once(tmp_path):
    paths = [write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.txt", ARTICLE)]
    corpus = load_corpus(paths)
    assert len(corpus.articles) == 1
    assert corpus.duplicates == (f"{paths[1]}: same content as {paths[0]}, read once",)
    assert corpus.problems == ()


def test_unreadable_files_are_reported_and_the_rest_loaded(tmp_path):
    good = write(tmp_path, "a.txt", ARTICLE)
    empty = write(tmp_path, "kosong.txt", "")
    corpus = load_corpus([tmp_path / "hilang.txt", empty, good])
    assert len(corpus.articles) == 1
    assert [p.split(":")[0] for p in corpus.problems] == [str(tmp_path / "hilang.txt"), str(empty)]


def test_every_table_matches_its_schema(seed_corpus):
    for name in TABLES:
        validate(name, seed_corpus.table(name))


def test_validate_names_the_bad_column():
    events = frame("events", []).astype({"lat": "object"})
    with pytest.raises(SchemaError, match="'lat'"):
        validate("events", events)
    with pytest.raises(SchemaError, match="missing \\['quote'\\]"):
        validate("figures", frame("figures", []).drop(columns="quote"))


def collector_states_during_extraction(monkeypatch):
    """Record whether the cyclic collector runs each time load_corpus extracts an article."""
    states = []
    extract = corpus_module.extract_bytes

    def recording(*args, **kwargs):
        states.append(gc.isenabled())
        return extract(*args, **kwargs)

    monkeypatch.setattr(corpus_module, "extract_bytes", recording)
    return states


def test_the_cyclic_collector_is_paused_while_files_are_extracted_and_restored_after(tmp_path, monkeypatch):
    states = collector_states_during_extraction(monkeypatch)
    paths = [write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.txt", ARTICLE.replace("30", "40"))]
    assert gc.isenabled()
    load_corpus(paths)
    assert states == [False, False]
    assert gc.isenabled()


def test_a_failing_batch_restores_the_collector_and_a_disabled_one_stays_disabled(tmp_path, monkeypatch):
    collector_states_during_extraction(monkeypatch)
    path = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "articles.toml", '["a.txt"]\noutlett = "Warta"\n')
    with pytest.raises(ValueError):
        load_corpus([path])
    assert gc.isenabled()
    gc.disable()
    try:
        load_corpus([write(tmp_path, "c.txt", ARTICLE)], use_sidecar=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_leaves_no_reference_cycles_for_the_paused_collector():
    """Why pausing is safe: reference counting alone frees everything extraction drops."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    texts = [ARTICLE, "<p>Demo di <b>Aktau</b>, Rabu (5/1/2022): 2.500 orang.</p>"]
    texts += [path.read_text(encoding="utf-8") for path in seeds]
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            extract_text(text)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_letters_that_match_ascii_ones_only_when_case_is_ignored_are_read_not_fatal():
    """"İ" lower-cases to two characters, so such a text is matched ignoring case, where "ı", "ſ" and
    the Kelvin sign equal "i", "s" and "k": what matched is looked up as those, and nothing raises."""
    text = ("Utusan Tajıkistan Tiba di Almaty\n\n"
            "ALMATY - Utusan dari Tajıkistan dan Kırgistan tiba di Almaty pada Rabu (12/1/2022), kata seorang "
            "pejabat di İzmir kepada CNN İndonesia. Sedikitnya ſembilan orang ditahan polisi.\n")
    tables = extract_text(text)
    assert {"Tajikistan", "Kyrgyzstan", "Almaty"} <= {row["name"] for row in tables.places}
    assert [row["value"] for row in tables.figures] == [9]
    assert find_sources("Di İzmir, menurut CNN İndonesia dan Republıka.") == ["CNN Indonesia", "Republika"]
    assert parse_timestamp("Kamis, 13 Januari 2022 16:46 WİB").isoformat() == "2022-01-13T16:46:00+07:00"


@pytest.mark.parametrize("credit", ["CNN  Indonesia", "CNN-Indonesia", "CNN\u00a0Indonesia", "cnn - indonesia"])
def test_a_source_name_spaced_or_hyphenated_otherwise_is_still_read(credit):
    """A name's words may be parted by any run of spaces or hyphens, as the aliases' regex allows."""
    assert find_sources(f"Laporan ini dikutip dari {credit}.") == ["CNN Indonesia"]
    text = ("Polisi Menahan Puluhan Warga\n\n"
            "ALMATY - Polisi menahan puluhan warga pada Rabu (5/1/2022).\n\n"
            f"Sumber: {credit}, AFP\n")
    assert extract_text(text).articles[0]["credited_sources"] == "CNN Indonesia; AFP"


def test_each_place_mention_has_a_row_of_its_own():
    text = "Demo di Almaty Meluas\n\nWarga Almaty turun ke jalan. Polisi menjaga pusat Almaty.\n"
    first = extract_text(text, article_id="a1").places
    assert [(r["article_id"], r["sentence_id"], r["mention"], r["name"]) for r in first] == [
        ("a1", 0, "Almaty", "Almaty"), ("a1", 1, "Almaty", "Almaty"), ("a1", 2, "Almaty", "Almaty")]
    assert [(r["start"], r["end"]) for r in first] == [(8, 14), (29, 35), (73, 79)]
    assert list(first[0]) == ["article_id", "sentence_id", "start", "end", "mention", "name", "kind", "lat",
                              "lon", "precision"]
    first[0]["name"] = "changed"    # a row changed by its user changes no later row
    second = extract_text(text, article_id="b2").places
    assert [r["name"] for r in second] == ["Almaty"] * 3
    assert [r["article_id"] for r in second] == ["b2"] * 3


def test_an_alias_read_again_in_another_spelling_gives_the_same_name():
    """Each spelling of an alias is looked up once and remembered: a later spelling has its own key."""
    assert find_sources("Foto: Antara. Sumber: ANTARA") == ["Antara"]
    assert find_sources("Sumber: antara, Agence  France-Presse") == ["Antara", "AFP"]
    assert find_sources("dilansir AGENCE FRANCE PRESSE dan kantor berita Antara") == ["AFP", "Antara"]
