"""The programme list in Chromium: facets, combinations, search, URL state, empty results, narrow
screens, no-JS, accessibility.

Runs on the real project plus 130 synthetic programmes and a few fixture programmes (conftest);
expected rows are computed here from the YAML records, independently of the site's own code.
"""
import calendar
import re
import unicodedata
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from support import run_axe

TODAY = date.today()  # the build date: the fixtures build the site in this test session


DOCUMENTS = {"001", "002", "003", "004"}  # the programme's own documents; any other source is a registry page


def current(record):
    """The current judgement: the latest dated one, a registry page's before one our documents retell
    (the factsheet's '2016' is its publication year, not the registry's date); on equal footing the
    later one in the file; an undated one only when none has a date (then the last one in the file)."""
    judgements = record.get("erkenning") or []
    if not judgements:
        return None
    def key(pair):
        index, e = pair
        datum = str(e.get("datum") or "")
        return (bool(datum), str(e.get("bron")) not in DOCUMENTS, (datum + "-00-00")[:10] if datum else "", index)
    return max(enumerate(judgements), key=key)[1]


def older_than_five_years(judgement) -> bool:
    """Dated more than five years before today; a year or month alone counts as its last day."""
    parts = [int(p) for p in str(judgement.get("datum") or "").split("-") if p]
    if not parts:
        return False
    year, month = parts[0], (parts[1] if len(parts) > 1 else 12)
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    day = min(day, calendar.monthrange(year + 5, month)[1])
    return date(year + 5, month, day) < TODAY


def facet_values(record, key):
    """A programme's values for a facet, as the list page defines its facets."""
    if key == "niveau":
        judgement = current(record)
        return [judgement["niveau"]] if judgement else ["geen"]
    if key == "ouder-dan-vijf-jaar":
        judgement = current(record)
        if judgement and judgement.get("bron_meldt_ouder_dan_vijf_jaar"):
            return ["ja"]  # the registry page says so itself
        if not judgement or not judgement.get("datum"):
            return ["onbekend"]
        return ["ja" if older_than_five_years(judgement) else "nee"]
    field = {"pijler": "pijlers", "thema": "themas"}.get(key, key)
    if key in ("onderwijstype", "preventieniveau", "pijler"):
        return record.get(field) or ["onbekend"]
    return record.get(field) or []


def plain(text: str) -> str:
    """Lower case, no accents, punctuation as spaces."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def searchable_parts(record) -> list[str]:
    """Name, other names, summary, themes, aim, target group, outcomes and active elements."""
    return [record["naam"], *record.get("ook_bekend_als", []), record["samenvatting"],
            *(t.replace("-", " ") for t in record.get("themas", [])), record.get("doel", ""),
            record.get("doelgroep", ""), *(u["uitkomst"] for u in record.get("uitkomsten", [])),
            *record.get("werkzame_elementen", [])]


def searchable(record) -> str:
    return plain(" ".join(searchable_parts(record)))


def expected(records, chosen: dict, q: str = ""):
    out = set()
    for r in records:
        if q and not all(word in searchable(r) for word in plain(q).split()):
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


@pytest.mark.parametrize("facet", ["niveau", "ouder-dan-vijf-jaar", "onderwijstype", "preventieniveau",
                                   "pijler", "thema", "categorie"])
def test_each_facet_filters(lijst, synthetic_site, facet):
    records = synthetic_site[1]
    lijst.locator("[data-kb-filterpaneel]").evaluate("d => d.open = true")
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


def check(page, name, value):
    """Choose a filter value the way a reader does: open the filters if they are folded, tick the box."""
    panel = page.locator("[data-kb-filterpaneel]")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    page.locator(f"input[name='{name}'][value='{value}']").check()


def test_strong_evidence_in_primary_schools(lijst, synthetic_site):
    records = synthetic_site[1]
    check(lijst, "niveau", "sterke-aanwijzingen")
    check(lijst, "onderwijstype", "po")
    want = {r["id"] for r in records if facet_values(r, "niveau") == ["sterke-aanwijzingen"]
            and "po" in (r.get("onderwijstype") or [])}
    assert want and "fixtuur-herbeoordeeld" not in want  # its current judgement is "niet erkend"
    assert shows(lijst, want)
    assert parse_qs(urlparse(lijst.url).query) == {"niveau": ["sterke-aanwijzingen"], "onderwijstype": ["po"]}


def test_not_recognised_is_a_level_of_its_own(lijst, synthetic_site):
    check(lijst, "niveau", "niet-erkend")
    want = expected(synthetic_site[1], {"niveau": ["niet-erkend"]})
    assert "fixtuur-herbeoordeeld" in want
    assert shows(lijst, want)
    row = lijst.locator("tr[data-id='fixtuur-herbeoordeeld']")
    expect(row.locator("td").first).to_contain_text("Niet erkend")
    expect(row.locator("td").first).to_contain_text("oordeel van 1 mei 2023")


def test_no_judgement_and_unknown_values_are_choices(lijst, synthetic_site):
    records = synthetic_site[1]
    check(lijst, "niveau", "geen")
    assert shows(lijst, {r["id"] for r in records if not r.get("erkenning")})
    expect(lijst.locator("input[name='niveau'][value='geen']").locator("xpath=..")).to_contain_text("Geen oordeel gevonden")
    lijst.locator("input[name='niveau'][value='geen']").uncheck()
    check(lijst, "onderwijstype", "onbekend")
    assert shows(lijst, {r["id"] for r in records if not r.get("onderwijstype")})


def test_older_than_five_years(lijst, synthetic_site):
    records = synthetic_site[1]
    check(lijst, "ouder-dan-vijf-jaar", "ja")
    want = {r["id"] for r in records if facet_values(r, "ouder-dan-vijf-jaar") == ["ja"]}
    assert "fixtuur-zeldzaam" in want and "fixtuur-herbeoordeeld" not in want  # 2015-03 and 2023-05-01
    assert shows(lijst, want)
    lijst.locator("#kb-zoek").fill("zeldzaamwoord")
    expect(lijst.locator("tr[data-id='fixtuur-zeldzaam'] td").first).to_contain_text("maart 2015, ouder dan vijf jaar")


def test_age_bands(lijst, synthetic_site):
    records = synthetic_site[1]
    check(lijst, "leeftijd", "12-15")  # "10 tot 14 jaar" touches 8-11 and 12-15
    assert "fixtuur-zeldzaam" in visible_ids(lijst)
    lijst.locator("input[name='leeftijd'][value='12-15']").uncheck()
    check(lijst, "leeftijd", "onbekend")
    lijst.locator("#kb-zoek").fill("fixtuur")
    assert visible_ids(lijst) == {r["id"] for r in records if r["id"].startswith("fixtuur") and not r.get("leeftijd")}


@pytest.mark.parametrize("q, theme", [("pesten", "pesten-en-conflicten"), ("angst", "angst-en-depressie")])
def test_text_search_finds_programmes_by_theme_and_content(lijst, synthetic_site, q, theme):
    records = synthetic_site[1]
    lijst.locator("#kb-zoek").fill(q)
    want = expected(records, {}, q)
    assert {r["id"] for r in records if theme in r.get("themas", [])} <= want  # every programme on the theme
    assert shows(lijst, want)
    assert parse_qs(urlparse(lijst.url).query) == {"zoek": [q]}


def test_real_programmes_found_by_theme(page, site_url, built_site):
    """On the real site: "pesten" lists every real programme on bullying, not only names with the word;
    the site search (which Material opens for a "q" in the address) stays closed."""
    import yaml
    from support import REPO
    records = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((REPO / "content/interventies").glob("*.yml"))]
    page.goto(site_url + "interventies/?zoek=pesten")
    expect(page.locator("form.kb-filters")).to_be_visible()
    want = expected(records, {}, "pesten")
    assert {r["id"] for r in records if "pesten-en-conflicten" in r.get("themas", [])} <= want
    assert visible_ids(page) == want
    expect(page.locator("#kb-zoek")).to_have_value("pesten")
    assert not page.locator("#__search").is_checked()


@pytest.mark.parametrize("q", ["begrip", "njizdb", "interventie"])
def test_search_does_not_find_the_reference_syntax_readers_never_see(page, site_url, q):
    """'begrip:' links and citation keys are markup: a programme is found by its words only."""
    import yaml
    from support import REPO
    records = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((REPO / "content/interventies").glob("*.yml"))]
    page.goto(site_url + f"interventies/?zoek={q}")
    expect(page.locator("form.kb-filters")).to_be_visible()
    markup = re.compile(r"\]\((?:begrip|principe|pijler|interventie|bron|mbo|praktijk):[^)]*\)|\[@[^\]]*\]|@[a-z0-9]+")
    seen = {r["id"]: plain(" ".join(markup.sub("]", part) for part in searchable_parts(r))) for r in records}
    want = {i for i, text in seen.items() if q in text}
    if q == "njizdb":
        assert not want  # a citation key: in the data, never in a reader's text
    assert visible_ids(page) == want


@pytest.mark.parametrize("q", ["geindiceerd", "GEÏNDICEERDE", "Géïndiceerd angstklachten"])
def test_search_ignores_accents_and_case_and_needs_every_word(lijst, synthetic_site, q):
    lijst.locator("#kb-zoek").fill(q)
    want = expected(synthetic_site[1], {}, q)
    assert "fixtuur-zeldzaam" in want
    assert shows(lijst, want)


def test_search_needs_every_word(lijst, synthetic_site):
    lijst.locator("#kb-zoek").fill("zeldzaamwoord pesten")
    expect(lijst.locator("[data-kb-interventies] [role=status]")).to_have_text("Geen programma's bij deze filters")
    assert visible_ids(lijst) == set()


def test_query_survives_reload_and_back_undoes_a_choice(lijst, synthetic_site):
    records = synthetic_site[1]
    lijst.locator("#kb-zoek").fill("angst")
    check(lijst, "onderwijstype", "so")
    want = expected(records, {"onderwijstype": ["so"]}, "angst")
    assert shows(lijst, want)
    lijst.reload()
    expect(lijst.locator("#kb-zoek")).to_have_value("angst")
    expect(lijst.locator("input[name='onderwijstype'][value='so']")).to_be_checked()
    assert shows(lijst, want)
    lijst.go_back()  # the school type came after the text: back undoes the school type only
    expect(lijst.locator("input[name='onderwijstype'][value='so']")).not_to_be_checked()
    expect(lijst.locator("#kb-zoek")).to_have_value("angst")
    assert shows(lijst, expected(records, {}, "angst"))
    assert parse_qs(urlparse(lijst.url).query) == {"zoek": ["angst"]}


def test_empty_result_names_the_filter_and_offers_to_drop_it(lijst, synthetic_site):
    records = synthetic_site[1]
    check(lijst, "onderwijstype", "po")
    lijst.locator("#kb-zoek").fill("zeldzaamwoord")  # only in a programme for special schools
    status = lijst.locator("[data-kb-interventies] [role=status]")
    expect(status).to_have_text("Geen programma's bij deze filters")
    uitleg = lijst.locator("[data-kb-leeg]")
    expect(uitleg).to_be_visible()
    expect(uitleg).to_contain_text("Het laatst gekozen filter, zoekwoorden \u2018zeldzaamwoord\u2019, maakte de lijst leeg.")
    without_text = len(expected(records, {"onderwijstype": ["po"]}))
    buttons = uitleg.get_by_role("button")
    expect(buttons).to_have_count(2)  # each active filter, the last chosen first, with what dropping it gives
    expect(uitleg.locator("li").nth(0)).to_have_text(
        f"Filter zoekwoorden \u2018zeldzaamwoord\u2019 weghalen geeft {without_text} programma's")
    expect(uitleg.locator("li").nth(1)).to_have_text("Filter onderwijstype: Primair onderwijs (po) weghalen geeft 1 programma")
    uitleg.get_by_role("button", name=re.compile("onderwijstype")).click()
    expect(status).to_have_text("1 programma")
    expect(status).to_be_focused()
    expect(uitleg).to_be_hidden()
    assert visible_ids(lijst) == {"fixtuur-zeldzaam"}
    assert parse_qs(urlparse(lijst.url).query) == {"zoek": ["zeldzaamwoord"]}


def test_narrow_screen_folds_filters_and_stacks_rows(browser, synthetic_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(synthetic_url + "interventies/")
    expect(page.locator("form.kb-filters")).to_be_visible()
    panel = page.locator("[data-kb-filterpaneel]")
    assert panel.get_attribute("open") is None  # folded: the result count and the first results come first
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    first = page.locator("tbody tr").first
    assert first.bounding_box()["y"] < 640 * 1.5
    # stacked rows: every value cell says which column it belongs to
    labels = page.evaluate("""() => [...document.querySelector('tbody tr').querySelectorAll('td')]
        .map(td => getComputedStyle(td, '::before').content)""")
    assert labels == ['"Huidig oordeel: "', '"Onderwijstype: "', '"Preventieniveau: "', '"Pijlers: "']
    assert page.evaluate("getComputedStyle(document.querySelector('tbody tr')).display") == "block"
    panel.locator("summary").click()
    page.locator("input[name='onderwijstype'][value='po']").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_table_words_break_only_at_hyphenation_points(lijst):
    styles = lijst.evaluate("""() => [...document.querySelectorAll('table.kb-interventietabel th, table.kb-interventietabel td')]
        .slice(0, 12).map(c => [getComputedStyle(c).overflowWrap, getComputedStyle(c).wordBreak, getComputedStyle(c).hyphens])""")
    assert styles and all(s == ["normal", "normal", "auto"] for s in styles), styles
    assert lijst.evaluate("document.documentElement.lang") == "nl"  # hyphens: auto needs the language


def test_search_index_has_the_list_text_not_its_filter_labels(built_site):
    import json
    docs = json.loads((built_site / "search/search_index.json").read_text("utf-8"))["docs"]
    lijst = next(d for d in docs if d["location"] == "interventies/")
    assert "programma" in lijst["text"]
    assert "Oordeel ouder dan vijf jaar" not in lijst["text"] and "Alle filters wissen" not in lijst["text"]


def test_wide_screen_shows_the_filters_open(lijst):
    assert lijst.locator("[data-kb-filterpaneel]").get_attribute("open") is not None
    assert lijst.evaluate("getComputedStyle(document.querySelector('tbody tr')).display") == "table-row"


def test_no_horizontal_overflow_on_the_real_list_at_320(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + "interventies/")
    expect(page.locator("form.kb-filters")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_list_has_no_accessibility_violations_including_the_empty_explanation(browser, synthetic_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(synthetic_url + "interventies/?onderwijstype=po&zoek=zeldzaamwoord")
    expect(page.locator("[data-kb-leeg]")).to_be_visible()
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(synthetic_url + "interventies/?niveau=sterke-aanwijzingen")
    expect(page.locator("form.kb-filters")).to_be_visible()
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


@pytest.mark.parametrize("path", ["interventies/", "interventies/taakspel/", "interventies/matrix/",
                                  "interventies/op-volle-kracht/"])
def test_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width, blocks", [(320, True), (1280, False)])
def test_the_matrix_on_a_phone_is_one_block_per_pillar(page, site_url, width, blocks):
    """At 320 px every level reads with its name, nothing to scroll sideways; a desktop keeps the table."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "interventies/matrix/")
    cell = page.locator("table.kb-matrix tbody td").first
    assert cell.get_attribute("data-label")  # the level's name, shown before the number on a phone
    assert (page.evaluate("el => getComputedStyle(el).display", cell.element_handle()) == "block") == blocks
    region = page.locator(".kb-scrollregio")
    assert page.evaluate("el => el.scrollWidth <= el.clientWidth", region.element_handle())
    assert region.get_attribute("tabindex") is None  # no keyboard stop for a region that does not scroll
