"""Does extraction still give byte-identical output? Compares sha256 sums of the JSON export with a baseline.

    python bench/check_identical.py --save     # record the baseline (before changing kzdata/)
    python bench/check_identical.py            # compare with it; exit status 1 on any difference

Two outputs are checked, each `kzdata.export.to_json` of a Corpus:
  seeds      kzdata.load_corpus(seeds/*.txt)
  generated  --articles articles (default 2000) of bench/corpus_gen.py with --seed (default 0), through
             kzdata.corpus.extract_text as bench/extract_speed.py runs it, then tables_to_corpus

The sums go to bench/out/identical_baseline.json, the JSON itself to bench/out/identical-<name>.json. On a
difference the new JSON is written beside it (.new.json) and the first differing row is printed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from paths import OUT, ROOT  # also puts the project on sys.path
BASELINE = OUT / "identical_baseline.json"


def seeds_json() -> str:
    """Read as seeds/NAME.txt from the repository root: the paths end up in the output (source_file)."""
    import kzdata
    from kzdata.export import to_json

    os.chdir(ROOT)
    return to_json(kzdata.load_corpus(sorted(Path("seeds").glob("*.txt"))))


def generated_json(n: int, seed: int) -> str:
    from corpus_gen import generate_articles
    from kzdata.corpus import ArticleInfo, ArticleTables, extract_text, tables_to_corpus
    from kzdata.export import to_json

    collected = ArticleTables()
    for i, text in enumerate(generate_articles(n, seed)):
        tables = extract_text(text, ArticleInfo(), f"gen_{i:05d}.txt")
        collected.extend(tables)
    return to_json(tables_to_corpus(collected))


def first_difference(old: str, new: str) -> str:
    """Where two exports part: the table, row index and both rows."""
    old_tables, new_tables = json.loads(old), json.loads(new)
    for name in old_tables.keys() | new_tables.keys():
        old_rows, new_rows = old_tables.get(name, []), new_tables.get(name, [])
        for i, (was, now) in enumerate(zip(old_rows, new_rows)):
            if was != now:
                return f"{name}[{i}]:\n  was {was}\n  now {now}"
        if len(old_rows) != len(new_rows):
            return f"{name}: {len(old_rows)} rows before, {len(new_rows)} now"
    return "same rows; the difference is in the formatting"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", action="store_true", help="record the baseline instead of comparing")
    parser.add_argument("--articles", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article generator (default 0)")
    args = parser.parse_args(argv)

    outputs = {"seeds": seeds_json, f"generated-{args.articles}-seed{args.seed}":
               lambda: generated_json(args.articles, args.seed)}
    OUT.mkdir(exist_ok=True)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    differing = 0
    for name, export in outputs.items():
        text = export()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        saved = OUT / f"identical-{name}.json"
        if args.save:
            baseline[name] = digest
            saved.write_text(text, encoding="utf-8")
            print(f"{name}: {digest} saved")
        elif name not in baseline:
            print(f"{name}: no baseline (run with --save first)")
            differing += 1
        elif baseline[name] == digest:
            print(f"{name}: identical ({digest[:16]})")
        else:
            differing += 1
            saved.with_suffix(".new.json").write_text(text, encoding="utf-8")
            print(f"{name}: DIFFERENT ({digest[:16]}, baseline {baseline[name][:16]})")
            if saved.is_file():
                print(first_difference(saved.read_text(encoding="utf-8"), text))
    if args.save:
        BASELINE.write_text(json.dumps(baseline, indent=1) + "\n", encoding="utf-8")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
