"""Figure rules, on sentences written for these tests in the style of Indonesian news."""
import datetime as dt

import pandas as pd
import pytest

from kzdata import ArticleInfo, extract_text
from kzdata.schema import frame

THURSDAY = dt.date(2022, 1, 13)


def figures_of(body, published=THURSDAY):
    text = f"Korban Kerusuhan Terus Bertambah\n\nJAKARTA - {body}\n"
    return frame("figures", extract_text(text, ArticleInfo(outlet="Uji", published=published)).figures)


def only(df):
    assert len(df) == 1, df[["category", "number_text", "subject"]]
    return df.iloc[0]


@pytest.mark.parametrize("sentence, category, value, subject", [
    ("Bentrokan itu menewaskan 12 pengunjuk rasa di Aktau.", "killed", 12, "demonstrators"),
    ("Sebanyak 31 polisi tewas dalam kerusuhan.", "killed", 31, "law enforcement officers"),
    ("Aparat menangkap 150 orang di Taraz.", "arrested", 150, "people"),
    ("Sedikitnya 70 warga ditahan oleh aparat.", "detained", 70, "civilians"),
    ("Rumah sakit merawat 400 orang yang terluka.", "injured", 400, "people"),
    ("Kirgistan mengerahkan 150 prajurit ke Almaty.", "troops", 150, "troops"),
    ("Pemerintah mengevakuasi 90 WNI dari Almaty.", "evacuated", 90, "Indonesian citizens"),
    ("Rusia menerbangkan 70 pesawat militer ke Kazakhstan.", "aircraft", 70, "aircraft"),
])
def test_category_and_subject(sentence, category, value, subject):
    row = only(figures_of(sentence))
    assert (row.category, row.value, row.subject) == (category, value, subject)


def test_each_number_takes_its_own_trigger():
    df = figures_of("Polisi menewaskan 9 perusuh dan menangkap lebih dari 1.200 orang di Almaty.")
    assert list(zip(df.category, df.value, df.qualifier)) == [("killed", 9.0, "exact"), ("arrested", 1200.0, "at_least")]


def test_a_trigger_in_the_next_sentence_does_not_count():
    rows = figures_of("Polisi mencatat 40 orang hadir di alun-alun. Tewas dalam bentrokan itu 2 demonstran, "
                      "dan aparat menangkap 15 orang.")
    assert [(row.number_text, row.category) for row in rows.itertuples()] == [("15", "arrested")]


@pytest.mark.parametrize("sentence, category", [
    # the last "menewaskan" stands right before the number, the first seven words away: too far
    ("Serangan itu menewaskan warga desa, melukai penduduk, lalu kembali menewaskan 4 perusuh.", "killed"),
    # the first "tewas" follows the noun, the second seven words after the number: too far
    ("Sebanyak 4 perusuh tewas, sementara yang lain ditangkap dan juga tewas.", "killed"),
])
def test_a_trigger_said_twice_counts_where_it_stands_nearest(sentence, category):
    assert only(figures_of(sentence)).category == category


def test_written_out_numbers_and_a_trigger_after_the_noun():
    row = only(figures_of("Dua puluh enam petugas keamanan juga tewas."))
    assert (row.value, row.category, row.subject, row.number_text) == (26.0, "killed", "security forces", "Dua puluh enam")


@pytest.mark.parametrize("words, qualifier, value, low, high", [
    ("sekitar 3.000", "approx", 3000.0, 2700.0, 3300.0),
    ("hampir 500", "at_most", 500.0, None, 500.0),
    ("setidaknya 164", "at_least", 164.0, 164.0, None),
    ("ratusan", "vague", None, 200.0, 999.0),
    ("1,5 ribu", "exact", 1500.0, 1500.0, 1500.0),
])
def test_qualifiers_reach_the_table(words, qualifier, value, low, high):
    row = only(figures_of(f"Aparat menahan {words} orang di Shymkent."))
    got = [row.qualifier] + [None if pd.isna(v) else float(v) for v in (row.value, row.low, row.high)]
    assert got == [qualifier, value, low, high]


def test_numbers_without_a_countable_subject_are_not_figures():
    assert figures_of("Aliansi itu beranggotakan enam negara, dan harga gas naik 15 persen.").empty


def test_dates_and_times_are_not_figures():
    assert figures_of("Rapat digelar pada Rabu (5/1/2022) pukul 16.30 WIB di gedung nomor 3.").empty


def test_as_of_comes_from_the_sentence_then_the_paragraph_then_the_article():
    df = figures_of("Polisi menangkap 50 orang pada Senin (10/1/2022). Sebanyak 8 orang tewas.\n\n"
                    "Sebanyak 3 petugas terluka.")
    as_of = dict(zip(df.value, zip(df.as_of, df.as_of_inferred)))
    assert as_of[50.0] == (pd.Timestamp("2022-01-10"), False)
    assert as_of[8.0] == (pd.Timestamp("2022-01-10"), True)
    assert as_of[3.0] == (pd.Timestamp("2022-01-13"), True)


def test_a_wide_span_earlier_in_the_paragraph_does_not_date_a_count():
    df = figures_of("Warga berunjuk rasa pada Senin (10/1/2022). Negara itu merdeka lebih dari 30 tahun lalu. "
                    "Sebanyak 12 orang terluka.")
    assert (only(df).as_of, only(df).as_of_inferred) == (pd.Timestamp("2022-01-10"), True)


@pytest.mark.parametrize("sentence, speaker", [
    ("Sebanyak 40 orang tewas, kata Kementerian Kesehatan pada hari Rabu.", "Health Ministry"),
    ("Menurut Kementerian Dalam Negeri, 16 polisi tewas.", "Interior Ministry"),
    ("Pihak berwenang di Aktau melaporkan 25 orang ditangkap.", "authorities"),
    ("Polisi menangkap 25 orang.", None),
])
def test_attribution(sentence, speaker):
    row = only(figures_of(sentence))
    assert (None if pd.isna(row.attribution) else row.attribution) == speaker


def test_troops_are_labelled_by_who_sends_them():
    row = only(figures_of("CSTO mengirim sekitar 3.000 tentara ke Almaty."))
    assert row.subject == "CSTO troops"


def test_provenance_marks_the_number():
    text = "Korban Bertambah\n\nJAKARTA - Aparat menangkap 77 orang.\n"
    row = extract_text(text, ArticleInfo(published=THURSDAY)).figures[0]
    assert text[row["mark_start"]:row["mark_end"]] == "77"
    assert text[row["start"]:row["end"]] == row["quote"] == "JAKARTA - Aparat menangkap 77 orang."


def test_dates_grouped_by_sentence_fall_in_the_paragraphs_a_date_at_a_time_gives(monkeypatch):
    """The paragraphs' dates are taken from the dates by sentence; a date that ran past its sentence
    would be left out there, and the dates are then grouped one at a time: both must agree."""
    from kzdata import corpus, figures
    scans = []
    monkeypatch.setattr(corpus, "extract_figures", lambda scan, *rest: scans.append(scan) or [])
    figures_of("Polisi menangkap 50 orang pada Senin (10/1/2022). Bentrokan berlanjut Selasa (11/1/2022).\n\n"
               "Pada Rabu (12/1/2022) massa kembali berkumpul. Sebanyak 3 petugas terluka.")
    grouped = figures._dates_by_paragraph(scans[0])
    assert grouped == figures._dates_by_start(scans[0])
    assert [[m.resolved.date for m in dates] for dates in grouped.values()] == [
        [dt.date(2022, 1, 10), dt.date(2022, 1, 11)], [dt.date(2022, 1, 12)]]
