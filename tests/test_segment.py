"""Segmentation rules, on articles written for these tests in the style of Indonesian news pages."""
from kzdata.segment import segment

PAGE = """Beranda | Dunia | Ekonomi | Olahraga
Harga Minyak Dunia Naik Lagi

Ribuan Warga Aktau Turun ke Jalan Tolak Kenaikan Harga Gas

Kerusuhan dipicu kebijakan baru pemerintah soal bahan bakar
Kompas dunia | 4 Januari 2022, 09:15 WIB
Warga berkumpul di alun-alun kota Aktau, Selasa, 4 Januari 2022. (Foto: Reuters)

AKTAU, KOMPAS.TV - Ribuan warga berkumpul di pusat kota Aktau pada Selasa (4/1/2022). Mereka menuntut harga gas turun. Dr. Asel, seorang warga, ikut hadir.

Baca Juga: Harga Gas di Kazakhstan Naik Dua Kali Lipat

"Kami tidak sanggup membayar," kata seorang pengunjuk rasa. "Harga naik terlalu cepat."

Protes juga terjadi di kota lain di barat negara itu (ant/rtr)/antaranews.com. []

Penulis : Budi Santoso Editor : Rina Wati
Sumber : Kompas TV/Reuters

TERBARU
Banjir Rendam Jakarta Utara
Timnas Menang Telak
"""


def kinds(text):
    return [(s.kind, s.role, text[s.start:s.end]) for s in segment(text)]


def test_every_sentence_points_at_its_text():
    for sentence in segment(PAGE):
        assert PAGE[sentence.start:sentence.end].strip() == PAGE[sentence.start:sentence.end]
        assert sentence.end > sentence.start


def test_title_is_the_headline_above_the_story_not_the_menu_or_teasers():
    found = kinds(PAGE)
    assert [t for k, _, t in found if k == "title"] == ["Ribuan Warga Aktau Turun ke Jalan Tolak Kenaikan Harga Gas"]
    assert ("boilerplate", "menu", "Beranda | Dunia | Ekonomi | Olahraga") in found
    assert ("boilerplate", "teaser", "Harga Minyak Dunia Naik Lagi") in found


def test_standfirst_meta_and_caption_with_credit():
    found = kinds(PAGE)
    assert ("standfirst", "", "Kerusuhan dipicu kebijakan baru pemerintah soal bahan bakar") in found
    assert ("boilerplate", "meta", "Kompas dunia | 4 Januari 2022, 09:15 WIB") in found
    assert ("caption", "", "Warga berkumpul di alun-alun kota Aktau, Selasa, 4 Januari 2022.") in found
    assert ("boilerplate", "credit", "(Foto: Reuters)") in found


def test_body_is_split_into_sentences_and_abbreviations_do_not_end_them():
    body = [t for k, _, t in kinds(PAGE) if k == "body"]
    assert body[:3] == ["AKTAU, KOMPAS.TV - Ribuan warga berkumpul di pusat kota Aktau pada Selasa (4/1/2022).",
                        "Mereka menuntut harga gas turun.", "Dr. Asel, seorang warga, ikut hadir."]
    assert '"Kami tidak sanggup membayar," kata seorang pengunjuk rasa.' in body
    assert '"Harga naik terlalu cepat."' in body


def test_the_longest_abbreviations_and_words_just_longer_do_as_they_should():
    text = ("Judul Berita Pendek di Sini\n\nPasukan tiba dipimpin Brigjen. Andi Wijaya pada Senin pagi hari ini. "
            "Mereka berangkat dari markas Kostrad. Warga menyambut kedatangan pasukan itu dengan gembira.\n")
    body = [t for k, _, t in kinds(text) if k == "body"]
    assert body == ["Pasukan tiba dipimpin Brigjen. Andi Wijaya pada Senin pagi hari ini.",
                    "Mereka berangkat dari markas Kostrad.",
                    "Warga menyambut kedatangan pasukan itu dengan gembira."]


def test_boilerplate_lines_are_kept_and_marked():
    found = kinds(PAGE)
    assert ("boilerplate", "related", "Baca Juga: Harga Gas di Kazakhstan Naik Dua Kali Lipat") in found
    assert ("boilerplate", "byline", "Penulis : Budi Santoso Editor : Rina Wati") in found
    assert ("boilerplate", "byline", "Sumber : Kompas TV/Reuters") in found
    assert ("boilerplate", "section", "TERBARU") in found
    assert ("boilerplate", "teaser", "Timnas Menang Telak") in found


def test_signoff_and_stray_markup_are_split_from_the_last_paragraph():
    found = kinds(PAGE)
    assert ("body", "", "Protes juga terjadi di kota lain di barat negara itu") in found
    assert ("boilerplate", "signoff", "(ant/rtr)/antaranews.com.") in found
    assert ("boilerplate", "markup", "[]") in found


def test_related_headlines_after_the_story_are_boilerplate():
    text = ("Polisi Bubarkan Massa di Almaty\n\nPolisi membubarkan massa di Almaty pada Rabu malam. "
            "Sejumlah orang ditahan.\n\nPesawat Kargo Tergelincir di Bandara, 3 Terluka\n> >\n")
    found = kinds(text)
    assert ("boilerplate", "related", "Pesawat Kargo Tergelincir di Bandara, 3 Terluka") in found
    assert ("boilerplate", "markup", "> >") in found


def test_text_without_layout_is_all_body():
    text = "Pasukan tiba di Almaty pada Kamis pagi dan langsung berjaga di bandara."
    assert kinds(text) == [("body", "", text)]


def test_lines_lose_every_kind_of_surrounding_space_and_keep_their_offsets():
    text = ("\u00a0 Warga Aktau Menolak Kenaikan Harga Gas\r\n\t\n"
            "\u2003AKTAU - Warga berkumpul di alun-alun kota. Polisi berjaga di sekitar gedung.\x1c \n"
            " \u00a0\n"
            "Penulis : Budi Santoso\u3000")
    found = kinds(text)
    assert ("title", "", "Warga Aktau Menolak Kenaikan Harga Gas") in found
    assert [t for k, _, t in found if k == "body"] == ["AKTAU - Warga berkumpul di alun-alun kota.",
                                                      "Polisi berjaga di sekitar gedung."]
    assert ("boilerplate", "byline", "Penulis : Budi Santoso") in found


def test_no_story_sentence_starts_right_after_a_word_character():
    """metadata relies on it: a sentence's own word starts are then the whole text's."""
    text = ("Pasukan\u00a0tiba di Almaty.Kamis pagi mereka berjaga.\u2003\"Kami siap,\" kata komandan. (Foto: Antara)\n"
            "Harga naik 5.000 rupiah.\x1cWarga protes di Aktau!\tPolisi berjaga (ant/rtr)")
    for sentence in segment(text):
        if sentence.kind != "boilerplate":
            assert sentence.start == 0 or text[sentence.start - 1].isspace()


def test_credit_and_signoff_after_other_parentheses_in_the_line():
    text = ("Pasukan CSTO Mulai Ditarik dari Kazakhstan\n\n"
            "Pasukan CSTO mulai ditarik dari Almaty pada Kamis (13/1) setelah bertugas (menurut rencana) sepekan.\n"
            "Prajurit Armenia (kiri) naik ke pesawat di Bandara Almaty. (FOTO : Antara)\n"
            "Penarikan dijadwalkan selesai pada Rabu (19/1) pekan depan. (ant/ah)\n")
    found = kinds(text)
    assert ("body", "", "Pasukan CSTO mulai ditarik dari Almaty pada Kamis (13/1) setelah bertugas (menurut rencana) "
                        "sepekan.") in found
    assert ("caption", "", "Prajurit Armenia (kiri) naik ke pesawat di Bandara Almaty.") in found
    assert ("boilerplate", "credit", "(FOTO : Antara)") in found
    assert ("body", "", "Penarikan dijadwalkan selesai pada Rabu (19/1) pekan depan.") in found
    assert ("boilerplate", "signoff", "(ant/ah)") in found
