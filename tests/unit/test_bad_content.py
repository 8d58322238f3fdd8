"""A corpus of bad content, as an editor makes it: each case alone on a fresh copy of the fixture
project, with the exact report `make check` prints (file:line: key.path: message)."""
from __future__ import annotations

import importlib.util
import textwrap

import pytest

from support import BEGRIPPEN, BRONNEN, INTERVENTIE, MBO, PIJLERS, PRINCIPE, PRINCIPE_KOP, REPO

_spec = importlib.util.spec_from_file_location("check_content", REPO / "scripts" / "check_content.py")
check_content = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_content)

T = "content/interventies/taakspel.yml"
P = "content/model/beleid/veilig-klimaat.md"
B = "content/begrippen.yml"


def run_check(project, capsys) -> tuple[int, list[str]]:
    code = check_content.main(["check_content.py", str(project)])
    out = capsys.readouterr().out.strip().splitlines()
    return code, out


def apply(project, files: dict) -> None:
    for rel, content in files.items():
        path = project / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


BAD_PRINCIPE_BODY = PRINCIPE_KOP + "Eerste regel.\n\n{}\n"

CASES = {
    # -- encoding, byte-order mark, YAML syntax ----------------------------------------------
    "latin-1 byte in a programme": (
        {T: INTERVENTIE.replace("Een aanpak", "Caf\u00e9 aanpak").encode("latin-1")},
        [f"{T}:4: not UTF-8 text: byte 0xe9 at column 6; save the file as UTF-8"]),
    "latin-1 byte in a principle": (
        {P: PRINCIPE.replace("telt", "t\u00e9lt").encode("latin-1")},
        [f"{P}:10: not UTF-8 text: byte 0xe9 at column 21; save the file as UTF-8"]),
    "latin-1 glossary: one problem, no avalanche": (
        {B: BEGRIPPEN.replace("Je goed", "J\u00e9 goed").encode("latin-1")},
        [f"{B}:3: not UTF-8 text: byte 0xe9 at column 10; save the file as UTF-8"]),
    "latin-1 byte in a docs page": (
        {"docs/index.md": "# Start\n\nCaf\u00e9.\n".encode("latin-1")},
        ["docs/index.md:3: not UTF-8 text: byte 0xe9 at column 4; save the file as UTF-8"]),
    "tab indentation in a programme": (
        {T: INTERVENTIE.replace("  - uitkomst:", "\t- uitkomst:")},
        [f"{T}:12: invalid YAML: a tab character: indent YAML with spaces, never with tabs"]),
    "tab indentation in the glossary": (
        {B: BEGRIPPEN.replace("  term:", "\tterm:")},
        [f"{B}:2: invalid YAML: a tab character: indent YAML with spaces, never with tabs"]),
    "unclosed double quote points at the opening quote": (
        {T: INTERVENTIE.replace("naam: Taakspel", 'naam: "Taakspel')},
        [f"{T}:2: invalid YAML: a quoted text that opens here is not closed on its line (did not find expected key "
         "further on)"]),
    "unclosed single quote in the glossary": (
        {B: BEGRIPPEN.replace("term: Welbevinden", "term: 'Welbevinden")},
        [f"{B}:2: invalid YAML: a quoted text that opens here is never closed (found unexpected end of stream)"]),
    "unclosed list names the line it opened on": (
        {T: INTERVENTIE.replace("pijlers: [beleid]", "pijlers: [beleid")},
        [f"{T}:9: invalid YAML: did not find expected ',' or ']' (the list or mapping opened on line 8 is not "
         "closed)"]),
    "empty glossary: named once": (
        {B: ""},
        [f"{B}:1: the file is empty: it should hold a list of entries (- id: ...)"]),
    "glossary of comments only: named once": (
        {B: "# nog te vullen\n"},
        [f"{B}:1: the file is empty: it should hold a list of entries (- id: ...)"]),
    "empty bibliography: named once": (
        {"content/bronnen.yml": ""},
        ["content/bronnen.yml:1: the file is empty: it should hold a list of entries (- id: ...)"]),
    "empty programme file": (
        {T: ""},
        [f"{T}:1: the file is empty"]),
    "principle without front matter": (
        {P: "## Waarom {#waarom}\n\nTekst.\n"},
        [f"{P}:1: missing YAML front matter (--- ... ---)"]),
    "programme that is a list": (
        {T: "- id: taakspel\n"},
        [f"{T}:1: expected a mapping of keys"]),
    "glossary that is a mapping": (
        {B: "welbevinden: Je goed voelen.\n"},
        [f"{B}:1: expected a list of entries"]),
    "duplicate key": (
        {T: INTERVENTIE + "naam: Nog eens\n"},
        [f"{T}:30: naam: duplicate key"]),
    # -- files in the wrong place --------------------------------------------------------------
    "programme with .yaml": (
        {"content/interventies/vreedzaam.yaml": "id: vreedzaam\n"},
        ["content/interventies/vreedzaam.yaml: not a known content file; did you mean "
         "content/interventies/vreedzaam.yml?"]),
    "programme at the top of content/": (
        {"content/vreedzaam.yml": "id: vreedzaam\n"},
        ["content/vreedzaam.yml: not a known content file; did you mean content/interventies/vreedzaam.yml?"]),
    "principle without a pillar folder": (
        {"content/model/klimaat.md": PRINCIPE},
        ["content/model/klimaat.md: not a known content file; did you mean content/model/<pijler>/klimaat.md "
         "(a pillar folder: beleid)?"]),
    "programme in a subfolder": (
        {"content/interventies/oud/x.yml": "id: x\n"},
        ["content/interventies/oud/x.yml: not a known content file; did you mean content/interventies/x.yml?"]),
    "a stray text file": (
        {"content/notities.txt": "todo\n"},
        ["content/notities.txt: not a known content file; content/ holds: content/model/pijlers.yml, "
         "content/model/*/*.md, content/mbo/*.md, content/begrippen.yml, content/bronnen.yml, "
         "content/erkenningsniveaus.yml, content/interventies/*.yml, content/praktijk/*.md, "
         "content/mbo-aanbevelingen.yml (pages go in docs/)"]),
    "a story as .markdown": (
        {"content/praktijk/verhaal.markdown": "x\n"},
        ["content/praktijk/verhaal.markdown: not a known content file; did you mean "
         "content/praktijk/verhaal.md?"]),
    "editor leftovers are not content": (
        {"content/interventies/.taakspel.yml.swp": b"\x00\x01", "content/begrippen.yml~": "oud\n"},
        []),
    # -- one broken record, one report -----------------------------------------------------------
    "invalid principle: no follow-ups in its mbo box or the pages that link it": (
        {P: PRINCIPE.replace("titel: Veilig en inclusief schoolklimaat\n", "")},
        [f"{P}:2: titel: required field is missing"]),
    "invalid term: no follow-ups where it is used": (
        {B: BEGRIPPEN.replace("kort: Je goed voelen en goed kunnen functioneren.", "kort: 12")},
        [f"{B}:3: [0].kort: expected string, got int 12"]),
    "invalid source: no follow-ups where it is cited": (
        {"content/bronnen.yml": "- id: stevens2023\n  type: report\n  volledig: nee\n- id: weare2011\n"
                                "  type: report\n  volledig: false\n" + BRONNEN[BRONNEN.index("- id: registerzd"):]},
        ["content/bronnen.yml:3: [0].volledig: expected boolean, got str 'nee'"]),
    "invalid pillar: no follow-ups in its principles": (
        {"content/model/pijlers.yml": PIJLERS.replace("code: B", "code: b")},
        ["content/model/pijlers.yml:2: [0].code: 'b' does not match the pattern ^[A-Z]$"]),
    "unknown pillar": (
        {"content/model/omgeving/ouders.md": PRINCIPE.replace("id: veilig-klimaat", "id: ouders")
         .replace("pijler: beleid", "pijler: omgeving").replace("nummer: B1", "nummer: O1")},
        ["content/model/omgeving/ouders.md:3: pijler: unknown pillar id 'omgeving'"]),
    # -- schema and references, with their key paths ---------------------------------------------
    "unknown key": (
        {T: INTERVENTIE + "website: https://example.org\n"},
        [f"{T}:30: website: unknown key (allowed: bronnen, categorie, doelgroep, erkenning, genoemd_in, id, "
         "laatst_gecontroleerd, leeftijd, naam, onderwijstype, ook_bekend_als, pijlers, preventieniveau, principes, "
         "samenvatting, themas, uitkomsten, werkzame_elementen)"]),
    "wrong school type": (
        {T: INTERVENTIE.replace("onderwijstype: [po]", "onderwijstype: [hbo]")},
        [f"{T}:5: onderwijstype[0]: 'hbo' is not one of: po, vo, mbo, so"]),
    "id differs from file name": (
        {T: INTERVENTIE.replace("id: taakspel", "id: taak-spel")},
        [f"{T}:1: id: id 'taak-spel' must equal the file name 'taakspel'"]),
    "unknown principle with a suggestion": (
        {T: INTERVENTIE.replace("principes: [veilig-klimaat]", "principes: [veilig-klimat]")},
        [f"{T}:9: principes[0]: unknown principle id 'veilig-klimat' (did you mean 'veilig-klimaat'?)"]),
    "date that does not exist": (
        {T: INTERVENTIE.replace('laatst_gecontroleerd: "2026-11-25"', 'laatst_gecontroleerd: "2026-02-30"')},
        [f"{T}:29: laatst_gecontroleerd: '2026-02-30' is not a real date"]),
    "mbo box for an unknown principle": (
        {"content/mbo/stage.md": MBO.replace("hoort_bij: veilig-klimaat", "hoort_bij: veilig-klimat")},
        ["content/mbo/stage.md:4: hoort_bij: unknown principle or pillar id 'veilig-klimat' "
         "(did you mean 'veilig-klimaat'?)"]),
    # -- Markdown that would load from elsewhere or run script ----------------------------------
    "image from another host in a summary": (
        {T: INTERVENTIE.replace("als doel.", "als doel. ![logo](https://example.org/logo.png)")},
        [f"{T}:4: samenvatting: an image from another host: the site loads nothing from elsewhere; save the image "
         "under docs/ and link it with a relative path"]),
    "raw HTML in a glossary explanation": (
        {B: BEGRIPPEN.replace("Een breed begrip", 'Een <b onclick="x()">breed</b> begrip')},
        [f"{B}:5: [0].uitleg: raw HTML '</b>' is not allowed in this field: write Markdown (or &lt; for a < sign)",
         f"{B}:5: [0].uitleg: raw HTML '<b onclick=\"x()\">' is not allowed in this field: write Markdown "
         "(or &lt; for a < sign)"]),
    "script in a principle": (
        {P: BAD_PRINCIPE_BODY.format("<script>alert(1)</script>")},
        [f"{P}:10: <script> is not allowed in content: no script, frames, embeds or forms"]),
    "event attribute in a principle's HTML": (
        {P: BAD_PRINCIPE_BODY.format('<figure class="kb-figuur" onmouseover="alert(1)">x</figure>')},
        [f"{P}:10: the attribute onmouseover= runs script: not allowed in content"]),
    "remote image in a principle's HTML": (
        {P: BAD_PRINCIPE_BODY.format('<p>Zie <img src="//cdn.example.org/x.png" alt=""></p>')},
        [f"{P}:10: HTML that loads from another host: the site loads nothing from elsewhere"]),
    "javascript link in an mbo box": (
        {"content/mbo/stage.md": MBO + "\n[klik](javascript:alert(1))\n"},
        ["content/mbo/stage.md:8: a javascript:, data: or file: link: link to a page (https://...) instead"]),
    "HTML in a code span and an autolink are fine": (
        {B: BEGRIPPEN.replace("Een breed begrip", "Schrijf `<b>` niet; zie <https://example.org/>")},
        []),
    "a link to another site is fine": (
        {T: INTERVENTIE.replace("als doel.", "als doel, zie [de site](https://example.org/taakspel).")},
        []),
    "raw HTML and an unknown citation in a working element": (
        {T: INTERVENTIE + "werkzame_elementen:\n  - Goed <i>uitgevoerd</i>\n  - >-\n    Lang verhaal [@stevens2024].\n"},
        [f"{T}:31: werkzame_elementen[0]: raw HTML '</i>' is not allowed in this field: write Markdown "
         "(or &lt; for a < sign)",
         f"{T}:31: werkzame_elementen[0]: raw HTML '<i>' is not allowed in this field: write Markdown "
         "(or &lt; for a < sign)",
         f"{T}:33: unknown citation key 'stevens2024' (did you mean 'stevens2023'?)"]),
    # -- text that used to break the build -----------------------------------------------------
    "pipe, brackets and quotes in a name pass": (
        {T: INTERVENTIE.replace("naam: Taakspel", "naam: 'Taak | spel [x](y) \"een (test)\" *ja*'")},
        []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_content_is_reported_as_file_line_key_message(project, capsys, name):
    files, expected = CASES[name]
    apply(project, files)
    code, out = run_check(project, capsys)
    if not expected:
        assert code == 0, out
        assert out[-1].startswith("content OK")
        return
    assert code == 1
    assert out[:-1] == expected
    noun = "problem" if len(expected) == 1 else "problems"
    assert out[-1].startswith(f"{len(expected)} {noun} in ")
    assert not any("Traceback" in line for line in out)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


def test_a_bom_is_accepted_everywhere(project, capsys):
    for rel in (P, B, T, "content/mbo/stage.md", "docs/index.md"):
        path = project / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out = run_check(project, capsys)
    assert code == 0, out
