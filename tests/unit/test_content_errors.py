"""Bad content: every problem at once, as path:line: key.path: message."""
import pytest

from support import PRINCIPE_KOP, write
from kennisbank import ContentError, load_kennisbank


def problems(root, pages=None) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_kennisbank(root, pages)
    return [str(p) for p in info.value.problems]


def test_valid_fixture_loads(project):
    kb = load_kennisbank(project)
    assert kb.principe("B1").id == "veilig-klimaat"
    assert kb.used_on("begrip", "welbevinden") == ["model/beleid/index.md", "model/beleid/veilig-klimaat/index.md",
                                                   "interventies/taakspel/index.md"]
    assert kb.used_on("bron", "stevens2023") == ["model/beleid/veilig-klimaat/index.md", "begrippen/index.md"]


def test_unknown_key_missing_field_wrong_type_all_at_once(project):
    write(project, "content/begrippen.yml", """\
        - id: welbevinden
          term: Welbevinden
          kort: Je goed voelen en goed kunnen functioneren.
          uitleg: Tekst.
          synonym: [welzijn]
        - id: mentale-gezondheid
          kort: Hoe je je verhoudt tot jezelf en anderen.
          uitleg: Tekst.
        - id: groep
          term: Groep
          kort: 12
          uitleg: Tekst.
        """)
    assert problems(project) == [
        "content/begrippen.yml:5: [0].synonym: unknown key (allowed: bronnen, id, kort, mbo, synoniemen, term, "
        "uitleg, zie_ook)",
        "content/begrippen.yml:6: [1].term: required field is missing",
        "content/begrippen.yml:11: [2].kort: expected string, got int 12",
    ]


def test_duplicate_ids(project):
    text = (project / "content/begrippen.yml").read_text()
    write(project, "content/begrippen.yml", text + text)
    assert problems(project) == [
        "content/begrippen.yml:6: [1].id: duplicate id 'welbevinden' (first at content/begrippen.yml:1)"]


def test_unknown_references_with_file_line_and_suggestion(project):
    write(project, "content/model/beleid/veilig-klimaat.md", PRINCIPE_KOP + (
        "Eerste regel.\n"
        "Een fout [@stevns2023] en [term](begrip:welbevindn).\n"
        "En [x](principe:B9) en [y](mbo:nope).\n"))
    assert problems(project) == [
        "content/model/beleid/veilig-klimaat.md:9: unknown begrip id 'welbevindn' (did you mean 'welbevinden'?)",
        "content/model/beleid/veilig-klimaat.md:9: unknown citation key 'stevns2023' (did you mean 'stevens2023'?)",
        "content/model/beleid/veilig-klimaat.md:10: unknown mbo id 'nope'",
        "content/model/beleid/veilig-klimaat.md:10: unknown principe id 'B9'",
    ]


def test_invalid_yaml_and_a_bad_reference_in_another_file_together(project):
    write(project, "content/bronnen.yml", "- id: stevens2023\n  type: [report\n")
    write(project, "content/mbo/stage.md", "---\nid: stage\ntitel: Stage\nhoort_bij: nergens\n---\nTekst.\n")
    found = problems(project)
    assert found[0].startswith("content/bronnen.yml:3: invalid YAML")
    assert "content/mbo/stage.md:4: hoort_bij: unknown principle or pillar id 'nergens'" in found


def test_invalid_yaml_is_reported_with_its_line(project):
    write(project, "content/bronnen.yml", "- id: stevens2023\n  type: [report\n")
    found = problems(project)
    assert found[0].startswith("content/bronnen.yml:3: invalid YAML")
    assert not any("Traceback" in p for p in found)


def test_principle_rules(project):
    write(project, "content/model/beleid/ander.md", """\
        ---
        id: verkeerd
        pijler: beleid
        nummer: O1
        titel: T
        kort: Een korte zin die lang genoeg is.
        ---
        Tekst.
        """)
    assert problems(project) == ["content/model/beleid/ander.md:2: id: id 'verkeerd' must equal the file name 'ander'"]
    write(project, "content/model/beleid/ander.md", """\
        ---
        id: ander
        pijler: beleid
        nummer: O1
        titel: T
        kort: Een korte zin die lang genoeg is.
        extra: x
        ---
        Tekst.
        """)
    assert problems(project) == [
        "content/model/beleid/ander.md:7: extra: unknown key (allowed: bronnen, id, kort, nummer, pijler, titel)"]


def test_principle_code_must_match_pillar(project):
    write(project, "content/model/beleid/ander.md",
          "---\nid: ander\npijler: beleid\nnummer: O1\ntitel: T\nkort: Een korte zin die lang genoeg is.\n---\nTekst.\n")
    assert problems(project) == ["content/model/beleid/ander.md:4: nummer: 'O1' must start with the pillar code 'B'"]


def test_docs_pages_are_checked_with_their_lines(project):
    pages = [("onderbouwing/index.md", "O", "# O\n\nRegel twee.\nZie [@weare2012].\n")]
    assert problems(project, pages) == [
        "docs/onderbouwing/index.md:4: unknown citation key 'weare2012' (did you mean 'weare2011'?)"]


def test_an_address_with_tracking_parameters_is_reported_at_its_line(project):
    from support import BRONNEN
    line = BRONNEN.split("\n").index("  URL: https://register.example.org/taakspel") + 1
    write(project, "content/bronnen.yml", BRONNEN.replace(
        "URL: https://register.example.org/taakspel", "URL: https://register.example.org/taakspel?utm_source=nieuwsbrief&x=1"))
    assert problems(project) == [
        f"content/bronnen.yml:{line}: [2].URL: the address carries tracking parameters (utm_source=...): "
        "readers and the site's open data get the address without them"]
