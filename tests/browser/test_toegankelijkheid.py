"""axe-core in Chromium on a page of every type, and proof that the check catches a violation."""
import re

import pytest
from playwright.sync_api import expect

from support import run_axe

PAGE_TYPES = {
    "home": "",
    "chapter": "onderbouwing/cijfers/",
    "chapter with figure": "onderbouwing/integraal-werken/",
    "model": "model/",
    "pillar": "model/omgeving/",
    "principle": "model/beleid/veilig-klimaat/",
    "principle with figure": "model/educatie/sociaal-emotioneel-leren/",
    "glossary": "begrippen/",
    "bibliography": "bronnen/",
    "programme list": "interventies/",
    "programme": "interventies/taakspel/",
    "mbo": "mbo/",
    "practice story": "praktijk/kijken-waar-het-licht-zit/",
    "handout": "model/beleid/veilig-klimaat/handout/",
    "what works": "wat-werkt/",
}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_violations(page, site_url, kind):
    page.goto(site_url + PAGE_TYPES[kind])
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_check_catches_a_violation(page, site_url):
    page.goto(site_url)
    page.evaluate("""() => {
        const img = document.createElement('img');   // an image without alt text
        img.src = 'assets/images/favicon.png';
        document.querySelector('article').appendChild(img);
    }""")
    results = run_axe(page)
    assert "image-alt" in {v["id"] for v in results.response["violations"]}


def test_keyboard_reaches_filters_and_term_tooltips(page, site_url):
    page.goto(site_url + "interventies/")
    page.locator("#kb-zoek").focus()
    page.keyboard.press("Tab")  # from the text box to the toggle of the (open) filter panel
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")  # to the first facet value
    focused = page.evaluate("document.activeElement.name")
    assert focused == "niveau"
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"\?niveau="))
    page.goto(site_url + "onderbouwing/wat-is-welbevinden/")
    for _ in range(60):  # tab through the page until a term link has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kb-begrip')"):
            break
    else:
        raise AssertionError("no term link reachable with Tab")
    expect(page.locator(".md-tooltip2--active")).to_be_visible()


# Tab to each kind of form field on the pages that have them: the focused field must show an outline.
FIELDS = {"interventies/": ["input[type=search]", "input[type=checkbox]"], "bronnen/": ["input[type=search]"],
          "zelfscan/": ["input[type=radio]"]}


@pytest.mark.parametrize("path", FIELDS)
def test_keyboard_focus_on_form_fields_is_visible(page, site_url, path):
    page.goto(site_url + path)
    page.locator("h1").click()
    for selector in FIELDS[path]:
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                break
        else:
            raise AssertionError(f"Tab never reached {selector} on /{path}")
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            const box = document.activeElement.closest('label, .kb-keuze') || document.activeElement;
            const b = getComputedStyle(box);
            return [s.outlineStyle, s.outlineWidth, b.outlineStyle, b.outlineWidth]; }""")
        assert (style[0] != "none" and style[1] != "0px") or (style[2] != "none" and style[3] != "0px"), (path, selector, style)
