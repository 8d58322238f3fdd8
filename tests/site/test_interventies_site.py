"""The programme database on the real site, checked against the sources."""
import re
import unicodedata

import pytest
import yaml
from bs4 import BeautifulSoup

from support import REPO

SEEDS = REPO.parent / "shared" / "seeds"


def norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", name)


def records():
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "content/interventies").glob("*.yml"))]


def programme_names_in_the_factsheet() -> list[str]:
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    block = text.split("Aanbevolen programma")[1].split("Meer info")[0]
    names = [line.strip() for line in block.splitlines()[1:] if line.strip()]
    # the programmes the factsheet discusses on their own, outside that list
    names += ["Op Volle Kracht", "Penn Resiliency Programme"]
    return names


@pytest.mark.skipif(not SEEDS.exists(), reason="the source documents (../shared/seeds) are not beside this checkout")
def test_every_programme_the_sources_name_has_a_record():
    names = programme_names_in_the_factsheet()
    assert len(names) == 14  # twelve in the list, two discussed separately
    known = {}
    for r in records():
        for name in [r["naam"], *r.get("ook_bekend_als", [])]:
            known[norm(name)] = r["id"]
    missing = [n for n in names if not any(norm(n) in k or k in norm(n) for k in known)]
    assert missing == []


def test_every_record_has_a_page_a_short_link_and_a_handout(built_site):
    for r in records():
        page = BeautifulSoup((built_site / f"interventies/{r['id']}/index.html").read_text("utf-8"), "html.parser")
        assert r["naam"] in page.select_one("h1").get_text()
        assert (built_site / f"i/{r['id']}/index.html").is_file()
        assert (built_site / f"interventies/{r['id']}/handout/index.html").is_file()


def test_levels_show_who_judged_and_the_source_wording(built_site):
    page = BeautifulSoup((built_site / "interventies/taakspel/index.html").read_text("utf-8"), "html.parser")
    judgement = page.select_one(".kb-erkenning")
    text = judgement.get_text(" ", strip=True)
    assert "Effectief volgens sterke aanwijzingen" in text
    assert "effectief volgens sterke aanwijzingen" in text  # the source's own words
    assert "Beoordeeld door" in text and "niet vermeld in de bron" in text


def test_programme_pages_stay_out_of_the_navigation(built_site):
    page = (built_site / "model/beleid/veilig-klimaat/index.html").read_text("utf-8")
    nav = BeautifulSoup(page, "html.parser").select_one("nav.md-nav--primary")
    assert not nav.select("a[href*='interventies/taakspel']")
    assert nav.select("a[href*='interventies/']")  # the list itself is in the navigation


def test_principle_pages_list_their_programmes(built_site):
    page = BeautifulSoup((built_site / "model/omgeving/klasklimaat/index.html").read_text("utf-8"), "html.parser")
    section = page.select_one("h2#programmas")
    assert section is not None
    assert section.find_next("ul").select_one("a[href*='interventies/taakspel/']")
