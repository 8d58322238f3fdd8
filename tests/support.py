"""Helpers and fixture content shared by the test layers (imported as ``support``)."""
from __future__ import annotations

import functools
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

PIJLERS = """\
- id: beleid
  code: B
  titel: Beleid
  volgorde: 1
  kort: Leg vast hoe de school aan welbevinden werkt.
  uitleg: |
    Over beleid, zie [welbevinden](begrip:welbevinden).
"""

PRINCIPE = """\
---
id: veilig-klimaat
pijler: beleid
nummer: B1
titel: Veilig en inclusief schoolklimaat
kort: De school zorgt dat iedereen zich veilig voelt.
---
## Waarom {#waarom}

Een veilig klimaat telt [@stevens2023]. Volgens @weare2011 werkt het samen met
[welbevinden](begrip:welbevinden).
"""

# The principle's front matter, for tests that give it another body.
PRINCIPE_KOP = PRINCIPE.split("## ")[0]

MBO = """\
---
id: stage
titel: Stage in het mbo
hoort_bij: veilig-klimaat
---
Tijdens de [BPV](begrip:welbevinden) telt veiligheid [@stevens2023].
"""

BEGRIPPEN = """\
- id: welbevinden
  term: Welbevinden
  kort: Je goed voelen en goed kunnen functioneren.
  uitleg: |
    Een breed begrip [@stevens2023].
"""

BRONNEN = """\
- id: stevens2023
  type: report
  author:
    - family: Stevens
  et_al: true
  issued:
    date-parts: [[2023]]
  volledig: false
- id: weare2011
  type: article-journal
  author:
    - family: Weare
    - family: Nind
  issued:
    date-parts: [[2011]]
  volledig: false
- id: registerzd
  type: webpage
  author:
    - literal: Register
  title: Taakspel
  URL: https://register.example.org/taakspel
  accessed:
    date-parts: [[2026, 11, 30]]
  volledig: true
  geverifieerd_via: ["https://register.example.org/taakspel"]
"""

# The levels of the recognition system, with their sourced explanations (a small version of the real file).
ERKENNINGSNIVEAUS = """\
systeem: Een commissie beoordeelt programma's [@registerzd].
niveaus:
  - {id: niet-erkend, label: Niet erkend, rang: 0, effectief: false, uitleg: "Beoordeeld en niet erkend [@registerzd]."}
  - {id: goed-beschreven, label: Goed beschreven, rang: 1, effectief: false, uitleg: Het instapniveau.}
  - {id: goed-onderbouwd, label: Goed onderbouwd, rang: 2, effectief: false, uitleg: Goed onderbouwd.}
  - {id: eerste-aanwijzingen, label: Effectief volgens eerste aanwijzingen, rang: 3, effectief: true, uitleg: Eerste.}
  - {id: goede-aanwijzingen, label: Effectief volgens goede aanwijzingen, rang: 4, effectief: true, uitleg: Goede.}
  - {id: sterke-aanwijzingen, label: Effectief volgens sterke aanwijzingen, rang: 5, effectief: true, uitleg: Sterke.}
herbeoordeling:
  bron: registerzd
  uitleg: Na vijf jaar volgt een nieuwe beoordeling [@registerzd].
formuleringen:
  theoretisch goed onderbouwd: goed-onderbouwd
  effectief volgens sterke aanwijzingen: sterke-aanwijzingen
"""

DOCS_INDEX = """\
# Start

Lees over [het principe](principe:B1) en [de pijler](pijler:beleid) en [stage](mbo:stage) [@weare2011].
"""

MODEL_INDEX = """\
# Het model

<!-- kb:modelfiguur -->
"""

MKDOCS_YML = """\
site_name: Fixture
strict: true
theme:
  name: material
  language: nl
  font: false
  features: [content.tooltips]
plugins: [search]
hooks:
  - {hooks}/content.py
  - {hooks}/references.py
  - {hooks}/exports.py
  - {hooks}/live_preview.py
markdown_extensions: [admonition, attr_list, md_in_html, tables, toc]
validation:
  links: {{not_found: warn, anchors: warn, unrecognized_links: warn}}
nav:
  - index.md
  - Model:
      - model/index.md
  - begrippen/index.md
  - bronnen/index.md
  - interventies/index.md
  - interventies/matrix/index.md
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path



def make_project(root: Path) -> Path:
    """The fixture project (see conftest.project) in ``root``."""
    import shutil

    shutil.copytree(REPO / "content" / "schemas", root / "content" / "schemas")
    write(root, "content/model/pijlers.yml", PIJLERS)
    write(root, "content/model/beleid/veilig-klimaat.md", PRINCIPE)
    write(root, "content/mbo/stage.md", MBO)
    write(root, "content/begrippen.yml", BEGRIPPEN)
    write(root, "content/bronnen.yml", BRONNEN)
    write(root, "docs/index.md", DOCS_INDEX)
    write(root, "docs/model/index.md", MODEL_INDEX)
    write(root, "content/erkenningsniveaus.yml", ERKENNINGSNIVEAUS)
    write(root, "content/interventies/taakspel.yml", INTERVENTIE)
    write(root, "content/interventies/geluksvogel.yml", ANDERE_INTERVENTIE)
    write(root, "mkdocs.yml", MKDOCS_YML.format(hooks=(REPO / "hooks").as_posix()))
    return root


# Text that is HTML, Markdown and YAML syntax at once: it must show as itself everywhere.
INJECTIE = 'Taakspel <img src=x onerror=alert(1)> | B [x](y) "quoted (x)" *x* _y_ `z` {#id} \\'


def inject(root: Path, text: str = INJECTIE) -> Path:
    """Put ``text`` in every text field of the fixture project: names, titles, short texts, labels."""
    import yaml

    def edit(rel, change):
        path = root / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    quoted = yaml.safe_dump(text, default_style='"', width=10_000).strip()
    edit("content/interventies/taakspel.yml", lambda s: s.replace("naam: Taakspel", f"naam: {quoted}")
         .replace("uitkomst: Minder probleemgedrag", f"uitkomst: {quoted}")
         .replace("beoordeeld_door: Erkenningscommissie Interventies", f"beoordeeld_door: {quoted}")
         + f"ook_bekend_als: [{quoted}]\ndoelgroep: {quoted}\nleeftijd: {quoted}\n")
    edit("content/model/beleid/veilig-klimaat.md", lambda s: s.replace(
        "titel: Veilig en inclusief schoolklimaat", f"titel: {quoted}").replace(
        "kort: De school zorgt dat iedereen zich veilig voelt.", f"kort: {quoted}"))
    edit("content/model/pijlers.yml", lambda s: s.replace("titel: Beleid", f"titel: {quoted}"))
    edit("content/begrippen.yml", lambda s: s.replace("term: Welbevinden", f"term: {quoted}").replace(
        "kort: Je goed voelen en goed kunnen functioneren.", f"kort: {quoted}"))
    edit("content/mbo/stage.md", lambda s: s.replace("titel: Stage in het mbo", f"titel: {quoted}"))
    edit("content/bronnen.yml", lambda s: s.replace("  volledig: false\n", f"  title: {quoted}\n  volledig: false\n", 1))
    return root


def injected_site(tmp_path_factory) -> Path:
    """The fixture project with INJECTIE in every text field, built for real (tests of escaping)."""
    project = inject(make_project(tmp_path_factory.mktemp("injectie")))
    site = tmp_path_factory.mktemp("injectie-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_directory(directory) -> ThreadingHTTPServer:
    """A loopback HTTP server over a built site, on a free port; call shutdown() when done."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def mkdocs_build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=ENV, cwd=project_dir, timeout=600)

INTERVENTIE = """\
id: taakspel
naam: Taakspel
samenvatting: >-
  Een aanpak voor klassenmanagement met [welbevinden](begrip:welbevinden) als doel.
onderwijstype: [po]
preventieniveau: [universeel]
categorie: [betrokkenheid-leraren-ouders]
pijlers: [beleid]
principes: [veilig-klimaat]
themas: [gedrag-en-klassenmanagement]
uitkomsten:
  - uitkomst: Minder probleemgedrag
    resultaat: positief
    bron: "002"
erkenning:
  - niveau: goed-onderbouwd
    formulering: theoretisch goed onderbouwd
    beoordeeld_door: Erkenningscommissie
    datum: "2015"
    geldig_tot: "2020-01-01"
    bron: "002"
  - niveau: sterke-aanwijzingen
    formulering: effectief volgens sterke aanwijzingen
    beoordeeld_door: Erkenningscommissie Interventies
    datum: "2021-06-01"
    bron: registerzd
bronnen: [weare2011]
genoemd_in: ["002"]
laatst_gecontroleerd: "2026-11-25"
"""

ANDERE_INTERVENTIE = """\
id: geluksvogel
naam: Geluksvogel ë
samenvatting: Een programma voor het mbo met een naam die "aanhalingstekens", komma's en ë bevat.
onderwijstype: [mbo]
pijlers: [beleid]
erkenning: []
bronnen: []
genoemd_in: ["004"]
laatst_gecontroleerd: "2026-11-25"
"""


def internal_link_problems(root: Path, directory_index: bool) -> list[str]:
    """Links inside a built site that point at a missing file or anchor.

    ``directory_index``: whether a link to ``folder/`` may stand for ``folder/index.html`` (a web
    server does that; a file:// browser does not).
    """
    from html.parser import HTMLParser
    from urllib.parse import unquote, urlsplit

    class Page(HTMLParser):
        def __init__(self):
            super().__init__()
            self.links, self.ids = [], set()

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "id" in attrs:
                self.ids.add(attrs["id"])
            for name in ("href", "src"):
                if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                    self.links.append(attrs[name])

    pages: dict[Path, Page] = {}

    def parsed(path: Path) -> Page:
        if path not in pages:
            page = Page()
            page.feed(path.read_text(encoding="utf-8", errors="replace"))
            pages[path] = page
        return pages[path]

    problems = []
    for html in sorted(root.rglob("*.html")):
        if not directory_index and html.name == "404.html":
            continue  # no server, so no error page: from disk it is never shown
        for link in parsed(html).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "mailto:", "javascript:", "data:")):
                continue
            if not parts.path:
                target = html
            elif parts.path.startswith("/"):  # root-relative: only 404.html, which a server shows anywhere
                target = (root / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (html.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
                if not directory_index and parts.path:
                    problems.append(f"{html.relative_to(root)}: {link} (a folder: from disk this needs index.html)")
                    continue
            if not target.exists():
                problems.append(f"{html.relative_to(root)}: {link} (missing)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parsed(target).ids:
                problems.append(f"{html.relative_to(root)}: {link} (no such anchor)")
    return problems


def search(page, query: str) -> int:
    """Type a query in Material's search; retype until the worker (which loads the index
    asynchronously) answers. Returns the number of matching documents.

    Material reads the query on key events, not on 'input': fill() alone is not enough, hence the key press.
    """
    import re

    from playwright.sync_api import expect

    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    for _ in range(30):
        box.fill("")
        box.fill(query)
        box.press("End")
        try:
            expect(meta).to_have_text(re.compile(r"^\d+ "), timeout=500)
            return int(meta.inner_text().split()[0])
        except AssertionError:
            continue
    raise AssertionError(f"search gave no answer for {query!r}: {meta.inner_text()}")


def zelfscan_model() -> list[tuple[str, str, list[str]]]:
    """(code, pillar id, statements as plain text) of every principle in model order, read from the
    content files here, independently of the package: the self-scan tests compare the page with it."""
    import re

    import yaml

    order = {p["id"]: p["volgorde"] for p in yaml.safe_load((REPO / "content/model/pijlers.yml").read_text("utf-8"))}
    out = []
    for path in (REPO / "content/model").glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        code = re.search(r"^nummer: (\S+)", text, re.MULTILINE).group(1)
        section = text.split("## Wat betekent dit voor de school?", 1)[1].split("\n#", 1)[0]
        points = [" ".join(item.split()) for item in re.findall(r"^- (.*?)(?=^- |\Z)", section, re.MULTILINE | re.DOTALL)]
        points = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", p) for p in points]  # links keep their text
        points = [p for p in points if "<!-- niet in zelfscan -->" not in p]  # advice, not a practice
        out.append((order[path.parent.name], int(code[1:]), code, path.parent.name, points))
    return [(code, pijler, points) for _, _, code, pijler, points in sorted(out)]


def run_axe(page):
    """axe-core on the page once its transitions have ended: a button halfway through fading in
    (Material's "Terug naar boven") has colours no reader sees, and axe would measure those."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return Axe().run(page)
