"""``python -m kzdata``: extract tables from files, and keep the articles the dashboard shows.

    extract FILE...            print the tables of article files (nothing is stored)
    ingest FILE...             store articles (the dashboard shows them on its next run)
    list                       the seeds and the stored articles
    remove ID                  delete a stored article
    export --format F          the tables of the seeds and every stored article

The database is --database (a file path or an SQLAlchemy URL), else $QANTAR_DATABASE, else
~/.local/share/qantar/qantar.sqlite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import export, store
from .corpus import TABLE_NAMES, ArticleInfo, Corpus, load_corpus
from .reading import MAX_BYTES_DEFAULT


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--published wants a date as YYYY-MM-DD, got {text!r}") from None


def _article_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .html, .md)")
    parser.add_argument("--outlet", help="outlet that published the articles")
    parser.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    parser.add_argument("--url", help="address of the original")
    parser.add_argument("--language", default="id", help="language of the text (default: id)")


def _output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=formats, default="json")
    parser.add_argument("--out", type=Path, help="with --format csv: write one CSV per table into this folder")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kzdata", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="database file or SQLAlchemy URL (default: $QANTAR_DATABASE, "
                                           "else ~/.local/share/qantar/qantar.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the tables extracted from article files")
    _article_options(extract)
    _output_options(extract, ("json", "csv"))
    ingest = commands.add_parser("ingest", help="store article files for the dashboard")
    _article_options(ingest)
    ingest.add_argument("--max-bytes", type=int, default=MAX_BYTES_DEFAULT, help="refuse larger files (default 2 MB)")
    commands.add_parser("list", help="list the seeds and the stored articles")
    remove = commands.add_parser("remove", help="delete a stored article")
    remove.add_argument("article_id", metavar="ID", help="the article's id, as `list` shows it")
    exported = commands.add_parser("export", help="the tables of the seeds and all stored articles")
    _output_options(exported, ("json", "csv", "geojson"))
    return parser


def _info(args: argparse.Namespace) -> ArticleInfo:
    return ArticleInfo(outlet=args.outlet, url=args.url, published=args.published, language=args.language)


def _warn(message: str) -> None:
    print(f"kzdata: {message}", file=sys.stderr)


def _print_tables(corpus: Corpus, args: argparse.Namespace) -> None:
    if args.format == "json":
        print(export.to_json(corpus))
    elif args.format == "geojson":
        print(json.dumps(export.events_geojson(corpus.events), ensure_ascii=False, indent=1))
    elif args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in TABLE_NAMES:
            (args.out / f"{name}.csv").write_text(export.to_csv(corpus.table(name)), encoding="utf-8")
    else:
        for name in TABLE_NAMES:
            print(f"# {name}")
            print(export.to_csv(corpus.table(name)))


def run_extract(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.files, _info(args))
    for problem in corpus.problems + corpus.duplicates:
        _warn(problem)
    for row in corpus.articles.itertuples():
        if isinstance(row.notes, str):
            _warn(f"note: {row.source_file}: {row.notes}")
    _print_tables(corpus, args)
    return 1 if corpus.problems else 0


def _database(args: argparse.Namespace):
    return store.open_database(store.database_url(args.database))


def run_ingest(args: argparse.Namespace) -> int:
    engine = _database(args)
    refused = 0
    for path in map(Path, args.files):
        try:
            raw = path.read_bytes()
        except OSError as error:
            _warn(f"{path}: cannot be read ({error.strerror or error})")
            refused += 1
            continue
        result = store.ingest(engine, raw, str(path), _info(args), args.max_bytes)
        if result.status == "refused":
            refused += 1
            _warn(result.message)
        else:
            print(result.message)
        for warning in result.warnings:
            _warn(f"warning: {warning}")
    return 1 if refused else 0


def run_list(args: argparse.Namespace) -> int:
    engine = _database(args)
    print("id            added                 outlet                file")
    for article in store.list_articles(engine):
        added = "seed" if article.seed else article.added_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{article.article_id:<13} {added:<21} {(article.outlet or '-')[:21]:<21} {article.file_name}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    engine = _database(args)
    removed = store.remove(engine, args.article_id)
    print(f"removed {removed.article_id} ({removed.file_name})")
    return 0


def run_export(args: argparse.Namespace) -> int:
    corpus = store.load(_database(args))
    for problem in corpus.problems:
        _warn(problem)
    _print_tables(corpus, args)
    return 0


COMMANDS = {"extract": run_extract, "ingest": run_ingest, "list": run_list, "remove": run_remove,
            "export": run_export}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except store.StoreError as error:
        _warn(str(error))
        return 2
