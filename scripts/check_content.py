#!/usr/bin/env python3
"""Check all content without building the site.

Prints every problem as ``path:line: key.path: message`` and a final count, and exits 1
when there is any (unknown or malformed citation keys, DOIs that are no DOI, unknown ids,
files in the wrong place, published links that would disappear, ...); exit 0 and a one-line
summary when the content is sound, after notes on the sources that no page cites and on principles
whose practice points the self-scan cannot use.

    python3 scripts/check_content.py [PROJECT_ROOT]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import ContentError, load_kennisbank, permalinks, zelfscan  # noqa: E402
from kennisbank.docs import docs_pages  # noqa: E402
from kennisbank.errors import Problem  # noqa: E402
from kennisbank.render import generated_pages  # noqa: E402


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    unreadable: list[Problem] = []
    pages = docs_pages(root / "docs", unreadable)
    kb = load_kennisbank(root, pages, strict=False)
    problems = kb.problems + unreadable
    if not problems:  # the pages can be made: check what they would publish
        clashes = sorted(set(generated_pages(kb)) & {src for src, _, _ in pages})
        problems += [Problem(f"docs/{src}", 0, "", "this path is generated from content/; remove the file")
                     for src in clashes]
        problems += permalinks.check(kb, pages, root)
    kb.save_caches()  # parsed files and citeproc's output, for the next check or build
    if problems:
        print(ContentError(problems))
        return 1
    never = kb.never_cited()
    if never:
        print(f"note: {len(never)} source{'s are' if len(never) != 1 else ' is'} in content/bronnen.yml but cited "
              f"on no page: {', '.join(never)}")
    # a principle the self-scan cannot use is valid content, but its editor should know
    for problem in zelfscan.problemen(kb):
        print(f"note: {problem}")
    complete = sum(b.volledig for b in kb.bronnen.values())
    print(f"content OK: {len(kb.principes)} principles, {len(kb.begrippen)} terms, {len(kb.bronnen)} sources "
          f"({complete} complete), {len(kb.interventies)} programmes, {len(kb.mbo)} mbo boxes, "
          f"{len(pages)} pages in docs/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
