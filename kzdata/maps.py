"""The base map every map page shares: outlines drawn from bundled boundaries, views as data.

The outlines come from ``kzdata/geo`` (Natural Earth), so the map is readable with no internet.
Where tiles can load, a token-free Carto basemap sits under them.
"""
from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from pathlib import Path

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from .gazetteer import countries_geojson, region_geojson

VIEWS_TOML = Path(__file__).parent / "data" / "map_views.toml"
OUTLINE = [70, 70, 70]
COUNTRY_FILL = [235, 233, 226, 255]
KAZAKHSTAN_FILL = [250, 249, 244, 255]
REGION_LINE = [150, 150, 150]
BASEMAP = pdk.map_styles.CARTO_LIGHT
MAP_SIZE = (600.0, 560.0)  # about a map's size on the page, in pixels, unless its preset gives `width` and `height`


@lru_cache(maxsize=1)
def views() -> dict[str, dict]:
    with VIEWS_TOML.open("rb") as handle:
        return tomllib.load(handle)


def fitted(name: str, phone: bool = False) -> str:
    """The preset to look through: on a phone, `name`'s phone variant (``<name>_phone``) if it has one."""
    return f"{name}_phone" if phone and f"{name}_phone" in views() else name


def map_size(settings: dict) -> tuple[float, float]:
    """The size in pixels of the map a preset is composed for: the page draws it that high, and labels
    are kept inside it."""
    return float(settings.get("width", MAP_SIZE[0])), float(settings.get("height", MAP_SIZE[1]))


def map_height(name: str) -> int:
    """The height in pixels to draw the named preset's map at."""
    return int(map_size(views()[name])[1])


def view_state(name: str) -> pdk.ViewState:
    preset = views()[name]
    return pdk.ViewState(latitude=preset["latitude"], longitude=preset["longitude"], zoom=preset["zoom"],
                         min_zoom=preset.get("min_zoom", 1), pitch=0, bearing=0)


def base_layers() -> list[pdk.Layer]:
    """Neighbouring countries filled grey, Kazakhstan light, its regions outlined: no tiles needed."""
    countries = pdk.Layer("GeoJsonLayer", countries_geojson(), id="countries", stroked=True, filled=True,
                          get_fill_color=COUNTRY_FILL, get_line_color=OUTLINE, line_width_min_pixels=1.2,
                          pickable=False)
    regions = pdk.Layer("GeoJsonLayer", region_geojson(), id="regions", stroked=True, filled=True,
                        get_fill_color=KAZAKHSTAN_FILL, get_line_color=REGION_LINE, line_width_min_pixels=0.8,
                        pickable=False)
    return [countries, regions]


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck indents by two spaces, which makes the bundled
    outlines about 2.5 MB on every rerun instead of about 0.5 MB."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def deck(layers: list[pdk.Layer], view: str, tooltip: dict | None = None) -> pdk.Deck:
    """A deck over the base layers, looking at the named view preset."""
    return CompactDeck(layers=base_layers() + list(layers), initial_view_state=view_state(view),
                    map_style=BASEMAP, map_provider="carto", tooltip=tooltip or False)
