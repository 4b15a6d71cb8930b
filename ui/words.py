"""Interface words in the chosen language, from ``kzdata/lang/<code>/labels.toml``."""
from __future__ import annotations

from kzdata import language

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}


def t(key: str, lang: str, topic: str = "labels", **values) -> str:
    """The interface text `key`: from ``labels.toml``'s [ui] table, or from a page's own ``<topic>.toml``."""
    table = language.load(topic, lang)
    text = (table["ui"] if "ui" in table else table)[key]
    return text.format(**values) if values else text


def type_label(event_type: str, lang: str) -> str:
    return language.load("labels", lang)["event_types"].get(event_type, event_type)


def category_label(category: str, lang: str) -> str:
    return language.load("labels", lang)["categories"].get(category, category)
