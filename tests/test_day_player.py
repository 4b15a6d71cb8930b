"""Play's steps, as the map and the troops page share them (ui.day_player)."""
import datetime as dt

from ui.day_player import DayPlayer, linked_day, next_day

FIRST, LAST = dt.date(2022, 1, 2), dt.date(2022, 1, 5)


def test_play_steps_a_day_and_stops_at_the_last():
    assert next_day(FIRST, FIRST, LAST) == (dt.date(2022, 1, 3), True)
    assert next_day(dt.date(2022, 1, 4), FIRST, LAST) == (LAST, False)
    assert next_day(LAST, FIRST, LAST) == (LAST, False)
    assert next_day(dt.date(2021, 12, 1), FIRST, LAST) == (FIRST, True)  # a day before the span starts it


def test_each_page_keeps_its_own_keys():
    assert (DayPlayer("map", FIRST, LAST).day_key, DayPlayer("map", FIRST, LAST).play_key) == ("map_day", "map_play")
    assert DayPlayer("troops", FIRST, LAST).day_key == "troops_day"


def test_an_address_day_is_moved_into_the_span_or_refused():
    assert linked_day("2022-01-03", FIRST, LAST) == (dt.date(2022, 1, 3), None)
    assert linked_day("2022-02-01", FIRST, LAST) == (LAST, "day_moved")
    assert linked_day("2021-12-31", FIRST, LAST) == (FIRST, "day_moved")
    assert linked_day("5 Jan", FIRST, LAST) == (None, "bad_day")
