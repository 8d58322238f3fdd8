"""The bibliography as open data: CSL-JSON (for Zotero and citeproc) and BibTeX.

The CSL-JSON carries everything /bronnen/ shows (checked against citeproc-js in
tests/site/test_citeproc_js.py):

- ``language``: the language of the title (``en``, ``nl``); left out for a work without a title;
- ``year-suffix``: the letter the text uses (2023a, z.d.-a), a CSL variable citeproc-js does not
  read as input (it assigns its own);
- ``custom`` (CSL-JSON 1.0.2, for data without a CSL field): ``volledig`` (false: only the filled
  fields were checked, or the match is uncertain) and ``et-al`` (true: the sources cite the work
  with "et al.", so there are authors after the ones listed whose names are still unknown);
- ``note``: the same in words, for programs that show only the note (Zotero: "Extra").
"""
from __future__ import annotations

import json
import re

from .cite import csl_item

NOTE_INCOMPLETE = "Onvolledige bronvermelding: alleen de ingevulde velden zijn nagekeken."
NOTE_ET_AL = "De bronnen citeren dit werk met 'et al.': er zijn meer auteurs, hun namen zijn nog onbekend."

# CSL type -> BibTeX entry type
BIBTEX_TYPE = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
               "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "report": "techreport",
               "thesis": "phdthesis", "webpage": "misc", "post-weblog": "misc", "legislation": "misc",
               "document": "misc", "dataset": "misc", "standard": "misc", "article": "misc"}
# Fields BibTeX requires per entry type (btxdoc); an entry that lacks one is exported as @misc.
REQUIRED = {"article": ("author", "title", "journal", "year"), "book": ("author|editor", "title", "publisher", "year"),
            "incollection": ("author", "title", "booktitle", "publisher", "year"),
            "inproceedings": ("author", "title", "booktitle", "year"),
            "techreport": ("author", "title", "institution", "year"), "phdthesis": ("author", "title", "school", "year"),
            "misc": ()}
_SPECIAL = re.compile(r"([&%$#_{}])")


def language_of(bron) -> str:
    """The language of a work's title: as given, else Dutch; unknown ("") for a work without title."""
    return bron.csl.get("language", "nl") if "title" in bron.csl else ""


def to_csl_json(kb) -> str:
    """Every source in APA order, as CSL-JSON (see the module docstring for our extra fields)."""
    items = []
    for key in kb.apa.order():
        bron = kb.bronnen[key]
        item = csl_item(bron)
        item.pop("note", None)  # our notes are verification remarks for editors, not for readers
        item.pop("language", None)
        if language_of(bron):
            item["language"] = language_of(bron)
        if bron.csl.get("jaar_suffix"):
            item["year-suffix"] = bron.csl["jaar_suffix"]
        item["custom"] = {"volledig": bron.volledig, **({"et-al": True} if bron.csl.get("et_al") else {})}
        notes = [NOTE_INCOMPLETE] * (not bron.volledig) + [NOTE_ET_AL] * bool(bron.csl.get("et_al"))
        if notes:
            item["note"] = " ".join(notes)
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _braced(text: str) -> str:
    return "{" + _SPECIAL.sub(r"\\\1", text).replace("\u2013", "--") + "}"


def _names(people: list[dict]) -> str:
    names = []
    for p in people:
        if "literal" in p:
            names.append("{" + _SPECIAL.sub(r"\\\1", p["literal"]) + "}")  # corporate author: one unit
        else:
            family = _SPECIAL.sub(r"\\\1", " ".join(x for x in (p.get("non-dropping-particle"), p["family"]) if x))
            names.append(f"{{{family}}}, {p['given']}" if p.get("given") else f"{{{family}}}")
    return " and ".join(names)


def to_bibtex(kb) -> str:
    entries = []
    for key in kb.apa.order():
        csl = kb.bronnen[key].csl
        fields = []
        entry_type = BIBTEX_TYPE.get(csl["type"], "misc")
        if csl.get("author"):
            fields.append(("author", "{" + _names(csl["author"]) + (" and others" if csl.get("et_al") else "") + "}"))
        if csl.get("editor"):
            fields.append(("editor", "{" + _names(csl["editor"]) + "}"))
        parts = (csl.get("issued") or {}).get("date-parts") or []
        if parts and parts[0]:
            fields.append(("year", f"{{{parts[0][0]}}}"))
        mapping = [("title", "title"), ("volume", "volume"), ("issue", "number"), ("page", "pages"),
                   ("publisher", "publisher"), ("publisher-place", "address"), ("DOI", "doi"), ("URL", "url")]
        if "container-title" in csl:
            mapping.insert(1, ("container-title", "booktitle" if csl["type"] in ("chapter", "paper-conference")
                               else "journal"))
        for source, target in mapping:
            if source in csl:
                value = str(csl[source])
                fields.append((target, "{" + value + "}" if target in ("doi", "url") else _braced(value)))
        if entry_type == "phdthesis" and csl.get("publisher"):
            fields.append(("school", _braced(csl["publisher"])))
        if entry_type == "techreport":  # required field: the publishing organisation, or else the author
            institution = csl.get("publisher") or next((p["literal"] for p in csl.get("author", []) if "literal" in p), "")
            if institution:
                fields.append(("institution", _braced(institution)))
        if language_of(kb.bronnen[key]):  # biblatex's field; BibTeX ignores it
            fields.append(("langid", "{" + {"en": "english", "nl": "dutch"}.get(language_of(kb.bronnen[key]), "") + "}"))
        if not kb.bronnen[key].volledig:
            fields.append(("note", "{Onvolledige bronvermelding}"))
        present = {name for name, _ in fields}
        if not all(set(need.split("|")) & present for need in REQUIRED[entry_type]):
            entry_type = "misc"  # e.g. an incomplete article without journal: valid as @misc
            fields = [("howpublished", value) if name in ("journal", "booktitle") else (name, value)
                      for name, value in fields if name not in ("institution", "school")]
        body = ",\n".join(f"  {name} = {value}" for name, value in fields)
        entries.append(f"@{entry_type}{{{key},\n{body}\n}}")
    return "% Bronnen van de Kennisbank Welbevinden op School (UTF-8)\n\n" + "\n\n".join(entries) + "\n"
