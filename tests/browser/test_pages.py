"""Every page in a real browser: no exception box, the widgets show the URL's values, screenshots saved."""
import pytest

from tests.browser.conftest import screenshot, wait_for_app

PAGES = {"overview": "", "timeline": "timeline", "data": "data"}


def exception_boxes(page) -> int:
    return page.locator('[data-testid="stException"]').count()


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_in_chromium(server, page, name):
    page.goto(f"{server}/{PAGES[name]}")
    wait_for_app(page)
    assert exception_boxes(page) == 0
    assert page.locator("h1").first.inner_text().strip()
    screenshot(page, name)
    assert not page.errors


def test_shared_url_restores_the_view(server, page):
    page.goto(f"{server}/timeline?from=2022-01-05&outlet=Kompas+TV&type=troop_withdrawal&lang=id")
    wait_for_app(page)
    assert exception_boxes(page) == 0
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Kompas TV" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "Penarikan pasukan" in sidebar.locator('[data-testid="stMultiSelect"]').nth(1).inner_text()
    assert sidebar.locator('[data-testid="stDateInput"] input').first.input_value().startswith("2022-01-05")
    assert page.locator("h1").first.inner_text().strip() == "Lini masa"
    assert "outlet=Kompas+TV" in page.url and "lang=id" in page.url
    screenshot(page, "shared-url")


def test_bad_link_shows_a_notice_not_an_exception(server, page):
    page.goto(f"{server}/?outlet=Nope&from=2022-99-01&type=%3Cscript%3Ealert(1)%3C/script%3E")
    wait_for_app(page)
    assert exception_boxes(page) == 0
    notice = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "Nope" in notice and "2022-99-01" in notice
