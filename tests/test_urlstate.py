"""Links: filters to query parameters and back, bad addresses dropped with a notice, link shapes."""
import datetime as dt
import itertools
from urllib.parse import parse_qs, urlsplit

import pytest

from kzdata.filters import Bounds, Filters, bounds_of
from kzdata.urlstate import (PAGES, ParsedQuery, from_query, page_link, query_string, reader_link,
                             reader_links, to_query)

BOUNDS = Bounds(first=dt.date(2022, 1, 2), last=dt.date(2022, 1, 13), outlets=("Kompas TV", "Tagar"),
                types=("protest", "clash", "troop_arrival"))
FIFTH, EIGHTH = dt.date(2022, 1, 5), dt.date(2022, 1, 8)


def parse(params, page_params=()):
    parsed = from_query(params, BOUNDS, page_params)
    assert isinstance(parsed, ParsedQuery)
    return parsed


def only_notice(parsed, *words):
    assert len(parsed.notices) == 1, parsed.notices
    for word in words:
        assert word in parsed.notices[0], parsed.notices
    return parsed.notices[0]


def test_defaults_give_an_empty_query():
    assert to_query(Filters()) == {}
    assert parse({}) == ParsedQuery(Filters(), {}, ())


def test_to_query_lists_repeated_keys_and_skips_defaults_and_none():
    filters = Filters(start=FIFTH, outlets=("Tagar",), types=("clash", "protest"), lang="id")
    assert to_query(filters, article="abc", sentence=None) == {
        "from": "2022-01-05", "outlet": ["Tagar"], "type": ["clash", "protest"], "lang": "id", "article": "abc"}
    assert to_query(Filters(), sentence=0, day=EIGHTH) == {"sentence": "0", "day": "2022-01-08"}


def test_to_query_refuses_an_unknown_page_parameter():
    with pytest.raises(ValueError, match="artcle"):
        to_query(Filters(), artcle="abc")


STARTS = (None, dt.date(2022, 1, 2), FIFTH)
ENDS = (None, EIGHTH, dt.date(2022, 1, 13))
OUTLETS = ((), ("Tagar",), ("Kompas TV", "Tagar"), ("Tagar", "Kompas TV"))
TYPES = ((), ("clash",), ("troop_arrival", "protest", "clash"))


@pytest.mark.parametrize("start, end, outlets, types, lang", [
    combo for combo in itertools.product(STARTS, ENDS, OUTLETS, TYPES, ("en", "id"))])
def test_round_trip_through_the_query_and_its_string(start, end, outlets, types, lang):
    filters = Filters(start, end, outlets, types, lang)
    parsed = from_query(to_query(filters), BOUNDS)
    assert parsed.filters == filters and parsed.notices == ()
    link = page_link("timeline", filters)
    query = parse_qs(urlsplit(link).query)
    assert from_query(query, BOUNDS).filters == filters


def test_round_trip_on_the_seed_corpus(seed_corpus):
    bounds = bounds_of(seed_corpus)
    for outlets in ((), bounds.outlets[:1], bounds.outlets):
        filters = Filters(bounds.first, bounds.last, outlets, bounds.types[:2], "id")
        assert from_query(to_query(filters), bounds) == ParsedQuery(filters, {}, ())


def test_page_parameters_are_kept_raw_when_the_page_asks_for_them():
    parsed = parse({"article": "f212c43517d9", "sentence": ["7"], "outlet": "Tagar"}, ("article", "sentence"))
    assert parsed.extra == {"article": "f212c43517d9", "sentence": "7"}
    assert parsed.filters.outlets == ("Tagar",) and parsed.notices == ()


@pytest.mark.parametrize("value", ["2022-13-45", "yesterday", "<script>", "20220105", "2022-1-5", "2022-02-30"])
@pytest.mark.parametrize("name", ["from", "to"])
def test_malformed_dates_are_dropped(name, value):
    parsed = parse({name: value})
    assert parsed.filters == Filters()
    only_notice(parsed, name, repr(value), "YYYY-MM-DD")


def test_reversed_dates_drop_both_with_a_notice_each():
    parsed = parse({"from": "2022-01-08", "to": "2022-01-05"})
    assert parsed.filters == Filters()
    assert len(parsed.notices) == 2
    assert parsed.notices[0].startswith("Ignored from '2022-01-08'")
    assert parsed.notices[1].startswith("Ignored to '2022-01-05'")


@pytest.mark.parametrize("params, expected, words", [
    ({"from": "2021-12-01"}, Filters(start=BOUNDS.first), ("from", "'2021-12-01'", "2022-01-02", "first")),
    ({"to": "2022-02-01"}, Filters(end=BOUNDS.last), ("to", "'2022-02-01'", "2022-01-13", "last")),
    ({"from": "2022-03-01"}, Filters(start=BOUNDS.last), ("from", "last")),
    ({"to": "2021-01-01"}, Filters(end=BOUNDS.first), ("to", "first")),
])
def test_dates_outside_the_data_are_clamped_with_a_notice(params, expected, words):
    parsed = parse(params)
    assert parsed.filters == expected
    only_notice(parsed, *words)


def test_dates_are_kept_when_the_data_has_none():
    parsed = from_query({"from": "2021-12-01"}, Bounds(None, None, (), ()))
    assert parsed.filters.start == dt.date(2021, 12, 1) and parsed.notices == ()


def test_unknown_outlets_are_dropped_and_known_ones_kept():
    parsed = parse({"outlet": ["Tagar", "Foo", "Tagar"]})
    assert parsed.filters.outlets == ("Tagar",)
    only_notice(parsed, "outlet", "'Foo'", "no such outlet")


@pytest.mark.parametrize("value, why", [("riot", "not an event type"),
                                        ("internet_shutdown", "no events of that type")])
def test_unknown_types_are_dropped(value, why):
    parsed = parse({"type": ["clash", value]})
    assert parsed.filters.types == ("clash",)
    only_notice(parsed, "type", repr(value), why)


def test_unknown_language_falls_back_to_english():
    parsed = parse({"lang": "fr"})
    assert parsed.filters.lang == "en"
    only_notice(parsed, "lang", "'fr'")


@pytest.mark.parametrize("name", ["utm_source", "article", "<b>x</b>"])
def test_unknown_parameter_names_are_dropped(name):
    parsed = parse({name: "1", "outlet": "Tagar"})
    assert parsed.filters == Filters(outlets=("Tagar",)) and parsed.extra == {}
    only_notice(parsed, repr(name), "parameter")


@pytest.mark.parametrize("name", ["outlet", "from", "lang", "article"])
def test_over_long_values_are_dropped(name):
    value = "x" * 201
    parsed = parse({name: value}, ("article",))
    assert parsed.filters == Filters() and parsed.extra == {}
    notice = only_notice(parsed, name, "200")
    assert repr("x" * 40) + "…" in notice and "x" * 41 not in notice


def test_a_value_of_exactly_200_characters_is_read():
    parsed = parse({"article": "a" * 200}, ("article",))
    assert parsed.extra == {"article": "a" * 200} and parsed.notices == ()


def test_too_many_repeated_values_drop_the_parameter():
    parsed = parse({"outlet": ["Tagar"] * 51, "type": "clash"})
    assert parsed.filters == Filters(types=("clash",))
    only_notice(parsed, "'outlet'", "51", "50")
    assert parse({"outlet": ["Tagar"] * 50}).notices == ()


@pytest.mark.parametrize("name, values, kept", [
    ("from", ["2022-01-05", "2022-01-08"], Filters(start=FIFTH)),
    ("to", ["2022-01-08", "junk"], Filters(end=EIGHTH)),
    ("lang", ["id", "en"], Filters(lang="id")),
])
def test_duplicated_single_valued_parameters_keep_the_first(name, values, kept):
    parsed = parse({name: values})
    assert parsed.filters == kept
    only_notice(parsed, name, repr(values[1]), "first")


def test_duplicated_page_parameter_keeps_the_first():
    parsed = parse({"sentence": ["3", "4"]}, ("sentence",))
    assert parsed.extra == {"sentence": "3"}
    only_notice(parsed, "sentence", "'4'")


def test_blank_values_count_as_absent():
    assert parse({"from": "", "outlet": ["", "Tagar"], "lang": [""]}) == ParsedQuery(Filters(outlets=("Tagar",)))


@pytest.mark.parametrize("value", [None, 7, ("Tagar",)])
def test_odd_value_types_do_not_raise(value):
    assert isinstance(parse({"outlet": value}), ParsedQuery)


def test_notices_escape_control_characters_and_are_capped():
    parsed = parse({"outlet": "Tagar\n<script>\u202e"})
    notice = only_notice(parsed, "outlet")
    assert "\n" not in notice and "\u202e" not in notice and "\\n" in notice
    flood = parse({f"p{i}": "1" for i in range(500)})
    assert len(flood.notices) == 20
    assert "481 more" in flood.notices[-1]


def test_query_string_has_a_stable_order_and_encodes_spaces():
    params = {"article": "abc", "outlet": ["Kompas TV", "Tagar"], "from": "2022-01-05"}
    expected = "from=2022-01-05&outlet=Kompas%20TV&outlet=Tagar&article=abc"
    assert query_string(params) == expected
    assert query_string(dict(reversed(params.items()))) == expected
    assert query_string({"outlet": ["a&b=c/d"]}) == "outlet=a%26b%3Dc%2Fd"


def test_page_links_are_relative_without_a_leading_slash():
    filters = Filters(start=FIFTH, outlets=("Tagar",))
    assert page_link("timeline", filters) == "timeline?from=2022-01-05&outlet=Tagar"
    assert page_link("overview", filters) == "./?from=2022-01-05&outlet=Tagar"
    assert page_link("overview", Filters()) == "./"
    assert page_link("map", Filters()) == "map"
    for page in PAGES:
        assert not page_link(page, filters).startswith("/")


def test_reader_link_carries_article_sentence_and_filters():
    filters = Filters(outlets=("Tagar",), lang="id")
    assert reader_link("f212c43517d9", 0, filters) == "reader?outlet=Tagar&lang=id&article=f212c43517d9&sentence=0"
    assert reader_link("f212c43517d9", None, Filters()) == "reader?article=f212c43517d9"


def test_reader_link_reads_back():
    link = reader_link("f212c43517d9", 4, Filters(start=FIFTH))
    parsed = from_query(parse_qs(urlsplit(link).query), BOUNDS, ("article", "sentence"))
    assert parsed == ParsedQuery(Filters(start=FIFTH), {"article": "f212c43517d9", "sentence": "4"}, ())


def test_unknown_page_is_refused():
    with pytest.raises(ValueError, match="timelime"):
        page_link("timelime", Filters())


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(start=dt.date(2022, 1, 5), outlets=("Kompas TV", "A & B"), types=("clash",), lang="id"),
])
def test_reader_links_for_many_rows_are_each_rows_reader_link(filters):
    rows = [("f212c43517d9", 3), ("225792f1331b", 0), ("225792f1331b", 17)]
    many = reader_links([a for a, _ in rows], [s for _, s in rows], filters)
    assert many == [reader_link(a, s, filters) for a, s in rows]
