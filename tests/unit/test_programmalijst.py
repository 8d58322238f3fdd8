"""The programme list's data: facets with explicit 'onbekend', age bands, the five-year facet, search text."""
import json

import pytest

from kennisbank import interventies, load_kennisbank
from support import INTERVENTIE, write


@pytest.mark.parametrize("leeftijd, bands", [
    ("4-12 jaar", ["4-7", "8-11", "12-15"]),
    ("9 tot 13 jaar", ["8-11", "12-15"]),
    ("8 tot 12 jaar", ["8-11"]),  # 'tot' excludes its end
    ("12 tot 16 jaar", ["12-15"]),
    ("4 tot en met 12 jaar", ["4-7", "8-11", "12-15"]),  # 'tot en met' includes it
    ("groep 3 tot en met 8", ["4-7", "8-11"]),
    ("10 t/m 11 jaar", ["8-11"]),
    ("12–18 jaar", ["12-15", "16-plus"]),
    ("16+", ["16-plus"]),
    ("16 jaar en ouder", ["16-plus"]),
    ("12 jaar", ["12-15"]),
    ("groep 1 tot en met 8", ["4-7", "8-11"]),  # groep 1 starts at 4, groep 8 at 11
    ("groep 7-8", ["8-11"]),
    ("klas 1-3, 12 tot 15 jaar", ["12-15"]),  # a school year is not an age
    ("mbo niveau 2", ["onbekend"]),
    ("", ["onbekend"]),
    ("jongeren", ["onbekend"]),
])
def test_age_bands(leeftijd, bands):
    assert interventies.leeftijdsgroepen(leeftijd) == bands


def test_search_text_without_accents_case_or_punctuation():
    assert interventies.zoektekst("Geïndiceerde preventie: Sociaal-emotionele VAARDIGHEDEN") == \
        "geindiceerde preventie sociaal emotionele vaardigheden"


def _data(project):
    kb = load_kennisbank(project)
    payload = interventies.to_js(kb, kb.vandaag)
    return kb, json.loads(payload.removeprefix("window.KB_INTERVENTIES = ").rstrip(";\n"))


def test_rows_carry_current_level_unknown_values_and_searchable_text(project):
    write(project, "content/interventies/taakspel.yml", INTERVENTIE.replace(
        "themas: [gedrag-en-klassenmanagement]", "themas: [pesten-en-conflicten]\nwerkzame_elementen: [Groepsregels]"))
    kb, data = _data(project)
    rows = {r["id"]: r for r in data["rows"]}
    taakspel, geluksvogel = rows["taakspel"], rows["geluksvogel"]
    assert taakspel["f"]["niveau"] == ["sterke-aanwijzingen"]  # the latest dated judgement
    assert geluksvogel["f"]["niveau"] == ["geen"]
    assert geluksvogel["f"]["preventieniveau"] == ["onbekend"] and geluksvogel["f"]["leeftijd"] == ["onbekend"]
    assert taakspel["f"]["onderwijstype"] == ["po"]
    # themes by their label, outcomes and active elements are searchable; accents are gone
    for words in ("pesten en conflicten", "minder probleemgedrag", "groepsregels", "klassenmanagement"):
        assert words in taakspel["t"]
    assert "geluksvogel e" in geluksvogel["t"]
    assert data["labels"]["niveau"]["geen"] == "Geen oordeel gevonden"
    assert data["names"]["ouder-dan-vijf-jaar"] == "Oordeel ouder dan vijf jaar"


def test_five_year_facet(project):
    kb = load_kennisbank(project)
    read = dict((k, fn) for k, _, fn in interventies.FACETS)["ouder-dan-vijf-jaar"]
    taakspel, geluksvogel = kb.interventies["taakspel"], kb.interventies["geluksvogel"]
    kb.vandaag = "2026-06-01"
    assert read(kb, taakspel) == ["nee"]  # 2021-06-01: exactly five years is not older
    kb.vandaag = "2026-06-02"
    assert read(kb, taakspel) == ["ja"]
    assert read(kb, geluksvogel) == ["onbekend"]  # no judgement
    assert interventies.facet_values(kb, "ouder-dan-vijf-jaar") == [
        ("ja", "Ja", 1), ("onbekend", "Onbekend (geen oordeel of geen datum)", 1)]


def test_levels_in_order_whatever_the_ids(project):
    """Recognised levels strongest first, then the others, then 'no judgement'; unknown facet values
    sort after the known ones and 'onbekend' comes last."""
    kb = load_kennisbank(project)
    from kennisbank.model import Niveau
    kb.niveaus["niet-erkend-test"] = Niveau("niet-erkend-test", "Niet erkend", 1, False, "x")
    order = interventies._levels_in_order(kb)
    assert order[0] == "sterke-aanwijzingen" and order[-1] == "geen"
    assert order.index("goed-onderbouwd") < order.index("niet-erkend-test") < order.index("geen")
    assert [v for v, _, _ in interventies.facet_values(kb, "preventieniveau")] == ["universeel", "onbekend"]
