"""Machine instructions per article of extract_text, counted by valgrind: a figure other load does not move.

    python bench/extract_instructions.py                 # 200 generated articles (about a minute)
    python bench/extract_instructions.py --articles 500

Timings on a shared two-core machine wander by 10-20% from run to run; instruction counts do not, so a
change of a few percent shows. Two processes run under ``valgrind --tool=cachegrind``: both import
kzdata, extract one warm-up article (word lists, gazetteer and compiled patterns) and generate the
articles; only the second extracts them, with the cyclic garbage collector paused as extract_speed.py
and load_corpus pause it (else its passes over the rows collected so far would count too). The
difference, divided by the number of articles, is printed and written to
bench/out/extract_instructions.json. Needs valgrind (Debian package ``valgrind``).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

from paths import OUT, ROOT  # also puts the project on sys.path

CHILD = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/bench"]
from corpus_gen import generate_articles
from kzdata.corpus import ArticleInfo, ArticleTables, cyclic_gc_paused, extract_text
texts = generate_articles(int(sys.argv[2]) + 1, int(sys.argv[3]))
extract_text(texts.pop(), ArticleInfo(), "warm-up")
if sys.argv[4] == "extract":
    collected = ArticleTables()
    with cyclic_gc_paused():
        for i, text in enumerate(texts):
            collected.extend(extract_text(text, ArticleInfo(), f"gen_{i:05d}.txt"))
"""
INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")
# A fixed hash seed and no BLAS threads: otherwise set iteration orders and numpy's idle threads move the
# count of the same code by about 0.1 million instructions per article from run to run.
STEADY = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# And no address randomisation (util-linux's setarch, where found): objects hashed by address (a set of
# indexes, say) are then laid out alike in every run, which keeps the count of the same code within a
# few thousand instructions per article instead of a few tens of thousands.
FIXED_ADDRESSES = ["setarch", "-R"] if shutil.which("setarch") else []


def count_instructions(mode: str, articles: int, seed: int) -> int:
    command = [*FIXED_ADDRESSES, "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, "-c", CHILD, str(ROOT), str(articles), str(seed), mode]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, **STEADY})
    found = INSTRUCTIONS.search(done.stderr)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article generator (default 0)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind not found: install the Debian package valgrind", file=sys.stderr)
        return 2
    without = count_instructions("generate", args.articles, args.seed)
    with_extraction = count_instructions("extract", args.articles, args.seed)
    per_article = (with_extraction - without) / args.articles
    print(f"extract_text: {per_article / 1e6:.3f} million instructions per article "
          f"({args.articles} generated articles, seed {args.seed})")
    OUT.mkdir(exist_ok=True)
    (OUT / "extract_instructions.json").write_text(json.dumps(
        {"articles": args.articles, "seed": args.seed, "instructions_per_article": per_article,
         "total_without_extraction": without, "total_with_extraction": with_extraction}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
