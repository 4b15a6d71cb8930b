"""Split an article into blocks and sentences with character offsets, and tell the story from the page.

Each line of the text is a block. Blocks are classified by their layout (a headline has no final
punctuation and capitalised words; a caption ends with a photo credit; "Baca Juga:" introduces a
link), then by their place relative to the first paragraph of running prose. Only title,
standfirst, caption and body sentences feed the extractor; boilerplate is kept for the reader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import language as lang
from .reading import matching_view

TITLE, STANDFIRST, CAPTION, BODY, BOILERPLATE = "title", "standfirst", "caption", "body", "boilerplate"
SENTENCE_KINDS = (TITLE, STANDFIRST, CAPTION, BODY, BOILERPLATE)
CONTENT_KINDS = (TITLE, STANDFIRST, CAPTION, BODY)

_LINE = re.compile(r"[^\n]+")
_ENDS_SENTENCE = re.compile(r"[.!?]$")
_PROSE_END = re.compile(r"[.!?][\"')\]]*$")
_HEADLINE_END = re.compile(r"[.!?;:\"]$")
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass(frozen=True)
class Sentence:
    sentence_id: int
    start: int
    end: int
    kind: str
    role: str       # finer label: "", "related", "section", "byline", "meta", "markup", "credit", "signoff", "teaser"
    paragraph: int


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str       # from the matching view


class TailPattern:
    """A pattern that ends with ``$``, searched fast when it starts with ``\\s*``.

    A pattern led by ``\\s*`` is tried at every character of a line: the regex engine cannot skip
    ahead to where it could begin. The leftmost match of ``\\s*C`` starts where the whitespace
    before the leftmost match of ``C`` starts, so ``C`` alone is searched (usually led by a literal,
    which the engine skips ahead to) and the whole pattern matched from there: the same match.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        core = pattern[3:]
        plain_lead = pattern.startswith(r"\s*") and not core.startswith(("?", "+"))
        self.core = re.compile(core, flags) if plain_lead and len(lang.branches(core)) == 1 else None

    def search(self, text: str) -> re.Match | None:
        if self.core is None:
            return self.regex.search(text)
        found = self.core.search(text)
        if found is None:
            return None
        return self.regex.match(text, len(text[:found.start()].rstrip()))

    def cut(self, text: str) -> str:
        """The text without the match (``regex.sub("", text)`` for a line, which can hold only one)."""
        match = self.search(text)
        return text[:match.start()] + text[match.end():] if match else text


@dataclass(frozen=True)
class Layout:
    related: re.Pattern
    section_end: frozenset
    byline: re.Pattern
    credit: TailPattern
    signoff: TailPattern
    markup: re.Pattern
    trailing_markup: TailPattern
    dateline: re.Pattern
    sentence_end: re.Pattern
    abbreviations: frozenset
    minor_words: frozenset
    meta_separator: str
    timestamp: re.Pattern

    def is_meta(self, text: str) -> bool:
        return self.meta_separator in text or bool(self.timestamp.search(text))


@lru_cache(maxsize=None)
def layout(language: str = "id") -> Layout:
    data = lang.load("layout", language)
    alternation = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return Layout(
        related=re.compile(rf"^(?:{alternation(data['related_markers'])})\b\s*(?::|$)", re.I),
        section_end=frozenset(w.lower() for w in data["section_end_markers"]),
        byline=re.compile(rf"^(?:{alternation(data['byline_labels'])})\s*:", re.I),
        credit=TailPattern(rf"\s*\((?:{alternation(data['credit_labels'])})\.?\s*:[^()]*\)[.]?\s*$", re.I),
        signoff=TailPattern(rf"\s*{data['signoff_pattern']}(?:\s*\[\s*\])?\s*$", re.I),
        markup=re.compile(data["stray_markup_pattern"]),
        trailing_markup=TailPattern(data["trailing_markup_pattern"]),
        dateline=re.compile(data["dateline_pattern"]),
        # "[.!?]" written out before its repetition, not "[.!?]+": the regex engine then skips ahead to it
        sentence_end=re.compile(r"[.!?][.!?]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"),
        abbreviations=frozenset(data["abbreviations"]),
        minor_words=frozenset(data["headline_minor_words"]),
        meta_separator=data["meta_separator"],
        timestamp=re.compile(data["timestamp_hint"]),
    )


def segment(text: str, language: str = "id", view: str | None = None) -> list[Sentence]:
    """The sentences of the text. ``view``: ``matching_view(text)``, if already made."""
    view = matching_view(text) if view is None else view
    rules = layout(language)
    lines = _lines(view)
    kinds = _classify(lines, rules)
    sentences: list[Sentence] = []
    for paragraph, (line, (kind, role)) in enumerate(zip(lines, kinds)):
        for start, end, piece_kind, piece_role in _pieces(line, kind, role, rules):
            sentences.append(Sentence(len(sentences), start, end, piece_kind, piece_role, paragraph))
    return sentences


def _lines(view: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(view):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            lines.append(_Line(start, start + len(stripped), stripped))
    return lines


def _classify(lines: list[_Line], rules: Layout) -> list[tuple[str, str]]:
    """Give every line a (kind, role), using where it stands relative to the first prose line."""
    roles = [_boilerplate_role(line.text, rules) for line in lines]
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line.text, rules)
                        and not roles[i] and not rules.credit.search(line.text)),
                       len(lines))
    title = _find_title(lines, first_prose, rules, roles)
    kinds: list[tuple[str, str]] = []
    story_over = False
    for i, line in enumerate(lines):
        role = roles[i]
        if i < first_prose:
            kinds.append(_before_body(i, title, line.text, role, rules))
            continue
        if story_over or line.text.lower().rstrip(":") in rules.section_end:
            story_over = True
            kinds.append((BOILERPLATE, role or "teaser"))
        elif role:
            kinds.append((BOILERPLATE, role))
        elif rules.credit.search(line.text):
            kinds.append((CAPTION, ""))
        elif _is_headline(line.text, rules):
            kinds.append((BOILERPLATE, "related"))
        else:
            kinds.append((BODY, ""))
            story_over = bool(rules.signoff.search(line.text))
    return kinds


def _before_body(i: int, title: int | None, text: str, role: str, rules: Layout) -> tuple[str, str]:
    if i == title:
        return TITLE, ""
    if title is None or i < title:
        return BOILERPLATE, role or "teaser"
    if role:
        return BOILERPLATE, role
    if rules.credit.search(text):
        return CAPTION, ""
    if rules.is_meta(text):
        return BOILERPLATE, "meta"
    return STANDFIRST, ""


def _find_title(lines: list[_Line], first_prose: int, rules: Layout, roles: list[str]) -> int | None:
    """The headline nearest above the first paragraph, skipping captions, meta lines and a standfirst."""
    for i in range(first_prose - 1, -1, -1):
        text = lines[i].text
        if roles[i] or rules.is_meta(text) or rules.credit.search(text):
            continue
        if _is_headline(text, rules):
            return i
    candidates = [i for i in range(first_prose) if not roles[i]]
    return candidates[0] if candidates else None


def _boilerplate_role(text: str, rules: Layout) -> str:
    if rules.markup.match(text):
        return "markup"
    if rules.related.match(text):
        return "related"
    if rules.byline.match(text):
        return "byline"
    if text.lower().rstrip(":") in rules.section_end or (text.isupper() and len(text.split()) <= 3):
        return "section"
    if text.count(rules.meta_separator) >= 2 and not _ENDS_SENTENCE.search(text):
        return "menu"
    return ""


def _is_prose(text: str, rules: Layout) -> bool:
    words = text.split()
    return (_PROSE_END.search(rules.trailing_markup.cut(text)) is not None and len(words) >= 6) \
        or len(words) >= 30


def _is_headline(text: str, rules: Layout) -> bool:
    """Short, unpunctuated at the end, and most words capitalised: how titles and link lists look."""
    if _HEADLINE_END.search(text):
        return False
    words = [w for w in _HEADLINE_WORD.findall(text) if w.lower() not in rules.minor_words]
    if not words or len(text.split()) > 20:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= 0.6


def _pieces(line: _Line, kind: str, role: str, rules: Layout):
    """Sentences of one line, with trailing credits, sign-offs and stray markup split off as boilerplate."""
    text, start = line.text, line.start
    tail: list[tuple[int, int, str, str]] = []
    if kind != BOILERPLATE:
        for pattern, tail_role in ((rules.trailing_markup, "markup"), (rules.signoff, "signoff"),
                                   (rules.credit, "credit")):
            match = pattern.search(text)
            if match and match.start() > 0:
                piece = match.group().strip()
                offset = start + match.start() + match.group().index(piece)
                tail.insert(0, (offset, offset + len(piece), BOILERPLATE, tail_role))
                text = text[:match.start()].rstrip()
    if kind in (TITLE, BOILERPLATE):
        spans = [(start, start + len(text))]
    else:
        spans = split_sentences(text, start, rules)
    return [(s, e, kind, role) for s, e in spans] + tail


def split_sentences(text: str, offset: int, rules: Layout) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for match in rules.sentence_end.finditer(text):
        word = _word_before(text, match.start())
        if word and word.lower().rstrip(".") in rules.abbreviations:
            continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < len(text) and text[begin].isspace():
            begin += 1
    if begin < len(text):
        spans.append((begin, len(text)))
    return [(offset + s, offset + e) for s, e in spans if text[s:e].strip()]


def _word_before(text: str, end: int) -> str:
    """The run of word characters and periods ending at ``end`` (what ``[\\w.]+$`` finds in ``text[:end]``)."""
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]
