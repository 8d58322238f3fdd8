"""Content values as text: escaping for the generated Markdown, its front matter and its HTML.

A value from content/ is text unless its schema documents it as Markdown. Text lands in Markdown
(paragraphs, headings, link text, table cells), in raw HTML (elements and attributes) and in link
titles, so one escape serves all of them: HTML's special characters become entities, and so does
every character Markdown could read as syntax. Entities pass through Python-Markdown unchanged,
browsers show them as the character, and the search index (built from the HTML) keeps them text.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

# HTML specials plus Markdown syntax that can start anywhere in a line: emphasis, code, links,
# images, attribute lists {: }, table cells, heading ids and escapes.
_SPECIAL = re.compile(r"[&<>\"\\`*_\[\]|{}#]")
# Markdown syntax that only counts at the start of a line: lists, quotes, headings, setext lines.
_LEADING = re.compile(r"^(\s*)(?:([-+=:>])|(\d+)([.)]))")


def _entity(match: re.Match) -> str:
    return f"&#{ord(match.group(0))};"


def _leading(match: re.Match) -> str:
    space, mark, number, dot = match.groups()
    return space + (f"&#{ord(mark)};" if mark else f"{number}&#{ord(dot)};")


def escape_text(value) -> Markup:
    """A text value as Markdown that renders exactly that text, on one line."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return _escape(str(value))


@lru_cache(maxsize=100_000)  # templates print the same names and labels on many pages
def _escape(text: str) -> Markup:
    if "\n" in text or "\r" in text:
        text = re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)  # one line: a newline could start a Markdown block
    text = _SPECIAL.sub(_entity, text)
    if text[:1] in _MAY_LEAD:
        text = _LEADING.sub(_leading, text)
    return Markup(text)


_MAY_LEAD = frozenset(" \t-+=:>0123456789")


def html_text(value) -> str:
    """Text for places that are HTML but never Markdown: front matter title and description,
    which MkDocs and Material print as they are, inside elements and double-quoted attributes."""
    return html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")


def markdown(value) -> Markup:
    """A value documented as Markdown: printed as it is (its safety is checked when loading)."""
    return Markup(value)


_TAG = re.compile(r"(<[^>]*>)")
# The tags citeproc writes (and the links and lang spans cite.py adds); any other "tag" came from content and is text.
_CITEPROC_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|span)>|<span style=\"[^\"<>]*\">|<span lang=\"[a-z]{2}(?:-[A-Z]{2})?\">"
                           r"|<a href=\"https?://[^\"<>\s]*\">|</a>")


def neutralise_html(fragment: str) -> Markup:
    """HTML made in Python from content (citeproc's references): its own tags stay; any other tag is
    content and becomes text, and the text between tags gets the Markdown characters escaped, so a
    title like '<img ...> *x* [y](z)' shows as written."""
    parts = _TAG.split(fragment)
    out = []
    for i, part in enumerate(parts):
        if i % 2 and _CITEPROC_TAG.fullmatch(part):
            out.append(part)
        else:
            part = part.replace("<", "&lt;").replace(">", "&gt;") if i % 2 else part
            out.append(re.sub(r"[\\`*_\[\]|{}]|(?<!&)#", _entity, part))  # entities (&#39;) stay
    return Markup("".join(out))


def html_to_text(fragment: str) -> str:
    """The text a reader sees in ``neutralise_html(fragment)``: for tooltips."""
    return html.unescape(_CITEPROC_TAG.sub("", str(neutralise_html(fragment))))


def csv_cell(value):
    """A CSV cell a spreadsheet would read as a formula (first character =, +, -, @, tab or carriage
    return) gets a leading apostrophe, so it stays text (OWASP's rule against CSV injection; README)."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
