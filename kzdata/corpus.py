"""From article files to the five tables: articles, sentences, events, figures, places."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from . import language as lang
from . import schema
from .actors import word_index as actors_index
from .events import extract_events
from .events import vocabulary as events_vocabulary
from .figures import extract_figures
from .figures import vocabulary as figures_vocabulary
from .gazetteer import Gazetteer, Place
from .metadata import credit_index, read_metadata
from .reading import UnreadableInput, decode_article, matching_view
from .scan import Scan, scan_article
from .segment import CONTENT_KINDS, segment
from .stories import story_ids

SIDECAR_NAME = "articles.toml"
TABLE_NAMES = ("articles", "sentences", "events", "figures", "places")
PUBLICATION_TZ = dt.timezone(dt.timedelta(hours=7), "WIB")


@dataclass(frozen=True)
class ArticleInfo:
    """What is known about an article that its text does not say (sidecar, command line, upload form)."""
    outlet: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str = "id"
    notes: str | None = None

    def merged(self, other: "ArticleInfo") -> "ArticleInfo":
        """This info with the fields `other` sets taking precedence."""
        values = {f.name: getattr(other, f.name) or getattr(self, f.name) for f in fields(self)}
        return ArticleInfo(**values)


@dataclass
class ArticleTables:
    """Rows of one article, as records for each table."""
    articles: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)

    def extend(self, other: "ArticleTables") -> None:
        for name in TABLE_NAMES:
            getattr(self, name).extend(getattr(other, name))


@dataclass(frozen=True)
class Corpus:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    places: pd.DataFrame
    problems: tuple[str, ...] = ()      # files that could not be read, one line each
    duplicates: tuple[str, ...] = ()    # files whose content was already read

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def validate(self) -> None:
        for name in TABLE_NAMES:
            schema.validate(name, self.table(name))


def article_id_for(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:12]


def extract_bytes(raw: bytes, info: ArticleInfo = ArticleInfo(), source_file: str = "input") -> ArticleTables:
    """Decode and extract one article; raises UnreadableInput with a one-line reason."""
    decoded = decode_article(raw, source_file)
    notes = []
    if decoded.was_html:
        notes.append("converted from HTML")
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {decoded.encoding}")
    if decoded.repaired_mojibake:
        notes.append(f"repaired {decoded.repaired_mojibake} mis-decoded characters")
    return extract_text(decoded.text, info, source_file, article_id_for(raw), notes)


def extract_text(text: str, info: ArticleInfo = ArticleInfo(), source_file: str = "",
                 article_id: str | None = None, notes: list[str] | None = None) -> ArticleTables:
    article_id = article_id or article_id_for(text.encode("utf-8"))
    notes = list(notes or [])
    view = matching_view(text)
    sentences = segment(text, info.language, view)
    words = lang.WordStarts(view, _word_index(info.language))
    meta = read_metadata(text, view, sentences, info.language, words)
    published = _published(info, meta.published)
    scan = scan_article(text, view, sentences, meta, _local_date(published), info.language, words)
    outlet = info.outlet or meta.dateline_agency
    tables = ArticleTables()
    tables.events = extract_events(scan, article_id, outlet)
    tables.figures = extract_figures(scan, article_id, outlet)
    tables.sentences = [
        {"article_id": article_id, "sentence_id": sentence_id, "start": start, "end": end, "kind": kind,
         "role": role or None, "paragraph": paragraph, "text": text[start:end]}
        for sentence_id, start, end, kind, role, paragraph in sentences]
    tables.places = _place_rows(scan, article_id)
    notes += _scan_notes(scan, published, tables)
    if info.notes:
        notes.append(info.notes)
    tables.articles = [{
        "article_id": article_id, "outlet": outlet, "url": info.url, "language": info.language,
        "title": meta.title, "section": meta.section,
        "published": published.astimezone(dt.timezone.utc) if published else None,
        "published_inferred": scan.reference_inferred, "reference_date": scan.reference,
        "author": meta.author, "editor": meta.editor, "dateline": meta.dateline,
        "credited_sources": "; ".join(meta.credited_sources) or None,
        "source_file": source_file, "notes": "; ".join(notes) or None, "text": text,
    }]
    return tables


@lru_cache(maxsize=None)
def _word_index(language: str) -> lang.MergedIndex:
    """The phrase vocabularies of one language, whose leading words are found in one pass per article."""
    return lang.MergedIndex([credit_index(language), actors_index(language), events_vocabulary(language).starts,
                             figures_vocabulary(language).starts, Gazetteer.default().word_index()])


def _published(info: ArticleInfo, stated: dt.datetime | None) -> dt.datetime | None:
    given = info.published
    if given is None:
        return stated
    if isinstance(given, dt.datetime):
        return given if given.tzinfo else given.replace(tzinfo=PUBLICATION_TZ)
    return dt.datetime.combine(given, dt.time(), PUBLICATION_TZ)


def _local_date(published: dt.datetime | None) -> dt.date | None:
    return published.astimezone(PUBLICATION_TZ).date() if published else None


def _scan_notes(scan: Scan, published, tables: ArticleTables) -> list[str]:
    notes = []
    if published is None and scan.reference is not None:
        notes.append(f"publication date not stated; relative dates resolved against {scan.reference.isoformat()}, "
                     "the latest date in the text (a lower bound)")
    elif published is None:
        notes.append("no publication date and no full date in the text: relative dates left unresolved")
    if not tables.events and not tables.figures:
        notes.append("no events or figures found")
    return notes


def _place_rows(scan: Scan, article_id: str) -> list[dict]:
    """A row per place mention in a content sentence: a copy of the place's row (:func:`_place_row`) with
    the mention's columns set, which costs a third less than a new dict of ten keys."""
    rows = []
    kept_rows = _PLACE_ROWS
    for index, mentions in scan.by_sentence("places").items():
        sentence = scan.sentences[index]
        if sentence.kind not in CONTENT_KINDS:
            continue
        sentence_id = sentence.sentence_id
        for start, end, _, place in mentions:
            kept = kept_rows.get(place.name)
            if kept is None or kept[0] is not place:
                kept = kept_rows[place.name] = (place, _place_row(place))
            row = kept[1].copy()
            row["article_id"] = article_id
            row["sentence_id"] = sentence_id
            row["start"] = start
            row["end"] = end
            row["mention"] = scan.text[start:end]
            rows.append(row)
    return rows


# Canonical name -> (place, its row in the places table), for the places of the gazetteer in use.
_PLACE_ROWS: dict[str, tuple[Place, dict]] = {}


def _place_row(place: Place) -> dict:
    """The place's columns of a row in the places table, the mention's left None."""
    return {"article_id": None, "sentence_id": None, "start": None, "end": None, "mention": None,
            "name": place.name, "kind": place.kind, "lat": place.lat, "lon": place.lon,
            "precision": place.precision}


def read_sidecar(directory: Path) -> dict[str, ArticleInfo]:
    """The ``articles.toml`` beside article files: per file name, what the text does not say."""
    path = directory / SIDECAR_NAME
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        entries = tomllib.load(handle)
    known = {f.name for f in fields(ArticleInfo)}
    infos = {}
    for file_name, entry in entries.items():
        unknown = set(entry) - known
        if unknown:
            raise ValueError(f"{path}: entry {file_name!r} has unknown keys {sorted(unknown)}")
        infos[file_name] = ArticleInfo(**entry)
    return infos


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while articles are extracted in a batch.

    Extraction makes no reference cycles (a test checks it), so reference counting frees all it
    drops and the collector finds nothing. Yet it runs every few hundred allocations, and each of
    its full passes walks every row collected so far: on 10,000 articles that is about 6% of the
    time. It is restored as it was, also when the batch fails."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_corpus(paths: Iterable[str | Path], info: ArticleInfo = ArticleInfo(), use_sidecar: bool = True) -> Corpus:
    """Read and extract every file; files that cannot be read are listed in `problems`, not raised."""
    with cyclic_gc_paused():
        collected, problems, duplicates = _extract_files(map(Path, paths), info, use_sidecar)
    return tables_to_corpus(collected, problems, duplicates)


def _extract_files(paths: Iterable[Path], info: ArticleInfo, use_sidecar: bool) -> tuple[ArticleTables, list[str], list[str]]:
    collected = ArticleTables()
    problems: list[str] = []
    duplicates: list[str] = []
    seen: dict[str, str] = {}
    sidecars: dict[Path, dict[str, ArticleInfo]] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(f"{path}: cannot be read ({error.strerror or error})")
            continue
        if use_sidecar and path.parent not in sidecars:
            sidecars[path.parent] = read_sidecar(path.parent)
        known = sidecars.get(path.parent, {}).get(path.name, ArticleInfo()).merged(info)
        try:
            tables = extract_bytes(raw, known, str(path))
        except UnreadableInput as error:
            problems.append(str(error))
            continue
        article_id = tables.articles[0]["article_id"]
        if article_id in seen:
            duplicates.append(f"{path}: same content as {seen[article_id]}, read once")
            continue
        seen[article_id] = str(path)
        collected.extend(tables)
    return collected, problems, duplicates


def tables_to_corpus(tables: ArticleTables, problems=(), duplicates=()) -> Corpus:
    _link_stories(tables)
    frames = {name: schema.frame(name, getattr(tables, name)) for name in TABLE_NAMES}
    corpus = Corpus(**frames, problems=tuple(problems), duplicates=tuple(duplicates))
    corpus.validate()
    return corpus


def _link_stories(tables: ArticleTables) -> None:
    stories = story_ids([article["article_id"] for article in tables.articles], tables.sentences)
    for row in tables.articles + tables.figures:
        row["story_id"] = stories[row["article_id"]]
