"""The real site, built once with --strict (fixture ``built_site``)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kennisbank.references import leftover
from support import REPO

PRINCIPES = {
    "B1": "beleid/veilig-klimaat", "B2": "beleid/ondersteunend-beleid", "B3": "beleid/participatie",
    "B4": "beleid/welbevinden-professionals", "B5": "beleid/professionalisering",
    "O1": "omgeving/klasklimaat", "O2": "omgeving/fysieke-omgeving", "O3": "omgeving/ouders",
    "O4": "omgeving/externe-partners", "O5": "omgeving/gemeenschap",
    "E1": "educatie/sociaal-emotioneel-leren", "E2": "educatie/erkende-interventies",
    "E3": "educatie/integreren-in-onderwijs",
    "S1": "signaleren/in-kaart-brengen", "S2": "signaleren/kwetsbare-groepen", "S3": "signaleren/hulp-binnen-school",
}

# Every part of the theoretical grounding (seed 001) and where the site has it.
SECTIONS = {
    "Welbevinden: wat zeggen de cijfers?": "onderbouwing/cijfers/index.html",
    "Terminologie": "onderbouwing/index.html",
    "Wat is welbevinden?": "onderbouwing/wat-is-welbevinden/index.html",
    "Waarom in het onderwijs werken aan welbevinden?": "onderbouwing/waarom-onderwijs/index.html",
    "Integraal werken aan welbevinden": "onderbouwing/integraal-werken/index.html",
    "Wat is belangrijk bij integraal werken aan welbevinden?": "model/index.html",
    "Beleid": "model/beleid/index.html",
    "Omgeving": "model/omgeving/index.html",
    "Educatie": "model/educatie/index.html",
    "Signaleren": "model/signaleren/index.html",
    "Implementatie en effect": "onderbouwing/implementatie-en-effect/index.html",
    "Verantwoording": "onderbouwing/verantwoording/index.html",
}

MBO_BOXES = {
    "veilig-klimaat-mbo": "model/beleid/veilig-klimaat/index.html",
    "ouderbetrokkenheid-mbo": "model/omgeving/ouders/index.html",
    "stage": "model/omgeving/index.html",
    "financiele-problemen-mbo": "model/signaleren/kwetsbare-groepen/index.html",
}

FIGURES = {
    "figuur-1": "onderbouwing/integraal-werken/index.html",
    "figuur-2": "onderbouwing/integraal-werken/index.html",
    "figuur-3": "model/beleid/welbevinden-professionals/index.html",
    "figuur-4": "model/educatie/sociaal-emotioneel-leren/index.html",
    "figuur-5": "onderbouwing/implementatie-en-effect/index.html",
}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("code,path", PRINCIPES.items())
def test_principle_page(built_site, code, path):
    page = soup(built_site, f"model/{path}/index.html")
    article = page.select_one("article")
    assert article.select_one(".kb-kenmerk .kb-code").get_text() == code
    assert article.select_one("p.kb-kort").get_text(strip=True)
    assert article.select_one("h2#bronnen-op-deze-pagina"), "every principle cites its sources"
    assert article.select("a.kb-begrip"), "every principle links the terms it uses"
    assert article.select_one("a.kb-pijler")
    assert len(article.get_text()) > 1500


def test_model_overview_figure_links_every_principle(built_site):
    figure = soup(built_site, "model/index.html").select_one("figure#modelfiguur")
    hrefs = {a["href"].strip("/") for a in figure.select("li a")}
    assert hrefs == set(PRINCIPES.values())
    assert len(figure.select(".kb-model-pijler")) == 4
    assert figure.select_one("figcaption").get_text(strip=True)


def test_glossary_has_at_least_30_terms_with_anchors(built_site):
    page = soup(built_site, "begrippen/index.html")
    terms = page.select("article h3[id]")
    assert len(terms) >= 30
    names = [t.get_text(" ", strip=True).rstrip("¶").strip().casefold() for t in terms]
    assert names == sorted(names), "alphabetical"
    for term_id in ["welbevinden", "mentale-gezondheid", "sociaal-emotioneel-leren", "zelfdeterminatietheorie",
                    "intersectionaliteit", "bpv", "mental-health-literacy", "universele-preventie"]:
        assert page.select_one(f"h3#{term_id}"), term_id


@pytest.mark.parametrize("section,path", SECTIONS.items())
def test_every_section_of_the_source_is_on_the_site(built_site, section, path):
    assert (built_site / path).is_file(), section


@pytest.mark.parametrize("box,path", MBO_BOXES.items())
def test_mbo_boxes_render_in_place(built_site, box, path):
    assert soup(built_site, path).select_one(f"#mbo-{box} .admonition.mbo")


@pytest.mark.parametrize("figure,path", FIGURES.items())
def test_figures_are_html_with_a_caption(built_site, figure, path):
    fig = soup(built_site, path).select_one(f"figure#{figure}")
    assert fig is not None, figure
    assert fig.select_one("figcaption") and not fig.select("img")
    assert len(fig.get_text(" ", strip=True)) > 80


def test_theory_box_on_participation(built_site):
    assert soup(built_site, "model/beleid/participatie/index.html").select_one(".admonition.theorie")


def test_no_reference_syntax_left_anywhere(built_site):
    offenders = {str(p.relative_to(built_site)): leftover(p.read_text("utf-8")) for p in built_site.rglob("*.html")}
    assert {page: found for page, found in offenders.items() if found} == {}


RESOURCE = re.compile(
    r'<(?:script|img|iframe|source|audio|video|embed|track)\b[^>]*\bsrc="(?:https?:)?//'   # loaded by src
    r'|<link\b(?=[^>]*\brel="(?:stylesheet|preload|prefetch|modulepreload|icon|manifest|preconnect|dns-prefetch)")'
    r'[^>]*\bhref="(?:https?:)?//'                                                    # loaded by link
    r'|<object\b[^>]*\bdata="(?:https?:)?//'
    r'|url\(\s*[\'"]?(?:https?:)?//',                                                  # inline styles
    re.IGNORECASE)


def external_resources(site: Path) -> list[str]:
    """Pages and stylesheets that would make a browser contact another host."""
    found = []
    for path in list(site.rglob("*.html")) + list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = path.read_text("utf-8", errors="replace")
        if path.suffix == ".js":
            # scripts may mention URLs; what matters is code that loads from a CDN
            if re.search(r"(?:importScripts|fetch)\(\s*[\'\"]https?://", text):
                found.append(str(path.relative_to(site)))
        elif RESOURCE.search(text) or "fonts.googleapis" in text or "fonts.gstatic" in text:
            found.append(str(path.relative_to(site)))
    return found


def test_no_request_to_another_host(built_site):
    assert external_resources(built_site) == []


def test_privacy_check_catches_a_cdn(tmp_path):
    (tmp_path / "a.html").write_text('<link rel="canonical" href="https://example.org/"><p>ok</p>', encoding="utf-8")
    assert external_resources(tmp_path) == []  # a canonical link is no request
    (tmp_path / "b.html").write_text('<script src="https://cdn.example.org/x.js"></script>', encoding="utf-8")
    (tmp_path / "c.html").write_text('<link href="//fonts.example.org/a.css" rel="stylesheet">', encoding="utf-8")
    (tmp_path / "d.css").write_text('body { background: url("https://example.org/a.png") }', encoding="utf-8")
    assert sorted(external_resources(tmp_path)) == ["b.html", "c.html", "d.css"]


def test_dutch_search_index_has_principles_and_terms(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"] for doc in index["docs"]}
    assert "model/beleid/veilig-klimaat/" in locations
    assert "begrippen/#zelfdeterminatietheorie" in locations


def test_bibliography_anchor_per_entry_and_citations_resolve(built_site):
    page = soup(built_site, "bronnen/index.html")
    anchors = {div["id"] for div in page.select("div.kb-bron[id]")}
    assert len(anchors) >= 150
    for html in built_site.rglob("*.html"):
        for a in soup(built_site, str(html.relative_to(built_site))).select("a.kb-cite"):
            assert a["href"].split("#")[1] in anchors


def test_own_words_share_below_two_percent():
    tool = REPO.parent / "shared" / "tools" / "seed_overlap.py"
    if not tool.exists():
        pytest.skip("the source documents (../shared) are not beside this checkout")
    out = subprocess.run([sys.executable, str(tool), "--allow", "content/verbatim-allow.txt", "content", "docs",
                          "overrides"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    share = float(re.search(r"found in the sources: ([\d.]+)%", out).group(1))
    assert share < 2.0, out


def test_every_page_that_cites_ends_with_its_sources(built_site):
    checked = 0
    for html in built_site.rglob("*.html"):
        path = str(html.relative_to(built_site))
        if path.startswith(("begrippen/", "bronnen/", "404")) or "/handout/" in path:  # a handout links to its page
            continue
        article = soup(built_site, path).select_one("article")
        if article is None or not article.select("a.kb-cite"):
            continue
        headings = article.select("h2[id]")
        assert headings and headings[-1]["id"] in ("bronnen-op-deze-pagina", "verder-in-het-model"), path
        section = article.select_one("h2#bronnen-op-deze-pagina")
        sources = section.find_next("ul")
        listed = {a["href"].split("#")[1] for a in sources.select(".kb-ref + a")}
        # citations in the text, not the list's own links to the bibliography
        cited = {a["href"].split("#")[1] for a in article.select("a.kb-cite") if sources not in a.parents}
        assert cited == listed, path
        checked += 1
    assert checked > 40
