"""The Markdown pages under docs/, read without MkDocs (for scripts and tests)."""
from __future__ import annotations

from pathlib import Path

from .errors import display_path
from .loader import NotText, read_text
from .render import markdown_title


def docs_pages(docs_dir: Path, problems: list | None = None) -> list[tuple[str, str, str]]:
    """(src path, title, markdown) of every page, src paths as MkDocs writes them.

    A page that is not UTF-8 is left out and, given a ``problems`` list, reported in it."""
    pages = []
    docs_dir = Path(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        try:
            text = read_text(path, display_path(path, docs_dir.parent))
        except NotText as exc:
            if problems is None:
                raise
            problems.append(exc.problem)
            continue
        pages.append((src, markdown_title(text, src), text))
    return pages
