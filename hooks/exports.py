"""MkDocs hook: open data written at build time (sources as CSL-JSON and BibTeX; programmes as
JSON, CSV and the list page's script). Files, not fetches: they work from file:// too."""
from __future__ import annotations

from kennisbank import bibexport, interventies, render, zelfscan
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger(__name__)


def on_files(files, config):
    kb = config["kennisbank"]
    outputs = [("data/bronnen.json", bibexport.to_csl_json), ("data/bronnen.bib", bibexport.to_bibtex)]
    if kb.interventies:
        outputs += [
            ("data/interventies.json", lambda kb: interventies.to_json(kb, kb.vandaag)),
            ("data/interventies.csv", lambda kb: interventies.to_csv(kb, kb.vandaag)),
            ("assets/javascripts/interventies-data.js", lambda kb: interventies.to_js(kb, kb.vandaag)),
        ]
    if kb.principes:  # read by the self-scan page
        outputs.append((zelfscan.DATA_JS, lambda kb: render.zelfscan_js(kb, config.use_directory_urls)))
    for path, make in outputs:
        try:
            content = make(kb)
        except Exception as exc:  # noqa: BLE001
            if not getattr(kb, "preview_problems", None):
                raise
            # the live preview with broken content (listed on every page): leave this file out for now
            log.error("%s not written while content has problems: %s: %s", path, type(exc).__name__, exc)
            continue
        files.append(File.generated(config, path, content=content))
    return files
