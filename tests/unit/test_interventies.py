"""The intervention database: checks with lines, judgements, exports."""
import csv
import io
import json

import pytest

from kennisbank import ContentError, interventies, load_kennisbank
from support import INTERVENTIE, write


def problems(root):
    with pytest.raises(ContentError) as info:
        load_kennisbank(root)
    return [str(p) for p in info.value.problems]


def test_unknown_level_principle_bad_date_and_source_all_at_once(project):
    bad = (INTERVENTIE.replace("niveau: sterke-aanwijzingen", "niveau: sterk")
           .replace("principes: [veilig-klimaat]", "principes: [veilig-klimat]")
           .replace('datum: "2021-06-01"', 'datum: "2021-13-01"')
           .replace("bron: registerzd", "bron: registerzx"))
    write(project, "content/interventies/taakspel.yml", bad)
    assert problems(project) == [
        "content/interventies/taakspel.yml:9: principes[0]: unknown principle id 'veilig-klimat' (did you mean 'veilig-klimaat'?)",
        "content/interventies/taakspel.yml:22: erkenning[1].niveau: 'sterk' is not one of: niet-erkend, goed-beschreven, goed-onderbouwd, "
        "eerste-aanwijzingen, goede-aanwijzingen, sterke-aanwijzingen",
        "content/interventies/taakspel.yml:25: erkenning[1].datum: '2021-13-01' is not a real date",
        "content/interventies/taakspel.yml:26: erkenning[1].bron: unknown source 'registerzx': a citation key or one of "
        "001, 002, 003, 004 (did you mean 'registerzd'?)",
    ]


def test_schema_errors_in_a_record(project):
    write(project, "content/interventies/taakspel.yml",
          INTERVENTIE.replace("onderwijstype: [po]", "onderwijstype: [hbo]").replace('datum: "2015"', "datum: gisteren"))
    assert problems(project) == [
        "content/interventies/taakspel.yml:5: onderwijstype[0]: 'hbo' is not one of: po, vo, mbo, so",
        "content/interventies/taakspel.yml:19: erkenning[0].datum: 'gisteren' does not match the pattern "
        "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
    ]


def test_duplicate_id(project):
    write(project, "content/interventies/taakspel-kopie.yml", INTERVENTIE)
    assert problems(project) == [
        "content/interventies/taakspel-kopie.yml:1: id: id 'taakspel' must equal the file name 'taakspel-kopie': "
        "duplicate id, content/interventies/taakspel.yml has it already"]


def test_latest_judgement_and_expiry(project):
    kb = load_kennisbank(project)
    taakspel = kb.interventies["taakspel"]
    assert taakspel.oordeel.niveau == "sterke-aanwijzingen"
    old, new = taakspel.erkenning
    assert old.verlopen("2026-11-25") and not new.verlopen("2026-11-25")
    assert not old.verlopen("2019-12-31")


def test_json_export(project):
    kb = load_kennisbank(project)
    data = json.loads(interventies.to_json(kb, "2026-11-25"))
    records = {r["id"]: r for r in data["interventies"]}
    assert set(records) == {"taakspel", "geluksvogel"}
    assert records["taakspel"]["niveau"] == "sterke-aanwijzingen"
    assert records["taakspel"]["principes"] == ["B1"]
    assert [e["verlopen"] for e in records["taakspel"]["erkenning"]] == [False, True]  # current first
    assert records["geluksvogel"]["naam"] == "Geluksvogel ë" and records["geluksvogel"]["niveau"] is None


def test_csv_export_is_utf8_with_one_row_per_programme(project):
    kb = load_kennisbank(project)
    text = interventies.to_csv(kb, "2026-11-25")
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8"))))
    assert [r["id"] for r in rows] == ["geluksvogel", "taakspel"]
    assert rows[0]["samenvatting"].startswith('Een programma voor het mbo met een naam die "aanhalingstekens", komma')
    assert rows[1]["niveau_label"] == "Effectief volgens sterke aanwijzingen"
    assert rows[1]["formulering"] == "effectief volgens sterke aanwijzingen" and rows[1]["datum"] == "2021-06-01"
    assert rows[1]["themas"] == "gedrag-en-klassenmanagement"


def test_facet_counts(project):
    kb = load_kennisbank(project)
    assert interventies.facet_values(kb, "niveau") == [
        ("sterke-aanwijzingen", "Effectief volgens sterke aanwijzingen", 1), ("geen", "Geen oordeel gevonden", 1)]
    assert interventies.facet_values(kb, "onderwijstype") == [
        ("po", "Primair onderwijs (po)", 1), ("mbo", "Middelbaar beroepsonderwijs (mbo)", 1)]


def test_an_empty_or_list_shaped_record_is_reported_not_skipped(project):
    write(project, "content/interventies/leeg.yml", "")
    write(project, "content/interventies/lijst.yml", "- id: lijst\n")
    assert problems(project) == ["content/interventies/leeg.yml:1: the file is empty",
                                 "content/interventies/lijst.yml:1: expected a mapping of keys"]


def _e(datum="", niveau="goed-onderbouwd"):
    from kennisbank.model import Erkenning
    return Erkenning(niveau=niveau, formulering="x", beoordeeld_door="x", bron="x", datum=datum)


def test_current_judgement_is_latest_dated_with_ties_and_undated():
    from kennisbank.model import Interventie, Origin
    make = lambda *e: Interventie(id="x", naam="x", samenvatting="x", origin=Origin("x", 1), erkenning=e)
    assert make().oordeel is None
    undated, old, new = _e(""), _e("2016"), _e("2021-03-04", "niet-erkend")
    assert make(undated, new, old).oordeel is new
    assert make(undated).oordeel is undated
    assert make(old, undated).oordelen == (old, undated)
    first, second = _e("2020-01-01", "goed-beschreven"), _e("2020-01-01", "eerste-aanwijzingen")
    assert make(first, second).oordeel is second  # a tie: the judgement listed later counts
    assert make(_e("2016-05"), _e("2016")).oordeel.datum == "2016-05"


def test_older_than_five_years_counts_partial_dates_at_their_end():
    assert _e("2016").ouder_dan_vijf_jaar("2026-11-30")
    assert not _e("2021").ouder_dan_vijf_jaar("2026-11-30")
    assert _e("2021-11-29").ouder_dan_vijf_jaar("2026-11-30")
    assert not _e("2021-11-30").ouder_dan_vijf_jaar("2026-11-30")
    assert not _e("2021-11").ouder_dan_vijf_jaar("2026-11-30")
    assert _e("").ouder_dan_vijf_jaar("2026-11-30") is None  # unknown, not 'no'


def test_an_undated_judgement_is_old_only_when_its_source_says_so(project):
    from kennisbank.model import Erkenning
    said = Erkenning(niveau="goed-onderbouwd", formulering="x", bron="x", beoordeeld_door_onbekend=True,
                     datum_onbekend=True, bron_meldt_ouder_dan_vijf_jaar=True)
    assert said.ouder_dan_vijf_jaar("2026-11-30") is True
    undated = INTERVENTIE.replace('    datum: "2015"\n', '    datum_onbekend: true\n').replace(
        '    datum: "2021-06-01"\n', '    datum_onbekend: true\n')
    write(project, "content/interventies/taakspel.yml", undated)
    kb = load_kennisbank(project)
    assert interventies._ouder_dan_vijf_jaar(kb, kb.interventies["taakspel"]) == ["onbekend"]
    record = {r["id"]: r for r in json.loads(interventies.to_json(kb, "2026-11-30"))["interventies"]}["taakspel"]
    assert record["datum"] is None and record["ouder_dan_vijf_jaar"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(interventies.to_csv(kb, "2026-11-30")))}
    assert rows["taakspel"]["ouder_dan_vijf_jaar"] == "onbekend" and rows["geluksvogel"]["ouder_dan_vijf_jaar"] == "onbekend"
    write(project, "content/interventies/taakspel.yml", undated.replace(
        "    bron: registerzd\n", "    bron: registerzd\n    bron_meldt_ouder_dan_vijf_jaar: true\n"))
    kb = load_kennisbank(project)
    assert interventies._ouder_dan_vijf_jaar(kb, kb.interventies["taakspel"]) == ["ja"]


def test_who_judged_is_given_or_said_to_be_unnamed(project):
    line = INTERVENTIE.split("\n").index("  - niveau: sterke-aanwijzingen") + 1
    named = "    beoordeeld_door: Erkenningscommissie Interventies\n"
    write(project, "content/interventies/taakspel.yml", INTERVENTIE.replace(named, ""))
    assert problems(project) == [f"content/interventies/taakspel.yml:{line}: erkenning[1]: who judged it: give "
                                 "beoordeeld_door, or 'beoordeeld_door_onbekend: true' when the source names nobody"]
    write(project, "content/interventies/taakspel.yml", INTERVENTIE.replace(named, named + "    beoordeeld_door_onbekend: true\n"))
    assert problems(project) == [f"content/interventies/taakspel.yml:{line}: erkenning[1]: give either beoordeeld_door "
                                 "or 'beoordeeld_door_onbekend: true' (the source names nobody), not both"]
    write(project, "content/interventies/taakspel.yml", INTERVENTIE.replace(named, "    beoordeeld_door_onbekend: true\n"))
    kb = load_kennisbank(project)
    record = {r["id"]: r for r in json.loads(interventies.to_json(kb, "2026-11-30"))["interventies"]}["taakspel"]
    assert record["erkenning"][0]["beoordeeld_door"] is None


def test_judgement_needs_a_date_or_says_the_source_shows_none(project):
    undated = INTERVENTIE.replace('    datum: "2015"\n', "")
    both = INTERVENTIE.replace('    datum: "2015"\n', '    datum: "2015"\n    datum_onbekend: true\n')
    write(project, "content/interventies/taakspel.yml", undated)
    assert problems(project) == ["content/interventies/taakspel.yml:16: erkenning[0]: no date: give datum, or "
                                 "'datum_onbekend: true' when the source shows none"]
    write(project, "content/interventies/taakspel.yml", both)
    assert problems(project) == ["content/interventies/taakspel.yml:16: erkenning[0]: give either datum or "
                                 "'datum_onbekend: true' (the source shows no date), not both"]
    write(project, "content/interventies/taakspel.yml", undated.replace('    geldig_tot: "2020-01-01"\n', '    datum_onbekend: true\n    geldig_tot: "2020-01-01"\n'))
    assert load_kennisbank(project).interventies["taakspel"].erkenning[0].datum_onbekend


def test_a_registry_judgement_must_cite_a_page_with_address_and_verification(project):
    write(project, "content/interventies/taakspel.yml", INTERVENTIE.replace("bron: registerzd", "bron: stevens2023"))
    assert problems(project) == [
        "content/interventies/taakspel.yml:26: erkenning[1].bron: a registry judgement needs the registry page: "
        "'stevens2023' has no URL and no geverifieerd_via in content/bronnen.yml"]


def _record(*judgements):
    from kennisbank.model import Interventie, Origin
    return Interventie(id="x", naam="x", samenvatting="x", origin=Origin("x", 1), erkenning=judgements)


def test_a_dated_registry_page_outranks_the_factsheets_retelling():
    from kennisbank.model import Erkenning
    factsheet = Erkenning(niveau="goede-aanwijzingen", formulering="x", beoordeeld_door="x", bron="002", datum="2016")
    register = Erkenning(niveau="sterke-aanwijzingen", formulering="x", beoordeeld_door="x", bron="nji", datum="2015-12-10")
    undated = Erkenning(niveau="sterke-aanwijzingen", formulering="x", beoordeeld_door="x", bron="nji2", datum_onbekend=True)
    assert _record(factsheet, register, undated).oordelen == (register, factsheet, undated)
    assert _record(factsheet, undated).oordeel is factsheet  # dated beats undated, whatever the source
    assert _record(factsheet, register).registeroordeel is register
    assert _record(factsheet, register).oordeel_uit("002") is factsheet


def test_exports_carry_the_date_the_age_flag_and_the_deduced_flag(project):
    deduced = INTERVENTIE.replace('    bron: stevens2023\n', '').replace(
        '    datum: "2021-06-01"\n    bron: registerzd\n',
        '    datum: "2021-06-01"\n    bron: "002"\n    afgeleid: Afgeleid uit de telling in de factsheet.\n')
    write(project, "content/interventies/taakspel.yml", deduced)
    kb = load_kennisbank(project)
    record = {r["id"]: r for r in json.loads(interventies.to_json(kb, "2026-05-31"))["interventies"]}["taakspel"]
    assert (record["niveau"], record["datum"], record["ouder_dan_vijf_jaar"], record["afgeleid"]) == \
        ("sterke-aanwijzingen", "2021-06-01", False, True)
    assert [(e["datum"], e["ouder_dan_vijf_jaar"]) for e in record["erkenning"]] == [("2021-06-01", False), ("2015", True)]
    assert record["erkenning"][0]["afgeleid"] == "Afgeleid uit de telling in de factsheet."
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(interventies.to_csv(kb, "2026-05-31")))}
    assert (rows["taakspel"]["datum"], rows["taakspel"]["ouder_dan_vijf_jaar"], rows["taakspel"]["afgeleid"]) == \
        ("2021-06-01", "nee", "ja")
    assert (rows["geluksvogel"]["niveau"], rows["geluksvogel"]["datum"], rows["geluksvogel"]["ouder_dan_vijf_jaar"]) == \
        ("", "", "onbekend")
    # five years on, the same judgement is flagged in both exports
    later = {r["id"]: r for r in json.loads(interventies.to_json(kb, "2026-06-02"))["interventies"]}["taakspel"]
    assert later["ouder_dan_vijf_jaar"] is True


def test_what_changed_lists_programmes_whose_registry_level_differs_from_the_factsheet(project):
    kb = load_kennisbank(project)
    assert [(i.id, old.niveau, new.niveau) for i, old, new in interventies.veranderingen(kb)] == \
        [("taakspel", "goed-onderbouwd", "sterke-aanwijzingen")]
    same = INTERVENTIE.replace("niveau: goed-onderbouwd", "niveau: sterke-aanwijzingen")
    write(project, "content/interventies/taakspel.yml", same)
    assert interventies.veranderingen(load_kennisbank(project)) == []


def test_every_export_field_is_documented_for_readers(project):
    import re
    from pathlib import Path
    doc = (Path(interventies.__file__).parent / "templates" / "_open-data-velden.md.j2").read_text("utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", doc))
    kb = load_kennisbank(project)
    record = interventies.record(kb, kb.interventies["taakspel"], "2026-11-30")
    fields = set(record) | set(interventies.CSV_COLUMNS) | set(record["erkenning"][0])
    assert fields - documented == set()
