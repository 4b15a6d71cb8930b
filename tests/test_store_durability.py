"""Nothing is lost: an ingest killed with SIGKILL leaves whole articles or none, and concurrent ingests both succeed."""
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from kzdata import store
from tests import articles
from tests.conftest import ROOT



def write_articles(folder: Path, texts: list[str], prefix: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, text in enumerate(texts):
        path = folder / f"{prefix}_{index:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def start_ingest(database: Path, paths: list[Path]) -> subprocess.Popen:
    command = [sys.executable, "-m", "kzdata", "--database", str(database), "ingest", *map(str, paths)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_rows(database: Path) -> list:
    engine = store.open_database(store.database_url(str(database)))
    with engine.connect() as connection:
        return connection.execute(sa.select(store.stored_articles)).all()


def assert_every_row_whole(database: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    for row in stored_rows(database):
        digest = hashlib.sha256(row.raw).hexdigest()
        assert (row.content_hash, row.article_id, row.size) == (digest, digest[:12], len(row.raw))
        assert row.file_name and row.added_at is not None


def test_an_ingest_killed_midway_leaves_whole_articles_and_a_rerun_stores_the_rest(tmp_path):
    database = tmp_path / "qantar.sqlite"
    paths = write_articles(tmp_path / "in", articles.generated(400), "killed")
    process = start_ingest(database, paths)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if database.exists() and len(stored_rows(database)) >= 20:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the ingest ended before it could be killed; give it more articles"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    survivors = len(stored_rows(database))
    assert 20 <= survivors < len(paths)
    assert_every_row_whole(database)
    rerun = start_ingest(database, paths)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert out.count("saved as") == len(paths) - survivors
    assert err.count("already stored") + out.count("already stored") == survivors
    assert len(stored_rows(database)) == len(paths)
    assert_every_row_whole(database)


def test_two_ingests_at_once_both_succeed(tmp_path):
    database = tmp_path / "qantar.sqlite"
    first = write_articles(tmp_path / "a", articles.generated(60, start=0), "first")
    second = write_articles(tmp_path / "b", articles.generated(60, start=1000), "second")
    processes = [start_ingest(database, first), start_ingest(database, second)]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, err
        assert out.count("saved as") == 60
    names = {Path(row.file_name).name for row in stored_rows(database)}
    assert names == {path.name for path in first + second}
    assert_every_row_whole(database)
