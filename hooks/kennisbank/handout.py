"""Printable one-page handouts for principles and programmes, with a QR code made at build time."""
from __future__ import annotations

import multiprocessing
import re

import segno


def qr_svg(url: str, label: str) -> str:
    """Inline SVG (no image request, no network) that encodes ``url``.

    A fixed mask: choosing the best of eight costs 3 ms a code, 15 s for 5,000 programmes,
    and any mask reads fine (the choice only lowers a penalty score).
    """
    svg = segno.make(url, error="m", mask=0).svg_inline(scale=3, title=label)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def _qr(url: str) -> tuple[str, str]:
    return url, qr_svg(url, f"QR-code met de link {url}")


class QrCodes:
    """QR codes for many addresses, made in a second process while the build goes on.

    Encoding is pure Python, about 1 ms a code: 5 s for 5,000 programmes. MkDocs renders pages
    on one core, so the codes are made on the other one, in the order of the addresses given
    (pass them in page order), and a handout page waits only for its own code. Where processes
    cannot be forked, or for a few codes, they are made on demand.
    """

    MARKER = "<!-- kb:qr -->"

    def __init__(self, urls: list[str]):
        self._codes: dict[str, str] = {}
        self._results = None
        if len(urls) > 50 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = multiprocessing.get_context("fork").Pool(1)
            self._results = self._pool.imap(_qr, urls, chunksize=50)

    def svg(self, url: str) -> str:
        while url not in self._codes and self._results is not None:
            try:
                done, svg = next(self._results)
                self._codes[done] = svg
            except StopIteration:
                self._pool.close()
                self._results = None
        if url not in self._codes:
            self._codes[url] = _qr(url)[1]
        return self._codes[url]


def section(body: str, anchor: str) -> str:
    """The Markdown of the section whose heading has ``{#anchor}``, without the heading."""
    match = re.search(r"^(#{2,6})[^\n]*\{#" + re.escape(anchor) + r"\}[ \t]*\n(.*?)(?=^#{1,6} |\Z)", body,
                      re.MULTILINE | re.DOTALL)
    return match.group(2).strip() if match else ""
