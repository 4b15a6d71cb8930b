"""Date expressions in running text, found first and resolved later against a reference date.

Every word comes from ``lang/<code>/dates.toml``; this module only knows the shapes of expressions:

* ``absolute``: a day and a month, year optional, maybe a range, maybe led by a weekday
  ("Senin, 21 Maret 2022", "Rabu (16/3)", "2-5 Maret 2022");
* ``period``: part of a month or a whole month ("akhir Januari", "Januari 2022", "bulan Desember");
* ``weekday``: a weekday alone ("hari Selasa", "Kamis malam", "Senin lalu");
* ``relative``: a date relative to the reference ("kemarin", "pekan lalu", "tiga hari lalu");
* ``offset``: a date relative to an anchor the caller chooses ("seminggu setelah", "keesokan harinya");
* ``duration``: a stretch of time, not a date ("selama sepekan", "tiga hari"); reported so that
  callers can tell it was seen and skipped.

Spans: prepositions before an expression ("pada", "sejak", "hingga") stay outside it; a day word
("hari Kamis"), a day-number word ("tanggal 5"), a weekday and a time of day that belong to the
date are inside it ("pada hari Rabu (16/3) malam" -> "hari Rabu (16/3) malam").

Finding is one left-to-right pass of one regex over a lower-cased copy of the text (a separate pass
per shape cost five times as much). The shapes are alternatives of that regex, tried in the order
date, period, phrase, quantity, weekday at each word start: where two could start at the same word,
the earlier one is the longer ("Rabu, 16 Maret" before "Rabu", "minggu lalu" before "Minggu"),
and an expression starting earlier takes the words it covers ("selama sepekan" before "sepekan").
A match the code then refuses (31/2, a lone "Minggu" that means "week") is retried with the other
shapes at the same word.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Callable, Iterable, Iterator, NamedTuple

from . import language as lang
from .records import from_fields

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "weekend": 7, "month": 30, "year": 365}
# A quantity of weeks, months or years is approximate: "seminggu setelah" is about seven days.
UNIT_TOLERANCE = {"hour": 0, "day": 0, "week": 3, "weekend": 3, "month": 15, "year": 182}
# A year-less date more than this after the reference belongs to the year before it.
FUTURE_LIMIT = dt.timedelta(days=61)


class ResolvedDate(NamedTuple):
    """The days an expression means: a plain frozen value (a named tuple, made at a fraction of the cost
    of a frozen dataclass; callers read its fields by name)."""
    date: dt.date
    date_end: dt.date
    precision: str                  # "day" | "week" | "range"


class DateExpr(NamedTuple):
    """An expression found in a text, not yet resolved: a plain frozen value (a named tuple, which a
    finder makes several times faster than a frozen dataclass of this many fields).

    ``offset_days`` (kinds relative and offset) is the signed number of days from the reference or
    anchor to the date meant. For an offset it is seen from the clause that follows the word:
    "X pada Jumat, tujuh hari setelah Y" gives -7, because Y happened seven days before the anchor
    (Jumat); "dua hari sebelum Y" gives +2; "tiga hari kemudian, Y" gives +3 (Y is three days after
    the date told before). ``resolve(anchor)`` is anchor + offset_days, widened by ``tolerance_days``
    on both sides for approximate units (weeks: 3 days).

    ``amount`` counts ``unit``s: signed like ``offset_days`` for relative and offset expressions,
    the length for durations, None for vague quantities ("beberapa hari"). ``calendar`` marks relative
    expressions that name calendar periods ("pekan lalu": the whole previous Monday-Sunday week)
    rather than a distance ("seminggu lalu": seven days before, give or take three).
    ``direction`` for weekdays: -1 "Kamis lalu" (strictly before the reference), +1 "Senin depan"
    (strictly after), 0 the most recent one on or before the reference.
    """
    start: int
    end: int
    text: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset_days: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    unit: str | None = None
    amount: int | None = None
    calendar: bool = False
    tolerance_days: int = 0
    direction: int = 0
    time_of_day: str | None = None

    def resolve(self, reference: dt.date) -> ResolvedDate | None:
        """The date meant, seen from ``reference`` (the publication date, or an anchor for offsets).

        None for durations, vague quantities and impossible dates (29 Februari in a common year).
        """
        resolver = _RESOLVERS.get(self.kind)
        return resolver(self, reference) if resolver else None


# Calling the class hands keyword arguments over in a dict (type.__call__); its __new__, called directly,
# takes them as a vector call, at half the cost. The finders make one per expression found.
_expr = partial(DateExpr.__new__, DateExpr)
# Absolute dates are the expressions found most: _absolute gives all the fields in order, which skips the
# named tuple's __new__ (records.from_fields; about 1.6k instructions fewer per date).
_new_expr = from_fields(DateExpr)


@dataclass(frozen=True)
class _Shape:
    """One shape of expression: the function that reads a match, and the shape's own pattern, which
    tries it alone where the master's match of another shape was refused."""
    name: str
    pattern: re.Pattern
    build: Callable


@dataclass(frozen=True)
class _Rules:
    """One language's compiled patterns and word tables."""
    master: re.Pattern              # all shapes, one alternative (named after its shape) each
    ascii_master: re.Pattern        # the master for plain ASCII text (see language.plain_ascii)
    opening: re.Pattern             # the master at the start of a text, where no character precedes
    ascii_opening: re.Pattern       # the opening for plain ASCII text
    shapes: dict                    # shape name -> _Shape
    time: re.Pattern
    months: dict
    weekdays: dict
    ambiguous_weekdays: frozenset
    weekday_cues: frozenset
    week_followers: frozenset
    weekday_suffixes: dict
    times_of_day: dict
    month_parts: dict
    relative: dict
    offset_phrases: dict
    units: dict
    single_units: dict
    numbers: dict
    duration_prefixes: frozenset
    duration_suffixes: frozenset
    ago_words: dict
    offset_words: dict
    numeric_order: str
    time_zones: dict
    default_time_zone: str


# ---------------------------------------------------------------- public API

def find_dates(text: str, language: str = "id") -> list[DateExpr]:
    """Date expressions in ``text``, sorted by start, non-overlapping, the longest match winning."""
    return list(_expressions(text, language))


def _expressions(text: str, language: str) -> Iterator[DateExpr]:
    """The expressions of :func:`find_dates`, one at a time: a caller that needs only the first few
    spares the search for the rest."""
    rules = _rules(language)
    low = _lowered(text)
    opening, master = rules.opening, rules.master
    if lang.plain_ascii(low):
        opening, master = rules.ascii_opening, rules.ascii_master
    hit = opening.match(low) or master.search(low)
    while hit is not None:
        shape = hit.lastgroup
        expr = rules.shapes[shape].build(hit, text, rules) or _retry(shape, hit.start(shape), text, low, rules)
        if expr is None:
            hit = master.search(low, hit.start(shape))
        else:
            yield expr
            hit = master.search(low, expr.end - 1)      # the master's match starts a character early


def latest_absolute_date(exprs: Iterable[DateExpr]) -> dt.date | None:
    """The latest date among expressions with day, month and year (the end of a range).

    An article cannot be older than the dates it states, so this bounds an unknown publication date.
    """
    return max(filter(None, map(_last_stated_day, exprs)), default=None)


def parse_timestamp(text: str, language: str = "id") -> dt.datetime | None:
    """A publication line ("Senin, 21 Maret 2022 09:15 WIB") as a time-zone-aware datetime.

    Without a clock time: midnight; without a zone: the language's default zone (WIB, UTC+7).
    None when the line holds no date with a year.
    """
    rules = _rules(language)
    iso = _iso_timestamp(text, rules)
    if iso is not None:
        return iso
    found = next((e for e in _expressions(text, language) if e.kind == "absolute" and e.year is not None), None)
    day = found and _date(found.year, found.month, found.day)
    if not day:
        return None
    clock = rules.time.search(text, found.end) or rules.time.search(text, 0, found.start)
    if clock is None:
        return dt.datetime(day.year, day.month, day.day, tzinfo=_zone(rules, None, None, None))
    moment = dt.time(int(clock["hour"]), int(clock["minute"]), int(clock["second"] or 0))
    zone = _zone(rules, clock["zone"], clock["sign"], clock["zone_hours"])
    return dt.datetime.combine(day, moment, tzinfo=zone)


# ---------------------------------------------------------------- reading matches

def _retry(refused: str, start: int, text: str, low: str, rules: _Rules) -> DateExpr | None:
    """The longest expression of another shape at the start of a refused match ("Sabtu, 45 Januari")."""
    others = (_read(shape, start, text, low, rules) for name, shape in rules.shapes.items() if name != refused)
    return max(filter(None, others), key=lambda e: e.end, default=None)


def _read(shape: _Shape, start: int, text: str, low: str, rules: _Rules) -> DateExpr | None:
    match = shape.pattern.match(low, start)
    return shape.build(match, text, rules) if match else None


def _lowered(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _span(match: re.Match, text: str, end: int | None = None) -> tuple[int, int, str]:
    """Start, end and text of the match's outermost group (a match of the master also holds the
    character before it), up to ``end`` when given: the first fields of its DateExpr."""
    start = match.start(match.lastindex)
    end = match.end() if end is None else end
    return start, end, text[start:end]


# ---------------------------------------------------------------- building expressions from matches

def _absolute(match: re.Match, text: str, rules: _Rules) -> DateExpr | None:
    weekday_name, numeric, time_of_day, later_time_of_day = match.group("wd", "n1", "tod1", "tod2")
    weekday = rules.weekdays[weekday_name] if weekday_name else None
    if numeric:
        first, last = _numeric_date(match, rules, weekday is not None), None
    else:
        first, last = _textual_date(match, rules)
    if first is None or not _valid(*first) or (last is not None and not _valid_range(first, last)):
        return None
    day, month, year = first
    end_day, end_month, end_year = last or (None, None, None)
    start, end, span = _span(match, text)
    #                 start, end, text, kind, day, month, year, weekday, offset_days, end_day, end_month, end_year,
    #                 unit, amount, calendar, tolerance_days, direction, time_of_day
    return _new_expr((start, end, span, "absolute", day, month, year, weekday, None, end_day, end_month, end_year,
                      None, None, False, 0, 0, _time_of_day(rules, time_of_day, later_time_of_day)))


def _textual_date(match: re.Match, rules: _Rules) -> tuple:
    first_day, last_day, last_month, last_year = match.group("d1", "d2", "m2", "y2")
    last = (int(last_day or first_day), rules.months[last_month], _year(last_year))
    if last_day is None:
        return last, None
    first_month, first_year = match.group("m1", "y1")
    month = rules.months[first_month] if first_month else last[1]
    first = (int(first_day), month, _year(first_year))
    first, last = _share_years(first, last)
    return first, last


def _share_years(first: tuple, last: tuple) -> tuple[tuple, tuple]:
    """Give both ends of a range a year when one has it: "30 Desember - 2 Januari 2022" starts in 2021."""
    (d1, m1, y1), (d2, m2, y2) = first, last
    in_order = (m1, d1) < (m2, d2)
    if y1 is None and y2 is not None:
        y1 = y2 if in_order else y2 - 1
    elif y2 is None and y1 is not None:
        y2 = y1 if in_order else y1 + 1
    return (d1, m1, y1), (d2, m2, y2)


def _numeric_date(match: re.Match, rules: _Rules, has_weekday: bool) -> tuple | None:
    """16/3/2022, (16/3), Rabu 16/3. A bare day/month without year, brackets or weekday is too
    likely a fraction or a score (the pattern lets dots and dashes through only with a four-digit year)."""
    opening, a, b, raw_year = match.group("open", "n1", "n2", "n3")
    if raw_year is None and not (opening or has_weekday):
        return None
    a, b = int(a), int(b)
    day, month = (a, b) if rules.numeric_order == "dmy" else (b, a)
    return day, month, _year(raw_year)


def _period(match: re.Match, text: str, rules: _Rules) -> DateExpr:
    first, last = rules.month_parts[match["part"]] if match["part"] else (1, 31)
    month, year = rules.months[match["pm"]], _year(match["py"])
    last = min(last, _month_length(year, month))
    start, end, span = _span(match, text)
    return _expr(start, end, span, "period", day=first, month=month, year=year, end_day=last,
                 end_month=month, end_year=year)


def _weekday(match: re.Match, text: str, rules: _Rules) -> DateExpr | None:
    name = _key(match["day_name"])
    if name in rules.ambiguous_weekdays and not match["day_word"] and not _named_day(match, text, rules):
        return None
    direction = rules.weekday_suffixes[match["suffix"]] if match["suffix"] else 0
    start, end, span = _span(match, text)
    return _expr(start, end, span, "weekday", weekday=rules.weekdays[name], direction=direction,
                 time_of_day=_time_of_day(rules, match["day_tod1"], match["day_tod2"]))


_NEXT_WORD = re.compile(r"\s+([\w']+)")
_PREVIOUS_WORD = re.compile(r"([\w']+)\s+$")


def _named_day(match: re.Match, text: str, rules: _Rules) -> bool:
    """Whether an ambiguous name standing alone ("Minggu": Sunday or week) is the day."""
    if match["suffix"]:
        return False
    following = _NEXT_WORD.match(text, match.end("day_name"))
    if following and following.group(1).lower() in rules.week_followers:
        return False
    if match["day_tod1"] or match["day_tod2"]:
        return True
    start = match.start("day_name")
    if not text[start].isupper():
        return False
    before = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    return bool(before and before.group(1).lower() in rules.weekday_cues) or text.startswith(",", match.end())


def _phrase(match: re.Match, text: str, rules: _Rules) -> DateExpr:
    key = _key(match["phrase_words"])
    if key in rules.relative:
        amount, unit = rules.relative[key]
        kind, calendar_unit = "relative", True
    else:
        amount, unit = rules.offset_phrases[key]
        kind, calendar_unit = "offset", False
    start, end, span = _span(match, text)
    return _expr(start, end, span, kind, unit=unit, amount=amount,
                 offset_days=round(amount * UNIT_DAYS[unit]), calendar=calendar_unit,
                 tolerance_days=0 if calendar_unit else UNIT_TOLERANCE[unit],
                 time_of_day=_time_of_day(rules, match["phrase_tod"]))


def _quantity(match: re.Match, text: str, rules: _Rules) -> DateExpr:
    unit = rules.units[match["unit"]] if match["unit"] else rules.single_units[match["single"]]
    low, high = _amounts(match, rules)
    post = _key(match["post"]) if match["post"] else None
    if match["pre"] or post is None or post in rules.duration_suffixes:
        end = match.end("post" if post in rules.duration_suffixes else "unit" if match["unit"] else "single")
        start, end, span = _span(match, text, end)
        return _expr(start, end, span, "duration", unit=unit, amount=high)
    if post in rules.ago_words:
        kind, sign = "relative", rules.ago_words[post]
    else:
        kind, sign = "offset", rules.offset_words[post]
    if low is None:
        start, end, span = _span(match, text)
        return _expr(start, end, span, kind, unit=unit)
    middle, half = (low + high) / 2 * UNIT_DAYS[unit], (high - low) / 2 * UNIT_DAYS[unit]
    start, end, span = _span(match, text)
    return _expr(start, end, span, kind, unit=unit, amount=sign * high,
                 offset_days=sign * math.floor(middle), tolerance_days=math.ceil(half) + UNIT_TOLERANCE[unit])


def _amounts(match: re.Match, rules: _Rules) -> tuple[int | None, int | None]:
    """The smallest and largest number of units: (1, 1) for "seminggu", (2, 3) for "2-3 hari"."""
    if match["single"]:
        return 1, 1
    numbers = [_number(q, rules) for q in (match["q1"], match["q2"] or match["q1"])]
    if None in numbers:
        return None, None
    return min(numbers), max(numbers)


def _number(word: str, rules: _Rules) -> int | None:
    return int(word) if word.isdigit() else rules.numbers.get(_key(word))


def _time_of_day(rules: _Rules, word: str | None, later_word: str | None = None) -> str | None:
    word = word or later_word
    return rules.times_of_day[word] if word else None


# ---------------------------------------------------------------- resolving

def _resolve_absolute(expr: DateExpr, reference: dt.date) -> ResolvedDate | None:
    if expr.end_day is None:
        day = _in_year_of(expr.day, expr.month, expr.year, reference)
        return ResolvedDate(day, day, "day") if day else None
    last = _in_year_of(expr.end_day, expr.end_month, expr.end_year, reference)
    if last is None:
        return None
    year = expr.year if expr.year is not None else last.year - ((expr.month, expr.day) > (last.month, last.day))
    first = _date(year, expr.month, expr.day)
    return ResolvedDate(first, last, "range") if first and first <= last else None


def _resolve_period(expr: DateExpr, reference: dt.date) -> ResolvedDate | None:
    first = _in_year_of(expr.day, expr.month, expr.year, reference)
    if first is None:
        return None
    last = first.replace(day=min(expr.end_day, _month_length(first.year, first.month)))
    return ResolvedDate(first, last, "range")


def _resolve_weekday(expr: DateExpr, reference: dt.date) -> ResolvedDate:
    if expr.direction > 0:
        day = reference + dt.timedelta((expr.weekday - reference.weekday()) % 7 or 7)
    else:
        back = (reference.weekday() - expr.weekday) % 7
        day = reference - dt.timedelta(back or (7 if expr.direction < 0 else 0))
    return ResolvedDate(day, day, "day")


def _resolve_relative(expr: DateExpr, reference: dt.date) -> ResolvedDate | None:
    return _resolve_calendar(expr, reference) if expr.calendar else _resolve_shift(expr, reference)


def _resolve_calendar(expr: DateExpr, reference: dt.date) -> ResolvedDate | None:
    """Calendar periods: "kemarin" a day, "pekan lalu" a Monday-Sunday week, "bulan lalu" a month."""
    unit, amount = expr.unit, expr.amount
    if unit == "day":
        day = reference + dt.timedelta(amount)
        return ResolvedDate(day, day, "day")
    if unit in ("week", "weekend"):
        monday = reference - dt.timedelta(reference.weekday()) + dt.timedelta(weeks=amount)
        if unit == "week":
            return ResolvedDate(monday, monday + dt.timedelta(6), "week")
        return ResolvedDate(monday + dt.timedelta(5), monday + dt.timedelta(6), "range")
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 + amount, 12)
        first = dt.date(year, month + 1, 1)
        return ResolvedDate(first, first.replace(day=_month_length(year, month + 1)), "range")
    if unit == "year":
        year = reference.year + amount
        return ResolvedDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "range")
    return None


def _resolve_shift(expr: DateExpr, anchor: dt.date) -> ResolvedDate | None:
    if expr.offset_days is None:
        return None
    centre = anchor + dt.timedelta(expr.offset_days)
    if expr.tolerance_days == 0:
        return ResolvedDate(centre, centre, "day")
    spread = dt.timedelta(expr.tolerance_days)
    return ResolvedDate(centre - spread, centre + spread, "range")


_RESOLVERS: dict[str, Callable[[DateExpr, dt.date], ResolvedDate | None]] = {
    "absolute": _resolve_absolute,
    "period": _resolve_period,
    "weekday": _resolve_weekday,
    "relative": _resolve_relative,
    "offset": _resolve_shift,
}


# ---------------------------------------------------------------- calendar helpers

def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _in_year_of(day: int, month: int, year: int | None, reference: dt.date) -> dt.date | None:
    """The date; a year-less one falls in the reference year unless that puts it more than about two
    months after the reference ("28 Desember" in a January article is last December)."""
    if year is not None:
        return _date(year, month, day)
    candidate = _date(reference.year, month, day)
    if candidate is None or candidate - reference > FUTURE_LIMIT:
        return _date(reference.year - 1, month, day)
    return candidate


def _valid(day: int, month: int, year: int | None) -> bool:
    """Whether ``datetime.date`` takes the day; a year-less one as :func:`_month_length` reads it."""
    return ((year is None or dt.MINYEAR <= year <= dt.MAXYEAR) and 1 <= month <= 12
            and 1 <= day <= _month_length(year, month))


def _valid_range(first: tuple, last: tuple) -> bool:
    if not _valid(*last):
        return False
    (d1, m1, y1), (d2, m2, y2) = first, last
    if y1 is not None:
        return (y1, m1, d1) < (y2, m2, d2)
    return (m1, d1) < (m2, d2) or m1 > m2        # year-less "30 Desember - 2 Januari" wraps


_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int | None, month: int) -> int:
    """Days in the month (1-12); a year-less February has 29."""
    if month == 2 and (year is None or calendar.isleap(year)):
        return 29
    return _MONTH_LENGTHS[month - 1]


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    return int(raw) + 2000 if len(raw) == 2 else int(raw)


def _last_stated_day(expr: DateExpr) -> dt.date | None:
    if expr.kind != "absolute" or expr.year is None:
        return None
    if expr.end_day is not None:
        return _date(expr.end_year, expr.end_month, expr.end_day)
    return _date(expr.year, expr.month, expr.day)


# The look-behind (no digit before the year) follows the year's first digit, so that the pattern starts with a
# digit class, which the regex engine looks for in a fast loop instead of trying the whole pattern at each character.
_ISO = re.compile(r"\d(?<!\d\d)\d{3}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)")


def _iso_timestamp(text: str, rules: _Rules) -> dt.datetime | None:
    """A machine-written time ("2022-03-21T09:15:00+07:00"), as some pages carry in their metadata."""
    match = _ISO.search(text)
    if match is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(match.group().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=_zone(rules, None, None, None))


def _zone(rules: _Rules, name: str | None, sign: str | None, hours: str | None) -> dt.timezone:
    offset = rules.time_zones[name or rules.default_time_zone]
    if sign and hours:
        offset += int(hours) * (1 if sign == "+" else -1)
    return _fixed_zone(offset)


@lru_cache(maxsize=None)
def _fixed_zone(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# ---------------------------------------------------------------- compiling a language

def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _words(phrases: Iterable[str]) -> str:
    """A regex of plain lower-case phrases, the longer tried first; a space matches any whitespace.

    Shaped as a prefix tree (:func:`language.trie_pattern`), whose end of a phrase is an empty
    alternative (as :func:`_optional` writes): the engine rejects a word at its first letters."""
    trie = lang.trie_pattern({_key(p) for p in phrases}, _phrase_char, lambda last: "")
    return f"(?:{trie})"


def _phrase_char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _regexes(fragments: Iterable[str]) -> str:
    return "(?:" + "|".join(f"(?:{f})" for f in fragments) + ")"


# Patterns run on lower-cased text. A shape's own pattern checks that it starts a word with a
# look-behind; the master instead consumes the non-word character before the expression, which lets
# the regex engine skip through words quickly (a pattern led by a look-behind is tried at every
# character, about twice as slow).
_START = r"(?<!\w)"
_MASTER_START = r"\W"
_END = r"(?!\w)(?!-\w)"          # also refuses the first half of "sehari-hari"
_NUMBER_START = r"(?<!\w)(?<!\d[-–/.,:])"


@lru_cache(maxsize=None)
def _rules(language: str) -> _Rules:
    data = lang.load("dates", language)
    words = _Words(data)
    bodies = {"date": (_date_body(data, words), _absolute), "period": (_period_body(data, words), _period),
              "phrase": (_phrase_body(data, words), _phrase), "quantity": (_quantity_body(data), _quantity),
              "weekday": (_weekday_body(data, words), _weekday)}     # in the order tried at a word start
    shaped = {name: f"(?P<{name}>{body})" for name, (body, _) in bodies.items()}
    starts = _shape_starts(data)
    guarded = (f"(?=[{_first_characters(*starts[name])}]){pattern}" for name, pattern in shaped.items())
    starters = _starters(starts, _checked_characters(data, words), _checked_words(data))
    opening = f"(?={starters})(?:{'|'.join(guarded)})"
    return _Rules(
        master=re.compile(_MASTER_START + opening),
        ascii_master=re.compile(lang.ASCII_NON_WORD + opening, re.ASCII),
        opening=re.compile(opening),
        ascii_opening=re.compile(opening, re.ASCII),
        shapes={name: _Shape(name, re.compile(_START + shaped[name]), build) for name, (_, build) in bodies.items()},
        time=_time_pattern(data),
        months=words.months,
        weekdays=words.weekdays,
        ambiguous_weekdays=frozenset(map(_key, data["weekdays"]["ambiguous"])),
        weekday_cues=frozenset(map(_key, data["weekdays"]["cues"])),
        week_followers=frozenset(map(_key, data["weekdays"]["week_followers"])),
        weekday_suffixes=_keyed(data["weekday_suffixes"]),
        times_of_day=_keyed(data["times_of_day"]),
        month_parts=_keyed({k: tuple(v) for k, v in data["month_parts"].items()}),
        relative={_key(k): (v["amount"], v["unit"]) for k, v in data["relative"].items()},
        offset_phrases={_key(k): (v["amount"], v["unit"]) for k, v in data["offset_phrases"].items()},
        units=_keyed(data["units"]),
        single_units=_keyed(data["single_units"]),
        numbers=_keyed(data["numbers"]),
        duration_prefixes=frozenset(map(_key, data["duration_prefixes"])),
        duration_suffixes=frozenset(map(_key, data["duration_suffixes"])),
        ago_words=_keyed(data["ago_words"]),
        offset_words=_keyed(data["offset_words"]),
        numeric_order=data["numeric_order"],
        time_zones=_keyed(data["time_zones"], _zone_key),
        default_time_zone=data["default_time_zone"].upper(),
    )


def _shape_starts(data: dict) -> dict[str, tuple[tuple[str, ...], list]]:
    """What each shape can start with: characters (as regex class items) and lists of words.

    Every list a shape can start with must be named here."""
    weekday = [data["weekdays"]["day_words"], *data["weekdays"]["names"]]
    return {"date": ((r"\d", "("), [*weekday, data["day_number_words"]]),
            "period": ((), [data["month_parts"], data["month_words"], *data["months"]]),
            "phrase": ((), [data["relative"], data["offset_phrases"]]),
            "quantity": ((r"\d",), [data["duration_prefixes"], data["numbers"], data["vague_quantities"],
                                  data["single_units"]]),
            "weekday": ((), weekday)}


def _first_words(lists: Iterable[Iterable[str]]) -> set[str]:
    return {p.lower().split()[0] for words in lists for p in words}


def _first_characters(characters: tuple[str, ...], lists: list) -> str:
    """A regex class body of the characters a shape can start with. In the master, each shape's
    alternative is led by a look-ahead of this class: where the shape cannot start, the regex engine
    leaves it after one test, instead of failing in each of its optional parts."""
    return "".join(characters) + "".join(map(re.escape, sorted({word[0] for word in _first_words(lists)})))


def _starters(starts: dict[str, tuple[tuple[str, ...], list]], checked: dict[str, str],
              followed: list[tuple[list, str]]) -> str:
    """What any expression can start with: a digit, "(" or the first word of a listed phrase.

    Checked first at each word start, so that the shapes are tried only where one can begin: this
    makes the pass several times faster. A character in ``checked`` must match its pattern there,
    and a phrase of the lists in ``followed`` must be followed as the pattern given with them.

    Only a beginning is checked, so a word that starts with another ("juli", "jul") is left out,
    and the words make one prefix tree per first letter, all alternatives of one flat alternation:
    the regex engine rejects a word faster than with the tree's own nested groups. A followed phrase
    joins its letter's tree with a control character of its own at its end, which stands for its pattern.
    """
    followed_lists = [phrases for lists, _ in followed for phrases in lists]
    characters = dict.fromkeys(character for characters, _ in starts.values() for character in characters
                               if character not in checked)
    words = _first_words(phrases for _, lists in starts.values() for phrases in lists
                         if not any(phrases is other for other in followed_lists))
    firsts = [word for word in words if not any(word.startswith(other) for other in words - {word})]
    followers = {chr(index): pattern for index, (_, pattern) in enumerate(followed)}
    for mark, (lists, _) in zip(followers, followed):
        firsts += [_key(phrase) + mark for phrases in lists for phrase in phrases]
    by_letter: dict[str, list[str]] = {}
    for word in firsts:
        by_letter.setdefault(word[0], []).append(word)
    trees = (lang.trie_pattern(by_letter[letter], lambda c: followers.get(c) or _phrase_char(c))
             for letter in sorted(by_letter))
    leads = [f"[{''.join(characters)}]"] if characters else []
    return "|".join([*leads, *checked.values(), *trees])


def _checked_characters(data: dict, w: _Words) -> dict[str, str]:
    """Characters that start an expression only before what the pattern given matches: a number ("13
    Januari", "13/1", "2-3 hari", "3 hari"; not "120 orang" nor "07:00") and "(" ("(13/1)", not "(foto:").

    Each is common in news where no date starts; each pattern is what the date and quantity shapes put
    after the character, loosened (the number is read whole, as both shapes read it), so that it turns
    away nothing they would match."""
    separators = _regexes([*data["range_separators"], *data["quantity_range_separators"]])
    following = rf"[/.-]\d{{1,2}}(?!\d)|\s*{separators}|\s+(?:{w.month}|{_words(data['units'])})"
    return {r"\d": rf"\d\d*+(?:{following})", "(": r"\(\s*\d"}


def _checked_words(data: dict) -> list[tuple[list, str]]:
    """Lists of phrases that start an expression only before what the pattern given matches: a number
    word before a unit or a range ("dua hari", "dua hingga tiga hari"; not "dua orang"), a duration prefix
    before a quantity ("dalam tiga hari"; not "dalam negeri"). The patterns are what the quantity shape
    puts after them, loosened."""
    separators = _regexes(data["quantity_range_separators"])
    number_words = [data["numbers"], data["vague_quantities"]]
    quantity = _words([phrase for phrases in [*number_words, data["single_units"]] for phrase in phrases])
    return [(number_words, rf"(?:\s*{separators}|\s+{_words(data['units'])})"),
            ([data["duration_prefixes"]], rf"\s+(?:\d|{quantity})")]


def _keyed(table: dict, key: Callable[[str], str] = _key) -> _Keyed:
    """``table`` with its keys made ``key(k)`` (see :class:`_Keyed`)."""
    return _Keyed(key, ((key(k), v) for k, v in table.items()))


def _zone_key(name: str) -> str:
    return lang.caseless(name).upper()


class _Keyed(dict):
    """A table with normalised keys, looked up with a text as a pattern matched it: a phrase, lower case
    (patterns run on lower-cased text) but maybe spaced otherwise ("dini  hari"), or a zone name in any
    case ("WIB", "wib", "WİB"). The text is tried as it is first, and normalised only when it is not a
    key, which spares the work in the common case."""

    def __init__(self, key: Callable[[str], str], items) -> None:
        super().__init__(items)
        self.key = key

    def __missing__(self, text: str):
        key = self.key(text)
        if key == text:
            raise KeyError(text)
        return self[key]


class _Words:
    """Regex alternations and lookups shared by several patterns."""

    def __init__(self, data: dict) -> None:
        self.months = _keyed({name: number for number, names in enumerate(data["months"], 1) for name in names})
        self.weekdays = _keyed({name: number for number, names in enumerate(data["weekdays"]["names"])
                                for name in names})
        self.month = _words(self.months)
        self.abbreviation_dot = _optional(r"\.(?=\s*\d)")    # "13 Jan. 2022"
        self.weekday = _words(self.weekdays)
        self.day_word = _words(data["weekdays"]["day_words"])
        self.time_of_day = _words(data["times_of_day"])
        self.year = data["year_regex"]


def _date_body(data: dict, w: _Words) -> str:
    tod1, tod2 = (_optional(rf"\s+(?P<{name}>{w.time_of_day})") for name in ("tod1", "tod2"))
    day_word = _optional(rf"{w.day_word}\s+")
    weekday = _optional(rf"{day_word}(?P<wd>{w.weekday}){tod1}\s*,?\s*")
    day_number_word = _optional(rf"{_words(data['day_number_words'])}\s*")
    first_month, last_month = (rf"(?P<{name}>{w.month}){w.abbreviation_dot}" for name in ("m1", "m2"))
    first_year = _optional(rf"\s+(?P<y1>{w.year})")
    first_month_year = _optional(rf"\s+{first_month}{first_year}")
    separator = rf"\s*{_regexes(data['range_separators'])}\s*"
    range_start = _optional(rf"{first_month_year}{separator}(?P<d2>\d{{1,2}})(?!\d)")
    last_year = _optional(rf"\s*,?\s+(?P<y2>{w.year})(?!\d)")
    textual = rf"(?P<d1>\d{{1,2}})(?!\d){range_start}\s+{last_month}{last_year}"
    # dots and dashes only with a four-digit year ("13.01.2022"), so that a clock time ("07.00") is not matched
    dotted_year = r"(?:(?<=/)|(?=\d{1,2}(?!\d)(?P=sep)\d{4}(?!\d)))"
    numeric = (_optional(r"(?P<open>\(\s*)") + rf"(?P<n1>\d{{1,2}})(?P<sep>[/.-]){dotted_year}(?P<n2>\d{{1,2}})(?!\d)"
               + _optional(r"(?P=sep)(?P<n3>\d{4}|\d{2})(?!\d)") + r"(?(open)\s*\))")
    return rf"{weekday}{_NUMBER_START}{day_number_word}(?:{textual}|{numeric}){tod2}(?!\w)(?![/.-]\d)"


def _period_body(data: dict, w: _Words) -> str:
    """A month with a part ("akhir Januari"), a month word ("bulan Januari") or a year ("Januari 2022")."""
    part = _optional(rf"(?P<part>{_words(data['month_parts'])})\s+")
    month_word = _optional(rf"(?P<month_word>{_words(data['month_words'])})\s+")
    year = _optional(rf"\s+(?P<py>{w.year})(?!\d)")
    return (rf"(?<!\d\s){part}{month_word}(?P<pm>{w.month}){w.abbreviation_dot}{year}{_END}"
            r"(?(part)|(?(month_word)|(?(py)|(?!))))")


def _weekday_body(data: dict, w: _Words) -> str:
    day_word = _optional(rf"(?P<day_word>{w.day_word})\s+")
    tod1, tod2 = (_optional(rf"\s+(?P<{name}>{w.time_of_day})") for name in ("day_tod1", "day_tod2"))
    suffix = _optional(rf"\s+(?P<suffix>{_words(data['weekday_suffixes'])})")
    return rf"{day_word}(?P<day_name>{w.weekday}){tod1}{suffix}{tod2}(?!\w)"


def _phrase_body(data: dict, w: _Words) -> str:
    phrases = _words([*data["relative"], *data["offset_phrases"]])
    time_of_day = _optional(rf"\s+(?P<phrase_tod>{w.time_of_day})")
    return rf"(?P<phrase_words>{phrases}){time_of_day}{_END}"


def _quantity_body(data: dict) -> str:
    number = rf"(?:\d{{1,3}}(?![.,]?\d)|{_words([*data['numbers'], *data['vague_quantities']])})"
    prefix = _optional(rf"(?P<pre>{_words(data['duration_prefixes'])})\s+")
    range_end = _optional(rf"\s*{_regexes(data['quantity_range_separators'])}\s*(?P<q2>{number})")
    posts = _words([*data["ago_words"], *data["offset_words"], *data["duration_suffixes"]])
    post = _optional(rf"\s+(?P<post>{posts})")
    return (rf"(?<!\d[.,]){prefix}(?:(?P<q1>{number}){range_end}\s+(?P<unit>{_words(data['units'])})"
            rf"|(?P<single>{_words(data['single_units'])})){post}{_END}")


def _optional(pattern: str) -> str:
    """``pattern`` or nothing, tried in that order: what ``(?:pattern)?`` means, written as an alternation
    because Python's regex engine runs an optional group as a repeat, which costs several times more."""
    return f"(?:{pattern}|)"


def _time_pattern(data: dict) -> re.Pattern:
    zones = _words(data["time_zones"])
    return re.compile(rf"(?<![\d.,:/]){data['time_regex']}(?!\d)"
                      rf"(?:\s*(?P<zone>{zones})(?!\w)(?:\s*(?P<sign>[+-])\s*(?P<zone_hours>\d{{1,2}})(?!\d))?)?",
                      re.IGNORECASE)
