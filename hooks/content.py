"""MkDocs hook: load and check all content once, and add the pages built from it.

Thin on purpose: everything it does is a call into the ``kennisbank`` package. Under
``mkdocs serve`` (the live preview) content problems do not stop the server: they are listed
in the terminal and at the top of every page, and the next save rebuilds from scratch
(MkDocs reloads the configuration, so on_config reads content/ again).
"""
from __future__ import annotations

import logging
from pathlib import Path

from kennisbank import ContentError, Kennisbank, Problem, load_kennisbank, preview, qr_cache, render
from kennisbank.cache import cache_dir
from kennisbank.errors import display_path
from kennisbank.loader import NotText, read_text
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import CountHandler

log = get_plugin_logger(__name__)


def on_startup(command, dirty):
    preview.start(command)


def _fail(error: ContentError) -> PluginError:
    for problem in error.problems:
        log.error(str(problem))
    summary = str(error).splitlines()[-1]
    return PluginError(f"content check failed: {summary} (listed above)")


def on_config(config):
    root = Path(config.config_file_path).parent
    # Problems are raised in on_files, together with those of the pages in docs/.
    try:
        kb = load_kennisbank(root, strict=False)
    except Exception as exc:  # noqa: BLE001 - a gap in the checks must still name itself, not stop a preview
        if not preview.previewing():
            raise
        kb = Kennisbank(root)
        kb.problems = [Problem("content", 0, "", f"could not load: {type(exc).__name__}: {exc}")]
    if config.nav is not None and not render.insert_model_nav(config.nav, kb):
        log.warning("nav has no entry for %s: the model's pages are left out of the navigation", kb.MODEL_SRC)
    redirects = config.plugins.get("redirects")
    if redirects is not None:  # short links for handouts, written by mkdocs-redirects
        redirects.config["redirect_maps"].update(render.short_links(kb))
    kb.handout_urls = render.handout_urls(kb, config.site_url)
    # made on the other core meanwhile, in the order MkDocs renders the pages
    kb.qr_codes = qr_cache.codes([kb.handout_urls[src] for src in sorted(kb.handout_urls)], cache_dir(root))
    config["kennisbank"] = kb  # read by the other hook modules in this build
    return config


def _docs_pages(files, config, kb) -> tuple[list, list[Problem]]:
    """(src, title, markdown) of the docs/ pages; a file that is not UTF-8 is a problem, not a traceback."""
    pages, problems = [], []
    for f in files.documentation_pages():
        try:
            text = f.content_string
        except UnicodeDecodeError:
            try:
                read_text(Path(f.abs_src_path), display_path(Path(f.abs_src_path), kb.root))
            except NotText as exc:
                problems.append(exc.problem)
            continue
        pages.append((f.src_uri, render.markdown_title(text, f.src_uri), text))
    return pages, problems


@event_priority(50)  # before mkdocs-redirects looks up its targets among the pages
def on_files(files, config):
    kb = config["kennisbank"]
    pages, unreadable = _docs_pages(files, config, kb)
    for src in {p.src_uri for p in files.documentation_pages()} - {src for src, _, _ in pages}:
        files.remove(files.get_file_from_path(src))
    kb.page_titles.update({src: title for src, title, _ in pages})
    problems = kb.problems + unreadable + kb.index_texts(kb.page_texts(pages, config.docs_dir))
    if problems and not preview.previewing():
        raise _fail(ContentError(problems))
    on_error = None
    if problems:
        # the report is on every page; it, and unresolved links to the broken records, must not stop the preview
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
            logger.removeHandler(handler)
        for problem in sorted(set(problems)):
            log.error(str(problem))
        on_error = preview.error_page
    kb.preview_problems = problems
    for src, markdown in render.generated_pages(kb, config.use_directory_urls, config.site_url, on_error).items():
        if files.get_file_from_path(src):
            problems.append(kb.docs_problem(config.docs_dir, src, "this path is generated from content/; remove the file"))
            continue
        # Programme and story pages stay out of the navigation: a nav of N pages puts N links on every page.
        hidden = (src.startswith(("interventies/", "praktijk/")) and src not in (kb.INTERVENTIES_SRC, kb.MATRIX_SRC)) \
            or src.endswith("/handout/index.md")
        files.append(File.generated(config, src, content=markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED))
    if problems and not preview.previewing():
        raise _fail(ContentError(problems))
    return files


def on_page_content(html, page, config, files):
    problems = getattr(config["kennisbank"], "preview_problems", None)
    return preview.banner(problems) + html if problems else html


def on_post_build(config):
    kb = config["kennisbank"]
    kb.save_caches()  # parsed files and citeproc's output, for the next build
    if kb.qr_codes is not None:
        qr_cache.save(kb.qr_codes)
