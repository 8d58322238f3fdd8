"""What Material's search indexes, per page: handouts stay out (they repeat the page they
summarise), a principle's page outranks pages that merely mention it, and a programme is found
by its themes. Returned as the page's ``search`` and ``tags`` metadata, which the search plugin reads."""
from __future__ import annotations

from . import interventies

PRINCIPLE_BOOST = 2


def search_meta(kb, src: str) -> dict:
    """Metadata to merge into the page's own, for the page with source path ``src``."""
    if src.endswith("/handout/index.md"):
        return {"search": {"exclude": True}}
    if any(p.src == src for p in kb.principes.values()):
        return {"search": {"boost": PRINCIPLE_BOOST}}
    programme = next((i for i in kb.interventies.values() if i.src == src), None)
    if programme is not None:
        # Material's search weighs tags far above text: "pesten" finds the anti-bullying programmes first.
        return {"tags": [interventies.value_label(kb, "thema", t) for t in programme.themas]}
    return {}
