"""Play in Chromium, on both pages that have it (ui.day_player): it steps the day slider a day a second
from the first day and stops by itself at the last."""
import pytest

from tests.browser.conftest import wait_for_app

PAGES = {  # page: (address, first day, a day between, last day, the address at the end)
    "map": ("map", "2 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=" not in url),
    "troops": ("troops?day=2022-01-13", "3 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=2022-01-13" in url),
}


@pytest.mark.parametrize("name", PAGES)
def test_play_animates_the_days_and_stops_at_the_last(server, page, name):
    address, first, between, last, address_at_end = PAGES[name]
    page.goto(f"{server}/{address}")
    wait_for_app(page)
    thumb = page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text() == last
    button = page.locator(f'.st-key-{name}_play_button button').first
    assert button.inner_text().endswith("Play")
    button.click()
    page.wait_for_function("(selector) => document.querySelector(selector).innerText.endsWith('Pause')",
                           arg=f'.st-key-{name}_play_button button', timeout=10_000)
    seen = []
    for _ in range(40):  # one day a second over twelve days, with room to spare
        seen.append(thumb.inner_text())
        if button.inner_text().endswith("Play"):
            break
        page.wait_for_timeout(500)
    wait_for_app(page)
    seen = set(seen) | {thumb.inner_text()}  # the run that stops Play draws the button before the slider
    assert {first, between, last} <= seen, seen
    assert len(seen) >= 6
    assert button.inner_text().endswith("Play")  # stopped by itself
    assert address_at_end(page.url), page.url
    assert not page.errors
