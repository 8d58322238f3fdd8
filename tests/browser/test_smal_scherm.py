"""Every page at 320 px: nothing scrolls sideways, and whatever is wider than the screen sits in a
scroll region the keyboard can reach (WCAG 1.4.10 reflow, 2.1.1 keyboard)."""
from __future__ import annotations

import pytest

# Elements in the content that end beyond the right edge of the screen, and are not inside a
# horizontal scroll region that can take keyboard focus. Clipped content (overflow: hidden)
# counts as a failure too: the reader cannot see it at all.
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let up = el.parentElement, ok = false;
    while (up && up !== document.body) {
      const style = getComputedStyle(up).overflowX;
      if (style === 'auto' || style === 'scroll') { ok = up.tabIndex >= 0; break; }
      up = up.parentElement;
    }
    if (!ok) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ${Math.round(box.right)} px`);
  }
  return {scroll: document.documentElement.scrollWidth, width, outside: out.slice(0, 3)};
}"""


def _pages(site):
    """Every HTML page but the short-link pages, which only redirect (tests/browser/test_nederlands.py)."""
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        if rel.split("/")[0] in ("p", "i"):
            continue
        yield "" if rel == "." else rel + "/"


def test_no_page_scrolls_sideways_at_320px(browser, built_site, site_url):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    problems = []
    pages = list(_pages(built_site))
    assert len(pages) > 80, "every page of the site, handouts included"
    for rel in pages:
        page.goto(site_url + rel)
        found = page.evaluate(OUTSIDE)
        if found["scroll"] > found["width"] or found["outside"]:
            problems.append(f"/{rel}: page {found['scroll']} px wide; {found['outside']}")
    page.close()
    assert problems == [], "\n".join(problems)


def test_the_check_catches_a_wide_element(browser, site_url):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url)
    page.evaluate("""() => { const d = document.createElement('div'); d.style.width = '500px';
        d.textContent = 'breed'; document.querySelector('article').appendChild(d); }""")
    found = page.evaluate(OUTSIDE)
    page.close()
    assert found["outside"] and found["scroll"] > found["width"]


@pytest.mark.parametrize("rel", ["mbo/verkenning/bevindingen/", "interventies/matrix/"])
def test_wide_tables_scroll_by_keyboard(browser, site_url, rel):
    """A table wider than the screen scrolls in a region with a name that Tab reaches."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url + rel)
    regions = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .filter(r => r.scrollWidth > r.clientWidth)
        .map(r => ({tab: r.tabIndex, name: r.getAttribute('aria-label'), role: r.getAttribute('role')}))""")
    page.close()
    for region in regions:
        assert region["tab"] == 0 and region["name"] and region["role"] == "region", region
