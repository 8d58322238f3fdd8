"""HTML written outside the Markdown pages (redirect pages, the live preview's report), from
templates with autoescape: every value is text."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), undefined=StrictUndefined,
                   autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context) -> str:
    return _env.get_template(name).render(**context)
