"""The Markdown pages under docs/, read without MkDocs (for scripts and tests)."""
from __future__ import annotations

from pathlib import Path

from .render import markdown_title


def docs_pages(docs_dir: Path) -> list[tuple[str, str, str]]:
    """(src path, title, markdown) of every page, src paths as MkDocs writes them."""
    pages = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        pages.append((src, markdown_title(text, src), text))
    return pages
