"""Escaping of content values (text.py) and the open-data CSV cells."""
import csv
import io

import markdown
import pytest

from kennisbank import load_kennisbank
from kennisbank.interventies import to_csv
from kennisbank.text import csv_cell, escape_text, html_text, neutralise_html
from support import INTERVENTIE, write

MD = markdown.Markdown(extensions=["attr_list", "tables", "toc", "admonition", "def_list", "abbr", "footnotes"])


def rendered_text(source: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(MD.reset().convert(source), "html.parser").get_text()


@pytest.mark.parametrize("value", [
    "Taakspel <img src=x onerror=alert(1)>", "A | B", "[x](y)", '"quoted (x)"', "*x* _y_ `z`", "# kop",
    "- lijst", "1. lijst", "> citaat", "{: .klasse }", "a\\b", "[^1]", "*[HTML]: x", "&amp; &", ": definitie"])
def test_text_renders_as_itself_in_markdown(value):
    for template in ("{}", "- {}", "### {} {{#id}}", "| {} |\n|---|", "[{}](x.md)"):
        assert rendered_text(template.format(escape_text(value))).strip() == value, template


def test_text_is_one_line():
    assert "\n" not in escape_text("een\n\n# kop\nnog")


def test_html_text_for_titles_and_attributes():
    assert html_text('A "b" <i>') == "A &quot;b&quot; &lt;i&gt;"


def test_citeproc_tags_stay_content_tags_become_text():
    html = neutralise_html('<i>Titel <script>x</script> *y*</i>. <a href="https://doi.org/10.1/a_b">d</a>')
    assert str(html) == ('<i>Titel &lt;script&gt;x&lt;/script&gt; &#42;y&#42;</i>. '
                         '<a href="https://doi.org/10.1/a_b">d</a>')


@pytest.mark.parametrize("value, cell", [("=SUM(A1)", "'=SUM(A1)"), ("+31", "'+31"), ("-1", "'-1"),
                                         ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Taakspel", "Taakspel"),
                                         ("", ""), ("a=b", "a=b")])
def test_csv_cells_that_a_spreadsheet_would_read_as_formula(value, cell):
    assert csv_cell(value) == cell


def test_csv_export_neutralises_formulas(project):
    write(project, "content/interventies/taakspel.yml",
          INTERVENTIE.replace("naam: Taakspel", "naam: '=HYPERLINK(\"http://x\")'") + "doelgroep: '@leerlingen'\n")
    kb = load_kennisbank(project)
    rows = list(csv.DictReader(io.StringIO(to_csv(kb, kb.vandaag))))
    row = next(r for r in rows if r["id"] == "taakspel")
    assert row["naam"] == "'=HYPERLINK(\"http://x\")" and row["doelgroep"] == "'@leerlingen"
