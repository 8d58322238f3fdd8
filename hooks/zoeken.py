"""MkDocs hook: tune what Material's search indexes (see kennisbank/zoeken.py).

Set in on_page_markdown, before the search plugin reads the page in on_page_context. (The list
page's filter form carries data-search-exclude in its template, so its snippet is the page's text.)"""
from __future__ import annotations

from kennisbank import zoeken


def on_files(files, config):
    config["kennisbank"].search_meta = zoeken.search_meta(config["kennisbank"])
    return files


def on_page_markdown(markdown, page, config, files):
    for key, value in config["kennisbank"].search_meta.get(page.file.src_uri, {}).items():
        if isinstance(value, dict):
            page.meta[key] = {**(page.meta.get(key) or {}), **value}
        else:
            page.meta.setdefault(key, value)
    return markdown
