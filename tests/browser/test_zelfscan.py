"""The self-scan "Waar staan we?" in Chromium: result, address, old links, print, keyboard, axe, no JS.

Expected profiles and starting principles are computed here from the principle files (see
support.zelfscan_model), not from the page's data.
"""
import re

import pytest
import yaml
from playwright.sync_api import expect

from support import REPO, run_axe, zelfscan_model

ANTWOORD = {1: "nog niet", 2: "deels", 3: "goed geregeld", 4: "weet ik niet"}
MODEL = zelfscan_model()
PIJLERS = {p["id"]: p["titel"] for p in yaml.safe_load((REPO / "content/model/pijlers.yml").read_text("utf-8"))}


def share(counts):
    judged = counts[1] + counts[2] + counts[3]
    return counts[3] / judged if judged else None


def expected(answers):
    """answers: {(code, point index): digit}. Returns ({code: counts}, [three starting codes])."""
    counts = {}
    for code, _, points in MODEL:
        c = {0: 0, 1: 0, 2: 0, 3: 0, 4: 0}
        for i in range(len(points)):
            c[answers.get((code, i), 0)] += 1
        counts[code] = c
    order = [code for code, _, _ in MODEL]
    # the rule the page documents: lowest share "goed geregeld" among principles with something
    # "nog niet" or "deels"; ties: more "nog niet" first, then model order
    candidates = [code for code in order if counts[code][1] + counts[code][2] > 0]
    candidates.sort(key=lambda code: (share(counts[code]), -counts[code][1], order.index(code)))
    return counts, candidates[:3]


def pattern(seed):
    """A deterministic answer for every point (no random: a failure must be reproducible)."""
    answers, n = {}, 0
    for code, _, points in MODEL:
        for i in range(len(points)):
            answers[(code, i)] = [3, 2, 3, 1, 3, 2, 4, 3, 1][(n * seed) % 9]
            n += 1
    return answers


def fill(page, answers):
    for (code, i), digit in answers.items():
        group = page.locator(f"section[data-principe='{code}'] fieldset.kb-stelling").nth(i)
        group.locator(f"input[value='{digit}']").check()


def read_checked(page):
    """{(code, point index): digit} of the radios on the page, in one go."""
    rows = page.evaluate("""() => Array.from(document.querySelectorAll('section[data-principe]')).map(s =>
        [s.dataset.principe, Array.from(s.querySelectorAll('fieldset.kb-stelling')).map(f => {
            const c = f.querySelector('input:checked'); return c ? Number(c.value) : 0; })])""")
    return {(code, i): d for code, digits in rows for i, d in enumerate(digits) if d}


def shown_table(page):
    """{code: (goed, deels, nog niet, weet ik niet, niet ingevuld, % goed)} from the result table."""
    rows = page.evaluate("""() => Array.from(document.querySelectorAll('.kb-zelfscan-tabel tbody tr')).map(tr =>
        [tr.querySelector('th span').textContent, Array.from(tr.querySelectorAll('td')).map(td => td.textContent)])""")
    return {code: tuple(cells) for code, cells in rows}


def starting(page):
    return page.eval_on_selector_all(".kb-zelfscan-begin", "els => els.map(e => e.dataset.code)")


def pct(x):
    return "–" if x is None else f"{round(x * 100 + 1e-9)}%"


@pytest.fixture
def scan(page, site_url):
    page.goto(site_url + "zelfscan/")
    return page


def test_the_page_asks_every_point_of_every_principle_in_model_order(scan):
    shown = scan.evaluate("""() => Array.from(document.querySelectorAll('section[data-principe]')).map(s =>
        [s.dataset.principe, Array.from(s.querySelectorAll('fieldset.kb-stelling legend')).map(l => l.textContent.trim())])""")
    assert shown == [[code, [" ".join(p.split()) for p in points]] for code, _, points in MODEL]
    for code, _, points in MODEL[:1]:
        group = scan.locator(f"section[data-principe='{code}'] fieldset.kb-stelling").first
        assert group.locator("label").all_inner_texts() == [" nog niet", " deels", " goed geregeld", " weet ik niet"] \
            or [t.strip() for t in group.locator("label").all_inner_texts()] == list(ANTWOORD.values())


def test_answers_change_the_profile_and_the_starting_principles(scan):
    answers = pattern(5)
    fill(scan, answers)
    counts, start = expected(answers)
    table = shown_table(scan)
    for code, c in counts.items():
        assert table[code] == (str(c[3]), str(c[2]), str(c[1]), str(c[4]), str(c[0]), pct(share(c))), code
    for pijler in {p for _, p, _ in MODEL}:  # pillar rows: the sum of their principles
        titel = PIJLERS[pijler]
        total = {d: sum(counts[code][d] for code, p, _ in MODEL if p == pijler) for d in range(5)}
        assert table[titel][:5] == tuple(str(total[d]) for d in (3, 2, 1, 4, 0))
    assert starting(scan) == start
    expect(scan.locator("[data-kb-status]")).to_contain_text(f"{sum(len(p) for _, _, p in MODEL)} van de")
    # the SVG bars follow: the first starting principle's "goed" bar is as wide as its share of points
    # Now make the first starting principle fully in order: it must leave the three, the next one comes in.
    first = start[0]
    for i in range(len(next(p for c, _, p in MODEL if c == first))):
        answers[(first, i)] = 3
        scan.locator(f"section[data-principe='{first}'] fieldset.kb-stelling").nth(i).locator("input[value='3']").check()
    counts2, start2 = expected(answers)
    assert first not in start2 and starting(scan) == start2
    assert shown_table(scan)[first][5] == "100%"


def test_starting_principles_show_open_points_programmes_for_the_school_type_and_mbo_boxes(scan):
    # everything "goed geregeld" except some points of S1, E2 and B1
    answers = {(code, i): 3 for code, _, points in MODEL for i in range(len(points))}
    answers.update({("S1", 0): 1, ("S1", 1): 2, ("S1", 2): 4, ("E2", 0): 2, ("B1", 0): 1})
    fill(scan, answers)
    scan.locator("input[name=schooltype][value=mbo]").check()
    assert starting(scan) == expected(answers)[1] == ["S1", "E2", "B1"]
    s1 = scan.locator(".kb-zelfscan-begin[data-code='S1']")
    points = next(p for c, _, p in MODEL if c == "S1")
    expect(s1).to_contain_text(points[0] + " (nog niet)")
    expect(s1).to_contain_text(points[1] + " (deels)")
    expect(s1.get_by_text("Uitzoeken", exact=True)).to_be_visible()
    expect(s1.locator("li", has_text=points[2])).to_have_count(1)
    assert points[3] not in s1.inner_text()  # "goed geregeld" is not open
    records = [yaml.safe_load(f.read_text("utf-8")) for f in sorted((REPO / "content/interventies").glob("*.yml"))]

    def fitting(principe, type_):
        """Programmes linked to a principle, from their YAML files: those for the school type, and
        those whose school type no source names (shown with a note)."""
        linked = [r for r in records if principe in r.get("principes", [])]
        return (sorted(r["naam"] for r in linked if type_ in r.get("onderwijstype", []) or not r.get("onderwijstype")),
                sorted(r["naam"] for r in linked if not r.get("onderwijstype")))

    def shown(item):
        links = item.locator("li:has(a[href^='../interventies/'])")
        texts = links.all_inner_texts()
        for text in texts:  # each with its current judgement
            assert re.search(r": (Goed beschreven|Goed onderbouwd|Effectief volgens .* aanwijzingen|Niet erkend|"
                             r"Geen oordeel gevonden)", text), text
        return (sorted(links.locator("a").all_inner_texts()),
                sorted(t.split(":")[0] for t in texts if t.endswith("onderwijstype niet bekend")))

    assert "Test je Leefstijl" in shown(s1)[0]
    assert shown(s1) == fitting("in-kaart-brengen", "mbo")
    e2 = scan.locator(".kb-zelfscan-begin[data-code='E2']")
    assert shown(e2) == fitting("erkende-interventies", "mbo")
    b1 = scan.locator(".kb-zelfscan-begin[data-code='B1']")
    expect(b1.get_by_text("Voor het mbo", exact=True)).to_be_visible()
    href = b1.locator("a[href*='#mbo-']").first.get_attribute("href")
    assert href.startswith("../model/beleid/veilig-klimaat/") and "#mbo-" in href
    scan.locator("input[name=schooltype][value=po]").check()
    s1 = scan.locator(".kb-zelfscan-begin[data-code='S1']")
    assert shown(s1) == fitting("in-kaart-brengen", "po") and "Test je Leefstijl" not in shown(s1)[0]
    e2 = scan.locator(".kb-zelfscan-begin[data-code='E2']")
    assert shown(e2) == fitting("erkende-interventies", "po")
    expect(scan.locator(".kb-zelfscan-begin[data-code='B1']").get_by_text("Voor het mbo", exact=True)).to_have_count(0)


def test_the_address_restores_every_answer_in_a_fresh_page(scan, browser, site_url):
    answers = pattern(7)
    fill(scan, answers)
    scan.locator("input[name=schooltype][value=so]").check()
    url = scan.url
    assert "#v=1&t=so&B1=" in url and "?" not in url  # after the '#': never sent to a server
    print(f"address of a fully answered scan: {len(url)} characters ({len(url.split('#')[1])} after '#')")
    context = browser.new_context()
    fresh = context.new_page()
    fresh.goto(url)
    assert read_checked(fresh) == answers
    assert fresh.locator("input[name=schooltype]:checked").get_attribute("value") == "so"
    expect(fresh.locator("[data-kb-melding]")).to_be_hidden()
    assert starting(fresh) == expected(answers)[1]
    context.close()


def shared(page):
    """The address a team keeps and sends: the published page (canonical link) with the answers."""
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.startswith("https://")
    return canonical + "#" + page.url.split("#", 1)[1]


def test_the_address_to_send_and_both_copy_buttons_carry_the_answers(scan):
    scan.context.grant_permissions(["clipboard-read", "clipboard-write"])
    fill(scan, pattern(2))
    address = shared(scan)
    expect(scan.locator(".kb-zelfscan-adres")).to_have_text(address)
    scan.locator("h1 .kb-kopieer").click()
    expect(scan.locator(".kb-kopieer-status")).to_contain_text("Link gekopieerd")
    assert scan.evaluate("navigator.clipboard.readText()") == address
    scan.get_by_role("button", name="Kopieer het adres").click()
    expect(scan.locator("[data-kb-status]")).to_contain_text("Adres gekopieerd")
    assert scan.evaluate("navigator.clipboard.readText()") == address


def test_an_in_page_link_keeps_the_answers_in_the_address(scan):
    fill(scan, {("B1", 0): 2})
    state = scan.url.split("#")[1]
    scan.locator(".kb-zelfscan-sprong a").first.click()
    expect(scan).to_have_url(re.compile("#" + re.escape(state) + "$"))


def test_an_old_address_opens_with_a_notice_not_an_error(page, site_url):
    """A removed principle (X9), a principle the address lacks, a changed point: answers that
    still fit are restored, the others are named. The page fixture fails on any script error."""
    page.goto(site_url + "zelfscan/")
    keys = page.eval_on_selector_all("section[data-principe='B1'] fieldset.kb-stelling", "els => els.map(e => e.dataset.punt)")
    b1 = keys[0] + "2" + "zz3" + "".join(k + "0" for k in keys[2:])  # point 2 answered under a key that no longer exists
    others = "&".join(f"{code}=" for code, _, _ in MODEL if code not in ("B1", "S3"))
    page.goto(site_url + f"zelfscan/#v=1&t=vo&B1={b1}&{others}&X9=ab1cd2")
    page.reload()
    notice = page.locator("[data-kb-melding]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("X9")
    expect(notice).to_contain_text("S3")
    expect(notice).to_contain_text("B1")
    expect(notice).to_contain_text("1 antwoord hoort bij een punt dat veranderd of vervallen is")
    expect(notice).to_contain_text("Punt 2 is nieuw of veranderd")
    assert read_checked(page) == {("B1", 0): 2}
    assert page.locator("input[name=schooltype]:checked").get_attribute("value") == "vo"
    for garbage in ("#v=1&B1=%%%", "#v=1&B1=!!", "#v=9&t=xx&B1", "#v="):
        page.goto(site_url + "zelfscan/" + garbage)
        page.reload()
        expect(page.locator("section[data-principe]")).to_have_count(len(MODEL))


@pytest.mark.parametrize("seed", [5, 3])  # 3: a third of the answers "weet ik niet"
def test_print_shows_the_plan_on_at_most_two_pages(scan, seed):
    from io import BytesIO

    from pypdf import PdfReader

    answers = pattern(seed)
    fill(scan, answers)
    scan.locator("input[name=schooltype][value=po]").check()
    scan.emulate_media(media="print")
    expect(scan.locator(".kb-zelfscan-vragen")).to_be_hidden()
    expect(scan.locator(".kb-zelfscan-intro")).to_be_hidden()
    plan = scan.locator("[data-kb-resultaat]")
    expect(plan).to_be_visible()
    expect(plan).to_contain_text(re.compile(r"gemaakt op \d{1,2} [a-z]+ \d{4}"))
    expect(plan.locator(".kb-zelfscan-grafiek")).to_be_visible()
    expect(plan.locator(".kb-zelfscan-tabel")).to_be_visible()
    assert starting(scan) == expected(answers)[1]
    expect(plan.locator(".kb-zelfscan-printadres .kb-url")).to_have_text(shared(scan))  # to come back to it
    expect(plan.locator(".kb-zelfscan-knoppen")).to_be_hidden()
    reader = PdfReader(BytesIO(scan.pdf(format="A4")))
    text = "".join(p.extract_text() for p in reader.pages)
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    # the other "weet ik niet" points: on paper a count per principle, on screen the points themselves
    weet = {code for (code, _), digit in answers.items() if digit == 4} - set(starting(scan))
    assert weet
    for code in weet:
        n = sum(1 for (c, _), digit in answers.items() if c == code and digit == 4)
        item = plan.locator(".kb-zelfscan-uitzoeken > li").filter(has_text=re.compile("^" + code + " "))
        expect(item).to_contain_text(f" · {n} punt" + ("en" if n > 1 else ""))
        expect(item.locator("li").first).to_be_hidden()
    scan.emulate_media(media="screen")
    expect(plan.locator(".kb-zelfscan-uitzoeken li li").first).to_be_visible()
    expect(plan.locator(".kb-zelfscan-uitzoeken .kb-zelfscan-alleenprint").first).to_be_hidden()
    assert "Om mee te beginnen" in text and "Terug naar deze scan" in text


def test_keyboard_alone_completes_a_pillar(scan):
    beleid = [(code, len(points)) for code, pijler, points in MODEL if pijler == "beleid"]
    todo = sum(n for _, n in beleid)
    codes = tuple(code + "-" for code, _ in beleid)
    answered = 0
    for _ in range(600):
        scan.keyboard.press("Tab")
        name = scan.evaluate("document.activeElement.type === 'radio' ? document.activeElement.name : ''")
        if name.startswith(codes):
            # on an unanswered group: Space picks the focused answer, arrows move to the next one
            scan.keyboard.press("ArrowRight" if answered % 2 else "Space")
            answered += 1
            if answered == todo:
                break
    assert answered == todo
    got = read_checked(scan)
    assert len([k for k in got if k[0] in dict(beleid)]) == todo
    assert set(got.values()) == {1, 2}
    expect(scan.locator("[data-kb-status]")).to_contain_text(f"{todo} van de")
    assert starting(scan) == expected(got)[1]


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations_with_the_result_shown(scan, width):
    scan.set_viewport_size({"width": width, "height": 900})
    fill(scan, pattern(5))
    scan.locator("input[name=schooltype][value=mbo]").check()
    results = run_axe(scan)
    assert results.violations_count == 0, results.generate_report()
    assert scan.evaluate("document.documentElement.scrollWidth") <= width


def test_without_javascript_the_statements_are_a_printable_checklist(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "zelfscan/")
    page.emulate_media(media="print")
    assert page.locator("fieldset.kb-stelling").count() == sum(len(p) for _, _, p in MODEL)
    expect(page.locator("fieldset.kb-stelling").first).to_be_visible()
    expect(page.locator(".kb-zelfscan-uitslagdeel")).to_be_hidden()
    context.close()



def test_starting_principles_name_their_programmes_with_the_current_judgement_and_its_date(scan):
    from kennisbank import load_kennisbank
    from kennisbank.datums import nl_datum

    kb = load_kennisbank(REPO)
    fill(scan, pattern(5))
    scan.locator("input[name=schooltype][value=po]").check()
    listed = 0
    for code in starting(scan):
        principe = next(p for p in kb.alle_principes() if p.nummer == code)
        want = []
        for i in kb.interventies_bij(principe.id):
            if i.onderwijstype and "po" not in i.onderwijstype:
                continue  # another school type
            o = i.oordeel  # worded here on its own: level (date, age, deduced)
            text = "Geen oordeel gevonden" if o is None else kb.niveaus[o.niveau].label + " (" + ", ".join(
                [f"oordeel van {nl_datum(o.datum)}" if o.datum else "zonder datum"]
                + (["ouder dan vijf jaar"] if o.ouder_dan_vijf_jaar(kb.vandaag) else [])
                + (["afgeleid"] if o.afgeleid else [])) + ")"
            want.append(f"{i.naam}: {text}" + ("" if i.onderwijstype else " · onderwijstype niet bekend"))
        shown = scan.locator(f".kb-zelfscan-begin[data-code='{code}'] p.kb-zelfscan-sub:has-text('Programma') + ul > li")
        assert [t.strip() for t in shown.all_inner_texts()] == want, code
        listed += len(want)
    assert listed > 0  # the answers lead to principles that have programmes
