"""Numbers in running text, on sentences written for these tests in the style of Indonesian news."""

import pytest

from kzdata import language, numbers
from kzdata.numbers import NumberMention, find_numbers, parse_number


def only(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def summary(mention: NumberMention) -> tuple:
    return mention.text, mention.value, mention.low, mention.high, mention.qualifier


@pytest.mark.parametrize("text, span, value", [
    ("Polisi menahan 37 pengunjuk rasa di Aktobe.", "37", 37),
    ("Bentrokan itu melukai 3.150 orang, termasuk aparat.", "3.150", 3150),
    ("Sebanyak 2.500 personel dikirim ke Almaty.", "2.500", 2500),
    ("Pemerintah mencatat 1.250.000 warga terdampak pemadaman.", "1.250.000", 1_250_000),
    ("Bantuan untuk 1,5 juta warga mulai disalurkan.", "1,5 juta", 1_500_000),
    ("Harga gas naik 2,5 kali lipat dalam sepekan.", "2,5", 2.5),
    ("Sekitar pukul sepuluh, 12 ribu orang memenuhi alun-alun.", "12 ribu", 12_000),
    ("Kerugian ditaksir menyentuh 3 juta.", "3 juta", 3_000_000),
    ("Anggaran pemulihan mencapai 1,2 miliar.", "1,2 miliar", 1_200_000_000),
    ("Korban di kota itu bertambah menjadi 4.400,5 hari ini.", "4.400,5", 4400.5),
    ("Aparat mengamankan 2 juta 300 ribu butir amunisi.", "2 juta 300 ribu", 2_300_000),
])
def test_digits_are_exact_counts(text, span, value):
    mention = only(text)
    assert summary(mention) == (span, value, value, value, "exact")
    assert mention.unit is None
    assert text[mention.start:mention.end] == mention.text
    assert (mention.number_start, mention.number_end) == (mention.start, mention.end)


@pytest.mark.parametrize("text", [
    "Laporan itu dirilis Kamis 16:46 WIB.",
    "Jam malam berlaku mulai 16.46 WIB.",
    "Demonstrasi pecah pada Rabu (5/1/2022) malam.",
    "Kompas, 13/1/2022.",
    "Angka 4.40 tertulis di papan.",
    "Pandemi COVID-19 memperburuk keadaan.",
    "Jaringan 5G sempat diputus pemerintah.",
    "Ini adalah gelombang ke-2 penangkapan.",
    "Ini hari kedua kerusuhan.",
    "Situasi di kota kesatuan itu mereda.",
])
def test_times_dates_codes_and_ordinals_are_not_figures(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize("text, span, value", [
    ("Delapan belas petugas penegak hukum tewas.", "Delapan belas", 18),
    ("Sebanyak dua puluh enam orang tewas.", "dua puluh enam", 26),
    ("DUA PULUH ENAM pengunjuk rasa ditangkap.", "DUA PULUH ENAM", 26),
    ("Aparat menangkap seratus orang di Taraz.", "seratus", 100),
    ("Pemerintah menerbangkan seratus lima puluh warga asing.", "seratus lima puluh", 150),
    ("Seribu tentara tiba di Almaty.", "Seribu", 1000),
    ("Ada dua ribu lima ratus personel di bandara.", "dua ribu lima ratus", 2500),
    ("Sebelas gedung dibakar massa.", "Sebelas", 11),
    ("Sepuluh kendaraan lapis baja terlihat di jalan.", "Sepuluh", 10),
    ("Tiga puluh wartawan meliput upacara itu.", "Tiga puluh", 30),
    ("Satu polisi terluka parah.", "Satu", 1),
    ("Sejuta warga kehilangan akses internet.", "Sejuta", 1_000_000),
    ("Setengah juta liter bahan bakar dikirim.", "Setengah juta", 500_000),
    ("Seratus dua belas orang dirawat.", "Seratus dua belas", 112),
    ("Tiga ratus ribu warga mengungsi.", "Tiga ratus ribu", 300_000),
    ("Dua belas ribu rumah tanpa listrik.", "Dua belas ribu", 12_000),
    ("Satu setengah juta warga terdampak.", "Satu setengah juta", 1_500_000),
])
def test_written_out_numbers(text, span, value):
    assert summary(only(text)) == (span, value, value, value, "exact")


@pytest.mark.parametrize("text", [
    "Dualisme kepemimpinan memicu krisis.",
    "Pedagang limau menutup kiosnya.",
    "Satuan khusus dikerahkan ke lapangan.",
    "Seminggu setelah kerusuhan, pasar dibuka.",
    "Sepekan terakhir situasi tenang.",
    "Ia satu-satunya saksi.",
    "Salah satu tersangka melarikan diri.",
    "Para korban dievakuasi satu per satu.",
    "Seribuan kata tidak cukup.",
])
def test_numbers_are_whole_words_only(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Aparat menangkap lebih dari 4.400 orang.", ("lebih dari 4.400", 4400, 4400, None, "at_least")),
    ("Sedikitnya 164 orang tewas.", ("Sedikitnya 164", 164, 164, None, "at_least")),
    ("Setidaknya 20 polisi terluka.", ("Setidaknya 20", 20, 20, None, "at_least")),
    ("Paling sedikit delapan gedung terbakar.", ("Paling sedikit delapan", 8, 8, None, "at_least")),
    ("Minimal 300 personel berjaga.", ("Minimal 300", 300, 300, None, "at_least")),
    ("Tercatat 2.000 lebih warga mengungsi.", ("2.000 lebih", 2000, 2000, None, "at_least")),
    ("Ada 2.000-an warga di alun-alun.", ("2.000-an", 2000, 2000, None, "at_least")),
    ("CSTO mengirim sekitar 2.500 tentara.", ("sekitar 2.500", 2500, 2250, 2750, "approx")),
    ("Ada kurang lebih 200 demonstran.", ("kurang lebih 200", 200, 180, 220, "approx")),
    ("Kira-kira 50 mobil dibakar.", ("Kira-kira 50", 50, 45, 55, "approx")),
    ("Ada lebih kurang 30 korban.", ("lebih kurang 30", 30, 27, 33, "approx")),
    ("Sekira 1.000 orang berkumpul.", ("Sekira 1.000", 1000, 900, 1100, "approx")),
    ("Hampir 10.000 orang ditahan.", ("Hampir 10.000", 10_000, None, 10_000, "at_most")),
    ("Nyaris seribu toko dijarah.", ("Nyaris seribu", 1000, None, 1000, "at_most")),
    ("Kurang dari 50 orang dibebaskan.", ("Kurang dari 50", 50, None, 50, "at_most")),
    ("Bandara menampung hingga 700 penumpang.", ("hingga 700", 700, None, 700, "at_most")),
    ("Penjara itu memuat sampai 90 tahanan.", ("sampai 90", 90, None, 90, "at_most")),
])
def test_qualifiers_belong_to_the_span(text, expected):
    assert summary(only(text)) == expected


def test_qualified_number_offsets_point_at_the_number_alone():
    text = "Aparat menangkap lebih dari 4.400 orang."
    mention = only(text)
    assert text[mention.number_start:mention.number_end] == "4.400"
    assert parse_number(text[mention.number_start:mention.number_end]) == mention.value


@pytest.mark.parametrize("text, span, low, high", [
    ("Puluhan orang tewas dalam bentrokan.", "Puluhan", 20, 99),
    ("Belasan polisi terluka.", "Belasan", 11, 19),
    ("Ratusan warga berkumpul di depan balai kota.", "Ratusan", 200, 999),
    ("Ribuan pengunjuk rasa menyerbu gedung itu.", "Ribuan", 2000, 9999),
    ("Puluhan ribu orang turun ke jalan.", "Puluhan ribu", 20_000, 99_999),
    ("Ratusan ribu warga terdampak.", "Ratusan ribu", 200_000, 999_999),
    ("Jutaan warga menonton pidato itu.", "Jutaan", 2_000_000, 9_999_999),
])
def test_vague_words_have_a_range_but_no_value(text, span, low, high):
    assert summary(only(text)) == (span, None, low, high, "vague")


@pytest.mark.parametrize("text, span, low, high", [
    ("Lebih dari ratusan orang ditangkap.", "Lebih dari ratusan", 200, None),
    ("Ada ratusan lebih korban.", "ratusan lebih", 200, None),
    ("Hampir ribuan orang hadir.", "Hampir ribuan", None, 9999),
])
def test_a_qualifier_opens_one_side_of_a_vague_word(text, span, low, high):
    assert summary(only(text)) == (span, None, low, high, "vague")


@pytest.mark.parametrize("text, span, low, high", [
    ("Sebanyak 200-300 orang berkumpul.", "200-300", 200, 300),
    ("Sebanyak 200 - 300 orang berkumpul.", "200 - 300", 200, 300),
    ("Massa berjumlah 200 hingga 300 orang.", "200 hingga 300", 200, 300),
    ("Ada antara 40 dan 60 korban.", "antara 40 dan 60", 40, 60),
    ("Jumlahnya dari 15 sampai 20 orang.", "dari 15 sampai 20", 15, 20),
    ("Kerugian mencapai 2-3 juta.", "2-3 juta", 2_000_000, 3_000_000),
    ("Ada dua hingga tiga ratus ribu pengungsi.", "dua hingga tiga ratus ribu", 200_000, 300_000),
    ("Jumlahnya 500 hingga 2 ribu orang.", "500 hingga 2 ribu", 500, 2000),
    ("Diperkirakan puluhan hingga ratusan ribu warga ikut.", "puluhan hingga ratusan ribu", 20_000, 999_999),
    ("Ada sekitar 200-300 orang.", "sekitar 200-300", 200, 300),
])
def test_ranges_are_approximate_with_both_ends(text, span, low, high):
    assert summary(only(text)) == (span, None, low, high, "approx")


def test_a_descending_pair_is_not_a_range():
    assert [summary(m) for m in find_numbers("Skor akhir 3-1 untuk tuan rumah.")] == [
        ("3", 3, 3, 3, "exact"), ("1", 1, 1, 1, "exact")]


def test_dari_without_a_range_stays_outside_the_span():
    assert only("Dari 300 tahanan, separuhnya dibebaskan.").text == "300"


@pytest.mark.parametrize("text, span, value, unit", [
    ("Harga gas naik 15 persen.", "15 persen", 15, "percent"),
    ("Inflasi mencapai 8,4%.", "8,4%", 8.4, "percent"),
    ("Tiket dijual Rp 2.000 per lembar.", "Rp 2.000", 2000, "currency"),
    ("Tiket dijual Rp2.000 per lembar.", "Rp2.000", 2000, "currency"),
    ("Harga naik menjadi Rp. 120.000 per tabung.", "Rp. 120.000", 120_000, "currency"),
    ("Bank Dunia menyiapkan US$ 5 juta.", "US$ 5 juta", 5_000_000, "currency"),
    ("Kerugian ditaksir 200 juta dolar AS.", "200 juta dolar AS", 200_000_000, "currency"),
    ("Harga gas 120 tenge per liter.", "120 tenge", 120, "currency"),
])
def test_percentages_and_money_are_found_and_flagged(text, span, value, unit):
    mention = only(text)
    assert (mention.text, mention.value, mention.unit) == (span, value, unit)


@pytest.mark.parametrize("text, span, number", [
    ("Harganya USD  2.000-an per unit.", "USD  2.000-an", "2.000"),
    ("Di İstanbul harganya US$\t5 juta.", "US$\t5 juta", "5 juta"),    # "İ" lowercases longer: case ignored
    ("Tarif kamar naik menjadi USD9 per malam.", "USD9", "9"),       # a currency, not the unit "USD" after
    ("Sebutir telur kini dijual Rp3 lebih mahal.", "Rp3 lebih", "3"),
])
def test_currency_before_spaces_is_read_apart_from_the_number(text, span, number):
    mention = only(text)
    assert (mention.text, text[mention.number_start:mention.number_end], mention.unit) == (span, number, "currency")


def test_unit_and_qualifier_combine():
    mention = only("Kerugian mencapai lebih dari Rp 2 miliar.")
    assert summary(mention) == ("lebih dari Rp 2 miliar", 2e9, 2e9, None, "at_least")
    assert mention.unit == "currency"
    assert only("Harga naik sekitar 10-15 persen.").unit == "percent"


@pytest.mark.parametrize("text, kept", [
    ("Pukul 10 pagi, 26 orang ditangkap.", ["26"]),
    ("Pada tahun 2022, 40 wartawan ditahan.", ["40"]),
    ("Ia dijerat Pasal 5 dan terancam 20 tahun 6 bulan penjara.", ["20", "6"]),
    ("Salah satu dari 26 korban adalah polisi.", ["26"]),
])
def test_positions_times_and_references_are_skipped(text, kept):
    assert [m.text for m in find_numbers(text)] == kept


def test_mentions_are_sorted_and_do_not_overlap():
    text = ("Pasukan keamanan menewaskan 26 demonstran dan menangkap lebih dari 4.400 orang. "
            "Delapan belas petugas tewas, sementara ratusan lainnya terluka dan 2 hingga 3 ribu "
            "warga mengungsi ke sekitar 40 desa.")
    mentions = find_numbers(text)
    assert [summary(m) for m in mentions] == [
        ("26", 26, 26, 26, "exact"),
        ("lebih dari 4.400", 4400, 4400, None, "at_least"),
        ("Delapan belas", 18, 18, 18, "exact"),
        ("ratusan", None, 200, 999, "vague"),
        ("2 hingga 3 ribu", None, 2000, 3000, "approx"),
        ("sekitar 40", 40, 36, 44, "approx"),
    ]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_adjacent_numbers_that_do_not_combine_stay_apart():
    assert [m.value for m in find_numbers("Tim itu menang dua tiga kali.")] == [2, 3]
    assert [m.value for m in find_numbers("Pada 2021 300 orang ditangkap.")] == [2021, 300]


def test_numbers_do_not_combine_across_lines():
    assert [m.value for m in find_numbers("Jumlahnya seratus\nDua orang lain hilang.")] == [100, 2]


def test_excluded_spans_are_skipped():
    text = "Pada 8 Januari 2022, sekitar 2.500 tentara tiba dan 26 orang tewas."
    date = (text.index("8 Januari"), text.index(",", text.index("2022")))
    assert [m.text for m in find_numbers(text, exclude=[date])] == ["sekitar 2.500", "26"]
    qualifier_only = (text.index("sekitar"), text.index("sekitar") + 3)
    assert [m.text for m in find_numbers(text, exclude=[qualifier_only, date])] == ["26"]


def test_excluded_spans_in_any_order_drop_only_what_they_overlap():
    text = "Sebanyak 40 orang ditahan, lalu 12 hingga 15 orang dibebaskan pada 3 Maret."
    later = (text.index("3 Maret"), len(text) - 1)
    lower_end = (text.index("12"), text.index("12") + 2)
    assert [m.text for m in find_numbers(text, exclude=[later, lower_end])] == ["40"]
    assert [m.text for m in find_numbers(text, exclude=[later])] == ["40", "12 hingga 15"]


@pytest.mark.parametrize("words, value", [
    ("4.400", 4400), ("2.500", 2500), ("1.250.000", 1_250_000), ("1,5 juta", 1_500_000),
    ("2,5", 2.5), ("12 ribu", 12_000), ("3 juta", 3_000_000), ("1,2 miliar", 1_200_000_000),
    ("2,3 juta", 2_300_000), ("dua puluh enam", 26), ("Delapan belas", 18), ("seratus", 100),
    ("seratus lima puluh", 150), ("seribu", 1000), ("dua ribu lima ratus", 2500), ("sebelas", 11),
    ("sepuluh", 10), ("tiga puluh", 30), ("satu", 1), ("sejuta", 1_000_000), ("setengah juta", 500_000),
    ("  26  ", 26), ("nol", 0),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", [
    "", "orang", "dualisme", "puluhan", "lebih dari 5", "16.46", "13/1/2022", "dua tiga", "26 orang",
    "200-300", "Rp 2.000", "15 persen", "ribu", "juta dua", "4.40",
])
def test_parse_number_rejects_what_is_not_a_bare_number(words):
    assert parse_number(words) is None


ENGLISH = """
approx_tolerance = 0.05

[separators]
decimal = "."
group = ","

[words.values]
one = 1
two = 2
three = 3
five = 5
fifty = 50

[words.multipliers]
hundred = 100
thousand = 1000
million = 1000000

[vague]
dozens = [24, 99]

[qualifiers.before]
"at least" = "at_least"
about = "approx"

[qualifiers.after]

[ranges]
connectors = ["to", "-"]

[units.before]
"$" = "currency"

[units.after]
percent = "percent"
"""


def test_a_new_language_is_a_data_file(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "numbers.toml").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    text = ("At least 1,200 people were held, about 300 were hurt, dozens fled, "
            "two hundred fifty thousand lost power, $5 million was pledged, prices rose 2.5 percent.")
    found = [(m.text, m.value, m.low, m.high, m.qualifier, m.unit) for m in find_numbers(text, "xx")]
    assert found == [
        ("At least 1,200", 1200, 1200, None, "at_least", None),
        ("about 300", 300, 285, 315, "approx", None),
        ("dozens", None, 24, 99, "vague", None),
        ("two hundred fifty thousand", 250_000, 250_000, 250_000, "exact", None),
        ("$5 million", 5_000_000, 5_000_000, 5_000_000, "exact", "currency"),
        ("2.5 percent", 2.5, 2.5, 2.5, "exact", "percent"),
    ]
    assert parse_number("1,250.5", "xx") == 1250.5


@pytest.mark.parametrize("odd, plain", [
    ("Di İzmir, ſembilan orang tewas dan ratuſan ditahan.", "Di Izmir, sembilan orang tewas dan ratusan ditahan."),
    ("Dİ ALMATY, DUA PULUH ſATU ORANG LUKA.", "DI ALMATY, DUA PULUH SATU ORANG LUKA."),
    ("İ: hampir ſeribu warga, \u212aurang lebih 40 polisi.", "I: hampir seribu warga, kurang lebih 40 polisi."),
])
def test_letters_a_caseless_match_equates_with_ascii_ones_read_as_those(odd, plain):
    """A text whose lower case is longer ("İ") is matched ignoring case, where "ſ" counts as "s" and the
    Kelvin sign as "k": the phrase it matched is then looked up as that, not refused."""
    def read(text):
        return [(m.start, m.end, m.value, m.low, m.high, m.qualifier) for m in find_numbers(text)]
    assert read(odd) == read(plain) != []


def test_the_digit_groups_are_where_the_code_reads_them_by_number():
    grammar = numbers._grammar("id")
    for pattern in (grammar.atoms[0], grammar.caseless[0]):
        assert pattern.groupindex["num"] == numbers._NUMBER
        assert pattern.groupindex["suffix"] == numbers._SUFFIX


@pytest.mark.parametrize("text", [
    "Sekitar 3.700 warga mengungsi, sedikitnya 40 persen di antaranya anak-anak.",
    "Polisi menyita Rp7.500 dan US$ 200 dari 12 tersangka, hampir 2.000 lebih dari target.",
    "Korban tewas 225-an orang, dari 18 hingga 20 kota.",
    "Lebih dari 1,5 pengungsi per rumah tercatat di 2-3 desa.",
])
def test_a_lone_figure_reads_as_the_general_reading_does(text, monkeypatch):
    """Most figures skip the stack evaluation (see numbers._read_figure): the same mentions either way."""
    direct = find_numbers(text)
    monkeypatch.setattr(numbers, "_plain_figure", lambda atoms, at, opener: False)
    assert find_numbers(text) == direct != []


@pytest.mark.parametrize("text", [
    "Polisi menahan 37 orang, 1.250.000,5 liter solar disita dan 8 truk diamankan.",
    "Sebanyak 2,25 ton beras tiba; 12 di antaranya rusak, 3.700 karung utuh.",
])
def test_a_lone_figure_run_reads_as_its_chain_does(text, monkeypatch):
    """A run of one bare figure skips the chain reading (see numbers._run_mentions): the same mentions."""
    direct = find_numbers(text)
    monkeypatch.setattr(numbers, "_run_mentions", lambda text, run, grammar: numbers._read_chain(
        text, numbers._atoms(text, run, grammar), grammar.tolerance))
    assert find_numbers(text) == direct != []


@pytest.mark.parametrize("text", [
    "Polisi (sekitar 40 personel) menyita Rp7.500, US$ 200 dan $15 di pos [12] itu.",
    "Harga naik ~10 persen;\"dua puluh\" warga|30 keluarga{5} mengungsi @3.700 rupiah.",
    "Data 2-3 juta, lebih dari 1,5 juta jiwa: 16.46 WIB, 10/11, `7 desa` dan ^8 kota.",
])
def test_the_ascii_patterns_find_the_atoms_the_general_ones_do(text):
    """Plain ASCII text is scanned with patterns whose classes are spelled out as ASCII characters."""
    grammar = numbers._grammar("id")
    scanned = text.lower()

    def atoms(words, symbols):
        spans = numbers._symbol_spans(scanned, symbols, grammar.symbol_starts)
        runs = numbers._scan_runs(text, scanned, words, spans, grammar)
        return [(start, end, entry, match and match.groupdict()) for run in runs for start, end, entry, match in run]
    assert atoms(*grammar.ascii) == atoms(*grammar.atoms) != []
