"""Each map's first view frames what it is for, on a laptop and on a phone (the `_phone` presets)."""
from types import SimpleNamespace

import pytest
import streamlit as st

from kzdata import event_map, maps, troops
from kzdata.gazetteer import Gazetteer, region_geojson
from ui import screen

PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/126.0 Mobile Safari/537.36")
LAPTOP_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


def frame(preset: str):
    """(pixel position of a lat/lon, half width, half height) for the preset's first view."""
    settings = maps.views()[preset]
    zoom = settings["zoom"]
    cx, cy = event_map._pixels(settings["latitude"], settings["longitude"], zoom)
    width, height = maps.map_size(settings)

    def where(lat: float, lon: float) -> tuple[float, float]:
        x, y = event_map._pixels(lat, lon, zoom)
        return x - cx, y - cy
    return where, width / 2, height / 2


def kazakhstan_corners() -> list[tuple[float, float]]:
    points = [point for feature in region_geojson()["features"] for point in _points(feature["geometry"])]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return [(lat, lon) for lat in (min(lats), max(lats)) for lon in (min(lons), max(lons))]


def _points(geometry: dict):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [point for polygon in polygons for ring in polygon for point in ring]


@pytest.mark.parametrize("phone", [False, True])
def test_the_country_view_holds_all_of_kazakhstan(phone):
    where, half_width, half_height = frame(event_map.preset("country", phone))
    for lat, lon in kazakhstan_corners():
        x, y = where(lat, lon)
        assert abs(x) <= half_width - 4 and abs(y) <= half_height - 4, (phone, lat, lon, x, y)


@pytest.mark.parametrize("phone", [False, True])
def test_the_almaty_view_holds_the_places_the_news_names(phone):
    where, half_width, half_height = frame(event_map.preset("almaty", phone))
    for name in ("Almaty International Airport", "Almaty City Hall", "Republic Square"):
        place = Gazetteer.default().get(name)
        x, y = where(place.lat, place.lon)
        assert abs(x) <= half_width - 20 and abs(y) <= half_height - 20, (phone, name)


@pytest.mark.parametrize("phone", [False, True])
def test_the_troops_view_holds_every_members_capital_with_its_name_to_its_left(phone):
    where, half_width, half_height = frame(maps.fitted(troops.MAP_VIEW, phone))
    label_room = 70  # capital names are drawn to the left of their dots
    for capital in [*troops.capitals().values(), "Almaty"]:
        place = Gazetteer.default().get(capital)
        x, y = where(place.lat, place.lon)
        assert -half_width + label_room <= x <= half_width - 10 and abs(y) <= half_height - 10, (phone, capital)


def test_a_phone_gets_the_phone_presets_and_a_laptop_the_others():
    assert event_map.preset("country", phone=True) == "kazakhstan_phone"
    assert event_map.preset("country") == "kazakhstan"
    assert maps.fitted("region", phone=True) == "region_phone"
    assert maps.fitted("country", phone=True) == "country"  # no phone variant: the preset itself
    phone_zoom = maps.views()["kazakhstan_phone"]["zoom"]
    assert maps.views()["kazakhstan"]["zoom"] > phone_zoom


def test_the_decks_look_through_the_phone_presets_on_a_phone(seed_corpus):
    events, figures = seed_corpus.events, seed_corpus.figures
    for phone, preset in ((False, "kazakhstan"), (True, "kazakhstan_phone")):
        view = event_map.event_deck(events, figures, "country", "en", phone=phone).initial_view_state
        assert view.zoom == maps.views()[preset]["zoom"]
    contingents, phases = troops.contingents(events, figures), troops.phases(events)
    day = phases["first"].min()
    assert troops.troops_deck(contingents, phases, day, phone=True).initial_view_state.zoom == \
        maps.views()["region_phone"]["zoom"]


@pytest.mark.parametrize("agent, phone", [(PHONE_AGENT, True), (LAPTOP_AGENT, False), (None, False)])
def test_a_phone_is_told_by_its_user_agent(monkeypatch, agent, phone):
    headers = {"User-Agent": agent} if agent else {}
    monkeypatch.setattr(st, "context", SimpleNamespace(headers=headers))
    assert screen.on_phone() is phone
