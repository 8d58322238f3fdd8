"""MkDocs hook: the pages mkdocs-redirects writes (short links on handouts, moved pages) in Dutch.

The plugin writes its own English HTML in on_post_build; hooks run after plugins, so this
rewrites those files with the same relative target (valid online and in the offline build)."""
from __future__ import annotations

from pathlib import Path

from kennisbank import doorverwijzing
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path


def on_post_build(config):
    plugin = config.plugins.get("redirects")
    if plugin is None or not getattr(plugin, "redirects", None):
        return
    for old, new in plugin.redirects.items():
        path, hash_, anchor = str(new).partition("#")  # "page.md#id": the plugin keeps the anchor
        anchor = hash_ + anchor
        file = plugin.doc_pages.get(path)
        if file is None:  # an external target or a missing page: the plugin has warned already
            continue
        url = get_relative_html_path(old, file.url + anchor, config.use_directory_urls)
        title = file.page.title if file.page and file.page.title else config.site_name
        out = Path(config.site_dir) / get_html_path(old, config.use_directory_urls)
        out.write_text(doorverwijzing.page(url, title, config.site_name), encoding="utf-8")
