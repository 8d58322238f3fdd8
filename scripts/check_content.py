#!/usr/bin/env python3
"""Check all content without building the site.

Prints every problem as ``path:line: key.path: message`` and a final count, and exits 1
when there is any (unknown or malformed citation keys, DOIs that are no DOI, unknown ids, ...);
exit 0 and a one-line summary when the content is sound, after a note on the sources that
no page cites.

    python3 scripts/check_content.py [PROJECT_ROOT]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import ContentError, load_kennisbank  # noqa: E402
from kennisbank.docs import docs_pages  # noqa: E402
from kennisbank.render import generated_pages  # noqa: E402


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    pages = docs_pages(root / "docs")
    try:
        kb = load_kennisbank(root, pages)
    except ContentError as error:
        print(error)
        return 1
    clashes = sorted(set(generated_pages(kb)) & {src for src, _, _ in pages})
    for src in clashes:
        print(f"docs/{src}: this path is generated from content/; remove the file")
    if clashes:
        print(f"{len(clashes)} problem{'s' if len(clashes) != 1 else ''} in {len(clashes)} files")
        return 1
    never = kb.never_cited()
    if never:
        print(f"note: {len(never)} source{'s are' if len(never) != 1 else ' is'} in content/bronnen.yml but cited "
              f"on no page: {', '.join(never)}")
    complete = sum(b.volledig for b in kb.bronnen.values())
    print(f"content OK: {len(kb.principes)} principles, {len(kb.begrippen)} terms, {len(kb.bronnen)} sources "
          f"({complete} complete), {len(kb.interventies)} programmes, {len(kb.mbo)} mbo boxes, "
          f"{len(pages)} pages in docs/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
