"""How long each dashboard page takes to run on the server, measured with Streamlit's AppTest.

    python bench/pages_speed.py                     # seeds + generated articles for ~100,000 events
    python bench/pages_speed.py --seeds-only        # the two seed articles only
    python bench/pages_speed.py --events 20000 --runs 5
    python bench/pages_speed.py --profile           # also cProfile one run of the slowest page
    python bench/pages_speed.py --profile slowest map/filtered    # ... and of the map page, filtered
    python bench/pages_speed.py --pages overview data             # measure only these pages

Everything runs in this one process, so the corpus is read and extracted once (st.cache_resource)
and every page after the first finds it cached:

  cold load   the session's first run of the overview in a fresh process: reading and extracting
              every article, building the tables and bounds, plus the page itself
  per page    the overview (dashboard.py's default page) and every page in dashboard.py's PAGE_FILES
              (read from the source, so new pages are measured too); for each, with no filter and
              with a filter (one outlet and a 3-day window, given as query parameters as in a shared
              link): a fresh AppTest session, its first run, one warm-up run on the page, then
              --runs timed reruns of AppTest.run(); median and p90 in ms (target < 300 ms at 100,000
              events). "script" is the median wall time of the script thread (the page itself; the
              rest is AppTest turning the messages into its element tree), "script CPU" the median
              CPU time of that thread, which hardly grows when other work competes for the CPUs.

The generated articles (bench/corpus_gen.py) are written once to bench/out/corpus-<events>/ and
reused; how many are needed is estimated from a sample, and the events actually loaded are
reported. The figures are printed as a table and written to bench/out/pages_speed.json.
"""
from __future__ import annotations

import argparse
import ast
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import threading
import time
from pathlib import Path

from paths import OUT, ROOT  # also puts the project on sys.path

from kzdata.store import DATABASE_VARIABLE  # noqa: E402

TARGET_MS = 300.0
SAMPLE_ARTICLES = 400                       # articles extracted to estimate events per article
RUN_TIMEOUT_S = 1800                        # AppTest timeout: the cold run extracts every article


# --------------------------------------------------------------------------- a quiet machine

def cpu_busy(seconds: float = 2.0) -> float:
    """Fraction of all CPUs busy over `seconds` (from /proc/stat; Linux), or -1 where unknown."""
    def sample():
        with open("/proc/stat", encoding="ascii") as handle:
            values = [int(v) for v in handle.readline().split()[1:]]
        return sum(values), values[3] + values[4]          # total, idle + iowait
    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except OSError:
        return -1.0
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def wait_until_idle(max_wait_s: float, threshold: float = 0.25, log=print) -> dict:
    """Wait (up to `max_wait_s`) until other work keeps less than `threshold` of the CPUs busy.

    The figures are wall-clock times on a small machine shared with other work; this only avoids
    starting in the middle of someone else's test run. Returns what was seen, for the JSON.
    """
    start = time.monotonic()
    busy = cpu_busy()
    while busy > threshold and time.monotonic() - start < max_wait_s:
        log(f"  CPUs {100 * busy:.0f}% busy with other work; waiting (up to {max_wait_s:.0f} s) ...")
        time.sleep(8)
        busy = cpu_busy()
    return {"cpu_busy_at_start": busy, "waited_s": time.monotonic() - start, "threshold": threshold,
            "still_busy": busy > threshold}


# --------------------------------------------------------------------------- the generated corpus

def corpus_dir(events: int) -> Path:
    return OUT / f"corpus-{events}"


def ensure_corpus(events: int, seed: int = 0, log=print) -> dict:
    """The folder of generated articles for about `events` events, written once and reused.

    The number of articles is estimated by extracting a sample; bench/out/corpus-<events>/meta.json
    records it, and the folder is rewritten only when that file or an article is missing.
    """
    folder = corpus_dir(events)
    meta_path = folder / "meta.json"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        width = max(5, len(str(meta["articles"] - 1)))
        files = {p.name for p in folder.glob("gen_*.txt")}
        if meta.get("seed") == seed and all(f"gen_{i:0{width}d}.txt" in files for i in range(meta["articles"])) \
                and len(files) == meta["articles"]:
            return {**meta, "folder": str(folder), "reused": True}
    from corpus_gen import generate_articles, write_articles
    from kzdata.corpus import extract_text

    log(f"estimating events per generated article from {SAMPLE_ARTICLES} articles ...")
    sample = generate_articles(SAMPLE_ARTICLES, seed)
    per_article = sum(len(extract_text(text, source_file=f"gen_{i:05d}.txt").events)
                      for i, text in enumerate(sample)) / len(sample)
    articles = math.ceil(events / per_article)
    log(f"  {per_article:.2f} events per article -> writing {articles:,} articles to {folder.relative_to(ROOT)}/")
    for old in folder.glob("gen_*.txt"):
        old.unlink()
    start = time.perf_counter()
    write_articles(folder, articles, seed)
    meta = {"events_target": events, "seed": seed, "articles": articles, "sample_articles": SAMPLE_ARTICLES,
            "sample_events_per_article": per_article, "write_s": time.perf_counter() - start}
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return {**meta, "folder": str(folder), "reused": False}


def ensure_database(corpus: dict | None) -> str:
    """A database holding the generated articles (ingested once, beside their folder), or an empty one."""
    from kzdata import store

    path = OUT / (f"{Path(corpus['folder']).name}.sqlite" if corpus else "empty.sqlite")
    engine = store.open_database(store.database_url(str(path)))
    files = sorted(Path(corpus["folder"]).glob("gen_*.txt")) if corpus else []
    if store.revision(engine)[0] != len(files):
        engine.dispose()
        for stale in OUT.glob(path.name + "*"):
            stale.unlink()
        engine = store.open_database(store.database_url(str(path)))
        print(f"storing {len(files):,} generated articles in {path.relative_to(ROOT)} ...", flush=True)
        for file in files:
            store.ingest(engine, file.read_bytes(), file.name)
    return str(path)


# --------------------------------------------------------------------------- the pages

def page_files() -> dict[str, str]:
    """{name: script} for the overview (None: dashboard.py's default page) and every page in PAGE_FILES.

    PAGE_FILES is read from dashboard.py's source (importing it would run the app).
    """
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "PAGE_FILES" for t in targets):
            registered = ast.literal_eval(node.value)
            return {"overview": None, **{key: path for key, (path, _icon) in registered.items()}}
    raise SystemExit("dashboard.py has no PAGE_FILES dict")


class ScriptClock:
    """Wall time of each script run in AppTest's script thread, and optionally a cProfile of it.

    AppTest runs the page in a thread of its own (LocalScriptRunner), so a profiler enabled in this
    thread would see nothing of the page; this wraps the thread's body instead.
    """

    def __init__(self) -> None:
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        self.times: list[float] = []
        self.cpu_times: list[float] = []
        self.profiler: cProfile.Profile | None = None
        self._lock = threading.Lock()
        original = LocalScriptRunner._run_script_thread
        clock = self

        def timed(runner) -> None:
            profiler = clock.profiler
            start, cpu_start = time.perf_counter(), time.thread_time()
            if profiler:
                profiler.enable()
            try:
                original(runner)
            finally:
                if profiler:
                    profiler.disable()
                with clock._lock:
                    clock.times.append(time.perf_counter() - start)
                    clock.cpu_times.append(time.thread_time() - cpu_start)

        LocalScriptRunner._run_script_thread = timed

    def last_ms(self) -> tuple[float, float]:
        """(wall, CPU) time of the last script run in ms; CPU time is what the thread itself used, so it
        hardly grows when other processes compete for the CPUs."""
        with self._lock:
            return 1000 * self.times[-1], 1000 * self.cpu_times[-1]


def new_session(params: dict, page: str | None):
    """An AppTest session after its first run, on `page` (None = overview); returns (at, first run in s)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=RUN_TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    start = time.perf_counter()
    at.run()
    if page:
        at.switch_page(page).run()
    return at, time.perf_counter() - start


def quiet_streamlit_logs() -> None:
    """Drop AppTest's "missing ScriptRunContext" warnings and the tracebacks of failing pages from the
    output: a page's exception is reported in the table (and its stack in the JSON) instead."""
    import logging

    import streamlit.runtime.scriptrunner  # noqa: F401  (creates the loggers)
    for name, text in (("streamlit.runtime.scriptrunner_utils.script_run_context", "missing ScriptRunContext"),
                       ("streamlit.error_util", "Uncaught app execution")):
        logging.getLogger(name).addFilter(lambda record, text=text: text not in record.getMessage())


def problems_of(at) -> list[str]:
    found = [f"exception: {e.value}\n" + "\n".join(e.stack_trace[-4:]) for e in at.exception]
    found += [f"warning: {w.value}" for w in at.warning]
    return found


def in_view(at) -> dict:
    view = at.session_state.context.view
    return {name: len(getattr(view, name)) for name in ("articles", "events", "figures")}


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def measure_page(page: str | None, params: dict, runs: int, clock: ScriptClock) -> dict:
    at, first_s = new_session(params, page)
    at.run()                                              # warm-up on the page
    run_ms, script_ms, cpu_ms = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        run_ms.append(1000 * (time.perf_counter() - start))
        wall, cpu = clock.last_ms()
        script_ms.append(wall)
        cpu_ms.append(cpu)
    return {"first_session_run_ms": 1000 * first_s, "runs_ms": run_ms, "script_ms": script_ms, "script_cpu_ms": cpu_ms,
            "median_ms": statistics.median(run_ms), "p90_ms": p90(run_ms),
            "script_median_ms": statistics.median(script_ms), "script_cpu_median_ms": statistics.median(cpu_ms),
            "meets_target": statistics.median(run_ms) < TARGET_MS,
            "in_view": in_view(at), "problems": problems_of(at)}


def busiest_filter(corpus) -> dict:
    """One outlet (the one with most events) and the 3-day window with most of its events, as query params."""
    import pandas as pd

    events = corpus.events.dropna(subset=["date"])
    outlet = events.outlet.value_counts().idxmax()
    daily = events[events.outlet == outlet].date.dt.normalize().value_counts().sort_index()
    daily = daily.reindex(pd.date_range(daily.index.min(), daily.index.max(), freq="D"), fill_value=0)
    first = daily.rolling(3, min_periods=1).sum().shift(-2).fillna(0).idxmax()
    last = min(first + pd.Timedelta(days=2), daily.index.max())
    return {"outlet": outlet, "from": first.date().isoformat(), "to": last.date().isoformat()}


def apptest_floor(runs: int) -> float:
    """Median AppTest.run() of a one-line script: the part of every figure that is AppTest itself."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nst.title('x')").run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def profile_run(page: str | None, params: dict, clock: ScriptClock, label: str, stem: str, top: int = 15) -> str:
    at, _ = new_session(params, page)
    at.run()                                              # warm-up, not profiled
    clock.profiler = cProfile.Profile()
    start = time.perf_counter()
    at.run()
    wall = time.perf_counter() - start
    profiler, clock.profiler = clock.profiler, None
    OUT.mkdir(exist_ok=True)
    profiler.dump_stats(OUT / f"{stem}.prof")
    report = io.StringIO()
    report.write(f"=== one AppTest run of {label} (script thread only; run took {1000 * wall:.0f} ms "
                 f"under the profiler), top {top} by cumulative time ===\n")
    pstats.Stats(profiler, stream=report).strip_dirs().sort_stats("cumulative").print_stats(top)
    report.write(f"=== the same, the project's own functions only (dashboard.py, pages/, ui/, kzdata/), "
                 f"top {top} by cumulative time ===\n")
    own = re.escape(str(ROOT)) + r"/(dashboard\.py|pages/|ui/|kzdata/)"
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(own, top)
    report.write(f"=== the same, all functions, top {top} by own time ===\n")
    pstats.Stats(profiler, stream=report).strip_dirs().sort_stats("tottime").print_stats(top)
    return report.getvalue()


# --------------------------------------------------------------------------- report

def git_state() -> dict:
    def git(*args):
        done = subprocess.run(["git", "--no-optional-locks", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.rstrip() if done.returncode == 0 else None
    status = git("status", "--porcelain", "--", "dashboard.py", "pages", "ui", "kzdata")
    return {"commit": git("rev-parse", "--short", "HEAD"), "app_uncommitted_changes": status.splitlines() if status else []}


def versions() -> dict:
    from importlib.metadata import version
    return {name: version(name) for name in ("streamlit", "pandas", "plotly", "pydeck", "pyarrow")}


def save(path: Path, key: str, results: dict) -> Path:
    """Store `results` under `key` in the JSON file, keeping the other corpora's latest results."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        everything = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        everything = {}
    everything[key] = results
    path.write_text(json.dumps(everything, indent=1, default=str) + "\n", encoding="utf-8")
    return path


def table(results: dict) -> str:
    rows = [("page", "filter", "in view (art/ev/fig)", "first run", "median", "p90", "script", "script CPU", "target")]
    for page in results["pages"]:
        for variant, m in page["variants"].items():
            if "failed" in m:
                rows.append((page["page"], variant, "FAILED", "", "", "", "", "", ""))
                continue
            v = m["in_view"]
            rows.append((page["page"], variant, f"{v['articles']:,}/{v['events']:,}/{v['figures']:,}",
                         f"{m['first_session_run_ms']:.0f} ms", f"{m['median_ms']:.0f} ms", f"{m['p90_ms']:.0f} ms",
                         f"{m['script_median_ms']:.0f} ms", f"{m['script_cpu_median_ms']:.0f} ms",
                         ("ok" if m["meets_target"] else "MISSED") + (" !" if m["problems"] else "")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000,
                        help="generated articles for about this many events, besides the seeds (default 100000)")
    parser.add_argument("--runs", type=int, default=7, help="timed reruns per page and filter (default 7)")
    parser.add_argument("--seeds-only", action="store_true", help="the seed articles only, no generated ones")
    parser.add_argument("--seed", type=int, default=0, help="seed of the article generator (default 0)")
    parser.add_argument("--idle-wait", type=float, default=180, metavar="S",
                        help="wait up to S seconds for other work to leave the CPUs (default 180; 0: do not wait)")
    parser.add_argument("--pages", nargs="+", metavar="PAGE", help="measure only these pages (names as in the table)")
    parser.add_argument("--profile", nargs="*", metavar="PAGE[/filtered]",
                        help="after timing, cProfile one run of each PAGE (unfiltered, or with /filtered; "
                             "'slowest': the slowest page and filter, also the default)")
    args = parser.parse_args(argv)

    generated = None if args.seeds_only else ensure_corpus(args.events, args.seed)
    os.environ[DATABASE_VARIABLE] = ensure_database(generated)
    print(f"corpus: seeds{'' if args.seeds_only else ' + ' + str(generated['articles']) + ' generated articles'}"
          f"{' (reused)' if generated and generated['reused'] else ''}", flush=True)

    quiet_streamlit_logs()
    idle = wait_until_idle(args.idle_wait) if args.idle_wait else None
    load_before = os.getloadavg()
    clock = ScriptClock()
    print("cold load (first run of the overview in this process) ...", flush=True)
    at, cold_s = new_session({}, None)
    if problems_of(at):
        print("\n".join(problems_of(at)))
    corpus = at.session_state.context.corpus
    counts = {name: len(corpus.table(name)) for name in ("articles", "sentences", "events", "figures", "places")}
    print(f"  {cold_s:.1f} s; loaded {counts['articles']:,} articles, {counts['events']:,} events, "
          f"{counts['figures']:,} figures, {counts['sentences']:,} sentences, {counts['places']:,} places", flush=True)
    filtered = busiest_filter(corpus)
    variants = {"none": {}, "filtered": filtered}
    del at, corpus

    pages = page_files()
    unknown = set(args.pages or ()) - set(pages)
    if unknown:
        raise SystemExit(f"unknown pages {sorted(unknown)}; known: {list(pages)}")
    results_pages = []
    for name, path in pages.items():
        if args.pages and name not in args.pages:
            continue
        entry = {"page": name, "file": path or "dashboard.py (default page)", "variants": {}}
        for variant, params in variants.items():
            print(f"{name} ({variant}) ...", end=" ", flush=True)
            try:
                m = measure_page(path, params, args.runs, clock)
            except Exception as error:     # e.g. a page renamed while the bench runs: measure the others
                print(f"FAILED: {error!r}", flush=True)
                entry["variants"][variant] = {"failed": repr(error)}
                continue
            entry["variants"][variant] = m
            print(f"median {m['median_ms']:.0f} ms" + ("  (the page showed problems)" if m["problems"] else ""), flush=True)
        results_pages.append(entry)

    results = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg(), "idle_check": idle},
        "versions": versions(),
        "git": git_state(),
        "corpus": {"seeds_only": args.seeds_only, "events_asked": None if args.seeds_only else args.events,
                   "generated": generated, "rows": counts},
        "cold_load_s": cold_s,
        "filter": filtered,
        "runs": args.runs,
        "target_ms": TARGET_MS,
        "apptest_floor_ms": apptest_floor(args.runs),
        "pages": results_pages,
    }
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"corpus: {counts['articles']:,} articles, {counts['events']:,} events, {counts['figures']:,} figures; "
          f"cold load (first overview run) {cold_s:.2f} s")
    print(f"filter: outlet={filtered['outlet']}, from={filtered['from']}, to={filtered['to']}; "
          f"{args.runs} timed runs each; AppTest floor (one-line script) {results['apptest_floor_ms']:.0f} ms")
    print(table(results))
    if idle and idle["still_busy"]:
        print(f"! other work kept {100 * idle['cpu_busy_at_start']:.0f}% of the CPUs busy when the runs started: "
              "the figures are inflated")
    for page in results_pages:
        for variant, m in page["variants"].items():
            for problem in m.get("problems", [m.get("failed")]):
                print(f"! {page['page']} ({variant}): {problem.splitlines()[0][:300]}")

    if args.profile is not None:
        measured = [(p["page"], v, m["median_ms"]) for p in results_pages for v, m in p["variants"].items()
                    if "median_ms" in m]
        slowest = max(measured, key=lambda pvm: pvm[2])[:2]
        chosen = [slowest if item == "slowest" else tuple(item.split("/", 1)) if "/" in item else (item, "none")
                  for item in args.profile or ["slowest"]]
        texts, results["profiles"] = [], []
        for name, variant in chosen:
            if name not in pages or variant not in variants:
                print(f"! cannot profile {name}/{variant}: pages {list(pages)}, filters {list(variants)}")
                continue
            stem = f"pages_profile-{name}-{variant}"
            texts.append(profile_run(pages[name], variants[variant], clock,
                                     f"{name} ({variant}) at {counts['events']:,} events", stem))
            print()
            print(texts[-1])
            results["profiles"].append({"page": name, "variant": variant, "prof": str(OUT / f"{stem}.prof")})
        (OUT / "pages_profile.txt").write_text("\n".join(texts), encoding="utf-8")

    path = save(OUT / "pages_speed.json", "seeds" if args.seeds_only else f"events-{args.events}", results)
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
