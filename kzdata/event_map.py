"""The event map as data: which events are drawn where, how, and the deck that draws them (no Streamlit).

* :func:`map_rows`: events at a point or city, one row each, coloured by type and sized by the largest
  figure reported in the same sentence (same ``article_id`` and ``sentence_id``).
* :func:`region_rows`: events placed only in a region; :func:`region_shading` shades the region's
  polygons (``adm1_code`` in the place's ``adm1_codes``) and the region gets a hollow ring at its centre.
* :func:`country_rows` and :func:`unplaced_rows`: country-wide events and events with no place; they are
  listed beside the map, never drawn as a precise point.
* :func:`event_deck`: the deck over the shared base map (:func:`kzdata.maps.deck`).

``day`` (a date, or None for no limit) keeps the events that had happened by that day (``date`` <= day)
and the figures reported by then (``as_of`` <= day).

Markers that would overlap on screen at the view's zoom are fanned out in screen pixels round their
true place (``offset`` column, deck.gl's ``getPixelOffset``), which stays marked by a small dark dot, so
that the fan keeps its size whatever the zoom.

Tooltips are deck.gl *text* tooltips: the browser sets them as text (``innerText``), never as HTML, so
the article's words in the ``tip_*`` columns stay plain text and cannot inject markup.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from . import formatting, language, maps
from .events import EVENT_TYPES
from .gazetteer import Gazetteer, region_geojson
from .palette import type_colors
from .schema import summary_column

LAYER_IDS = {"shading": "region_shading", "regions": "region_events", "points": "events",
             "anchors": "anchors", "places": "places"}
PICKABLE_LAYERS = (LAYER_IDS["regions"], LAYER_IDS["points"])
DRAWN_PRECISIONS = ("point", "city")
DEFAULT_SIZE = 14.0      # marker diameter in pixels for an event with no figure
REGION_SIZE = 20.0       # ring diameter for a region with no figure
MAX_SIZE = 40.0
MARKER_GAP = 3.0         # pixels between fanned-out markers
RING_MAX = 8             # up to this many markers fan out on a ring; more, on a sunflower spiral
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
DARK = [40, 40, 40]
QUOTE_LENGTH = 240
TIP_COLUMNS = ("tip_when", "tip_type", "tip_summary", "tip_where", "tip_outlet", "tip_figure", "tip_quote")
TOOLTIP_TEXT = "{tip_when} · {tip_type}\n{tip_summary}\n{tip_where}\n{tip_outlet}{tip_figure}\n{tip_quote}"
TOOLTIP_STYLE = {"backgroundColor": "white", "color": "#222", "fontSize": "12px", "maxWidth": "340px",
                 "border": "1px solid #999", "borderRadius": "4px", "padding": "6px 8px", "lineHeight": "1.35"}
# Reference places labelled in each view (canonical gazetteer names); the Almaty view adds the
# landmarks the news names there (the gazetteer's places inside Almaty).
VIEW_PLACES = {"country": ("Zhanaozen", "Aktau", "Almaty", "Nur-Sultan"), "almaty": ()}
LANDMARK_KINDS = ("airport", "building", "square")
# The page's views (the URL's ``view``) and the presets in kzdata/data/map_views.toml they look through.
MAP_VIEWS = {"country": "kazakhstan", "almaty": "almaty"}
MAX_MARKERS = 2000         # markers of each kind drawn at most (the latest), to keep the page light


def preset(view: str, phone: bool = False) -> str:
    """The map_views.toml preset a page view looks through (a preset's own name works too), fitted to a phone."""
    return maps.fitted(MAP_VIEWS.get(view, view), phone)


def words(lang: str) -> dict:
    return language.load("ui_map", lang)


def _day(day) -> pd.Timestamp | None:
    return None if day is None or day is pd.NaT else pd.Timestamp(day).normalize()


def happened_by(events: pd.DataFrame, day=None) -> pd.DataFrame:
    """Events that had happened by `day`: ``date`` <= day (an undated event counts only with no day)."""
    limit = _day(day)
    if limit is None:
        return events
    return events.loc[events["date"].notna() & (events["date"] < limit + pd.Timedelta(days=1))]


def figures_by(figures: pd.DataFrame, day=None) -> pd.DataFrame:
    """Figures reported by `day`: ``as_of`` <= day (a figure with no date counts only with no day)."""
    limit = _day(day)
    if limit is None:
        return figures
    return figures.loc[figures["as_of"].notna() & (figures["as_of"] < limit + pd.Timedelta(days=1))]


def span(events: pd.DataFrame, figures: pd.DataFrame) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of the data: event dates and ends, figure dates."""
    days = pd.concat([events["date"], events["date_end"], figures["as_of"]]).dropna()
    if days.empty:
        return None, None
    return days.min().date(), days.max().date()


def marker_size(value) -> float:
    """Marker diameter in pixels: the default, growing with the logarithm of the figure."""
    if value is None or pd.isna(value) or value <= 0:
        return DEFAULT_SIZE
    return min(DEFAULT_SIZE + 5.0 * math.log10(1.0 + float(value)), MAX_SIZE)


def _figure_size(figures: pd.DataFrame) -> pd.Series:
    """The number a figure stands for: its value, else its high bound, else its low bound."""
    return figures["value"].fillna(figures["high"]).fillna(figures["low"]).astype("Float64")


def largest_figures(events: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Per event (same index): ``figure``, the largest number among the figures of its sentence (same
    article_id and sentence_id; NaN if none), and that figure's ``figure_id`` (None if none; on a tie,
    the smallest id)."""
    out = pd.DataFrame({"figure": float("nan"), "figure_id": None}, index=events.index, dtype=object)
    out["figure"] = float("nan")
    if events.empty or figures.empty:
        return out
    sized = pd.DataFrame({"article_id": figures["article_id"].astype(object),
                          "sentence_id": figures["sentence_id"].astype(object),
                          "figure_id": figures["figure_id"].astype(object),
                          "_size": _figure_size(figures).astype(float)}).dropna(subset=["_size"])
    best = sized.sort_values(["_size", "figure_id"], ascending=[False, True], kind="stable") \
        .drop_duplicates(["article_id", "sentence_id"])
    keys = pd.DataFrame({"article_id": events["article_id"].astype(object).to_numpy(),
                         "sentence_id": events["sentence_id"].astype(object).to_numpy()})
    found = keys.merge(best, on=["article_id", "sentence_id"], how="left")
    out["figure"] = found["_size"].to_numpy(dtype=float)
    out["figure_id"] = [None if pd.isna(f) else f for f in found["figure_id"]]
    return out


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else str(value)


def _short(text: str, limit: int = QUOTE_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _type_label(event_type: str, lang: str) -> str:
    return language.load("labels", lang)["event_types"].get(event_type, event_type)


def _column(rows: pd.DataFrame, name: str) -> list:
    """A column as a plain list, missing values as None (fast to loop over)."""
    return [None if pd.isna(v) else v for v in rows[name].astype(object)]


def _tips(rows: pd.DataFrame, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tooltip columns (plain text) for event rows that carry ``figure_id``."""
    w = words(lang)
    labels = language.load("labels", lang)
    wanted = {f for f in rows["figure_id"] if f is not None}
    figure_text = {}
    if wanted:
        for fig in figures.loc[figures["figure_id"].isin(list(wanted))].to_dict("records"):
            label = labels["categories"].get(fig["category"], fig["category"])
            figure_text[fig["figure_id"]] = " · " + w["largest_figure"].format(
                figure=f"{formatting.figure_text(fig, lang)} {label}")
    where: dict[tuple, str] = {}
    tips = {name: [] for name in TIP_COLUMNS}
    tips["tip_when"] = _spans(rows, lang)
    summaries = _column(rows, summary_column(lang))
    for event_type, summary, place, precision, outlet, quote, figure_id in zip(
            _column(rows, "type"), summaries, _column(rows, "place"), _column(rows, "geo_precision"),
            _column(rows, "outlet"), _column(rows, "quote"), list(rows["figure_id"])):
        if (place, precision) not in where:
            where[(place, precision)] = w["tip_where"].format(
                place=_text(place), precision=w.get(f"precision_{precision}", _text(precision)))
        tips["tip_type"].append(labels["event_types"].get(event_type, event_type))
        tips["tip_summary"].append(_text(summary))
        tips["tip_where"].append(where[(place, precision)])
        tips["tip_outlet"].append(_text(outlet))
        tips["tip_figure"].append(figure_text.get(figure_id, ""))
        tips["tip_quote"].append(f"“{_short(_text(quote))}”")
    return pd.DataFrame(tips, index=rows.index)


def _rgb_of(types) -> list[list[int]]:
    colors = type_colors()
    return [list(colors.get(t, colors["other"])) for t in types]


def _styled(rows: pd.DataFrame, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows with size, colour and tooltip columns, sorted by date then id (a stable drawing order)."""
    sized = rows.join(largest_figures(rows, figures))
    out = pd.DataFrame({
        "event_id": sized["event_id"].astype(object).to_numpy(),
        "type": sized["type"].astype(object).to_numpy(),
        "place": sized["place"].astype(object).to_numpy(),
        "geo_precision": sized["geo_precision"].astype(object).to_numpy(),
        "date": sized["date"].to_numpy(),
        "lat": sized["lat"].astype(float).to_numpy(),
        "lon": sized["lon"].astype(float).to_numpy(),
        "figure": sized["figure"].to_numpy(dtype=float),
        "figure_id": sized["figure_id"].to_numpy(),
        "size": [marker_size(v) for v in sized["figure"]],
        "color": _rgb_of(sized["type"]),
    }, index=sized.index)
    out = out.join(_tips(sized, figures, lang))
    return out.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _placed(events: pd.DataFrame, precisions, limit: int | None = None) -> pd.DataFrame:
    """Events of these precisions with coordinates; with `limit`, only the latest `limit` (by date, id)."""
    placed = events.loc[_placed_mask(events, precisions)]
    if limit is not None and len(placed) > limit:
        placed = placed.sort_values(["date", "event_id"], ascending=False, kind="stable").head(limit)
    return placed


def _placed_mask(events: pd.DataFrame, precisions) -> pd.Series:
    return (events["geo_precision"].isin(list(precisions)).fillna(False).astype(bool)
            & events["lat"].notna() & events["lon"].notna())


def counts(events: pd.DataFrame, day=None) -> dict[str, int]:
    """How many events by `day` are drawn as points or cities, shaded as regions, country-wide, or placeless."""
    shown = happened_by(events, day)
    points = int(_placed_mask(shown, DRAWN_PRECISIONS).sum())
    regions = int(_placed_mask(shown, ("region",)).sum())
    countries = int(shown["geo_precision"].eq("country").fillna(False).astype(bool).sum())
    return {"points": points, "regions": regions, "countries": countries,
            "unplaced": len(shown) - points - regions - countries}


def map_rows(events: pd.DataFrame, figures: pd.DataFrame, day=None, lang: str = "en",
             limit: int | None = None) -> pd.DataFrame:
    """One row per event at a point or in a city that had happened by `day`, ready to draw (with `limit`,
    only the latest `limit` of them).

    Columns: event_id, type, place, geo_precision, date, lat, lon, figure (largest number reported in the
    same sentence by `day`, NaN if none), figure_id, size (diameter in pixels), color (RGB of the type),
    fill and line colours and line width (a point is solid with a dark rim; a city is translucent with a
    rim of its colour), offset ([0, 0]; see :func:`spread`) and the ``tip_*`` tooltip texts.
    """
    rows = _styled(_placed(happened_by(events, day), DRAWN_PRECISIONS, limit), figures_by(figures, day), lang)
    city = rows["geo_precision"].eq("city")
    rows["fill"] = [color + [110 if c else 235] for color, c in zip(rows["color"], city)]
    rows["line"] = [color + [255] if c else DARK + [255] for color, c in zip(rows["color"], city)]
    rows["line_width"] = [2.5 if c else 1.2 for c in city]
    rows["offset"] = [[0.0, 0.0] for _ in range(len(rows))]
    return rows


def region_rows(events: pd.DataFrame, figures: pd.DataFrame, day=None, lang: str = "en",
                gazetteer: Gazetteer | None = None, limit: int | None = None) -> pd.DataFrame:
    """One row per region-level event by `day`: the columns of :func:`map_rows` plus ``adm1_codes``.

    The hollow ring is drawn at the event's lat/lon (the region's centre in the gazetteer); the polygons
    to shade are those whose ``adm1_code`` is among the place's ``adm1_codes`` (none for a place the
    gazetteer does not know: then only the ring is drawn).
    """
    gazetteer = gazetteer or Gazetteer.default()
    rows = _styled(_placed(happened_by(events, day), ("region",), limit), figures_by(figures, day), lang)
    rows["size"] = [max(size, REGION_SIZE) for size in rows["size"]]
    rows["adm1_codes"] = [gazetteer.get(p).adm1_codes if isinstance(p, str) and p in gazetteer else ()
                          for p in rows["place"]]
    rows["fill"] = [[0, 0, 0, 0] for _ in range(len(rows))]
    rows["line"] = [color + [255] for color in rows["color"]]
    rows["line_width"] = [3.5] * len(rows)
    rows["offset"] = [[0.0, 0.0] for _ in range(len(rows))]
    return rows


@lru_cache(maxsize=1)
def _region_features() -> dict[str, tuple[dict, ...]]:
    """The region polygons by adm1_code."""
    by_code: dict[str, list[dict]] = {}
    for feature in region_geojson()["features"]:
        by_code.setdefault(feature["properties"].get("adm1_code"), []).append(feature)
    return {code: tuple(features) for code, features in by_code.items()}


def region_shading(rows: pd.DataFrame) -> dict:
    """A GeoJSON FeatureCollection shading the polygons of the region rows' adm1_codes in their type's colour.

    One feature per polygon and event type, however many events share them (so the map's size does not
    grow with the events); properties: adm1_code, type, fill, line, and the event_ids it stands for.
    The pickable object for each event is its ring (:func:`region_rows`), not the shading.
    """
    polygons = _region_features()
    shaded: dict[tuple[str, str], list[str]] = {}
    colors: dict[str, list[int]] = {}
    for event_id, event_type, codes, color in zip(rows["event_id"], rows["type"], rows["adm1_codes"], rows["color"]):
        colors[event_type] = list(color)
        for code in codes:
            shaded.setdefault((code, event_type), []).append(event_id)
    features = []
    for (code, event_type), event_ids in shaded.items():
        for feature in polygons.get(code, ()):
            features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
                "adm1_code": code, "type": event_type, "event_ids": event_ids,
                "fill": colors[event_type] + [70], "line": colors[event_type] + [230]}})
    return {"type": "FeatureCollection", "features": features}


def _spans(rows: pd.DataFrame, lang: str) -> list[str]:
    """formatting.date_span for each row, computed once per distinct (date, date_end, precision)."""
    spans: dict[tuple, str] = {}
    out = []
    for key in zip(_column(rows, "date"), _column(rows, "date_end"), _column(rows, "date_precision")):
        if key not in spans:
            spans[key] = formatting.date_span(*key, lang)
        out.append(spans[key])
    return out


def _listed(events: pd.DataFrame, mask: pd.Series, lang: str, limit: int | None = None) -> pd.DataFrame:
    rows = events.loc[mask]
    if limit is not None and len(rows) > limit:
        rows = rows.sort_values(["date", "event_id"], ascending=False, kind="stable").head(limit)
    return pd.DataFrame({
        "event_id": rows["event_id"].astype(object).to_numpy(),
        "type": rows["type"].astype(object).to_numpy(),
        "type_label": [_type_label(t, lang) for t in rows["type"]],
        "place": rows["place"].astype(object).to_numpy(),
        "date": rows["date"].to_numpy(),
        "when": _spans(rows, lang),
        "summary": rows[summary_column(lang)].astype(object).to_numpy(),
        "outlet": rows["outlet"].astype(object).to_numpy(),
        "article_id": rows["article_id"].astype(object).to_numpy(),
        "sentence_id": rows["sentence_id"].astype(object).to_numpy(),
        "quote": rows["quote"].astype(object).to_numpy(),
    }).sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def country_rows(events: pd.DataFrame, day=None, lang: str = "en", limit: int | None = None) -> pd.DataFrame:
    """Country-level events by `day` (the latest `limit`), to list beside the map (never drawn as a point)."""
    shown = happened_by(events, day)
    return _listed(shown, shown["geo_precision"].eq("country").fillna(False).astype(bool), lang, limit)


def unplaced_rows(events: pd.DataFrame, day=None, lang: str = "en", limit: int | None = None) -> pd.DataFrame:
    """Events by `day` (the latest `limit`) whose sentence names no place the map can draw (no precision
    or no coordinates)."""
    shown = happened_by(events, day)
    country = shown["geo_precision"].eq("country").fillna(False).astype(bool)
    drawable = shown["geo_precision"].isin(list(DRAWN_PRECISIONS) + ["region"]).fillna(False).astype(bool) \
        & shown["lat"].notna() & shown["lon"].notna()
    return _listed(shown, ~country & ~drawable, lang, limit)


# ---------------------------------------------------------------------------------------------- layout
def _pixels(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web Mercator world pixels at `zoom` as deck.gl counts them (512 at zoom 0; y grows southwards)."""
    scale = 512.0 * 2.0 ** zoom
    phi = math.radians(max(min(lat, 85.0), -85.0))
    return (lon + 180.0) / 360.0 * scale, (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * scale


def spread(rows: pd.DataFrame, zoom: float) -> list[list[float]]:
    """Pixel offsets that fan out markers which would overlap at `zoom`, round their group's first place.

    Markers are grouped greedily (in row order) with the nearest group whose centre lies closer than the
    two markers' radii plus a gap; a group of up to :data:`RING_MAX` is laid out on a circle, starting
    at the top, wide enough that neighbours do not touch; a larger one on a sunflower spiral. A lone
    marker keeps [0, 0].
    """
    groups: list[dict] = []
    positions = [_pixels(lat, lon, zoom) for lat, lon in zip(rows["lat"], rows["lon"])]
    for i, ((x, y), size) in enumerate(zip(positions, rows["size"])):
        best = None
        for group in groups:
            distance = math.hypot(x - group["x"], y - group["y"])
            if distance < (size + group["size"]) / 2.0 + MARKER_GAP and (best is None or distance < best[0]):
                best = (distance, group)
        if best is None:
            groups.append({"x": x, "y": y, "size": size, "members": [i]})
        else:
            best[1]["members"].append(i)
            best[1]["size"] = max(best[1]["size"], size)
    offsets = [[0.0, 0.0] for _ in positions]
    for group in groups:
        n = len(group["members"])
        if n < 2:
            continue
        step = group["size"] + MARKER_GAP
        for k, i in enumerate(group["members"]):
            if n <= RING_MAX:  # a ring whose neighbours do not touch
                radius, angle = step / (2.0 * math.sin(math.pi / n)), -math.pi / 2.0 + 2.0 * math.pi * k / n
            else:  # a sunflower spiral: packs many markers round the place without overlap
                radius, angle = 0.66 * step * math.sqrt(k + 0.5), k * GOLDEN_ANGLE
            target = (group["x"] + radius * math.cos(angle), group["y"] + radius * math.sin(angle))
            offsets[i] = [round(target[0] - positions[i][0], 2), round(target[1] - positions[i][1], 2)]
    return offsets


def landmark_rows(view: str, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Reference places labelled in `view`: named cities for the country, the news's landmarks in Almaty."""
    gazetteer = gazetteer or Gazetteer.default()
    names = [name for name in VIEW_PLACES.get(view, ()) if name in gazetteer]
    if view == "almaty" and "Almaty" in gazetteer:
        names += [p.name for p in gazetteer.children("Almaty") if p.kind in LANDMARK_KINDS]
    places = [gazetteer.get(name) for name in names]
    return pd.DataFrame({"name": [p.name for p in places], "lat": [p.lat for p in places],
                         "lon": [p.lon for p in places]}, columns=["name", "lat", "lon"])


LABEL_CHAR_WIDTH = 7.0   # approximate width of a 12 px label character, for collision checks
LABEL_HEIGHT = 15.0
LABEL_MARGIN = 5.0       # pixels kept between a label and a marker


def _box_hits_circle(box, cx: float, cy: float, r: float) -> bool:
    nearest_x, nearest_y = min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3])
    return math.hypot(cx - nearest_x, cy - nearest_y) < r


def place_labels(places: pd.DataFrame, markers: pd.DataFrame, offsets: list[list[float]],
                 zoom: float, centre: tuple[float, float] | None = None,
                 size: tuple[float, float] = maps.MAP_SIZE) -> pd.DataFrame:
    """`places` with where each label goes: ``anchor`` (start/end) and ``label_offset`` in pixels.

    Each label takes the closest spot beside its dot (right or left, level or a line up or down) that
    covers no event marker (at its fanned-out position), no other place's dot and no earlier label, and,
    given the view's `centre` (lat, lon), stays inside a map of `size` (pixels) round it if it can.
    """
    frame_box = None
    if centre is not None:
        cx, cy = _pixels(centre[0], centre[1], zoom)
        frame_box = (cx - size[0] / 2 + 4, cy - size[1] / 2 + 4, cx + size[0] / 2 - 4, cy + size[1] / 2 - 4)
    circles = []
    for (lat, lon, size), (dx, dy) in zip(markers[["lat", "lon", "size"]].itertuples(index=False), offsets):
        x, y = _pixels(lat, lon, zoom)
        circles.append((x + dx, y + dy, size / 2.0 + LABEL_MARGIN))
    dots = [_pixels(lat, lon, zoom) for lat, lon in zip(places["lat"], places["lon"])]
    boxes: list[tuple[float, float, float, float]] = []
    anchors, label_offsets = [], []
    for i, name in enumerate(places["name"]):
        x, y = dots[i]
        reach = LABEL_CHAR_WIDTH * len(name) + 3 * LABEL_HEIGHT + 100.0  # farther circles cannot touch a label
        obstacles = [c for c in circles if abs(c[0] - x) < reach + c[2] and abs(c[1] - y) < reach + c[2]]
        obstacles += [(dx, dy, 4.0) for j, (dx, dy) in enumerate(dots) if j != i]
        width = LABEL_CHAR_WIDTH * len(name)
        best = None
        for shift in (0.0, LABEL_HEIGHT, -LABEL_HEIGHT, 2 * LABEL_HEIGHT, -2 * LABEL_HEIGHT):
            for clear in range(6, 90, 3):
                cost = clear + 2.0 * abs(shift)
                if best is not None and cost >= best[0]:
                    break
                for side in ("start", "end"):
                    left = x + clear if side == "start" else x - clear - width
                    box = (left, y + shift - LABEL_HEIGHT / 2, left + width, y + shift + LABEL_HEIGHT / 2)
                    if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
                        continue
                    if any(_box_hits_circle(box, ox, oy, r) for ox, oy, r in obstacles):
                        continue
                    outside = frame_box is not None and not (frame_box[0] <= box[0] and box[2] <= frame_box[2]
                                                             and frame_box[1] <= box[1] and box[3] <= frame_box[3])
                    total = cost + (1000.0 if outside else 0.0)  # outside the map only if nothing else fits
                    if best is None or total < best[0]:
                        best = (total, side, float(clear), shift, box)
                    if not outside:
                        break
        _, side, clear, shift, box = best or (0, "start", 6.0, 0.0, (x + 6, y, x + 6 + width, y))
        boxes.append(box)
        anchors.append(side)
        label_offsets.append([clear if side == "start" else -clear, shift])
    return places.assign(anchor=anchors, label_offset=label_offsets)


def in_view(rows: pd.DataFrame, view: str, phone: bool = False) -> pd.DataFrame:
    """The drawn rows (with lat, lon and offset) that fall inside the view's map as first shown."""
    settings = maps.views()[preset(view, phone)]
    zoom, (width, height) = settings["zoom"], maps.map_size(settings)
    cx, cy = _pixels(settings["latitude"], settings["longitude"], zoom)
    inside = []
    for lat, lon, (dx, dy) in zip(rows["lat"], rows["lon"], rows["offset"]):
        x, y = _pixels(lat, lon, zoom)
        inside.append(abs(x + dx - cx) <= width / 2 and abs(y + dy - cy) <= height / 2)
    return rows.loc[inside] if len(rows) else rows


def legend(events: pd.DataFrame, lang: str = "en") -> list[dict]:
    """The event types present in `events`, in the vocabulary's order: type, label, rgb and hex colour."""
    present = set(events["type"].dropna())
    colors = type_colors()
    return [{"type": t, "label": _type_label(t, lang), "rgb": list(colors[t]),
             "hex": "#{:02X}{:02X}{:02X}".format(*colors[t])} for t in EVENT_TYPES if t in present]


def _swatch(fill: str, stroke: str, stroke_width: float = 1.5, size: int = 14) -> str:
    """A round swatch as a styled span (the page's HTML sanitizer keeps inline styles, not SVG)."""
    return (f'<span aria-hidden="true" style="display:inline-block;flex:none;box-sizing:border-box;'
            f'width:{size}px;height:{size}px;border-radius:50%;background:{fill};'
            f'border:{stroke_width}px solid {stroke}"></span>')


def legend_html(entries: list[dict], lang: str = "en") -> str:
    """The colour legend as HTML: a swatch and the escaped label of each event type in `entries`."""
    w = words(lang)
    dark = "#{:02X}{:02X}{:02X}".format(*DARK)
    item = ('<div style="display:flex;align-items:center;gap:6px;margin:1px 0;font-size:0.85rem;'
            'line-height:1.25">{swatch}<span>{label}</span></div>')
    types = "".join(item.format(swatch=_swatch(e["hex"], dark), label=html.escape(e["label"])) for e in entries)
    return (f'<div class="qantar-map-legend"><div style="font-weight:600;margin:2px 0 4px">'
            f'{html.escape(w["legend"])}</div>{types}</div>')


def markers_html(lang: str = "en") -> str:
    """What the marker shapes and sizes mean, as one wrapping line of HTML for under the map.

    The shapes follow :func:`map_rows` and :func:`region_rows`: a solid dot with a dark rim for an exact
    place, a translucent dot for a city, a ring for a region; a small dark dot marks the true place of
    markers fanned out round it.
    """
    w = words(lang)
    dark = "#{:02X}{:02X}{:02X}".format(*DARK)
    grey, grey_light = "#777777", "rgba(119,119,119,0.43)"
    shapes = [(_swatch(grey, dark), w["marker_point"]), (_swatch(grey_light, grey, 2.5), w["marker_city"]),
              (_swatch("transparent", grey, 3.0), w["marker_region"]),
              (_swatch(grey, dark, 1.5, 20), w["marker_size"]), (_swatch(dark, dark, 0.5, 7), w["marker_spread"])]
    item = ('<span style="display:inline-flex;align-items:center;gap:5px;margin-right:14px;white-space:nowrap">'
            '{swatch}{label}</span>')
    marks = "".join(item.format(swatch=swatch, label=html.escape(label)) for swatch, label in shapes)
    return (f'<div class="qantar-map-markers" style="font-size:0.8rem;color:#555;line-height:1.9;'
            f'display:flex;flex-wrap:wrap;align-items:center"><b style="margin-right:10px">'
            f'{html.escape(w["markers"])}:</b>{marks}</div>')


def _records(rows: pd.DataFrame, columns) -> list[dict]:
    """Plain JSON-ready records (no numpy or pandas scalars)."""
    out = []
    for row in rows[list(columns)].itertuples(index=False):
        record = {}
        for name, value in zip(columns, row):
            if isinstance(value, float) and math.isnan(value):
                value = None
            elif hasattr(value, "item") and not isinstance(value, (list, tuple, str)):
                value = value.item()
            record[name] = value
        out.append(record)
    return out


_DRAWN = ("event_id", "type", "place", "geo_precision", "lat", "lon", "size", "fill", "line", "line_width",
          "offset", *TIP_COLUMNS)


def event_layers(events: pd.DataFrame, figures: pd.DataFrame, view: str, lang: str = "en",
                 day=None, limit: int | None = MAX_MARKERS, drawn: tuple | None = None,
                 phone: bool = False) -> list[pdk.Layer]:
    """The layers over the base map: region shading, reference labels, anchors, region rings, points.

    At most `limit` points and `limit` region rings are drawn, the latest ones (see :func:`counts` for
    how many there are), so that the map stays light enough for the browser. `drawn`: the
    (map_rows, region_rows) already computed for the same arguments, to save computing them again.
    `phone`: look through the view's phone preset (markers fan out and labels place for its zoom)."""
    settings = maps.views()[preset(view, phone)]
    zoom = settings["zoom"]
    if drawn is None:
        drawn = (map_rows(events, figures, day, lang, limit=limit),
                 region_rows(events, figures, day, lang, limit=limit))
    points, regions = drawn[0].copy(), drawn[1].copy()
    both = pd.concat([regions[["lat", "lon", "size"]], points[["lat", "lon", "size"]]], ignore_index=True)
    offsets = spread(both, zoom)
    regions["offset"], points["offset"] = offsets[:len(regions)], offsets[len(regions):]
    moved = [(lat, lon) for (lat, lon), (dx, dy) in zip(both[["lat", "lon"]].itertuples(index=False), offsets)
             if dx or dy]
    anchors = pd.DataFrame(sorted(set(moved)), columns=["lat", "lon"])
    places = place_labels(landmark_rows(view), both, offsets, zoom, (settings["latitude"], settings["longitude"]),
                          maps.map_size(settings))
    return [
        pdk.Layer("GeoJsonLayer", region_shading(regions), id=LAYER_IDS["shading"], pickable=False,
                  stroked=True, filled=True, get_fill_color="properties.fill", get_line_color="properties.line",
                  line_width_min_pixels=2),
        pdk.Layer("ScatterplotLayer", _records(places, ["name", "lat", "lon"]), id=LAYER_IDS["places"],
                  get_position=["lon", "lat"], get_radius=3, radius_units="'pixels'", get_fill_color=[90, 90, 90],
                  pickable=False),
        pdk.Layer("TextLayer", _records(places, ["name", "lat", "lon", "anchor", "label_offset"]),
                  id=f"{LAYER_IDS['places']}_labels", get_position=["lon", "lat"], get_text="name", get_size=12,
                  size_units="'pixels'", get_color=[60, 60, 60], get_text_anchor="anchor",
                  get_alignment_baseline="'center'", get_pixel_offset="label_offset",
                  font_family="`Helvetica Neue, Arial, sans-serif`",
                  font_weight=600, outline_width=3, outline_color=[255, 255, 255, 230],
                  font_settings={"sdf": True}, pickable=False),
        pdk.Layer("ScatterplotLayer", _records(anchors, ["lat", "lon"]), id=LAYER_IDS["anchors"],
                  get_position=["lon", "lat"], get_radius=2.5, radius_units="'pixels'",
                  get_fill_color=DARK, pickable=False),
        pdk.Layer("ScatterplotLayer", _records(regions, _DRAWN), id=LAYER_IDS["regions"],
                  get_position=["lon", "lat"], get_radius="size / 2", radius_units="'pixels'",
                  get_pixel_offset="offset", stroked=True, filled=True, get_fill_color="fill",
                  get_line_color="line", get_line_width="line_width", line_width_units="'pixels'",
                  pickable=True, auto_highlight=True),
        pdk.Layer("ScatterplotLayer", _records(points, _DRAWN), id=LAYER_IDS["points"],
                  get_position=["lon", "lat"], get_radius="size / 2", radius_units="'pixels'",
                  get_pixel_offset="offset", stroked=True, filled=True, get_fill_color="fill",
                  get_line_color="line", get_line_width="line_width", line_width_units="'pixels'",
                  pickable=True, auto_highlight=True),
    ]


def tooltip() -> dict:
    """A text tooltip (set as text, not HTML) over the ``tip_*`` fields every pickable object carries."""
    return {"text": TOOLTIP_TEXT, "style": dict(TOOLTIP_STYLE)}


def event_deck(events: pd.DataFrame, figures: pd.DataFrame, view: str, lang: str = "en", day=None,
               limit: int | None = MAX_MARKERS, drawn: tuple | None = None, phone: bool = False) -> pdk.Deck:
    """The map: the shared base layers, then :func:`event_layers`, looking through the `view`'s preset."""
    if preset(view) not in maps.views():
        raise ValueError(f"unknown view {view!r}; known: {list(MAP_VIEWS)} and the presets {list(maps.views())}")
    return maps.deck(event_layers(events, figures, view, lang, day, limit, drawn, phone), preset(view, phone),
                     tooltip())


def picked_event(state) -> str | None:
    """The event_id of the object a ``st.pydeck_chart`` selection holds, if any."""
    selection = (state or {}).get("selection", {}) if isinstance(state, dict) else getattr(state, "selection", None)
    objects = (selection or {}).get("objects", {}) if isinstance(selection, dict) else \
        getattr(selection, "objects", {}) or {}
    for layer in PICKABLE_LAYERS:
        for obj in objects.get(layer, []) or []:
            if not isinstance(obj, dict):
                continue
            event_id = obj.get("event_id") or (obj.get("properties") or {}).get("event_id")
            if event_id:
                return str(event_id)
    return None
