"""The CSTO troops page in Chromium: the deck.gl map draws (its canvas shows the base map's outline or
country fill, and the day's arcs), no exception box, and a screenshot for a person to look at."""
from io import BytesIO

import numpy as np
from PIL import Image

from kzdata import troops
from kzdata.maps import COUNTRY_FILL, OUTLINE
from tests.browser.conftest import screenshot, wait_for_app

CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


def colour_share(png: bytes, colour, tolerance: int = 6) -> float:
    """Share of the image's pixels within `tolerance` of `colour` on every channel."""
    pixels = np.asarray(Image.open(BytesIO(png)).convert("RGB"), dtype=int).reshape(-1, 3)
    return float((np.abs(pixels - np.array(colour[:3])) <= tolerance).all(axis=1).mean())


def test_troops_map_draws_in_chromium(server, page):
    page.set_viewport_size({"width": 1280, "height": 2000})  # the whole page: map, phases, figures, commander
    page.goto(f"{server}/troops?day=2022-01-08")
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip() == "CSTO troops in Kazakhstan"
    page.wait_for_selector(CANVAS, timeout=30_000)
    page.wait_for_timeout(2_500)  # let deck.gl draw its layers
    canvas = page.locator(CANVAS).first
    box = canvas.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    png = canvas.screenshot()
    screenshot(page, "troops")
    outline, fill = colour_share(png, OUTLINE), colour_share(png, COUNTRY_FILL)
    assert outline > 0.0005 or fill > 0.05, (outline, fill)
    assert colour_share(png, troops.OUT_COLOR, tolerance=30) > 0.0005  # the 8 January arcs
    assert "3 outbound and 0 return arcs" in page.inner_text("body")
    assert not page.errors


def test_day_in_the_link_shows_the_withdrawal(server, page):
    page.goto(f"{server}/troops?day=2022-01-13&lang=id")
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_selector(CANVAS, timeout=30_000)
    page.wait_for_timeout(2_500)
    png = page.locator(CANVAS).first.screenshot()
    assert colour_share(png, troops.BACK_COLOR, tolerance=30) > 0.0005
    assert colour_share(png, troops.OUT_COLOR, tolerance=12) < 0.0005
    assert "0 busur keberangkatan dan 3 busur kepulangan" in page.inner_text("body")
    screenshot(page, "troops-withdrawal")
    assert not page.errors
