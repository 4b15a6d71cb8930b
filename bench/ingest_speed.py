"""How fast articles are stored, and how long the dashboard takes to load with them stored.

    python bench/ingest_speed.py                   # 1,000 generated articles
    python bench/ingest_speed.py --articles 200    # fewer
    python bench/ingest_speed.py --no-browser      # without the Chromium cold start

Figures (see bench/README.md):
  python API   kzdata.store.ingest on every article into a fresh SQLite file: articles per second,
               and how the time splits between checking (decoding, extraction) and the database write
  command      `python -m kzdata ingest` of all the files into another fresh file, one process: wall time
  dashboard    with the articles stored: AppTest's first run of the overview in a fresh process (reads
               and extracts the seeds and every stored article), then the median of warm reruns; and,
               unless --no-browser, bench/cold_start.py's browser figures on the same database
Writes bench/out/ingest_speed.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from paths import BENCH, OUT, ROOT  # also puts the project on sys.path

from pages_speed import DATABASE_VARIABLE, git_state, save, versions, wait_until_idle  # noqa: E402

WARM_RUNS = 5


def write_inputs(count: int) -> list[Path]:
    from corpus_gen import write_articles

    folder = OUT / f"ingest-{count}"
    if len(list(folder.glob("gen_*.txt"))) != count:
        for old in folder.glob("gen_*.txt"):
            old.unlink()
        write_articles(folder, count, seed=7)
    return sorted(folder.glob("gen_*.txt"))


def fresh_database(name: str) -> Path:
    path = OUT / name
    for old in OUT.glob(name + "*"):
        old.unlink()
    return path


def ingest_with_api(paths: list[Path]) -> dict:
    from kzdata import store
    from kzdata.intake import check

    database = fresh_database(f"ingest-{len(paths)}.sqlite")
    engine = store.open_database(store.database_url(str(database)))
    check_s = write_s = 0.0
    statuses: dict[str, int] = {}
    for path in paths:
        raw = path.read_bytes()
        start = time.perf_counter()
        checked = check(raw, path.name)
        middle = time.perf_counter()
        result = store.save(engine, checked)
        check_s += middle - start
        write_s += time.perf_counter() - middle
        statuses[result.status] = statuses.get(result.status, 0) + 1
    total = check_s + write_s
    return {"database": str(database), "articles": len(paths), "statuses": statuses, "total_s": total,
            "per_second": len(paths) / total, "check_s": check_s, "write_s": write_s,
            "database_bytes": database.stat().st_size}


def ingest_with_command(paths: list[Path]) -> dict:
    database = fresh_database(f"ingest-{len(paths)}-cli.sqlite")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kzdata", "--database", str(database), "ingest", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    return {"returncode": done.returncode, "saved": done.stdout.count("saved as"), "wall_s": wall,
            "per_second": len(paths) / wall}


def dashboard_runs(database: str) -> dict:
    """In a fresh process, so the first run pays for reading and extracting everything."""
    code = f"""
import json, statistics, sys, time
sys.path.insert(0, {str(BENCH)!r})
from pages_speed import quiet_streamlit_logs
from streamlit.testing.v1 import AppTest
quiet_streamlit_logs()
at = AppTest.from_file({str(ROOT / 'dashboard.py')!r}, default_timeout=600)
start = time.perf_counter(); at.run(); first = time.perf_counter() - start
warm = []
for _ in range({WARM_RUNS}):
    start = time.perf_counter(); at.run(); warm.append(time.perf_counter() - start)
view = at.session_state.context.view
print(json.dumps({{"first_run_s": first, "warm_median_ms": 1000 * statistics.median(warm),
                  "articles": len(view.articles), "events": len(view.events), "figures": len(view.figures),
                  "exceptions": len(at.exception)}}))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, DATABASE_VARIABLE: database})
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: dict) -> str:
    api, command, app = results["api"], results["command"], results["dashboard"]
    lines = [
        f"articles: {api['articles']:,} generated (statuses {api['statuses']})",
        f"python API   {api['per_second']:8.0f} articles/s   ({api['total_s']:.2f} s: check {api['check_s']:.2f} s, "
        f"database write {api['write_s']:.2f} s; file {api['database_bytes'] / 1e6:.1f} MB)",
        f"command      {command['per_second']:8.0f} articles/s   ({command['wall_s']:.2f} s wall, one process, "
        f"{command['saved']:,} saved)",
        f"dashboard    first run {app['first_run_s']:.2f} s (seeds + stored: {app['articles']:,} articles, "
        f"{app['events']:,} events), warm rerun median {app['warm_median_ms']:.0f} ms",
    ]
    browser = results.get("browser")
    if browser:
        lines.append(f"browser      server start {browser['server_start_s']:.2f} s, cold start to the overview drawn "
                     f"{browser['cold_start_s']:.2f} s, warm load {browser['warm_median_ms'] / 1000:.2f} s")
    idle = results.get("idle_check")
    if idle and idle["still_busy"]:
        lines.append(f"! other work kept {100 * idle['cpu_busy_at_start']:.0f}% of the CPUs busy: figures inflated")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium cold start")
    parser.add_argument("--idle-wait", type=float, default=180, metavar="S",
                        help="wait up to S seconds for other work to leave the CPUs (default 180; 0: do not wait)")
    args = parser.parse_args(argv)
    paths = write_inputs(args.articles)
    idle = wait_until_idle(args.idle_wait) if args.idle_wait else None
    results = {"idle_check": idle, "api": ingest_with_api(paths)}
    results["command"] = ingest_with_command(paths)
    results["dashboard"] = dashboard_runs(results["api"]["database"])
    if not args.no_browser:
        from cold_start import measure
        results["browser"] = measure(None, 3, 900, 0, database=results["api"]["database"])
    results.update({"versions": versions(), "git": git_state()})
    print(report(results))
    print(f"\nwritten to {save(OUT / 'ingest_speed.json', f'articles-{args.articles}', results).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
