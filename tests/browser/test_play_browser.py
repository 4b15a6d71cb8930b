"""Play in Chromium, on both pages that have it (ui.day_player): it steps the day slider a day a second
from the first day and stops by itself at the last."""
import pytest

from tests.browser.conftest import wait_for_app

PAGES = {  # page: (address, first day, a day between, last day, the address at the end)
    "map": ("map", "2 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=" not in url),
    "troops": ("troops?day=2022-01-13", "3 Jan 2022", "8 Jan 2022", "13 Jan 2022", lambda url: "day=2022-01-13" in url),
}


# Every day the slider shows, recorded in the page as it changes: polling from the test can miss a day
# the browser showed between two looks. Each change of day or button is also kept in order, with its
# time, to tell in a failure what the page went through.
RECORD_DAYS = """(buttonSelector) => {
    window.daysShown = [];
    window.timeline = [];
    const started = performance.now();
    const record = () => {
        const thumb = document.querySelector('[data-testid="stSliderThumbValue"]');
        const button = document.querySelector(buttonSelector);
        if (!thumb) return;
        window.daysShown.push(thumb.innerText);
        const state = thumb.innerText + ' / ' + (button ? button.innerText.split('\\n').pop() : '-');
        const last = window.timeline[window.timeline.length - 1];
        if (!last || !last.endsWith(state)) {
            window.timeline.push(((performance.now() - started) / 1000).toFixed(1) + ' s: ' + state);
        }
    };
    new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def connection_log(page) -> list[str]:
    """The page's websocket openings and closings, as they happen (a session reset shows as a reconnect)."""
    log = []

    def opened(socket):
        log.append(f"websocket opened: {socket.url}")
        socket.on("close", lambda closed: log.append(f"websocket closed: {closed.url}"))

    page.on("websocket", opened)
    return log


@pytest.mark.parametrize("name", PAGES)
def test_play_animates_the_days_and_stops_at_the_last(server, page, name):
    address, first, between, last, address_at_end = PAGES[name]
    connections = connection_log(page)
    page.goto(f"{server}/{address}")
    wait_for_app(page)
    thumb = page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text() == last
    button = page.locator(f'.st-key-{name}_play_button button').first
    assert button.inner_text().endswith("Play")
    page.evaluate(RECORD_DAYS, f'.st-key-{name}_play_button button')
    button.click()
    page.wait_for_function("(selector) => document.querySelector(selector).innerText.endsWith('Pause')",
                           arg=f'.st-key-{name}_play_button button', timeout=10_000)
    page.wait_for_function("(selector) => document.querySelector(selector).innerText.endsWith('Play')",
                           arg=f'.st-key-{name}_play_button button', timeout=40_000)  # a day a second, twelve days
    wait_for_app(page)
    seen = set(page.evaluate("window.daysShown")) | {thumb.inner_text()}
    history = page.evaluate("window.timeline") + connections
    assert {first, between, last} <= seen, (seen, history)
    assert len(seen) >= 6
    assert button.inner_text().endswith("Play")  # stopped by itself
    assert address_at_end(page.url), page.url
    assert not page.errors
