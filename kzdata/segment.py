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
from typing import NamedTuple

from . import language as lang
from .reading import matching_view
from .records import from_fields

TITLE, STANDFIRST, CAPTION, BODY, BOILERPLATE = "title", "standfirst", "caption", "body", "boilerplate"
SENTENCE_KINDS = (TITLE, STANDFIRST, CAPTION, BODY, BOILERPLATE)
CONTENT_KINDS = (TITLE, STANDFIRST, CAPTION, BODY)

_SENTENCE_MARKS = (".", "!", "?")
_HEADLINE_MARKS = (".", "!", "?", ";", ":", '"')
_CLOSERS = "\"')]"
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A sentence ends at its first mark and what follows it here; group 1 holds the spaces before the next
# sentence. The first mark is written out before the repetition, not "[.!?]+": the regex engine then
# skips ahead to it, and when it can only be a period, many times faster (see _sentence_spans).
_AFTER_FIRST_MARK = r"[.!?]*[\"')\]]*(?=(\s+)[\"'(\[]?[A-Z0-9])"


class Sentence(NamedTuple):
    """A sentence, or a boilerplate line, of an article: a plain frozen value (a named tuple, which
    :func:`segment` makes about twice as fast as a frozen dataclass)."""
    sentence_id: int
    start: int
    end: int
    kind: str
    role: str       # finer label: "", "related", "section", "byline", "meta", "markup", "credit", "signoff", "teaser"
    paragraph: int


class TailPattern:
    """A pattern that ends with ``$``, searched fast when it starts with ``\\s*``.

    A pattern led by ``\\s*`` is tried at every character of a line: the regex engine cannot skip
    ahead to where it could begin. The leftmost match of ``\\s*C`` starts where the whitespace
    before the leftmost match of ``C`` starts, so ``C`` alone is searched (usually led by a literal,
    which the engine skips ahead to) and the whole pattern matched from there: the same match.
    When every match of ``C`` starts with one of a few characters, a line without them is passed
    over at once (``in`` finds a character many times faster than the engine's scan).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        core = pattern[3:]
        plain_lead = pattern.startswith(r"\s*") and not core.startswith(("?", "+"))
        self.core = re.compile(core, flags) if plain_lead and len(lang.branches(core)) == 1 else None
        self.leads = _lead_characters(core) if self.core else None

    def search(self, text: str) -> re.Match | None:
        if self.core is None:
            return self.regex.search(text)
        if self.leads and not _holds_any(text, self.leads):
            return None
        found = self.core.search(text)
        if found is None:
            return None
        return self.regex.match(text, len(text[:found.start()].rstrip()))

    def cut(self, text: str) -> str:
        """The text without the match (``regex.sub("", text)`` for a line, which can hold only one)."""
        match = self.search(text)
        return text[:match.start()] + text[match.end():] if match else text


def _either(*tails: TailPattern) -> re.Pattern | None:
    """A regex that matches where the core of any of the tails does, or None if they have no cores or
    differ in flags.

    Each core is one alternative (a core has no top-level "|"), so the alternation finds a match if and
    only if one of them does. When the cores start with the same character the regex engine factors it
    out and skips ahead to it: one scan of a line instead of one for each pattern."""
    cores = [tail.core for tail in tails]
    if None in cores or len({core.flags for core in cores}) > 1:
        return None
    return re.compile("|".join(core.pattern for core in cores), cores[0].flags)


_LEADING_GROUP = re.compile(r"\(\?:((?:\\.|[^\\()\[])*)\)(?![?*{])")
_PUNCTUATION = re.compile(r"""(?:\\([!-/:-@\[-`{-~])|([!"#%&',\-/:;<=>@_`~]))(?![?*{])""")


def _lead_characters(pattern: str) -> tuple[str, ...] | None:
    """The characters one of which starts every match of ``pattern``, or None if that is unclear.

    Understood: a pattern that starts with an ASCII punctuation mark (which has no case), or with a
    group, without groups or sets inside, whose alternatives each do: ``(?:\\[\\s*\\]|>)`` -> ``[``, ``>``.
    """
    group = _LEADING_GROUP.match(pattern)
    leads = []
    for alternative in lang.branches(group.group(1)) if group else [pattern]:
        mark = _PUNCTUATION.match(alternative)
        if mark is None:
            return None
        leads.append(mark.group(1) or mark.group(2))
    return tuple(dict.fromkeys(leads))


def _holds_any(text: str, characters: tuple[str, ...]) -> bool:
    for character in characters:
        if character in text:
            return True
    return False


@dataclass(frozen=True)
class Layout:
    stray_markup: re.Pattern
    labelled: re.Pattern
    longest_related: int
    section_end: frozenset
    longest_section_end: int
    credit: TailPattern
    signoff: TailPattern
    trailing_markup: TailPattern
    tail_leads: tuple[str, ...] | None   # one of which starts each of the three tails, if known
    notes: re.Pattern | None             # finds where a credit or a sign-off could, if it can be made
    dateline: re.Pattern
    sentence_end: re.Pattern
    period_end: re.Pattern
    abbreviations: frozenset
    longest_abbreviation: int
    minor_words: frozenset
    meta_separator: str
    timestamp: re.Pattern

    def is_meta(self, text: str) -> bool:
        return self.meta_separator in text or bool(self.timestamp.search(text))

    def may_have_tail(self, text: str) -> bool:
        """False when the text holds none of the characters a credit, sign-off or stray markup starts with."""
        return self.tail_leads is None or _holds_any(text, self.tail_leads)

    def may_have_note(self, text: str) -> bool:
        """False when the text holds neither a photo credit nor a sign-off: one search for both."""
        return self.notes is None or self.notes.search(text) is not None


@lru_cache(maxsize=None)
def layout(language: str = "id") -> Layout:
    data = lang.load("layout", language)
    alternation = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    credit = TailPattern(rf"\s*\((?:{alternation(data['credit_labels'])})\.?\s*:[^()]*\)[.]?\s*$", re.I)
    signoff = TailPattern(rf"\s*{data['signoff_pattern']}(?:\s*\[\s*\])?\s*$", re.I)
    trailing_markup = TailPattern(data["trailing_markup_pattern"])
    tails = (credit, signoff, trailing_markup)
    return Layout(
        stray_markup=re.compile(data["stray_markup_pattern"]),
        # a link to other stories, a byline: the named group that matches is the line's role
        labelled=re.compile(rf"(?i:(?P<related>^(?:{lang.trie_pattern(data['related_markers'])})\b\s*(?::|$)))"
                            rf"|(?i:(?P<byline>^(?:{lang.trie_pattern(data['byline_labels'])})\s*:))"),
        longest_related=max(len(w) for w in data["related_markers"]),
        section_end=frozenset(w.lower() for w in data["section_end_markers"]),
        longest_section_end=max(len(w) for w in data["section_end_markers"]),
        credit=credit,
        signoff=signoff,
        trailing_markup=trailing_markup,
        tail_leads=None if any(t.leads is None for t in tails) else tuple(dict.fromkeys(c for t in tails for c in t.leads)),
        notes=_either(credit, signoff),
        dateline=re.compile(data["dateline_pattern"]),
        sentence_end=re.compile(r"[.!?]" + _AFTER_FIRST_MARK),
        period_end=re.compile(r"\." + _AFTER_FIRST_MARK),
        abbreviations=frozenset(data["abbreviations"]),
        longest_abbreviation=max(len(w) for w in data["abbreviations"]),
        minor_words=frozenset(data["headline_minor_words"]),
        meta_separator=data["meta_separator"],
        timestamp=re.compile(data["timestamp_hint"]),
    )


def segment(text: str, language: str = "id", view: str | None = None) -> list[Sentence]:
    """The sentences of the text. ``view``: ``matching_view(text)``, if already made.

    Title, standfirst, caption and body lines lose their trailing credit, sign-off and stray markup,
    which become boilerplate sentences of their own; body, standfirst and caption lines are split
    into sentences.
    """
    view = matching_view(text) if view is None else view
    rules = layout(language)
    starts, texts = _lines(view)
    kinds, tails = _classify(texts, rules)
    rows = []
    for paragraph, (start, text, (kind, role), tail) in enumerate(zip(starts, texts, kinds, tails)):
        if kind == BOILERPLATE:
            rows.append((len(rows), start, start + len(text), kind, role, paragraph))
            continue
        if kind == TITLE:
            rows.append((len(rows), start, start + tail.head, kind, role, paragraph))
        else:
            for begin, end in _sentence_spans(text, tail.head, rules):
                rows.append((len(rows), start + begin, start + end, kind, role, paragraph))
        for begin, end, piece_role in tail.pieces:
            rows.append((len(rows), start + begin, start + end, BOILERPLATE, piece_role, paragraph))
    return list(map(_as_sentence, rows))


_as_sentence = from_fields(Sentence)


_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def _lines(view: str) -> tuple[list[int], list[str]]:
    """The lines that are not blank, without the spaces around them, and where each starts.

    A match of ``_LINE`` runs from a line's first non-space character to its last: ``[^\\n]``
    keeps it inside the line, and ``\\s`` is the whitespace ``str.strip`` removes."""
    starts, texts = [], []
    for line in _LINE.finditer(view):
        starts.append(line.start())
        texts.append(line.group())
    return starts, texts


class _Tail:
    """What a line ends with, each pattern searched once: stray markup, before it a sign-off, before
    that a photo credit.

    ``head``: where the text before them ends. ``pieces``: their (start, end, role) in the line, in
    order; one that is the whole rest of the line stays in it. ``markup``, ``signoff``, ``credit``:
    the match of each on the whole line (searched again there only when something was cut).
    """
    __slots__ = ("head", "pieces", "markup", "signoff", "credit")

    def __init__(self, text: str, rules: Layout) -> None:
        self.pieces: list[tuple[int, int, str]] = []
        self.markup = self.signoff = self.credit = None
        self.head = len(text)
        if not rules.may_have_tail(text):
            return
        self.markup = rules.trailing_markup.search(text)
        if self.markup is None and not rules.may_have_note(text):
            return
        head = self._cut(text, self.markup, "markup")
        signoff = rules.signoff.search(head)
        self.signoff = signoff if head is text else rules.signoff.search(text)
        head = self._cut(head, signoff, "signoff")
        credit = rules.credit.search(head)
        self.credit = credit if head is text else rules.credit.search(text)
        self.head = len(self._cut(head, credit, "credit"))

    def _cut(self, text: str, match: re.Match | None, role: str) -> str:
        if match is None or match.start() == 0:
            return text
        piece = match.group().strip()
        start = match.start() + match.group().index(piece)
        self.pieces.insert(0, (start, start + len(piece), role))
        return text[:match.start()].rstrip()


def _classify(texts: list[str], rules: Layout) -> tuple[list[tuple[str, str]], list[_Tail | None]]:
    """Give every line a (kind, role), using where it stands relative to the first prose line.

    Also the tails of the lines that can hold content (those without a boilerplate role, up to the
    end of the story); None for the others.
    """
    ends_story = [_is_section_end(text, rules) for text in texts]
    roles = [_boilerplate_role(text, end, rules) for text, end in zip(texts, ends_story)]
    tails: list[_Tail | None] = [None] * len(texts)
    first_prose = len(texts)
    for i, text in enumerate(texts):
        if not roles[i]:
            tails[i] = tail = _Tail(text, rules)
            if not tail.credit and _is_prose(text, tail.markup):
                first_prose = i
                break
    title = _find_title(texts, first_prose, rules, roles, tails)
    kinds = [_before_body(i, title, texts[i], roles[i], tails[i], rules) for i in range(first_prose)]
    story_over = False
    for i in range(first_prose, len(texts)):
        role = roles[i]
        if story_over or ends_story[i]:
            story_over = True
            kinds.append((BOILERPLATE, role or "teaser"))
        elif role:
            kinds.append((BOILERPLATE, role))
        else:
            tails[i] = tail = tails[i] or _Tail(texts[i], rules)
            if tail.credit:
                kinds.append((CAPTION, ""))
            elif _is_headline(texts[i], rules):
                kinds.append((BOILERPLATE, "related"))
            else:
                kinds.append((BODY, ""))
                story_over = tail.signoff is not None
    return kinds, tails


def _before_body(i: int, title: int | None, text: str, role: str, tail: _Tail | None,
                 rules: Layout) -> tuple[str, str]:
    if i == title:
        return TITLE, ""
    if title is None or i < title:
        return BOILERPLATE, role or "teaser"
    if role:
        return BOILERPLATE, role
    if tail.credit:
        return CAPTION, ""
    if rules.is_meta(text):
        return BOILERPLATE, "meta"
    return STANDFIRST, ""


def _find_title(texts: list[str], first_prose: int, rules: Layout, roles: list[str],
                tails: list[_Tail | None]) -> int | None:
    """The headline nearest above the first paragraph, skipping captions, meta lines and a standfirst."""
    for i in range(first_prose - 1, -1, -1):
        text = texts[i]
        if roles[i] or tails[i].credit:
            continue
        if _is_headline(text, rules) and not rules.is_meta(text):
            return i
    candidates = [i for i in range(first_prose) if not roles[i]]
    return candidates[0] if candidates else None


def _is_section_end(text: str, rules: Layout) -> bool:
    """Whether the line is a section-end marker: lower-cased only when short enough to be one."""
    label = text.rstrip(":")
    return len(label) <= rules.longest_section_end and label.lower() in rules.section_end


def _boilerplate_role(text: str, ends_story: bool, rules: Layout) -> str:
    """The role of a line that is boilerplate by its look alone, else "".

    A byline label is followed by ":" and a link marker by ":" or the end of the (stripped) line, and
    the case-insensitive match pairs the line's characters one to one with the marker's: a line
    without ":" that is longer than every marker is neither, known without asking the regex engine.
    """
    if rules.stray_markup.match(text):
        return "markup"
    if ":" in text or len(text) <= rules.longest_related:
        labelled = rules.labelled.match(text)
        if labelled:
            return labelled.lastgroup
    if ends_story or (text.isupper() and len(text.split()) <= 3):
        return "section"
    separator = rules.meta_separator
    if separator in text and text.count(separator) >= 2 and not text.endswith(_SENTENCE_MARKS):
        return "menu"
    return ""


def _is_prose(text: str, markup: re.Match | None) -> bool:
    """Six words or more ending like a sentence (stray markup aside), or thirty words or more."""
    words = len(text.split(maxsplit=29))
    if words >= 30:
        return True
    if words < 6:
        return False
    if markup:
        text = text[:markup.start()] + text[markup.end():]
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_MARKS)


def _is_headline(text: str, rules: Layout) -> bool:
    """Short, unpunctuated at the end, and most words capitalised: how titles and link lists look.

    Minor words ("di", "dan") are not counted, capitalised or not."""
    if text.endswith(_HEADLINE_MARKS) or len(text.split()) > 20:
        return False
    minor_words = rules.minor_words
    counted = capitalised = 0
    for word in _HEADLINE_WORD.findall(text):
        if word.lower() not in minor_words:
            counted += 1
            if word[0].isupper():
                capitalised += 1
    return counted > 0 and capitalised / counted >= 0.6


def _sentence_spans(text: str, end: int, rules: Layout) -> list[tuple[int, int]]:
    """The sentences of ``text[:end]``, the spaces between them left out (empty ones are not
    possible when the text starts with a non-space, as a line does).

    A sentence ends where the match ends, which is where its group 1, the spaces before the next
    sentence, starts. The word before the mark is mostly a plain word after a space: that is tried
    first, before :func:`_word_before`; when longer than every abbreviation it is none (lower-casing
    never shortens a word)."""
    spans, begin = [], 0
    ends = rules.sentence_end if "!" in text or "?" in text else rules.period_end
    abbreviations, longest = rules.abbreviations, rules.longest_abbreviation
    for match in ends.finditer(text, 0, end):
        mark = match.start()
        word = text[text.rfind(" ", 0, mark) + 1:mark]
        if word.isalnum():
            if len(word) <= longest and word.lower() in abbreviations:
                continue
        else:
            word = _word_before(text, mark)
            if word and word.lower().rstrip(".") in abbreviations:
                continue
        stop, following = match.span(1)
        spans.append((begin, stop))
        begin = following
    if begin < end:
        spans.append((begin, end))
    return spans


def _word_before(text: str, end: int) -> str:
    """The run of word characters and periods ending at ``end`` (what ``[\\w.]+$`` finds in ``text[:end]``)."""
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]
