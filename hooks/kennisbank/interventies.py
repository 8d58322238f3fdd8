"""The intervention database: facets for the list, and rows for the open-data exports."""
from __future__ import annotations

import csv
import io
import json

from .text import csv_cell

# Facets of the list page, in order: (query-string key, label, how to read the values of a programme).
FACETS = (
    ("niveau", "Erkenning", lambda kb, i: [i.oordeel.niveau] if i.oordeel else ["geen"]),
    ("onderwijstype", "Onderwijstype", lambda kb, i: list(i.onderwijstype)),
    ("preventieniveau", "Preventieniveau", lambda kb, i: list(i.preventieniveau)),
    ("pijler", "Pijler", lambda kb, i: list(i.pijlers)),
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
RESULTAAT = {"positief": "positief effect", "geen-effect": "geen effect", "onduidelijk": "onduidelijk",
             "alleen-subgroep": "alleen voor een deelgroep"}


def value_label(kb, facet: str, value: str) -> str:
    if facet == "niveau":
        return kb.niveaus[value].label if value in kb.niveaus else "Geen erkenning bekend"
    if facet == "pijler":
        return kb.pijlers[value].titel if value in kb.pijlers else value
    table = {"onderwijstype": ONDERWIJSTYPE, "preventieniveau": PREVENTIENIVEAU, "categorie": CATEGORIE}.get(facet, {})
    return table.get(value, value.replace("-", " ").capitalize())


def facet_values(kb, facet: str) -> list[tuple[str, str, int]]:
    """(value, label, number of programmes) for one facet, in a stable, meaningful order."""
    read = dict((key, fn) for key, _, fn in FACETS)[facet]
    counts: dict[str, int] = {}
    for i in kb.interventies.values():
        for v in read(kb, i):
            counts[v] = counts.get(v, 0) + 1
    if facet == "niveau":
        order = [n.id for n in reversed(kb.niveaus_op_rang())] + ["geen"]
    elif facet == "pijler":
        order = [p.id for p in kb.pijlers_op_volgorde()]
    else:
        order = sorted(counts)
    return [(v, value_label(kb, facet, v), counts[v]) for v in order if v in counts]


def record(kb, i, vandaag: str) -> dict:
    """One programme as plain data: the JS data file and the JSON export share this shape."""
    oordeel = i.oordeel
    return {
        "id": i.id,
        "naam": i.naam,
        "url": f"interventies/{i.id}/",
        "samenvatting": i.samenvatting.strip(),
        "doelgroep": i.doelgroep,
        "onderwijstype": list(i.onderwijstype),
        "leeftijd": i.leeftijd,
        "preventieniveau": list(i.preventieniveau),
        "categorie": list(i.categorie),
        "pijlers": list(i.pijlers),
        "principes": [kb.principes[p].nummer for p in i.principes if p in kb.principes],
        "themas": list(i.themas),
        "niveau": oordeel.niveau if oordeel else None,
        "niveau_label": kb.niveaus[oordeel.niveau].label if oordeel else None,
        "erkenning": [
            {"niveau": e.niveau, "niveau_label": kb.niveaus[e.niveau].label, "formulering": e.formulering,
             "beoordeeld_door": e.beoordeeld_door, "datum": e.datum or None, "geldig_tot": e.geldig_tot or None,
             "verlopen": e.verlopen(vandaag), "uitkomst": e.uitkomst or None, "bron": e.bron}
            for e in i.erkenning],
        "uitkomsten": [{"uitkomst": u.uitkomst, "resultaat": u.resultaat, "bron": u.bron or None} for u in i.uitkomsten],
        "werkzame_elementen": list(i.werkzame_elementen),
        "bronnen": list(i.bronnen),
        "genoemd_in": list(i.genoemd_in),
        "laatst_gecontroleerd": i.laatst_gecontroleerd,
    }


def to_json(kb, vandaag: str) -> str:
    data = {"beschrijving": "Programma's voor welbevinden op school uit de Kennisbank Welbevinden op School",
            "velden": "zie de pagina Programma's en interventies, kopje Open data",
            "niveaus": [{"id": n.id, "label": n.label, "rang": n.rang, "effectief": n.effectief} for n in kb.niveaus_op_rang()],
            "interventies": [record(kb, i, vandaag) for i in kb.alle_interventies()]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("id", "naam", "niveau", "niveau_label", "formulering", "beoordeeld_door", "datum", "geldig_tot",
               "onderwijstype", "preventieniveau", "categorie", "pijlers", "principes", "themas", "leeftijd",
               "doelgroep", "samenvatting", "laatst_gecontroleerd", "url")


def to_csv(kb, vandaag: str) -> str:
    """One row per programme with its most recent judgement; several values joined by '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for i in kb.alle_interventies():
        current = i.oordeel
        row = dict(record(kb, i, vandaag), formulering=current.formulering if current else "",
                   beoordeeld_door=current.beoordeeld_door if current else "",
                   datum=current.datum if current else "", geldig_tot=current.geldig_tot if current else "")
        writer.writerow([csv_cell("; ".join(v) if isinstance(v, list) else ("" if v is None else v))
                         for v in (row[c] for c in CSV_COLUMNS)])
    return out.getvalue()


def to_js(kb, vandaag: str) -> str:
    """The list page's data, as a script (no fetch, so it works from file:// too).

    Each row carries its facet values and one lower-case text to search in; the table rows
    themselves are in the page, so the list also works without JavaScript.
    """
    rows = []
    for i in kb.alle_interventies():
        oordeel = i.oordeel
        text = " ".join([i.naam, *i.ook_bekend_als, i.samenvatting, i.doelgroep,
                         kb.niveaus[oordeel.niveau].label if oordeel else ""])
        rows.append({"id": i.id, "t": " ".join(text.casefold().split()),
                     "f": {key: read(kb, i) for key, _, read in FACETS}})
    labels = {key: {v: label for v, label, _ in facet_values(kb, key)} for key, _, _ in FACETS}
    payload = json.dumps({"facets": [k for k, _, _ in FACETS], "labels": labels, "rows": rows},
                         ensure_ascii=False, separators=(",", ":"))
    return f"window.KB_INTERVENTIES = {payload};\n"
