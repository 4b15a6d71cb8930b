"""Numeric expressions in running text: "31", "3.700", "1,5 juta", "Dua puluh tiga", "lebih dari 3.700",
"puluhan ribu", "200-300", "15 persen".

All words and separators come from ``lang/<code>/numbers.toml``; nothing here is specific to a language.

How it works: one pass over the text finds *atoms* (a digit token with an optional glued currency
and suffix, or a known phrase; see :func:`_runs`). Atoms separated only by spaces form a *chain*,
which is read left to right: [range opener] [qualifier] quantity [connector quantity] [after-words].

A quantity of words is evaluated with a stack ("dua ribu lima ratus" -> [2000, 500]): a multiplier
multiplies the trailing items smaller than itself, an adder ("belas") adds to a lone digit word, and
a value may only follow an item it fits under ("lima" fits under "dua puluh", "tiga" not under
"dua"). The first atom that does not fit ends the number, so "dua tiga" is two numbers.

Conventions:
  * exact: value = low = high.
  * approx: low/high = value -/+ ``approx_tolerance`` (0.1 for Indonesian) of the value.
  * at_least ("lebih dari", "sedikitnya", "3.000 lebih", "3.000-an"): low = value, high = None
    (also for the strict "lebih dari": the stated number is the useful bound).
  * at_most ("hampir", "kurang dari", "hingga"): low = None, high = value.
  * vague ("puluhan"): value None, low/high from the data file; a qualifier before it drops the
    bound it leaves open ("lebih dari ratusan": high None) but the qualifier stays "vague".
  * range ("200-300", "antara 200 dan 300", "2-3 juta"): qualifier "approx", value None,
    low = lower end, high = upper end, no tolerance. A trailing multiplier is shared by the lower
    end when that keeps the range ascending ("2-3 juta" = 2e6..3e6). Descending pairs are not ranges.
  * Digit tokens with ":" or "/" (times, numeric dates) or a malformed group ("21.15", "7.30") are
    skipped, as are digits glued to letters ("COVID-19", "ke-2", "5G").
  * Numbers right after an ``ignore`` word ("salah satu", "pukul 10", "tahun 2022") are skipped.
  * ``unit`` is "percent" or "currency" when the number carries one, else None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Iterator, NamedTuple, Sequence

from . import language as lang
from .records import from_fields

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
_PHRASE_QUALIFIERS = {"approx", "at_least", "at_most"}
_NOT_GLUED = r"(?!\w|-[^\W\d_])"
_NO_LETTER = r"(?![^\W\d_])"
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER, _SUFFIX = 1, 3    # groups "num" and "suffix" of the word atoms (see _atom_patterns), read by number


class NumberMention(NamedTuple):
    """A number in the text. ``start``/``end`` include qualifier, currency and unit words
    ("lebih dari 3.700", "Rp 7.500", "15 persen"); ``number_start``/``number_end`` cover the number
    alone ("3.700", or "200-300" for a range). ``value`` is None for vague words and ranges;
    ``low``/``high`` bound what the text allows, None meaning unbounded on that side."""
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    number_start: int
    number_end: int
    unit: str | None = None


_new_mention = from_fields(NumberMention)


@dataclass(frozen=True, slots=True)
class _Entry:
    """Every role a token can play; "hingga" is both an up-to qualifier and a range connector."""
    key: str = ""
    value: float | None = None
    digits: bool = False
    multiplier: float | None = None
    adder: float | None = None
    vague: tuple[float, float] | None = None
    before: str | None = None
    after: str | None = None
    suffix: str | None = None
    connector: bool = False
    opener: frozenset[str] | None = None
    unit_before: str | None = None
    unit: str | None = None
    ignore: bool = False
    numeric: bool = False


@dataclass(slots=True)
class _Atom:
    """A digit token or a known phrase; ``value`` is the number it stands for, if any."""
    start: int
    end: int
    number_start: int
    number_end: int
    entry: _Entry
    value: float | None


@dataclass(slots=True)
class _Quantity:
    """``atoms[first:stop]`` spell a number: ``value``, or a vague amount between ``low`` and ``high``."""
    first: int
    stop: int
    value: float | None
    low: float
    high: float
    vague: bool = False


@dataclass(frozen=True)
class _Grammar:
    atoms: tuple[re.Pattern, re.Pattern]       # (word atoms, symbols)
    ascii: tuple[re.Pattern, re.Pattern]       # the same for plain ASCII text (see language.plain_ascii)
    caseless: tuple[re.Pattern, re.Pattern]    # the same, ignoring case
    symbol_starts: str                         # the characters symbols start with
    decimal: str
    group: str
    tolerance: float
    phrases: dict[str, _Entry]
    digit_entries: dict[tuple[str | None, str | None], _Entry]


def _key(phrase: str) -> str:
    """The lookup key of a phrase: :func:`language.caseless` (a text whose lower case changes its length
    is matched ignoring case, which reads "ſatu" as "satu"), one space between words."""
    return " ".join(lang.caseless(phrase).split())


def _trie(phrases, right: str) -> str:
    """A regex matching any of the phrases (see :func:`language.trie_pattern`): one alternation of
    ~100 phrases tried at every word start costs ~30x more. Longer phrases win; a space matches any
    spaces; a phrase ending in a letter or digit must be followed by ``right``."""
    return lang.trie_pattern(phrases, _phrase_char, lambda last: right if last.isalnum() else "")


def _phrase_char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _split_words(phrases) -> tuple[list[str], list[str]]:
    """Phrases starting with a letter or digit (whole words) and those starting with a symbol."""
    phrases = list(phrases)
    return [p for p in phrases if p[0].isalnum()], [p for p in phrases if not p[0].isalnum()]


def _branches(phrases, right: str) -> str:
    """:func:`_trie` as bare alternatives, one per first character, to go into another alternation:
    the regex engine passes over an alternative starting with another character at once, where it
    has to enter a group."""
    firsts = sorted({phrase[0] for phrase in phrases})
    return "|".join(_trie([phrase for phrase in phrases if phrase[0] == first], right) for first in firsts)


def _check_qualifiers(data: dict, language: str) -> None:
    named = {**data["qualifiers"].get("before", {}), **data["qualifiers"].get("after", {}),
             **data["qualifiers"].get("suffixes", {})}
    unknown = set(named.values()) - _PHRASE_QUALIFIERS
    if unknown:
        raise ValueError(f"lang/{language}/numbers.toml names unknown qualifiers: {sorted(unknown)}")


def _phrase_roles(data: dict) -> dict[str, dict]:
    """key -> constructor arguments of its _Entry, merging every table the phrase appears in."""
    roles: dict[str, dict] = {}

    def add(phrase: str, **role) -> None:
        roles.setdefault(_key(phrase), {"key": _key(phrase)}).update(role)

    words = data["words"]
    for phrase, value in words.get("values", {}).items():
        add(phrase, value=float(value), numeric=True)
    for phrase, value in words.get("multipliers", {}).items():
        add(phrase, multiplier=float(value), numeric=True)
    for phrase, value in words.get("adders", {}).items():
        add(phrase, adder=float(value), numeric=True)
    for phrase, (low, high) in data.get("vague", {}).items():
        add(phrase, vague=(float(low), float(high)), numeric=True)
    for phrase, qualifier in data["qualifiers"].get("before", {}).items():
        add(phrase, before=qualifier)
    for phrase, qualifier in data["qualifiers"].get("after", {}).items():
        add(phrase, after=qualifier)
    ranges = data.get("ranges", {})
    for phrase in ranges.get("connectors", []):
        add(phrase, connector=True)
    for phrase, extra in ranges.get("openers", {}).items():
        add(phrase, opener=frozenset(map(_key, extra)))
        for connector in extra:
            add(connector)
    for phrase, unit in data.get("units", {}).get("after", {}).items():
        add(phrase, unit=unit)
    for phrase in data.get("ignore", {}).get("words", []):
        add(phrase, ignore=True)
    return roles


def _digit_entries(data: dict) -> dict[tuple[str | None, str | None], _Entry]:
    """The entry of a digit token for each (glued currency, glued suffix) key pair."""
    currencies = {_key(k): v for k, v in data.get("units", {}).get("before", {}).items()}
    suffixes = {_key(k): v for k, v in data["qualifiers"].get("suffixes", {}).items()}
    return {(c, s): _Entry(digits=True, numeric=True, unit_before=currencies.get(c), suffix=suffixes.get(s))
            for c in [None, *currencies] for s in [None, *suffixes]}


def _figure_rest(decimal: str, group: str) -> str:
    """A well-formed figure ("3.700", "1,5", "1.250.000,5"; not "21.15" nor "7.30") after its first digit."""
    d, g = re.escape(decimal), re.escape(group)
    return rf"\d{{0,2}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d*(?:{d}\d+)?"


def _currency_rests(currencies: list[str]) -> str:
    """Alternatives for the glued currencies after their first character, up to the figure's first digit:
    ``(?<=r)p(?:\\.|...)\\s*\\d`` for "rp" and "rp.", ``(?<=\\$)\\s*\\d`` for "$". The digits' class has
    taken the first character; the lookbehind tells which it was."""
    alternatives = []
    for first in sorted({currency[0] for currency in currencies}):
        def end(last: str, first: str = first) -> str:
            return _NO_LETTER if (last or first).isalnum() else ""
        rests = lang.trie_pattern([c[1:] for c in currencies if c[0] == first], _phrase_char, end)
        alternatives.append(rf"(?<={re.escape(first)}){rests}\s*\d")
    return "".join("|" + alternative for alternative in alternatives)


def _atom_patterns(data: dict, phrases: dict[str, _Entry], ascii: bool = False) -> tuple[str, str]:
    """The patterns of :func:`_atom_matches`: word atoms, led by the character before them, and
    symbols.

    A word atom is digits (with a glued currency and suffix) or a known phrase, not after a word
    character (nor after "word-", which :func:`_atom_matches` checks: a lookbehind here would be tried
    at every word). Its pattern consumes the non-word character before it, so that the regex engine
    skips through words instead of trying the pattern at every character. A digit token that is no
    figure (a time, a date, a malformed group) is matched whole as ``bad`` rather than ``num``: it is
    no atom, but it still parts the atoms around it. A symbol may follow anything.

    Every alternative starts by taking a character (the engine tries the pattern at every word: it
    passes over an alternative led by a character or a class at once, but has to enter a group or a
    lookahead). So the digits start with the class of a digit or a currency's first character, and
    ``num`` holds the figure after its first digit; a lookbehind then tells a digit from a currency
    (see :func:`_currency_rests`). The digits come first, so that "usd5" is a currency before a unit.

    ``ascii``: the patterns for plain ASCII text, to compile with ``re.ASCII``. The engine tests the
    character before each atom, at every character of the text, and the digits' first character:
    spelled out as ASCII characters these classes become bitmaps, which it tests faster
    than the categories ``\\W`` and ``\\d``."""
    separators = data["separators"]
    joiners = "[" + re.escape(separators["decimal"] + separators["group"]) + ":/]"
    currencies = [_key(c) for c in data.get("units", {}).get("before", {})]
    suffixes = [_key(s) for s in data["qualifiers"].get("suffixes", {})]
    suffix = _trie(suffixes, "") if suffixes else "(?!)"
    leads = re.escape("".join(sorted({c[0] for c in currencies})))
    digit_start = rf"[\d{leads}]"
    ascii_leads = re.escape("".join(sorted({c[0] for c in currencies if c[0].isascii()})))
    non_word, digit_class = (lang.ASCII_NON_WORD, f"[0-9{ascii_leads}]") if ascii else (r"\W", digit_start)
    rest = _figure_rest(separators["decimal"], separators["group"])
    digits = (rf"{digit_class}(?:(?<=\d){_currency_rests(currencies)})"
              rf"(?>(?P<num>{rest})(?!{joiners}?\d)|(?P<bad>\d*(?:{joiners}\d+)*))"
              rf"(?P<suffix>{suffix})?{_NOT_GLUED}")
    words, symbols = _split_words(phrases)
    atom = "|".join(alternative for alternative in [digits, _branches(words, _NOT_GLUED)] if alternative)
    return rf"{non_word}(?:{atom})", _trie(symbols, _NOT_GLUED) if symbols else "(?!)"


@lru_cache(maxsize=None)
def _grammar(language: str) -> _Grammar:
    data = lang.load("numbers", language)
    _check_qualifiers(data, language)
    phrases = {key: _Entry(**role) for key, role in _phrase_roles(data).items()}
    separators = data["separators"]
    patterns = _atom_patterns(data, phrases)
    return _Grammar(
        atoms=tuple(re.compile(p) for p in patterns),
        ascii=tuple(re.compile(p, re.ASCII) for p in _atom_patterns(data, phrases, ascii=True)),
        symbol_starts="".join(sorted({phrase[0] for phrase in _split_words(phrases)[1]})),
        caseless=tuple(re.compile(p, re.IGNORECASE) for p in patterns),
        decimal=separators["decimal"],
        group=separators["group"],
        tolerance=float(data.get("approx_tolerance", 0.0)),
        phrases=phrases,
        digit_entries=_digit_entries(data),
    )


def _positions(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def _symbol_spans(text: str, symbols: re.Pattern, starts: str | None) -> list[tuple[int, int]]:
    """(start, end) of the symbol starting at each place where one does, overlapping ones included.
    ``starts``: the characters symbols start with, found with str.find (a regex looking for any of
    a set of characters goes through a text about ten times slower); None to let ``symbols`` look,
    when it ignores case."""
    if starts is None:
        spans = []
        match = symbols.search(text)
        while match is not None:
            spans.append(match.span())
            match = symbols.search(text, match.start() + 1)
        return spans
    places = sorted(at for char in starts if char in text for at in _positions(text, char))
    return [match.span() for match in map(symbols.match, repeat(text), places) if match is not None]


def _entry(scanned: str, start: int, end: int, match: re.Match | None, grammar: _Grammar) -> _Entry | None:
    """The entry of the atom at ``scanned[start:end]``, found by ``match``, where :func:`_runs` did not
    settle it at once: a phrase spaced or cased otherwise than its key, digits with a glued currency
    or suffix, or digits that are no figure (None)."""
    if match is None or match.lastindex is None:
        return grammar.phrases[_key(scanned[start:end])]
    number_start = match.start(_NUMBER) - 2    # the figure's first digit, in ``scanned``
    if number_start < 0:
        return None
    entries = grammar.digit_entries
    currency = scanned[start:number_start].rstrip() or None
    suffix = match[_SUFFIX]
    return entries.get((currency, suffix)) or entries[(currency and _key(currency), suffix and suffix.lower())]


_Found = tuple[int, int, _Entry, re.Match]   # an atom before it is built: start, end, entry, match


def _runs(text: str, grammar: _Grammar) -> list[list[_Found]]:
    """Runs of atoms separated by nothing or by spaces within one line, if they hold a number.
    The atoms are left unbuilt: most runs are dropped (a lone "dan", a date's "2022").

    Matching lowercased text is faster than a case-insensitive regex; it is used whenever
    lowercasing keeps every offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        (words, symbols), scanned, starts = grammar.atoms, lowered, grammar.symbol_starts
        if lang.plain_ascii(lowered):
            words, symbols = grammar.ascii
    else:
        (words, symbols), scanned, starts = grammar.caseless, text, None
    return _scan_runs(text, scanned, words, _symbol_spans(scanned, symbols, starts), grammar)


def _scan_runs(text: str, scanned: str, words: re.Pattern, symbols: list[tuple[int, int]],
               grammar: _Grammar) -> list[list[_Found]]:
    """The runs of :func:`_runs`, whose atoms are found in ``scanned`` left to right and not overlapping:
    word atoms of ``words`` (first where a symbol starts too) and the symbols of :func:`_symbol_spans`,
    whose match is None. One loop both finds the atoms and puts them in runs (a list of the atoms
    between two loops cost more than the loops).

    ``words`` runs on ``" " + scanned``: its matches start one character before the atom, so their
    offsets there are the atom's in ``scanned`` (the end one past it). A word atom right after "word-"
    is skipped."""
    padded = " " + scanned
    search = words.search
    phrases = grammar.phrases
    bare_digits = grammar.digit_entries[None, None]
    runs = []
    run: list[_Found] = []
    numeric = False
    last = end = 0      # the end of the run's last atom; of the last atom found
    symbol, count = 0, len(symbols)
    word = search(padded)
    while word is not None or symbol < count:
        start = len(padded) if word is None else word.start()
        if symbol < count and symbols[symbol][0] < start:     # the symbol comes first
            start, stop = symbols[symbol]
            symbol += 1
            if start < end:
                continue
            match, end = None, stop
        elif padded[start] == "-" and _LETTER.match(padded, start - 1):
            word = search(padded, start + 1)
            continue
        elif start < end:
            word = search(padded, end)
            continue
        else:
            match, end = word, word.end() - 1
            word = search(padded, end)
        group = None if match is None else match.lastindex
        if group is None:     # a phrase, most often found as written
            entry = phrases.get(scanned[start:end]) or _entry(scanned, start, end, match, grammar)
        elif group == _NUMBER and match.start(_NUMBER) == start + 2:   # digits alone: no currency, no suffix
            entry = bare_digits
        else:
            entry = _entry(scanned, start, end, match, grammar)
        if run:
            gap = text[last:start]      # a run goes on over nothing or spaces within one line
            if entry is None or not (gap == " " or not gap or (gap.isspace() and "\n" not in gap)):
                if numeric:
                    runs.append(run)
                run, numeric = [], False
        if entry is not None:
            run.append((start, end, entry, match))
            numeric, last = numeric or entry.numeric, end
    if numeric:
        runs.append(run)
    return runs


def _atoms(text: str, run: list[_Found], grammar: _Grammar) -> list[_Atom]:
    """The atoms of a run from :func:`_runs` over ``text``. A digit token's figure starts a character
    before its group ``num`` (see :func:`_atom_patterns`), whose offsets are shifted back from ``" " + text``."""
    atoms = []
    for start, end, entry, match in run:
        if entry.digits:
            number_start, number_end = match.span(_NUMBER)
            number_start, number_end = number_start - 2, number_end - 1
            value = _digits_value(text[number_start:number_end], grammar)
            atoms.append(_Atom(start, end, number_start, number_end, entry, value))
        else:
            atoms.append(_Atom(start, end, start, end, entry, entry.value))
    return atoms


def _digits_value(digits: str, grammar: _Grammar) -> float:
    """The value of a digit token's figure, its groups ("12.750") and decimal mark ("3,25") read."""
    return float(digits.replace(grammar.group, "").replace(grammar.decimal, "."))


def _chains(text: str, grammar: _Grammar) -> Iterator[list[_Atom]]:
    for run in _runs(text, grammar):
        yield _atoms(text, run, grammar)


def _place(value: float) -> float:
    """The largest power of ten dividing the value: what a following smaller number may fill."""
    if value <= 0 or value != int(value):
        return 0
    number, place = int(value), 1
    while number % 10 == 0:
        number //= 10
        place *= 10
    return place


def _push(stack: list[float], previous: _Atom | None, atom: _Atom) -> bool:
    if stack:
        if previous.entry.digits or (atom.entry.digits and previous.entry.multiplier is None):
            return False
        if atom.value >= _place(stack[-1]):
            return False
    stack.append(atom.value)
    return True


def _multiply(stack: list[float], multiplier: float) -> bool:
    taken, total = 0, 0.0
    for value in reversed(stack):
        if value >= multiplier:
            break
        taken, total = taken + 1, total + value
    if not taken:
        return False
    product = total * multiplier
    if len(stack) > taken and stack[-taken - 1] <= product:
        return False
    del stack[-taken:]
    stack.append(product)
    return True


def _add(stack: list[float], bare: bool, adder: float) -> bool:
    if not bare:
        return False
    value = stack[-1]
    if not (1 <= value < adder and value == int(value)):
        return False
    stack[-1] = value + adder
    return True


def _apply(stack: list[float], bare: bool, previous: _Atom | None, atom: _Atom) -> bool | None:
    """Fold one atom into the number: whether its last item is now a lone value word, which an adder
    may add to ("delapan belas"); None (stack untouched) when the atom does not belong to it."""
    entry = atom.entry
    if atom.value is not None and not (stack and entry.unit_before):
        return not entry.digits if _push(stack, previous, atom) else None
    if entry.multiplier:
        return False if _multiply(stack, entry.multiplier) else None
    if entry.adder:
        return False if _add(stack, bare, entry.adder) else None
    return None


def _evaluate_vague(atoms: Sequence[_Atom], first: int) -> _Quantity:
    low, high = atoms[first].entry.vague
    stop = first + 1
    while stop < len(atoms):
        multiplier = atoms[stop].entry.multiplier
        if not multiplier or multiplier <= high:
            break
        low, high = low * multiplier, (high + 1) * multiplier - 1
        stop += 1
    return _Quantity(first, stop, None, low, high, vague=True)


def _rounded(value: float) -> float:
    """``value`` to six decimals, against float noise in sums and products. A whole number is returned
    as it is: round() with digits goes through a decimal conversion, and most figures are whole."""
    return value if value.is_integer() else round(value, 6)


def _lone_figure(atoms: Sequence[_Atom], first: int) -> bool:
    """Whether atoms[first] is digits that no multiplier follows: the number is the figure alone (most are)."""
    if first >= len(atoms) or not atoms[first].entry.digits:
        return False
    return first + 1 == len(atoms) or bool(atoms[first].entry.suffix) or not atoms[first + 1].entry.multiplier


def _evaluate(atoms: Sequence[_Atom], first: int) -> _Quantity | None:
    """The number the atoms from ``first`` on spell, if any."""
    if first < len(atoms) and atoms[first].entry.vague:
        return _evaluate_vague(atoms, first)
    if _lone_figure(atoms, first):
        value = _rounded(atoms[first].value)
        return _Quantity(first, first + 1, value, value, value)
    stack: list[float] = []
    bare = False
    previous = None
    stop = first
    while stop < len(atoms):
        atom = atoms[stop]
        bare = _apply(stack, bare, previous, atom)
        if bare is None:
            break
        previous, stop = atom, stop + 1
        if atom.entry.suffix:
            break
    if not stack:
        return None
    value = _rounded(sum(stack))
    return _Quantity(first, stop, value, value, value)


def _trailing_multipliers(atoms: list[_Atom], quantity: _Quantity) -> list[_Atom]:
    parts = atoms[quantity.first:quantity.stop]
    count = 0
    while count < len(parts) - 1 and parts[-1 - count].entry.multiplier:
        count += 1
    return parts[len(parts) - count:]


def _lower_end(atoms: list[_Atom], left: _Quantity, right: _Quantity) -> _Quantity:
    """The left end of a range, borrowing the right end's multipliers when that keeps it ascending."""
    parts = atoms[left.first:left.stop]
    shared = _trailing_multipliers(atoms, right)
    for count in range(len(shared), 0, -1):
        lower = _evaluate(parts + shared[-count:], 0)
        if lower and lower.stop == len(parts) + count and lower.low < right.low:
            return lower
    return left


def _read_range(atoms: list[_Atom], left: _Quantity, extra: frozenset[str] | None) -> tuple[_Quantity, _Quantity] | None:
    """The two ends of a range starting with ``left``; ``extra``: the connectors its opener allows."""
    if left.stop + 1 >= len(atoms):
        return None
    link = atoms[left.stop].entry
    if not (link.connector or (extra is not None and link.key in extra)):
        return None
    right = _evaluate(atoms, left.stop + 1)
    if right is None:
        return None
    lower = _lower_end(atoms, left, right)
    return (lower, right) if lower.low < right.low else None


def _bounds(quantity: _Quantity, qualifier: str | None, tolerance: float) -> tuple[float | None, float | None]:
    if not quantity.vague:
        return _value_bounds(quantity.value, qualifier, tolerance)
    return (None if qualifier == "at_most" else quantity.low, None if qualifier == "at_least" else quantity.high)


def _value_bounds(value: float, qualifier: str | None, tolerance: float) -> tuple[float | None, float | None]:
    if qualifier == "approx":
        spread = value * tolerance
        return _rounded(value - spread), _rounded(value + spread)
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    return value, value


def _read_after(atoms: list[_Atom], stop: int, qualifier: str | None, unit: str | None) -> tuple[int, str | None, str | None]:
    """Qualifier and unit words after the number, in either order ("5 juta dolar lebih"); a qualifier
    word only where the number has none. Returns the index after them, the qualifier and the unit."""
    for _ in range(2):
        if stop >= len(atoms):
            break
        entry = atoms[stop].entry
        if entry.after and qualifier is None:
            qualifier = entry.after
        elif entry.unit and unit is None:
            unit = entry.unit
        else:
            break
        stop += 1
    return stop, qualifier, unit


def _read_at(text: str, atoms: list[_Atom], index: int, tolerance: float) -> tuple[NumberMention | None, int]:
    """The mention starting at atoms[index], if any, and the index to continue from (always > index):
    [range opener] [qualifier] quantity [connector quantity] [after-words]."""
    entry = atoms[index].entry
    if entry.ignore and not (index and atoms[index - 1].entry.numeric):
        skipped = _evaluate(atoms, index + 1)
        return None, skipped.stop if skipped else index + 1
    first = index if entry.opener is None else index + 1
    qualifier = atoms[first].entry.before if first < len(atoms) else None
    at = first + 1 if qualifier else first
    if _plain_figure(atoms, at, entry.opener):
        return _read_figure(text, atoms, first, at, qualifier, tolerance)
    quantity = _evaluate(atoms, at)
    if quantity is None:
        return None, index + 1
    unit = atoms[quantity.first].entry.unit_before
    paired = _read_range(atoms, quantity, entry.opener)
    if paired:
        lower, upper = paired
        first = index
        last, value, low, high = upper.stop, None, lower.low, upper.high
        stop, qualifier, unit = _read_after(atoms, last, "approx", unit)
    else:
        last, value = quantity.stop, quantity.value
        stop, qualifier, unit = _read_after(atoms, last, qualifier or atoms[last - 1].entry.suffix, unit)
        low, high = _bounds(quantity, qualifier, tolerance)
        qualifier = "vague" if quantity.vague else qualifier or "exact"
    start, end = atoms[first].start, atoms[stop - 1].end
    mention = _new_mention((start, end, text[start:end], value, low, high, qualifier,
                            atoms[quantity.first].number_start, atoms[last - 1].number_end, unit))
    return mention, stop


def _plain_figure(atoms: list[_Atom], at: int, opener: frozenset[str] | None) -> bool:
    """Whether atoms[at] is digits read alone: no multiplier nor range connector follows (most numbers).
    :func:`_read_figure` then gives what the general reading would."""
    if at >= len(atoms) or not atoms[at].entry.digits:
        return False
    if at + 1 == len(atoms):
        return True
    following = atoms[at + 1].entry
    return not (following.multiplier or following.connector or opener is not None)


def _read_figure(text: str, atoms: list[_Atom], first: int, at: int, qualifier: str | None,
                 tolerance: float) -> tuple[NumberMention, int]:
    """:func:`_read_at` for atoms[first:at] (an optional qualifier) before the plain figure atoms[at]."""
    figure = atoms[at]
    value = _rounded(figure.value)
    stop, qualifier, unit = _read_after(atoms, at + 1, qualifier or figure.entry.suffix, figure.entry.unit_before)
    low, high = _value_bounds(value, qualifier, tolerance)
    start, end = atoms[first].start, atoms[stop - 1].end
    mention = _new_mention((start, end, text[start:end], value, low, high, qualifier or "exact",
                            figure.number_start, figure.number_end, unit))
    return mention, stop


def _read_chain(text: str, atoms: list[_Atom], tolerance: float) -> list[NumberMention]:
    mentions = []
    index = 0
    while index < len(atoms):
        mention, index = _read_at(text, atoms, index, tolerance)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _outside(runs: list[list[_Found]], exclude: Sequence[tuple[int, int]]) -> Iterator[tuple[list[_Found], bool]]:
    """The runs that no ``exclude`` span holds whole (every mention of such a run would overlap it: a
    date's "2022"), each with whether a span may overlap it. The runs come in text order, so one walk
    over the spans sorted by start gives the furthest end of those starting at or before each run."""
    spans = sorted(exclude)
    count = len(spans)
    index, reach = 0, -1
    for run in runs:
        start, end = run[0][0], run[-1][1]
        while index < count and spans[index][0] <= start:
            reach = max(reach, spans[index][1])
            index += 1
        if reach < end:
            yield run, reach > start or (index < count and spans[index][0] < end)


def _run_mentions(text: str, run: list[_Found], grammar: _Grammar) -> list[NumberMention]:
    """The mentions of a run from :func:`_runs`. The most common run, a lone figure with no currency
    nor suffix ("37 orang"), is read at once: :func:`_read_figure` gives it the figure's own span and
    rounded value, exact, with no unit."""
    if len(run) == 1 and run[0][2] is grammar.digit_entries[None, None]:
        start, end = run[0][0], run[0][1]
        value = _rounded(_digits_value(text[start:end], grammar))
        return [_new_mention((start, end, text[start:end], value, value, value, "exact", start, end, None))]
    return _read_chain(text, _atoms(text, run, grammar), grammar.tolerance)


def find_numbers(text: str, language: str = "id", exclude: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Number mentions in text order, non-overlapping; those overlapping an ``exclude`` span are dropped."""
    grammar = _grammar(language)
    mentions = []
    for run, overlapped in _outside(_runs(text, grammar), exclude):
        found = _run_mentions(text, run, grammar)
        if overlapped:
            found = [m for m in found if not any(s < m.end and e > m.start for s, e in exclude)]
        mentions += found
    return mentions


def parse_number(words: str, language: str = "id") -> float | None:
    """The value of a bare number ("3.700", "1,5 juta", "dua puluh tiga"); None for anything else,
    including qualified, vague, ranged or unit-bearing expressions."""
    grammar = _grammar(language)
    text = words.strip()
    chains = list(_chains(text, grammar))
    if len(chains) != 1 or chains[0][0].start != 0 or chains[0][-1].end != len(text):
        return None
    atoms = chains[0]
    quantity = _evaluate(atoms, 0)
    if quantity is None or quantity.stop != len(atoms) or quantity.vague:
        return None
    if atoms[0].entry.unit_before or atoms[-1].entry.suffix:
        return None
    return quantity.value
