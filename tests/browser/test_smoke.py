"""Smoke tests in a real browser: home, search, glossary tooltip, model figure."""
import re

from playwright.sync_api import expect

from support import search


def test_home_page(page, site_url):
    page.goto(site_url)
    expect(page.locator("h1")).to_contain_text("Kennisbank Welbevinden op School")
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_search_finds_welbevinden(page, site_url):
    page.goto(site_url)
    assert search(page, "welbevinden") >= 5
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_search_finds_a_principle_and_a_term(page, site_url):
    page.goto(site_url)
    search(page, "zelfdeterminatietheorie")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    assert any("/begrippen/" in h and h.endswith("#zelfdeterminatietheorie") for h in links), links
    assert any("/model/beleid/participatie/" in h for h in links), links


def test_glossary_tooltip_on_hover_and_keyboard_focus(page, site_url):
    page.goto(site_url + "model/beleid/veilig-klimaat/")
    link = page.locator("article a.kb-begrip").first
    term_id = link.get_attribute("href").split("#")[1]
    page.goto(site_url + "begrippen/")
    definition = page.locator(f"h3#{term_id} + p.kb-kort").inner_text().strip()
    page.goto(site_url + "model/beleid/veilig-klimaat/")
    link = page.locator("article a.kb-begrip").first

    link.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(definition)

    page.mouse.move(0, 0)
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    link.focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text(definition)


def test_citation_preview_on_focus(page, site_url):
    page.goto(site_url + "onderbouwing/cijfers/")
    cite = page.locator("article a.kb-cite").first
    cite.focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Stevens")


def test_model_figure_links_to_principles(page, site_url):
    page.goto(site_url + "model/")
    links = page.locator("figure#modelfiguur li a")
    expect(links).to_have_count(16)
    page.locator("figure#modelfiguur a", has_text="B1").click()
    expect(page).to_have_url(re.compile(r"/model/beleid/veilig-klimaat/$"))
    expect(page.locator("h1")).to_contain_text("Veilig en inclusief schoolklimaat")
    page.go_back()
    page.locator("figure#modelfiguur a", has_text="S3").click()
    expect(page).to_have_url(re.compile(r"/model/signaleren/hulp-binnen-school/$"))


def test_copy_link_button_copies_the_permanent_address(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "model/beleid/veilig-klimaat/")
    button = page.locator("h2#waarom .kb-kopieer")
    expect(button).to_have_attribute("aria-label", "Kopieer de vaste link naar dit kopje")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kb-kopieer-status")).to_contain_text("Link gekopieerd")
    copied = page.evaluate("navigator.clipboard.readText()")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert copied == canonical + "#waarom"
    assert copied.endswith("/model/beleid/veilig-klimaat/#waarom")


def test_short_link_opens_the_principle(page, site_url):
    page.goto(site_url + "p/B1/")
    expect(page).to_have_url(re.compile(r"/model/beleid/veilig-klimaat/$"))


def test_handout_has_link_and_qr_code(page, site_url):
    page.goto(site_url + "model/beleid/veilig-klimaat/")
    page.get_by_role("link", name="Handout om te printen").click()
    expect(page.locator(".kb-url")).to_have_text(re.compile(r"^https?://\S+/p/B1/$"))
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()


def test_search_finds_programmes_by_evidence_level(page, site_url):
    page.goto(site_url)
    search(page, "sterke aanwijzingen")
    links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    assert any("/interventies/taakspel/" in h for h in links), links
