"""The mbo pages in Chromium: they render, their charts read as tables, axe finds nothing."""
import pytest
from playwright.sync_api import expect

from support import run_axe


def test_mbo_page_shows_the_boxes_grouped_by_pillar(page, site_url):
    page.goto(site_url + "mbo/")
    expect(page.locator("h1")).to_contain_text("mbo")
    expect(page.locator(".admonition.inhetkort").first).to_be_visible()
    expect(page.locator(".admonition.mbo")).to_have_count(4)


def test_chart_is_a_table_with_readable_numbers(page, site_url):
    page.goto(site_url + "mbo/verkenning/cijfers/")
    table = page.get_by_role("table").first
    expect(table).to_be_visible()
    # the accessible text of a chart cell is its number; the bar itself is hidden from screen readers
    cell = table.locator("td:has(.kb-balk)").first
    expect(cell).to_contain_text("%")
    assert cell.locator(".kb-balk").get_attribute("aria-hidden") == "true"


@pytest.mark.parametrize("path", ["mbo/", "mbo/verkenning/cijfers/", "mbo/verkenning/aanbevelingen/",
                                  "mbo/verkenning/bevindingen/", "praktijk/kijken-waar-het-licht-zit/"])
def test_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
