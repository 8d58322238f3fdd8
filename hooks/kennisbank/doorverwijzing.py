"""The page behind a short link (/p/B1/, /i/taakspel/) or a moved address: a Dutch page that
sends the reader on at once and still reads as a page (title, main landmark, heading, link)
when the browser does not follow the redirect."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), undefined=StrictUndefined,
                   autoescape=True, trim_blocks=True, lstrip_blocks=True)


def page(target_url: str, target_title: str, site_name: str) -> str:
    """HTML of a redirect page; ``target_url`` is relative, so it works online and from file://."""
    return _env.get_template("doorverwijzing.html.j2").render(url=target_url, titel=target_title,
                                                              site_name=site_name)
