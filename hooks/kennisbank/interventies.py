"""The intervention database: facets for the list, and rows for the open-data exports."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

from .datums import nl_datum
from .references import plain
from .text import csv_cell

ONBEKEND = "onbekend"  # the explicit value of a facet a record says nothing about: filterable, never hidden
GEEN_PIJLER = "Geen pijler toegekend"  # no source or editor linked the programme to a pillar yet
GEEN_OORDEEL = "geen"  # no judgement at all (the id stays: the matrix links to ?niveau=geen)


def _of_onbekend(values) -> list[str]:
    return list(values) or [ONBEKEND]


def _ouder_dan_vijf_jaar(kb, i) -> list[str]:
    """'ja' or 'nee' for the current judgement; 'onbekend' when there is none, or it has no date and its
    source does not say."""
    oud = i.oordeel.ouder_dan_vijf_jaar(kb.vandaag) if i.oordeel else None
    return [ONBEKEND if oud is None else "ja" if oud else "nee"]


# Age bands (first and last age in years, inclusive); a programme is in every band its ages touch.
LEEFTIJDSGROEPEN = (("0-3", 0, 3, "Jonger dan 4 jaar"), ("4-7", 4, 7, "4 tot 8 jaar"), ("8-11", 8, 11, "8 tot 12 jaar"),
                    ("12-15", 12, 15, "12 tot 16 jaar"), ("16-plus", 16, 200, "16 jaar en ouder"))
_RANGE = re.compile(r"(?P<groep>groep(?:en)?\s*)?(?P<van>\d{1,2})(?:\s*(?P<sep>-|–|tot en met|t/m|tot)\s*(?P<tot>\d{1,2}))?"
                    r"\s*(?P<plus>\+|jaar en ouder|en ouder)?(?P<jaar>\s*jaar)?")


def leeftijdsgroepen(leeftijd: str) -> list[str]:
    """Bands for a free-text age such as '4-12 jaar', '9 tot 13 jaar' (to 12), '4 tot en met 12 jaar', '16+'
    or 'groep 5 tot en met 8' (groep n: age n+3 at the start of the year). Numbers that are not ages ('klas 1-3') are ignored; no
    age at all gives 'onbekend'."""
    bands: list[str] = []
    for m in _RANGE.finditer((leeftijd or "").casefold()):
        if not (m["groep"] or m["plus"] or m["jaar"]):
            continue  # a number that is not an age: 'klas 1-3', 'niveau 2'
        van = int(m["van"])
        tot = int(m["tot"]) if m["tot"] else (200 if m["plus"] else van)
        if m["sep"] == "tot":  # Dutch 'tot' excludes its end ('8 tot 12 jaar': up to 11); 'tot en met' includes it
            tot -= 1
        if m["groep"]:  # groep 1 starts at 4; the age at the start of the school year
            van, tot = van + 3, (tot + 3 if tot < 200 else tot)
        if tot < van:
            continue
        bands += [key for key, lo, hi, _ in LEEFTIJDSGROEPEN if van <= hi and tot >= lo and key not in bands]
    return [key for key, *_ in LEEFTIJDSGROEPEN if key in bands] or [ONBEKEND]


# Facets of the list page, in order: (query-string key, label, how to read the values of a programme).
# Current level = the current judgement (Interventie.oordeel). Facets where a record may say nothing
# get the explicit value 'onbekend', so choosing a value never hides a programme without saying so.
FACETS = (
    ("niveau", "Huidig oordeel", lambda kb, i: [i.oordeel.niveau] if i.oordeel else [GEEN_OORDEEL]),
    ("ouder-dan-vijf-jaar", "Oordeel ouder dan vijf jaar", _ouder_dan_vijf_jaar),
    ("onderwijstype", "Onderwijstype", lambda kb, i: _of_onbekend(i.onderwijstype)),
    ("leeftijd", "Leeftijd", lambda kb, i: leeftijdsgroepen(i.leeftijd)),
    ("preventieniveau", "Preventieniveau", lambda kb, i: _of_onbekend(i.preventieniveau)),
    ("pijler", "Pijler", lambda kb, i: _of_onbekend(i.pijlers)),
    ("thema", "Thema", lambda kb, i: list(i.themas)),
    ("categorie", "Soort programma", lambda kb, i: list(i.categorie)),
)

ONDERWIJSTYPE = {"po": "Primair onderwijs (po)", "vo": "Voortgezet onderwijs (vo)", "mbo": "Middelbaar beroepsonderwijs (mbo)",
                 "so": "Speciaal onderwijs (so)"}
PREVENTIENIVEAU = {"universeel": "Universeel", "selectief": "Selectief", "geindiceerd": "Geïndiceerd"}
PREVENTIE_BEGRIP = {"universeel": "universele-preventie", "selectief": "selectieve-preventie",
                    "geindiceerd": "geindiceerde-preventie"}  # glossary ids
CATEGORIE = {"betrokkenheid-leraren-ouders": "Met leraren en ouders", "mindfulness-stressmanagement": "Mindfulness en stressmanagement",
             "peer-mediation": "Peer mediation", "integrale-aanpak": "Integrale aanpak"}
# Theme ids are free (schema: a slug); these are the known ones spelled as Dutch writes them.
THEMA = {"angst-en-depressie": "Angst en depressie", "gedrag-en-klassenmanagement": "Gedrag en klassenmanagement",
         "pesten-en-conflicten": "Pesten en conflicten", "schoolklimaat": "Schoolklimaat",
         "sociaal-emotionele-vaardigheden": "Sociaal-emotionele vaardigheden", "weerbaarheid": "Weerbaarheid"}
OUDER_DAN_VIJF_JAAR = {"ja": "Ja", "nee": "Nee", ONBEKEND: "Onbekend (geen oordeel of geen datum)"}
LEEFTIJD = {key: label for key, _, _, label in LEEFTIJDSGROEPEN}
RESULTAAT = {"positief": "positief effect", "geen-effect": "geen effect", "onduidelijk": "onduidelijk",
             "alleen-subgroep": "alleen voor een deelgroep"}


def value_label(kb, facet: str, value: str) -> str:
    if facet == "niveau":
        return kb.niveaus[value].label if value in kb.niveaus else "Geen oordeel gevonden"
    if facet == "pijler":
        return kb.pijlers[value].titel if value in kb.pijlers else GEEN_PIJLER if value == ONBEKEND else value
    table = {"onderwijstype": ONDERWIJSTYPE, "preventieniveau": PREVENTIENIVEAU, "categorie": CATEGORIE, "thema": THEMA,
             "ouder-dan-vijf-jaar": OUDER_DAN_VIJF_JAAR, "leeftijd": LEEFTIJD}.get(facet, {})
    if value == ONBEKEND and value not in table:
        return "Onbekend"
    return table.get(value, value.replace("-", " ").capitalize())


def _levels_in_order(kb) -> list[str]:
    """Levels that say a programme works, strongest first, then the others (highest rank first), then
    'no judgement': whatever ids content/erkenningsniveaus.yml defines."""
    levels = list(reversed(kb.niveaus_op_rang()))  # on equal rank, the level listed first in the file comes last
    levels.sort(key=lambda n: not n.effectief)  # stable: keeps the rank order within each group
    return [n.id for n in levels] + [GEEN_OORDEEL]


def facet_values(kb, facet: str) -> list[tuple[str, str, int]]:
    """(value, label, number of programmes) for one facet, in a stable, meaningful order; 'onbekend' last."""
    read = dict((key, fn) for key, _, fn in FACETS)[facet]
    counts: dict[str, int] = {}
    for i in kb.interventies.values():
        for v in read(kb, i):
            counts[v] = counts.get(v, 0) + 1
    if facet == "niveau":
        order = _levels_in_order(kb)
    elif facet == "pijler":
        order = [p.id for p in kb.pijlers_op_volgorde()]
    elif facet == "leeftijd":
        order = [key for key, *_ in LEEFTIJDSGROEPEN]
    elif facet == "ouder-dan-vijf-jaar":
        order = ["ja", "nee"]
    elif facet == "onderwijstype":
        order = list(ONDERWIJSTYPE)
    elif facet == "preventieniveau":
        order = list(PREVENTIENIVEAU)
    else:
        order = sorted(counts, key=lambda v: value_label(kb, facet, v).casefold())
    order += sorted(v for v in counts if v not in order and v != ONBEKEND) + [ONBEKEND]
    return [(v, value_label(kb, facet, v), counts[v]) for v in order if v in counts]


def zoektekst(text: str) -> str:
    """Text as the list's search compares it: without accents, case-folded, punctuation as spaces.
    interventies.js normalises what the reader types the same way (NFD, marks removed)."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def kort_oordeel(kb, i) -> str:
    """The current judgement in one line, as principle pages, mbo boxes and the self-scan list it:
    'Effectief volgens goede aanwijzingen (oordeel van 6 oktober 2016, ouder dan vijf jaar)'."""
    o = i.oordeel
    if o is None:
        return "Geen oordeel gevonden"
    delen = [f"oordeel van {nl_datum(o.datum)}" if o.datum else "zonder datum"]
    delen += ["ouder dan vijf jaar"] if o.ouder_dan_vijf_jaar(kb.vandaag) else []
    delen += ["afgeleid"] if o.afgeleid else []
    return f"{kb.niveaus[o.niveau].label} ({', '.join(delen)})"


def zoekvelden(kb, i) -> list[str]:
    """What the text search looks in: name, other names, summary, themes (their labels), target group,
    outcomes and active elements."""
    # Markdown fields as the reader sees them: "begrip:" links and citation keys are not words to find
    return [i.naam, *i.ook_bekend_als, plain(i.samenvatting, kb), *(value_label(kb, "thema", t) for t in i.themas),
            i.doelgroep, *(u.uitkomst for u in i.uitkomsten), *(plain(w, kb) for w in i.werkzame_elementen)]


def record(kb, i, vandaag: str) -> dict:
    """One programme as plain data: the JS data file and the JSON export share this shape."""
    oordeel = i.oordeel
    return {
        "id": i.id,
        "naam": i.naam,
        "url": f"interventies/{i.id}/",
        "samenvatting": plain(i.samenvatting, kb),  # the site's reference syntax means nothing outside it
        "doelgroep": i.doelgroep,
        "onderwijstype": list(i.onderwijstype),
        "leeftijd": i.leeftijd,
        "preventieniveau": list(i.preventieniveau),
        "categorie": list(i.categorie),
        "pijlers": list(i.pijlers),
        "principes": [kb.principes[p].nummer for p in i.principes if p in kb.principes],
        "themas": list(i.themas),
        # the current judgement (the latest dated one), flattened for filters and spreadsheets
        "niveau": oordeel.niveau if oordeel else None,
        "niveau_label": kb.niveaus[oordeel.niveau].label if oordeel else None,
        "datum": (oordeel.datum or None) if oordeel else None,
        "ouder_dan_vijf_jaar": oordeel.ouder_dan_vijf_jaar(vandaag) if oordeel else None,  # None: unknown
        "afgeleid": bool(oordeel and oordeel.afgeleid),
        "erkenning": [_oordeel(kb, e, vandaag) for e in i.oordelen],  # current first
        "uitkomsten": [{"uitkomst": u.uitkomst, "resultaat": u.resultaat, "bron": u.bron or None} for u in i.uitkomsten],
        "werkzame_elementen": [plain(w, kb) for w in i.werkzame_elementen],
        "bronnen": list(i.bronnen),
        "genoemd_in": list(i.genoemd_in),
        "laatst_gecontroleerd": i.laatst_gecontroleerd,
    }


def _oordeel(kb, e, vandaag: str) -> dict:
    bron = kb.bronnen.get(e.bron)
    return {"niveau": e.niveau, "niveau_label": kb.niveaus[e.niveau].label, "formulering": e.formulering,
            "beoordeeld_door": e.beoordeeld_door or None, "datum": e.datum or None, "datum_onbekend": e.datum_onbekend,
            "ouder_dan_vijf_jaar": e.ouder_dan_vijf_jaar(vandaag), "afgeleid": e.afgeleid or None,
            "geldig_tot": e.geldig_tot or None, "verlopen": e.verlopen(vandaag), "uitkomst": e.uitkomst or None,
            "bron": e.bron, "bron_url": bron.csl.get("URL") if bron else None}


def veranderingen(kb) -> list[tuple]:
    """(programme, the factsheet's judgement, the latest registry judgement) where the registry's level
    differs from the factsheet's, by name: what a reader of the factsheet should no longer believe."""
    out = []
    for i in kb.alle_interventies():
        factsheet, register = i.oordeel_uit("002"), i.registeroordeel
        if factsheet and register and register.niveau != factsheet.niveau:
            out.append((i, factsheet, register))
    return out


def to_json(kb, vandaag: str) -> str:
    data = {"beschrijving": "Programma's voor welbevinden op school uit de Kennisbank Welbevinden op School",
            "velden": "zie de pagina Programma's en interventies, kopje Open data",
            "niveaus": [{"id": n.id, "label": n.label, "rang": n.rang, "effectief": n.effectief} for n in kb.niveaus_op_rang()],
            "interventies": [record(kb, i, vandaag) for i in kb.alle_interventies()]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("id", "naam", "niveau", "niveau_label", "formulering", "beoordeeld_door", "datum",
               "ouder_dan_vijf_jaar", "afgeleid", "geldig_tot", "bron", "bron_url", "onderwijstype", "preventieniveau", "categorie", "pijlers", "principes", "themas", "leeftijd",
               "doelgroep", "samenvatting", "laatst_gecontroleerd", "url")


def to_csv(kb, vandaag: str) -> str:
    """One row per programme with its most recent judgement; several values joined by '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for i in kb.alle_interventies():
        current = i.oordeel
        row = record(kb, i, vandaag)
        row.update({k: row["erkenning"][0][k] if current else "" for k in
                    ("formulering", "beoordeeld_door", "geldig_tot", "bron", "bron_url")})
        writer.writerow([csv_cell(_cell(row[c], c)) for c in CSV_COLUMNS])
    return out.getvalue()


def _cell(value, column: str = "") -> str:
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if value is None and column == "ouder_dan_vijf_jaar":
        return "onbekend"  # an empty cell would read as 'no' in a filtered spreadsheet
    return "" if value is None else value


def to_js(kb, vandaag: str) -> str:
    """The list page's data, as a script (no fetch, so it works from file:// too).

    Each row carries its facet values and one normalised text to search in (zoektekst); the table
    rows themselves are in the page, so the list also works without JavaScript.
    """
    rows = [{"id": i.id, "t": zoektekst(" ".join(zoekvelden(kb, i))),
             "f": {key: read(kb, i) for key, _, read in FACETS}}
            for i in kb.alle_interventies()]
    labels = {key: {v: label for v, label, _ in facet_values(kb, key)} for key, _, _ in FACETS}
    payload = json.dumps({"facets": [k for k, _, _ in FACETS], "names": {k: label for k, label, _ in FACETS},
                          "labels": labels, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    return f"window.KB_INTERVENTIES = {payload};\n"
