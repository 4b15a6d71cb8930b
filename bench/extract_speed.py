"""How fast kzdata starts and extracts, on one core.

    python bench/extract_speed.py                  # all figures, 10,000 generated articles
    python bench/extract_speed.py --articles 2000  # a quicker run
    python bench/extract_speed.py --profile 1000   # cProfile of extract_text instead of timings

Figures (see bench/README.md):
  startup    `python -c "import kzdata; kzdata.load_corpus(seeds)"` in a fresh process, median of 5 runs
             (target < 1 s); `python -c pass` and `import kzdata` alone are shown for comparison
  seeds      extract_text on the two seed articles, repeated: articles per second
  generated  extract_text on N articles from bench/corpus_gen.py: articles per second (target >= 1,000),
             also by CPU time (process_time), which other load on the machine disturbs less;
             then kzdata.corpus.tables_to_corpus on the collected rows, then both together
Both extraction loops run as load_corpus runs its own: with the cyclic garbage collector paused
(kzdata.corpus.cyclic_gc_paused).

The process (and the subprocesses it starts) is pinned to one CPU where the OS allows it.
The figures are printed as a table and written to bench/out/extract_speed.json.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from paths import OUT, ROOT  # also puts the project on sys.path

STARTUP_TARGET_S = 1.0
RATE_TARGET = 1_000.0
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "NUMEXPR_MAX_THREADS": "1"}


def pin_to_one_cpu() -> int | None:
    """Run this process (and the children it starts) on a single CPU; returns it, or None if not possible."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def seed_paths() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


# --------------------------------------------------------------------------- (a) startup

def time_command(code: str, args: list[str], runs: int) -> dict:
    """Wall time of `python -c code args...` in fresh processes: one untimed warm-up, then `runs` runs."""
    command = [sys.executable, "-c", code, *args]
    env = {**os.environ, **SINGLE_THREAD_ENV}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)   # writes __pycache__
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs_s": times}


def measure_startup(runs: int) -> dict:
    seeds = [str(p.relative_to(ROOT)) for p in seed_paths()]
    load = time_command("import sys, kzdata; kzdata.load_corpus(sys.argv[1:])", seeds, runs)
    load["command"] = "python -c \"import kzdata; kzdata.load_corpus(seeds)\" (seeds = " + " ".join(seeds) + ")"
    load["target_s"] = STARTUP_TARGET_S
    load["meets_target"] = load["median_s"] < STARTUP_TARGET_S
    return {"import_and_load_seeds": load,
            "import_kzdata": time_command("import kzdata", [], runs),
            "python_bare": time_command("pass", [], runs)}


# --------------------------------------------------------------------------- (b) seeds

def measure_seeds(rounds: int) -> dict:
    from kzdata.corpus import cyclic_gc_paused, extract_text, read_sidecar
    from kzdata.reading import decode_article

    paths = seed_paths()
    sidecar = read_sidecar(paths[0].parent)
    items = [(decode_article(p.read_bytes(), str(p)).text, sidecar.get(p.name), str(p)) for p in paths]
    for text, info, name in items:          # warm-up: loads word lists, gazetteer and compiled patterns
        extract_text(text, info, name)
    with cyclic_gc_paused():
        start = time.perf_counter()
        for _ in range(rounds):
            for text, info, name in items:
                extract_text(text, info, name)
        elapsed = time.perf_counter() - start
    count = rounds * len(items)
    return {"articles": len(items), "rounds": rounds, "extractions": count, "seconds": elapsed,
            "articles_per_s": count / elapsed, "ms_per_article": 1000 * elapsed / count}


# --------------------------------------------------------------------------- (c) generated

def measure_generated(n: int, seed: int) -> dict:
    from corpus_gen import generate_articles
    from kzdata.corpus import TABLE_NAMES, ArticleInfo, ArticleTables, cyclic_gc_paused, extract_text, tables_to_corpus

    start = time.perf_counter()
    texts = generate_articles(n, seed)
    generation_s = time.perf_counter() - start
    info = ArticleInfo()

    collected = ArticleTables()
    with cyclic_gc_paused():
        start, cpu_start = time.perf_counter(), time.process_time()
        for i, text in enumerate(texts):
            collected.extend(extract_text(text, info, f"gen_{i:05d}.txt"))
        extract_s = time.perf_counter() - start
        extract_cpu_s = time.process_time() - cpu_start

    start = time.perf_counter()
    corpus = tables_to_corpus(collected)
    corpus_s = time.perf_counter() - start

    total_s = extract_s + corpus_s
    rate = n / extract_s
    return {
        "articles": n, "seed": seed, "mean_chars": sum(map(len, texts)) / n, "generation_s": generation_s,
        "extract_s": extract_s, "extract_articles_per_s": rate, "extract_ms_per_article": 1000 * extract_s / n,
        "extract_cpu_s": extract_cpu_s, "extract_cpu_articles_per_s": n / extract_cpu_s,
        "corpus_build_s": corpus_s, "total_s": total_s, "total_articles_per_s": n / total_s,
        "rows": {name: len(corpus.table(name)) for name in TABLE_NAMES},
        "target_articles_per_s": RATE_TARGET, "meets_target": rate >= RATE_TARGET,
    }


# --------------------------------------------------------------------------- profile

def profile(n: int, seed: int, top: int = 15) -> str:
    from corpus_gen import generate_articles
    from kzdata.corpus import extract_text

    texts = generate_articles(n, seed)
    extract_text(texts[0])                  # warm-up outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        extract_text(text)
    profiler.disable()
    OUT.mkdir(exist_ok=True)
    profiler.dump_stats(OUT / "extract_profile.prof")
    report = io.StringIO()
    for order in ("cumulative", "tottime"):
        report.write(f"=== extract_text on {n} generated articles, top {top} by {order} ===\n")
        pstats.Stats(profiler, stream=report).strip_dirs().sort_stats(order).print_stats(top)
    (OUT / "extract_profile.txt").write_text(report.getvalue(), encoding="utf-8")
    return report.getvalue()


# --------------------------------------------------------------------------- report

def git_state() -> dict:
    def git(*args):
        done = subprocess.run(["git", "--no-optional-locks", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None
    status = git("status", "--porcelain", "--", "kzdata")
    return {"commit": git("rev-parse", "--short", "HEAD"), "kzdata_uncommitted_changes": bool(status)}


def table(results: dict) -> str:
    s, b, g = results["startup"], results["seeds"], results["generated"]
    load = s["import_and_load_seeds"]
    ok = lambda flag: "ok" if flag else "MISSED"
    rows = [
        ("figure", "value", "target"),
        ("startup: import kzdata + load_corpus(seeds), median of "
         f"{len(load['runs_s'])}", f"{load['median_s']:.3f} s", f"< {STARTUP_TARGET_S:g} s  {ok(load['meets_target'])}"),
        ("  (for comparison) import kzdata alone", f"{s['import_kzdata']['median_s']:.3f} s", ""),
        ("  (for comparison) python -c pass", f"{s['python_bare']['median_s']:.3f} s", ""),
        (f"seeds: extract_text, {b['extractions']} extractions", f"{b['articles_per_s']:.0f} art/s", ""),
        (f"generated: extract_text on {g['articles']} articles", f"{g['extract_articles_per_s']:.0f} art/s",
         f">= {RATE_TARGET:,.0f} art/s  {ok(g['meets_target'])}"),
        ("  extraction time", f"{g['extract_s']:.2f} s", ""),
        ("  extraction CPU time (steadier on a busy machine)", f"{g['extract_cpu_s']:.2f} s",
         f"{g['extract_cpu_articles_per_s']:.0f} art/s"),
        ("  build Corpus DataFrames (tables_to_corpus)", f"{g['corpus_build_s']:.2f} s", ""),
        ("  total (extraction + DataFrames)", f"{g['total_s']:.2f} s", f"{g['total_articles_per_s']:.0f} art/s"),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles to extract (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article generator (default 0)")
    parser.add_argument("--startup-runs", type=int, default=5, help="timed runs of the startup command (default 5)")
    parser.add_argument("--seed-rounds", type=int, default=200,
                        help="passes of extract_text over the seed articles (default 200)")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="instead of timing: cProfile extract_text on N generated articles, print the top 15")
    args = parser.parse_args(argv)

    cpu = pin_to_one_cpu()
    if args.profile:
        print(profile(args.profile, args.seed))
        print(f"profile written to {OUT / 'extract_profile.prof'} and {OUT / 'extract_profile.txt'}")
        return 0

    results = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "executable": sys.executable,
                    "implementation": platform.python_implementation(),
                    "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus_available": os.cpu_count(), "pinned_cpu": cpu},
        "git": git_state(),
        "startup": measure_startup(args.startup_runs),
        "seeds": measure_seeds(args.seed_rounds),
        "generated": measure_generated(args.articles, args.seed),
    }
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Python {platform.python_version()} at {sys.executable}: how it was built changes every figure "
          "(see bench/README.md)\n")
    print(table(results))
    OUT.mkdir(exist_ok=True)
    path = OUT / "extract_speed.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
