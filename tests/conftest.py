"""Shared fixtures: tiny projects in a temporary directory, and the real site built once."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

PIJLERS = """\
- id: beleid
  code: B
  titel: Beleid
  volgorde: 1
  kort: Leg vast hoe de school aan welbevinden werkt.
  uitleg: |
    Over beleid, zie [welbevinden](begrip:welbevinden).
"""

PRINCIPE = """\
---
id: veilig-klimaat
pijler: beleid
nummer: B1
titel: Veilig en inclusief schoolklimaat
kort: De school zorgt dat iedereen zich veilig voelt.
---
## Waarom {#waarom}

Een veilig klimaat telt [@stevens2023]. Volgens @weare2011 werkt het samen met
[welbevinden](begrip:welbevinden).
"""

MBO = """\
---
id: stage
titel: Stage in het mbo
hoort_bij: veilig-klimaat
---
Tijdens de [BPV](begrip:welbevinden) telt veiligheid [@stevens2023].
"""

BEGRIPPEN = """\
- id: welbevinden
  term: Welbevinden
  kort: Je goed voelen en goed kunnen functioneren.
  uitleg: |
    Een breed begrip [@stevens2023].
"""

BRONNEN = """\
- id: stevens2023
  type: report
  author:
    - family: Stevens
  et_al: true
  issued:
    date-parts: [[2023]]
  volledig: false
- id: weare2011
  type: article-journal
  author:
    - family: Weare
    - family: Nind
  issued:
    date-parts: [[2011]]
  volledig: false
"""

DOCS_INDEX = """\
# Start

Lees over [het principe](principe:B1) en [de pijler](pijler:beleid) en [stage](mbo:stage) [@weare2011].
"""

MODEL_INDEX = """\
# Het model

<!-- kb:modelfiguur -->
"""

MKDOCS_YML = """\
site_name: Fixture
strict: true
theme:
  name: material
  language: nl
  font: false
  features: [content.tooltips]
plugins: [search]
hooks:
  - {hooks}/content.py
  - {hooks}/references.py
markdown_extensions: [admonition, attr_list, md_in_html, toc]
validation:
  links: {{not_found: warn, anchors: warn, unrecognized_links: warn}}
nav:
  - index.md
  - Model:
      - model/index.md
  - begrippen/index.md
  - bronnen/index.md
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal but complete project: one pillar, principle, term, mbo box, two sources."""
    shutil.copytree(REPO / "content" / "schemas", tmp_path / "content" / "schemas")
    write(tmp_path, "content/model/pijlers.yml", PIJLERS)
    write(tmp_path, "content/model/beleid/veilig-klimaat.md", PRINCIPE)
    write(tmp_path, "content/mbo/stage.md", MBO)
    write(tmp_path, "content/begrippen.yml", BEGRIPPEN)
    write(tmp_path, "content/bronnen.yml", BRONNEN)
    write(tmp_path, "docs/index.md", DOCS_INDEX)
    write(tmp_path, "docs/model/index.md", MODEL_INDEX)
    write(tmp_path, "mkdocs.yml", MKDOCS_YML.format(hooks=(REPO / "hooks").as_posix()))
    return tmp_path


def mkdocs_build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=ENV, cwd=project_dir, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict for all site and browser tests."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
