"""MkDocs hook: turn citations and [tekst](begrip:id)-style links into real links."""
from __future__ import annotations

from kennisbank import references, render
from kennisbank.text import html_text
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def on_page_markdown(markdown, page, config, files):
    if getattr(config["kennisbank"], "preview_problems", None):
        try:  # the live preview with broken content: show the page as far as it can be made
            return _page_markdown(markdown, page, config)
        except Exception as exc:  # noqa: BLE001
            log.error("%s: could not resolve references while content has problems: %s", page.file.src_uri, exc)
            return markdown
    return _page_markdown(markdown, page, config)


def _page_markdown(markdown, page, config):
    kb = config["kennisbank"]
    if not page.meta.get("description"):  # for search engines and link previews in e-mail and chat
        # Material prints it as it is, in an attribute: escaped here
        page.meta["description"] = html_text(references.first_paragraph(markdown, kb)) or config.site_description
    markdown = render.expand_blocks(kb, markdown, page.file.src_uri, kb.qr_codes)
    markdown = render.sources_section(kb, markdown, page.file.src_uri)
    return references.Resolver(kb).resolve(markdown, page.file.src_uri)


def on_page_content(html, page, config, files):
    # Every reference was checked before rendering; this catches a gap in the hook itself.
    for raw in references.leftover(html):
        log.warning("%s: unresolved reference syntax in the output: %s", page.file.src_uri, raw)
    return html
