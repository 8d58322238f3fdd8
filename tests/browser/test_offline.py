"""The offline export, unpacked and opened from file:// in Chromium."""
import re
import zipfile

import pytest
from playwright.sync_api import expect

from build_offline import FOLDER, build
from support import internal_link_problems, search


@pytest.fixture(scope="session")
def offline(tmp_path_factory):
    work = tmp_path_factory.mktemp("offline")
    out, _ = build(work / "kennisbank-offline.zip")
    with zipfile.ZipFile(out) as archive:
        archive.extractall(work)
    return work / FOLDER


@pytest.fixture
def root(offline):
    return offline.as_uri() + "/"


def test_zip_holds_the_site_and_the_local_search_shim(offline):
    assert (offline / "index.html").is_file()
    assert (offline / "assets/javascripts/iframe-worker/shim.js").is_file()
    assert (offline / "assets/javascripts/iframe-worker/LICENSE").is_file()
    assert 'src="assets/javascripts/iframe-worker/shim.js"' in (offline / "index.html").read_text("utf-8")


def test_every_internal_link_resolves_from_disk(offline):
    assert internal_link_problems(offline, directory_index=False) == []


@pytest.mark.parametrize("query", ["welbevinden", "ouderbetrokkenheid", "sterke aanwijzingen", "zelfdeterminatietheorie"])
def test_dutch_search_works_from_disk(page, root, query):
    page.goto(root + "index.html")
    assert search(page, query) >= 1


def test_filters_and_their_url_state_work_from_disk(page, root):
    from kennisbank import load_kennisbank
    from support import REPO
    current = [i.oordeel.niveau for i in load_kennisbank(REPO).interventies.values() if i.oordeel]
    goede, sterke = current.count("goede-aanwijzingen"), current.count("sterke-aanwijzingen")
    assert goede and sterke
    page.goto(root + "interventies/index.html?niveau=goede-aanwijzingen")
    expect(page.locator("[data-kb-interventies] [role=status]")).to_have_text(f"{goede} programma's")
    page.locator("input[name='niveau'][value='sterke-aanwijzingen']").check()
    expect(page.locator("[data-kb-interventies] [role=status]")).to_have_text(f"{goede + sterke} programma's")
    assert "niveau=sterke-aanwijzingen" in page.url and page.url.startswith("file://")


def test_previews_show_from_disk(page, root):
    page.goto(root + "model/beleid/veilig-klimaat/index.html")
    page.locator("article a.kb-begrip").first.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    page.mouse.move(0, 0)
    page.locator("article a.kb-cite").first.focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("(")


def test_short_link_works_from_disk(page, root):
    page.goto(root + "p/B1/index.html")
    expect(page).to_have_url(re.compile(r"/model/beleid/veilig-klimaat/index\.html$"))


def test_link_check_catches_what_breaks_from_disk(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="a/index.html#x">ok</a><a href="a/">folder</a>'
                                         '<a href="b/index.html">missing</a><a href="a/index.html#y">anchor</a>',
                                         encoding="utf-8")
    assert internal_link_problems(tmp_path, directory_index=False) == [
        "index.html: a/ (a folder: from disk this needs index.html)",
        "index.html: b/index.html (missing)",
        "index.html: a/index.html#y (no such anchor)",
    ]


def test_short_link_opens_its_page_from_disk(page, root):
    """The page behind a QR code (/p/B1/) sends the reader on from file:// too."""
    page.goto(root + "p/B1/index.html")
    expect(page).to_have_url(re.compile(r"/model/beleid/veilig-klimaat/index\.html$"))
    expect(page.locator("h1")).to_contain_text("Veilig en inclusief schoolklimaat")


def test_the_self_scan_address_restores_every_answer_from_disk(page, root, browser):
    """Fill the whole scan from file://, open the address in a fresh page: every answer is back."""
    page.goto(root + "zelfscan/index.html")
    groups = page.locator("fieldset.kb-stelling")
    expected = {}
    for i in range(groups.count()):
        digit = 1 + (i * 5) % 4
        groups.nth(i).locator(f"input[value='{digit}']").check()
        expected[i] = digit
    page.locator("input[name=schooltype][value=mbo]").check()
    url = page.url
    assert url.startswith("file://") and "#v=1&t=mbo&" in url
    # the address to send is the published one: a file:// path opens on nobody else's computer
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.startswith("https://")
    expect(page.locator(".kb-zelfscan-adres")).to_have_text(canonical + "#" + url.split("#", 1)[1])
    context = browser.new_context()
    fresh = context.new_page()
    fresh.goto(url)
    got = fresh.evaluate("""() => Array.from(document.querySelectorAll('fieldset.kb-stelling')).map(f => {
        const c = f.querySelector('input:checked'); return c ? Number(c.value) : 0; })""")
    assert dict(enumerate(got)) == expected
    assert fresh.locator("input[name=schooltype]:checked").get_attribute("value") == "mbo"
    expect(fresh.locator(".kb-zelfscan-begin")).to_have_count(3)
    # links in the result work from disk: a file, not a folder
    href = fresh.locator(".kb-zelfscan-begin a").first.get_attribute("href")
    assert href.endswith("index.html"), href
    context.close()
