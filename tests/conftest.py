"""Shared fixtures: tiny projects in a temporary directory, and the real site built once."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import REPO, make_project, mkdocs_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal but complete project: one pillar, principle, term, mbo box, two sources, two programmes."""
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict for all site and browser tests."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
