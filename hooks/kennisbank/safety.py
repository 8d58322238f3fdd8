"""What Markdown from content/ may not contain: anything that loads from another host or runs script.

The site promises that no page loads anything from elsewhere and that content is never code.
Markdown *fields* in YAML files (uitleg, samenvatting, tekst) are short texts: no raw HTML at all.
Markdown *files* (principles, mbo boxes, practice stories) are pages like those in docs/ and may
use HTML for figures and layout, but no script, no frames or embeds, no event attributes, no
javascript:/data: addresses and no image or other resource from another host. Ordinary links to
other sites stay allowed: a link loads nothing until a reader follows it.
"""
from __future__ import annotations

import re

from .errors import Problem
from .model import Origin
from .references import _masked, line_of

_REMOTE = r"(?:https?:)?//"
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?" + _REMOTE, re.IGNORECASE)
_IMAGE_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?" + _REMOTE + r"\S+\.(?:png|jpe?g|gif|svg|webp|avif)\b",
                        re.IGNORECASE | re.MULTILINE)
_BAD_SCHEME = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
_TAG = re.compile(r"<(?!(?:https?|mailto):)[a-zA-Z!/?][^>\n]*>?")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>", re.IGNORECASE)
_FORBIDDEN_TAG = re.compile(r"<\s*(script|style|iframe|frame|frameset|object|embed|applet|link|meta|base|form|"
                            r"input|button|textarea|select|audio|video|source|track|portal)\b", re.IGNORECASE)
_EVENT = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"<[^>]*\s(?:href|src|srcset|action|formaction|poster|data|xlink:href|background)\s*=\s*"
                         r"[\"']?\s*(?:javascript|vbscript|data):", re.IGNORECASE)
_REMOTE_RESOURCE = re.compile(r"<[^>]*\s(?:src|srcset|poster|data|background)\s*=\s*[\"']?\s*" + _REMOTE
                              + r"|url\(\s*[\"']?\s*" + _REMOTE, re.IGNORECASE)


def check(text: str, origin: Origin, html_allowed: bool, key: str = "") -> list[Problem]:
    """Problems with ``text`` (Markdown starting at ``origin``, the value of ``key``), each on its own line."""
    masked = _masked(text)  # code spans and blocks show HTML as text: allowed
    found: list[tuple[int, str]] = []
    for m in _IMAGE.finditer(masked):
        found.append((m.start(), "an image from another host: the site loads nothing from elsewhere; "
                                 "save the image under docs/ and link it with a relative path"))
    for m in _IMAGE_DEF.finditer(masked):
        found.append((m.start(), "an image address on another host: the site loads nothing from elsewhere"))
    for m in _BAD_SCHEME.finditer(masked):
        found.append((m.start(), "a javascript:, data: or file: link: link to a page (https://...) instead"))
    if html_allowed:
        for m in _FORBIDDEN_TAG.finditer(masked):
            found.append((m.start(), f"<{m.group(1).lower()}> is not allowed in content: no script, frames, "
                                     "embeds or forms"))
        for m in _EVENT.finditer(masked):
            found.append((m.start(), f"the attribute {m.group(1)}= runs script: not allowed in content"))
        for m in _SCRIPT_URL.finditer(masked):
            found.append((m.start(), "a javascript: or data: address in HTML: not allowed in content"))
        for m in _REMOTE_RESOURCE.finditer(masked):
            found.append((m.start(), "HTML that loads from another host: the site loads nothing from elsewhere"))
    else:
        without_autolinks = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), masked)
        for m in _TAG.finditer(without_autolinks):
            found.append((m.start(), f"raw HTML {m.group(0)[:30]!r} is not allowed in this field: write Markdown "
                                     "(or &lt; for a < sign)"))
    return [Problem(origin.path, origin.line + line_of(text, offset), key, message)
            for offset, message in sorted(set(found))]
