"""The bibliography and citation previews in Chromium."""
import re

import pytest

from playwright.sync_api import expect

from support import run_axe


def test_citation_preview_shows_the_full_reference(page, site_url):
    page.goto(site_url + "model/omgeving/klasklimaat/")
    cite = page.locator("article a.kb-cite", has_text="Wang et al., 2020").first
    cite.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_contain_text("Wang, M.-T.")  # initials: the formatted reference, not the short form
    expect(tooltip).to_contain_text("(2020)")
    page.mouse.move(0, 0)
    cite.focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Wang")


def test_citation_link_goes_to_its_entry(page, site_url):
    page.goto(site_url + "onderbouwing/cijfers/")
    page.locator("article a.kb-cite", has_text="Stevens et al., 2023").first.click()
    expect(page).to_have_url(re.compile(r"/bronnen/#ref-stevens2023$"))
    expect(page.locator("#ref-stevens2023")).to_be_in_viewport()
    expect(page.locator("#ref-stevens2023")).to_contain_text("onvolledige bronvermelding")


def test_search_box_filters_the_list(page, site_url):
    page.goto(site_url + "bronnen/")
    total = page.locator(".kb-bron").count()
    assert total >= 150
    page.locator("#kb-bronzoek").fill("camh.12543")  # every word must match: here a DOI
    expect(page.locator(".kb-bron:visible")).to_have_count(1)
    expect(page.locator(".kb-bron:visible")).to_contain_text("Ma, K. K. Y.")
    expect(page.locator("[data-kb-bronnen] [role=status]")).to_have_text("1 bron gevonden")
    page.locator("#kb-bronzoek").fill("nind weare")  # words in any order
    expect(page.locator(".kb-bron:visible")).to_have_count(1)
    expect(page.locator(".kb-bron:visible")).to_contain_text("Weare, K., & Nind, M. (2011)")
    with_accent = page.locator(".kb-bron", has_text="Deković").count()
    assert with_accent >= 1
    page.locator("#kb-bronzoek").fill("DEKOVIC")  # no case, no accents, as in the programme search
    expect(page.locator(".kb-bron:visible")).to_have_count(with_accent)
    page.locator("#kb-bronzoek").fill("")
    expect(page.locator(".kb-bron:visible")).to_have_count(total)


def test_backlinks_name_page_and_section(page, site_url):
    page.goto(site_url + "bronnen/")
    entry = page.locator("#ref-bandura1977")
    link = entry.locator("a", has_text="Pedagogisch klasklimaat").first
    expect(link).to_be_visible()
    entry.locator("a[href*='klasklimaat/#']").first.click()
    expect(page).to_have_url(re.compile(r"/model/omgeving/klasklimaat/#[\w-]+$"))


def test_downloads_are_linked(page, site_url):
    page.goto(site_url + "bronnen/")
    for name in ("bronnen.json", "bronnen.bib"):
        href = page.locator(f"a[href$='{name}']").get_attribute("href")
        response = page.request.get(site_url + "bronnen/" + href)
        assert response.ok and len(response.body()) > 10000


def test_bibliography_has_no_accessibility_violations(page, site_url):
    page.goto(site_url + "bronnen/")
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def test_preview_of_an_incomplete_source_says_so(page, site_url):
    page.goto(site_url + "onderbouwing/cijfers/")
    page.locator("article a.kb-cite", has_text="Stevens et al., 2023").first.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("onvolledige bronvermelding")


# The last character before each mark and the first letter of the mark, as boxes: the letter must
# stand right of that character or on a later line. (The box of the mark alone is not enough: with the
# hanging indent of .kb-ref inherited, its text was drawn 2em to the left of its own box.)
OVERLAPS = """() => Array.from(document.querySelectorAll('.kb-onvolledig')).filter(mark => {
  let node = mark.previousSibling;
  while (node && !(node.textContent || '').trim()) node = node.previousSibling;
  if (!node) return false;
  const text = node.nodeType === 3 ? node : document.createTreeWalker(node, NodeFilter.SHOW_TEXT).lastChild();
  const end = text.textContent.trimEnd().length;
  const before = document.createRange(), first = document.createRange();
  before.setStart(text, end - 1); before.setEnd(text, end);
  first.setStart(mark.firstChild, 0); first.setEnd(mark.firstChild, 1);
  const a = before.getBoundingClientRect(), b = first.getBoundingClientRect();
  const sameLine = b.top < a.bottom - 2 && a.top < b.bottom - 2;
  return sameLine && b.left < a.right - 0.5;
}).length"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["bronnen/", "onderbouwing/cijfers/"])
def test_incomplete_mark_does_not_cover_the_text_before_it(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    assert page.locator(".kb-onvolledig").count() > 0
    assert page.evaluate(OVERLAPS) == 0
    if path == "bronnen/":
        assert page.evaluate("document.documentElement.scrollWidth") <= width
