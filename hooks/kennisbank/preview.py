"""The live preview (``mkdocs serve``) with content problems: shown on the page, the server keeps going.

A strict build stops at the first report; a preview shows the report at the top of every page
(and the terminal lists it), builds what it can, and recovers on the next save.
"""
from __future__ import annotations

import html



def banner(problems) -> str:
    """HTML at the top of each previewed page, listing every problem."""
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in sorted(set(problems)))
    n, files = len(set(problems)), len({p.path for p in problems})
    summary = f"{n} {'probleem' if n == 1 else 'problemen'} in {files} {'bestand' if files == 1 else 'bestanden'}"
    return (f'<div class="admonition failure kb-inhoudsfouten" role="alert" id="kb-inhoudsfouten">'
            f'<p class="admonition-title">De inhoud in content/ heeft problemen ({summary}); '
            f"deze voorvertoning kan onvolledig zijn. Sla het bestand opnieuw op na het herstellen.</p>"
            f"<ul>{items}</ul></div>\n")


def error_page(src: str, exc: Exception) -> str:
    """Markdown for a generated page that could not be made from the content as it is now."""
    detail = html.escape(f"{type(exc).__name__}: {exc}")
    return ("---\ntitle: Pagina niet gemaakt\n---\n\n# Pagina niet gemaakt\n\n"
            f"<p>Deze pagina ({html.escape(src)}) kon niet uit content/ worden gemaakt; "
            f"de problemen staan hierboven.</p>\n\n<p><code>{detail}</code></p>\n")
