"""How long the dashboard takes to start and to draw the overview in a real browser (Debian Chromium).

    python bench/cold_start.py                  # on the seeds
    python bench/cold_start.py --events 100000  # seeds + the generated corpus of bench/pages_speed.py
    python bench/cold_start.py --loads 5        # warm loads to take the median of (default 5)
    python bench/cold_start.py --database F     # seeds + the articles stored in database file F
    python bench/cold_start.py --app bench/floor_app.py  # the same for the stack's least page (the floor)

Starts `streamlit run dashboard.py` (headless, on a free loopback port, file watcher off so that
edits made meanwhile do not show a "File change" prompt), with Chromium already launched, and
measures:

  server start      from starting the process to /_stcore/health answering 200
  first load        the very first page load of the server: a fresh browser context opens the overview
                    while nothing is cached (the session imports the app and extracts every article)
  cold start        server start + first load (target < 3 s on the seeds)
  warm load         the median of --loads further loads, each in a fresh browser context (empty HTTP
                    cache and no session), with the corpus already cached by the server
  repeat load       the median of --loads loads in one context after an untimed one: the browser has
                    the app's JavaScript in its HTTP cache, each load is still a new session

Each load is timed in the page from navigation start (performance.now(), whose origin is the start
of the navigation) to "overview fully drawn": the main title (h1) has text, every table in the main
area has its grid canvas, the last of them (the articles table, the last element of the overview)
comes after the compact timeline, the timeline's plotly SVG is drawn with axes and traces, and
Streamlit's status widget ("Running..."/"Stop") is gone. Milestones on the way (title, first
table, timeline) are recorded too. Writes bench/out/cold_start.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from paths import OUT, ROOT  # also puts the project on sys.path

from pages_speed import DATABASE_VARIABLE, ensure_corpus, ensure_database, git_state, save, versions, wait_until_idle  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, stop_server, wait_until_healthy  # noqa: E402

TARGET_S = 3.0
VIEWPORT = {"width": 1280, "height": 800}

# Installed in every page before the app's own scripts: checks the DOM on every animation frame and
# records, in ms since navigation start, when each milestone was first reached.
MILESTONES_JS = r"""
(() => {
  const marks = window.__qantarMarks = {};
  const stamp = (name, ok) => { if (ok && marks[name] === undefined) marks[name] = performance.now(); };
  const check = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    const title = document.querySelector('h1');
    stamp('title', title && title.innerText.trim().length > 0);
    const tables = main ? [...main.querySelectorAll('[data-testid="stDataFrame"]')].filter(t => t.offsetParent !== null && !t.closest('details:not([open])')) : [];  // collapsed expanders hold tables not drawn until opened
    const drawnTables = tables.filter(t => t.querySelector('canvas'));
    stamp('first_table', drawnTables.length > 0);
    const chart = main && main.querySelector('[data-testid="stPlotlyChart"]');
    const svg = chart && chart.querySelector('svg.main-svg');
    const plotted = !!(svg && chart.querySelector('.xtick') && (chart.querySelector('g.trace') || chart.querySelector('canvas')));
    stamp('timeline', plotted);
    const last = tables[tables.length - 1];
    const lastAfterChart = !!(chart && last && (chart.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING));
    const idle = !document.querySelector('[data-testid="stStatusWidget"]');
    stamp('drawn', marks.title !== undefined && plotted && tables.length >= 2 && drawnTables.length === tables.length
                   && lastAfterChart && idle);
    if (marks.drawn === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def start_server(port: int, env: dict, log: Path, app: str = "dashboard.py") -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", app, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    with log.open("wb") as handle:
        return subprocess.Popen(command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env)


RESOURCES_JS = """() => {
  const all = performance.getEntriesByType('resource');
  const plotly = all.find(r => /PlotlyChart/.test(r.name));
  return {count: all.length, bytes: all.reduce((n, r) => n + r.decodedBodySize, 0),
          from_http_cache: all.filter(r => r.transferSize === 0 && r.decodedBodySize > 0).length,
          plotly_chunk_loaded_ms: plotly ? plotly.responseEnd : null};
}"""


def open_overview(page, url: str, timeout_s: float) -> dict:
    """Navigate `page` to the overview; milestones in ms since navigation start."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    received = {"frames": 0, "bytes": 0}

    def count(payload) -> None:
        received["frames"] += 1
        received["bytes"] += len(payload)

    page.on("websocket", lambda socket: socket.on("framereceived", count))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__qantarMarks && window.__qantarMarks.drawn !== undefined",
                           timeout=timeout_s * 1000)
    wall = time.perf_counter() - start
    marks = page.evaluate("() => window.__qantarMarks")
    return {"drawn_ms": marks["drawn"], "milestones_ms": marks, "wall_ms": 1000 * wall, "websocket_received": dict(received),
            "resources": page.evaluate(RESOURCES_JS),
            "exceptions": page.locator('[data-testid="stException"]').count(), "page_errors": errors}


def load_overview(browser, url: str, timeout_s: float) -> dict:
    """Open the overview in a fresh browser context (empty HTTP cache, new session)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(MILESTONES_JS)
        return open_overview(context.new_page(), url, timeout_s)
    finally:
        context.close()


def repeat_loads(browser, url: str, loads: int, timeout_s: float) -> list[dict]:
    """`loads` loads in one context after an untimed one: the browser's HTTP cache is warm, each is a new session."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(MILESTONES_JS)
        open_overview(context.new_page(), url, timeout_s)
        results = []
        for _ in range(loads):
            page = context.new_page()
            results.append(open_overview(page, url, timeout_s))
            page.close()
        return results
    finally:
        context.close()


def measure(events: int | None, loads: int, timeout_s: float, idle_wait_s: float, database: str | None = None,
            app: str = "dashboard.py") -> dict:
    """The figures above; `database` (a file of stored articles) replaces the generated corpus if given."""
    from playwright.sync_api import sync_playwright

    corpus = ensure_corpus(events) if events and not database else None
    env = {**os.environ, DATABASE_VARIABLE: database or ensure_database(corpus)}
    OUT.mkdir(exist_ok=True)
    log = OUT / f"cold_start-server{'-' + str(events) if events else ''}.log"
    idle = wait_until_idle(idle_wait_s) if idle_wait_s else None
    load_before = os.getloadavg()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        start = time.perf_counter()
        process = start_server(port, env, log, app)
        try:
            wait_until_healthy(url, process)
            server_s = time.perf_counter() - start
            print(f"server healthy after {server_s:.2f} s; first load ...", flush=True)
            first = load_overview(browser, url, timeout_s)
            print(f"  first load drawn at {first['drawn_ms'] / 1000:.2f} s", flush=True)
            warm = []
            for i in range(loads):
                warm.append(load_overview(browser, url, timeout_s))
                print(f"  warm load {i + 1}: {warm[-1]['drawn_ms'] / 1000:.2f} s", flush=True)
            repeat = repeat_loads(browser, url, loads, timeout_s)
            shown = ", ".join(f"{r['drawn_ms'] / 1000:.2f}" for r in repeat)
            print(f"  repeat loads (HTTP cache warm): {shown} s", flush=True)
        finally:
            stop_server(process)
            browser.close()
    drawn = [w["drawn_ms"] for w in warm]
    milestones = {name: statistics.median(w["milestones_ms"][name] for w in warm) for name in warm[0]["milestones_ms"]}
    cold_s = server_s + first["drawn_ms"] / 1000
    return {
        "app": app,
        "corpus": {"seeds_only": not events and not database, "generated": corpus, "database": database},
        "server_start_s": server_s,
        "first_load": first,
        "cold_start_s": cold_s,
        "cold_start_meets_target": cold_s < TARGET_S,
        "warm_median_ms": statistics.median(drawn),
        "warm_min_ms": min(drawn), "warm_max_ms": max(drawn),
        "warm_milestones_median_ms": milestones,
        "warm_loads": warm,
        "repeat_median_ms": statistics.median(r["drawn_ms"] for r in repeat),
        "repeat_loads": repeat,
        "target_s": TARGET_S,
        "server_log": str(log),
        "idle_check": idle,
        "load_average_before": load_before,
    }


def report(r: dict, label: str) -> str:
    first = r["first_load"]["milestones_ms"]
    warm = r["warm_milestones_median_ms"]
    problems = sum(load["exceptions"] + len(load["page_errors"])
                   for load in [r["first_load"], *r["warm_loads"], *r["repeat_loads"]])
    row = lambda name, a, b="": (name, a, b)
    rows = [
        row("figure (" + label + ")", "seconds", "target"),
        row("server start -> health OK", f"{r['server_start_s']:.2f}"),
        row("first load: navigation -> title", f"{first['title'] / 1000:.2f}"),
        row("first load: navigation -> first table", f"{first['first_table'] / 1000:.2f}"),
        row("first load: navigation -> timeline drawn", f"{first['timeline'] / 1000:.2f}"),
        row("first load: navigation -> overview fully drawn", f"{first['drawn'] / 1000:.2f}"),
        row("cold start: server start + first load", f"{r['cold_start_s']:.2f}",
            f"< {TARGET_S:g} s  {'ok' if r['cold_start_meets_target'] else 'MISSED'}"),
        row(f"warm load, median of {len(r['warm_loads'])}: navigation -> title", f"{warm['title'] / 1000:.2f}"),
        row("warm load: navigation -> timeline drawn", f"{warm['timeline'] / 1000:.2f}"),
        row("warm load: navigation -> overview fully drawn", f"{r['warm_median_ms'] / 1000:.2f}",
            f"(min {r['warm_min_ms'] / 1000:.2f}, max {r['warm_max_ms'] / 1000:.2f})"),
        row(f"repeat load, median of {len(r['repeat_loads'])} (browser cache warm): fully drawn",
            f"{r['repeat_median_ms'] / 1000:.2f}"),
    ]
    widths = [max(len(x[i]) for x in rows) for i in range(3)]
    lines = [f"{a.ljust(widths[0])}  {b.rjust(widths[1])}  {c}".rstrip() for a, b, c in rows]
    lines.insert(1, "-" * len(lines[0]))
    if r["idle_check"] and r["idle_check"]["still_busy"]:
        lines.append(f"! other work kept {100 * r['idle_check']['cpu_busy_at_start']:.0f}% of the CPUs busy "
                     "when the loads started: the figures are inflated")
    if problems:
        lines.append(f"! {problems} exception box(es) or page error(s): see the JSON")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=0,
                        help="also load bench/pages_speed.py's generated corpus for about this many events "
                             "(default: seeds only)")
    parser.add_argument("--database", help="a database of stored articles to load with the seeds instead")
    parser.add_argument("--app", default="dashboard.py",
                        help="the script to serve (default dashboard.py; bench/floor_app.py: the stack's floor)")
    parser.add_argument("--loads", type=int, default=5, help="warm loads, each in a fresh browser context (default 5)")
    parser.add_argument("--idle-wait", type=float, default=180, metavar="S",
                        help="wait up to S seconds for other work to leave the CPUs (default 180; 0: do not wait)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for one load (default 900)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"no Chromium at {CHROMIUM} (apt-get install chromium)")

    results = measure(args.events or None, args.loads, args.timeout, args.idle_wait, args.database, args.app)
    load_before = results.pop("load_average_before")
    results.update({
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "chromium": subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},
        "versions": versions(),
        "git": git_state(),
    })
    if args.app != "dashboard.py":
        label = key = Path(args.app).stem
    elif args.database:
        label, key = f"seeds + {args.database}", f"database-{Path(args.database).stem}"
    elif args.events:
        label = f"seeds + {results['corpus']['generated']['articles']:,} generated articles"
        key = f"events-{args.events}"
    else:
        label = key = "seeds"
    print()
    print(report(results, label))
    path = save(OUT / "cold_start.json", key, results)
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
