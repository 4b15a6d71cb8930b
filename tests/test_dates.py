"""Dates in Indonesian news text: finding expressions, resolving them, reading publication lines."""
from __future__ import annotations

import datetime as dt

import pytest

from kzdata import language
from kzdata.dates import DateExpr, ResolvedDate, find_dates, latest_absolute_date, parse_timestamp

THURSDAY = dt.date(2022, 1, 13)          # reference (publication) date used unless a test says otherwise
D = dt.date


def only(text: str) -> DateExpr:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def day_of(text: str, reference: dt.date = THURSDAY) -> dt.date:
    resolved = only(text).resolve(reference)
    assert resolved is not None and resolved.precision == "day", resolved
    return resolved.date


# ---------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("sentence, span, expected", [
    ("Pasukan tambahan mendarat di Almaty pada Sabtu, 8 Januari 2022, menurut kementerian.",
     "Sabtu, 8 Januari 2022", D(2022, 1, 8)),
    ("Status darurat diumumkan pada Rabu, 5 Januari 2022 di kota itu.", "Rabu, 5 Januari 2022", D(2022, 1, 5)),
    ("Bandara kembali dibuka Kamis, (13/1/2022).", "Kamis, (13/1/2022)", D(2022, 1, 13)),
    ("Polisi membuka jalan pada hari Kamis (13/1/2022) pagi.", "hari Kamis (13/1/2022) pagi", D(2022, 1, 13)),
    ("Warga berkumpul di alun-alun Rabu (5/1) sore.", "Rabu (5/1) sore", D(2022, 1, 5)),
    ("Harga gas naik sejak 2 Januari di Mangystau.", "2 Januari", D(2022, 1, 2)),
    ("Laporan itu dirilis 13 Jan 2022 oleh kantor berita.", "13 Jan 2022", D(2022, 1, 13)),
    ("Diperbarui 13 Januari 2022, 16:46 WIB", "13 Januari 2022", D(2022, 1, 13)),
    ("Sidang digelar tanggal 10 Januari 2022 di Nur-Sultan.", "tanggal 10 Januari 2022", D(2022, 1, 10)),
    ("Sidang digelar tgl. 10 Januari 2022.", "tgl. 10 Januari 2022", D(2022, 1, 10)),
    ("Jaringan internet diputus Jumat (7/1) di Almaty.", "Jumat (7/1)", D(2022, 1, 7)),
    ("Tokayev berpidato pada Minggu (9/1) malam.", "Minggu (9/1) malam", D(2022, 1, 9)),
    ("Pada hari Minggu (9/1), bandara ditutup.", "hari Minggu (9/1)", D(2022, 1, 9)),
    ("Jum'at (7/1) situasi mulai tenang.", "Jum'at (7/1)", D(2022, 1, 7)),
    ("Kantor itu dibakar 5 JANUARI 2022 malam.", "5 JANUARI 2022 malam", D(2022, 1, 5)),
    ("Arsip bertanggal 13/01/2022 beredar luas.", "13/01/2022", D(2022, 1, 13)),
    ("Arsip bertanggal 13.01.2022 beredar luas.", "13.01.2022", D(2022, 1, 13)),
    ("Arsip bertanggal 13-01-2022 beredar luas.", "13-01-2022", D(2022, 1, 13)),
    ("Foto diambil (6/1/22) di Almaty.", "(6/1/22)", D(2022, 1, 6)),
    ("Rapat kabinet berlangsung Selasa 11/1 di ibu kota.", "Selasa 11/1", D(2022, 1, 11)),
    ("Sebuah foto (diambil 6 Januari 2022) beredar.", "6 Januari 2022", D(2022, 1, 6)),
    ("Kerusuhan itu (5 Januari 2022) menewaskan polisi.", "5 Januari 2022", D(2022, 1, 5)),
    ("Pernyataan itu dimuat 13 Jan. 2022 di situs resmi.", "13 Jan. 2022", D(2022, 1, 13)),
])
def test_absolute_dates(sentence, span, expected):
    expr = only(sentence)
    assert (expr.kind, expr.text) == ("absolute", span)
    assert sentence[expr.start:expr.end] == span
    assert expr.resolve(THURSDAY) == ResolvedDate(expected, expected, "day")


@pytest.mark.parametrize("sentence, weekday", [
    ("pada Sabtu, 8 Januari 2022", 5),
    ("hari Kamis (13/1/2022)", 3),
    ("Senin (10/1)", 0),
    ("8 Januari 2022", None),
])
def test_absolute_date_keeps_its_weekday(sentence, weekday):
    assert only(sentence).weekday == weekday


@pytest.mark.parametrize("abbreviation, month", [
    ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Mei", 5), ("Jun", 6), ("Jul", 7), ("Agu", 8), ("Agt", 8),
    ("Ags", 8), ("Sep", 9), ("Sept", 9), ("Okt", 10), ("Nov", 11), ("Des", 12),
])
def test_month_abbreviations(abbreviation, month):
    expr = only(f"Data per 3 {abbreviation} 2021 dikutip lagi.")
    assert (expr.day, expr.month, expr.year) == (3, month, 2021)


@pytest.mark.parametrize("name, month", [
    ("januari", 1), ("FEBRUARI", 2), ("Maret", 3), ("april", 4), ("Juni", 6), ("Juli", 7), ("Agustus", 8),
    ("September", 9), ("Oktober", 10), ("November", 11), ("Desember", 12),
])
def test_month_names_in_any_case(name, month):
    assert only(f"pada 4 {name} 2021").month == month


@pytest.mark.parametrize("sentence, expected", [
    ("Unjuk rasa pertama terjadi 28 Desember di barat negeri.", D(2021, 12, 28)),
    ("Harga gas naik 1 Januari.", D(2022, 1, 1)),
    ("Pemilu dijadwalkan 5 Maret.", D(2022, 3, 5)),          # 51 days ahead: still this year
    ("Pemilu digelar 20 Maret.", D(2021, 3, 20)),            # 66 days ahead: last year
])
def test_year_less_dates_take_the_nearest_plausible_year(sentence, expected):
    assert day_of(sentence) == expected


def test_a_year_written_with_the_date_is_kept():
    assert day_of("Pemilu digelar 20 Maret 2022.") == D(2022, 3, 20)


# ---------------------------------------------------------------- weekdays

@pytest.mark.parametrize("sentence, expected", [
    ("Tokayev berbicara pada hari Kamis di televisi.", D(2022, 1, 13)),
    ("Pesawat Rusia mendarat Selasa di Almaty.", D(2022, 1, 11)),
    ("Gedung itu dibakar Rabu malam.", D(2022, 1, 12)),
    ("Tembakan terdengar Kamis pagi di pusat kota.", D(2022, 1, 13)),
    ("Polisi menyisir kota Senin malam.", D(2022, 1, 10)),
    ("Bandara dibuka kembali pada hari Jumat.", D(2022, 1, 7)),
    ("Kerusuhan mereda pada hari Minggu.", D(2022, 1, 9)),
    ("Massa berkumpul Minggu pagi di alun-alun.", D(2022, 1, 9)),
    ("Sejak Minggu, jaringan internet terputus.", D(2022, 1, 9)),
    ("Pada Minggu polisi menangkap puluhan orang.", D(2022, 1, 9)),
    ("Sabtu dan Minggu, toko-toko tutup.", D(2022, 1, 8)),
    ("Kamis lalu, warga mengantre bahan bakar.", D(2022, 1, 6)),
    ("Sidang berikutnya digelar Senin depan.", D(2022, 1, 17)),
    ("Tokayev akan berpidato hari Kamis ini.", D(2022, 1, 13)),
    ("Ledakan terdengar Kamis dini hari.", D(2022, 1, 13)),
])
def test_weekday_alone_is_the_latest_such_day_up_to_the_reference(sentence, expected):
    expr = find_dates(sentence)[0]
    assert expr.kind == "weekday"
    assert expr.resolve(THURSDAY) == ResolvedDate(expected, expected, "day")


@pytest.mark.parametrize("sentence, span", [
    ("Polisi bersiaga pada hari Selasa.", "hari Selasa"),
    ("Gedung itu dibakar Rabu malam.", "Rabu malam"),
    ("Kamis lalu, warga mengantre.", "Kamis lalu"),
    ("Ledakan terdengar Kamis dini hari.", "Kamis dini hari"),
])
def test_weekday_spans(sentence, span):
    assert only(sentence).text == span


@pytest.mark.parametrize("sentence, time_of_day", [
    ("Kamis pagi", "morning"), ("Senin malam", "night"), ("Rabu (5/1) sore", "afternoon"),
    ("Kamis dini hari", "early morning"), ("kemarin siang", "midday"), ("Selasa", None),
])
def test_time_of_day_is_kept(sentence, time_of_day):
    assert only(sentence).time_of_day == time_of_day


@pytest.mark.parametrize("sentence, kinds", [
    ("Pada Minggu (9/1) bandara ditutup.", ["absolute"]),
    ("Minggu lalu harga gas naik.", ["relative"]),
    ("Harga gas naik minggu lalu.", ["relative"]),
    ("Kerusuhan berlangsung seminggu.", ["duration"]),
    ("Pasukan bertahan satu minggu di sana.", ["duration"]),
    ("Selama dua minggu internet mati.", ["duration"]),
    ("Pada minggu pertama Januari harga naik.", ["period"]),
    ("Pada Minggu Kedua Januari Harga Naik", ["period"]),
    ("Majalah mingguan itu terbit lagi.", []),
    ("Tiap minggu warga berkumpul.", []),
    ("Dua Minggu Setelah Kerusuhan, Almaty Berbenah", ["offset"]),
])
def test_minggu_is_sunday_only_where_it_names_a_day(sentence, kinds):
    assert [e.kind for e in find_dates(sentence)] == kinds


@pytest.mark.parametrize("sentence, kind, text", [
    ("Warga mengungsi dalam kurun waktu tiga hari.", "duration", "dalam kurun waktu tiga hari"),
    ("Serangan terjadi Kamis tengah malam.", "weekday", "Kamis tengah malam"),
    ("Pada 13 Agust 2022 dan 14 Agustus 2022.", "absolute", "13 Agust 2022 dan 14 Agustus 2022"),
    ("Dia datang akhir pekan lalu.", "relative", "akhir pekan lalu"),
    ("Mereka pergi keesokan   harinya.", "offset", "keesokan   harinya"),
])
def test_a_phrase_beats_the_shorter_phrases_it_starts_with(sentence, kind, text):
    assert [(e.kind, e.text) for e in find_dates(sentence)] == [(kind, text)]


@pytest.mark.parametrize("sentence", [
    "Warga menyalakan lilin di depan balai kota.",
    "Matahari terbenam lebih awal di musim dingin.",
    "Kehidupan sehari-hari warga mulai pulih.",
    "Hari-hari itu terasa panjang bagi warga.",
    "Harian lokal memuat foto kerusuhan.",
    "Ia disebut dalang kerusuhan oleh jaksa.",
])
def test_ordinary_words_are_not_dates(sentence):
    assert find_dates(sentence) == []


# ---------------------------------------------------------------- relative dates

@pytest.mark.parametrize("sentence, first, last, precision", [
    ("Kemarin, Tokayev menunjuk perdana menteri baru.", D(2022, 1, 12), D(2022, 1, 12), "day"),
    ("Ledakan terdengar tadi malam di Almaty.", D(2022, 1, 12), D(2022, 1, 12), "day"),
    ("Semalam, jam malam kembali diberlakukan.", D(2022, 1, 12), D(2022, 1, 12), "day"),
    ("Bandara dibuka hari ini.", D(2022, 1, 13), D(2022, 1, 13), "day"),
    ("Sidang dilanjutkan besok.", D(2022, 1, 14), D(2022, 1, 14), "day"),
    ("Pasukan pulang lusa.", D(2022, 1, 15), D(2022, 1, 15), "day"),
    ("Kemarin sore, polisi menahan 20 orang.", D(2022, 1, 12), D(2022, 1, 12), "day"),
    ("Kerusuhan pecah pekan lalu.", D(2022, 1, 3), D(2022, 1, 9), "week"),
    ("Harga gas naik minggu lalu.", D(2022, 1, 3), D(2022, 1, 9), "week"),
    ("Pasukan ditarik pekan ini.", D(2022, 1, 10), D(2022, 1, 16), "week"),
    ("Parlemen bersidang minggu depan.", D(2022, 1, 17), D(2022, 1, 23), "week"),
    ("Toko-toko tutup akhir pekan lalu.", D(2022, 1, 8), D(2022, 1, 9), "range"),
    ("Harga gas dibatasi bulan lalu.", D(2021, 12, 1), D(2021, 12, 31), "range"),
    ("Pemilu digelar tahun lalu.", D(2021, 1, 1), D(2021, 12, 31), "range"),
    ("Ia ditahan tiga hari lalu.", D(2022, 1, 10), D(2022, 1, 10), "day"),
    ("Ia ditahan 2 hari yang lalu.", D(2022, 1, 11), D(2022, 1, 11), "day"),
    ("Aksi itu dimulai seminggu lalu.", D(2022, 1, 3), D(2022, 1, 9), "range"),
    ("Bantuan tiba dua hari lagi.", D(2022, 1, 15), D(2022, 1, 15), "day"),
])
def test_relative_dates(sentence, first, last, precision):
    expr = only(sentence)
    assert expr.kind == "relative"
    assert expr.resolve(THURSDAY) == ResolvedDate(first, last, precision)


@pytest.mark.parametrize("phrase, offset", [
    ("kemarin", -1), ("tadi malam", -1), ("hari ini", 0), ("besok", 1), ("tiga hari lalu", -3),
])
def test_relative_offsets_in_days(phrase, offset):
    assert only(phrase).offset_days == offset


@pytest.mark.parametrize("reference, first, last", [
    (D(2022, 1, 10), D(2022, 1, 3), D(2022, 1, 9)),      # Monday
    (D(2022, 1, 9), D(2021, 12, 27), D(2022, 1, 2)),     # Sunday: its own week began on 3 January
    (D(2022, 1, 15), D(2022, 1, 3), D(2022, 1, 9)),      # Saturday
])
def test_last_week_is_the_calendar_week_before_the_reference_week(reference, first, last):
    assert only("pekan lalu").resolve(reference) == ResolvedDate(first, last, "week")


def test_vague_relative_quantity_is_seen_but_not_dated():
    expr = only("Beberapa hari lalu, warga mengungsi.")
    assert expr.kind == "relative" and expr.resolve(THURSDAY) is None


# ---------------------------------------------------------------- periods and ranges

@pytest.mark.parametrize("sentence, first, last", [
    ("Protes meletus awal Januari.", D(2022, 1, 1), D(2022, 1, 10)),
    ("Pasukan ditarik pertengahan Januari.", D(2022, 1, 11), D(2022, 1, 20)),
    ("Sidang digelar akhir Januari.", D(2022, 1, 21), D(2022, 1, 31)),
    ("Harga gas naik akhir Desember.", D(2021, 12, 21), D(2021, 12, 31)),
    ("Data Januari 2022 dirilis.", D(2022, 1, 1), D(2022, 1, 31)),
    ("Pada bulan Desember, harga naik.", D(2021, 12, 1), D(2021, 12, 31)),
    ("Laporan akhir Februari 2024 terbit.", D(2024, 2, 21), D(2024, 2, 29)),
    ("Kerusuhan pecah pada pekan pertama Januari.", D(2022, 1, 1), D(2022, 1, 7)),
    ("Sejak awal bulan Januari 2022 harga naik.", D(2022, 1, 1), D(2022, 1, 10)),
])
def test_periods(sentence, first, last):
    expr = only(sentence)
    assert expr.kind == "period"
    assert expr.resolve(THURSDAY) == ResolvedDate(first, last, "range")


def test_a_month_alone_is_not_a_date():
    assert find_dates("Januari menjadi bulan yang kelam bagi warga.") == []


@pytest.mark.parametrize("sentence, span, first, last", [
    ("Kerusuhan berlangsung 2-5 Januari 2022 di banyak kota.", "2-5 Januari 2022", D(2022, 1, 2), D(2022, 1, 5)),
    ("Internet mati 2 hingga 5 Januari.", "2 hingga 5 Januari", D(2022, 1, 2), D(2022, 1, 5)),
    ("Bandara ditutup 5 sampai dengan 7 Januari 2022.", "5 sampai dengan 7 Januari 2022",
     D(2022, 1, 5), D(2022, 1, 7)),
    ("Jam malam berlaku 6 dan 7 Januari.", "6 dan 7 Januari", D(2022, 1, 6), D(2022, 1, 7)),
    ("Libur berlangsung 30 Desember 2021 hingga 2 Januari 2022.", "30 Desember 2021 hingga 2 Januari 2022",
     D(2021, 12, 30), D(2022, 1, 2)),
    ("Libur berlangsung 30 Desember - 2 Januari.", "30 Desember - 2 Januari", D(2021, 12, 30), D(2022, 1, 2)),
])
def test_ranges(sentence, span, first, last):
    expr = only(sentence)
    assert (expr.kind, expr.text) == ("absolute", span)
    assert expr.resolve(THURSDAY) == ResolvedDate(first, last, "range")


def test_sejak_stays_outside_the_span():
    expr = only("Internet diputus sejak 5 Januari 2022.")
    assert expr.text == "5 Januari 2022"


# ---------------------------------------------------------------- durations and offsets

@pytest.mark.parametrize("sentence, span, unit, amount", [
    ("Selama kerusuhan sepekan, 164 orang tewas.", "sepekan", "week", 1),
    ("Kerusuhan berlangsung seminggu.", "seminggu", "week", 1),
    ("Internet mati selama sepekan.", "selama sepekan", "week", 1),
    ("Jam malam berlaku selama seminggu.", "selama seminggu", "week", 1),
    ("Bandara ditutup tiga hari.", "tiga hari", "day", 3),
    ("Pasukan bertugas selama dua minggu.", "selama dua minggu", "week", 2),
    ("Selama tiga hari, kota itu lumpuh.", "Selama tiga hari", "day", 3),
    ("Dalam 24 jam terakhir tidak ada penembakan.", "Dalam 24 jam terakhir", "hour", 24),
    ("Harga gas naik dua kali lipat dalam setahun.", "dalam setahun", "year", 1),
    ("Situasi membaik sepekan terakhir.", "sepekan terakhir", "week", 1),
    ("Polisi berjaga selama 10 hari.", "selama 10 hari", "day", 10),
    ("Warga bertahan dalam beberapa hari.", "dalam beberapa hari", "day", None),
])
def test_durations_are_seen_but_are_not_dates(sentence, span, unit, amount):
    expr = only(sentence)
    assert (expr.kind, expr.text, expr.unit, expr.amount) == ("duration", span, unit, amount)
    assert expr.resolve(THURSDAY) is None


def test_duration_prefix_wins_over_offset_word():
    expr = only("Jam malam berlaku selama tiga hari setelah kerusuhan.")
    assert (expr.kind, expr.text) == ("duration", "selama tiga hari")


@pytest.mark.parametrize("sentence, span, offset, tolerance", [
    ("Gedung itu dibakar pada Kamis, satu minggu setelah diserbu massa.", "satu minggu setelah", -7, 3),
    ("Pasukan tiba seminggu setelah protes pertama.", "seminggu setelah", -7, 3),
    ("Ia ditangkap dua hari sebelum pemilu.", "dua hari sebelum", 2, 0),
    ("Tiga hari kemudian, bandara dibuka.", "Tiga hari kemudian", 3, 0),
    ("Sehari sebelumnya, polisi berjaga.", "Sehari sebelumnya", -1, 0),
    ("Keesokan harinya, pasukan tiba.", "Keesokan harinya", 1, 0),
    ("Sebulan pasca kerusuhan, harga turun.", "Sebulan pasca", -30, 15),
])
def test_offsets(sentence, span, offset, tolerance):
    expr = [e for e in find_dates(sentence) if e.kind == "offset"][0]
    assert (expr.text, expr.offset_days, expr.tolerance_days) == (span, offset, tolerance)


def test_offset_after_setelah_resolves_to_the_earlier_event():
    sentence = "Gedung itu dibakar pada Kamis, satu minggu setelah diserbu massa."
    anchor_expr, offset = find_dates(sentence)
    anchor = anchor_expr.resolve(THURSDAY).date
    assert anchor == D(2022, 1, 13)
    assert offset.resolve(anchor) == ResolvedDate(D(2022, 1, 3), D(2022, 1, 9), "range")


@pytest.mark.parametrize("phrase, anchor, expected", [
    ("dua hari sebelum", D(2022, 1, 5), D(2022, 1, 7)),
    ("tiga hari kemudian", D(2022, 1, 5), D(2022, 1, 8)),
    ("sehari setelah", D(2022, 1, 5), D(2022, 1, 4)),
])
def test_day_offsets_resolve_to_a_day(phrase, anchor, expected):
    assert only(phrase).resolve(anchor) == ResolvedDate(expected, expected, "day")


def test_quantity_range_offset_widens():
    expr = only("dua hingga tiga hari kemudian")
    resolved = expr.resolve(D(2022, 1, 5))
    assert resolved.precision == "range"
    assert resolved.date <= D(2022, 1, 7) and resolved.date_end >= D(2022, 1, 8)


# ---------------------------------------------------------------- what is not a date

@pytest.mark.parametrize("sentence", [
    "Nilai tukar 31/2 tidak masuk akal.",
    "Tanggal (31/2) tertulis keliru.",
    "Kode 45 Januari tidak dikenal.",
    "Surat bertanggal 30 Februari 2022 itu palsu.",
    "Rapat dimulai pukul 16:46 di gedung parlemen.",
    "Sebanyak 4.400 orang ditangkap.",
    "Anggaran 2022 disahkan parlemen.",
    "Rapat dimulai pukul 10.00 WIB.",
    "Skor akhir 2-1 untuk tuan rumah.",
    "Sepertiga atau 1/3 warga kehilangan pekerjaan.",
    "Periode 2021-2022 ditutup.",
    "Sekitar 26 demonstran dan 18 petugas tewas.",
    "Kode (13/13) tertera di dokumen.",
])
def test_not_dates(sentence):
    assert [e for e in find_dates(sentence) if e.kind in ("absolute", "period")] == []


@pytest.mark.parametrize("sentence, found", [
    ("Pasukan ditarik 2 hingga 5 Januari 2022.", [("absolute", "2 hingga 5 Januari 2022")]),
    ("Pasukan ditarik 2 \u2013 5 Januari.", [("absolute", "2 \u2013 5 Januari")]),
    ("Pasukan ditarik 2\nJanuari 2022.", [("absolute", "2\nJanuari 2022")]),
    ("Bandara ditutup ( 13/1) malam.", [("absolute", "( 13/1) malam")]),
    ("Laporan tertanggal 13.01.2022 beredar.", [("absolute", "13.01.2022")]),
    ("Warga mengungsi 2 - 3 hari.", [("duration", "2 - 3 hari")]),
    ("Warga mengungsi dua belas hari.", [("duration", "dua belas hari")]),
    ("Warga mengungsi dua sampai tiga hari.", [("duration", "dua sampai tiga hari")]),
    ("Warga mengungsi ratusan\u00a0hari.", [("duration", "ratusan\u00a0hari")]),
    ("Warga mengungsi dalam waktu\n3 hari.", [("duration", "dalam waktu\n3 hari")]),
    ("Warga mengungsi selama  sepekan.", [("duration", "selama  sepekan")]),
    ("Sebanyak 120 orang dan dua warga ditahan (foto: polisi).", []),
    ("Menteri dalam negeri bertahan selama krisis.", []),
    ("Ratusan demonstran berkumpul pukul 07:00 sejak 1.200 warga datang.", []),
])
def test_a_number_or_duration_word_starts_an_expression_only_before_what_follows_one(sentence, found):
    assert [(e.kind, e.text) for e in find_dates(sentence)] == found


def test_phrases_spaced_otherwise_are_looked_up():
    assert only("Rapat Rabu (5/1) dini \n hari ditunda.").time_of_day == "early morning"
    assert only("Rapat digelar pekan\u00a0 kedua Januari 2022.").resolve(THURSDAY) == \
        ResolvedDate(D(2022, 1, 8), D(2022, 1, 14), "range")


@pytest.mark.parametrize("date, found", [
    ("29/2/2024", True), ("29/2/2023", False), ("29/2/2000", True), ("29/2/1900", False), ("(29/2)", True),
    ("31/4/2022", False), ("30/4/2022", True), ("0/1/2022", False), ("1/0/2022", False), ("1/13/2022", False),
    ("1/1/0001", True), ("31/12/9999", True), ("1/1/0000", False),
])
def test_a_numeric_date_must_be_a_calendar_day(date, found):
    assert [e.kind for e in find_dates(f"Rapat Kamis {date} ditunda.")] == (["absolute"] if found else ["weekday"])


def test_numeric_date_is_found_once():
    sentence = "Sebanyak 26 orang tewas hari Kamis (13/1/2022), kata polisi."
    assert [(e.kind, e.text) for e in find_dates(sentence)] == [("absolute", "hari Kamis (13/1/2022)")]


def test_expressions_are_plain_frozen_values():
    expr = only("Kemarin polisi berjaga.")
    assert expr == DateExpr(0, 7, "Kemarin", "relative", offset_days=-1, unit="day", amount=-1, calendar=True)
    assert hash(expr) == hash(DateExpr(0, 7, "Kemarin", "relative", offset_days=-1, unit="day", amount=-1,
                                       calendar=True))
    with pytest.raises(AttributeError):
        expr.day = 3


def test_resolved_dates_are_plain_frozen_values():
    resolved = only("Kemarin polisi berjaga.").resolve(THURSDAY)
    assert resolved == ResolvedDate(D(2022, 1, 12), D(2022, 1, 12), "day")
    assert (resolved.date, resolved.date_end, resolved.precision) == (D(2022, 1, 12), D(2022, 1, 12), "day")
    assert hash(resolved) == hash(ResolvedDate(D(2022, 1, 12), D(2022, 1, 12), "day"))
    with pytest.raises(AttributeError):
        resolved.date = D(2022, 1, 1)


def test_refused_date_leaves_its_weekday():
    assert [(e.kind, e.text) for e in find_dates("Kamis, 45 Januari 2022")] == [("weekday", "Kamis")]


# ---------------------------------------------------------------- a whole text

ARTICLE = (
    "Almaty Berangsur Pulih Sepekan Setelah Kerusuhan\n"
    "ALMATY, KOMPAS.com - Aparat keamanan Kazakhstan menahan ratusan orang pada Selasa (11/1/2022), sehari "
    "setelah pemerintah mengumumkan hari berkabung nasional. Protes bermula di kota Zhanaozen pada Minggu, "
    "2 Januari 2022, ketika warga menolak kenaikan harga gas. Dalam tiga hari, demonstrasi menyebar ke Almaty "
    "dan kota-kota lain. Presiden Kassym-Jomart Tokayev mengumumkan keadaan darurat pada Rabu (5/1) dini hari "
    "dan meminta bantuan CSTO. Pasukan penjaga perdamaian mulai tiba keesokan harinya. Menurut Kementerian "
    "Dalam Negeri, 164 orang tewas selama sepekan kerusuhan dan lebih dari 9.900 orang ditahan. Kemarin, "
    "Tokayev mengatakan pasukan asing akan ditarik dalam dua hari. Pekan lalu, harga gas sempat dibatasi "
    "selama 180 hari. Pada Minggu pagi, warga kembali berbelanja di pasar.\n"
)


def test_a_whole_article():
    found = [(e.kind, e.text) for e in find_dates(ARTICLE)]
    assert found == [
        ("offset", "Sepekan Setelah"),
        ("absolute", "Selasa (11/1/2022)"),
        ("offset", "sehari setelah"),
        ("absolute", "Minggu, 2 Januari 2022"),
        ("duration", "Dalam tiga hari"),
        ("absolute", "Rabu (5/1) dini hari"),
        ("offset", "keesokan harinya"),
        ("duration", "selama sepekan"),
        ("relative", "Kemarin"),
        ("duration", "dalam dua hari"),
        ("relative", "Pekan lalu"),
        ("duration", "selama 180 hari"),
        ("weekday", "Minggu pagi"),
    ]


def test_found_expressions_are_sorted_and_do_not_overlap():
    found = find_dates(ARTICLE)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start
    assert all(ARTICLE[e.start:e.end] == e.text for e in found)


def test_latest_absolute_date():
    exprs = find_dates("Pada 2 Januari 2022, 3-6 Januari 2022, Kamis (13/1) dan 10 Januari 2022 terjadi sesuatu.")
    assert latest_absolute_date(exprs) == D(2022, 1, 10)


def test_latest_absolute_date_ignores_expressions_without_year():
    assert latest_absolute_date(find_dates("Rabu (5/1), kemarin dan akhir Januari 2022")) is None
    assert latest_absolute_date([]) is None


# ---------------------------------------------------------------- publication lines

WIB, WITA = dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize("line, expected", [
    ("13 Januari 2022, 16:46 WIB", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
    ("Kamis, 13/01/2022 16:46 WIB", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
    ("13 Jan 2022 16.46 WITA", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WITA)),
    ("Kamis 13 Januari 2022 - 16:46", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
    ("Kompas dunia | Kamis, 13 Januari 2022 16:46:05 WIB", dt.datetime(2022, 1, 13, 16, 46, 5, tzinfo=WIB)),
    ("13 Januari 2022 09:15 WIT", dt.datetime(2022, 1, 13, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
    ("13 Januari 2022 09:15 GMT+7", dt.datetime(2022, 1, 13, 9, 15, tzinfo=WIB)),
    ("Kamis, 13 Januari 2022", dt.datetime(2022, 1, 13, tzinfo=WIB)),
    ("2022-01-13T16:46:00+07:00", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
    ("2022-01-13T09:46:00Z", dt.datetime(2022, 1, 13, 9, 46, tzinfo=dt.timezone.utc)),
    ("2022-01-13 16:46", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
])
def test_parse_timestamp(line, expected):
    parsed = parse_timestamp(line)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("line, expected", [
    ("Diperbarui 12021-03-04 10:00, Kamis 13 Januari 2022", dt.datetime(2022, 1, 13, 10, 0, tzinfo=WIB)),
    ("Jakarta, 13 Januari 2022 16:46 wib", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
    ("Jakarta, 13 Januari 2022 16:46 W\u0130B", dt.datetime(2022, 1, 13, 16, 46, tzinfo=WIB)),
])
def test_parse_timestamp_reads_only_a_whole_iso_year_and_any_spelling_of_a_zone(line, expected):
    parsed = parse_timestamp(line)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_an_absolute_date_has_each_field_in_its_place():
    found = only("Polisi menahan dua tersangka pada Kamis (13/1/2022) malam di Almaty.")
    assert found == DateExpr(34, 57, "Kamis (13/1/2022) malam", "absolute", day=13, month=1, year=2022,
                             weekday=3, time_of_day="night")


@pytest.mark.parametrize("line", ["Kompas dunia", "16:46 WIB", "Kamis (13/1) 16:46", ""])
def test_parse_timestamp_without_a_dated_day(line):
    assert parse_timestamp(line) is None


# ---------------------------------------------------------------- language data

def test_a_new_language_needs_only_a_data_file(tmp_path, monkeypatch):
    source = (language.LANG_DIR / "id" / "dates.toml").read_text(encoding="utf-8")
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "dates.toml").write_text(
        source.replace('["januari", "jan"]', '["janvier", "janv"]').replace("kemarin =", "hier ="),
        encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    found = find_dates("le 13 janvier 2022, hier", "xx")
    assert [(e.kind, e.text) for e in found] == [("absolute", "13 janvier 2022"), ("relative", "hier")]
    assert find_dates("13 Januari 2022", "xx") == []
