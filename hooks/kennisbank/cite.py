"""Author–year strings for citations (APA 7 conventions in Dutch)."""
from __future__ import annotations

from .model import Bron


def _name(person: dict) -> str:
    return person.get("literal") or " ".join(
        part for part in (person.get("non-dropping-particle"), person.get("family")) if part
    )


def authors_short(bron: Bron) -> str:
    """'Stevens et al.', 'Weare & Nind', 'Trimbos-instituut'."""
    people = bron.csl.get("author") or bron.csl.get("editor") or []
    if not people:
        return bron.csl.get("title", bron.id)
    if len(people) >= 3 or bron.csl.get("et_al"):
        return f"{_name(people[0])} et al."
    return " & ".join(_name(p) for p in people)


def authors_full(bron: Bron) -> str:
    people = bron.csl.get("author") or bron.csl.get("editor") or []
    names = [_name(p) + (f", {p['given']}" if p.get("given") else "") for p in people]
    if bron.csl.get("et_al"):  # the rest of the authors is not known yet
        return ", ".join(names) + " et al."
    if len(names) > 1:
        # APA's serial comma; two names without initials read as "Weare & Nind"
        comma = "," if len(names) > 2 or any(p.get("given") for p in people) else ""
        return ", ".join(names[:-1]) + f"{comma} & " + names[-1]
    return ", ".join(names)


def year(bron: Bron) -> str:
    parts = (bron.csl.get("issued") or {}).get("date-parts") or []
    suffix = bron.csl.get("jaar_suffix", "")
    if parts and parts[0]:
        return f"{parts[0][0]}{suffix}"
    return f"z.d.-{suffix}" if suffix else "z.d."


def parenthetical(bron: Bron, locator: str = "") -> str:
    text = f"{authors_short(bron)}, {year(bron)}"
    return f"{text}, {locator}" if locator else text


def narrative(bron: Bron, locator: str = "") -> str:
    inner = f"{year(bron)}, {locator}" if locator else year(bron)
    return f"{authors_short(bron)} ({inner})"


def reference(bron: Bron) -> str:
    """Plain-text reference for tooltips and the list (full APA comes with citeproc)."""
    csl = bron.csl
    out = f"{authors_full(bron) or authors_short(bron)} ({year(bron)})."
    if csl.get("title"):
        out += f" {csl['title']}."
    if csl.get("container-title"):
        out += f" {csl['container-title']}."
    if csl.get("publisher"):
        out += f" {csl['publisher']}."
    return out


def sort_key(bron: Bron) -> tuple:
    people = bron.csl.get("author") or [{}]
    first = (_name(people[0]) or bron.id).casefold()
    parts = (bron.csl.get("issued") or {}).get("date-parts") or [[0]]
    return (first, len(people), parts[0][0], bron.csl.get("jaar_suffix", ""), bron.id)
