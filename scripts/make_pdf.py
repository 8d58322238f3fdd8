#!/usr/bin/env python3
"""The whole theoretical grounding as one PDF, printed by headless Chromium.

    python3 scripts/make_pdf.py [--site SITE_DIR] [--out dist/kennisbank-onderbouwing.pdf]

It builds the site (or uses --site), joins the grounding's pages in reading order (the
chapters, the model with its pillars and principles, the glossary and the bibliography) into
one HTML file that uses the site's own styles and print stylesheet, adds a table of contents,
and prints it to PDF with page numbers. Links between pages point to the site's permanent
addresses, so they work in the PDF too.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path
from urllib.parse import urljoin

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CHAPTERS = ["onderbouwing/", "onderbouwing/cijfers/", "onderbouwing/wat-is-welbevinden/",
            "onderbouwing/waarom-onderwijs/", "onderbouwing/integraal-werken/", "model/"]
CLOSING = ["onderbouwing/implementatie-en-effect/", "onderbouwing/verantwoording/", "begrippen/", "bronnen/"]
PRINT_NAME = "_onderbouwing-print.html"  # written into the site folder so its styles resolve


def model_pages(site: Path) -> list[str]:
    """Pillars, each followed by its principles, in the model's order (as the site's nav has them)."""
    nav = (site / "model" / "index.html").read_text(encoding="utf-8")
    pages = []
    for pillar in ("beleid", "omgeving", "educatie", "signaleren"):
        pages.append(f"model/{pillar}/")
        found = re.findall(rf'href="{pillar}/([a-z0-9-]+)/"', nav)
        pages += [f"model/{pillar}/{p}/" for p in dict.fromkeys(found)]
    return pages


def article(site: Path, page: str) -> tuple[str, str]:
    """(title, article HTML) of a built page, with links made absolute to the site's address."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL).group(1)
    body = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", body)  # the ¶ beside headings
    title = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", body, re.DOTALL).group(1)).strip()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)

    def absolute(match: re.Match) -> str:
        href = match.group(2)
        if href.startswith(("http", "mailto:", "#", "data:")):
            return match.group(0)
        return f'{match.group(1)}="{urljoin(canonical, href)}" data-intern'  # print CSS leaves these be

    body = re.sub(r'(href)="([^"]*)"', absolute, body)
    body = re.sub(r'<a class="md-content__button[^>]*>.*?</a>', "", body, flags=re.DOTALL)  # edit/view buttons
    return title, body


def combined_html(site: Path) -> str:
    pages = CHAPTERS + model_pages(site) + CLOSING
    head = (site / "index.html").read_text(encoding="utf-8").split("<body", 1)[0]
    head = re.sub(r"<title>.*?</title>", "<title>Integraal werken aan welbevinden: de onderbouwing</title>", head)
    sections, toc = [], []
    for n, page in enumerate(pages, 1):
        title, body = article(site, page)
        toc.append(f'<li><a href="#hfst-{n}">{escape(title)}</a></li>')
        sections.append(f'<section class="kb-print-hoofdstuk" id="hfst-{n}">{body}</section>')
    return (head + '<body><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
            '<div class="md-content"><article class="md-content__inner md-typeset">'
            '<div class="kb-print-eerste"><h1>Integraal werken aan welbevinden in het onderwijs</h1>'
            '<p class="kb-kort">De theoretische onderbouwing uit de Kennisbank Welbevinden op School, '
            'met het model, de begrippen en de bronnen.</p><h2 id="inhoud">Inhoud</h2><ol class="kb-inhoud">'
            + "".join(toc) + "</ol></div>" + "".join(sections) +
            "</article></div></div></main></div></body></html>")


def print_pdf(html_file: Path, out: Path, browser=None) -> None:
    """Print with a running Playwright browser, or start Debian's chromium for it."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            print_pdf(html_file, out, own)
            own.close()
        return
    page = browser.new_page()
    page.goto(html_file.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), format="A4", print_background=True, display_header_footer=True,
             margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
             header_template="<span></span>",
             footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                             'Kennisbank Welbevinden op School · <span class="pageNumber"></span></div>')
    page.close()


def make(out: Path, site: Path | None = None, browser=None) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"),
                            "-d", str(site)], cwd=REPO, env=ENV, check=True)
        html_file = site / PRINT_NAME
        html_file.write_text(combined_html(site), encoding="utf-8")
        try:
            print_pdf(html_file, out, browser)
        finally:
            html_file.unlink()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, help="an existing build of the site (default: build one)")
    ap.add_argument("--out", type=Path, default=REPO / "dist" / "kennisbank-onderbouwing.pdf")
    args = ap.parse_args()
    out = make(args.out.resolve(), args.site.resolve() if args.site else None)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
