"""Colours for charts and maps: colour-blind-safe, stable from one run to the next.

The base is the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008; 8 colours that stay
distinguishable with the common colour-vision deficiencies). Sixteen event types need more than 8
colours, so :func:`type_colors` adds Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/,
9 colours designed for the same purpose) and Tol's grey for "other". Related types share a hue family:

- unrest (protest, clash, building_attack, airport_seized): oranges, reds and wine;
- state measures (state_of_emergency, shoot_order, arrests, government_resignation,
  internet_shutdown): purples, olive and sand, with black for the internet blackout;
- the CSTO mission, asked for and arriving (csto_request, troop_deployment, troop_arrival): blues;
- the CSTO mission ending and things returning to normal (mission_complete, troop_withdrawal,
  airport_reopened): greens.

Plotly takes the hex strings, pydeck the RGB tuples (``[*rgb, alpha]`` for a fill colour).
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

# Okabe–Ito in its published order.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Paul Tol's muted scheme (its pale grey #DDDDDD, meant for "no data", is left out).
TOL_MUTED: dict[str, str] = {
    "indigo": "#332288",
    "cyan": "#88CCEE",
    "teal": "#44AA99",
    "green": "#117733",
    "olive": "#999933",
    "sand": "#DDCC77",
    "rose": "#CC6677",
    "wine": "#882255",
    "purple": "#AA4499",
}
TOL_GREY = "#BBBBBB"

# The order in which categorical values (outlets, figure categories) take Okabe–Ito colours: the
# strongest contrasts on a white background first, yellow (weak on white) and black (reads as
# "no colour") last.
SEQUENCE: tuple[str, ...] = tuple(OKABE_ITO[name] for name in (
    "blue", "orange", "bluish_green", "vermillion", "sky_blue", "reddish_purple", "yellow", "black"))

_TYPE_HEX: dict[str, str] = {
    # unrest
    "protest": OKABE_ITO["orange"],
    "clash": OKABE_ITO["vermillion"],
    "building_attack": TOL_MUTED["rose"],
    "airport_seized": TOL_MUTED["wine"],
    # state measures
    "state_of_emergency": OKABE_ITO["reddish_purple"],
    "shoot_order": TOL_MUTED["purple"],
    "arrests": TOL_MUTED["olive"],
    "government_resignation": TOL_MUTED["sand"],
    "internet_shutdown": OKABE_ITO["black"],
    # the CSTO mission arriving
    "csto_request": TOL_MUTED["indigo"],
    "troop_deployment": OKABE_ITO["blue"],
    "troop_arrival": OKABE_ITO["sky_blue"],
    # the mission ending, normal life returning
    "mission_complete": TOL_MUTED["teal"],
    "troop_withdrawal": OKABE_ITO["bluish_green"],
    "airport_reopened": TOL_MUTED["green"],
    "other": TOL_GREY,
}

# Figure categories (kzdata/schema.py): casualties warm, detentions purple, troops blue.
_CATEGORY_HEX: dict[str, str] = {
    "killed": OKABE_ITO["vermillion"],
    "injured": OKABE_ITO["orange"],
    "arrested": OKABE_ITO["reddish_purple"],
    "detained": TOL_MUTED["purple"],
    "troops": OKABE_ITO["blue"],
    "evacuated": OKABE_ITO["bluish_green"],
    "aircraft": OKABE_ITO["sky_blue"],
    "other": TOL_GREY,
}

# Marker symbols for outlets where colour already means something else (plotly names that both
# go.Scatter and go.Scattergl draw).
SYMBOLS: tuple[str, ...] = ("circle", "square", "diamond", "triangle-up", "cross", "x",
                            "triangle-down", "star")


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#E69F00"`` -> ``(230, 159, 0)``."""
    value = color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgba(color: str, alpha: float) -> str:
    """A CSS ``rgba(...)`` string for a hex colour, for translucent fills and lines in plotly."""
    r, g, b = hex_to_rgb(color)
    return f"rgba({r},{g},{b},{alpha:g})"


SEQUENCE_RGB: tuple[tuple[int, int, int], ...] = tuple(hex_to_rgb(c) for c in SEQUENCE)


def _stable(names: Sequence[str], colors: Sequence[str]) -> dict[str, str]:
    unique = sorted({str(n) for n in names if not pd.isna(n)})
    return {name: colors[i % len(colors)] for i, name in enumerate(unique)}


def outlet_colors(outlets: Sequence[str]) -> dict[str, str]:
    """Hex colour per outlet: the sorted distinct names take :data:`SEQUENCE` in order, cycling.

    The same set of outlets always gives the same colours, whatever order they come in.
    """
    return _stable(outlets, SEQUENCE)


def outlet_symbols(outlets: Sequence[str]) -> dict[str, str]:
    """Plotly marker symbol per outlet, assigned like :func:`outlet_colors` (sorted, cycling)."""
    return _stable(outlets, SYMBOLS)


def type_colors() -> dict[str, tuple[int, int, int]]:
    """RGB colour per event type, in the order of ``kzdata.events.EVENT_TYPES`` (16 types)."""
    from .events import EVENT_TYPES

    return {t: hex_to_rgb(_TYPE_HEX[t]) for t in EVENT_TYPES}


def type_colors_hex() -> dict[str, str]:
    """The same colours as :func:`type_colors`, as ``#RRGGBB`` strings for plotly."""
    from .events import EVENT_TYPES

    return {t: _TYPE_HEX[t] for t in EVENT_TYPES}


def category_colors() -> dict[str, str]:
    """Hex colour per figure category (killed, injured, arrested, ...)."""
    return dict(_CATEGORY_HEX)
