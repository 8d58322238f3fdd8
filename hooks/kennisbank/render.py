"""Generated pages, rendered from the Markdown templates in ``templates/``.

Templates write the same reference syntax as editors ([x](principe:id), [@key]); the
references step turns it into links afterwards, so link logic lives in one place.
"""
from __future__ import annotations

import posixpath
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import cite

TEMPLATES = Path(__file__).parent / "templates"
MODELFIGUUR = "<!-- kb:modelfiguur -->"
MBO_KADERS = "<!-- kb:mbo-kaders -->"  # where a principle's mbo boxes go; without it they follow the body

# Markdown heading ids are written {#id}: Jinja's comment tag must be something else.
_env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                   trim_blocks=True, lstrip_blocks=True, autoescape=False,
                   comment_start_string="{#-#", comment_end_string="#-#}")
_env.globals["cite"] = cite


def _render(name: str, page_src: str, **context) -> str:
    def rel(target_src: str, anchor: str = "") -> str:
        out = posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")
        return out + (f"#{anchor}" if anchor else "")

    return _env.get_template(name).render(rel=rel, page_src=page_src, **context)


def title_of(kb, src: str) -> str:
    for p in kb.principes.values():
        if p.src == src:
            return f"{p.nummer} {p.titel}"
    for p in kb.pijlers.values():
        if p.src == src:
            return f"Pijler {p.titel}"
    return kb.page_titles.get(src, src)


def _page_links(kb, sources: list[str], exclude: str) -> list[tuple[str, str]]:
    return [(title_of(kb, src), src) for src in sources if src != exclude]


def principe_page(kb, p) -> str:
    principes = kb.alle_principes()
    i = principes.index(p)
    kaders = _render("_mbo-kaders.md.j2", p.src, kaders=kb.kaders_bij(p.id))
    body = p.body.strip()
    body = body.replace(MBO_KADERS, kaders) if MBO_KADERS in body else f"{body}\n\n{kaders}"
    return _render(
        "principe.md.j2", p.src, kb=kb, p=p, pijler=kb.pijlers[p.pijler], body=body,
        begrippen=[kb.begrippen[t] for t in kb.used_by(p.src, "begrip")],
        bronnen=sorted((kb.bronnen[k] for k in kb.used_by(p.src, "bron") + list(p.bronnen)), key=cite.sort_key),
        vorige=principes[i - 1] if i > 0 else None, volgende=principes[i + 1] if i + 1 < len(principes) else None,
        model_src=kb.MODEL_SRC)


def pijler_page(kb, pijler) -> str:
    kaders = _render("_mbo-kaders.md.j2", pijler.src, kaders=kb.kaders_bij(pijler.id))
    return _render("pijler.md.j2", pijler.src, kb=kb, pijler=pijler, principes=kb.principes_van(pijler.id),
                   kaders=kaders, model_src=kb.MODEL_SRC)


def begrippen_page(kb) -> str:
    src = kb.BEGRIPPEN_SRC
    terms = sorted(kb.begrippen.values(), key=lambda b: b.sort_key)
    letters = [(letter.upper(), list(group)) for letter, group in groupby(terms, key=lambda b: b.sort_key[0])]
    used = {b.id: _page_links(kb, kb.used_on("begrip", b.id), src) for b in terms}
    return _render("begrippen.md.j2", src, kb=kb, letters=letters, used=used)


def bronnen_page(kb) -> str:
    src = kb.BRONNEN_SRC
    bronnen = sorted(kb.bronnen.values(), key=cite.sort_key)
    used = {b.id: _page_links(kb, kb.used_on("bron", b.id), None) for b in bronnen}
    return _render("bronnen.md.j2", src, kb=kb, bronnen=bronnen, used=used)


def modelfiguur(kb, page_src: str) -> str:
    return _render("modelfiguur.md.j2", page_src, kb=kb, pijlers=kb.pijlers_op_volgorde())


def generated_pages(kb) -> dict[str, str]:
    """Every page built from content/, by source path."""
    pages = {p.src: pijler_page(kb, p) for p in kb.pijlers_op_volgorde()}
    pages.update({p.src: principe_page(kb, p) for p in kb.alle_principes()})
    pages[kb.BEGRIPPEN_SRC] = begrippen_page(kb)
    pages[kb.BRONNEN_SRC] = bronnen_page(kb)
    return pages


def expand_blocks(kb, markdown: str, page_src: str) -> str:
    """Replace the block markers that docs/ pages may contain."""
    if MODELFIGUUR in markdown:
        markdown = markdown.replace(MODELFIGUUR, modelfiguur(kb, page_src))
    return markdown


def model_nav(kb) -> list[dict]:
    """Navigation entries for the pillars and principles, in model order."""
    return [{f"Pijler {p.titel}": [p.src] + [{f"{pr.nummer} {pr.titel}": pr.src} for pr in kb.principes_van(p.id)]}
            for p in kb.pijlers_op_volgorde()]


def insert_model_nav(nav: list, kb) -> bool:
    """Put the model's pages right after the entry for model/index.md; False if it is not in ``nav``."""
    for i, item in enumerate(nav):
        values = list(item.values()) if isinstance(item, dict) else [item]
        if kb.MODEL_SRC in values:
            nav[i + 1:i + 1] = model_nav(kb)
            return True
        if any(isinstance(v, list) and insert_model_nav(v, kb) for v in values):
            return True
    return False


def markdown_title(text: str, fallback: str) -> str:
    """A page's title: front matter ``title`` or its first level-1 heading."""
    import re

    match = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", text.split("\n---", 1)[0], re.MULTILINE) \
        if text.startswith("---") else None
    if match:
        return match.group(1)
    heading = re.search(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", text, re.MULTILINE)
    return heading.group(1) if heading else fallback
