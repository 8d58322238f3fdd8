"""The bibliography as open data: CSL-JSON (for Zotero and citeproc) and BibTeX."""
from __future__ import annotations

import json
import re

from .cite import csl_item

# CSL type -> BibTeX entry type
BIBTEX_TYPE = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
               "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "report": "techreport",
               "thesis": "phdthesis", "webpage": "misc", "post-weblog": "misc", "legislation": "misc",
               "document": "misc", "dataset": "misc", "standard": "misc", "article": "misc"}
_SPECIAL = re.compile(r"([&%$#_{}])")


def to_csl_json(kb) -> str:
    """Every source in APA order, as CSL-JSON; incomplete ones say so in ``note``."""
    items = []
    for key in kb.apa.order():
        bron = kb.bronnen[key]
        item = csl_item(bron)
        if not bron.volledig:
            item["note"] = "Onvolledige bronvermelding: alleen de ingevulde velden zijn nagekeken."
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
        if not kb.bronnen[key].volledig:
            fields.append(("note", "{Onvolledige bronvermelding}"))
        body = ",\n".join(f"  {name} = {value}" for name, value in fields)
        entries.append(f"@{BIBTEX_TYPE.get(csl['type'], 'misc')}{{{key},\n{body}\n}}")
    return "% Bronnen van de Kennisbank Welbevinden op School (UTF-8)\n\n" + "\n\n".join(entries) + "\n"
