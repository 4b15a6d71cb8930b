"""`python -m kzdata extract`: output formats, command-line info, unreadable files and encodings.

Run in a subprocess (as a user would) and through `kzdata.cli.main` where that is simpler. Every
article text here is invented for the tests.
"""
import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys

import pytest

from kzdata.cli import main
from kzdata.schema import TABLES
from tests.conftest import ROOT

SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
KOMPAS_SEED = "seeds/003_dc782ff384945c2f.txt"
TABLE_NAMES = ["articles", "sentences", "events", "figures", "places"]
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ARTICLE = """Polisi Shymkent Tahan Puluhan Penjarah Toko Elektronik

SHYMKENT - Polisi di kota Shymkent menahan 37 orang yang diduga menjarah toko elektronik di pusat kota pada hari Sabtu, kata juru bicara kepolisian setempat.

Menurut polisi, sebagian besar barang curian sudah dikembalikan kepada pemilik toko, sementara pusat perbelanjaan di kota itu mulai dibuka kembali.
"""

WEATHER = """Salju Tebal Selimuti Almaty

Warga kota Almaty diminta berhati-hati karena salju turun lebat sepanjang hari dan jalan-jalan menjadi licin. Dinas cuaca setempat memperkirakan udara dingin masih akan bertahan hingga akhir pekan.
"""

# Curly quotes, an en dash and an accented letter: different bytes in UTF-16, cp1252 and UTF-8.
ENCODED = """Warga Aktau Kembali Antre di Pom Bensin

AKTAU – Antrean kendaraan kembali mengular di sejumlah pom bensin di Aktau pada Selasa, 11 Januari 2022, setelah harga gas diturunkan.

“Sekarang harganya sudah masuk akal,” kata pemilik sebuah kafe bernama Café Kaspia yang ikut mengantre.
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Berita Dunia</title>
<script>var iklanRahasia = "JANGAN_DITAMPILKAN"; trackPageView();</script>
<style>.judul { font-weight: bold }</style></head>
<body><nav>Beranda | Dunia | Ekonomi</nav>
<article><h1>Bandara Almaty Dibuka Lagi</h1>
<p>ALMATY, KOMPAS.TV - Bandara Internasional Almaty kembali beroperasi pada Kamis, 13 Januari 2022, setelah ditutup lebih dari sepekan.</p>
<script type="text/javascript">document.write("SKRIP_KEDUA_TERSEMBUNYI");</script>
<p>Maskapai setempat menjadwalkan penerbangan ke Nur-Sultan dan Shymkent mulai sore hari.</p>
</article></body></html>
"""


def run_cli(*args, cwd=ROOT):
    """`python -m kzdata ARGS` in a fresh process from the repository root."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kzdata", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def strict_json(text: str) -> dict:
    """json.loads that refuses NaN and Infinity, which are not JSON."""
    def refuse(constant):
        raise AssertionError(f"non-JSON constant {constant} in the output")
    return json.loads(text, parse_constant=refuse)


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def stderr_lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


@pytest.fixture(scope="module")
def seeds_json():
    done = run_cli("extract", *SEEDS, "--format", "json")
    return done, strict_json(done.stdout)


# --------------------------------------------------------------------------- JSON

def test_json_on_the_seeds_is_one_object_of_the_five_tables(seeds_json):
    done, data = seeds_json
    assert done.returncode == 0, done.stderr
    assert isinstance(data, dict)
    assert list(data) == TABLE_NAMES
    assert len(data["articles"]) == len(SEEDS)
    assert all(data[name] for name in TABLE_NAMES), "every table has rows for the seeds"


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_json_rows_have_exactly_the_schema_columns(seeds_json, table):
    _, data = seeds_json
    for row in data[table]:
        assert list(row) == column_names(table)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_json_values_are_plain_json_of_the_schema_types(seeds_json, table):
    """Dates as ISO 8601 strings, missing values as null, integers as integers, flags as booleans."""
    _, data = seeds_json
    for column in TABLES[table]:
        for row in data[table]:
            value = row[column.name]
            if value is None:
                continue
            if column.dtype == "datetime64[ns]":
                assert isinstance(value, str) and ISO_DAY.match(value), (column.name, value)
            elif column.dtype.startswith("datetime64[ns,"):
                assert isinstance(value, str) and dt.datetime.fromisoformat(value).utcoffset() is not None
            elif column.dtype == "Int64":
                assert isinstance(value, int) and not isinstance(value, bool), (column.name, value)
            elif column.dtype == "Float64":
                assert isinstance(value, (int, float)) and not isinstance(value, bool), (column.name, value)
            elif column.dtype == "boolean":
                assert isinstance(value, bool), (column.name, value)
            else:
                assert isinstance(value, str), (column.name, value)


def test_json_dates_and_nulls_on_the_seeds(seeds_json):
    done, data = seeds_json
    assert "NaN" not in done.stdout and "NaT" not in done.stdout
    kompas = next(a for a in data["articles"] if a["source_file"] == KOMPAS_SEED)
    assert kompas["published"] == "2022-01-13T09:46:00+00:00"     # 16:46 WIB
    assert kompas["reference_date"] == "2022-01-13"
    tagar = next(a for a in data["articles"] if a["source_file"] != KOMPAS_SEED)
    assert tagar["published"] is None and tagar["author"] is None  # not stated: null, not NaN or ""
    dates = [e["date"] for e in data["events"]]
    assert dates and all(ISO_DAY.match(d) for d in dates)
    assert "2022-01-05" in dates                                     # "Rabu, 5 Januari 2022"
    assert any(e["place"] is None for e in data["events"])
    assert any(f["value"] is None for f in data["figures"])          # "puluhan": a vague count


# --------------------------------------------------------------------------- CSV

def split_csv_sections(stdout: str) -> dict[str, list[list[str]]]:
    """The tables printed by --format csv, each under its "# <table>" line, in schema order."""
    positions = []
    for name in TABLE_NAMES:
        marker = f"# {name}\n"
        at = stdout.find(marker, positions[-1][1] if positions else 0)
        assert at != -1, f"no {marker.strip()!r} line"
        assert at == 0 or stdout[at - 1] == "\n", f"{marker.strip()!r} does not start a line"
        positions.append((name, at + len(marker), at))
    sections = {}
    for i, (name, begin, _) in enumerate(positions):
        end = positions[i + 1][2] if i + 1 < len(positions) else len(stdout)
        sections[name] = [row for row in csv.reader(io.StringIO(stdout[begin:end])) if row]
    return sections


def test_csv_prints_each_table_under_its_name(seeds_json):
    done = run_cli("extract", *SEEDS, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# articles\n")
    sections = split_csv_sections(done.stdout)
    _, data = seeds_json
    for name in TABLE_NAMES:
        header, *rows = sections[name]
        assert header == column_names(name)
        assert len(rows) == len(data[name]), name
        assert not any(cell in ("nan", "NaN", "<NA>", "NaT", "None") for row in rows for cell in row)


def test_csv_out_writes_five_files_with_the_schema_headers(tmp_path, capsys):
    out = tmp_path / "tabel"
    status = main(["extract", *(str(ROOT / s) for s in SEEDS), "--format", "csv", "--out", str(out)])
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLE_NAMES)
    for name in TABLE_NAMES:
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == column_names(name)
        assert len(rows) > 1, f"{name}.csv has no rows"
    kompas = next(r for r in csv.DictReader((out / "articles.csv").open(encoding="utf-8", newline=""))
                  if r["source_file"].endswith("003_dc782ff384945c2f.txt"))
    assert kompas["published"] == "2022-01-13T09:46:00+00:00"


# --------------------------------------------------------------------------- what the text does not say

def test_outlet_url_and_published_reach_the_articles_table(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run_cli("extract", path, "--outlet", "Warta Contoh", "--url", "https://contoh.id/dunia/123",
                   "--published", "2022-01-10")
    assert done.returncode == 0, done.stderr
    data = strict_json(done.stdout)
    [article] = data["articles"]
    assert article["outlet"] == "Warta Contoh"
    assert article["url"] == "https://contoh.id/dunia/123"
    published = dt.datetime.fromisoformat(article["published"])
    assert published.astimezone(dt.timezone(dt.timedelta(hours=7))) == \
        dt.datetime(2022, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=7)))     # midnight WIB, stored in UTC
    assert article["published_inferred"] is False
    assert article["reference_date"] == "2022-01-10"
    assert all(row["outlet"] == "Warta Contoh" for row in data["events"] + data["figures"])


def test_published_in_another_format_is_an_argparse_error(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run_cli("extract", path, "--published", "10/01/2022")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "error: argument --published:" in done.stderr
    assert "10/01/2022" in done.stderr


def test_published_error_through_main(tmp_path, capsys):
    path = tmp_path / "berita.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(path), "--published", "10/01/2022"])
    assert exited.value.code == 2
    assert "--published" in capsys.readouterr().err


# --------------------------------------------------------------------------- unreadable files

UNREADABLE = {
    "hilang.txt": (None, "cannot be read"),
    "kosong.txt": (b"", "empty"),
    "gambar.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06", "binary"),
    # bytes that are neither UTF-8 nor defined in Windows-1252
    "rusak.txt": (b"Berita dari Almaty " + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 12 + b" selesai.",
                  "not UTF-8"),
}


def test_unreadable_files_get_one_line_each_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "berita_baik.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    paths = []
    for name, (raw, _) in UNREADABLE.items():
        path = tmp_path / name
        if raw is not None:
            path.write_bytes(raw)
        paths.append(path)
    done = run_cli("extract", paths[0], paths[1], good, paths[2], paths[3])
    assert done.returncode == 1
    for path, (_, reason) in zip(paths, UNREADABLE.values()):
        lines = stderr_lines_naming(done.stderr, path.name)
        assert len(lines) == 1, (path.name, done.stderr)
        assert str(path) in lines[0] and reason in lines[0], lines[0]
    data = strict_json(done.stdout)
    assert [a["source_file"] for a in data["articles"]] == [str(good)]
    assert data["events"] and data["figures"]


def test_nothing_readable_still_prints_the_five_empty_tables(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"   \n")
    done = run_cli("extract", empty, tmp_path / "hilang.txt")
    assert done.returncode == 1
    assert strict_json(done.stdout) == {name: [] for name in TABLE_NAMES}
    assert len(done.stderr.strip().splitlines()) == 2


def test_the_same_content_twice_is_read_once_and_is_not_an_error(tmp_path):
    first, second = tmp_path / "satu.txt", tmp_path / "dua.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE, encoding="utf-8")
    done = run_cli("extract", first, second)
    assert done.returncode == 0
    assert len(strict_json(done.stdout)["articles"]) == 1
    [line] = stderr_lines_naming(done.stderr, "dua.txt")
    assert "read once" in line


def test_exit_status_does_not_depend_on_the_file_path(tmp_path):
    folder = tmp_path / "read once"
    folder.mkdir()
    (folder / "kosong.txt").write_bytes(b"")
    assert main(["extract", str(folder / "kosong.txt")]) == 1


# --------------------------------------------------------------------------- no data is not an error

def test_an_article_without_dates_or_figures_is_a_note_not_an_error(tmp_path):
    path = tmp_path / "cuaca.txt"
    path.write_text(WEATHER, encoding="utf-8")
    done = run_cli("extract", path)
    assert done.returncode == 0
    data = strict_json(done.stdout)
    [article] = data["articles"]
    assert article["title"] == "Salju Tebal Selimuti Almaty"
    assert data["events"] == [] and data["figures"] == []
    assert [line for line in done.stderr.splitlines() if "note" in line and path.name in line], done.stderr
    assert "no events or figures" in done.stderr


# --------------------------------------------------------------------------- encodings and HTML

@pytest.mark.parametrize("encoding, raw", [
    ("utf-16", codecs.BOM_UTF16_LE + ENCODED.encode("utf-16-le")),
    ("utf-16", codecs.BOM_UTF16_BE + ENCODED.encode("utf-16-be")),
    ("cp1252", ENCODED.encode("cp1252")),
])
def test_utf16_with_bom_and_cp1252_files_are_read(tmp_path, capsys, encoding, raw):
    path = tmp_path / "antre.txt"
    path.write_bytes(raw)
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    data = strict_json(captured.out)
    [article] = data["articles"]
    assert article["text"] == ENCODED
    assert article["title"] == "Warga Aktau Kembali Antre di Pom Bensin"
    assert f"decoded as {encoding}" in article["notes"]
    assert any(p["name"] == "Aktau" for p in data["places"])


def test_html_is_converted_and_scripts_are_dropped(tmp_path):
    path = tmp_path / "halaman.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    done = run_cli("extract", path)
    assert done.returncode == 0, done.stderr
    data = strict_json(done.stdout)
    [article] = data["articles"]
    text = article["text"]
    assert "Bandara Internasional Almaty kembali beroperasi" in text
    for hidden in ("JANGAN_DITAMPILKAN", "trackPageView", "SKRIP_KEDUA_TERSEMBUNYI", "document.write",
                   "font-weight", "Beranda", "<p>", "<script"):
        assert hidden not in text
    assert "SKRIP_KEDUA" not in done.stdout
    assert article["title"] == "Bandara Almaty Dibuka Lagi"
    assert "converted from HTML" in article["notes"]
    assert any(e["type"] == "airport_reopened" for e in data["events"])
