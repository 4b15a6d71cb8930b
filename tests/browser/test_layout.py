"""Every page at a laptop's 1280x800 and a phone's 390 px: no exception, nothing wider than the window,
every chart and map followed by its data table. Screenshots go to artifacts/screenshots/layout-*.png."""
import pytest

from tests.browser.conftest import full_screenshot, wait_for_app

PAGES = {"overview": "", "timeline": "timeline", "map": "map", "troops": "troops", "reader": "reader", "data": "data"}
WINDOWS = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PHONE = {"user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/126.0 Mobile Safari/537.36", "is_mobile": True, "has_touch": True}
CHARTS = '[data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"]'

WIDER_THAN_WINDOW = """() => [...document.querySelectorAll(
        ['p', 'h1', 'h2', 'h3', 'h4', 'label', 'button', 'li', 'summary'].map(tag => '[data-testid="stMain"] ' + tag).join(','))]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.offsetParent !== null
                 && !e.closest('[data-testid="stDataFrame"], [data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"], .stIFrame, iframe'))
    .map(e => (e.getAttribute('data-testid') || e.tagName) + ': ' + (e.innerText || '').slice(0, 60))"""

CHART_WITHOUT_DATA = """(selector) => [...document.querySelectorAll(selector)].filter(chart => {
    const block = chart.closest('[data-testid="stElementContainer"]');
    let next = block && block.nextElementSibling;
    while (next && !next.querySelector('[data-testid="stExpander"]') && !next.matches('[data-testid="stExpander"]')
           && !next.querySelector(selector)) next = next.nextElementSibling;
    return !next || next.querySelector(selector);
}).length"""


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("name", PAGES)
def test_page_reads_well(server, browser, name, window):
    context = browser.new_context(viewport=WINDOWS[window], device_scale_factor=1, **(PHONE if window == "phone" else {}))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{server}/{PAGES[name]}")
        wait_for_app(page)
        page.wait_for_timeout(1500)
        full_screenshot(page, f"layout-{name}-{window}")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate("() => document.documentElement.scrollWidth") <= WINDOWS[window]["width"]
        assert page.evaluate(WIDER_THAN_WINDOW) == []
        assert page.evaluate(CHART_WITHOUT_DATA, CHARTS) == 0
        if name in ("overview", "timeline"):  # plotly's toolbar: over a phone's narrow legend, so not there
            assert (page.locator(".modebar-btn").count() == 0) == (window == "phone")
        assert not errors
    finally:
        context.close()
