"""What an article says about itself, on pages written for these tests."""
import datetime as dt

import pandas as pd

from kzdata import ArticleInfo, extract_text

PAGE = """Harga Gas Picu Protes di Aktau

Warga menuntut pemerintah membatalkan kenaikan harga
Detik internasional | Selasa, 4 Januari 2022 08:05 WIB
Warga berkumpul di Aktau, Senin (3/1/2022). (Foto: Reuters/Pavel Mikheyev)

AKTAU, KOMPAS.TV - Ribuan warga berkumpul di alun-alun kota Aktau pada Senin (3/1/2022), seperti dilansir Reuters.

Penulis : Sari Dewi
Editor : Andi Pratama
Sumber : Antara/AFP
"""


def article(text=PAGE, **info):
    return extract_text(text, ArticleInfo(**info)).articles[0]


def test_stated_metadata_is_parsed():
    row = article()
    assert row["title"] == "Harga Gas Picu Protes di Aktau"
    assert row["section"] == "Detik internasional"
    assert row["published"] == pd.Timestamp("2022-01-04 08:05", tz="Asia/Jakarta")
    assert (row["author"], row["editor"], row["dateline"]) == ("Sari Dewi", "Andi Pratama", "Aktau")
    assert {"Reuters", "Antara", "AFP"} <= set(row["credited_sources"].split("; "))
    assert row["reference_date"] == dt.date(2022, 1, 4) and not row["published_inferred"]


def test_dateline_agency_names_the_outlet_when_none_is_given():
    assert article()["outlet"] == "Kompas TV"
    assert article(outlet="Contoh")["outlet"] == "Contoh"


def test_given_publication_date_overrides_and_resolves_weekdays():
    text = "Polisi Tangkap Perusuh\n\nJAKARTA - Polisi menangkap 30 perusuh pada hari Senin.\n"
    tables = extract_text(text, ArticleInfo(published=dt.date(2022, 1, 12)))
    assert tables.articles[0]["published"] == pd.Timestamp("2022-01-12", tz="Asia/Jakarta")
    assert tables.events[0]["date"] == dt.date(2022, 1, 10)


def test_unknown_publication_date_is_inferred_from_the_latest_full_date():
    text = ("Pasukan Tiba\n\nJAKARTA - Pasukan tiba di Almaty pada Rabu, 5 Januari 2022. "
            "Sehari kemudian, 6 Januari 2022, bandara ditutup. Polisi menangkap 20 orang pada hari Senin.\n")
    row = article(text)
    assert row["published"] is None and row["published_inferred"]
    assert row["reference_date"] == dt.date(2022, 1, 6)
    assert "lower bound" in row["notes"]


def test_no_dates_at_all_is_noted_not_an_error():
    tables = extract_text("Cuaca Cerah\n\nHari ini cuaca cerah dan warga beraktivitas seperti biasa.\n")
    row = tables.articles[0]
    assert row["reference_date"] is None and not tables.events and not tables.figures
    assert "no events or figures" in row["notes"]
