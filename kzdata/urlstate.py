"""The shape of every link in the dashboard, in one place: filters and page state <-> query parameters.

Filter parameters, shared by every page::

    from=YYYY-MM-DD  to=YYYY-MM-DD  outlet=<name> (repeated)  type=<event type> (repeated)  lang=en|id

Page parameters (a page accepts those it names when it calls `from_query`)::

    article=<id>  sentence=<int>  day=YYYY-MM-DD  view=<name>  compare=<id>

Links are relative and have no leading slash ("timeline?from=2022-01-05&outlet=Tagar", "./?lang=id"
for the overview). A browser resolves them against the directory of the current page, and every
Streamlit page lives one level under the app's root ("<baseUrlPath>/timeline"), so the same link
works at the root of a host and behind ``--server.baseUrlPath``. "./" rather than "?..." for the
overview, because "?..." alone would stay on the current page.

An address is typed, pasted and shared by people, so `from_query` never raises: whatever it cannot
use is dropped with a notice that says which parameter and why.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping
from urllib.parse import quote, urlencode

from .events import EVENT_TYPES
from .filters import DEFAULT_LANG, INTERFACE_LANGUAGES, Bounds, Filters

PAGES = {"overview": "", "timeline": "timeline", "map": "map", "troops": "troops", "reader": "reader",
         "data": "data", "add": "add"}
FILTER_PARAMS = ("from", "to", "outlet", "type", "lang")
REPEATED_PARAMS = frozenset({"outlet", "type"})
PAGE_PARAMS = ("article", "sentence", "day", "view", "compare")
MAX_LENGTH = 200
MAX_VALUES = 50
MAX_NOTICES = 20
QUOTE_LENGTH = 40
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@dataclass(frozen=True)
class ParsedQuery:
    filters: Filters
    extra: dict[str, str] = field(default_factory=dict)
    """Accepted page parameters (only names the page listed), as raw strings."""
    notices: tuple[str, ...] = ()
    """One plain-text sentence per dropped or changed parameter."""


def quoted(value: str) -> str:
    """A user's value fit for a notice: at most 40 characters, control characters escaped by repr()."""
    if len(value) > QUOTE_LENGTH:
        return repr(value[:QUOTE_LENGTH]) + "…"
    return repr(value)


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def to_query(filters: Filters, **extra) -> dict[str, str | list[str]]:
    """Query parameters for `filters` (defaults left out) followed by page parameters (None left out)."""
    unknown = sorted(set(extra) - set(PAGE_PARAMS))
    if unknown:
        raise ValueError(f"unknown page parameters {unknown}; known: {list(PAGE_PARAMS)}")
    query: dict[str, str | list[str]] = {}
    if filters.start is not None:
        query["from"] = filters.start.isoformat()
    if filters.end is not None:
        query["to"] = filters.end.isoformat()
    if filters.outlets:
        query["outlet"] = list(filters.outlets)
    if filters.types:
        query["type"] = list(filters.types)
    if filters.lang != DEFAULT_LANG:
        query["lang"] = filters.lang
    query.update({name: _text(value) for name, value in extra.items() if value is not None})
    return query


def _param_rank(name: str) -> tuple[int, str]:
    known = FILTER_PARAMS + PAGE_PARAMS
    return (known.index(name), "") if name in known else (len(known), name)


def query_string(params: Mapping[str, str | list[str]]) -> str:
    """URL-encoded query, repeated keys for lists, in a fixed order (filters, page parameters, others A-Z).

    Spaces become %20, not "+", so a link reads the same in Markdown, HTML and a terminal.
    """
    ordered = [(name, params[name]) for name in sorted(params, key=_param_rank)]
    return urlencode(ordered, doseq=True, quote_via=quote)


def page_link(page: str, filters: Filters, **extra) -> str:
    """Relative link to `page` with `filters` and page parameters: "timeline?from=...", "./?..."."""
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; known: {list(PAGES)}")
    path = PAGES[page] or "./"
    query = query_string(to_query(filters, **extra))
    return f"{path}?{query}" if query else path


def reader_link(article_id: str, sentence_id: int | None, filters: Filters) -> str:
    return page_link("reader", filters, article=article_id, sentence=sentence_id)


def reader_links(article_ids, sentence_ids, filters: Filters) -> list[str]:
    """:func:`reader_link` for many rows at once: the filters' part of the query is encoded once."""
    base = page_link("reader", filters)
    joiner = "&" if "?" in base else "?"
    return [f"{base}{joiner}article={quote(str(a), safe='')}&sentence={int(s)}" for a, s in zip(article_ids, sentence_ids)]


class _Reader:
    """Reads one query into filters, collecting a notice for everything it drops or changes."""

    def __init__(self, bounds: Bounds, page_params: Iterable[str]):
        self.bounds = bounds
        self.accepted = set(FILTER_PARAMS) | set(page_params)
        self.notices: list[str] = []

    def note(self, notice: str) -> None:
        self.notices.append(notice)

    def values(self, params: Mapping) -> dict[str, list[str]]:
        """Each accepted parameter's usable values: not blank, not over-long, not too many, one if single."""
        kept = {}
        for name, raw in params.items():
            name = str(name)
            values = _as_list(raw)
            if name not in self.accepted:
                self.note(f"Ignored parameter {quoted(name)}: this page does not use it.")
            elif len(values) > MAX_VALUES:
                self.note(f"Ignored parameter {quoted(name)}: {len(values)} values, more than {MAX_VALUES}.")
            elif values := self.short(name, values):
                kept[name] = values if name in REPEATED_PARAMS else self.first(name, values)
        return kept

    def short(self, name: str, values: list[str]) -> list[str]:
        for value in values:
            if len(value) > MAX_LENGTH:
                self.note(f"Ignored {name} {quoted(value)}: longer than {MAX_LENGTH} characters.")
        return [value for value in values if value and len(value) <= MAX_LENGTH]

    def first(self, name: str, values: list[str]) -> list[str]:
        for value in values[1:]:
            self.note(f"Ignored {name} {quoted(value)}: {name} is given more than once; the first is used.")
        return values[:1]

    def day(self, name: str, values: list[str]) -> dt.date | None:
        if not values:
            return None
        day = _parse_day(values[0])
        if day is None:
            self.note(f"Ignored {name} {quoted(values[0])}: not a date (expected YYYY-MM-DD).")
        return day

    def date_range(self, values: dict[str, list[str]]) -> tuple[dt.date | None, dt.date | None]:
        start, end = self.day("from", values.get("from", [])), self.day("to", values.get("to", []))
        if start is not None and end is not None and start > end:
            self.note(f"Ignored from {quoted(start.isoformat())}: it is after to {quoted(end.isoformat())}.")
            self.note(f"Ignored to {quoted(end.isoformat())}: it is before from {quoted(start.isoformat())}.")
            return None, None
        return self.clamp("from", start), self.clamp("to", end)

    def clamp(self, name: str, day: dt.date | None) -> dt.date | None:
        first, last = self.bounds.first, self.bounds.last
        if day is not None and first is not None and day < first:
            self.note(f"Moved {name} {quoted(day.isoformat())} to {first.isoformat()}, the first day in the data.")
            return first
        if day is not None and last is not None and day > last:
            self.note(f"Moved {name} {quoted(day.isoformat())} to {last.isoformat()}, the last day in the data.")
            return last
        return day

    def outlets(self, values: list[str]) -> tuple[str, ...]:
        for value in values:
            if value not in self.bounds.outlets:
                self.note(f"Ignored outlet {quoted(value)}: no such outlet in the data.")
        return _unique(v for v in values if v in self.bounds.outlets)

    def types(self, values: list[str]) -> tuple[str, ...]:
        for value in values:
            if value not in EVENT_TYPES:
                self.note(f"Ignored type {quoted(value)}: not an event type.")
            elif value not in self.bounds.types:
                self.note(f"Ignored type {quoted(value)}: no events of that type in the data.")
        return _unique(v for v in values if v in self.bounds.types)

    def lang(self, values: list[str]) -> str:
        if not values:
            return DEFAULT_LANG
        if values[0] not in INTERFACE_LANGUAGES:
            self.note(f"Ignored lang {quoted(values[0])}: the interface speaks {', '.join(INTERFACE_LANGUAGES)}.")
            return DEFAULT_LANG
        return values[0]

    def capped_notices(self) -> tuple[str, ...]:
        """At most MAX_NOTICES sentences: a hostile address must not flood the page."""
        if len(self.notices) <= MAX_NOTICES:
            return tuple(self.notices)
        hidden = len(self.notices) - MAX_NOTICES + 1
        return (*self.notices[:MAX_NOTICES - 1], f"{hidden} more problems with the address were ignored.")


def _as_list(raw) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        return [str(raw)]
    return [str(value) for value in raw if value is not None]


def _parse_day(text: str) -> dt.date | None:
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def from_query(params: Mapping[str, str | list[str]], bounds: Bounds,
               page_params: Iterable[str] = ()) -> ParsedQuery:
    """Filters and page parameters from a query; never raises.

    Dropped, each with a notice: unknown parameter names, more than 50 values for one name, values
    over 200 characters, repeats of a single-valued parameter (the first is kept), malformed dates,
    a start after the end (both dropped), outlets and event types the data does not have, unknown
    languages. Dates outside the data's span are moved to its first or last day, with a notice.
    Blank values ("from=") count as absent.
    """
    reader = _Reader(bounds, page_params)
    values = reader.values(params)
    start, end = reader.date_range(values)
    filters = Filters(start=start, end=end, outlets=reader.outlets(values.get("outlet", [])),
                      types=reader.types(values.get("type", [])), lang=reader.lang(values.get("lang", [])))
    extra = {name: found[0] for name, found in values.items() if name not in FILTER_PARAMS}
    return ParsedQuery(filters, extra, reader.capped_notices())
