"""Turn the bytes of an article file into the text every offset refers to.

The text kept for an article is the decoded (and, for HTML, extracted) text with mis-decoded
UTF-8 repaired. Everything after that works on :func:`matching_view`, a copy of the same length,
so offsets found there point at the same characters in the text the reader shows.
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_BYTES_DEFAULT = 2 * 1024 * 1024


class UnreadableInput(ValueError):
    """Raised with a one-line reason when a file cannot be turned into article text."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    was_html: bool
    repaired_mojibake: int


def decode_article(raw: bytes, name: str = "input") -> DecodedText:
    if not raw or not raw.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    text, encoding = _decode(raw, name)
    was_html = looks_like_html(text)
    if was_html:
        text = html_to_text(text)
    text, repaired = repair_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput(f"{name}: no readable text in the file")
    return DecodedText(text, encoding, was_html, repaired)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    if _looks_binary(raw):
        raise UnreadableInput(f"{name}: binary data, not text (found NUL or control bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise UnreadableInput(f"{name}: not UTF-8, UTF-16 or Windows-1252 text")
    return text, "cp1252"


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    return b"\x00" in sample or controls > len(sample) // 50


_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]{1,3}")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 that was decoded as Windows-1252 ("â€“" back to "–"), run by run."""
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        try:
            fixed = match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group()
        count += 1
        return fixed

    return _MOJIBAKE.sub(fix, text), count


_SAME_LENGTH = {
    **{c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000\ufeff"},
    **{c: " " for c in "\u200b\u200c\u200d\u2060\u00ad\t\v\f"},
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    "\u2026": ".",
}
# What becomes of ASCII characters: none is made into a character replaced itself, so one after another.
_ASCII_SAME_LENGTH = [(char, same) for char, same in _SAME_LENGTH.items() if char.isascii()]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def matching_view(text: str) -> str:
    """The text with spaces, quotes and dashes unified and compatibility forms folded, same length.

    Only one-to-one replacements are made, so ``matching_view(t)[i]`` always stands for ``t[i]``.
    The few ASCII characters replaced are each found by ``str.replace``, and the regex engine finds
    the others, which are rare: many times faster than ``str.translate``, which looks up every character.
    """
    for char, same in _ASCII_SAME_LENGTH:
        text = text.replace(char, same)
    if text.isascii():
        return text
    return _NON_ASCII.sub(_same_or_folded, text)


def _same_or_folded(match: re.Match) -> str:
    char = match.group()
    if char in _SAME_LENGTH:
        return _SAME_LENGTH[char]
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


_HTML_HINT = re.compile(r"<(html|body|p|div|article|br|h[1-6]|script|span|meta)\b", re.I)


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:20000])) >= 2 or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section",
             "figcaption", "figure", "blockquote", "header", "footer", "ul", "ol", "table", "title"}
    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "form", "button"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per paragraph; scripts and styles are dropped, never run."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
