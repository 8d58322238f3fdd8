from kennisbank.loader import key_path, load_markdown, load_yaml


def test_lines_of_nested_keys_and_list_items():
    loaded = load_yaml("- id: a\n  zie_ook:\n    - b\n    - c\n- id: d\n", "x.yml")
    assert loaded.data == [{"id": "a", "zie_ook": ["b", "c"]}, {"id": "d"}]
    assert loaded.line((0, "zie_ook", 1)) == 4
    assert loaded.line((1, "id")) == 5
    # an unknown deeper path falls back to its nearest known ancestor
    assert loaded.line((1, "id", "nope")) == 5


def test_dates_stay_strings_for_the_schema_to_check():
    assert load_yaml("datum: 2024-05-01\n", "x.yml").data == {"datum": "2024-05-01"}


def test_invalid_yaml_reports_file_and_line_not_a_traceback():
    loaded = load_yaml("a: 1\nb: [2\nc: 3\n", "content/x.yml")
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.path == "content/x.yml" and problem.line == 3
    assert str(problem).startswith("content/x.yml:3: invalid YAML")


def test_duplicate_keys_are_problems():
    loaded = load_yaml("id: a\nterm: b\nid: c\n", "x.yml")
    assert [str(p) for p in loaded.problems] == ["x.yml:3: id: duplicate key"]


def test_front_matter_lines_and_body_start():
    doc = load_markdown("---\nid: a\ntitel: T\n---\nBody line\n", "p.md")
    assert doc.meta.data == {"id": "a", "titel": "T"}
    assert doc.meta.line(("titel",)) == 3
    assert doc.body == "Body line\n" and doc.body_line == 5


def test_missing_front_matter():
    doc = load_markdown("# Just text\n", "p.md")
    assert "missing YAML front matter" in str(doc.meta.problems[0])


def test_key_path_format():
    assert key_path(("erkenning", 0, "niveau")) == "erkenning[0].niveau"
    assert key_path((3, "kort")) == "[3].kort"


def test_text_line_of_block_and_plain_scalars():
    loaded = load_yaml("a: |\n  eerste\n  tweede\nb: plat\nc: >-\n  gevouwen\n", "x.yml")
    assert loaded.text_line(("a",)) == 2
    assert loaded.text_line(("b",)) == 4
    assert loaded.text_line(("c",)) == 6
