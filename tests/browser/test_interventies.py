"""The programme list in Chromium: facets, combinations, URL state, no-JS, accessibility.

Runs on the real project plus 130 synthetic programmes; expected rows are computed here
from the YAML records, independently of the site's own code.
"""
import re
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

LEVEL_RANK = ["goed-beschreven", "goed-onderbouwd", "eerste-aanwijzingen", "goede-aanwijzingen", "sterke-aanwijzingen"]


def facet_values(record, key):
    """A programme's values for a facet, as the list page defines its facets."""
    if key == "niveau":
        judgements = sorted(record.get("erkenning") or [], key=lambda e: str(e.get("datum", "")), reverse=True)
        return [judgements[0]["niveau"]] if judgements else ["geen"]
    field = {"pijler": "pijlers", "thema": "themas"}.get(key, key)
    return record.get(field) or []


def expected(records, chosen: dict, q: str = ""):
    out = set()
    for r in records:
        text = " ".join([r["naam"], r["samenvatting"]]).casefold()
        if q and q.casefold() not in text:
            continue
        if all(any(v in facet_values(r, k) for v in vs) for k, vs in chosen.items()):
            out.add(r["id"])
    return out


PAGE = 50  # rows the list shows before "Toon meer"


def visible_ids(page):
    """Ids of the rows in the table, read in one go: the script replaces rows as it filters."""
    return set(page.evaluate("""() => [...document.querySelectorAll('tbody tr[data-id]')]
        .filter(tr => tr.offsetParent !== null).map(tr => tr.dataset.id)"""))


def shows(page, want: set) -> bool:
    """The table shows the matching programmes: all of them, or the first page of them."""
    shown = visible_ids(page)
    return shown <= want and len(shown) == min(len(want), PAGE)


@pytest.fixture
def lijst(page, synthetic_url):
    page.goto(synthetic_url + "interventies/")
    expect(page.locator("form.kb-filters")).to_be_visible()
    return page


@pytest.mark.parametrize("facet", ["niveau", "onderwijstype", "preventieniveau", "pijler", "thema", "categorie"])
def test_each_facet_filters(lijst, synthetic_site, facet):
    records = synthetic_site[1]
    box = lijst.locator(f"input[name='{facet}']").first
    value = box.get_attribute("value")
    box.check()
    want = expected(records, {facet: [value]})
    assert 0 < len(want) < len(records)
    assert shows(lijst, want)
    status = f"{len(want)} programma's" if len(want) != 1 else "1 programma"
    if len(want) > PAGE:
        status += f", de eerste {PAGE} staan hieronder"
    expect(lijst.locator("[data-kb-interventies] [role=status]")).to_have_text(status)
    assert parse_qs(urlparse(lijst.url).query) == {facet: [value]}
    # the count shown beside the value equals what the value shows on its own
    label = box.locator("xpath=..").locator(".kb-telling")
    expect(label).to_have_text(f"({len(want)})")


def test_combination_of_facets_and_text(lijst, synthetic_site):
    records = synthetic_site[1]
    lijst.locator("input[name='onderwijstype'][value='mbo']").check()
    lijst.locator("input[name='onderwijstype'][value='po']").check()  # OR within a facet
    lijst.locator("input[name='pijler'][value='signaleren']").check()  # AND across facets
    chosen = {"onderwijstype": ["mbo", "po"], "pijler": ["signaleren"]}
    assert shows(lijst, expected(records, chosen))
    lijst.locator("#kb-zoek").fill("00012")
    assert shows(lijst, expected(records, chosen, "00012"))


def test_url_restores_the_state(page, synthetic_url, synthetic_site):
    records = synthetic_site[1]
    page.goto(synthetic_url + "interventies/?niveau=goed-onderbouwd&niveau=geen&thema=stress")
    expect(page.locator("input[name='niveau'][value='goed-onderbouwd']")).to_be_checked()
    expect(page.locator("input[name='thema'][value='stress']")).to_be_checked()
    assert shows(page, expected(records, {"niveau": ["goed-onderbouwd", "geen"], "thema": ["stress"]}))


def test_clear_all(lijst, synthetic_site):
    lijst.locator("input[name='thema']").first.check()
    lijst.get_by_role("button", name="Alle filters wissen").click()
    assert len(visible_ids(lijst)) == PAGE
    assert urlparse(lijst.url).query == ""


def test_show_more_pages_through_all_matches(lijst, synthetic_site):
    total = len(synthetic_site[1])
    assert total > PAGE
    expect(lijst.locator("[data-kb-interventies] [role=status]")).to_have_text(f"{total} programma's, de eerste {PAGE} staan hieronder")
    more = lijst.get_by_role("button", name=re.compile("Toon meer"))
    expect(more).to_have_text(f"Toon meer ({PAGE} van de {total - PAGE} overige)")
    while more.is_visible():
        more.click()
    assert visible_ids(lijst) == {r["id"] for r in synthetic_site[1]}
    expect(lijst.get_by_role("button", name=re.compile("Toon meer"))).to_be_hidden()


def test_keyboard_only(lijst, synthetic_site):
    box = lijst.locator("input[name='categorie']").first
    box.focus()
    lijst.keyboard.press("Space")
    expect(box).to_be_checked()
    assert shows(lijst, expected(synthetic_site[1], {"categorie": [box.get_attribute("value")]}))


def test_list_works_without_javascript(browser, synthetic_url, synthetic_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(synthetic_url + "interventies/?niveau=goed-onderbouwd")
    assert len(visible_ids(page)) == len(synthetic_site[1])  # nothing hidden, all rows readable
    expect(page.locator("form.kb-filters")).to_be_hidden()
    page.locator("tbody a", has_text="Taakspel").click()
    expect(page).to_have_url(re.compile(r"/interventies/taakspel/$"))
    context.close()


def test_matrix_links_into_the_filtered_list(page, synthetic_url, synthetic_site):
    page.goto(synthetic_url + "interventies/matrix/")
    link = page.locator("table.kb-matrix td a").first
    count = int(link.inner_text())
    link.click()
    expect(page.locator("form.kb-filters")).to_be_visible()  # the list page's script has run
    query = parse_qs(urlparse(page.url).query)
    assert set(query) == {"pijler", "niveau"}
    want = expected(synthetic_site[1], query)
    assert count == len(want) and shows(page, want)


@pytest.mark.parametrize("path", ["interventies/", "interventies/taakspel/", "interventies/matrix/",
                                  "interventies/op-volle-kracht/"])
def test_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
