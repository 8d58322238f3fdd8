"""Generated front matter comes from a YAML serialiser and a META dict per page kind."""
import yaml

from kennisbank import load_kennisbank, render


def meta_of(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])


def test_a_key_added_to_a_page_kind_reaches_every_page_of_it(project, monkeypatch):
    monkeypatch.setitem(render.META, "interventie.md.j2", {"search": {"boost": 2}})
    pages = render.generated_pages(load_kennisbank(project))
    assert meta_of(pages["interventies/taakspel/index.md"])["search"] == {"boost": 2}
    assert meta_of(pages["interventies/geluksvogel/index.md"])["search"] == {"boost": 2}
    assert "search" not in meta_of(pages["begrippen/index.md"])


def test_quotes_and_colons_in_a_name_stay_valid_yaml(project):
    path = project / "content/interventies/geluksvogel.yml"
    path.write_text(path.read_text().replace("naam: Geluksvogel ë", "naam: 'Geluks: \"vogel\" # (1) --- '"))
    meta = meta_of(render.generated_pages(load_kennisbank(project))["interventies/geluksvogel/index.md"])
    assert meta["title"] == "Geluks: &quot;vogel&quot; # (1) ---"
    assert meta["description"].startswith("Een programma voor het mbo met een naam die &quot;aanhalingstekens&quot;")


def test_a_template_may_not_write_front_matter_itself(project, tmp_path, monkeypatch):
    import jinja2
    import pytest

    (tmp_path / "matrix.md.j2").write_text('---\ntitle: "{{ x }}"\n---\n# x\n')
    monkeypatch.setattr(render._env, "loader", jinja2.FileSystemLoader(str(tmp_path)))
    with pytest.raises(ValueError, match="put its keys in render.META"):
        render._page("matrix.md.j2", "interventies/matrix/index.md", x="y")
