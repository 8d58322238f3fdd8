"""MkDocs hook: tune what Material's search indexes (see kennisbank/zoeken.py).

Set in on_page_markdown, before the search plugin reads the page in on_page_context. The list
page's filter form is left out of its search entry, so its snippet is the page's text."""
from __future__ import annotations

import re

from kennisbank import zoeken

_FILTER_FORM = re.compile(r'<form(?![^>]*data-search-exclude)(?=[^>]*class="kb-filters)')


def on_page_markdown(markdown, page, config, files):
    for key, value in zoeken.search_meta(config["kennisbank"], page.file.src_uri).items():
        if isinstance(value, dict):
            page.meta[key] = {**(page.meta.get(key) or {}), **value}
        else:
            page.meta.setdefault(key, value)
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri == config["kennisbank"].INTERVENTIES_SRC:
        html = _FILTER_FORM.sub("<form data-search-exclude", html)
    return html
