"""MkDocs hook: load and check all content once, and add the pages built from it.

Thin on purpose: everything it does is a call into the ``kennisbank`` package.
"""
from __future__ import annotations

from pathlib import Path

from kennisbank import ContentError, handout, load_kennisbank, render
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

log = get_plugin_logger(__name__)


def _fail(error: ContentError) -> PluginError:
    for problem in error.problems:
        log.error(str(problem))
    summary = str(error).splitlines()[-1]
    return PluginError(f"content check failed: {summary} (listed above)")


def on_config(config):
    root = Path(config.config_file_path).parent
    # Problems are raised in on_files, together with those of the pages in docs/.
    kb = load_kennisbank(root, strict=False)
    if config.nav is not None and not render.insert_model_nav(config.nav, kb):
        log.warning("nav has no entry for %s: the model's pages are left out of the navigation", kb.MODEL_SRC)
    redirects = config.plugins.get("redirects")
    if redirects is not None:  # short links for handouts, written by mkdocs-redirects
        redirects.config["redirect_maps"].update(render.short_links(kb))
    kb.handout_urls = render.handout_urls(kb, config.site_url)
    # made on the other core meanwhile, in the order MkDocs renders the pages
    kb.qr_codes = handout.QrCodes([kb.handout_urls[src] for src in sorted(kb.handout_urls)])
    config["kennisbank"] = kb  # read by the other hook modules in this build
    return config


@event_priority(50)  # before mkdocs-redirects looks up its targets among the pages
def on_files(files, config):
    kb = config["kennisbank"]
    pages = [(f.src_uri, render.markdown_title(f.content_string, f.src_uri), f.content_string)
             for f in files.documentation_pages()]
    kb.page_titles.update({src: title for src, title, _ in pages})
    problems = kb.problems + kb.index_texts(kb.page_texts(pages, config.docs_dir))
    if problems:
        raise _fail(ContentError(problems))
    for src, markdown in render.generated_pages(kb, config.use_directory_urls, config.site_url).items():
        if files.get_file_from_path(src):
            problems.append(kb.docs_problem(config.docs_dir, src, "this path is generated from content/; remove the file"))
            continue
        # Programme and story pages stay out of the navigation: a nav of N pages puts N links on every page.
        hidden = (src.startswith(("interventies/", "praktijk/")) and src not in (kb.INTERVENTIES_SRC, kb.MATRIX_SRC)) \
            or src.endswith("/handout/index.md")
        files.append(File.generated(config, src, content=markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED))
    if problems:
        raise _fail(ContentError(problems))
    return files
