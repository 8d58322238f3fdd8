"""The loaded content: records by id, lookups, and the index of every reference (usages).

Loading and checking live in ``loading.py``; this is what the rest of the package reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import references
from .errors import Problem, display_path
from .loader import key_path
from .model import (BRONDOCUMENTEN, Aanbeveling, Interventie, MboKader, Niveau, Origin, Pijler, Praktijk, Principe,
                    Usage)

CONTENT = "content"
SCHEMAS = "content/schemas"
AANBEVELINGEN_MARKER = "<!-- kb:mbo-aanbevelingen -->"
ERKENNING_MARKERS = ("<!-- kb:erkenning-uitleg -->", "<!-- kb:wat-is-veranderd -->")  # blocks that cite registry pages


@dataclass
class Kennisbank:
    root: Path
    pijlers: dict = field(default_factory=dict)
    principes: dict = field(default_factory=dict)
    mbo: dict = field(default_factory=dict)
    begrippen: dict = field(default_factory=dict)
    bronnen: dict = field(default_factory=dict)
    niveaus: dict = field(default_factory=dict)
    formuleringen: dict = field(default_factory=dict)
    # Markdown texts about the recognition system (content/erkenningsniveaus.yml): name -> (text, Origin)
    erkenningsteksten: dict = field(default_factory=dict)
    herbeoordeling_bron: str = ""  # citation key of the registry page that states the five-year rule
    interventies: dict = field(default_factory=dict)
    praktijk: dict = field(default_factory=dict)
    aanbevelingen: dict = field(default_factory=dict)
    usages: list = field(default_factory=list)
    vandaag: str = field(default_factory=lambda: date.today().isoformat())  # judgements past this date are expired
    aanbevelingen_page: str = ""  # the docs/ page that shows the mbo recommendations
    handout_urls: dict = field(default_factory=dict)  # handout page src -> address in its QR code
    search_meta: dict = field(default_factory=dict)  # page src -> search metadata (zoeken.search_meta)
    qr_codes: object = None  # handout.QrCodes, made while the build goes on
    page_titles: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # (kind, id) -> (Loaded, key prefix, display path)
    # Ids of records that failed their schema, and kinds whose file could not be read: references to
    # them are not reported again, so one broken record does not bury the editor in follow-up errors.
    invalid: set = field(default_factory=set)  # (kind, id)
    problems: list = field(default_factory=list)  # found while loading, when not raised at once
    unreadable: set = field(default_factory=set)  # kind
    parsed: object = None  # parse_cache.ParseCache: files parsed and checked in an earlier build

    def save_caches(self) -> None:
        """Keep what this build computed for the next one (parsed files, citeproc's output)."""
        if self.parsed is not None:
            self.parsed.save()
        if getattr(self, "_apa", None) is not None:
            self._apa.save()

    BEGRIPPEN_SRC = "begrippen/index.md"
    BRONNEN_SRC = "bronnen/index.md"
    MODEL_SRC = "model/index.md"
    INTERVENTIES_SRC = "interventies/index.md"
    MATRIX_SRC = "interventies/matrix/index.md"

    def where(self, kind: str, ident: str, *path) -> tuple[str, int, str]:
        """(file, line, key path) of a field of a record, for problems found after loading."""
        loaded, prefix, display = self.marks[(kind, ident)]
        return display, loaded.line(prefix + path), key_path(prefix + path)

    def origin_of(self, kind: str, ident: str, *path) -> Origin:
        """Where the text of a field starts (for Markdown in list items and other nested fields)."""
        loaded, prefix, display = self.marks[(kind, ident)]
        return Origin(display, loaded.text_line(prefix + path))

    def problem(self, kind: str, ident: str, path: tuple, message: str) -> Problem:
        return Problem(*self.where(kind, ident, *path), message)

    @property
    def apa(self):
        """APA formatting of all sources, made once per build (citeproc is slow)."""
        if getattr(self, "_apa", None) is None:
            from .apa_cache import CachedApa
            from .cache import cache_dir

            self._apa = CachedApa(self.bronnen, cache_dir(self.root))  # kept between builds
        return self._apa

    # -- lookups -----------------------------------------------------------
    def principe(self, ref: str) -> Principe | None:
        """By id or by short code (B1 ... S3)."""
        if ref in self.principes:
            return self.principes[ref]
        return next((p for p in self.principes.values() if p.nummer == ref.upper()), None)

    def principes_van(self, pijler_id: str) -> list[Principe]:
        return sorted((p for p in self.principes.values() if p.pijler == pijler_id), key=lambda p: p.sort_key)

    def alle_principes(self) -> list[Principe]:
        return sorted(self.principes.values(), key=lambda p: p.sort_key)

    def pijlers_op_volgorde(self) -> list[Pijler]:
        return sorted(self.pijlers.values(), key=lambda p: p.volgorde)

    def kaders_bij(self, ref: str) -> list[MboKader]:
        return sorted((k for k in self.mbo.values() if k.hoort_bij == ref), key=lambda k: k.id)

    def page_of(self, ref: str) -> str | None:
        """Source path of the page of a principle or pillar id."""
        if ref in self.principes:
            return self.principes[ref].src
        if ref in self.pijlers:
            return self.pijlers[ref].src
        return None

    def target(self, kind: str, ref: str):
        """(page src, anchor, tooltip, css class) for a reference, or None."""
        if kind == "begrip" and ref in self.begrippen:
            b = self.begrippen[ref]
            return self.BEGRIPPEN_SRC, b.id, b.kort, "kb-begrip"
        if kind == "principe" and (p := self.principe(ref)):
            return p.src, "", f"{p.nummer} · {p.kort}", "kb-principe"
        if kind == "pijler" and ref in self.pijlers:
            p = self.pijlers[ref]
            return p.src, "", p.kort, "kb-pijler"
        if kind == "mbo" and ref in self.mbo:
            k = self.mbo[ref]
            return self.page_of(k.hoort_bij), k.anchor, f"mbo: {k.titel}", "kb-mbo"
        if kind == "interventie" and ref in self.interventies:
            i = self.interventies[ref]
            oordeel = i.oordeel
            label = self.niveaus[oordeel.niveau].label + (f" ({oordeel.datum[:4]})" if oordeel.datum else "") \
                if oordeel else "geen oordeel gevonden"
            return i.src, "", f"{i.naam}: {label}", "kb-interventie"
        if kind == "praktijk" and ref in self.praktijk:
            return self.praktijk[ref].src, "", self.praktijk[ref].samenvatting, "kb-praktijk"
        if kind == "bron" and ref in self.bronnen:
            return self.BRONNEN_SRC, f"ref-{ref}", self.apa.reference_text(ref), "kb-cite"
        return None

    def known(self, kind: str):
        return {"begrip": self.begrippen, "principe": self.principes, "pijler": self.pijlers,
                "mbo": self.mbo, "bron": self.bronnen, "interventie": self.interventies,
                "praktijk": self.praktijk}.get(kind, {})

    def interventies_bij(self, principe_id: str) -> list[Interventie]:
        return sorted((i for i in self.interventies.values() if principe_id in i.principes), key=lambda i: i.naam.casefold())

    def praktijk_bij(self, principe_id: str) -> list[Praktijk]:
        return sorted((p for p in self.praktijk.values() if principe_id in p.principes), key=lambda p: p.titel)

    def aanbevelingen_bij(self, principe_id: str) -> list[Aanbeveling]:
        return sorted((a for a in self.aanbevelingen.values() if principe_id in a.principes), key=lambda a: a.nummer)

    def alle_interventies(self) -> list[Interventie]:
        return sorted(self.interventies.values(), key=lambda i: i.naam.casefold())

    def niveaus_op_rang(self) -> list[Niveau]:
        return sorted(self.niveaus.values(), key=lambda n: n.rang)

    def docs_origin(self, docs_dir, src: str) -> Origin:
        return Origin(display_path(Path(docs_dir) / src, self.root), 1)

    def docs_problem(self, docs_dir, src: str, message: str) -> Problem:
        return Problem(self.docs_origin(docs_dir, src).path, 0, "", message)

    # -- usages ------------------------------------------------------------
    def _usage_index(self):
        """Usages by page and by target, built once after indexing (pages ask per build page)."""
        if getattr(self, "_index_size", None) != len(self.usages):
            by_page, by_target = {}, {}
            for u in self.usages:
                by_page.setdefault((u.page, u.kind), []).append(u)
                by_target.setdefault((u.kind, u.target), []).append(u)
            self._by_page, self._by_target, self._index_size = by_page, by_target, len(self.usages)
        return self._by_page, self._by_target
    def used_on(self, kind: str, target: str) -> list[str]:
        """Page src paths that refer to a target, in site order, without duplicates."""
        return list(dict.fromkeys(u.page for u in self._usage_index()[1].get((kind, target), [])))

    def sections_citing(self, kind: str, target: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """[(page src, [(anchor, heading), ...])] for a target, pages in site order."""
        out: dict[str, list] = {}
        for u in self._usage_index()[1].get((kind, target), []):
            sections = out.setdefault(u.page, [])
            if u.anchor and (u.anchor, u.section) not in sections:
                sections.append((u.anchor, u.section))
        return list(out.items())

    def never_cited(self) -> list[str]:
        """Sources in the bibliography that no page cites (they stay: the source documents cite them)."""
        cited = {u.target for u in self.usages if u.kind == "bron"}
        for p in self.principes.values():
            cited |= set(p.bronnen)
        for b in self.begrippen.values():
            cited |= set(b.bronnen)
        for i in self.interventies.values():
            cited |= set(i.bronnen) | {e.bron for e in i.erkenning} | {u.bron for u in i.uitkomsten}
        return sorted(set(self.bronnen) - cited)

    def used_by(self, page: str, kind: str) -> list[str]:
        return list(dict.fromkeys(u.target for u in self._usage_index()[0].get((page, kind), [])))

    def content_texts(self):
        """(text, origin, page src) of every Markdown text kept in content/."""
        for p in self.pijlers.values():
            yield p.uitleg, p.origin, p.src
        for p in self.principes.values():
            yield p.body, p.origin, p.src
        for k in self.mbo.values():
            page = self.page_of(k.hoort_bij)
            if page:
                yield k.body, k.origin, page
        for b in self.begrippen.values():
            yield b.uitleg, b.origin, self.BEGRIPPEN_SRC
        for i in self.interventies.values():
            yield i.samenvatting, i.origin, i.src
            yield from self.erkenning_citations(i, i.src)
            for j, element in enumerate(i.werkzame_elementen):  # Markdown too: they cite their sources
                yield element, self.origin_of("interventie", i.id, "werkzame_elementen", j), i.src
        if self.interventies:  # the list page explains the levels and the system
            yield from self.erkenning_texts(self.INTERVENTIES_SRC)
        for p in self.praktijk.values():
            yield p.body, p.origin, p.src

    def erkenning_texts(self, page: str):
        """The texts about the recognition system, shown on ``page``."""
        for n in self.niveaus.values():
            yield n.uitleg, n.origin, page
        for text, origin in self.erkenningsteksten.values():
            yield text, origin, page

    def erkenning_citations(self, i: Interventie, page: str):
        """A programme's registry judgements cite their registry page wherever they are shown (templates
        write the citation; this records it, so the page lists the source and the source its pages).
        An unknown key is reported once, by the record check."""
        for e in i.erkenning:
            if e.uit_register and e.bron in self.bronnen:
                yield f"[@{e.bron}]", i.origin, page

    def page_texts(self, pages, docs_dir):
        """Texts of docs/ pages, plus the content their block markers pull in."""
        for src, _, text in pages:
            yield text, self.docs_origin(docs_dir, src), src
            if "<!-- kb:mbo-kaders-overzicht -->" in text:  # the mbo boxes are shown there too
                for k in self.mbo.values():
                    yield k.body, k.origin, src
            if ERKENNING_MARKERS[0] in text:
                yield from self.erkenning_texts(src)
            if ERKENNING_MARKERS[1] in text:  # the block cites the registry page of each changed level
                from .interventies import veranderingen
                for i, _, nieuw in veranderingen(self):
                    yield f"[@{nieuw.bron}]", i.origin, src
            if AANBEVELINGEN_MARKER in text:
                self.aanbevelingen_page = src
                for a in self.aanbevelingen.values():
                    yield a.tekst, a.origin, src

    def index_texts(self, texts) -> list[Problem]:
        """Record every reference in ``texts`` and report the unknown ones.

        ``texts`` yields (markdown, origin, page src); the page src is where the text is shown.
        """
        problems = []
        for text, origin, page in texts:
            headings = references.headings(text)
            for ref in references.scan(text):
                line = origin.line + references.line_of(text, ref.offset)
                if ref.malformed:
                    problems.append(Problem(origin.path, line, "", f"malformed citation {ref.malformed!r}: "
                                            "write [@key] or [@key1; @key2, p. 12]"))
                    continue
                if ref.kind == "principe" and self.principe(ref.target):
                    target = self.principe(ref.target).id
                elif ref.target in self.known(ref.kind):
                    target = ref.target
                elif ref.kind in self.unreadable or (ref.kind, ref.target) in self.invalid \
                        or (ref.kind == "principe" and "principe-code" in self.unreadable
                            and re.fullmatch(r"[BOESboes][1-9]", ref.target)):
                    continue
                else:
                    what = "citation key" if ref.kind == "bron" else f"{ref.kind} id"
                    candidates = set(self.known(ref.kind)) | {i for k, i in self.invalid if k == ref.kind}
                    problems.append(Problem(origin.path, line, "", f"unknown {what} {ref.target!r}"
                                            + references.suggest(ref.target, candidates)))
                    continue
                anchor, section = references.heading_before(headings, ref.offset)
                self.usages.append(Usage(ref.kind, target, page, Origin(origin.path, line), anchor, section))
        return problems
