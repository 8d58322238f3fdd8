"""Shared fixtures: tiny projects in a temporary directory, and the real site built once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import (ANDERE_INTERVENTIE, BEGRIPPEN, BRONNEN, DOCS_INDEX, ERKENNINGSNIVEAUS, INTERVENTIE, MBO, MKDOCS_YML, MODEL_INDEX,
                     PIJLERS, PRINCIPE, REPO, mkdocs_build, write)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal but complete project: one pillar, principle, term, mbo box, two sources, two programmes."""
    shutil.copytree(REPO / "content" / "schemas", tmp_path / "content" / "schemas")
    write(tmp_path, "content/model/pijlers.yml", PIJLERS)
    write(tmp_path, "content/model/beleid/veilig-klimaat.md", PRINCIPE)
    write(tmp_path, "content/mbo/stage.md", MBO)
    write(tmp_path, "content/begrippen.yml", BEGRIPPEN)
    write(tmp_path, "content/bronnen.yml", BRONNEN)
    write(tmp_path, "docs/index.md", DOCS_INDEX)
    write(tmp_path, "docs/model/index.md", MODEL_INDEX)
    write(tmp_path, "content/erkenningsniveaus.yml", ERKENNINGSNIVEAUS)
    write(tmp_path, "content/interventies/taakspel.yml", INTERVENTIE)
    write(tmp_path, "content/interventies/geluksvogel.yml", ANDERE_INTERVENTIE)
    write(tmp_path, "mkdocs.yml", MKDOCS_YML.format(hooks=(REPO / "hooks").as_posix()))
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict for all site and browser tests."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
