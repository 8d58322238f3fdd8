#!/usr/bin/env python3
"""A copy of the real project with N synthetic programmes added, for tests and benchmarks.

    python3 scripts/synthetic_site.py DEST N

The programmes get deterministic, pseudo-random facet values (seeded), so tests can compute
the expected counts from the same records. Their names start with "Synthetisch".
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

ONDERWIJSTYPE = ["po", "vo", "mbo", "so"]
PREVENTIE = ["universeel", "selectief", "geindiceerd"]
CATEGORIE = ["betrokkenheid-leraren-ouders", "mindfulness-stressmanagement", "peer-mediation", "integrale-aanpak"]
THEMAS = ["sociaal-emotionele-vaardigheden", "gedrag-en-klassenmanagement", "pesten-en-conflicten",
          "angst-en-depressie", "weerbaarheid", "stress", "schoolklimaat"]
NIVEAUS = ["goed-beschreven", "goed-onderbouwd", "eerste-aanwijzingen", "goede-aanwijzingen", "sterke-aanwijzingen"]
PRINCIPES = {"beleid": ["veilig-klimaat", "participatie"], "omgeving": ["klasklimaat", "ouders"],
             "educatie": ["sociaal-emotioneel-leren", "erkende-interventies"], "signaleren": ["hulp-binnen-school"]}


def programmes(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for k in range(n):
        pijlers = rng.sample(list(PRINCIPES), rng.randint(1, 2))
        record = {
            "id": f"synthetisch-{k:05d}",
            "naam": f"Synthetisch programma {k:05d}",
            "samenvatting": f"Een gegenereerd programma nummer {k} om de lijst en de filters op schaal te meten.",
            "onderwijstype": rng.sample(ONDERWIJSTYPE, rng.randint(1, 2)),
            "preventieniveau": [rng.choice(PREVENTIE)],
            "categorie": [rng.choice(CATEGORIE)],
            "pijlers": pijlers,
            "principes": [rng.choice(PRINCIPES[p]) for p in pijlers],
            "themas": rng.sample(THEMAS, rng.randint(1, 3)),
            "erkenning": [] if rng.random() < 0.2 else [{
                "niveau": rng.choice(NIVEAUS), "formulering": "synthetisch oordeel", "beoordeeld_door": "Testcommissie",
                "datum": f"{rng.randint(2012, 2024)}", "bron": "002"}],
            "bronnen": [],
            "genoemd_in": ["002"],
            "laatst_gecontroleerd": "2026-11-25",
        }
        records.append(record)
    return records


def make_site(dest: Path, n: int, seed: int = 7) -> list[dict]:
    """Copy the project to ``dest`` and add ``n`` synthetic programmes; return their records."""
    dest = Path(dest)
    for name in ("content", "docs", "overrides"):
        shutil.copytree(REPO / name, dest / name, dirs_exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/", f"  - {(REPO / 'hooks').as_posix()}/")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    records = programmes(n, seed)
    folder = dest / "content" / "interventies"
    for record in records:
        (folder / f"{record['id']}.yml").write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
    return records


if __name__ == "__main__":
    make_site(Path(sys.argv[1]), int(sys.argv[2]))
