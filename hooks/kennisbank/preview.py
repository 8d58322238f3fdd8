"""The live preview (``mkdocs serve``) with content problems: shown on the page, the server keeps going.

A strict build stops at the first report; a preview shows the report at the top of every page
(and the terminal lists it), builds what it can, and recovers on the next save.
"""
from __future__ import annotations

import os

from . import html

# Set by on_startup; KB_PREVIEW=1 in the environment turns it on for `mkdocs build` too (a build that
# shows content problems on its pages instead of stopping, as the live preview does).
_MODE = "KB_PREVIEW"


def start(command: str) -> None:
    """Called from on_startup: ``mkdocs serve`` is a preview, ``mkdocs build`` is not."""
    os.environ[_MODE] = "1" if command == "serve" else os.environ.get(_MODE, "")


def previewing() -> bool:
    return os.environ.get(_MODE) == "1"


def banner(problems) -> str:
    """HTML at the top of each previewed page, listing every problem."""
    unique = sorted(set(problems))
    return html.render("inhoudsfouten.html.j2", problemen=[str(p) for p in unique], aantal=len(unique),
                       bestanden=len({p.path for p in unique})) + "\n"


def error_page(src: str, exc: Exception) -> str:
    """Markdown for a generated page that could not be made from the content as it is now."""
    return html.render("pagina-niet-gemaakt.md.j2", src=src, fout=f"{type(exc).__name__}: {exc}") + "\n"
