"""MkDocs hook: the live preview shows a save within two seconds.

MkDocs looks for changed files every 0.5 s; this hook makes it every 0.1 s. And ``mkdocs serve``
rebuilds the whole site after every save: our hooks run in full each time (content
is read, checked and turned into Markdown again), but the three steps that take most of the time
are skipped for a page whose input is the same as in the previous rebuild:

1. Markdown to HTML (Python-Markdown). Key: the page's Markdown after every hook, its address and
   meta, the list of files, the configuration and the theme overrides. Reused before the other
   on_page_content hooks run, so they see what a fresh render would give them.
2. HTML to page (Material's templates). Key: step 1's result after the on_page_content hooks, the
   title, the table of contents, meta, the whole navigation and the same configuration key.
3. The page's entries in the search index (Material's HTML parser). Key: as step 2, without the
   navigation.

A step that logged a warning is not kept, so its warning is shown again on the next rebuild.
``mkdocs build`` never uses any of this. The store is in kennisbank/page_cache.py.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from kennisbank import page_cache, preview
from mkdocs.plugins import event_priority, get_plugin_logger
from watchdog.observers.polling import PollingObserver

log = get_plugin_logger(__name__)
STORE = page_cache.STORE
POLLING_INTERVAL = 0.1  # seconds; a scan of docs/ and content/ takes a few milliseconds
EMPTY_TEMPLATE = "kb-preview-cache-hit.html"  # a reused page is not rendered again: its template is empty

# State of the current rebuild (this module is executed again for each one).
_keys: dict[str, dict[str, str]] = {"html": {}, "page": {}, "search": {}}
_hits: dict[str, dict[str, object]] = {"html": {}, "page": {}}
_warnings_before: dict[str, int] = {}
_context: dict[str, str] = {}


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _nav(items) -> list:
    return [(type(item).__name__, item.title, getattr(item, "url", None), _nav(getattr(item, "children", None) or []))
            for item in items]


@event_priority(-100)  # after the hook that adds the generated pages
def on_files(files, config):
    if not preview.previewing():
        return files
    STORE.watch_warnings("mkdocs")
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    theme = sorted((str(p), p.read_bytes()) for p in overrides.rglob("*.html")) if overrides else []
    _context["config"] = page_cache.key(Path(config.config_file_path).read_bytes(), config.site_url, config.extra,
                                        theme, sorted(f.src_uri for f in files))
    return files


@event_priority(-100)  # the navigation as every other hook left it
def on_nav(nav, config, files):
    if "config" in _context:
        _context["nav_items"] = nav.items
    return nav


@event_priority(-100)  # last: the Markdown as every other hook left it
def on_page_markdown(markdown, page, config, files):
    if "config" not in _context:
        return markdown
    src = page.file.src_uri
    html_key = page_cache.key(markdown, src, page.url, page.meta, _context["config"])
    hit = STORE.get("html", src, html_key)
    if hit is not None:
        _hits["html"][src] = hit
        return ""  # nothing left to convert; on_page_content puts the stored HTML back
    _keys["html"][src] = html_key
    _warnings_before[src] = STORE.warnings.count
    return markdown


@event_priority(100)  # first: the other hooks get the HTML as Python-Markdown made it
def on_page_content(html, page, config, files):
    src = page.file.src_uri
    hit = _hits["html"].pop(src, None)
    if hit is not None:
        content, page.toc, page._title_from_render, anchors, links = hit
        page.present_anchor_ids = set(anchors)
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(target): dict(found) for target, found in links.items()}
        return content
    html_key = _keys["html"].pop(src, None)
    if html_key is not None and STORE.warnings.count == _warnings_before.get(src):
        links = page.links_to_anchors
        STORE.put("html", src, html_key, (html, page.toc, page._title_from_render, frozenset(page.present_anchor_ids),
                                          None if links is None else {f.src_uri: dict(a) for f, a in links.items()}))
    return html


@event_priority(-100)  # every page has its final HTML and title; no page has been written yet
def on_env(env, config, files):
    if "config" not in _context:
        return env
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({EMPTY_TEMPLATE: ""}), env.loader])
    env.bytecode_cache = STORE.templates  # MkDocs makes a new environment per build: compile each template once
    nav = page_cache.key(_nav(_context.get("nav_items", [])))  # titles are read now, after every render
    reused = total = 0
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        total += 1
        src = file.src_uri
        search_key = page_cache.key(page.content, page.title, _toc(page.toc), page.url, page.meta)
        page_key = page_cache.key(search_key, nav, _context["config"], page.canonical_url, page.edit_url)
        _keys["search"][src] = search_key
        hit = STORE.get("page", src, page_key)
        if hit is not None:
            _hits["page"][src] = hit
            page.meta["template"] = EMPTY_TEMPLATE
            reused += 1
        else:
            _keys["page"][src] = page_key
    _reuse_search_entries(config)
    log.info("live preview: %d of %d pages rendered again, the others were unchanged", total - reused, total)
    return env


def _reuse_search_entries(config) -> None:
    """Material's search plugin indexes each page in on_page_context; give it the stored entries."""
    indexes = [getattr(plugin, "search_index", None) for name, plugin in config.plugins.items() if "search" in name]
    index = next((i for i in indexes if isinstance(getattr(i, "entries", None), list)), None)
    if index is None:
        return  # not Material's search plugin: it indexes every page itself
    index_page = index.add_entry_from_context

    def add_entry_from_context(page):
        src = page.file.src_uri
        search_key = _keys["search"].get(src)
        stored = STORE.get("search", src, search_key) if search_key else None
        if stored is not None:
            index.entries.extend(dict(entry) for entry in stored)
            return
        start = len(index.entries)
        index_page(page)
        if search_key:
            STORE.put("search", src, search_key, [dict(entry) for entry in index.entries[start:]])

    index.add_entry_from_context = add_entry_from_context


@event_priority(100)  # before the search plugin and any other page_context handler
def on_page_context(context, page, config, nav):
    _warnings_before[page.file.src_uri] = STORE.warnings.count
    return context


@event_priority(100)  # first: the other hooks get the page as the templates made it
def on_post_page(output, page, config):
    src = page.file.src_uri
    hit = _hits["page"].pop(src, None)
    if hit is not None:
        return hit
    page_key = _keys["page"].pop(src, None)
    if page_key is not None and STORE.warnings.count == _warnings_before.get(src):
        STORE.put("page", src, page_key, output)
    return output


def on_post_build(config):
    if "config" in _context:
        STORE.keep_only(set(_keys["search"]))


def on_serve(server, config, builder):
    """Poll for changes more often than MkDocs does, through the server's public watch API."""
    if not isinstance(server.observer, PollingObserver) or server.observer.is_alive():
        return server
    watched = []
    for path in [config.docs_dir, config.config_file_path, *config.theme.dirs]:
        try:
            server.unwatch(path)
        except KeyError:  # not watched (the theme only with --watch-theme)
            continue
        watched.append(path)
    server.observer = PollingObserver(timeout=POLLING_INTERVAL)
    for path in watched:
        server.watch(path)  # config.watch (content/) is added after this event, on the new observer
    return server
