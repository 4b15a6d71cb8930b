"""Language knowledge lives in data files, one folder per language: ``lang/<code>/<topic>.toml``.

Code reads them through :func:`load`, so adding a language means adding a folder, not code.
"""
from __future__ import annotations

import re
import tomllib
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
    return phrase_regex([r"[\s-]+".join(map(re.escape, p.split())) for p in phrases], flags)
