"""The page behind a short link (/p/B1/, /i/taakspel/) or a moved address: a Dutch page that
sends the reader on at once and still reads as a page (title, main landmark, heading, link)
when the browser does not follow the redirect."""
from __future__ import annotations

from . import html


def page(target_url: str, target_title: str, site_name: str) -> str:
    """HTML of a redirect page; ``target_url`` is relative, so it works online and from file://."""
    return html.render("doorverwijzing.html.j2", url=target_url, titel=target_title, site_name=site_name)
