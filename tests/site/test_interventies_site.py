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


def test_levels_show_who_judged_the_source_wording_and_the_history(built_site):
    page = BeautifulSoup((built_site / "interventies/taakspel/index.html").read_text("utf-8"), "html.parser")
    current = page.select_one(".kb-erkenning.kb-huidig").get_text(" ", strip=True)
    assert "Effectief volgens goede aanwijzingen" in current and "6 oktober 2016" in current
    assert "Beoordeeld door" in current and "loketgezondleven.nl" in page.select_one(".kb-huidig a[href^='https://']")["href"]
    history = page.select_one(".kb-tijdlijn").get_text(" ", strip=True)
    assert "effectief volgens sterke aanwijzingen" in history  # the factsheet's own words, now an earlier judgement
    assert "Factsheet Wat werkt? (2016)" in history and "002" not in history


def _dated(e):
    return bool(e.get("datum"))


def current_judgement(record):
    """Computed here on its own: dated before undated, registry pages before our documents, latest first,
    later in the file first on a tie."""
    order = sorted(enumerate(record["erkenning"]), key=lambda ie: (_dated(ie[1]), ie[1]["bron"] not in SEED_CODES,
                                                                   (str(ie[1].get("datum", "")) + "-00-00")[:10], ie[0]),
                   reverse=True)
    return order[0][1] if order else None


SEED_CODES = ("001", "002", "003", "004")


def test_every_judgement_has_a_date_or_says_its_source_shows_none():
    for r in records():
        for e in r["erkenning"]:
            assert ("datum" in e) != bool(e.get("datum_onbekend")), (r["id"], e)


def test_every_registry_judgement_cites_a_page_with_address_and_verification():
    bronnen = {b["id"]: b for b in yaml.safe_load((REPO / "content/bronnen.yml").read_text("utf-8"))}
    registry = [(r["id"], e["bron"]) for r in records() for e in r["erkenning"] if e["bron"] not in SEED_CODES]
    assert len(registry) >= 25
    for rid, key in registry:
        assert bronnen[key].get("URL", "").startswith("http"), (rid, key)
        assert bronnen[key].get("geverifieerd_via"), (rid, key)
        assert bronnen[key].get("accessed"), (rid, key)


def test_the_database_covers_at_least_25_programmes_and_names_the_documents_or_says_none(built_site):
    assert len(records()) >= 25
    for r in records():
        text = BeautifulSoup((built_site / f"interventies/{r['id']}/index.html").read_text("utf-8"),
                             "html.parser").select_one(".kb-gecontroleerd").get_text(" ", strip=True)
        assert ("Genoemd in" in text) == bool(r.get("genoemd_in")), r["id"]
        assert "Laatst gecontroleerd op" in text and "tegen" in text


def test_a_judgement_older_than_five_years_shows_its_note_with_its_date(built_site):
    from datetime import date, timedelta

    from kennisbank.datums import nl_datum
    five_years_ago = date.today().replace(year=date.today().year - 5).isoformat()
    old = 0
    for r in records():
        e = current_judgement(r)
        if not e or not e.get("datum"):
            continue
        page = BeautifulSoup((built_site / f"interventies/{r['id']}/index.html").read_text("utf-8"), "html.parser")
        note = page.select_one(".kb-huidig .kb-oud")
        full = len(str(e["datum"])) == 10
        if full and str(e["datum"]) < five_years_ago:
            old += 1
            text = note.get_text(" ", strip=True)
            assert "Dit oordeel is ouder dan vijf jaar" in text, r["id"]
            # the rule is explained (and cited) on the list page, not cited to another programme's page here
            assert nl_datum(str(e["datum"])) in text and note.select_one("a[href='../#erkenning']"), r["id"]
        elif full and str(e["datum"]) > (date.today() - timedelta(days=5 * 365 - 2)).isoformat():
            assert note is None, r["id"]
    assert old >= 5  # (every judgement on a registry page today is over five years old; the unit tests cover younger ones)


def test_what_changed_lists_the_programmes_whose_registry_level_differs_from_the_factsheet(built_site):
    expected = set()
    for r in records():
        factsheet = [e for e in r["erkenning"] if e["bron"] == "002"]
        register = current_judgement({"erkenning": [e for e in r["erkenning"] if e["bron"] not in SEED_CODES]})
        if factsheet and register and register["niveau"] != factsheet[0]["niveau"]:
            expected.add(r["id"])
    assert {"taakspel", "kanjertraining", "pad", "vrienden", "rots-en-water"} <= expected
    page = BeautifulSoup((built_site / "wat-werkt/index.html").read_text("utf-8"), "html.parser")
    table = page.select_one("h2#wat-is-veranderd").find_next("table")
    shown = {a["href"].rstrip("/").split("/")[-1] for a in table.select("tbody tr th[scope=row] a")}
    assert shown == expected
    assert "Niet erkend" in table.get_text()  # 'niet erkend' is shown, never dropped


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


def test_an_undated_current_judgement_says_so_and_is_old_only_when_its_source_says(built_site):
    """In the list an undated judgement reads 'zonder datum', with the age label only when the registry
    page itself says the judgement is over five years old (STOP4-7); never a blank the reader fills in."""
    page = BeautifulSoup((built_site / "interventies/index.html").read_text("utf-8"), "html.parser")
    undated = 0
    for r in records():
        e = current_judgement(r)
        if not e or e.get("datum"):
            continue
        undated += 1
        cell = page.select_one(f"tr[data-id='{r['id']}'] td[data-label='Huidig oordeel']").get_text(" ", strip=True)
        assert "zonder datum" in cell, r["id"]
        assert ("ouder dan vijf jaar" in cell) == bool(e.get("bron_meldt_ouder_dan_vijf_jaar")), r["id"]
    assert undated >= 1


def test_handouts_name_the_judge_only_when_the_source_does(built_site):
    for r in records():
        e = current_judgement(r)
        if not e:
            continue
        text = BeautifulSoup((built_site / f"interventies/{r['id']}/handout/index.html").read_text("utf-8"),
                             "html.parser").select_one("article").get_text(" ", strip=True)
        if e.get("beoordeeld_door"):
            assert "beoordeeld door " + " ".join(e["beoordeeld_door"].split()) in " ".join(text.split()), r["id"]
        else:
            assert "beoordeeld door" not in text, r["id"]


def test_the_five_year_rule_is_cited_where_it_is_explained_not_on_every_old_programme(built_site):
    """The note links to the explanation on the list page. Citing the rule's source (one programme's
    registry page) on every old programme would list that programme's page under 'Bronnen op deze pagina'."""
    rule = yaml.safe_load((REPO / "content/erkenningsniveaus.yml").read_text("utf-8"))["herbeoordeling"]["bron"]
    listed = BeautifulSoup((built_site / "interventies/index.html").read_text("utf-8"), "html.parser")
    assert listed.select_one(f"#erkenning ~ * a.kb-cite[href$='#ref-{rule}']")
    for path in sorted((REPO / "content/interventies").glob("*.yml")):
        if f"@{rule}" in path.read_text("utf-8") or f"bron: {rule}" in path.read_text("utf-8"):
            continue  # the programme whose own page it is
        page = BeautifulSoup((built_site / f"interventies/{path.stem}/index.html").read_text("utf-8"), "html.parser")
        assert not page.select(f"a.kb-cite[href$='#ref-{rule}']"), path.stem


def test_the_matrix_counts_programmes_without_a_pillar_in_a_row_of_their_own(built_site):
    page = BeautifulSoup((built_site / "interventies/matrix/index.html").read_text("utf-8"), "html.parser")
    row = next(tr for tr in page.select("table.kb-matrix tbody tr") if tr.th.get_text(strip=True) == "Geen pijler toegekend")
    without = [r for r in records() if not r.get("pijlers")]
    assert without and sum(int(td.get_text(strip=True)) for td in row.select("td")) == len(without)
    assert all("pijler=onbekend" in a["href"] for a in row.select("a"))
