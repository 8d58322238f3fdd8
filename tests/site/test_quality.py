"""Quality gates on the built site: valid HTML (Nu HTML Checker) and no broken internal links (LinkChecker).

Both checkers run once over the whole site. Each gate has a companion test that feeds the same
helper a tiny directory with deliberate faults, so a checker that silently stops reporting
(wrong arguments, a changed output format) makes the suite fail instead of passing vacuously.

Tools, installed by ``make test``:

* vnu.jar from the npm package ``vnu-jar``, installed into the project-local folder .cache/npm
  (see VNU_INSTALL), run with the system ``java`` (11 or later);
* ``linkchecker`` from PyPI (the ``test`` extra in pyproject.toml).

LinkChecker crawls the site over HTTP from a server on 127.0.0.1 that this module starts, so
addresses resolve as they do on a static host (``model/`` serves ``model/index.html``; a folder
without index.html is a 404, not a listing). Only that host is crawled: links to other hosts are
checked for syntax only and never fetched (LinkChecker's default without ``--check-extern``).
"""
from __future__ import annotations

import csv
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest

from support import REPO

VNU_JAR = REPO / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_INSTALL = "npm install --no-save --ignore-scripts --prefix .cache/npm vnu-jar@26.9.27"

# Errors in markup that Material for MkDocs (9.x) itself writes, not our content, templates or
# overrides. Each entry is the exact message plus a pattern for the exact element the checker
# highlights, so the same message about any other element still fails the test.
# Compare with the theme when upgrading Material; drop an entry once the theme fixes it.
THEME_ERRORS = [
    # material/templates/partials/nav-item.html: section labels get tabindex="{{ tabindex }}",
    # which renders as tabindex="" for sections (navigation.sections).
    ("Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
     r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">'),
    # material/templates/base.html: the drawer and search toggles are checkboxes with autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
     "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
     "or “week”.",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" '
     r'autocomplete="off">'),
    # material/templates/partials/toc.html: the table of contents has <label for="__toc">, but the
    # checkbox __toc is written by partials/nav-item.html only for a page that is in the navigation.
    # Here: the programme and story pages, kept out of the nav on purpose (hooks/content.py).
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     r'<label class="md-nav__title" for="__toc">'),
]


# ---------------------------------------------------------------- Nu HTML Checker

def vnu_errors(root: Path) -> list[dict]:
    """Every error the Nu HTML Checker reports for the HTML files under root, in one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: the Nu HTML Checker needs Java 11 or later (Debian: default-jre-headless)")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(REPO)} is missing: run `make test`, or in {REPO}: {VNU_INSTALL}")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html",
                             str(root)], capture_output=True, text=True, timeout=300)
    try:  # the JSON report goes to stderr; exit code 1 just means "errors found"
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    errors = []
    for m in report["messages"]:  # type "error", or "non-document-error" for I/O and checker failures
        url = m.get("url", "")
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url else ""
        errors.append({"file": Path(path).relative_to(root).as_posix() if path else "?", "line": m.get("lastLine"),
                       "message": m["message"], "type": m["type"],
                       "markup": m.get("extract", "")[m.get("hiliteStart", 0):][:m.get("hiliteLength", 0)].strip()})
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        pytest.fail(f"vnu.jar failed (exit {result.returncode}):\n{result.stdout}{result.stderr[-2000:]}")
    return errors


def is_theme_error(error: dict) -> bool:
    return error["type"] == "error" and any(
        error["message"] == message and re.fullmatch(markup, error["markup"]) for message, markup in THEME_ERRORS)


def describe(problems: list[dict], fields: tuple[str, ...]) -> str:
    """Problems grouped by message, with a few examples each."""
    by_message: dict[str, list[dict]] = {}
    for p in problems:
        by_message.setdefault(p["message"], []).append(p)
    lines = []
    for message, group in sorted(by_message.items(), key=lambda item: -len(item[1])):
        lines.append(f"{len(group)}x {message}")
        lines += ["    " + "  ".join(str(p[f]) for f in fields) for p in group[:5]]
    return "\n".join(lines)


def test_site_is_valid_html(built_site):
    errors = vnu_errors(built_site)
    ours = [e for e in errors if not is_theme_error(e)]
    assert not ours, (f"{len(ours)} HTML errors (Nu HTML Checker) in the built site, "
                      f"besides {len(errors) - len(ours)} known ones from Material:\n"
                      + describe(ours, ("file", "line", "markup")))


def test_html_check_reports_an_unclosed_element_and_a_duplicate_id(tmp_path):
    page = ('<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Proef</title></head>\n<body>\n'
            '<main><span>Open span</main>\n<p id="dubbel">Een</p>\n<p id="dubbel">Twee</p>\n</body>\n</html>\n')
    valid = page.replace("<span>Open span</main>", "<span>Dicht</span></main>").replace('id="dubbel">Twee', ">Twee")
    (tmp_path / "fout.html").write_text(page, encoding="utf-8")
    (tmp_path / "goed").mkdir()
    (tmp_path / "goed" / "index.html").write_text(valid, encoding="utf-8")
    (tmp_path / "stijl.css").write_text("p { colour: red }", encoding="utf-8")  # not HTML: skipped

    errors = vnu_errors(tmp_path)

    found = {(e["file"], e["line"], e["message"]) for e in errors}
    assert ("fout.html", 5, "End tag “main” seen, but there were open elements.") in found
    assert ("fout.html", 5, "Unclosed element “span”.") in found
    assert ("fout.html", 7, "Duplicate ID “dubbel”.") in found
    assert {e["file"] for e in errors} == {"fout.html"}
    assert not any(is_theme_error(e) for e in errors)


# ---------------------------------------------------------------- LinkChecker

class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: folder/ is folder/index.html, and a folder without one is a 404."""

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host sends this header;
        # then maxrequestspersecond (set in linkchecker_problems) applies.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format, *args):
        pass


@contextmanager
def serve(root: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page_urls(root: Path, base: str) -> list[str]:
    """The address of every HTML file, the home page first, so pages that no link reaches are checked too."""
    urls = []
    for html in sorted(root.rglob("*.html")):
        rel = html.relative_to(root).as_posix()
        urls.append(base + (rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel))
    return sorted(urls, key=lambda u: u != base)


def linkchecker_problems(root: Path, tmp_path: Path) -> list[dict]:
    """Broken internal links and anchors, and malformed external links, in the HTML (and CSS) under root."""
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\nmaxrequestspersecond=1000\n"
                      "[AnchorCheck]\n", encoding="utf-8")  # AnchorCheck: a missing #id is a warning
    with serve(root) as base:
        # no --check-extern: links to other hosts get a syntax check only, no request
        result = subprocess.run([sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status",
                                 "--no-robots", "--recursion-level", "-1", "--output", "csv/utf-8",
                                 *page_urls(root, base)],
                                capture_output=True, text=True, timeout=300, cwd=tmp_path)
        if result.returncode not in (0, 1):  # 1: errors or warnings found; 2: LinkChecker itself failed
            pytest.fail(f"linkchecker failed (exit {result.returncode}):\n{result.stdout}{result.stderr[-3000:]}")
        rows = list(csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")),
                                   delimiter=";"))
        if result.returncode == 1 and not rows:
            pytest.fail(f"linkchecker exited 1 but reported nothing:\n{result.stdout}{result.stderr[-3000:]}")

        def where(url: str) -> str:
            if not url.startswith(base):
                return url
            path = url[len(base):].split("#")[0]
            return path + "index.html" if path == "" or path.endswith("/") else path

        problems = []
        for row in rows:  # logged rows are those with an error (valid False) or a warning
            if row["valid"] != "True":
                message = row["result"]
            else:
                message = row["warningstring"]
            problems.append({"file": where(row["parentname"]), "line": row["line"], "link": row["urlname"],
                             "message": message.replace("\n", " ")})
        return problems


def test_site_has_no_broken_internal_links(built_site, tmp_path):
    problems = linkchecker_problems(built_site, tmp_path)
    assert not problems, (f"{len(problems)} broken links (LinkChecker) in the built site:\n"
                          + describe(problems, ("file", "line", "link")))


def test_link_check_reports_a_missing_page_a_missing_anchor_and_a_malformed_external_link(tmp_path):
    site = tmp_path / "site"
    head = '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Proef</title></head>\n<body>\n'
    (site / "over").mkdir(parents=True)
    (site / "leeg").mkdir()  # a folder without index.html: no page there
    (site / "index.html").write_text(
        head
        + '<h1 id="boven">Proef</h1>\n'
        + '<p><a href="over/">bestaat</a> <a href="over/#doel">bestaand anker</a> <a href="#boven">hier</a></p>\n'
        + '<p><a href="bestaat-niet/">ontbrekende pagina</a></p>\n'
        + '<p><a href="over/#geen-anker">ontbrekend anker</a></p>\n'
        + '<p><a href="#ook-geen-anker">ontbrekend anker hier</a> <a href="leeg/">lege map</a></p>\n'
        + '<p><a href="https://example.invalid/pagina">extern, niet opgevraagd</a></p>\n'
        + '<p><a href="https://exa mple.org/">extern, misvormd</a></p>\n'
        + "</body>\n</html>\n", encoding="utf-8")
    (site / "over" / "index.html").write_text(
        head + '<h1 id="doel">Over</h1>\n<p><a href="../">terug</a></p>\n</body>\n</html>\n', encoding="utf-8")

    problems = linkchecker_problems(site, tmp_path)

    by_link = Counter(p["link"] for p in problems)
    assert set(by_link) == {"bestaat-niet/", "over/#geen-anker", "#ook-geen-anker", "leeg/",
                            "https://exa mple.org/"}, problems
    assert all(p["file"] == "index.html" for p in problems), problems
    missing = next(p for p in problems if p["link"] == "bestaat-niet/")
    assert missing["line"] == "7" and "404" in missing["message"], missing
    anchor = next(p for p in problems if p["link"] == "over/#geen-anker")
    assert anchor["line"] == "8" and "Anchor `geen-anker' (decoded: `geen-anker') not found" in anchor["message"]
