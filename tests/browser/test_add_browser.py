"""The "Add articles" page in Chromium: upload two files, see the preview, save, find the outlet in the filter."""
import pytest

from kzdata import store
from tests import articles
from tests.browser.conftest import full_screenshot, running_server, wait_for_app


@pytest.fixture(scope="module")
def add_server(chromium_path, tmp_path_factory):
    database = tmp_path_factory.mktemp("store") / "qantar.sqlite"
    with running_server("--server.fileWatcherType", "none", env={store.DATABASE_VARIABLE: str(database)}) as url:
        yield url, database


def test_uploaded_files_are_previewed_saved_and_shown_in_the_outlet_filter(add_server, page, tmp_path):
    url, database = add_server
    good, empty = tmp_path / "shymkent.txt", tmp_path / "kosong.txt"
    good.write_text(articles.SHYMKENT, encoding="utf-8")
    empty.write_bytes(b"")
    page.goto(f"{url}/add")
    wait_for_app(page)
    page.get_by_label("Outlet", exact=True).fill("Kabar Unggah")
    page.get_by_label("Outlet", exact=True).press("Enter")
    page.get_by_role("tab", name="Upload files").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(good), str(empty)])
    page.get_by_text("Ready to save").wait_for(timeout=30_000)
    assert "kosong.txt: the file is empty" in page.locator('[data-testid="stAlert"]').first.inner_text()
    full_screenshot(page, "add-preview")
    page.get_by_role("button", name="Save 1 article(s)").click()
    page.get_by_text("saved as").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    stored = [a.file_name for a in store.list_articles(store.open_database(store.database_url(str(database))))
              if not a.seed]
    assert stored == ["shymkent.txt"]
    page.goto(f"{url}/data?outlet=Kabar+Unggah")
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Kabar Unggah" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert page.locator('[data-testid="stAlert"]').count() == 0, "the link's outlet is known: no notice"
    full_screenshot(page, "add-saved-data")
    assert not page.errors
