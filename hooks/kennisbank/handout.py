"""Printable one-page handouts for principles and programmes, with a QR code made at build time."""
from __future__ import annotations

import re

import segno


def qr_svg(url: str, label: str) -> str:
    """Inline SVG (no image request, no network) that encodes ``url``.

    A fixed mask: choosing the best of eight costs 3 ms a code, 15 s for 5,000 programmes,
    and any mask reads fine (the choice only lowers a penalty score).
    """
    svg = segno.make(url, error="m", mask=0).svg_inline(scale=3, title=label)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def section(body: str, anchor: str) -> str:
    """The Markdown of the section whose heading has ``{#anchor}``, without the heading."""
    match = re.search(r"^(#{2,6})[^\n]*\{#" + re.escape(anchor) + r"\}[ \t]*\n(.*?)(?=^#{1,6} |\Z)", body,
                      re.MULTILINE | re.DOTALL)
    return match.group(2).strip() if match else ""
