"""MkDocs hook: open data written at build time (sources as CSL-JSON and BibTeX; programmes as
JSON, CSV and the list page's script). Files, not fetches: they work from file:// too."""
from __future__ import annotations

from kennisbank import bibexport, interventies, render, zelfscan
from mkdocs.structure.files import File


def on_files(files, config):
    kb = config["kennisbank"]
    outputs = [("data/bronnen.json", bibexport.to_csl_json(kb)), ("data/bronnen.bib", bibexport.to_bibtex(kb))]
    if kb.interventies:
        outputs += [
            ("data/interventies.json", interventies.to_json(kb, kb.vandaag)),
            ("data/interventies.csv", interventies.to_csv(kb, kb.vandaag)),
            ("assets/javascripts/interventies-data.js", interventies.to_js(kb, kb.vandaag)),
        ]
    if kb.principes:  # read by the self-scan page
        outputs.append((zelfscan.DATA_JS, render.zelfscan_js(kb, config.use_directory_urls)))
    for path, content in outputs:
        files.append(File.generated(config, path, content=content))
    return files
