import codecs

import pytest

from kzdata.reading import UnreadableInput, decode_article, html_to_text, matching_view, repair_mojibake


def test_utf8_text_is_kept_as_is():
    decoded = decode_article("Warga Almaty berkumpul.\n".encode("utf-8"))
    assert decoded.text == "Warga Almaty berkumpul.\n"
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_detected(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode_article(bom + "Polisi menahan 30 orang.".encode(codec))
    assert decoded.text == "Polisi menahan 30 orang."


def test_windows_1252_falls_back():
    decoded = decode_article("Kafe di Aktau ditutup “sementara”.".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert "“sementara”" in decoded.text


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"), (b"   \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_unreadable_input_names_the_file_and_the_reason(raw, reason):
    with pytest.raises(UnreadableInput, match=rf"berita\.txt: .*{reason}"):
        decode_article(raw, "berita.txt")


def test_mojibake_is_repaired():
    fixed, count = repair_mojibake("Aktau â€“ Para pengunjuk rasa â€œmenolakâ€\x9d kenaikan harga")
    assert fixed.startswith("Aktau – Para")
    assert count >= 2


def test_html_keeps_text_and_drops_scripts():
    text = html_to_text("<html><head><title>x</title><script>alert('x')</script></head><body>"
                        "<nav>Beranda | Dunia</nav><h1>Judul Berita</h1><p>Paragraf &amp; isi.</p></body></html>")
    assert "alert" not in text and "Beranda" not in text
    assert "Judul Berita\n\nParagraf & isi." in text


def test_html_input_is_converted():
    decoded = decode_article(b"<html><body><p>Satu.</p><p>Dua.</p></body></html>")
    assert decoded.was_html and decoded.text == "Satu.\n\nDua.\n"


def test_matching_view_keeps_every_offset():
    text = "Almaty\u00a0– “kota” ‘lama’ se\u200bkarang…"
    view = matching_view(text)
    assert len(view) == len(text)
    assert view == "Almaty - \"kota\" 'lama' se karang."
