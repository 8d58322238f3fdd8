"""The content model: frozen records, looked up by id."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


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
    uitleg: str  # Markdown, citing the registry page that defines the level
    origin: Origin = Origin("", 0)


BRONDOCUMENTEN = ("001", "002", "003", "004")  # the programme's own documents; any other 'bron' is a citation key


@dataclass(frozen=True)
class Erkenning:
    """One judgement of a programme: a level, by whom, when, for how long."""

    niveau: str
    formulering: str
    bron: str
    beoordeeld_door: str = ""
    beoordeeld_door_onbekend: bool = False  # the source names no committee (said explicitly, like datum_onbekend)
    datum: str = ""
    geldig_tot: str = ""
    uitkomst: str = ""
    datum_onbekend: bool = False  # the source states no date (said explicitly, so a missing date is never an oversight)
    toelichting: str = ""  # what the source says with the judgement, in our words (e.g. why 'niet erkend')
    afgeleid: str = ""  # how the level was deduced when no source states it; empty when read from the source
    bron_meldt_ouder_dan_vijf_jaar: bool = False  # the source itself says so (an undated registry page's banner)

    @property
    def uit_register(self) -> bool:
        """Read from a registry page (a bibliography entry), not from one of the programme's documents."""
        return self.bron not in BRONDOCUMENTEN

    def verlopen(self, vandaag: str) -> bool:
        """Past its validity; ISO strings (YYYY, YYYY-MM, YYYY-MM-DD) compare by prefix."""
        return bool(self.geldig_tot) and self.geldig_tot < vandaag[: len(self.geldig_tot)]

    @property
    def sorteerdatum(self) -> str:
        """The date as a sortable string; a year or month alone counts as its start (2016 < 2016-05)."""
        return (self.datum + "-00-00")[:10] if self.datum else ""

    def ouder_dan_vijf_jaar(self, vandaag: str) -> bool | None:
        """More than five years before vandaag; a year or month alone counts as its last day, so a
        judgement is never called old before it certainly is. Undated: True when the source itself says
        so, else None (unknown, which is not 'no')."""
        if self.bron_meldt_ouder_dan_vijf_jaar:
            return True
        if not self.datum:
            return None
        laatste = (self.datum + "-12-31"[len(self.datum) - 4:])  # 2016 -> 2016-12-31, 2016-05 -> 2016-05-31
        return f"{int(laatste[:4]) + 5}{laatste[4:]}" < vandaag


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

    @cached_property  # read for every facet, export row and template line: sort once per record
    def oordelen(self) -> tuple:
        """Judgements, current first: dated before undated; among dated ones, those read on a registry page
        before those our documents report (the factsheet only retells, with its publication year, what the
        registry had said earlier: a registry page with a full date in 2015 is not older news than the
        factsheet's '2016'); then latest date first; on equal dates the one listed later in the file first."""
        order = sorted(enumerate(self.erkenning),
                       key=lambda ie: (bool(ie[1].datum), ie[1].uit_register, ie[1].sorteerdatum, ie[0]), reverse=True)
        return tuple(e for _, e in order)

    @property
    def oordeel(self) -> Erkenning | None:
        """The current judgement: the latest dated registry judgement, else the latest dated one of our
        documents, else an undated one."""
        return self.oordelen[0] if self.erkenning else None

    @property
    def eerdere_oordelen(self) -> tuple:
        """The other judgements, in the order of ``oordelen`` (a document's may be dated after the current one)."""
        return self.oordelen[1:]

    def oordeel_uit(self, bron: str) -> Erkenning | None:
        """The latest judgement taken from one source (e.g. "002", the factsheet)."""
        return next((e for e in self.oordelen if e.bron == bron), None)

    @property
    def registeroordeel(self) -> Erkenning | None:
        """The latest judgement read from a registry page."""
        return next((e for e in self.oordelen if e.uit_register), None)


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
