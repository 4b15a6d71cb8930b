"""Language knowledge lives in data files, one folder per language: ``lang/<code>/<topic>.toml``.

Code reads them through :func:`load`, so adding a language means adding a folder, not code.
The phrase regexes made from those files are found fast with :class:`StartIndex` and
:class:`WordStarts`: one pass over an article finds where any vocabulary's phrases can start.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).parent / "lang"
DEFAULT_LANGUAGE = "id"


@lru_cache(maxsize=None)
def load(topic: str, language: str = DEFAULT_LANGUAGE) -> dict:
    """Return the parsed ``lang/<language>/<topic>.toml`` (cached; treat it as read-only)."""
    path = LANG_DIR / language / f"{topic}.toml"
    if not path.is_file():
        raise FileNotFoundError(f"no {topic!r} data for language {language!r} (expected {path})")
    with path.open("rb") as handle:
        return tomllib.load(handle)


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir())


def phrase_regex(patterns, flags: int = re.IGNORECASE) -> re.Pattern:
    """One whole-word regex for a list of phrase patterns, longest first so the longest phrase wins."""
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?!\w)", flags)


def literal_regex(phrases, flags: int = re.IGNORECASE) -> re.Pattern:
    """Like :func:`phrase_regex` for plain phrases; any run of spaces or hyphens matches a space."""
    return phrase_regex(literal_patterns(phrases), flags)


def literal_patterns(phrases) -> list[str]:
    """The patterns :func:`literal_regex` makes of plain phrases."""
    return [_LITERAL_SPACE.join(map(re.escape, p.split())) for p in phrases]


def literal_key(text: str) -> str:
    """The lookup key of a phrase that :func:`literal_regex` or :func:`literal_trie` matched: :func:`caseless`,
    each run of spaces or hyphens made one space, as those patterns let it stand for one."""
    return " ".join(_LITERAL_SEPARATORS.split(caseless(text)))


def literal_trie(phrases) -> str:
    """:func:`literal_regex`'s pattern as one prefix tree (:func:`trie_pattern`), for phrases whose words
    are parted by single spaces: a case-insensitive regex of many phrases is much faster so."""
    return r"(?<!\w)" + trie_pattern(phrases, _literal_char) + r"(?!\w)"


_LITERAL_SPACE = r"[\s-]+"
_LITERAL_SEPARATORS = re.compile(_LITERAL_SPACE)


def _literal_char(char: str) -> str:
    return _LITERAL_SPACE if char == " " else re.escape(char)


# ---------------------------------------------------------------- finding phrases fast
#
# The phrase regexes above are case-insensitive and start with a look-behind, so Python's regex
# engine tries them at every character, comparing case-folded characters. Most sentences contain
# none of a regex's phrases. The helpers below find, in one pass over a lower-cased copy of the
# text, the words the phrases start with; a regex is then tried only where one of them stands.

_CASELESS = str.maketrans({"\u0131": "i", "\u017f": "s"})


def caseless(text: str) -> str:
    """``text`` lower-cased, with the letters that a case-insensitive regex equates with ASCII ones made
    those (dotless ı, long ſ, dotted İ; the Kelvin sign lower-cases to k): the key to look up what such
    a regex matched."""
    return text.lower().translate(_CASELESS).replace("i\u0307", "i")


def folded(text: str) -> str | None:
    """``text.lower()`` if a lower-case word occurs in it exactly where IGNORECASE finds it in ``text``.

    None when lower-casing changes the length ("İ") or leaves a character that IGNORECASE matches to
    an ASCII letter although it does not lower-case to one ("ı", "ſ"): offsets must stay the same.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(text) or "\u0131" in lowered or "\u017f" in lowered:
        return None
    return lowered


def trie_pattern(phrases, char=re.escape, end=None) -> str:
    """A regex matching any of the phrases, shaped as a prefix tree: one branch per character, so a
    regex engine rejects a non-match at once, where a flat alternation of many phrases costs many
    times more. Longer phrases are tried first.

    ``char``: the pattern of one character of a phrase (to let a space match any run of spaces, say).
    ``end``: given the last character of a phrase, what must follow it (an alternative tried after the
    longer phrases); None: nothing, so the phrase's end is an empty alternative, ``(?:...|)`` (which
    the engine runs faster than the same made optional, ``(?:...)?``, a repeat).
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for letter in phrase:
            node = node.setdefault(letter, {})
        node[""] = {}

    def emit(node: dict, last: str) -> str:
        branches = [char(letter) + emit(child, letter) for letter, child in sorted(node.items()) if letter]
        if "" in node:
            branches.append("" if end is None else end(last))
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root, "")


def _structure(pattern: str):
    """(index, char, depth) of the parentheses and bars of a regex, outside escapes and character sets;
    depth counts the groups open around the character (a parenthesis counts as inside its group)."""
    depth, i, in_set = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            i += 1 + pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i)         # "[]...]": a leading "]" is a member
            continue
        elif char == "(":
            depth += 1
            yield i, char, depth
        elif char == ")":
            yield i, char, depth
            depth -= 1
        elif char == "|":
            yield i, char, depth
        i += 1


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regex: "a|(?:b|c)" -> ["a", "(?:b|c)"]."""
    bars = [i for i, char, depth in _structure(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1:end] for start, end in zip([-1, *bars], [*bars, len(pattern)])]


def leading_words(pattern: str) -> list[str] | None:
    """Lower-case words one of which every match of ``pattern`` starts with, or None if that is unclear.

    Understood: a pattern that starts with plain letters ("unjuk\\W+rasa" -> "unjuk"; a letter
    made optional by a quantifier is dropped) or with a group of alternatives that do
    ("(?:gedung|balai\\W+kota)..." -> "gedung", "balai"), and top-level alternatives of those.
    """
    words: list[str] = []
    for branch in branches(pattern):
        if branch.startswith("(?:"):
            close = next(i for i, char, depth in _structure(branch) if char == ")" and depth == 1)
            inner = None if branch[close + 1:close + 2] in ("?", "*", "{") else leading_words(branch[3:close])
        else:
            letters = re.match(r"[A-Za-z]*", branch).group()
            if letters and branch[len(letters):len(letters) + 1] in ("?", "*", "{"):
                letters = letters[:-1]
            inner = [letters.lower()] if letters else None
        if not inner:
            return None
        words += inner
    return words


def follows_word_character(text: str, position: int) -> bool:
    """Whether a word character (what ``\\w`` matches) stands right before the position: a text
    piece starting there starts a word of its own, which is no word start of the whole text."""
    before = text[position - 1] if position else " "
    return before.isalnum() or before == "_"


_WORD_CHARACTER = re.compile(r"\w")     # str.isalnum() or "_", as follows_word_character tests


def any_follows_word_character(text: str, positions) -> bool:
    """Whether :func:`follows_word_character` holds at any of the positions: the characters before
    them are tested by one regex search, cheaper than a test per position where none does."""
    before = "".join(map((" " + text).__getitem__, positions))
    return _WORD_CHARACTER.search(before) is not None


_NON_WORD = re.compile(r"\W")
_ASCII_SPACED = bytes(code if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(256))


def spaced(text: str) -> str:
    """``text`` with each non-word character (what ``\\W`` matches) made a space; a byte translation for
    ASCII text."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_SPACED).decode("ascii")
    return _NON_WORD.sub(" ", text)


class StartIndex:
    """Where the phrases of several named regexes can start in a text.

    Built from each name's phrase patterns (as given to :func:`phrase_regex`). A phrase regex, led
    by ``(?<!\\w)``, can only match at the start of a word that begins with one of its phrases'
    leading words (see :func:`leading_words`). Those places are found for all names at once, with
    a word trie run over :func:`folded` text, and the phrase regex is then tried there alone: a
    case-insensitive regex led by a look-behind is otherwise tried at every character. Names whose
    phrases do not all start with plain words are not indexed: their regex runs over the whole text.
    """

    def __init__(self, patterns: dict[str, list[str]]) -> None:
        words: dict[str, list[str]] = {}
        unindexed = set()
        for name, phrases in patterns.items():
            leading = [leading_words(p) for p in phrases]
            if not phrases or None in leading:
                unindexed.add(name)
            else:
                words[name] = [w for group in leading for w in group]
        self._build(words, unindexed)

    @classmethod
    def from_words(cls, words: dict[str, list[str]]) -> "StartIndex":
        """An index of given leading words (lower case, word characters only) instead of phrase patterns."""
        index = cls.__new__(cls)
        index._build(words, set())
        return index

    def _build(self, words: dict[str, list[str]], unindexed: set[str]) -> None:
        by_word: dict[str, set[str]] = {}
        for name, found in words.items():
            for word in found:
                by_word.setdefault(word, set()).add(name)
        self.unindexed = frozenset(unindexed)
        self.names = _with_prefixes(by_word)
        self._keys = sorted({name for names in self.names.values() for name in names})
        numbers = {name: number for number, name in enumerate(self._keys)}
        self.finder = _WordFinder({word: tuple(map(numbers.__getitem__, names)) for word, names in self.names.items()},
                                  len(self._keys))

    def positions(self, lowered: str, start: int = 0, end: int | None = None) -> dict[str, list[int]]:
        """Name -> the word starts in ``lowered[start:end]`` (offsets in ``lowered``, counting ``start``
        as one) where its phrases may start. ``lowered`` is :func:`folded` text."""
        lists = self.finder.starts(lowered, start, len(lowered) if end is None else end)
        return {name: found for name, found in zip(self._keys, lists) if found}

    def by_sentence(self, lowered: str, sentences: list,
                    positions: dict[str, list[int]] | None = None) -> list[dict[str, list[int]]]:
        """:meth:`positions` of each sentence (in text order, disjoint, with ``.start`` and ``.end``),
        from the positions in the whole text (found here if not given).

        A sentence that starts right after a word character starts a word of its own but not one
        of the whole text: that one is searched alone.
        """
        if positions is None:
            positions = self.positions(lowered)
        starts = [s.start for s in sentences]
        ends = [s.end for s in sentences]
        buckets: list[dict[str, list[int]]] = [{} for _ in sentences]
        count = len(sentences)
        for name, found in positions.items():
            for position in found:
                index = bisect_right(ends, position)
                if index < count and starts[index] <= position:
                    bucket = buckets[index]
                    if name in bucket:
                        bucket[name].append(position)
                    else:
                        bucket[name] = [position]
        for index in [i for i, start in enumerate(starts) if follows_word_character(lowered, start)]:
            buckets[index] = self.positions(lowered, starts[index], ends[index])
        return buckets

    def nothing_in(self, starts: dict[str, list[int]] | None) -> bool:
        """Whether no phrase can be in the text whose :meth:`positions` these are."""
        return starts is not None and not starts and not self.unindexed

    def matches(self, name: str, regex: re.Pattern, piece: str, offset: int,
                starts: dict[str, list[int]] | None) -> list[re.Match]:
        """What ``regex.finditer(piece)`` yields, where ``piece`` is ``text[offset:...]`` and ``starts``
        its :meth:`positions` (None if not known: the regex then runs over the whole piece)."""
        if starts is None or name in self.unindexed:
            return list(regex.finditer(piece))
        positions = starts.get(name)
        return matches_at(regex, piece, positions, offset=offset) if positions else []


def _with_prefixes(by_word: dict[str, set]) -> dict[str, tuple]:
    """Word -> the names of the word and of the shorter words it starts with (a trie finds the longest)."""
    return {word: tuple(sorted({n for prefix in _prefixes(word, by_word) for n in by_word[prefix]}))
            for word in by_word}


def _prefixes(word: str, words) -> list[str]:
    """The members of ``words`` that ``word`` starts with (itself included, if a member)."""
    return [word[:size] for size in range(1, len(word) + 1) if word[:size] in words]


class _WordFinder:
    """Finds, at the starts of words, the longest of some words (letters, digits, "_") each begins with,
    and sorts the starts into numbered lists: ``keys`` gives, for each word, the lists its starts go to.

    The text is searched as a copy with its non-word characters made spaces (:func:`spaced`), with
    the trie led by a space: the regex engine skips to a literal character much faster than to a
    character class. The regex has no group, so the engine starts each try after that space (a
    group would make it step over the space again); a match's start is its word's start in the
    text, as the copy searched is led by one more space.
    Words are word characters only, so a find never covers the space before the next word start.
    ASCII text is searched with a trie of the ASCII words alone (the others cannot occur in it),
    which the engine rejects faster. The regexes are compiled when first used.
    """

    def __init__(self, keys: dict[str, tuple[int, ...]], count: int) -> None:
        self.keys = keys
        self.count = count
        self._spaced_keys = {" " + word: found for word, found in keys.items()}
        self._searchers: dict[bool, re.Pattern | None] = {}     # for ASCII text or not

    def _searcher(self, ascii_only: bool) -> re.Pattern | None:
        if ascii_only not in self._searchers:
            words = [word for word in self.keys if word.isascii() or not ascii_only]
            self._searchers[ascii_only] = re.compile(f" {trie_pattern(words)}") if words else None
        return self._searchers[ascii_only]

    def starts(self, lowered: str, start: int, end: int) -> list[list[int]]:
        """The word starts in ``lowered[start:end]`` (``start`` counting as one), sorted into the lists."""
        lists: list[list[int]] = [[] for _ in range(self.count)]
        window = lowered[start:end]
        searcher = self._searcher(window.isascii())
        if searcher is None:
            return lists
        keys = self._spaced_keys
        for match in searcher.finditer(" " + spaced(window)):
            position = start + match.start()
            for key in keys[match[0]]:
                lists[key].append(position)
        return lists


class MergedIndex:
    """Several :class:`StartIndex` searched in one pass (one trie of all their words)."""

    def __init__(self, indexes) -> None:
        self.indexes = tuple(indexes)
        self._keys = [(index, name) for index in self.indexes for name in index._keys]
        numbers = {key: number for number, key in enumerate(self._keys)}
        words = {word for index in self.indexes for word in index.names}
        # word -> the lists of the names each index gives the word and the shorter words it starts with
        self.finder = _WordFinder({word: tuple(numbers[index, name] for index in self.indexes
                                               for name in sorted({n for prefix in _prefixes(word, index.names)
                                                                   for n in index.names[prefix]}))
                                   for word in words}, len(self._keys))

    def positions(self, lowered: str) -> dict[StartIndex, dict[str, list[int]]]:
        """:meth:`StartIndex.positions` of each index in the whole text."""
        by_index: dict[StartIndex, dict[str, list[int]]] = {index: {} for index in self.indexes}
        for (index, name), found in zip(self._keys, self.finder.starts(lowered, 0, len(lowered))):
            if found:
                by_index[index][name] = found
        return by_index


class WordStarts:
    """The :meth:`StartIndex.positions` of one text, for any index, each found once and kept.

    ``merged``: indexes to search together up front (those not in it are searched on demand).
    Without usable folded text (see :func:`folded`) nothing is known: :meth:`of` gives None.
    """

    def __init__(self, view: str, merged: MergedIndex | None = None) -> None:
        self.lowered = folded(view)
        self._found: dict = {}
        if merged is not None and self.lowered is not None:
            self._found = merged.positions(self.lowered)

    def of(self, index: StartIndex) -> dict[str, list[int]] | None:
        if self.lowered is None:
            return None
        found = self._found.get(index)
        if found is None:
            found = self._found[index] = index.positions(self.lowered)
        return found

    def by_sentence(self, index: StartIndex, sentences: list) -> list[dict[str, list[int]] | None]:
        if self.lowered is None:
            return [None] * len(sentences)
        return index.by_sentence(self.lowered, sentences, self.of(index))


def matches_at(regex: re.Pattern, text: str, positions, endpos: int | None = None, offset: int = 0) -> list[re.Match]:
    """What ``regex.finditer(text, positions[0] - offset, endpos)`` yields when matches can only start
    at the sorted ``positions`` (less ``offset``): the regex is tried there and nowhere else.
    It must not match an empty string."""
    found = []
    end = 0
    endpos = len(text) if endpos is None else endpos
    match_at = regex.match
    for position in positions:
        position -= offset
        if position >= end:
            match = match_at(text, position, endpos)
            if match:
                found.append(match)
                end = match.end()
    return found


# ---------------------------------------------------------------- ASCII text

ASCII_NON_WORD = r"[\x00-/:-@\[-^`{-\x7f]"
"""``\\W`` on ASCII text, spelled out: a pattern led by it, tried at each character, runs faster so (the
regex engine tests a class of characters as a bitmap, and the category ``\\W`` by a lookup per item)."""


def plain_ascii(text: str) -> bool:
    """Whether a pattern compiled with ``re.ASCII`` matches ``text`` as it does without the flag.

    True for ASCII text without the four controls U+001C-U+001F, which Unicode (not ASCII) counts
    as whitespace: ``\\w``, ``\\d`` and ``\\s`` then mean the same either way.
    """
    return text.isascii() and not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)


_ASCII_TWINS: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def ascii_twin(regex: re.Pattern) -> re.Pattern:
    """``regex`` compiled with ``re.ASCII``: its classes (and case folding) then test a table, which
    makes a pass over a long text about 15% faster. Use it on :func:`plain_ascii` text only.

    A pattern that ignores case and is not itself plain ASCII is its own twin: ignoring case, a
    non-ASCII letter in it such as the Kelvin sign matches an ASCII one only without ``re.ASCII``.

    Twins are kept by the identity of ``regex`` (which they keep alive): hashing a compiled pattern,
    as a cache keyed by the pattern would, hashes all its code, microseconds for a large one."""
    kept = _ASCII_TWINS.get(id(regex))
    if kept is None:
        if regex.flags & re.IGNORECASE and not regex.pattern.isascii():
            twin = regex
        else:
            twin = re.compile(regex.pattern, (regex.flags & ~re.UNICODE) | re.ASCII)
        kept = _ASCII_TWINS[id(regex)] = (regex, twin)
    return kept[1]
