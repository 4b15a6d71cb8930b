"""language.trie_pattern: the one builder of the prefix-tree regexes of dates, numbers, the gazetteer and the word index."""
import re

from kzdata.language import trie_pattern

WORDS = ["dua", "dua puluh", "duabelas", "tiga"]


def test_matches_each_phrase_and_nothing_else():
    regex = re.compile(trie_pattern(WORDS))
    assert all(regex.fullmatch(word) for word in WORDS)
    assert not regex.fullmatch("du")
    assert not regex.fullmatch("empat")


def test_longest_phrase_wins():
    regex = re.compile(trie_pattern(WORDS))
    assert regex.match("duabelas orang").group() == "duabelas"
    assert regex.match("dua orang").group() == "dua"


def test_shape_is_a_prefix_tree_with_optional_rests():
    assert trie_pattern(["ab", "abc", "ad"]) == "a(?:b(?:c|)|d)"
    assert trie_pattern([]) == ""


def test_char_maps_each_character():
    regex = re.compile(trie_pattern(["dua puluh"], lambda char: r"\s+" if char == " " else re.escape(char)))
    assert regex.fullmatch("dua   puluh")


def test_end_is_required_after_a_phrase():
    not_glued = r"(?!\w)"
    regex = re.compile(trie_pattern(WORDS, end=lambda last: not_glued if last.isalnum() else ""))
    assert regex.match("dua orang").group() == "dua"
    assert regex.match("duabelas").group() == "duabelas"
    assert not regex.match("duax")
    assert trie_pattern(["a-", "ab"], end=lambda last: "X" if last.isalnum() else "") == "a(?:\\-|bX)"


def test_end_alternative_comes_after_longer_phrases():
    assert trie_pattern(["ab", "a"], end=lambda last: "") == "a(?:b|)"
