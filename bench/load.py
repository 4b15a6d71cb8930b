"""Twenty readers at once: concurrent browser sessions against one server, time to the overview fully drawn.

    python bench/load.py                 # 20 sessions at once, on the seeds
    python bench/load.py --sessions 40   # more
    python bench/load.py --rounds 3      # three waves of sessions, one after the other
    python bench/load.py --app bench/floor_app.py  # the stack's least page instead (the floor)
    python bench/load.py --shared-cache  # all pages in one browser context: the frontend comes from its HTTP cache

Starts `streamlit run dashboard.py` as bench/cold_start.py does (headless, free loopback port, file
watcher off), opens the overview once to warm it up (the first visitor extracts the corpus; timed and
reported apart), then opens --sessions pages at the same moment, each in its own browser context (a new
reader: empty HTTP cache, new Streamlit session), all in one headless Chromium. Each page is timed from
its navigation start to "overview fully drawn" (the milestones of bench/cold_start.py). The server's peak
memory is its VmHWM (peak resident set) from /proc at the end; its CPU time and the machine's CPU load
over the waves are recorded too. Browsers and server share the 2 cores, so the times include Chromium
drawing 20 pages at once. Writes bench/out/load.json.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

from paths import OUT  # also puts the project on sys.path

from cold_start import MILESTONES_JS, VIEWPORT, start_server  # noqa: E402
from pages_speed import git_state, versions, wait_until_idle  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, stop_server, wait_until_healthy  # noqa: E402

TARGET_P95_S = 3.0
TARGET_MEMORY_MB = 1024
DRAWN = "() => window.__qantarMarks && window.__qantarMarks.drawn !== undefined"


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in kB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        return {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in handle) if k in ("VmRSS", "VmHWM")}


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    return sum(values), values[3] + values[4]


async def one_session(browser, url: str, timeout_s: float, context=None) -> dict:
    """One new Streamlit session to the overview drawn; in its own browser context unless `context` is given."""
    own = context is None
    context = context or await browser.new_context(viewport=VIEWPORT)
    try:
        await context.add_init_script(MILESTONES_JS)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(url, wait_until="commit")
        try:
            await page.wait_for_function(DRAWN, timeout=timeout_s * 1000)
        except Exception as error:  # a session that never finished drawing is a result, not a crash
            return {"drawn_ms": None, "error": str(error).splitlines()[0]}
        marks = await page.evaluate("() => window.__qantarMarks")
        return {"drawn_ms": marks["drawn"], "milestones_ms": marks, "page_errors": errors,
                "exceptions": await page.locator('[data-testid="stException"]').count()}
    finally:
        await (context.close() if own else page.close())


async def waves(url: str, sessions: int, rounds: int, timeout_s: float, pid: int, shared_cache: bool) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        shared = await browser.new_context(viewport=VIEWPORT) if shared_cache else None
        start = time.perf_counter()
        warm_up = await one_session(browser, url, timeout_s, shared)
        warm_up["wall_s"] = time.perf_counter() - start
        results, cpu0, machine0, start = [], cpu_seconds(pid), machine_cpu(), time.perf_counter()
        for _ in range(rounds):
            results += await asyncio.gather(*(one_session(browser, url, timeout_s, shared) for _ in range(sessions)))
        wall = time.perf_counter() - start
        machine1 = machine_cpu()
        await browser.close()
    busy = 1 - (machine1[1] - machine0[1]) / max(1, machine1[0] - machine0[0])
    return {"warm_up": warm_up, "sessions": results, "wall_s": wall, "server_cpu_s": cpu_seconds(pid) - cpu0,
            "machine_cpu_busy": busy}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): the value at or under which q% of the sessions were drawn."""
    ranked = sorted(values)
    return ranked[max(0, min(len(ranked) - 1, -(-len(ranked) * q // 100) - 1))]


def measure(sessions: int, rounds: int, timeout_s: float, idle_wait_s: float, shared_cache: bool,
            app: str = "dashboard.py") -> dict:
    OUT.mkdir(exist_ok=True)
    idle = wait_until_idle(idle_wait_s)
    load_before = os.getloadavg()
    port = free_port()
    process = start_server(port, {**os.environ}, OUT / "load-server.log", app)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_healthy(url.rstrip("/"), process)
        run = asyncio.run(waves(url, sessions, rounds, timeout_s, process.pid, shared_cache))
        memory = proc_status(process.pid)
    finally:
        stop_server(process, timeout=20)
    drawn = [s["drawn_ms"] / 1000 for s in run["sessions"] if s["drawn_ms"] is not None]
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"), "app": app, "sessions_at_once": sessions, "rounds": rounds,
        "shared_cache": shared_cache,
        "drawn": len(drawn), "failed": len(run["sessions"]) - len(drawn),
        "p50_s": statistics.median(drawn) if drawn else None, "p95_s": percentile(drawn, 95) if drawn else None,
        "max_s": max(drawn) if drawn else None, "warm_up_drawn_s": (run["warm_up"]["drawn_ms"] or 0) / 1000,
        "server_peak_rss_mb": memory["VmHWM"] / 1024, "server_rss_end_mb": memory["VmRSS"] / 1024,
        "server_cpu_s": run["server_cpu_s"], "wall_s": run["wall_s"], "machine_cpu_busy": run["machine_cpu_busy"],
        "loadavg_before": load_before, "loadavg_after": os.getloadavg(), "idle": idle,
        "exceptions": sum(s.get("exceptions", 0) for s in run["sessions"]),
        "page_errors": sum(len(s.get("page_errors", [])) for s in run["sessions"]),
        "machine": {"cpus": os.cpu_count()}, "versions": versions(), "git": git_state(), "runs": run,
    }


def report(r: dict) -> str:
    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"
    lines = [
        f"{r['app']}: {r['sessions_at_once']} sessions at once x {r['rounds']} round(s), "
        f"{'one browser context (HTTP cache shared)' if r['shared_cache'] else 'a browser context each'}: "
        f"{r['drawn']} drawn, {r['failed']} not drawn",
        f"  warm-up (first visitor, corpus extracted): {r['warm_up_drawn_s']:.2f} s",
        f"  overview fully drawn   p50 {r['p50_s']:.2f} s   p95 {r['p95_s']:.2f} s   max {r['max_s']:.2f} s"
        f"   (target p95 < {TARGET_P95_S:.0f} s: {verdict(r['p95_s'] < TARGET_P95_S)})",
        f"  server peak memory     {r['server_peak_rss_mb']:.0f} MB (VmHWM; {r['server_rss_end_mb']:.0f} MB at the end)"
        f"   (target < {TARGET_MEMORY_MB} MB: {verdict(r['server_peak_rss_mb'] < TARGET_MEMORY_MB)})",
        f"  server CPU {r['server_cpu_s']:.1f} s ({r['server_cpu_s'] / max(1, r['drawn']):.2f} s a session) over {r['wall_s']:.1f} s of waves; machine CPUs "
        f"{100 * r['machine_cpu_busy']:.0f}% busy during them (server + Chromium + anything else)",
        f"  before: CPUs {100 * r['idle']['cpu_busy_at_start']:.0f}% busy, load average {r['loadavg_before'][0]:.2f}"
        + (" (still busy with other work: figures inflated)" if r["idle"]["still_busy"] else ""),
        f"  exception boxes {r['exceptions']}, page errors {r['page_errors']}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="browser sessions opened at once (default 20)")
    parser.add_argument("--rounds", type=int, default=1, help="waves of sessions, one after the other (default 1)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a session may take to draw (default 120)")
    parser.add_argument("--idle-wait", type=float, default=180, help="seconds to wait for a quiet machine (default 180)")
    parser.add_argument("--shared-cache", action="store_true",
                        help="open every page in one browser context, so the frontend's JavaScript comes from its HTTP cache")
    parser.add_argument("--app", default="dashboard.py",
                        help="the script to serve (default dashboard.py; bench/floor_app.py: the stack's floor)")
    args = parser.parse_args(argv)
    result = measure(args.sessions, args.rounds, args.timeout, args.idle_wait, args.shared_cache, args.app)
    name = "load" + ("-" + Path(args.app).stem if args.app != "dashboard.py" else "") + \
        ("-shared-cache" if args.shared_cache else "") + ".json"
    (OUT / name).write_text(json.dumps(result, indent=1, default=str))
    print(report(result))
    print(f"-> {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
