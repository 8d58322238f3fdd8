"""The built site as readers meet it (issue 11), read from its HTML: a home that leads to every
part, link texts that are titles, Dutch interface text, Dutch short-link pages, and a search
index without handouts."""
from __future__ import annotations

import json
import os
import re
import subprocess
from html.parser import HTMLParser

import pytest
from support import REPO


class _Page(HTMLParser):
    """Visible text, links (href, text) and a few landmarks of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.tags, self._skip, self._link = [], [], [], 0, None
        self.labels = []  # what screen readers and tooltips say: aria-label, title, placeholder, alt
        self.lang = self.title = None
        self._in_title = False
        self.refresh = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.labels += [attrs[a] for a in ("aria-label", "title", "placeholder", "alt") if attrs.get(a)]
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "title":
            self._in_title, self.title = True, ""
        if tag == "meta" and attrs.get("http-equiv") == "refresh":
            self.refresh = attrs.get("content")
        if tag == "a":
            self._link = [attrs.get("href"), ""]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._skip:
            return
        self.text.append(data)
        if self._link:
            self._link[1] += data


def _parse(path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(built_site):
    return {p.relative_to(built_site).as_posix(): _parse(p) for p in built_site.rglob("*.html")}


def test_no_link_shows_a_file_path(pages):
    found = [(name, href, text) for name, page in pages.items() for href, text in page.links
             if re.search(r"\.md\b", text)]
    assert found == [], found[:10]


def test_the_check_sees_a_path_as_link_text():
    page = _Page()
    page.feed('<p>Geciteerd op: <a href="../begrippen/">begrippen/index.md</a></p>')
    assert page.links == [("../begrippen/", "begrippen/index.md")]


ENGLISH = ("Made with", "Redirecting", "Not found", "You're being", "new destination")
ENGLISH_LABELS = {"Header", "Footer", "Tabs", "Navigation", "Search", "Share", "Copy to clipboard", "Back to top"}


def test_no_english_interface_text(pages):
    found = [(name, phrase) for name, page in pages.items() for phrase in ENGLISH
             if phrase.casefold() in " ".join(page.text).casefold() or phrase.casefold() in (page.title or "").casefold()]
    found += [(name, label) for name, page in pages.items() for label in page.labels if label in ENGLISH_LABELS]
    assert found == [], found[:10]


def test_short_link_pages_are_dutch_pages_that_redirect_at_once(built_site, pages):
    short = {name: page for name, page in pages.items() if name.split("/")[0] in ("p", "i")}
    assert len(short) >= 32 + 10
    for name, page in short.items():
        assert page.lang == "nl", name
        assert page.title and "Doorsturen naar" in page.title, name
        assert "main" in page.tags and "h1" in page.tags, name
        assert page.refresh and page.refresh.startswith("0; url="), name
        target = page.refresh.removeprefix("0; url=")
        assert (target, ) and any(href == target and text for href, text in page.links), name
        assert "location.replace" in (built_site / name).read_text("utf-8"), name
        resolved = (built_site / name).parent / target / "index.html"
        assert resolved.resolve().is_file(), (name, target)


def test_short_link_shows_the_target_title(pages):
    page = pages["p/B1/index.html"]
    assert "Veilig en inclusief schoolklimaat" in page.title
    assert any("Veilig en inclusief schoolklimaat" in text for _, text in page.links)


def test_not_found_page_is_dutch(pages):
    page = pages["404.html"]
    assert page.lang == "nl"
    assert "Pagina niet gevonden" in " ".join(page.text)


def test_home_leads_to_every_part_in_one_step(pages):
    home = pages["index.html"]
    article = {href for href, _ in home.links}
    for part in ("interventies/", "zelfscan/", "wat-werkt/", "onderbouwing/", "model/", "mbo/", "praktijk/", "begrippen/", "bronnen/"):
        assert part in article, part


def test_home_keeps_the_navigation(built_site):
    assert 'data-md-component="sidebar" data-md-type="navigation" hidden' not in (built_site / "index.html").read_text("utf-8")
    assert "md-sidebar--primary" in (built_site / "index.html").read_text("utf-8")


def test_search_index_has_no_handouts_or_short_links(built_site):
    docs = json.loads((built_site / "search/search_index.json").read_text("utf-8"))["docs"]
    locations = {d["location"] for d in docs}
    assert not [loc for loc in locations if "/handout/" in loc or re.match(r"[pi]/", loc)]
    assert any(d["location"].startswith("model/omgeving/klasklimaat/") and d.get("boost", 1) > 1 for d in docs)
    taakspel = [d for d in docs if d["location"] == "interventies/taakspel/"]
    assert taakspel and "Pesten en conflicten" in taakspel[0].get("tags", [])
    lijst = [d for d in docs if d["location"] == "interventies/"]
    assert lijst and "Zoek op naam of inhoud" not in lijst[0]["text"]  # the snippet is text, not the filter form


def test_theme_labels_are_dutch(pages):
    text = " ".join(pages["interventies/index.html"].text)
    assert "Sociaal-emotionele vaardigheden" in text
    assert "Sociaal emotionele" not in text


@pytest.mark.parametrize("address", ["", "https://kennisbank.example.org/", "https://kennisbank.example.org"])
def test_publish_refuses_the_placeholder_address(address):
    env = {k: v for k, v in os.environ.items() if k != "KB_SITE_URL"}
    args = ["make", "--no-print-directory", "publish"] + ([f"KB_SITE_URL={address}"] if address else [])
    result = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "KB_SITE_URL" in result.stderr and "set KB_SITE_URL" in result.stderr
