"""Links that last: every URL and anchor in tests/permalinks.txt still resolves."""
from pathlib import Path

from permalinks import collect, live_ids
from support import REPO

LIST = REPO / "tests" / "permalinks.txt"


def broken(site: Path, promised: list[str]) -> list[str]:
    """Promised URLs/anchors that no longer resolve; a page that became a redirect keeps its anchors."""
    out = []
    for line in promised:
        path, _, anchor = line.partition("#")
        page = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        if not page.is_file():
            out.append(line)
            continue
        redirect, ids = live_ids(page)
        if anchor and not redirect and anchor not in ids:
            out.append(line)
    return out


def test_every_promised_url_and_anchor_still_resolves(built_site):
    promised = [line for line in LIST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(promised) > 500
    assert broken(built_site, promised) == [], "a published link broke: add a redirect or keep the anchor (README)"


def test_new_pages_are_listed(built_site):
    """Not a failure to fix by hand: run scripts/permalinks.py and review the diff."""
    listed = set(LIST.read_text(encoding="utf-8").splitlines())
    new_pages = [line for line in collect(built_site) if "#" not in line and line not in listed]
    assert new_pages == [], "new pages: regenerate tests/permalinks.txt with scripts/permalinks.py"


def test_a_removed_anchor_or_page_is_caught(built_site, tmp_path):
    page = tmp_path / "model" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<article><h1>Model</h1><h2 id="het-model">Model</h2><h2 id="nieuw">Nieuw</h2>'
                    '<span id="oud"></span></article>', encoding="utf-8")
    assert broken(tmp_path, ["model/", "model/#het-model", "model/#drie-fasen", "model/#oud", "weg/"]) == \
        ["model/#drie-fasen", "weg/"]  # a kept old id on a <span> counts


def test_short_links_redirect_to_the_page(built_site):
    for short, target in [("p/B1/index.html", "model/beleid/veilig-klimaat/"),
                          ("p/s3/index.html", "model/signaleren/hulp-binnen-school/"),
                          ("i/taakspel/index.html", "interventies/taakspel/")]:
        html = (built_site / short).read_text(encoding="utf-8")
        depth = short.count("/")
        assert f'url={"../" * depth}{target}"' in html, short


def test_every_heading_in_the_sources_has_an_explicit_id():
    """Renaming a heading must not change its anchor: ids are written, never derived from the text."""
    import re

    sources = list((REPO / "docs").rglob("*.md")) + list((REPO / "content").rglob("*.md")) + \
        list((REPO / "hooks/kennisbank/templates").glob("*.j2"))
    missing = []
    for path in sources:
        in_code = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```"):
                in_code = not in_code
            explicit = "{#" in line and line.rstrip().endswith("}")  # {#id}, also {#x-{{ jinja }}} in templates
            if not in_code and re.match(r"#{2,6} ", line) and not explicit:
                missing.append(f"{path.relative_to(REPO)}:{n}: {line}")
    assert missing == []
