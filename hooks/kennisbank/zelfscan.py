"""The self-scan "Waar staan we?": statements taken from the principles, and the data its script reads.

A statement is one point of a principle's section "Wat betekent dit voor de school?" (heading id
``in-de-praktijk-op-school``), never written separately: when the text changes, the scan changes.
Each statement gets a short key derived from its text, so an address made with an older text can
tell which of its answers no longer belong to a point.

The address of a filled-in scan (built by overrides/assets/javascripts/zelfscan.js) is
``#v=1&t=po&B1=<key><digit><key><digit>...&B2=...``: every principle, every point as its
two-character key and an answer digit (0 open, 1 nog niet, 2 deels, 3 goed geregeld, 4 weet ik
niet). It lives after the ``#``, which a browser never sends to a server.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass

from . import references
from .errors import Problem
from .interventies import ONDERWIJSTYPE, kort_oordeel

SECTIE = "in-de-praktijk-op-school"  # {#id} of "Wat betekent dit voor de school?"
MINIMUM, MAXIMUM = 3, 8  # points per principle the scan asks about
SLEUTEL_LENGTE = 2  # base64url characters: 4,096 values, so a changed point keeps its old key 1 time in 4,096
SRC = "zelfscan/index.md"
DATA_JS = "assets/javascripts/zelfscan-data.js"

# Answers in the order the page shows them; the digit is the position + 1 (0: not answered).
ANTWOORDEN = ("nog niet", "deels", "goed geregeld", "weet ik niet")

_ITEM = re.compile(r"^[-*+][ \t]+")
# A point that is advice rather than a practice a team can rate (a way of looking, a tip for the GGD
# adviser) stays on the principle's page but not in the scan; the comment does not show on the page.
NIET_IN_SCAN = "<!-- niet in zelfscan -->"


@dataclass(frozen=True)
class Stelling:
    """One point of a principle, as a statement of the scan."""

    sleutel: str  # short key from the text; stable while the text stays the same
    tekst: str  # Markdown, as written in the principle
    regel: int  # line in the principle's file


def sleutel(tekst: str, zout: int = 0) -> str:
    """Key of a point: base64url of a hash of its words, so re-wrapping a line keeps it.

    ``zout`` > 0 makes another key for the rare point whose key another point of the same principle has."""
    woorden = " ".join(tekst.split()).casefold() + (f"#{zout}" if zout else "")
    digest = hashlib.sha256(woorden.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:SLEUTEL_LENGTE]


def _sectie(body: str) -> tuple[int, list[str]] | None:
    """(offset of the heading line, lines of the section) or None if the principle has no such section."""
    kop = re.search(r"^(#{2,6})[^\n]*\{#" + re.escape(SECTIE) + r"\}[ \t]*$", body, re.MULTILINE)
    if not kop:
        return None
    rest = body[kop.end():]
    einde = re.search(r"^#{1,%d}[ \t]" % len(kop.group(1)), rest, re.MULTILINE)
    return kop.start(), (rest[: einde.start()] if einde else rest).split("\n")[1:]


def _punten(regels: list[str]) -> list[tuple[int, str]]:
    """(index of the first line, text) of each top-level list item; continuation lines joined."""
    punten: list[tuple[int, list[str]]] = []
    for i, regel in enumerate(regels):
        if _ITEM.match(regel):
            punten.append((i, [_ITEM.sub("", regel)]))
        elif punten and regel.strip() and regel[:1] in " \t":
            punten[-1][1].append(regel.strip())
        elif regel.strip():  # a paragraph after the list ends it
            if punten:
                break
    return [(i, " ".join(delen)) for i, delen in punten]


def stellingen(p) -> list[Stelling]:
    """The statements of a principle, in the order of its text (empty if it has no such section)."""
    gevonden = _sectie(p.body)
    if gevonden is None:
        return []
    start, regels = gevonden
    kopregel = p.origin.line + references.line_of(p.body, start)
    uit: list[Stelling] = []
    for index, tekst in _punten(regels):
        if NIET_IN_SCAN in tekst:
            continue
        zout, key = 0, sleutel(tekst)
        while key in {s.sleutel for s in uit}:
            zout += 1
            key = sleutel(tekst, zout)
        uit.append(Stelling(key, tekst, kopregel + 1 + index))
    return uit


def problemen(kb) -> list[Problem]:
    """What keeps a principle out of the scan, as ``file:line: message`` for its editor."""
    out = []
    for p in kb.alle_principes():
        gevonden = _sectie(p.body)
        if gevonden is None:
            out.append(Problem(p.origin.path, p.origin.line, "", f"no section {{#{SECTIE}}} "
                               "('Wat betekent dit voor de school?'): the self-scan takes its statements from it"))
            continue
        punten = stellingen(p)
        kopregel = p.origin.line + references.line_of(p.body, gevonden[0])
        if not MINIMUM <= len(punten) <= MAXIMUM:
            out.append(Problem(p.origin.path, kopregel, "", f"{len(punten)} points in 'Wat betekent dit voor de "
                               f"school?': the self-scan needs {MINIMUM} to {MAXIMUM}, one practice point each"))
        gezien: dict[str, int] = {}
        for s in punten:
            woorden = " ".join(s.tekst.split()).casefold()
            if woorden in gezien:
                out.append(Problem(p.origin.path, s.regel, "", f"the same point as on line {gezien[woorden]}"))
            gezien.setdefault(woorden, s.regel)
    return out


def data(kb, url) -> dict:
    """What the scan's script needs: pillars, principles with their statements (plain text),
    programmes with their current judgement, and mbo boxes. ``url(src, anchor)`` gives a link
    relative to the scan page."""
    pijlers = []
    for pijler in kb.pijlers_op_volgorde():
        principes = []
        for p in kb.principes_van(pijler.id):
            kaders = [(k, p.src) for k in kb.kaders_bij(p.id)] + [(k, pijler.src) for k in kb.kaders_bij(pijler.id)]
            principes.append({
                "code": p.nummer, "titel": p.titel, "kort": references.plain(p.kort, kb), "url": url(p.src, ""),
                "punten": [{"k": s.sleutel, "t": references.plain(s.tekst, kb)} for s in stellingen(p)],
                # worded as on the principle pages; who judged it is on the programme's page, one click away
                "programmas": [dict(naam=i.naam, url=url(i.src, ""), types=list(i.onderwijstype),
                                    oordeel=kort_oordeel(kb, i))
                               for i in kb.interventies_bij(p.id)],
                "mbo": [{"titel": k.titel, "url": url(src, k.anchor)} for k, src in kaders],
            })
        pijlers.append({"id": pijler.id, "titel": pijler.titel, "principes": principes})
    return {"antwoorden": list(ANTWOORDEN), "types": ONDERWIJSTYPE, "pijlers": pijlers}


def to_js(kb, url) -> str:
    """The data as a script (no fetch, so the scan works from file:// too)."""
    payload = json.dumps(data(kb, url), ensure_ascii=False, separators=(",", ":"))
    return f"window.KB_ZELFSCAN = {payload};\n"
