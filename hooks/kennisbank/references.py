"""The reference syntax: find it in Markdown, check it, and turn it into links.

    [@key], [@a; @b, p. 12]   parenthetical citation
    @key                      narrative citation
    [tekst](begrip:id)        and principe:, pijler:, mbo:, bron:, interventie:

Links come out as relative Markdown links to the target page's source file, so
MkDocs converts and validates them for the online and the offline build alike.
"""
from __future__ import annotations

import difflib
import functools
import html
import posixpath
import re
from dataclasses import dataclass

from .text import escape_text


KINDS = ("begrip", "principe", "pijler", "mbo", "bron", "interventie", "praktijk")

# Code is never rewritten: fenced blocks and inline code spans are masked first.
_CODE = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<kind>" + "|".join(KINDS) + r"):(?P<id>[^)\s]*)\)")
_BRACKET = re.compile(r"\[(?P<body>@[^\[\]\n]*)\](?!\()")
_ITEM = re.compile(r"^\s*@(?P<key>[a-z][a-z0-9]*)\s*(?:,\s*(?P<locator>[^;]+?))?\s*$")
_NARRATIVE = re.compile(r"(?<![\w@./\[-])@(?P<key>[a-z][a-z0-9]*)\b")
_ANY_CITATION = re.compile(r"\[@|(?<![\w@./\[-])@[a-z]")


@dataclass(frozen=True)
class Ref:
    kind: str
    target: str
    offset: int  # character offset in the text
    locator: str = ""
    malformed: str = ""


def _masked(text: str) -> str:
    """Same length as text, code replaced by spaces so offsets stay valid."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def scan(text: str) -> list[Ref]:
    """Every reference in ``text``, in order."""
    masked = _masked(text)
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []
    for m in _LINK.finditer(masked):
        refs.append(Ref(m["kind"], m["id"], m.start()))
        taken.append(m.span())
    for m in _BRACKET.finditer(masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        taken.append(m.span())
        for item in m["body"].split(";"):
            parsed = _ITEM.match(item)
            if parsed:
                refs.append(Ref("bron", parsed["key"], m.start(), locator=(parsed["locator"] or "").strip()))
            else:
                refs.append(Ref("bron", "", m.start(), malformed=m.group(0)))
    for m in _NARRATIVE.finditer(masked):
        if not any(a <= m.start() < b for a, b in taken):
            refs.append(Ref("bron", m["key"], m.start()))
    return sorted(refs, key=lambda r: r.offset)


_HEADING = re.compile(r"^#{2,6}[ \t]+(?P<title>.+?)[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\}[ \t]*$", re.MULTILINE)


def headings(text: str) -> list[tuple[int, str, str]]:
    """(offset, id, title) of every heading with an explicit id."""
    return [(m.start(), m["id"], m["title"].strip()) for m in _HEADING.finditer(_masked(text))]


def heading_before(found: list[tuple[int, str, str]], offset: int) -> tuple[str, str]:
    before = [(hid, title) for start, hid, title in found if start < offset]
    return before[-1] if before else ("", "")


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def suggest(wrong: str, known) -> str:
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


@functools.lru_cache(maxsize=65536)  # a page links to the same few pages many times; relpath is slow
def _relpath(target: str, start: str) -> str:
    return posixpath.relpath(target, start)


class Resolver:
    """Rewrites the reference syntax of one page, given where targets live."""

    def __init__(self, kb):
        self.kb = kb

    def href(self, page_src: str, target_src: str, anchor: str = "") -> str:
        rel = _relpath(target_src, posixpath.dirname(page_src) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def resolve(self, text: str, page_src: str) -> str:
        code: list[str] = []

        def stash(m: re.Match) -> str:
            code.append(m.group(0))
            return f"\x00{len(code) - 1}\x00"

        text = _CODE.sub(stash, text)
        text = _LINK.sub(lambda m: self._link(m, page_src), text)
        text = _BRACKET.sub(lambda m: self._parenthetical(m, page_src), text)
        text = _NARRATIVE.sub(lambda m: self._narrative(m, page_src), text)
        return re.sub(r"\x00(\d+)\x00", lambda m: code[int(m.group(1))], text)

    # -- pieces ------------------------------------------------------------
    def _link(self, m: re.Match, page_src: str) -> str:
        target = self.kb.target(m["kind"], m["id"])
        if target is None:  # checked before rendering; leave it visible, never silently drop
            return m.group(0)
        src, anchor, title, css = target
        return f'[{m["text"]}]({self.href(page_src, src, anchor)} "{_attr(title)}"){{: .{css} }}'

    def _cite_link(self, key: str, label: str, page_src: str) -> str:
        href = self.href(page_src, self.kb.BRONNEN_SRC, f"ref-{key}")
        return f'[{label}]({href} "{_attr(self.kb.apa.reference_text(key))}"){{: .kb-cite }}'

    def _parenthetical(self, m: re.Match, page_src: str) -> str:
        items = _items(m["body"], self.kb)
        if items is None:
            return m.group(0)
        keys = self.kb.apa.in_order(key for key, _ in items)  # APA orders the works in one citation
        items = sorted(items, key=lambda item: keys.index(item[0]))
        links = [self._cite_link(key, escape_text(self.kb.apa.parenthetical_item(key, loc)), page_src)
                 for key, loc in items]
        return "(" + "; ".join(links) + ")"

    def _narrative(self, m: re.Match, page_src: str) -> str:
        key = m["key"]
        if key not in self.kb.bronnen:
            return m.group(0)
        return self._cite_link(key, escape_text(self.kb.apa.narrative(key)), page_src)


def _items(body: str, kb) -> list[tuple[str, str]] | None:
    """[(key, locator)] of a bracketed citation, or None when a key is unknown or malformed."""
    items = []
    for item in body.split(";"):
        parsed = _ITEM.match(item)
        if not parsed or parsed["key"] not in kb.bronnen:
            return None
        items.append((parsed["key"], (parsed["locator"] or "").strip()))
    return items


def plain(text: str, kb) -> str:
    """Text without reference syntax, for meta descriptions and tooltips: links keep their
    text, citations read as in print ("Durlak et al. (2011)", "(Weare, 2015)")."""
    text = _LINK.sub(lambda m: m["text"], text)

    def bracket(m: re.Match) -> str:
        items = _items(m["body"], kb)
        return kb.apa.parenthetical(items) if items else ""

    text = _BRACKET.sub(bracket, text)
    text = _NARRATIVE.sub(lambda m: kb.apa.narrative(m["key"]) if m["key"] in kb.bronnen else m["key"], text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)  # ordinary links keep their text
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())


def first_paragraph(markdown: str, kb, limit: int = 200) -> str:
    """The first paragraph of running text as plain text, for a page's meta description."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block or block.startswith(("#", "<", "!!!", "-", "*", "|", "```", "{", ">")) or block[0].isdigit():
            continue
        text = html.unescape(plain(block, kb))  # text, not HTML: the caller escapes it for its place
        return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return ""


def _attr(text: str) -> str:
    """A link title from content: stays text in the title attribute (entities pass Markdown as they are)."""
    return str(escape_text(" ".join(text.split())))


_LEFTOVER = re.compile(
    r"\[@[a-z][^\]]{0,40}"                                    # a citation
    r"|\]\((?:" + "|".join(KINDS) + r"):[^)]{0,40}"             # a reference link
    r"|href=\"(?:" + "|".join(KINDS) + r"):[^\"]{0,40}"
    r"|\]\([^)\s]{0,80}\.md(?:#[^)\s]*)?(?:\s\"[^\"]{0,80})?"    # a resolved link Markdown never parsed,
    r"|\{: \.kb-[a-z-]+ \}"                                    # e.g. inside raw HTML without markdown="span"
)


def leftover(html: str) -> list[str]:
    """Reference syntax, or links made from it, still visible as text in rendered HTML (should be none)."""
    return _LEFTOVER.findall(html)
