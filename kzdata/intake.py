"""Checking one article a user brings, before it is stored: what it would yield, and what is wrong with it.

A file that cannot become article text is refused with one line naming it and the reason. A file that
can is accepted, with warnings for what a reader should know: no date to place its events in time, or
no place in Kazakhstan named at all. Such articles are still kept (nothing a user adds is lost); the
warning travels with them in the articles table's notes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .corpus import ArticleInfo, ArticleTables, extract_bytes
from .gazetteer import Gazetteer
from .language import LANG_DIR, available_languages
from .reading import MAX_BYTES_DEFAULT, UnreadableInput

HOME_COUNTRY = "KAZ"
WEB_SCHEMES = ("http://", "https://")


@lru_cache(maxsize=1)
def extraction_languages() -> tuple[str, ...]:
    """Languages with extraction rules (an events vocabulary), not only interface words."""
    return tuple(code for code in available_languages() if (LANG_DIR / code / "events.toml").is_file())


def info_problem(info: ArticleInfo) -> str | None:
    """What is wrong with what the user said of an article, in one line, or None."""
    if info.url and not info.url.strip().lower().startswith(WEB_SCHEMES):
        return f"URL {info.url!r} is not a web address (it must start with http:// or https://)"
    if info.language not in extraction_languages():
        return f"language {info.language!r} has no extraction rules (available: {', '.join(extraction_languages())})"
    return None


@dataclass(frozen=True)
class Checked:
    """One input after checking: either `tables` (with `warnings`) or a `problem` that refuses it."""
    name: str
    raw: bytes
    info: ArticleInfo
    tables: ArticleTables | None = None
    problem: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.tables is not None

    @property
    def article_id(self) -> str | None:
        return self.tables.articles[0]["article_id"] if self.tables else None


def check(raw: bytes, name: str, info: ArticleInfo = ArticleInfo(), max_bytes: int = MAX_BYTES_DEFAULT) -> Checked:
    """What a user's input would yield, or why it is refused."""
    problem = info_problem(info)
    if problem:
        return Checked(name, raw, info, problem=f"{name}: {problem}")
    if len(raw) > max_bytes:
        return Checked(name, raw, info, problem=f"{name}: {_size(len(raw))}, over the {_size(max_bytes)} limit")
    return read(raw, name, info)


def read(raw: bytes, name: str, info: ArticleInfo) -> Checked:
    """Extract an article, with warnings in its notes; refused only when its bytes are not text."""
    try:
        tables = extract_bytes(raw, info, name)
    except UnreadableInput as error:
        return Checked(name, raw, info, problem=str(error))
    warnings = _warnings(tables)
    article = tables.articles[0]
    article["notes"] = "; ".join(filter(None, [article["notes"], *warnings])) or None
    return Checked(name, raw, info, tables=tables, warnings=tuple(f"{name}: {warning}" for warning in warnings))


def _warnings(tables: ArticleTables) -> list[str]:
    article = tables.articles[0]
    warnings = []
    if article["published"] is None and article["reference_date"] is None:
        warnings.append("no date found (none given, none in the text): its events have no date and stay off the "
                        "timeline; give a published date to place them")
    if not mentions_home_country(tables):
        warnings.append("names no place in Kazakhstan: it may not be about these events (kept, so you can check)")
    return warnings


def mentions_home_country(tables: ArticleTables) -> bool:
    gazetteer = Gazetteer.default()
    return any(row["name"] in gazetteer and gazetteer.get(row["name"]).country == HOME_COUNTRY
               for row in tables.places)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"
