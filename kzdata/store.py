"""Where added articles live: their raw bytes and what the user said of them, in one SQL table.

The database holds only what cannot be derived: the bytes as given, the metadata, the content hash and
the time they were added. Every table the dashboard shows is extracted again from those bytes, so a
better extractor improves stored articles too. The bundled seeds are read from their folder and are
always present; they are never written to the database.

SQLite by default, through SQLAlchemy, so a PostgreSQL URL works as well. Each article is written in
one transaction of one row: a process killed mid-ingest leaves the whole article or none of it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .corpus import (ArticleInfo, ArticleTables, Corpus, article_id_for, cyclic_gc_paused, read_sidecar,
                     tables_to_corpus)
from .intake import Checked, check, read
from .reading import MAX_BYTES_DEFAULT

DATABASE_VARIABLE = "QANTAR_DATABASE"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_SUFFIXES = {".txt", ".html", ".htm", ".md"}
SQLITE_BUSY_MS = 30_000

_metadata = sa.MetaData()
stored_articles = sa.Table(
    "stored_articles", _metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(12), nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("file_name", sa.String(255), nullable=False),
    sa.Column("outlet", sa.String(200)),
    sa.Column("url", sa.String(2000)),
    sa.Column("published", sa.String(32)),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)


class StoreError(ValueError):
    """A database that cannot be opened or a request it cannot serve, said in one line."""


@dataclass(frozen=True)
class Ingested:
    """What became of one input: status is "saved", "duplicate" or "refused"."""
    name: str
    status: str
    message: str
    article_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredArticle:
    article_id: str
    file_name: str
    outlet: str | None
    url: str | None
    published: str | None
    language: str
    size: int
    added_at: dt.datetime
    seed: bool = False


def default_path() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "qantar" / "qantar.sqlite"


def database_url(setting: str | None = None, fallback: str | None = None) -> str:
    """An SQLAlchemy URL from a setting (a URL or a file path), else $QANTAR_DATABASE, else `fallback`, else the default file."""
    value = (setting or os.environ.get(DATABASE_VARIABLE) or fallback or "").strip() or str(default_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def display_url(url: str) -> str:
    """The URL with any password hidden, fit to show on a page."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def open_database(url: str) -> Engine:
    """An engine on the database, its table created if missing; StoreError says what is wrong."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise StoreError(f"database {url!r}: not a file path or database URL") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _prepare_sqlite_file(Path(parsed.database))
    try:
        engine = sa.create_engine(parsed, **_engine_options(parsed))
        ensure_schema(engine)
    except (sa.exc.SQLAlchemyError, ModuleNotFoundError) as error:
        raise StoreError(f"database {display_url(url)}: cannot be opened ({_first_line(error)})") from None
    return engine


def _prepare_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"database {path}: is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"database {path}: its folder {path.parent} cannot be created ({error.strerror})") from None


def _engine_options(url: sa.URL) -> dict:
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return {"poolclass": sa.pool.StaticPool, "connect_args": {"check_same_thread": False}}
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": SQLITE_BUSY_MS / 1000}}
    return {"pool_pre_ping": True}


def ensure_schema(engine: Engine) -> None:
    """Create the table unless it exists; another process creating it at the same moment is fine."""
    try:
        _metadata.create_all(engine, checkfirst=True)
    except sa.exc.SQLAlchemyError:
        if not sa.inspect(engine).has_table(stored_articles.name):
            raise
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")


@dataclass(frozen=True)
class Seed:
    path: Path
    raw: bytes
    info: ArticleInfo


@lru_cache(maxsize=1)
def bundled_seeds() -> dict[str, Seed]:
    """The seed articles by article id, read once per process: they ship with the app and do not change."""
    if not SEEDS_DIR.is_dir():
        return {}
    infos = read_sidecar(SEEDS_DIR)
    paths = sorted(p for p in SEEDS_DIR.iterdir() if p.suffix.lower() in SEED_SUFFIXES)
    seeds = [Seed(path, path.read_bytes(), infos.get(path.name, ArticleInfo())) for path in paths]
    return {article_id_for(seed.raw): seed for seed in seeds}


def ingest(engine: Engine, raw: bytes, name: str, info: ArticleInfo = ArticleInfo(),
           max_bytes: int = MAX_BYTES_DEFAULT) -> Ingested:
    """Check one input and store it unless it is refused or already there."""
    return save(engine, check(raw, name, info, max_bytes))


def save(engine: Engine, checked: Checked) -> Ingested:
    """Store a checked input; a refused one or a copy of a stored one is reported, not stored."""
    name = checked.name
    if not checked.accepted:
        return Ingested(name, "refused", checked.problem)
    article_id = checked.article_id
    seeds = bundled_seeds()
    if article_id in seeds:
        return Ingested(name, "duplicate", f"{name}: same content as the bundled seed {seeds[article_id].path.name}, "
                                           "not stored again", article_id, checked.warnings)
    row = _row(checked)
    with engine.connect() as connection:
        existing = connection.execute(sa.select(stored_articles.c.file_name).where(
            stored_articles.c.content_hash == row["content_hash"])).scalar()
        if existing is None:
            try:
                connection.execute(stored_articles.insert().values(**row))
                connection.commit()
            except sa.exc.IntegrityError:
                connection.rollback()
                existing = "an article stored at the same moment"
    if existing is not None:
        return Ingested(name, "duplicate", f"{name}: same content as {existing}, already stored ({article_id})",
                        article_id, checked.warnings)
    return Ingested(name, "saved", f"{name}: saved as {article_id}", article_id, checked.warnings)


def _row(checked: Checked) -> dict:
    info = checked.info
    return {
        "article_id": checked.article_id, "content_hash": hashlib.sha256(checked.raw).hexdigest(),
        "raw": checked.raw, "size": len(checked.raw), "file_name": checked.name[:255], "outlet": info.outlet,
        "url": info.url, "published": info.published.isoformat() if info.published else None,
        "language": info.language, "added_at": dt.datetime.now(dt.timezone.utc),
    }


def remove(engine: Engine, article_id: str) -> StoredArticle:
    """Delete one stored article; StoreError names the id when it is a seed or unknown."""
    if article_id in bundled_seeds():
        raise StoreError(f"{article_id}: a bundled seed article; seeds are always present and cannot be removed")
    with engine.connect() as connection:
        found = connection.execute(_listing().where(stored_articles.c.article_id == article_id)).first()
        if found is None:
            raise StoreError(f"{article_id}: no stored article has this id (see `python -m kzdata list`)")
        connection.execute(stored_articles.delete().where(stored_articles.c.article_id == article_id))
        connection.commit()
    return _stored(found)


def _listing() -> sa.Select:
    c = stored_articles.c
    return sa.select(c.article_id, c.file_name, c.outlet, c.url, c.published, c.language, c.size, c.added_at)


def _stored(row) -> StoredArticle:
    return StoredArticle(**row._asdict())


def list_articles(engine: Engine) -> list[StoredArticle]:
    """The seeds, then the stored articles in the order they were added."""
    seeds = [StoredArticle(article_id, seed.path.name, seed.info.outlet, seed.info.url, None, seed.info.language,
                           len(seed.raw), dt.datetime.fromtimestamp(seed.path.stat().st_mtime, dt.timezone.utc), True)
             for article_id, seed in bundled_seeds().items()]
    with engine.connect() as connection:
        stored = [_stored(row) for row in connection.execute(_listing().order_by(stored_articles.c.seq))]
    return seeds + stored


def revision(engine: Engine) -> tuple[int, int]:
    """Changes whenever an article is added or removed: (count, highest sequence number)."""
    with engine.connect() as connection:
        count, highest = connection.execute(
            sa.select(sa.func.count(), sa.func.max(stored_articles.c.seq))).one()
    return count, highest or 0


def stored_inputs(engine: Engine) -> list[tuple[bytes, str, ArticleInfo]]:
    c = stored_articles.c
    query = sa.select(c.raw, c.file_name, c.outlet, c.url, c.published, c.language).order_by(c.seq)
    with engine.connect() as connection:
        return [(bytes(row.raw), row.file_name, ArticleInfo(outlet=row.outlet, url=row.url, language=row.language,
                                                            published=_published(row.published)))
                for row in connection.execute(query)]


def _published(text: str | None) -> dt.date | dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def load(engine: Engine) -> Corpus:
    """The seeds and every stored article, extracted into the five tables."""
    seeds = bundled_seeds().values()
    inputs = [(seed.raw, str(seed.path), seed.info) for seed in seeds] + stored_inputs(engine)
    collected, problems, seen = ArticleTables(), [], set()
    with cyclic_gc_paused():
        for raw, name, info in inputs:
            checked = read(raw, name, info)
            if not checked.accepted:
                problems.append(checked.problem)
            elif checked.article_id not in seen:
                seen.add(checked.article_id)
                collected.extend(checked.tables)
    return tables_to_corpus(collected, problems)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
