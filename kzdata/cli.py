"""``python -m kzdata extract FILE...``: the tables of one or more articles as JSON or CSV."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import export
from .corpus import TABLE_NAMES, ArticleInfo, load_corpus


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--published wants a date as YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kzdata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the tables extracted from article files")
    extract.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .html, .md)")
    extract.add_argument("--outlet", help="outlet that published the articles")
    extract.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    extract.add_argument("--url", help="address of the original")
    extract.add_argument("--language", default="id", help="language of the text (default: id)")
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.add_argument("--out", type=Path, help="with --format csv: write one CSV per table into this folder")
    return parser


def run_extract(args: argparse.Namespace) -> int:
    info = ArticleInfo(outlet=args.outlet, url=args.url, published=args.published, language=args.language)
    corpus = load_corpus(args.files, info)
    for problem in corpus.problems + corpus.duplicates:
        print(f"kzdata: {problem}", file=sys.stderr)
    for row in corpus.articles.itertuples():
        if isinstance(row.notes, str):
            print(f"kzdata: note: {row.source_file}: {row.notes}", file=sys.stderr)
    if args.format == "json":
        print(export.to_json(corpus))
    elif args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in TABLE_NAMES:
            (args.out / f"{name}.csv").write_text(export.to_csv(corpus.table(name)), encoding="utf-8")
    else:
        for name in TABLE_NAMES:
            print(f"# {name}")
            print(export.to_csv(corpus.table(name)))
    return 1 if corpus.problems else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_extract(args)
