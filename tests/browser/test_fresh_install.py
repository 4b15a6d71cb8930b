"""A fresh machine: a new virtualenv with only requirements.txt, the server started as the README says.

Slow (a pip install of the runtime dependencies, a minute or more); it runs in the default
``python -m pytest`` and in CI. Outside CI it is skipped when PyPI cannot be reached.
"""
import os
import subprocess
import sys
import urllib.request

import pytest

from tests.browser.conftest import ROOT, free_port, screenshot, stop_server, wait_for_app, wait_until_healthy

PYPI = "https://pypi.org/simple/pip/"


def _pypi_unreachable() -> str | None:
    try:
        with urllib.request.urlopen(PYPI, timeout=15):
            return None
    except OSError as error:
        return f"PyPI cannot be reached ({error}), so requirements.txt cannot be installed"


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, chromium_path):
    reason = _pypi_unreachable()
    if reason and os.environ.get("CI") != "true":
        pytest.skip(reason)
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"], cwd=ROOT,
                             capture_output=True, text=True, env=_fresh_env(venv.parent))
    assert install.returncode == 0, f"pip install -r requirements.txt failed:\n{install.stdout[-3000:]}{install.stderr[-3000:]}"
    return venv


def _fresh_env(home) -> dict:
    """The environment of a new user: no PYTHONPATH, no virtualenv of ours, an empty home folder."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "QANTAR_DATABASE"}}
    return {**env, "HOME": str(home)}


@pytest.mark.slow
def test_the_readme_command_serves_the_overview(fresh_venv, browser):
    port = free_port()
    command = [str(fresh_venv / "bin" / "streamlit"), "run", "dashboard.py", "--server.headless", "true",
               "--server.port", str(port)]
    log = fresh_venv.parent / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                   env=_fresh_env(fresh_venv.parent))
    url = f"http://localhost:{port}"
    try:
        wait_until_healthy(url, process, timeout=120)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        wait_for_app(page, timeout=120_000)
        assert page.locator("h1").first.inner_text().startswith("Qantar")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stSidebarNav"]').count() == 1
        screenshot(page, "fresh-install-overview")
        context.close()
    finally:
        stop_server(process)
        print(log.read_text(errors="replace")[-3000:])
