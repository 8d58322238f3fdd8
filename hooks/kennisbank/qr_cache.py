"""QR codes kept between builds: the same address always gives the same code, and making one costs
a few milliseconds (seconds for thousands of handouts). Keyed by segno's version and handout.py."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from . import handout


def _file(cache: Path | None) -> Path | None:
    if cache is None:
        return None
    h = hashlib.sha256(Path(handout.__file__).read_bytes())
    h.update(metadata.version("segno").encode())
    return cache / f"qr-{h.hexdigest()[:32]}.json"


def codes(urls: list[str], cache: Path | None) -> handout.QrCodes:
    """handout.QrCodes for ``urls``: the ones made before come from the cache, the others are made."""
    known = {}
    path = _file(cache)
    if path and path.is_file():
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            known = {}
    qr = handout.QrCodes([u for u in urls if u not in known])
    qr._codes.update({u: known[u] for u in urls if u in known})
    qr._kb_cache = (path, len(known))
    return qr


def save(qr: handout.QrCodes) -> None:
    path, count = getattr(qr, "_kb_cache", (None, 0))
    if path is None or len(qr._codes) <= count:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(qr._codes, out)
        os.replace(tmp, path)
        for old in path.parent.glob("qr-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
