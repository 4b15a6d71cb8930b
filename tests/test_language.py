"""language: the word index that finds where phrases can start (StartIndex over folded text), and ASCII twins."""
import re
from collections import namedtuple

from kzdata.language import (ASCII_NON_WORD, StartIndex, any_follows_word_character, ascii_twin, folded,
                             follows_word_character, literal_regex, literal_trie, plain_ascii, spaced)

Sentence = namedtuple("Sentence", "start end")
INDEX = StartIndex.from_words({"place": ["balai", "kota"], "event": ["demo", "demonstrasi"], "short": ["o"]})


def test_spaced_makes_each_non_word_character_a_space():
    assert spaced("Aksi, di_kota-2022!") == "Aksi  di_kota 2022 "
    assert spaced("“kota” — ju\u0301a\x1cİ") == " kota    ju a İ"


def test_longest_leading_word_at_word_starts_only():
    text = "demonstrasinya di balaikota; demo-kota _kota 2kota okay"
    assert INDEX.positions(text) == {"event": [0, 29], "place": [18, 34], "short": [51]}


def test_a_window_start_counts_as_a_word_start():
    text = "xkota kota"
    assert INDEX.positions(text, 1) == {"place": [1, 6]}
    assert INDEX.positions(text, 0, 8) == {}
    assert INDEX.positions("kota demonstr", 0, 9) == {"place": [0], "event": [5]}


def test_non_ascii_text():
    text = folded("Warga “Kota” — DEMO di Almaty")
    assert INDEX.positions(text) == {"place": [7], "event": [15]}


def test_by_sentence_searches_a_sentence_starting_inside_a_word_alone():
    text = "demo kota.kotademo balai"
    found = INDEX.by_sentence(text, [Sentence(0, 10), Sentence(10, 14), Sentence(14, 24)])
    assert found == [{"event": [0], "place": [5]}, {"place": [10]}, {"event": [14], "place": [19]}]


def test_ascii_twin_ignoring_case_only_of_a_plain_ascii_pattern():
    plain = re.compile(r"(?<!\w)kota\W+baru", re.IGNORECASE)
    twin = ascii_twin(plain)
    assert twin.flags & re.ASCII
    assert [m.span() for m in twin.finditer("Kota Baru, KOTA-baru")] == [(0, 9), (11, 20)]
    kelvin = re.compile("\u212aota", re.IGNORECASE)      # the Kelvin sign matches "k" only without re.ASCII
    assert kelvin.match("kota") and ascii_twin(kelvin) is kelvin


def test_literal_trie_matches_as_the_literal_regex_longest_phrase_first():
    phrases = ["polisi", "polisi militer", "pasukan keamanan", "pasukan"]
    text = "Polisi-militer dan pasukan  keamanan, polisinya, pasukan."
    trie = re.compile(literal_trie(phrases), re.IGNORECASE)
    expected = [(0, 14), (19, 36), (49, 56)]
    assert [m.span() for m in trie.finditer(text)] == expected
    assert [m.span() for m in literal_regex(phrases).finditer(text)] == expected


def test_the_spelled_out_ascii_non_word_class_is_ascii_w_negated():
    spelled, category = re.compile(ASCII_NON_WORD, re.ASCII), re.compile(r"\W", re.ASCII)
    assert [chr(c) for c in range(128) if spelled.match(chr(c))] == [chr(c) for c in range(128) if category.match(chr(c))]


def test_any_follows_word_character_tests_each_position_as_follows_word_character():
    text = "Aksi_2 ² ⅻ “é” — kota,demo"
    for positions in [*([p] for p in range(len(text) + 1)), [0, 5, 6], [8, 14, 21], []]:
        expected = any(follows_word_character(text, p) for p in positions)
        assert any_follows_word_character(text, positions) is expected, positions
    assert any_follows_word_character(text, [0, 7, 17, 22]) is False
    assert any_follows_word_character(text, [0, 7, 17, 23]) is True


def test_plain_ascii_is_ascii_without_the_separators_unicode_counts_as_whitespace():
    assert plain_ascii("Demo di Almaty, 5/1.\t\n") is True
    assert plain_ascii("Demo di “Almaty”") is False
    for separator in "\x1c\x1d\x1e\x1f":
        assert plain_ascii(f"Demo{separator}di Almaty") is False
        assert re.match(r"\s", separator) and not re.match(r"\s", separator, re.ASCII)
