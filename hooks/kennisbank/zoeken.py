"""What Material's search indexes, per page: handouts stay out (they repeat the page they
summarise), a principle's page outranks pages that merely mention it, and a programme is found
by its themes. Returned as the page's ``search`` and ``tags`` metadata, which the search plugin reads."""
from __future__ import annotations

from . import interventies

PRINCIPLE_BOOST = 2


def search_meta(kb) -> dict[str, dict]:
    """Metadata to merge into a page's own, by source path. Built once per build: a lookup per page,
    not a scan of every record for every page (10,000 pages at 5,000 programmes)."""
    meta: dict[str, dict] = {}
    for p in kb.principes.values():
        meta[p.src] = {"search": {"boost": PRINCIPLE_BOOST}}
    for i in kb.interventies.values():
        # Material's search weighs tags far above text: "pesten" finds the anti-bullying programmes first.
        meta[i.src] = {"tags": [interventies.value_label(kb, "thema", t) for t in i.themas]}
    for record in [*kb.principes.values(), *kb.interventies.values()]:
        meta[record.src.replace("index.md", "handout/index.md")] = {"search": {"exclude": True}}  # as render names them
    return meta
