"""Published links, guarded before the build: every URL and anchor promised in tests/permalinks.txt
must still exist in what the content and docs/ would generate, or be covered by a redirect.

Computed from the Markdown, without building: a page's URL follows from its source path, its
anchors are the explicit ids in it (``{#id}`` after headings, ``id="..."`` in HTML), after the
generated blocks are put in. The test on the built site (tests/site/test_permalinks.py) stays
the final word; this gives an editor the same answer in a second, with the fix.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from . import render
from .errors import Problem

PERMALINKS = "tests/permalinks.txt"
_IDS = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")


def url_of(src: str) -> str:
    """'model/beleid/index.md' -> 'model/beleid/', 'index.md' -> ''."""
    if src == "index.md":
        return ""
    return src.removesuffix("index.md") if src.endswith("/index.md") else src[:-3] + "/"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and other tags read as nothing: only redirect_maps is needed."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def redirect_maps(config_path: Path) -> dict[str, str]:
    """mkdocs-redirects' maps in mkdocs.yml (old source path -> new)."""
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return dict((plugin["redirects"] or {}).get("redirect_maps") or {})
    return {}


def site_anchors(kb, pages) -> dict[str, set[str]]:
    """URL -> explicit ids, for every page the build would write (docs/ pages and generated ones)."""
    markdown = {src: text for src, _, text in pages}
    markdown.update(render.generated_pages(kb))
    out = {}
    for src, text in markdown.items():
        text = render.expand_blocks(kb, text, src)
        text = render.sources_section(kb, text, src)
        out[url_of(src)] = {a or b for a, b in _IDS.findall(text)}
    return out


def check(kb, pages, root: Path) -> list[Problem]:
    """A problem for each promised URL or anchor that would disappear, saying what to add."""
    listing = Path(root) / PERMALINKS
    if not listing.is_file():
        return []
    anchors = site_anchors(kb, pages)
    redirects = {url_of(old): url_of(new) for old, new in redirect_maps(Path(root) / "mkdocs.yml").items()}
    redirects.update({url_of(old): url_of(new) for old, new in render.short_links(kb).items()})
    promised_pages = set()
    problems = []
    for n, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, anchor = line.partition("#")
        promised_pages.add(url)
        if url in redirects:
            continue  # a redirect page keeps the URL; its anchors land on the new page's top
        if url not in anchors:
            if anchor:
                continue  # reported once, for the page itself
            new = [u for u in anchors if u not in promised_pages]
            guess = difflib.get_close_matches(url, new, n=1, cutoff=0.6)
            target = (guess[0] if guess else "<nieuw/pad/>") + "index.md"
            fix = f"add under redirect_maps in mkdocs.yml: \"{url}index.md\": \"{target}\""
            if url.startswith("interventies/") and url.count("/") == 2:
                # the QR code on printed handouts points at the short link: keep it too
                fix += f" and \"i/{url.split('/')[1]}/index.md\": \"{target}\""
            problems.append(Problem(PERMALINKS, n, "", f"published page {url} would disappear: {fix}"))
        elif anchor and anchor not in anchors[url]:
            problems.append(Problem(PERMALINKS, n, "", f"published anchor {url}#{anchor} would disappear: keep the "
                                    f"{{#{anchor}}} on its heading (or the id of the term or source), or put "
                                    f"<span id=\"{anchor}\"></span> where that text went (README, 'Links that last')"))
    return problems
