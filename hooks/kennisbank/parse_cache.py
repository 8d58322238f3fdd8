"""Parsed and checked content files kept between builds, by the hash of each file's text.

Parsing YAML and checking it against its schema is most of loading; a file that did not change
since the last build gives the same result, so it is read from here (one pickle per project).
The key holds the file's text, the schema's text and the code of the loader and validator, so a
change to any of them is a miss, and a miss computes exactly what an uncached load computes.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

_CODE = Path(__file__).parent


@lru_cache(maxsize=None)
def _digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:24]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class ParseCache:
    def __init__(self, folder: Path | None):
        code = "".join(_digest_file(_CODE / name) for name in ("loader.py", "validate.py", "parse_cache.py"))
        self.file = Path(folder) / f"parsed-{hashlib.sha256(code.encode()).hexdigest()[:24]}.pickle" \
            if folder else None
        self.entries: dict = {}
        self.used: dict = {}
        if self.file and self.file.is_file():
            try:
                with self.file.open("rb") as f:
                    self.entries = pickle.load(f)
            except Exception:  # noqa: BLE001 - a damaged cache is only a miss
                self.entries = {}

    def get(self, key: tuple, make):
        if key in self.entries:
            value = self.entries[key]
        else:
            value = make()
        self.used[key] = value
        return value

    def schema(self, path: Path) -> str:
        return _digest_file(path)

    def save(self) -> None:
        """Keep what this load used (entries of deleted or changed files drop out)."""
        if not self.file or self.used.keys() == self.entries.keys():
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                pickle.dump(self.used, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
            for old in self.file.parent.glob("parsed-*.pickle"):
                if old != self.file:
                    old.unlink(missing_ok=True)
            self.entries = dict(self.used)
        except OSError:
            pass
