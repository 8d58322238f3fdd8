"""Generated pages, rendered from the Markdown templates in ``templates/``.

Templates write the same reference syntax as editors ([x](principe:id), [@key]); the
references step turns it into links afterwards, so link logic lives in one place.
"""
from __future__ import annotations

import posixpath
from itertools import groupby
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import handout, interventies, references, zelfscan
from .datums import nl_datum
from .cache import cache_dir
from .model import Principe
from .text import escape_text, html_text, markdown

TEMPLATES = Path(__file__).parent / "templates"
MBO_KADERS = "<!-- kb:mbo-kaders -->"  # where a principle's mbo boxes go; without it they follow the body

# Markdown heading ids are written {#id}: Jinja's comment tag must be something else.
# Every {{ value }} is text (escaped by ``finalize``) unless it is Markup: a value printed with
# ``| md`` (documented as Markdown in its schema), ``| e``, a rendered block or a link from rel()/url().
def _bytecode_cache():
    """Compiled templates kept between builds (keyed by each template's source, so never stale)."""
    folder = cache_dir(TEMPLATES.parents[2])
    if folder is None:
        return None
    try:
        (folder / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder / "jinja"))


_env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                   trim_blocks=True, lstrip_blocks=True, autoescape=False, finalize=escape_text,
                   comment_start_string="{#-#", comment_end_string="#-#}", bytecode_cache=_bytecode_cache())
_env.globals["iv"] = interventies
_env.tests["contains"] = lambda seq, item: item in seq
_env.filters["md"] = markdown
_env.filters["datum"] = nl_datum

# The programme's source documents and the page of the site that retells each.
SEED_PAGES = {
    "001": ("onderbouwing/index.md", "Integraal werken aan welbevinden in het onderwijs (theoretische onderbouwing)"),
    "002": ("wat-werkt/index.md", "Factsheet Bevorderen van het psychisch welbevinden op school: wat werkt?"),
    "004": ("mbo/verkenning/index.md", "Verkenning welbevinden in het mbo"),
}
SEED_TITLES = {seed: title for seed, (_, title) in SEED_PAGES.items()} | {
    "003": "Interview Kijken waar het licht zit (Welbevinden op School)"}
# Short titles for readers, where a judgement or outcome names the document it comes from.
SEED_KORT = {"001": "Theoretische onderbouwing", "002": "Factsheet Wat werkt? (2016)",
             "003": "Interview Kijken waar het licht zit", "004": "Verkenning welbevinden in het mbo"}
MARKERS = ("modelfiguur", "mbo-kaders-overzicht", "mbo-begrippen", "mbo-interventies", "praktijk-overzicht",
           "mbo-aanbevelingen", "erkenning-uitleg", "wat-is-veranderd")


def relative_url(target_src: str, page_src: str, directory_urls: bool) -> str:
    """URL of a source file relative to a page, for raw HTML (which MkDocs leaves alone).

    It must match the build's URL style: ``taakspel/`` online, ``taakspel/index.html`` offline.
    """
    def served(src: str) -> str:
        if not src.endswith(".md"):
            return src
        return src.removesuffix("index.md") if directory_urls else src[:-3] + ".html"

    # online a page is a folder (model/b1/), offline a file in a folder (model/b1/index.html)
    here = served(page_src).rstrip("/") if directory_urls else posixpath.dirname(served(page_src))
    target = served(target_src)
    out = posixpath.relpath(target or ".", here or ".")
    if directory_urls and target_src.endswith(".md"):
        out = "./" if out == "." else out.rstrip("/") + "/"
    return out


def _render(name: str, page_src: str, directory_urls: bool = True, **context) -> str:
    def rel(target_src: str, anchor: str = "") -> Markup:
        """Relative link to a source file, for Markdown links (MkDocs converts and checks them)."""
        out = posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")
        return Markup(out + (f"#{anchor}" if anchor else ""))

    def url(target_src: str, query: str = "") -> Markup:
        return Markup(relative_url(target_src, page_src, directory_urls) + (f"?{query}" if query else ""))

    kb = context.get("kb")
    # link a source document only when the site has the page that retells it
    seed_pages = {k: v for k, v in SEED_PAGES.items() if kb is None or v[0] in kb.page_titles}
    def plain(text: str) -> str:
        return references.plain(text, kb)

    # a plain str: adding Markup to a str would escape the str
    return str(_env.get_template(name).render(rel=rel, url=url, plain=plain, page_src=page_src,
                                              seed_pages=seed_pages, seed_titles=SEED_TITLES, seed_kort=SEED_KORT,
                                              **context))


# Front matter of each generated page kind; add a key here and every page of that kind gets it
# (e.g. "search": {"boost": 2}). Pages about one record get their title and description from it.
META = {
    "begrippen.md.j2": {"title": "Begrippen", "description": "Alle begrippen van de kennisbank van A tot Z, met een "
                        "korte definitie, uitleg en bronnen."},
    "bronnen.md.j2": {"title": "Bronnen", "description": "Alle bronnen die de kennisbank citeert, in APA-stijl, met "
                      "de pagina's en kopjes waar ze worden aangehaald."},
    "interventies.md.j2": {"title": "Programma's en interventies", "description": "Programma's voor welbevinden op "
                           "school met hun erkenning, te filteren op niveau, onderwijstype, preventieniveau, pijler en "
                           "thema."},
    "matrix.md.j2": {"title": "Matrix van pijlers en erkenning", "description": "Aantal programma's per pijler en per "
                     "erkenningsniveau, met links naar de gefilterde lijst."},
    "handout.md.j2": {"description": "Printbare handout met vaste link en QR-code.", "hide": ["navigation", "toc"]},
    "interventie.md.j2": {},
    "pijler.md.j2": {},
    "principe.md.j2": {},
    "praktijk.md.j2": {},
    "zelfscan.md.j2": {"title": "Waar staan we? Zelfscan voor het schoolteam", "description": "Zelfscan over de "
                       "zestien principes van het model: zie waar jullie school staat en met welke principes je begint."},
}


# libyaml's, when PyYAML has it: ten times faster
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(template: str, **record_meta) -> str:
    """YAML front matter written by a serialiser, never by a string template.

    MkDocs and Material print title and description as they are (in <title>, the header, the
    navigation and meta attributes), so they are HTML-escaped here: a name stays text."""
    meta = {**META[template], **record_meta}
    for key in ("title", "description"):
        if key in meta:
            meta[key] = html_text(meta[key])
    meta = {k: meta[k] for k in ("title", "description") if k in meta} | meta  # title first, for people reading it
    return "---\n" + yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000) \
        + "---\n\n"


def _page(name: str, page_src: str, directory_urls: bool = True, meta: dict | None = None, **context) -> str:
    body = _render(name, page_src, directory_urls, **context)
    if body.startswith("---"):  # a template must not write YAML as text: a name with a quote would break it
        raise ValueError(f"{name} starts with front matter: put its keys in render.META instead")
    return front_matter(name, **(meta or {})) + body


def _short(text: str, limit: int = 200) -> str:
    """A description of at most ``limit`` characters, cut at a word."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


def title_of(kb, src: str) -> str:
    for p in kb.principes.values():
        if p.src == src:
            return f"{p.nummer} {p.titel}"
    for p in kb.pijlers.values():
        if p.src == src:
            return f"Pijler {p.titel}"
    if src == kb.BEGRIPPEN_SRC:  # generated, so not among the page titles read from docs/
        return "Begrippen"
    return kb.page_titles.get(src, src)


def _page_links(kb, sources: list[str], exclude: str) -> list[tuple[str, str]]:
    return [(title_of(kb, src), src) for src in sources if src != exclude]


def principe_page(kb, p) -> str:
    principes = kb.alle_principes()
    i = principes.index(p)
    kaders = _render("_mbo-kaders.md.j2", p.src, kaders=kb.kaders_bij(p.id), terug=None)
    body = p.body.strip()  # Markdown (principe.schema.json); the boxes go in at the marker or after it
    body = markdown(body.replace(MBO_KADERS, kaders) if MBO_KADERS in body else f"{body}\n\n{kaders}")
    return _page(
        "principe.md.j2", p.src, meta={"title": f"{p.nummer} {p.titel}", "description": p.kort},
        kb=kb, p=p, pijler=kb.pijlers[p.pijler], body=body,
        begrippen=[kb.begrippen[t] for t in kb.used_by(p.src, "begrip")],
        bronnen=_sources_of(kb, p.src, p.bronnen),
        vorige=principes[i - 1] if i > 0 else None, volgende=principes[i + 1] if i + 1 < len(principes) else None,
        model_src=kb.MODEL_SRC, programmas=kb.interventies_bij(p.id), verhalen=kb.praktijk_bij(p.id),
        aanbevelingen=kb.aanbevelingen_bij(p.id) if kb.aanbevelingen_page else [])


def pijler_page(kb, pijler) -> str:
    kaders = _render("_mbo-kaders.md.j2", pijler.src, kaders=kb.kaders_bij(pijler.id), terug=None)
    return _page("pijler.md.j2", pijler.src, meta={"title": f"Pijler {pijler.titel}", "description": pijler.kort},
                 kb=kb, pijler=pijler, principes=kb.principes_van(pijler.id), kaders=markdown(kaders), model_src=kb.MODEL_SRC)


def begrippen_page(kb) -> str:
    src = kb.BEGRIPPEN_SRC
    terms = sorted(kb.begrippen.values(), key=lambda b: b.sort_key)
    letters = [(letter.upper(), list(group)) for letter, group in groupby(terms, key=lambda b: b.sort_key[0])]
    used = {b.id: _page_links(kb, kb.used_on("begrip", b.id), src) for b in terms}
    return _page("begrippen.md.j2", src, kb=kb, letters=letters, used=used)


def bronnen_page(kb, directory_urls: bool = True) -> str:
    src = kb.BRONNEN_SRC
    bronnen = [kb.bronnen[k] for k in kb.apa.order()]
    used = {b.id: kb.sections_citing("bron", b.id) for b in bronnen}
    return _page("bronnen.md.j2", src, directory_urls, kb=kb, bronnen=bronnen, used=used,
                 title=lambda page: title_of(kb, page))


def _sources_of(kb, page_src: str, extra) -> list[str]:
    """Keys cited on a page plus those a record lists, in APA order."""
    return kb.apa.in_order([*kb.used_by(page_src, "bron"), *extra])


def interventie_page(kb, i, directory_urls: bool) -> str:
    meta = {"title": i.naam, "description": _short(references.plain(i.samenvatting, kb))}
    return _page("interventie.md.j2", i.src, directory_urls, meta=meta, kb=kb, i=i, vandaag=kb.vandaag,
                 lijst_src=kb.INTERVENTIES_SRC, bronnen=_sources_of(kb, i.src, i.bronnen))


def interventies_page(kb, directory_urls: bool) -> str:
    facets = [(key, label, interventies.facet_values(kb, key)) for key, label, _ in interventies.FACETS]
    return _page("interventies.md.j2", kb.INTERVENTIES_SRC, directory_urls, kb=kb, facets=facets,
                 rows=kb.alle_interventies(), matrix_src=kb.MATRIX_SRC)


def matrix_page(kb, directory_urls: bool) -> str:
    niveaus = [(n.id, n.label) for n in reversed(kb.niveaus_op_rang())] + [("geen", "Geen oordeel gevonden")]
    cellen = {}
    for i in kb.interventies.values():
        niveau = i.oordeel.niveau if i.oordeel else "geen"
        for pijler in i.pijlers or [interventies.ONBEKEND]:  # a row for those without one: the totals add up
            cellen[(pijler, niveau)] = cellen.get((pijler, niveau), 0) + 1
    niveaus = [(n, label) for n, label in niveaus if any(k[1] == n for k in cellen)]
    rijen = [(p.id, p.titel) for p in kb.pijlers_op_volgorde()]
    if any(k[0] == interventies.ONBEKEND for k in cellen):
        rijen.append((interventies.ONBEKEND, interventies.GEEN_PIJLER))
    return _page("matrix.md.j2", kb.MATRIX_SRC, directory_urls, kb=kb, rijen=rijen,
                 niveaus=niveaus, cellen=cellen, lijst_src=kb.INTERVENTIES_SRC)


def praktijk_page(kb, p) -> str:
    return _page("praktijk.md.j2", p.src, meta={"title": p.titel, "description": references.plain(p.samenvatting, kb)},
                 kb=kb, p=p)


def zelfscan_page(kb, directory_urls: bool) -> str:
    pijlers = [(pijler, [(p, zelfscan.stellingen(p)) for p in kb.principes_van(pijler.id)])
               for pijler in kb.pijlers_op_volgorde()]
    return _page("zelfscan.md.j2", zelfscan.SRC, directory_urls, kb=kb, pijlers=pijlers,
                   antwoorden=zelfscan.ANTWOORDEN, types=interventies.ONDERWIJSTYPE, model_src=kb.MODEL_SRC,
                   data_js=zelfscan.DATA_JS)


def zelfscan_js(kb, directory_urls: bool) -> str:
    """The scan's data script; its links are relative to the scan page."""
    def url(src: str, anchor: str) -> str:
        return relative_url(src, zelfscan.SRC, directory_urls) + (f"#{anchor}" if anchor else "")

    return zelfscan.to_js(kb, url)


def handout_url(record, site_url: str) -> str:
    """The permanent short address printed on a handout: /p/B1/ or /i/<id>/."""
    short = f"p/{record.nummer}/" if isinstance(record, Principe) else f"i/{record.id}/"
    return (site_url or "").rstrip("/") + "/" + short


def handout_urls(kb, site_url: str) -> dict[str, str]:
    """Handout page src -> the address its QR code encodes."""
    records = list(kb.principes.values()) + list(kb.interventies.values())
    return {r.src.replace("index.md", "handout/index.md"): handout_url(r, site_url) for r in records}


def handout_page(kb, record, kind: str, site_url: str) -> str:
    """A one-page print-out with the permanent short link as text and as QR code.

    The QR code itself goes in when the page is rendered (marker ``<!-- kb:qr -->``), so the
    codes can be made in the background meanwhile (see handout.QrCodes)."""
    src = record.src.replace("index.md", "handout/index.md")
    praktijk = handout.section(record.body, "in-de-praktijk-op-school") if kind == "principe" else ""
    title = f"Handout: {record.nummer} {record.titel}" if kind == "principe" else f"Handout: {record.naam}"
    return _page("handout.md.j2", src, meta={"title": title}, kb=kb, r=record, kind=kind,
                 adres=handout_url(record, site_url),
                 praktijk=markdown(praktijk), qr=Markup(handout.QrCodes.MARKER))


def generated_pages(kb, directory_urls: bool = True, site_url: str = "", on_error=None) -> dict[str, str]:
    """Every page built from content/, by source path.

    ``on_error(src, exception)``, when given, makes the page that could not be rendered (the live
    preview shows content problems instead of stopping); without it the exception propagates."""
    pages: dict[str, str] = {}

    def put(src: str, make, *args) -> None:
        if on_error is None:
            pages[src] = make(*args)
            return
        try:
            pages[src] = make(*args)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a page saying so
            pages[src] = on_error(src, exc)

    for p in kb.pijlers_op_volgorde():
        put(p.src, pijler_page, kb, p)
    for p in kb.principes.values():
        put(p.src.replace("index.md", "handout/index.md"), handout_page, kb, p, "principe", site_url)
    for i in kb.interventies.values():
        put(i.src.replace("index.md", "handout/index.md"), handout_page, kb, i, "interventie", site_url)
    for p in kb.alle_principes():
        put(p.src, principe_page, kb, p)
    if kb.interventies:
        put(kb.INTERVENTIES_SRC, interventies_page, kb, directory_urls)
        put(kb.MATRIX_SRC, matrix_page, kb, directory_urls)
        for i in kb.interventies.values():
            put(i.src, interventie_page, kb, i, directory_urls)
    for p in kb.praktijk.values():
        put(p.src, praktijk_page, kb, p)
    if kb.principes:
        put(zelfscan.SRC, zelfscan_page, kb, directory_urls)
    # The glossary and the bibliography link to the pages above (and the latter to the glossary)
    # by title: those titles must be known first, or a link would show the file's path.
    _learn_titles(kb, pages)
    put(kb.BEGRIPPEN_SRC, begrippen_page, kb)
    _learn_titles(kb, {kb.BEGRIPPEN_SRC: pages[kb.BEGRIPPEN_SRC]})
    put(kb.BRONNEN_SRC, bronnen_page, kb, directory_urls)
    _learn_titles(kb, {kb.BRONNEN_SRC: pages[kb.BRONNEN_SRC]})
    return pages


def _learn_titles(kb, pages: dict[str, str]) -> None:
    kb.page_titles.update({src: markdown_title(text, src) for src, text in pages.items()})


def sources_section(kb, markdown: str, page_src: str) -> str:
    """A page that cites sources ends with them, in APA order, unless its template lists them itself
    (principles, programmes) or it is the glossary or the bibliography."""
    cited = set(kb.used_by(page_src, "bron"))
    if not cited or "{#bronnen-op-deze-pagina}" in markdown or page_src in (kb.BEGRIPPEN_SRC, kb.BRONNEN_SRC):
        return markdown
    keys = kb.apa.in_order(cited)
    return markdown.rstrip() + "\n" + _render("_bronnen-op-deze-pagina.md.j2", page_src, kb=kb, bronnen=keys)


def expand_blocks(kb, markdown: str, page_src: str, qr_codes=None) -> str:
    """Replace the block markers (``<!-- kb:name -->``) that pages may contain."""
    if qr_codes is not None and handout.QrCodes.MARKER in markdown:
        url = kb.handout_urls[page_src]
        markdown = markdown.replace(handout.QrCodes.MARKER, qr_codes.svg(url))
    for name in MARKERS:
        marker = f"<!-- kb:{name} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, _render(f"_{name}.md.j2", page_src, kb=kb))
    return markdown


def short_links(kb) -> dict[str, str]:
    """Short, stable addresses for handouts: /p/B1/ (also /p/b1/) and /i/<programme>/, as redirect maps."""
    links = {}
    for p in kb.principes.values():
        links[f"p/{p.nummer}/index.md"] = p.src
        links[f"p/{p.nummer.lower()}/index.md"] = p.src
    for i in kb.interventies.values():
        links[f"i/{i.id}/index.md"] = i.src
    return links


def model_nav(kb) -> list[dict]:
    """Navigation entries for the pillars and principles, in model order."""
    # MkDocs and Material print navigation titles as they are: HTML-escaped text
    return [{html_text(f"Pijler {p.titel}"): [p.src] + [{html_text(f"{pr.nummer} {pr.titel}"): pr.src}
                                                        for pr in kb.principes_van(p.id)]}
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
    """A page's title as text: front matter ``title`` or its first level-1 heading.

    Front matter is read as YAML (quotes and escapes undone), and its HTML entities are undone too:
    generated pages store their title HTML-escaped for MkDocs (front_matter), while the title learned
    here is printed again by templates, which escape it themselves."""
    import html
    import re

    if text.startswith("---"):
        try:
            meta = yaml.load(text[3:].split("\n---", 1)[0], Loader=_Loader) or {}
        except yaml.YAMLError:  # MkDocs reports the page's front matter itself
            meta = {}
        if isinstance(meta, dict) and meta.get("title"):
            return html.unescape(str(meta["title"]))
    heading = re.search(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", text, re.MULTILINE)
    return heading.group(1) if heading else fallback
