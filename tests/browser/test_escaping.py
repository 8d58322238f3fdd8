"""Injected HTML in content shows as text in Chromium: on the page, in the title and in search
results; no dialog opens and no element is made from it."""
import pytest
from playwright.sync_api import expect

from support import INJECTIE, injected_site, search, serve_directory


@pytest.fixture(scope="module")
def injected_url(tmp_path_factory):
    server = serve_directory(injected_site(tmp_path_factory))
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize("path", ["interventies/taakspel/", "model/beleid/veilig-klimaat/", "begrippen/",
                                  "bronnen/", "interventies/taakspel/handout/"])
def test_injected_html_is_text_on_the_page_and_in_the_title(page, injected_url, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(injected_url + path)
    expect(page.locator("article")).to_contain_text(INJECTIE)
    if path != "begrippen/" and path != "bronnen/":
        assert INJECTIE in page.title()
        expect(page.locator("article h1")).to_contain_text(INJECTIE)
    assert page.locator("img[src='x'], [onerror]").count() == 0
    assert dialogs == []


def test_injected_html_is_text_in_search_results(page, injected_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(injected_url)
    assert search(page, "Taakspel") >= 1
    results = page.locator(".md-search-result")
    expect(results).to_contain_text("Taakspel <img src=x onerror=alert(1)>")
    assert page.locator(".md-search-result img, [onerror]").count() == 0
    assert dialogs == []
