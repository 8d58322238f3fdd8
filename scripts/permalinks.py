#!/usr/bin/env python3
"""List every published page URL and anchor, so a test notices when one disappears.

    python3 scripts/permalinks.py SITE_DIR > tests/permalinks.txt

One line per page (``model/beleid/veilig-klimaat/``) and per anchor on it
(``model/beleid/veilig-klimaat/#waarom``): headings below the title, glossary terms, bibliography entries and
mbo boxes, the things GGD materials link to. Redirect pages (moved pages, short links) are
not listed; they keep links alive instead. Run it after adding pages and review the diff: a
line that disappears is a broken promise unless a redirect or an anchor rule covers it (README).
"""
from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

SKIP = ("404.html", "search/")


class _Ids(HTMLParser):
    """Ids of headings, and of the blocks people link to (bibliography entries, mbo boxes)."""

    KEEP_CLASSES = ("kb-bron", "kb-mbo-kader")

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.all_ids: set[str] = set()  # any element: a kept old anchor may be a plain <span id>
        self.redirect = False
        self.in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.redirect = True
        if tag == "article":
            self.in_article = True
        if not self.in_article or "id" not in attrs:
            return
        self.all_ids.add(attrs["id"])
        classes = (attrs.get("class") or "").split()
        if tag in ("h2", "h3", "h4", "h5", "h6") or any(c in classes for c in self.KEEP_CLASSES):
            self.ids.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False


def page_url(path: Path, site: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def _parse(page: Path) -> _Ids:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def anchors(page: Path) -> tuple[bool, list[str]]:
    """(is a redirect, ids worth promising) of a page."""
    parser = _parse(page)
    return parser.redirect, parser.ids


def live_ids(page: Path) -> tuple[bool, set[str]]:
    """(is a redirect, every id in the article) of a page: what a promised anchor may land on."""
    parser = _parse(page)
    return parser.redirect, parser.all_ids


def collect(site: Path) -> list[str]:
    lines = []
    for page in sorted(site.rglob("*.html")):
        url = page_url(page, site)
        if url.startswith(SKIP):
            continue
        redirect, ids = anchors(page)
        if redirect:
            continue
        lines.append(url)
        lines.extend(f"{url}#{anchor}" for anchor in dict.fromkeys(ids))
    return lines


if __name__ == "__main__":
    print("\n".join(collect(Path(sys.argv[1]))))
