"""Numeric expressions in running text: "31", "3.700", "1,5 juta", "Dua puluh tiga", "lebih dari 3.700",
"puluhan ribu", "200-300", "15 persen".

All words and separators come from ``lang/<code>/numbers.toml``; nothing here is specific to a language.

How it works: one pass over the text finds *atoms* (a digit token with an optional glued currency
and suffix, or a known phrase; see :func:`_atom_matches`). Atoms separated only by spaces form a *chain*,
which is read left to right: [range opener] [qualifier] quantity [connector quantity] [after-words].

A quantity of words is evaluated with a stack ("dua ribu lima ratus" -> [2000, 500]): a multiplier
multiplies the trailing items smaller than itself, an adder ("belas") adds to a lone digit word, and
a value may only follow an item it fits under ("lima" fits under "dua puluh", "tiga" not under
"dua"). The first atom that does not fit ends the number, so "dua tiga" is two numbers.

Conventions:
  * exact: value = low = high.
  * approx: low/high = value -/+ ``approx_tolerance`` (0.1 for Indonesian) of the value.
  * at_least ("lebih dari", "sedikitnya", "2.000 lebih", "2.000-an"): low = value, high = None
    (also for the strict "lebih dari": the stated number is the useful bound).
  * at_most ("hampir", "kurang dari", "hingga"): low = None, high = value.
  * vague ("puluhan"): value None, low/high from the data file; a qualifier before it drops the
    bound it leaves open ("lebih dari ratusan": high None) but the qualifier stays "vague".
  * range ("200-300", "antara 200 dan 300", "2-3 juta"): qualifier "approx", value None,
    low = lower end, high = upper end, no tolerance. A trailing multiplier is shared by the lower
    end when that keeps the range ascending ("2-3 juta" = 2e6..3e6). Descending pairs are not ranges.
  * Digit tokens with ":" or "/" (times, numeric dates) or a malformed group ("16.46", "4.40") are
    skipped, as are digits glued to letters ("COVID-19", "ke-2", "5G").
  * Numbers right after an ``ignore`` word ("salah satu", "pukul 10", "tahun 2022") are skipped.
  * ``unit`` is "percent" or "currency" when the number carries one, else None.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Iterator, Sequence

from . import language as lang

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")
_PHRASE_QUALIFIERS = {"approx", "at_least", "at_most"}
_NOT_GLUED = r"(?!\w|-[^\W\d_])"
_NO_LETTER = r"(?![^\W\d_])"


@dataclass(frozen=True)
class NumberMention:
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
class _Amount:
    value: float | None
    low: float
    high: float
    vague: bool = False


@dataclass(slots=True)
class _Quantity:
    first: int
    stop: int
    amount: _Amount


@dataclass(slots=True)
class _Item:
    value: float
    bare: bool


@dataclass(frozen=True)
class _Grammar:
    atoms: tuple[re.Pattern, re.Pattern]       # (atoms that start a word, atoms that start with a symbol)
    caseless: tuple[re.Pattern, re.Pattern]    # the same, ignoring case
    digits: re.Pattern
    decimal: str
    group: str
    tolerance: float
    phrases: dict[str, _Entry]
    digit_entries: dict[tuple[str | None, str | None], _Entry]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


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


def _digit_validator(decimal: str, group: str) -> re.Pattern:
    d, g = re.escape(decimal), re.escape(group)
    return re.compile(rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?")


def _atom_patterns(data: dict, phrases: dict[str, _Entry]) -> tuple[str, str]:
    """The patterns of :func:`_atom_matches`: atoms that start a word, led by the character before
    them, and atoms that start with a symbol.

    A word atom is digits (with a glued currency and suffix) or a known phrase, not after a word
    character nor after "word-". Its pattern consumes the non-word character before it, so that the
    regex engine skips through words instead of trying the pattern at every character, and the digits
    are tried only where a digit or a currency can start."""
    separators = re.escape(data["separators"]["decimal"] + data["separators"]["group"])
    currencies = [_key(c) for c in data.get("units", {}).get("before", {})]
    suffixes = [_key(s) for s in data["qualifiers"].get("suffixes", {})]
    currency = _trie(currencies, _NO_LETTER) if currencies else "(?!)"
    suffix = _trie(suffixes, "") if suffixes else "(?!)"
    leads = re.escape("".join(sorted({c[0] for c in currencies})))
    digits = (rf"(?=[\d{leads}])(?:(?P<cur>{currency})\s*)?"
              rf"(?P<num>(?>\d+(?:[{separators}:/]\d+)*))(?P<suffix>{suffix})?{_NOT_GLUED}")
    words, symbols = _split_words(phrases)
    word = _trie(words, _NOT_GLUED) if words else "(?!)"
    symbol = _trie(symbols, _NOT_GLUED) if symbols else "(?!)"
    return rf"\W(?<![^\W\d_]-)(?:{digits}|{word})", symbol


@lru_cache(maxsize=None)
def _grammar(language: str) -> _Grammar:
    data = lang.load("numbers", language)
    _check_qualifiers(data, language)
    phrases = {key: _Entry(**role) for key, role in _phrase_roles(data).items()}
    separators = data["separators"]
    patterns = _atom_patterns(data, phrases)
    return _Grammar(
        atoms=tuple(re.compile(p) for p in patterns),
        caseless=tuple(re.compile(p, re.IGNORECASE) for p in patterns),
        digits=_digit_validator(separators["decimal"], separators["group"]),
        decimal=separators["decimal"],
        group=separators["group"],
        tolerance=float(data.get("approx_tolerance", 0.0)),
        phrases=phrases,
        digit_entries=_digit_entries(data),
    )


def _digit_value(token: str, grammar: _Grammar) -> float | None:
    """3700.0 for "3.700"; None for times, dates and malformed groups ("16.46", "13/1/2022")."""
    if not grammar.digits.fullmatch(token):
        return None
    return float(token.replace(grammar.group, "").replace(grammar.decimal, "."))


def _atom_matches(words: re.Pattern, symbols: re.Pattern, text: str) -> Iterator[tuple[int, int, re.Match]]:
    """(start, end, match) of each atom, left to right and not overlapping, as one regex of both kinds
    would find them (a word atom first where both could start).

    ``words`` runs on ``" " + text``: its matches start one character before the atom, so their
    offsets there are the atom's in ``text`` (the end one past it). ``symbols`` runs on ``text``."""
    padded = " " + text
    word, symbol = words.search(padded), symbols.search(text)
    while word is not None or symbol is not None:
        if symbol is None or (word is not None and word.start() <= symbol.start()):
            end = word.end() - 1
            yield word.start(), end, word
        else:
            end = symbol.end()
            yield symbol.start(), end, symbol
        if word is not None and word.start() < end:
            word = words.search(padded, end)
        if symbol is not None and symbol.start() < end:
            symbol = symbols.search(text, end)


def _atom(scanned: str, start: int, end: int, match: re.Match, grammar: _Grammar) -> _Atom | None:
    """The atom at ``scanned[start:end]``, found by ``match`` (see :func:`_atom_matches`); None for
    digits that are no figure."""
    number = match.group("num") if "num" in match.re.groupindex else None
    if number is None:
        phrase = scanned[start:end]
        entry = grammar.phrases.get(phrase) or grammar.phrases[_key(phrase)]
        return _Atom(start, end, start, end, entry, entry.value)
    value = _digit_value(number, grammar)
    if value is None:
        return None
    currency, suffix = match.group("cur"), match.group("suffix")
    entry = grammar.digit_entries[(currency and _key(currency), suffix and suffix.lower())]
    return _Atom(start, end, match.start("num") - 1, match.end("num") - 1, entry, value)


def _chains(text: str, grammar: _Grammar) -> Iterator[list[_Atom]]:
    """Runs of atoms separated by nothing or by spaces within one line, if they hold a number.

    Matching lowercased text is faster than a case-insensitive regex; it is used whenever
    lowercasing keeps every offset."""
    lowered = text.lower()
    regexes, scanned = (grammar.atoms, lowered) if len(lowered) == len(text) else (grammar.caseless, text)
    if scanned is lowered and lang.plain_ascii(lowered):
        regexes = tuple(map(lang.ascii_twin, regexes))
    chain: list[_Atom] = []
    numeric = False
    for start, end, match in _atom_matches(*regexes, scanned):
        atom = _atom(scanned, start, end, match, grammar)
        if atom is None:
            continue
        if chain:
            gap = text[chain[-1].end:atom.start]
            if gap and (not gap.isspace() or "\n" in gap):
                if numeric:
                    yield chain
                chain, numeric = [], False
        chain.append(atom)
        numeric = numeric or atom.entry.numeric
    if chain and numeric:
        yield chain


def _place(value: float) -> float:
    """The largest power of ten dividing the value: what a following smaller number may fill."""
    if value <= 0 or value != int(value):
        return 0
    number, place = int(value), 1
    while number % 10 == 0:
        number //= 10
        place *= 10
    return place


def _push(stack: list[_Item], previous: _Atom | None, atom: _Atom) -> bool:
    if stack:
        if previous.entry.digits or (atom.entry.digits and previous.entry.multiplier is None):
            return False
        if atom.value >= _place(stack[-1].value):
            return False
    stack.append(_Item(atom.value, bare=not atom.entry.digits))
    return True


def _multiply(stack: list[_Item], multiplier: float) -> bool:
    taken, total = 0, 0.0
    for item in reversed(stack):
        if item.value >= multiplier:
            break
        taken, total = taken + 1, total + item.value
    if not taken:
        return False
    product = total * multiplier
    if len(stack) > taken and stack[-taken - 1].value <= product:
        return False
    del stack[-taken:]
    stack.append(_Item(product, bare=False))
    return True


def _add(stack: list[_Item], adder: float) -> bool:
    if not stack or not stack[-1].bare:
        return False
    value = stack[-1].value
    if not (1 <= value < adder and value == int(value)):
        return False
    stack[-1] = _Item(value + adder, bare=False)
    return True


def _apply(stack: list[_Item], previous: _Atom | None, atom: _Atom) -> bool:
    """Fold one atom into the number; False (stack untouched) when it does not belong to it."""
    entry = atom.entry
    if atom.value is not None and not (stack and entry.unit_before):
        return _push(stack, previous, atom)
    if entry.multiplier:
        return _multiply(stack, entry.multiplier)
    if entry.adder:
        return _add(stack, entry.adder)
    return False


def _evaluate_vague(atoms: Sequence[_Atom]) -> tuple[_Amount, int]:
    low, high = atoms[0].entry.vague
    used = 1
    for atom in atoms[1:]:
        multiplier = atom.entry.multiplier
        if not multiplier or multiplier <= high:
            break
        low, high = low * multiplier, (high + 1) * multiplier - 1
        used += 1
    return _Amount(None, low, high, vague=True), used


def _evaluate(atoms: Sequence[_Atom]) -> tuple[_Amount | None, int]:
    """The amount the leading atoms spell and how many of them it takes."""
    if atoms and atoms[0].entry.vague:
        return _evaluate_vague(atoms)
    stack: list[_Item] = []
    previous = None
    used = 0
    for atom in atoms:
        if not _apply(stack, previous, atom):
            break
        previous, used = atom, used + 1
        if atom.entry.suffix:
            break
    if not stack:
        return None, 0
    value = round(sum(item.value for item in stack), 6)
    return _Amount(value, value, value), used


def _read_quantity(atoms: list[_Atom], first: int) -> _Quantity | None:
    amount, used = _evaluate(atoms[first:])
    return _Quantity(first, first + used, amount) if amount else None


def _trailing_multipliers(atoms: list[_Atom], quantity: _Quantity) -> list[_Atom]:
    parts = atoms[quantity.first:quantity.stop]
    count = 0
    while count < len(parts) - 1 and parts[-1 - count].entry.multiplier:
        count += 1
    return parts[len(parts) - count:]


def _lower_end(atoms: list[_Atom], left: _Quantity, right: _Quantity) -> _Amount:
    """The left end of a range, borrowing the right end's multipliers when that keeps it ascending."""
    parts = atoms[left.first:left.stop]
    shared = _trailing_multipliers(atoms, right)
    for count in range(len(shared), 0, -1):
        amount, used = _evaluate(parts + shared[-count:])
        if amount and used == len(parts) + count and amount.low < right.amount.low:
            return amount
    return left.amount


def _read_range(atoms: list[_Atom], left: _Quantity, opener: _Entry | None) -> tuple[_Amount, _Quantity] | None:
    if left.stop + 1 >= len(atoms):
        return None
    link = atoms[left.stop].entry
    if not (link.connector or (opener is not None and link.key in opener.opener)):
        return None
    right = _read_quantity(atoms, left.stop + 1)
    if right is None:
        return None
    lower = _lower_end(atoms, left, right)
    return (lower, right) if lower.low < right.amount.low else None


def _bounds(amount: _Amount, qualifier: str | None, tolerance: float) -> tuple[float | None, float | None]:
    low, high = amount.low, amount.high
    if qualifier == "approx" and not amount.vague:
        spread = amount.value * tolerance
        low, high = round(amount.value - spread, 6), round(amount.value + spread, 6)
    elif qualifier == "at_least":
        high = None
    elif qualifier == "at_most":
        low = None
    return low, high


@dataclass
class _Reading:
    """One mention under construction."""
    first: _Atom
    quantity: _Quantity
    qualifier: str | None = None
    unit: str | None = None
    stop: int = 0
    amount: _Amount | None = None
    ranged: bool = False
    last: _Atom | None = None


def _read_suffixes(atoms: list[_Atom], reading: _Reading) -> None:
    """Qualifier and unit words after the number, in either order: "5 juta dolar lebih"."""
    for _ in range(2):
        if reading.stop >= len(atoms):
            return
        entry = atoms[reading.stop].entry
        if entry.after and reading.qualifier is None and not reading.ranged:
            reading.qualifier = entry.after
        elif entry.unit and reading.unit is None:
            reading.unit = entry.unit
        else:
            return
        reading.stop += 1


def _mention(text: str, atoms: list[_Atom], reading: _Reading, tolerance: float) -> NumberMention:
    amount = reading.amount
    if reading.ranged:
        value, low, high, qualifier = None, amount.low, amount.high, "approx"
    else:
        low, high = _bounds(amount, reading.qualifier, tolerance)
        value = amount.value
        qualifier = "vague" if amount.vague else reading.qualifier or "exact"
    start, end = reading.first.start, atoms[reading.stop - 1].end
    return NumberMention(
        start=start, end=end, text=text[start:end], value=value, low=low, high=high, qualifier=qualifier,
        number_start=atoms[reading.quantity.first].number_start,
        number_end=reading.last.number_end,
        unit=reading.unit,
    )


def _read_at(text: str, atoms: list[_Atom], index: int, grammar: _Grammar) -> tuple[NumberMention | None, int]:
    """The mention starting at atoms[index], if any, and the index to continue from (always > index)."""
    atom = atoms[index]
    if atom.entry.ignore and not (index and atoms[index - 1].entry.numeric):
        skipped = _read_quantity(atoms, index + 1)
        return None, skipped.stop if skipped else index + 1
    opener = atom.entry if atom.entry.opener is not None else None
    cursor = index + 1 if opener else index
    qualifier_atom = atoms[cursor] if cursor < len(atoms) and atoms[cursor].entry.before else None
    if qualifier_atom:
        cursor += 1
    quantity = _read_quantity(atoms, cursor) if cursor < len(atoms) else None
    if quantity is None:
        return None, index + 1
    reading = _Reading(first=qualifier_atom or atoms[quantity.first], quantity=quantity,
                       qualifier=qualifier_atom.entry.before if qualifier_atom else None,
                       unit=atoms[quantity.first].entry.unit_before, stop=quantity.stop,
                       amount=quantity.amount, last=atoms[quantity.stop - 1])
    paired = _read_range(atoms, quantity, opener)
    if paired:
        lower, upper = paired
        reading.ranged, reading.stop, reading.last = True, upper.stop, atoms[upper.stop - 1]
        reading.amount = _Amount(None, lower.low, upper.amount.high)
        reading.first = atom if opener else reading.first
    elif reading.qualifier is None:
        reading.qualifier = atoms[quantity.stop - 1].entry.suffix
    _read_suffixes(atoms, reading)
    return _mention(text, atoms, reading, grammar.tolerance), reading.stop


def _read_chain(text: str, atoms: list[_Atom], grammar: _Grammar) -> Iterator[NumberMention]:
    index = 0
    while index < len(atoms):
        mention, index = _read_at(text, atoms, index, grammar)
        if mention is not None:
            yield mention


class _Spans:
    """Spans to test for overlap (binary search over the spans sorted by start)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def overlap(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)
        return bool(before) and self.reach[before - 1] > start


def find_numbers(text: str, language: str = "id", exclude: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Number mentions in text order, non-overlapping; those overlapping an ``exclude`` span are dropped."""
    grammar = _grammar(language)
    if not exclude:
        return [mention for chain in _chains(text, grammar) for mention in _read_chain(text, chain, grammar)]
    excluded = _Spans(exclude)
    mentions = []
    for chain in _chains(text, grammar):
        # A mention covers atoms of its chain: if each atom overlaps an excluded span, so does every mention.
        if not all(excluded.overlap(atom.start, atom.end) for atom in chain):
            mentions += [m for m in _read_chain(text, chain, grammar) if not excluded.overlap(m.start, m.end)]
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
    quantity = _read_quantity(atoms, 0)
    if quantity is None or quantity.stop != len(atoms) or quantity.amount.vague:
        return None
    if atoms[0].entry.unit_before or atoms[-1].entry.suffix:
        return None
    return quantity.amount.value
