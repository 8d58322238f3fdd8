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
never fetched (LinkChecker's default without ``--check-extern``), only checked to be well-formed.
"""
from __future__ import annotations

import csv
import functools
import html.parser
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
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
]


# ---------------------------------------------------------------- Nu HTML Checker

def vnu_errors(root: Path) -> list[dict]:
    """Every error the Nu HTML Checker reports for the HTML files under root, in one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: the Nu HTML Checker needs Java 11 or later (Debian: default-jre-headless)")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(REPO)} is missing: run `make test`, or in {REPO}: {VNU_INSTALL}")
    root = root.resolve()  # the report names files by absolute file: URLs
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


# ---------------------------------------------------------------- links
#
# LinkChecker checks that every internal address in the HTML and CSS (href, src, srcset, meta refresh,
# url(...)) is served, and reports links to other hosts without fetching them. Two things it does not
# do well enough here, done by the short code below it:
# * anchors: its AnchorCheck plugin fetches and parses a page again for every link with a #fragment
#   (about 770 distinct addresses here: 100 s instead of 8 s), so anchor_problems reads the ids from the files;
# * external links: its syntax check accepts e.g. "https://exa mple.org/" (it quotes the space), so
#   every URL to another host that it found is checked against malformed_external.

class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a static host: folder/ is folder/index.html, and a folder without one is a 404."""

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host sends this header;
        # then maxrequestspersecond (in linkchecker_problems) applies.
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


def page_path(url_path: str) -> str:
    """The file a static host serves for an address path: "" and "x/" are index.html files."""
    return url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path


def html_pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def page_urls(root: Path, base: str) -> list[str]:
    """The address of every HTML file, the home page first (it sets what counts as internal),
    so pages that no link reaches, such as the short-link redirects, are checked too."""
    urls = [base + (rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)
            for rel in html_pages(root)]
    return sorted(urls, key=lambda url: url != base)


HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
TOP_LEVEL_DOMAIN = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def malformed_external(url: str) -> str | None:
    """Why a link to another host is malformed, or None. Nothing is fetched or looked up."""
    scheme = url.split(":", 1)[0].lower() if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
    if scheme == "data":  # inline images in CSS; LinkChecker ignores them
        return None
    if scheme not in ("http", "https", "mailto", "tel"):
        return f"unexpected scheme {scheme!r}" if scheme else "no scheme"
    if re.search(r'[\s<>"{}|\\^`]', url):
        return "space or other character not allowed in a URL"
    if re.search(r"%(?![0-9A-Fa-f]{2})", url):
        return "% not followed by two hex digits"
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # raises ValueError for a port that is not a number in range
    except ValueError as error:
        return f"not parsable: {error}"
    if scheme == "mailto":
        return None if re.fullmatch(r"[^@/]+@[^@/]+\.[^@/]+", urllib.parse.unquote(parts.path)) else "no address"
    if scheme == "tel":
        return None if re.fullmatch(r"\+?[0-9][0-9 ().-]*", urllib.parse.unquote(parts.path)) else "no number"
    if not url.lower().startswith(scheme + "://"):
        return "not scheme://host/..."
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError:
        return f"host {parts.hostname!r} is not a valid domain name"
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.fullmatch(label) for label in labels) \
            or not TOP_LEVEL_DOMAIN.fullmatch(labels[-1]):
        return f"host {parts.hostname!r} is not a domain name"
    return None


def linkchecker_problems(root: Path, tmp_path: Path) -> list[dict]:
    """Internal addresses that are not served, and malformed links to other hosts, as LinkChecker finds them.

    LinkChecker reports a failing address once, at one of the pages that link to it (it caches results)."""
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\nmaxrequestspersecond=1000\n"
                      "[csv]\nparts=urlname,parentname,result,warningstring,valid,url,line\n",  # no # comments
                      encoding="utf-8")
    with serve(root) as base:
        # --verbose lists every URL, so the external ones can be checked too. No --check-extern: links to
        # other hosts are not fetched. LANGUAGE=en: messages in English whatever the machine's locale.
        result = subprocess.run([sys.executable, "-m", "linkcheck", "--config", str(config), "--verbose",
                                 "--no-status", "--no-robots", "--recursion-level", "-1", "--output", "csv/utf-8",
                                 *page_urls(root, base)],
                                capture_output=True, text=True, timeout=300, cwd=tmp_path,
                                env={**os.environ, "LANGUAGE": "en"})
    if result.returncode not in (0, 1) or not result.stdout.startswith("urlname;"):  # 1: found problems
        pytest.fail(f"linkchecker failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    problems = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter=";"):
        internal = row["url"].startswith(base)
        if row["valid"] != "True":
            message = row["result"]
        elif row["warningstring"]:
            message = row["warningstring"]
        elif not internal and (why := malformed_external(row["urlname"])):
            message = f"malformed external link: {why}"
        else:
            continue
        parent = row["parentname"] or row["url"]
        problems.append({"file": page_path(parent[len(base):].split("#")[0]) if parent.startswith(base) else parent,
                         "line": int(row["line"]) if row.get("line") else None,
                         "link": row["urlname"], "message": " ".join(message.split())})
    if result.returncode == 1 and not problems:
        pytest.fail(f"linkchecker exited 1 but its report lists nothing:\n{result.stdout[-3000:]}{result.stderr}")
    return problems


class PageParser(html.parser.HTMLParser):
    """The ids (and <a name>) in a page, and the href of each link, with its line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)
            elif name == "href" and value is not None and tag in ("a", "area"):
                self.links.append((self.getpos()[0], value))


def anchor_problems(root: Path) -> list[dict]:
    """Links to #fragment in a page of this site where that page has no such id."""
    site = "http://site.invalid/"  # a stand-in address for resolving relative links; never requested
    pages = {}
    for rel in html_pages(root):
        parser = PageParser()
        parser.feed((root / rel).read_text(encoding="utf-8"))
        parser.close()
        pages[rel] = parser
    problems = []
    for rel, page in pages.items():
        page_url = site + (rel[:-len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)
        for line, href in page.links:
            target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, href.strip()))
            if f"{target.scheme}://{target.netloc}/" != site or not target.fragment:
                continue
            path = page_path(urllib.parse.unquote(target.path).lstrip("/"))
            if (root / path).is_dir():  # folder without slash: the host redirects to folder/
                path = page_path(path + "/")
            # a target that is not a page of the site is LinkChecker's to report (a 404)
            if path in pages and urllib.parse.unquote(target.fragment) not in pages[path].ids:
                problems.append({"file": rel, "line": line, "link": href,
                                 "message": f"no id {urllib.parse.unquote(target.fragment)!r} in {path}"})
    return problems


def link_problems(root: Path, tmp_path: Path) -> list[dict]:
    return linkchecker_problems(root, tmp_path) + anchor_problems(root)


def test_site_has_no_broken_links(built_site, tmp_path):
    problems = link_problems(built_site, tmp_path)
    assert not problems, (f"{len(problems)} broken or malformed links in the built site "
                          "(LinkChecker lists an address that fails once, at one page that links to it):\n"
                          + describe(problems, ("file", "line", "link")))


def test_link_check_reports_missing_pages_missing_anchors_and_malformed_external_links(tmp_path):
    site = tmp_path / "site"
    head = '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Proef</title></head>\n<body>\n'
    (site / "over").mkdir(parents=True)
    (site / "leeg").mkdir()  # a folder without index.html: no page there
    (site / "index.html").write_text(
        head
        + '<h1 id="boven">Proef</h1>\n'  # line 5
        + '<p><a href="over/">er</a> <a href="over/#doel">anker er</a> <a href="#boven">hier</a></p>\n'
        + '<p><a href="bestaat-niet/">ontbrekende pagina</a> <a href="leeg/">map zonder pagina</a></p>\n'
        + '<p><a href="over/#geen-anker">ontbrekend anker</a> <a href="#ook-geen">ontbrekend anker hier</a></p>\n'
        + '<p><a href="https://example.invalid/pagina">extern, goed, niet opgevraagd</a></p>\n'
        + '<p><a href="https://exa mple.org/">extern, spatie</a> <a href="http:/example.org/">extern, één /</a></p>\n'
        + "</body>\n</html>\n", encoding="utf-8")
    (site / "over" / "index.html").write_text(
        head + '<h1 id="doel">Over</h1>\n<p><a href="../#boven">terug</a> <img src="plaatje.png" alt="">\n'
        + "</body>\n</html>\n", encoding="utf-8")

    problems = link_problems(site, tmp_path)

    found = {(p["file"], p["line"], p["link"]) for p in problems}
    assert found == {("index.html", 7, "bestaat-niet/"), ("index.html", 7, "leeg/"),
                     ("index.html", 8, "over/#geen-anker"), ("index.html", 8, "#ook-geen"),
                     ("index.html", 10, "https://exa mple.org/"), ("index.html", 10, "http:/example.org/"),
                     ("over/index.html", 6, "plaatje.png")}, problems
    messages = {p["link"]: p["message"] for p in problems}
    assert messages["bestaat-niet/"] == "404 File not found"
    assert messages["over/#geen-anker"] == "no id 'geen-anker' in over/index.html"
    assert messages["https://exa mple.org/"].startswith("malformed external link: space")
