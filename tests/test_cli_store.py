"""`python -m kzdata ingest | list | remove | export`, run as a user would, on a database of the test's own."""
import json
import os
import subprocess
import sys

import pytest

from tests import articles
from tests.conftest import ROOT



@pytest.fixture
def kzdata(tmp_path):
    """Runs `python -m kzdata ARGS` with $QANTAR_DATABASE pointing at a fresh database."""
    env = {**os.environ, "QANTAR_DATABASE": str(tmp_path / "qantar.sqlite"), "PYTHONIOENCODING": "utf-8"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "kzdata", *map(str, args)], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
    return run


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "shymkent.txt").write_text(articles.SHYMKENT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "wire.html").write_text(f"<html><body><pre>{articles.WIRE}</pre></body></html>", encoding="utf-8")
    return folder


def test_ingest_stores_the_good_files_names_the_bad_one_and_exits_non_zero(kzdata, files):
    done = kzdata("ingest", files / "shymkent.txt", files / "empty.txt", files / "wire.html",
                  "--outlet", "Kabar Contoh", "--published", "2022-01-10", "--url", "https://contoh.id/berita")
    assert done.returncode == 1
    assert done.stdout.count("saved as") == 2
    assert [line for line in done.stderr.splitlines() if "empty.txt" in line] == [
        f"kzdata: {files / 'empty.txt'}: the file is empty"]
    listed = kzdata("list").stdout
    assert "shymkent.txt" in listed and "wire.html" in listed and "Kabar Contoh" in listed
    assert listed.count(" seed ") == 2


def test_a_second_ingest_of_the_same_file_stores_nothing_and_succeeds(kzdata, files):
    kzdata("ingest", files / "shymkent.txt")
    again = kzdata("ingest", files / "shymkent.txt")
    assert again.returncode == 0 and "already stored" in again.stdout
    assert kzdata("list").stdout.count("shymkent.txt") == 1


def test_remove_takes_an_article_out_and_refuses_seeds_and_unknown_ids(kzdata, files):
    saved = kzdata("ingest", files / "shymkent.txt").stdout
    article_id = saved.strip().rsplit(" ", 1)[-1]
    assert kzdata("remove", article_id).returncode == 0
    assert "shymkent.txt" not in kzdata("list").stdout
    seed_id = kzdata("list").stdout.splitlines()[1].split()[0]
    refused = kzdata("remove", seed_id)
    assert refused.returncode == 2 and "seed" in refused.stderr
    unknown = kzdata("remove", "ffffffffffff")
    assert unknown.returncode == 2 and "ffffffffffff" in unknown.stderr


def test_export_gives_the_seeds_and_stored_articles_in_each_format(kzdata, files, tmp_path):
    kzdata("ingest", files / "shymkent.txt", "--outlet", "Kabar Contoh")
    tables = json.loads(kzdata("export", "--format", "json").stdout)
    assert len(tables["articles"]) == 3 and "Kabar Contoh" in {a["outlet"] for a in tables["articles"]}
    geo = json.loads(kzdata("export", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection"
    assert "Shymkent" in {feature["properties"]["place"] for feature in geo["features"]}
    done = kzdata("export", "--format", "csv", "--out", tmp_path / "csv")
    assert done.returncode == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "articles.csv", "events.csv", "figures.csv", "places.csv", "sentences.csv"]


def test_a_database_that_cannot_be_opened_is_a_one_line_error(kzdata, tmp_path):
    (tmp_path / "folder").mkdir()
    done = kzdata("--database", tmp_path / "folder", "list")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"kzdata: database {tmp_path / 'folder'}: is a folder, not a database file"]
