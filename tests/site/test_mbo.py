"""The mbo section: every mbo box in place and on /mbo/, the recommendations, the summaries."""
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from support import REPO

# The mbo boxes of the theoretical grounding (source 001), by their heading there, and the
# content file that holds each. The last one has no heading in the source; it opens with this text.
SOURCE_BOXES = {
    "Veilig en inclusief klimaat in het mbo": "veilig-klimaat-mbo",
    "Ouderbetrokkenheid in het mbo": "ouderbetrokkenheid-mbo",
    "Stage in het mbo": "stage",
    "Bij mbo-studenten kunnen financi": "financiele-problemen-mbo",  # "financiële", garbled in the PDF text
}


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def boxes():
    out = {}
    for path in sorted((REPO / "content/mbo").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        out[meta["id"]] = meta
    return out


def test_every_box_of_the_source_is_content():
    seed = next((REPO.parent / "shared/seeds").glob("001_*.txt"), None)
    if seed is None:
        pytest.skip("the source documents (../shared/seeds) are not beside this checkout")
    text = " ".join(seed.read_text(encoding="utf-8").split())
    for heading, box in SOURCE_BOXES.items():
        assert heading in text, heading
        assert box in boxes(), box


@pytest.mark.parametrize("box", sorted(boxes()))
def test_box_renders_in_place_and_on_the_mbo_page(built_site, box):
    meta = boxes()[box]
    model = {p.stem: p.parent.name for p in (REPO / "content/model").glob("*/*.md")}
    page = f"model/{model[meta['hoort_bij']]}/{meta['hoort_bij']}" if meta["hoort_bij"] in model \
        else f"model/{meta['hoort_bij']}"
    for path in (f"{page}/index.html", "mbo/index.html"):
        found = soup(built_site, path).select_one(f"#mbo-{box} .admonition.mbo")
        assert found is not None, path
        assert found.select_one(".admonition-title").get_text(strip=True) == meta["titel"]
    # on /mbo/ each box links back to where it stands in the text
    back = soup(built_site, "mbo/index.html").select_one(f"#mbo-{box} a.kb-mbo")
    assert back["href"].endswith(f"#mbo-{box}")


def test_all_eight_recommendations_rendered_and_linked_both_ways(built_site):
    data = yaml.safe_load((REPO / "content/mbo-aanbevelingen.yml").read_text(encoding="utf-8"))
    assert sorted(a["nummer"] for a in data) == list(range(1, 9))
    page = soup(built_site, "mbo/verkenning/aanbevelingen/index.html")
    model = {p.stem: p.parent.name for p in (REPO / "content/model").glob("*/*.md")}
    for a in data:
        heading = page.select_one(f"h3#aanbeveling-{a['nummer']}")
        assert heading and a["titel"] in heading.get_text(), a["id"]
        assert a["principes"], a["id"]
        for principle in a["principes"]:
            principle_page = soup(built_site, f"model/{model[principle]}/{principle}/index.html")
            back = principle_page.select_one("h2#aanbevelingen-mbo").find_next("ul")
            assert any(link["href"].endswith(f"#aanbeveling-{a['nummer']}") for link in back.select("a")), principle


MBO_CHAPTERS = ["mbo/index.html"] + [f"mbo/verkenning/{p}index.html" for p in
                                     ["", "cijfers/", "onderzoek/", "bevindingen/", "conclusies/", "aanbevelingen/",
                                      "klankbordgroep/", "vervolg/"]]


@pytest.mark.parametrize("path", MBO_CHAPTERS)
def test_every_mbo_chapter_opens_with_a_short_plain_summary(built_site, path):
    article = soup(built_site, path).select_one("article")
    summary = article.select_one(".admonition.inhetkort")
    assert summary is not None and summary is article.select(".admonition, h2")[0], path
    text = " ".join(p.get_text(" ", strip=True) for p in summary.select("p:not(.admonition-title)"))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    assert 3 <= len(sentences) <= 5, (path, sentences)
    # B1: short sentences
    assert max(len(s.split()) for s in sentences) <= 20, (path, sentences)


def test_charts_have_the_numbers_as_text(built_site):
    page = soup(built_site, "mbo/verkenning/cijfers/index.html")
    charts = page.select("table.kb-grafiek")
    assert len(charts) >= 4
    for table in charts:
        assert table.select_one("caption").get_text(strip=True)
        for cell in table.select("td"):
            if cell.select_one(".kb-balk"):
                assert cell.select_one(".kb-balk").get("aria-hidden") == "true"
                assert re.search(r"\d", cell.get_text()), "each bar has its number as text"


def test_practice_story_is_linked_from_the_principles_it_shows(built_site):
    story = yaml.safe_load((REPO / "content/praktijk/kijken-waar-het-licht-zit.md").read_text("utf-8").split("---")[1])
    model = {p.stem: p.parent.name for p in (REPO / "content/model").glob("*/*.md")}
    for principle in story["principes"]:
        page = soup(built_site, f"model/{model[principle]}/{principle}/index.html")
        section = page.select_one("h2#in-de-praktijk")
        assert section and section.find_next("ul").select_one("a[href*='kijken-waar-het-licht-zit']"), principle
    figure = soup(built_site, "praktijk/kijken-waar-het-licht-zit/index.html").select_one("figure#figuur-piramide")
    assert figure and figure.select_one("figcaption") and not figure.select("img")
