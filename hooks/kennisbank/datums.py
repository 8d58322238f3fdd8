"""Dates as Dutch readers write them: 25 november 2026, november 2026, 2026."""
from __future__ import annotations

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def nl_datum(value: str | None) -> str:
    """'2026-11-25' -> '25 november 2026'; 'JJJJ-MM' -> 'november 2026'; 'JJJJ' stays; empty stays empty."""
    if not value:
        return ""
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    maand = MAANDEN[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{maand} {parts[0]}"
    return f"{int(parts[2])} {maand} {parts[0]}"
