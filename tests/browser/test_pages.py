"""Every page in a real browser: no exception box, the widgets show the URL's values, screenshots saved."""
import pytest

from tests.browser.conftest import running_server, screenshot, wait_for_app

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


def test_filters_survive_navigation_and_stay_in_the_url(server, page):
    page.goto(f"{server}/?outlet=Tagar")
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Timeline").click()
    page.wait_for_url("**/timeline**")
    wait_for_app(page)
    page.wait_for_function("() => location.search.includes('outlet=Tagar')", timeout=15_000)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Tagar" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert page.locator('[role="dialog"]').count() == 0


def test_a_shared_page_link_opens_that_page_with_the_app_navigation(chromium_path, browser):
    """A link to a page opens it through dashboard.py's navigation, also as a fresh server's first
    request, with no "Page not found" dialog (see ui/first_run.py)."""
    with running_server("--server.fileWatcherType", "none") as url:
        for visit in range(2):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(f"{url}/data?outlet=Tagar")
            wait_for_app(page)
            assert page.locator("h1").first.inner_text().strip() == "Data"
            navigation = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Overview" in navigation and "CSTO troops" in navigation
            assert page.locator('[role="dialog"]').count() == 0
            context.close()
