"""Headless Debian Chromium driven by Playwright, against the real site on a loopback server."""
from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from support import serve_directory

# Without these flags Chromium tries to reach Google's hosts on start; the machine has no network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve_directory(built_site)
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def _fixture_programme(id, naam, erkenning, **fields):
    return {"id": id, "naam": naam, "samenvatting": f"{naam}: een programma dat alleen in de tests bestaat.",
            "erkenning": [{"beoordeeld_door": "Testcommissie", "formulering": "testoordeel", "bron": "002", **e}
                          for e in erkenning],
            "bronnen": [], "genoemd_in": ["002"], "laatst_gecontroleerd": "2026-11-25", **fields}


# A programme whose current (latest) judgement is "niet erkend" after an earlier recognition, and one
# known only by a rare word, in the special schools only, judged long ago, with an age and accents.
FIXTURE_PROGRAMMES = [
    _fixture_programme("fixtuur-herbeoordeeld", "Fixtuur Herbeoordeeld",
                       [{"niveau": "sterke-aanwijzingen", "datum": "2016"},
                        {"niveau": "niet-erkend", "datum": "2023-05-01"}],
                       onderwijstype=["po", "vo"], pijlers=["educatie"]),
    _fixture_programme("fixtuur-zeldzaam", "Fixtuur Zeldzaamwoord",
                       [{"niveau": "goede-aanwijzingen", "datum": "2015-03"}],
                       onderwijstype=["so"], leeftijd="10 tot 14 jaar", preventieniveau=["geindiceerd"],
                       doelgroep="Leerlingen met beginnende angstklachten (geïndiceerde preventie).",
                       themas=["angst-en-depressie"]),
]


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory):
    """The real project plus 130 synthetic programmes (more than one page of 100 rows) and the
    FIXTURE_PROGRAMMES, built; returns (site dir, every programme record)."""
    import yaml
    from support import mkdocs_build
    from synthetic_site import make_site

    project = tmp_path_factory.mktemp("synthetic")
    make_site(project, 130)
    for record in FIXTURE_PROGRAMMES:  # cases the real content may not have (yet)
        (project / "content/interventies" / f"{record['id']}.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path_factory.mktemp("synthetic-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    records = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((project / "content/interventies").glob("*.yml"))]
    return site, records


@pytest.fixture(scope="session")
def synthetic_url(synthetic_site):
    server = serve_directory(synthetic_site[0])
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if not executable:
        pytest.fail("Debian's chromium is not installed: run the tests with 'make test'")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request; the test fails if one leaves the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    foreign = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).hostname != "127.0.0.1"]
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"
