"""Interface words in the chosen language, from ``kzdata/lang/<code>/labels.toml``."""
from __future__ import annotations

from kzdata import language

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}


def t(key: str, lang: str, **values) -> str:
    text = language.load("labels", lang)["ui"][key]
    return text.format(**values) if values else text


def type_label(event_type: str, lang: str) -> str:
    return language.load("labels", lang)["event_types"].get(event_type, event_type)


def category_label(category: str, lang: str) -> str:
    return language.load("labels", lang)["categories"].get(category, category)
