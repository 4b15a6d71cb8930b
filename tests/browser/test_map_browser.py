"""The map page in Chromium with every request outside the app blocked (no tiles): the outlines still draw.

The deck's pixels are read from a screenshot of the chart: the bundled country fills and the grey
outlines must cover the map, and the markers' type colours must show. Screenshots are saved for review
(artifacts/screenshots/map-country.png, map-almaty.png).
"""
import io
import time
from urllib.parse import urlparse

import pytest
from PIL import Image

from kzdata import maps
from kzdata.palette import type_colors
from tests.browser.conftest import screenshot, wait_for_app

CHART = '[data-testid="stDeckGlJsonChart"]'
VIEWPORT = {"width": 1280, "height": 1500}  # tall enough for the map, its legend and lists in one screenshot


@pytest.fixture(scope="module", autouse=True)
def warm_server(server, browser):
    """Open the overview once: a fresh server's very first page load shows Streamlit's "Page not found"
    dialog over any page other than the main one (seen with the timeline too), which would cover the map."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server)
        wait_for_app(page)
    except PlaywrightError:
        pass  # only a warm-up: the tests below check the map page themselves
    finally:
        context.close()


@pytest.fixture
def tall_page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def offline(page, server: str) -> list[str]:
    """Abort every request not to the app's own server (tiles, styles, fonts); return the blocked URLs."""
    host = urlparse(server).netloc
    blocked: list[str] = []

    def route(route):
        if urlparse(route.request.url).netloc == host:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return blocked


def near(pixel, color, tolerance: int) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], color[:3]))


def share(pixels, color, tolerance: int = 12) -> float:
    return sum(near(p, color, tolerance) for p in pixels) / len(pixels)


def chart_pixels(page) -> list[tuple]:
    image = Image.open(io.BytesIO(page.locator(CHART).first.screenshot())).convert("RGB")
    return [image.getpixel((x, y)) for y in range(0, image.height, 2) for x in range(0, image.width, 2)]


def fills(pixels) -> float:
    return share(pixels, maps.COUNTRY_FILL) + share(pixels, maps.KAZAKHSTAN_FILL)


def drawn_pixels(page, timeout: float = 30.0) -> list[tuple]:
    """The chart's pixels once deck.gl has drawn the bundled fills (it draws after parsing the data)."""
    page.locator(f"{CHART} canvas").first.wait_for(state="attached", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    pixels = chart_pixels(page)
    while fills(pixels) < 0.2 and time.monotonic() < deadline:
        page.wait_for_timeout(500)
        pixels = chart_pixels(page)
    page.wait_for_timeout(500)  # let the markers and labels settle after the first frame
    return chart_pixels(page)


def open_map(page, server, query: str = "") -> None:
    page.goto(f"{server}/map{query}")
    wait_for_app(page)
    page.locator(CHART).first.wait_for(timeout=30_000)


@pytest.mark.parametrize("name, query, marker", [
    ("map-country", "", "protest"),                    # western Kazakhstan: an orange ring and shading
    ("map-almaty", "?view=almaty", "airport_seized"),  # a solid marker at the airport
])
def test_map_draws_outlines_and_markers_without_tiles(server, tall_page, name, query, marker):
    page = tall_page
    blocked = offline(page, server)
    open_map(page, server, query)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(f"{CHART} canvas").count() >= 1, "no WebGL canvas"
    pixels = drawn_pixels(page)
    screenshot(page, name)
    covered = fills(pixels)
    outline = share(pixels, maps.OUTLINE, 30) + share(pixels, maps.REGION_LINE, 20)
    assert covered > 0.2, f"the bundled fills cover only {covered:.1%} of the map"
    assert outline > 0.002, f"outlines cover only {outline:.2%} of the map"
    assert share(pixels, type_colors()[marker], 30) > 0, f"no {marker} marker pixels"
    assert not page.errors
    assert page.locator('[role="dialog"]').count() == 0
    assert all(urlparse(url).netloc != urlparse(server).netloc for url in blocked)


def test_map_legend_lists_and_figures_show(server, tall_page):
    page = tall_page
    offline(page, server)
    open_map(page, server, "?day=2022-01-08")
    main = page.locator('[data-testid="stMain"]')
    text = main.inner_text()
    assert "Event types" in text and "Troop arrival" in text and "Markers:" in text
    assert "Country-wide (not drawn)" in text and "No place named" in text
    assert "Figures reported by 8 Jan 2022" in text
    assert "day=2022-01-08" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
