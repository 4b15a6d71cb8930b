"""scan: mentions found once per article, grouped by the sentence that holds them."""
from typing import NamedTuple

from kzdata.metadata import ArticleMeta
from kzdata.scan import Scan
from kzdata.segment import Sentence

TEXT = "Demo di Almaty. Aparat datang.\nBandara ditutup."   # sentences 0-15, 16-30, 31-47


class Mention(NamedTuple):
    start: int
    end: int


def scan_with(numbers: list[Mention]) -> Scan:
    sentences = [Sentence(0, 0, 15, "body", "", 0), Sentence(1, 16, 30, "body", "", 0),
                 Sentence(2, 31, 47, "body", "", 1)]
    return Scan(TEXT, TEXT, sentences, ArticleMeta(), None, False, "id", numbers=numbers)


def test_mentions_are_grouped_by_the_sentence_that_holds_them_whole():
    inside = [Mention(0, 4), Mention(8, 14), Mention(16, 22), Mention(39, 47)]
    across = Mention(12, 20)        # from the first sentence into the second
    in_gap = Mention(15, 16)        # the space between two sentences
    past_end = Mention(47, 50)
    scan = scan_with(sorted([*inside, across, in_gap, past_end]))
    assert scan.by_sentence("numbers") == {0: inside[:2], 1: [inside[2]], 2: [inside[3]]}


def test_within_gives_a_sentence_its_mentions_or_none():
    scan = scan_with([Mention(31, 38)])
    assert [scan.within("numbers", s) for s in scan.sentences] == [[], [], [Mention(31, 38)]]


def test_actors_are_found_in_any_case_also_where_the_text_cannot_be_folded():
    from kzdata.actors import find_actors
    folded = "Kemarin KASSYM-JOMART  TOKAYEV menemui warga di Almaty."
    unfolded = folded.replace("Almaty", "İzmir")     # lower-casing "İ" makes two characters
    for text in (folded, unfolded):
        found = find_actors(text)
        assert [(m.start, m.end, m.actor.name) for m in found] == [(8, 30, "President Tokayev")]
