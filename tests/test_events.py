"""Event rules, on sentences written for these tests in the style of Indonesian news."""
import datetime as dt

import pandas as pd
import pytest

from kzdata import ArticleInfo, extract_text
from kzdata.schema import frame
from kzdata.events import EVENT_TYPES, summarise, vocabulary

THURSDAY = dt.date(2022, 1, 13)


def events_of(body, published=THURSDAY, title="Situasi Terkini di Kazakhstan"):
    text = f"{title}\n\nJAKARTA - {body}\n"
    return frame("events", extract_text(text, ArticleInfo(outlet="Uji", published=published)).events)


def only(df, event_type):
    rows = df[df.type == event_type]
    assert len(rows) == 1, df[["type", "date", "place"]]
    return rows.iloc[0]


@pytest.mark.parametrize("sentence, event_type", [
    ("Ribuan orang berunjuk rasa di Aktau pada Senin, 3 Januari 2022.", "protest"),
    ("Bentrokan pecah di Almaty pada Rabu (5/1/2022).", "clash"),
    ("Massa menyerbu dan membakar gedung wali kota di Almaty pada Rabu (5/1/2022).", "building_attack"),
    ("Pemerintah menetapkan keadaan darurat di Mangystau pada Selasa, 4 Januari 2022.", "state_of_emergency"),
    ("Kabinet Kazakhstan mengundurkan diri pada Rabu, 5 Januari 2022.", "government_resignation"),
    ("Tokayev meminta bantuan CSTO pada Rabu malam, 5 Januari 2022.", "csto_request"),
    ("Rusia mengirim ratusan tentara ke Kazakhstan pada Kamis, 6 Januari 2022.", "troop_deployment"),
    ("Pasukan Armenia tiba di Almaty pada Jumat, 7 Januari 2022.", "troop_arrival"),
    ("Presiden memberi perintah tembak di tempat pada Jumat, 7 Januari 2022.", "shoot_order"),
    ("Polisi menangkap puluhan orang di Taraz pada Sabtu, 8 Januari 2022.", "arrests"),
    ("Menurut Tokayev, misi pasukan itu telah selesai pada Selasa, 11 Januari 2022.", "mission_complete"),
    ("Penarikan pasukan dimulai pada Kamis, 13 Januari 2022.", "troop_withdrawal"),
    ("Para demonstran merebut bandara di Almaty pada Rabu, 5 Januari 2022.", "airport_seized"),
    ("Bandara di Almaty dibuka kembali pada Kamis, 13 Januari 2022.", "airport_reopened"),
    ("Akses internet diputus di seluruh negeri pada Rabu, 5 Januari 2022.", "internet_shutdown"),
])
def test_each_event_type_has_triggers(sentence, event_type):
    assert event_type in set(events_of(sentence).type)


def test_vocabulary_covers_the_fixed_types():
    assert len(EVENT_TYPES) == 16 and EVENT_TYPES[-1] == "other"


def test_a_trigger_takes_the_date_right_after_it():
    row = only(events_of("Aparat menangkap 40 orang di Aktobe pada Minggu, 9 Januari 2022."), "arrests")
    assert (row.date, row.date_precision, row.place) == (pd.Timestamp("2022-01-09"), "day", "Aktobe")


def test_a_trigger_takes_the_date_before_it_when_none_follows():
    row = only(events_of("Pada hari Selasa Tokayev menyatakan misi itu berakhir."), "mission_complete")
    assert row.date == pd.Timestamp("2022-01-11")


def test_a_weekday_alone_on_publication_day_is_that_day():
    row = only(events_of("Bandara Almaty kembali beroperasi pada Kamis pagi."), "airport_reopened")
    assert row.date == pd.Timestamp("2022-01-13")


def test_setelah_makes_the_event_follow_the_date():
    df = events_of("Pasukan Rusia tiba di Kazakhstan setelah pemerintah menetapkan keadaan darurat pada Rabu, 5 Januari 2022.")
    arrival = only(df, "troop_arrival")
    assert (arrival.date, arrival.date_end, arrival.date_precision) == (
        pd.Timestamp("2022-01-05"), pd.Timestamp("2022-01-13"), "range")
    assert only(df, "state_of_emergency").date_precision == "day"


def test_an_offset_dates_the_clause_after_it_from_the_one_before():
    df = events_of("Bandara Almaty kembali dibuka pada Kamis (13/1/2022), seminggu setelah diserbu para perusuh.")
    seized = only(df, "airport_seized")
    assert seized.date <= pd.Timestamp("2022-01-06") <= seized.date_end
    assert seized.date_precision == "range"


def test_pekan_lalu_is_the_week_before_publication():
    row = only(events_of("CSTO mengirim 3.000 tentara ke Kazakhstan pekan lalu."), "troop_deployment")
    assert (row.date, row.date_end, row.date_precision) == (pd.Timestamp("2022-01-03"), pd.Timestamp("2022-01-09"), "week")


def test_durations_are_not_dates():
    row = only(events_of("Bentrokan selama sepekan terjadi di Almaty."), "clash")
    assert row.date_precision == "before" and row.date_end == pd.Timestamp("2022-01-13")


def test_quelling_protests_is_not_a_protest():
    df = events_of("Pasukan dikirim untuk memadamkan protes massa di Almaty pada Kamis, 6 Januari 2022.")
    assert "protest" not in set(df.type)


def test_undated_mentions_fold_into_the_dated_event_of_the_same_type():
    df = events_of("Tokayev mengumumkan keadaan darurat. Keadaan darurat berlaku sejak Rabu, 5 Januari 2022.")
    assert list(df.type) == ["state_of_emergency"]
    assert df.iloc[0].date == pd.Timestamp("2022-01-05")


def test_country_as_adjective_does_not_place_an_event():
    row = only(events_of("Kementerian Pertahanan Rusia melaporkan bentrokan pada Rabu (5/1/2022)."), "clash")
    assert pd.isna(row.place)


def test_landmark_beats_the_city_and_nouns_resolve_against_the_city():
    row = only(events_of("Di Almaty, bandara kembali dibuka pada Kamis pagi."), "airport_reopened")
    assert (row.place, row.geo_precision) == ("Almaty International Airport", "point")


def test_dateline_is_not_the_scene():
    row = only(events_of("Polisi menangkap 12 orang pada Senin (10/1/2022)."), "arrests")
    assert pd.isna(row.place)


def test_a_place_after_the_dateline_in_its_sentence_is_the_scene():
    text = "Situasi Terkini\n\nALMATY - Polisi Taraz menangkap 12 orang pada Senin (10/1/2022).\n"
    rows = frame("events", extract_text(text, ArticleInfo(outlet="Uji", published=THURSDAY)).events)
    assert only(rows, "arrests").place == "Taraz"


def test_future_statement_is_marked_announced():
    row = only(events_of("Tokayev mengatakan pasukan akan mulai menarik diri pada hari Jumat."), "troop_withdrawal")
    assert row.summary_en.endswith(", announced") and row.date == pd.Timestamp("2022-01-07")


def test_summaries_name_only_type_place_and_actors():
    row = {"type": "troop_arrival", "place": "Almaty", "actors": "Russian troops; CSTO"}
    assert summarise(row, "en") == "Troop arrival in Almaty (Russian troops, CSTO)"
    assert summarise(row, "id") == "Kedatangan pasukan di Almaty (Russian troops, CSTO)"
    assert summarise({"type": "clash", "place": None, "actors": None}, "en") == "Clash"


def test_caption_events_are_marked():
    text = ("Tentara Tiba di Almaty\n\nTentara Rusia tiba di Almaty, Jumat, 7 Januari 2022. (Foto: AP)\n\n"
            "JAKARTA - Situasi di kota itu berangsur tenang, kata pejabat setempat pada hari Kamis.\n")
    events = frame("events", extract_text(text, ArticleInfo(published=THURSDAY)).events)
    assert list(events.sentence_kind) == ["caption"]


@pytest.mark.parametrize("spelling", ["pemerıntah Kazakhstan", "PEMERİNTAH KAZAKHSTAN", "Tokayev\u00a0", "Toſ Tokayev"])
def test_unusual_letters_in_names_never_crash(spelling):
    df = events_of(f"Menurut {spelling} bentrokan terjadi pada Rabu (5/1/2022).")
    assert list(df.type) == ["clash"]


@pytest.mark.parametrize("before, expected", [
    ("Pasukan dikirim ke ", True),
    ("Bentrokan pecah di\u00a0", True),
    ("kembali DARI  ", True),
    ("pasukan tiba ke-", True),
    ("Aksi berlangsung di", False),       # no space yet: the place would be glued to the word
    ("Presiden ", False),
    ("berada adi ", False),               # "di" ending a longer word
    ("iklan dari Ibu ", False),           # the preposition is not the last word
    ("", False),
])
def test_a_preposition_must_stand_right_before_the_place(before, expected):
    words = vocabulary("id")
    text = before + "Kazakhstan"
    assert words.after_preposition(text, 0, len(before)) is expected
    assert bool(words.locative.search(text[max(0, len(before) - 12):len(before)])) is expected


def test_a_sentence_that_starts_inside_a_word_is_searched_alone():
    from kzdata import language as lang
    from kzdata.events import _triggered_sentences
    from kzdata.metadata import read_metadata
    from kzdata.reading import matching_view
    from kzdata.scan import scan_article
    from kzdata.segment import BODY, Sentence

    text = "Warga Almaty menggelar aksi superdemonstrasi damai di alun-alun kota."
    cut = text.index("demonstrasi")
    sentences = [Sentence(0, 0, cut, BODY, "", 0), Sentence(1, cut, len(text), BODY, "", 0)]
    view = matching_view(text)
    words = lang.WordStarts(view)
    scan = scan_article(text, view, sentences, read_metadata(text, view, sentences, "id", words), THURSDAY, "id", words)
    found = _triggered_sentences(scan, vocabulary("id"))
    assert [(index, [(t.start, t.type) for t in triggers]) for index, _, triggers, _ in found] == [(1, [(cut, "protest")])]
