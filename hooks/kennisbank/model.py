"""The content model: frozen records, looked up by id."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where a piece of Markdown starts, for errors that point at the right line."""

    path: str
    line: int


@dataclass(frozen=True)
class Pijler:
    id: str
    code: str
    titel: str
    volgorde: int
    kort: str
    uitleg: str
    origin: Origin

    @property
    def src(self) -> str:
        return f"model/{self.id}/index.md"


@dataclass(frozen=True)
class Principe:
    id: str
    pijler: str
    nummer: str
    titel: str
    kort: str
    body: str
    origin: Origin
    bronnen: tuple = ()

    @property
    def src(self) -> str:
        return f"model/{self.pijler}/{self.id}/index.md"

    @property
    def sort_key(self) -> tuple:
        return ("BOES".index(self.nummer[0]), int(self.nummer[1:]))


@dataclass(frozen=True)
class MboKader:
    id: str
    titel: str
    hoort_bij: str
    body: str
    origin: Origin

    @property
    def anchor(self) -> str:
        return f"mbo-{self.id}"


@dataclass(frozen=True)
class Begrip:
    id: str
    term: str
    kort: str
    uitleg: str
    origin: Origin
    synoniemen: tuple = ()
    zie_ook: tuple = ()
    bronnen: tuple = ()
    mbo: bool = False

    @property
    def sort_key(self) -> str:
        return self.term.casefold()


@dataclass(frozen=True)
class Bron:
    """A bibliography entry; ``csl`` keeps the CSL-JSON fields as written."""

    id: str
    csl: dict = field(hash=False, compare=False)
    origin: Origin = Origin("", 0)

    @property
    def volledig(self) -> bool:
        return bool(self.csl.get("volledig"))


@dataclass(frozen=True)
class Usage:
    """One reference in a text: what it points at and where it stands."""

    kind: str  # begrip, principe, pijler, mbo, bron, interventie
    target: str
    page: str  # src path of the page the text ends up on
    origin: Origin
    anchor: str = ""  # id of the heading above the reference, if any
    section: str = ""  # that heading's text


@dataclass(frozen=True)
class Niveau:
    """A level of the Dutch recognition system for interventions."""

    id: str
    label: str
    rang: int
    effectief: bool
    uitleg: str


@dataclass(frozen=True)
class Erkenning:
    """One judgement of a programme: a level, by whom, when, for how long."""

    niveau: str
    formulering: str
    beoordeeld_door: str
    bron: str
    datum: str = ""
    geldig_tot: str = ""
    uitkomst: str = ""

    def verlopen(self, vandaag: str) -> bool:
        """Past its validity; ISO strings (YYYY, YYYY-MM, YYYY-MM-DD) compare by prefix."""
        return bool(self.geldig_tot) and self.geldig_tot < vandaag[: len(self.geldig_tot)]


@dataclass(frozen=True)
class Uitkomst:
    uitkomst: str
    resultaat: str
    toelichting: str = ""
    bron: str = ""


@dataclass(frozen=True)
class Interventie:
    id: str
    naam: str
    samenvatting: str
    origin: Origin
    erkenning: tuple = ()
    ook_bekend_als: tuple = ()
    doelgroep: str = ""
    onderwijstype: tuple = ()
    leeftijd: str = ""
    preventieniveau: tuple = ()
    categorie: tuple = ()
    pijlers: tuple = ()
    principes: tuple = ()
    themas: tuple = ()
    uitkomsten: tuple = ()
    werkzame_elementen: tuple = ()
    bronnen: tuple = ()
    genoemd_in: tuple = ()
    laatst_gecontroleerd: str = ""

    @property
    def src(self) -> str:
        return f"interventies/{self.id}/index.md"

    @property
    def oordeel(self) -> Erkenning | None:
        """The most recent judgement (dated ones before undated ones)."""
        if not self.erkenning:
            return None
        return sorted(self.erkenning, key=lambda e: e.datum or "", reverse=True)[0]


@dataclass(frozen=True)
class Praktijk:
    """A practice story: people, their school type, the principles it shows."""

    id: str
    titel: str
    samenvatting: str
    personen: tuple
    onderwijstype: tuple
    principes: tuple
    bron: str
    body: str
    origin: Origin
    organisatie: str = ""

    @property
    def src(self) -> str:
        return f"praktijk/{self.id}/index.md"


@dataclass(frozen=True)
class Aanbeveling:
    id: str
    nummer: int
    titel: str
    tekst: str
    origin: Origin
    principes: tuple = ()
    mbo: tuple = ()
