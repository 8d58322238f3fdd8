"""The site as readers meet it (issue 11): search that finds pages, links that keep the view,
tooltips that can be closed, and no accessibility violations on a phone."""
from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect
from support import REPO, run_axe, search

# One page of every type, at 390 px (a common phone width).
PAGE_TYPES = {
    "home": "", "chapter": "onderbouwing/cijfers/", "chart": "mbo/verkenning/cijfers/",
    "wide table": "mbo/verkenning/bevindingen/", "model": "model/", "pillar": "model/omgeving/",
    "principle": "model/beleid/veilig-klimaat/", "glossary": "begrippen/", "bibliography": "bronnen/",
    "programme list": "interventies/", "matrix": "interventies/matrix/", "programme": "interventies/taakspel/",
    "practice stories": "praktijk/", "practice story": "praktijk/kijken-waar-het-licht-zit/",
    "handout": "model/beleid/veilig-klimaat/handout/", "what works": "wat-werkt/", "not found": "404.html",
}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_violations_at_390px(page, site_url, kind):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + PAGE_TYPES[kind])
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def test_short_link_opens_the_target_at_once(page, site_url):
    page.goto(site_url + "p/B1/")
    expect(page).to_have_url(re.compile(r"/model/beleid/veilig-klimaat/$"))
    expect(page.locator("h1")).to_contain_text("Veilig en inclusief schoolklimaat")


def _result_pages(page) -> list[str]:
    """The page of each search result, best first."""
    links = page.locator(".md-search-result__item > .md-search-result__link").all()
    return [a.get_attribute("href").split("?")[0] for a in links]  # without search.highlight's ?h=


def test_klasklimaat_finds_the_principle_first_and_no_handout(page, site_url):
    page.goto(site_url)
    assert search(page, "klasklimaat") >= 2
    results = _result_pages(page)
    assert results[0].endswith("/model/omgeving/klasklimaat/"), results
    assert not [r for r in results if "/handout/" in r], results


def _programmes_with_theme(theme: str) -> set[str]:
    found = set()
    for path in (REPO / "content" / "interventies").glob("*.yml"):
        record = yaml.safe_load(path.read_text("utf-8"))
        if theme in (record.get("themas") or []):
            found.add(record["id"])
    return found


def test_pesten_lists_the_anti_bullying_programmes_first(page, site_url):
    expected = _programmes_with_theme("pesten-en-conflicten")
    assert expected, "no programme has the theme pesten-en-conflicten"
    page.goto(site_url)
    search(page, "pesten")
    first = _result_pages(page)[:max(5, len(expected))]
    shown = {m.group(1) for r in first if (m := re.search(r"/interventies/([^/]+)/$", r))}
    assert expected <= shown, (expected, first)


def test_copy_link_on_a_filtered_list_keeps_the_filters(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "interventies/")
    page.locator("input[name=onderwijstype][value=mbo]").check()
    expect(page).to_have_url(re.compile(r"\?.*onderwijstype=mbo"))
    query = page.evaluate("location.search")
    page.locator("h1 .kb-kopieer").click()
    expect(page.locator(".kb-kopieer-status")).to_contain_text("Link gekopieerd")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/interventies/" + query), (copied, query)


def test_escape_closes_a_tooltip_and_hover_opens_it_again(page, site_url):
    page.goto(site_url + "onderbouwing/wat-is-welbevinden/")
    term = page.locator("a.kb-begrip").first
    term.hover()
    tip = page.locator(".md-tooltip2--active")
    expect(tip).to_be_visible()
    size = tip.locator(".md-tooltip2__inner").evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    assert size[0] >= 14 and int(size[1]) <= 400, size
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    term.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()


def test_escape_closes_a_tooltip_shown_on_focus(page, site_url):
    page.goto(site_url + "onderbouwing/wat-is-welbevinden/")
    page.locator("a.kb-begrip").first.focus()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".md-tooltip2--active")).to_be_hidden()
