"""The same storage on a real PostgreSQL server, started on loopback for these tests.

CI installs Debian's postgresql (.ci/run); elsewhere, without its server programs or the psycopg driver,
the tests skip and say which is missing. Under CI=true a missing server is a failure.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kzdata import store
from kzdata.corpus import ArticleInfo
from tests import articles
from tests.browser.conftest import free_port
from tests.conftest import ROOT


def _server_programs() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _missing() -> str | None:
    if _server_programs() is None:
        return "no PostgreSQL server programs (initdb) found: apt-get install postgresql"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (pip install -r requirements.txt)"
    return None


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user Debian's package creates."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres_url():
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the PostgreSQL tests must run in CI: {reason}")
        pytest.skip(reason)
    programs = _server_programs()
    folder = Path(tempfile.mkdtemp(prefix="qantar-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", free_port()
    subprocess.run(_as_server_user([str(programs / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]),
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(programs / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                                    str(folder / "server.log"), "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def engine(postgres_url):
    engine = store.open_database(postgres_url)
    with engine.begin() as connection:
        connection.execute(store.stored_articles.delete())
    return engine


def test_articles_are_stored_listed_loaded_and_removed_on_postgresql(engine):
    saved = store.ingest(engine, articles.SHYMKENT.encode(), "a.txt", ArticleInfo(outlet="Kabar Contoh"))
    assert saved.status == "saved"
    assert store.ingest(engine, articles.SHYMKENT.encode(), "b.txt").status == "duplicate"
    assert [a.file_name for a in store.list_articles(engine) if not a.seed] == ["a.txt"]
    corpus = store.load(engine)
    assert "Kabar Contoh" in set(corpus.articles.outlet)
    assert store.remove(engine, saved.article_id).file_name == "a.txt"
    assert [a for a in store.list_articles(engine) if not a.seed] == []


def test_bytes_come_back_unchanged_from_postgresql(engine):
    raw = b"\xef\xbb\xbf" + articles.WIRE.encode("utf-8")
    store.ingest(engine, raw, "bom.txt")
    _, name, _ = store.stored_inputs(engine)[0]
    with engine.connect() as connection:
        assert connection.execute(store.stored_articles.select()).one().raw == raw
    assert name == "bom.txt"


def test_the_command_line_ingests_into_postgresql(postgres_url, tmp_path, engine):
    path = tmp_path / "wire.txt"
    path.write_text(articles.WIRE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kzdata", "--database", postgres_url, "ingest", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [a.file_name for a in store.list_articles(engine) if not a.seed] == [str(path)]
