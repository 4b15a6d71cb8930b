"""Play in Chromium, on both pages that have it (ui.day_player): it steps the day slider a day a second
from the first day and stops by itself at the last."""
import pytest

from tests.browser.conftest import wait_for_app

PAGES = {  # page: (address, first day, a day between, last day, the address at the end)
    "map": ("map", "2 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=" not in url),
    "troops": ("troops?day=2022-01-13", "3 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=2022-01-13" in url),
}


# Every day the slider shows, recorded in the page as it changes: polling from the test can miss a day
# the browser showed between two looks.
RECORD_DAYS = """() => {
    window.daysShown = [];
    const record = () => {
        const thumb = document.querySelector('[data-testid="stSliderThumbValue"]');
        if (thumb) window.daysShown.push(thumb.innerText);
    };
    new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@pytest.mark.parametrize("name", PAGES)
def test_play_animates_the_days_and_stops_at_the_last(server, page, name):
    address, first, between, last, address_at_end = PAGES[name]
    page.goto(f"{server}/{address}")
    wait_for_app(page)
    thumb = page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text() == last
    button = page.locator(f'.st-key-{name}_play_button button').first
    assert button.inner_text().endswith("Play")
    page.evaluate(RECORD_DAYS)
    button.click()
    page.wait_for_function("(selector) => document.querySelector(selector).innerText.endsWith('Pause')",
                           arg=f'.st-key-{name}_play_button button', timeout=10_000)
    page.wait_for_function("(selector) => document.querySelector(selector).innerText.endsWith('Play')",
                           arg=f'.st-key-{name}_play_button button', timeout=40_000)  # a day a second, twelve days
    wait_for_app(page)
    seen = set(page.evaluate("window.daysShown")) | {thumb.inner_text()}
    assert {first, between, last} <= seen, seen
    assert len(seen) >= 6
    assert button.inner_text().endswith("Play")  # stopped by itself
    assert address_at_end(page.url), page.url
    assert not page.errors
