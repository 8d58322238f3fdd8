"""MkDocs hook: open data written at build time (programmes as JSON, CSV and the list page's script)."""
from __future__ import annotations

from kennisbank import interventies
from mkdocs.structure.files import File


def on_files(files, config):
    kb = config["kennisbank"]
    if not kb.interventies:
        return files
    for path, content in (
        ("data/interventies.json", interventies.to_json(kb, kb.vandaag)),
        ("data/interventies.csv", interventies.to_csv(kb, kb.vandaag)),
        ("assets/javascripts/interventies-data.js", interventies.to_js(kb, kb.vandaag)),
    ):
        files.append(File.generated(config, path, content=content))
    return files
