"""The self-scan's statements: taken from a principle's practice points, with keys that follow the text."""
from support import PRINCIPE_KOP, REPO, write

from kennisbank import load_kennisbank, zelfscan


def _principe(body: str):
    from kennisbank.model import Origin, Principe

    return Principe(id="x", pijler="beleid", nummer="B1", titel="X", kort="X.", body=body, origin=Origin("x.md", 8))


def test_statements_are_the_top_level_points_of_the_section_with_their_lines():
    body = ("## Waarom {#waarom}\n\n- not this one\n\n"
            "## Wat betekent dit voor de school? {#in-de-praktijk-op-school}\n\n"
            "- Een punt.\n- Een punt dat doorloopt\n  op de volgende regel.\n    - een subpunt hoort erbij\n"
            "- Derde [met link](principe:ouders).\n\n## Daarna {#daarna}\n\n- ook niet\n")
    punten = zelfscan.stellingen(_principe(body))
    assert [s.tekst for s in punten] == ["Een punt.", "Een punt dat doorloopt op de volgende regel. - een subpunt hoort erbij",
                                         "Derde [met link](principe:ouders)."]
    # body line 0 is file line 8; the heading is body line 4, the first point body line 6
    assert [s.regel for s in punten] == [14, 15, 18]


def test_a_point_marked_as_not_in_the_scan_stays_out_of_it():
    body = ("## Wat betekent dit voor de school? {#in-de-praktijk-op-school}\n\n"
            "- Een praktijk.\n- Een advies dat doorloopt\n  op de volgende regel. <!-- niet in zelfscan -->\n"
            "- Nog een praktijk.\n")
    punten = zelfscan.stellingen(_principe(body))
    assert [(s.tekst, s.regel) for s in punten] == [("Een praktijk.", 10), ("Nog een praktijk.", 13)]


def test_a_key_follows_the_words_not_the_line_breaks():
    assert zelfscan.sleutel("Een punt dat\n  doorloopt.") == zelfscan.sleutel("Een punt dat doorloopt.")
    assert zelfscan.sleutel("Een punt dat doorloopt.") != zelfscan.sleutel("Een punt dat anders doorloopt.")
    assert len(zelfscan.sleutel("x")) == zelfscan.SLEUTEL_LENGTE


def test_two_points_never_share_a_key_within_a_principle(monkeypatch):
    monkeypatch.setattr(zelfscan, "SLEUTEL_LENGTE", 1)  # 64 values: 40 points collide (birthday), and are told apart
    body = "## W {#in-de-praktijk-op-school}\n\n" + "".join(f"- Punt {i}.\n" for i in range(40))
    keys = [s.sleutel for s in zelfscan.stellingen(_principe(body))]
    assert len(keys) == len(set(keys)) == 40


def test_problems_name_file_and_line(project):
    kop = PRINCIPE_KOP
    write(project, "content/model/beleid/veilig-klimaat.md", kop + "## Waarom {#waarom}\n\nTekst.\n")
    kb = load_kennisbank(project)
    assert [str(p) for p in zelfscan.problemen(kb)] == [
        "content/model/beleid/veilig-klimaat.md:8: no section {#in-de-praktijk-op-school} ('Wat betekent dit voor "
        "de school?'): the self-scan takes its statements from it"]
    write(project, "content/model/beleid/veilig-klimaat.md",
          kop + "## Wat betekent dit voor de school? {#in-de-praktijk-op-school}\n\n- Een.\n- Twee.\n- Een.\n")
    kb = load_kennisbank(project)
    assert [str(p) for p in zelfscan.problemen(kb)] == [
        "content/model/beleid/veilig-klimaat.md:12: the same point as on line 10"]
    write(project, "content/model/beleid/veilig-klimaat.md",
          kop + "## Wat betekent dit voor de school? {#in-de-praktijk-op-school}\n\n" + "".join(f"- P{i}.\n" for i in range(9)))
    kb = load_kennisbank(project)
    assert [str(p) for p in zelfscan.problemen(kb)] == [
        "content/model/beleid/veilig-klimaat.md:8: 9 points in 'Wat betekent dit voor de school?': the self-scan "
        "needs 3 to 8, one practice point each"]


def test_every_principle_has_three_to_eight_statements_each_one_of_its_own_points():
    """The content test: the real principles, read here line by line, independently of the package."""
    kb = load_kennisbank(REPO)
    assert [str(p) for p in zelfscan.problemen(kb)] == []
    for path in sorted((REPO / "content/model").glob("*/*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("## Wat betekent dit voor de school?"))
        points, i = [], start + 1
        while i < len(lines) and not lines[i].startswith("#"):
            if lines[i].startswith("- "):
                points.append(lines[i][2:])
            elif lines[i].startswith("  ") and points:
                points[-1] += " " + lines[i].strip()
            i += 1
        points = [point for point in points if "<!-- niet in zelfscan -->" not in point]
        principe = next(p for p in kb.principes.values() if p.id == path.stem)
        statements = zelfscan.stellingen(principe)
        assert 3 <= len(statements) <= 8, path
        assert [s.tekst for s in statements] == points, path
        assert [lines[s.regel - 1].startswith("- ") for s in statements] == [True] * len(points), path
