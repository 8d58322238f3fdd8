"""Where builds keep what does not change between them (citeproc's output, checked schemas,
compiled templates): .cache/kennisbank/ in the project, or KB_CACHE_DIR ("" turns caching off)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir(root: Path) -> Path | None:
    configured = os.environ.get("KB_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    return Path(root) / ".cache" / "kennisbank"
