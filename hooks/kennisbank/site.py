"""Load all content once, check it all, and index it.

``load_kennisbank`` reads content/ and the Markdown pages under docs/, collects every
problem in every file, and raises one ContentError listing them all.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import references
from .errors import ContentError, Problem, display_path
from .loader import Loaded, key_path, load_markdown, load_yaml
from .model import (Aanbeveling, Begrip, Bron, Erkenning, Interventie, MboKader, Niveau, Origin, Pijler, Praktijk,
                    Principe, Uitkomst, Usage)
from .validate import check

CONTENT = "content"
SCHEMAS = "content/schemas"
SEEDS = ("001", "002", "003", "004")  # the programme's source documents, valid as a 'bron' of a judgement
AANBEVELINGEN_MARKER = "<!-- kb:mbo-aanbevelingen -->"


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
    interventies: dict = field(default_factory=dict)
    praktijk: dict = field(default_factory=dict)
    aanbevelingen: dict = field(default_factory=dict)
    usages: list = field(default_factory=list)
    vandaag: str = field(default_factory=lambda: date.today().isoformat())  # judgements past this date are expired
    aanbevelingen_page: str = ""  # the docs/ page that shows the mbo recommendations
    page_titles: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # (kind, id) -> (Loaded, key prefix, display path)
    # Ids of records that failed their schema, and kinds whose file could not be read: references to
    # them are not reported again, so one broken record does not bury the editor in follow-up errors.
    invalid: set = field(default_factory=set)  # (kind, id)
    problems: list = field(default_factory=list)  # found while loading, when not raised at once
    unreadable: set = field(default_factory=set)  # kind

    BEGRIPPEN_SRC = "begrippen/index.md"
    BRONNEN_SRC = "bronnen/index.md"
    MODEL_SRC = "model/index.md"
    INTERVENTIES_SRC = "interventies/index.md"
    MATRIX_SRC = "interventies/matrix/index.md"

    def where(self, kind: str, ident: str, *path) -> tuple[str, int, str]:
        """(file, line, key path) of a field of a record, for problems found after loading."""
        loaded, prefix, display = self.marks[(kind, ident)]
        return display, loaded.line(prefix + path), key_path(prefix + path)

    def problem(self, kind: str, ident: str, path: tuple, message: str) -> Problem:
        return Problem(*self.where(kind, ident, *path), message)

    @property
    def apa(self):
        """APA formatting of all sources, made once per build (citeproc is slow)."""
        if getattr(self, "_apa", None) is None:
            from .cite import Apa

            self._apa = Apa(self.bronnen)
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
            label = self.niveaus[oordeel.niveau].label if oordeel else "geen erkenning bekend"
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
    def used_on(self, kind: str, target: str) -> list[str]:
        """Page src paths that refer to a target, in site order, without duplicates."""
        pages = []
        for u in self.usages:
            if u.kind == kind and u.target == target and u.page not in pages:
                pages.append(u.page)
        return pages

    def sections_citing(self, kind: str, target: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """[(page src, [(anchor, heading), ...])] for a target, pages in site order."""
        out: dict[str, list] = {}
        for u in self.usages:
            if u.kind == kind and u.target == target:
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
        targets = []
        for u in self.usages:
            if u.page == page and u.kind == kind and u.target not in targets:
                targets.append(u.target)
        return targets

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
        for p in self.praktijk.values():
            yield p.body, p.origin, p.src

    def page_texts(self, pages, docs_dir):
        """Texts of docs/ pages, plus the content their block markers pull in."""
        for src, _, text in pages:
            yield text, self.docs_origin(docs_dir, src), src
            if "<!-- kb:mbo-kaders-overzicht -->" in text:  # the mbo boxes are shown there too
                for k in self.mbo.values():
                    yield k.body, k.origin, src
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
                elif ref.kind in self.unreadable or (ref.kind, ref.target) in self.invalid:
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


# -- loading -------------------------------------------------------------------
def load_kennisbank(root: Path, pages: list[tuple[str, str, str]] | None = None, strict: bool = True) -> Kennisbank:
    """Load content under ``root``; ``pages`` are (src path, title, markdown) of docs/ pages.

    With ``strict`` every problem is raised at once as a ContentError; without it the
    problems are kept in ``kb.problems`` so a caller can add its own before failing.
    """
    root = Path(root)
    kb = Kennisbank(root)
    problems: list[Problem] = []
    problems += _load_pijlers(kb)
    problems += _load_principes(kb)
    problems += _load_mbo(kb)
    problems += _load_begrippen(kb)
    problems += _load_bronnen(kb)
    problems += _load_niveaus(kb)
    problems += _load_interventies(kb)
    problems += _load_praktijk(kb)
    problems += _load_aanbevelingen(kb)
    problems += _cross_check(kb)
    problems += kb.index_texts(kb.content_texts())
    if pages is not None:
        kb.page_titles.update({src: title for src, title, _ in pages})
        problems += kb.index_texts(kb.page_texts(pages, root / "docs"))
    kb.problems = problems
    if problems and strict:
        raise ContentError(problems)
    return kb


def _schema(kb: Kennisbank, name: str) -> Path:
    return kb.root / SCHEMAS / f"{name}.schema.json"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _load_list(kb: Kennisbank, rel: str, schema: str, kind: str, required: bool = True):
    """Yield (loaded, index, item, display) for each valid item of a YAML list file; collect problems."""
    path = kb.root / rel
    display = display_path(path, kb.root)
    problems: list[Problem] = []
    items = []
    if not path.exists() and not required:
        return problems, items
    if not path.exists():
        kb.unreadable.add(kind)
        return [Problem(display, 0, "", "file is missing")], items
    loaded = load_yaml(_read(path), display)
    problems += loaded.problems
    if loaded.data is None and not loaded.problems:
        loaded.data = []
    if loaded.problems and loaded.data is None:
        kb.unreadable.add(kind)
        return problems, items
    if not isinstance(loaded.data, list):
        kb.unreadable.add(kind)
        return problems + [Problem(display, 1, "", "expected a list of entries")], items
    for i, item in enumerate(loaded.data):
        item_problems = check(loaded, item, (i,), _schema(kb, schema), display)
        problems += item_problems
        if not item_problems:
            items.append((loaded, i, item, display))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            kb.invalid.add((kind, item["id"]))
    return problems, items


def _duplicate(seen: dict, ident: str, display: str, line: int, key: str) -> list[Problem]:
    if ident in seen:
        return [Problem(display, line, key, f"duplicate id {ident!r} (first at {seen[ident]})")]
    seen[ident] = f"{display}:{line}"
    return []


def _load_pijlers(kb: Kennisbank) -> list[Problem]:
    problems, items = _load_list(kb, f"{CONTENT}/model/pijlers.yml", "pijler", "pijler")
    seen: dict = {}
    for loaded, i, item, display in items:
        problems += _duplicate(seen, item["id"], display, loaded.line((i, "id")), key_path((i, "id")))
        kb.pijlers[item["id"]] = Pijler(
            id=item["id"], code=item["code"], titel=item["titel"], volgorde=item["volgorde"], kort=item["kort"],
            uitleg=item["uitleg"], origin=Origin(display, loaded.text_line((i, "uitleg"))))
    return problems


def _load_markdown_dir(kb: Kennisbank, pattern: str, schema: str, kind: str):
    return _load_dir(kb, pattern, schema, kind, lambda text, display: load_markdown(text, display))


def _load_yaml_dir(kb: Kennisbank, pattern: str, schema: str, kind: str):
    """One record per YAML file, with the file name as its id."""
    from .loader import Document

    return _load_dir(kb, pattern, schema, kind, lambda text, display: Document(load_yaml(text, display), "", 1))


def _load_dir(kb: Kennisbank, pattern: str, schema: str, kind: str, read):
    problems: list[Problem] = []
    docs = []
    seen: dict = {}
    paths = sorted((kb.root / CONTENT).glob(pattern))
    for path in paths:
        display = display_path(path, kb.root)
        doc = read(_read(path), display)
        problems += doc.meta.problems
        if not isinstance(doc.meta.data, dict):
            if doc.meta.data is not None:
                problems.append(Problem(display, doc.meta.line(()), "", "expected a mapping of keys"))
            kb.invalid.add((kind, path.stem))
            continue
        meta_problems = check(doc.meta, doc.meta.data, (), _schema(kb, schema), display)
        problems += meta_problems
        if meta_problems:
            kb.invalid.add((kind, path.stem))
            continue
        ident = doc.meta.data["id"]
        line = doc.meta.line(("id",))
        if ident != path.stem:
            message = f"id {ident!r} must equal the file name {path.stem!r}"
            twin = next((p for p in paths if p.stem == ident), None)
            if twin:
                message += f": duplicate id, {display_path(twin, kb.root)} has it already"
            problems.append(Problem(display, line, "id", message))
            kb.invalid.add((kind, ident))
            continue
        duplicate = _duplicate(seen, ident, display, line, "id")  # same file name in two folders
        if duplicate:
            problems += duplicate
            continue
        docs.append((path, display, doc))
    return problems, docs


def _load_principes(kb: Kennisbank) -> list[Problem]:
    problems, docs = _load_markdown_dir(kb, "model/*/*.md", "principe", "principe")
    numbers: dict = {}
    for path, display, doc in docs:
        meta = doc.meta.data
        problems += _duplicate(numbers, meta["nummer"], display, doc.meta.line(("nummer",)), "nummer")
        if meta["pijler"] != path.parent.name:
            problems.append(Problem(display, doc.meta.line(("pijler",)), "pijler",
                                    f"{meta['pijler']!r} must equal the folder name {path.parent.name!r}"))
        kb.marks[("principe", meta["id"])] = (doc.meta, (), display)
        kb.principes[meta["id"]] = Principe(
            id=meta["id"], pijler=meta["pijler"], nummer=meta["nummer"], titel=meta["titel"], kort=meta["kort"],
            body=doc.body, origin=Origin(display, doc.body_line), bronnen=tuple(meta.get("bronnen", ())))
    return problems


def _load_mbo(kb: Kennisbank) -> list[Problem]:
    problems, docs = _load_markdown_dir(kb, "mbo/*.md", "mbo-kader", "mbo")
    for path, display, doc in docs:
        meta = doc.meta.data
        kb.marks[("mbo", meta["id"])] = (doc.meta, (), display)
        kb.mbo[meta["id"]] = MboKader(id=meta["id"], titel=meta["titel"], hoort_bij=meta["hoort_bij"],
                                      body=doc.body, origin=Origin(display, doc.body_line))
    return problems


def _load_begrippen(kb: Kennisbank) -> list[Problem]:
    problems, items = _load_list(kb, f"{CONTENT}/begrippen.yml", "begrip", "begrip")
    seen: dict = {}
    for loaded, i, item, display in items:
        problems += _duplicate(seen, item["id"], display, loaded.line((i, "id")), key_path((i, "id")))
        kb.begrippen[item["id"]] = Begrip(
            id=item["id"], term=item["term"], kort=item["kort"], uitleg=item["uitleg"],
            origin=Origin(display, loaded.text_line((i, "uitleg"))), synoniemen=tuple(item.get("synoniemen", ())),
            zie_ook=tuple(item.get("zie_ook", ())), bronnen=tuple(item.get("bronnen", ())), mbo=item.get("mbo", False))
        kb.marks[("begrip", item["id"])] = (loaded, (i,), display)
    return problems


def _load_bronnen(kb: Kennisbank) -> list[Problem]:
    problems, items = _load_list(kb, f"{CONTENT}/bronnen.yml", "bron", "bron")
    seen: dict = {}
    for loaded, i, item, display in items:
        line = loaded.line((i, "id"))
        problems += _duplicate(seen, item["id"], display, line, key_path((i, "id")))
        suffix = item.get("jaar_suffix", "")
        if suffix and not item["id"].endswith(suffix):
            problems.append(Problem(display, loaded.line((i, "jaar_suffix")), key_path((i, "jaar_suffix")),
                                    f"suffix {suffix!r} must end the key {item['id']!r}"))
        kb.bronnen[item["id"]] = Bron(id=item["id"], csl=item, origin=Origin(display, line))
    return problems


def _load_niveaus(kb: Kennisbank) -> list[Problem]:
    path = kb.root / CONTENT / "erkenningsniveaus.yml"
    if not path.exists():
        return []
    display = display_path(path, kb.root)
    loaded = load_yaml(_read(path), display)
    if loaded.problems or loaded.data is None:
        kb.unreadable.add("niveau")
        return loaded.problems
    problems = check(loaded, loaded.data, (), _schema(kb, "erkenningsniveaus"), display)
    if problems:
        kb.unreadable.add("niveau")
        return problems
    for item in loaded.data["niveaus"]:
        kb.niveaus[item["id"]] = Niveau(item["id"], item["label"], item["rang"], item["effectief"], item["uitleg"])
    for wording, level in loaded.data["formuleringen"].items():
        if level not in kb.niveaus:
            problems.append(Problem(display, loaded.line(("formuleringen", wording)), f"formuleringen.{wording}",
                                    f"unknown level {level!r}" + references.suggest(level, kb.niveaus)))
        kb.formuleringen[wording.casefold()] = level
    return problems


def _load_interventies(kb: Kennisbank) -> list[Problem]:
    problems, docs = _load_yaml_dir(kb, "interventies/*.yml", "interventie", "interventie")
    for path, display, doc in docs:
        d = doc.meta.data
        kb.marks[("interventie", d["id"])] = (doc.meta, (), display)
        kb.interventies[d["id"]] = Interventie(
            id=d["id"], naam=d["naam"], samenvatting=d["samenvatting"],
            origin=Origin(display, doc.meta.text_line(("samenvatting",))),
            erkenning=tuple(Erkenning(**e) for e in d["erkenning"]),
            uitkomsten=tuple(Uitkomst(**u) for u in d.get("uitkomsten", ())),
            **{k: tuple(d.get(k, ())) for k in ("ook_bekend_als", "onderwijstype", "preventieniveau", "categorie",
                                                 "pijlers", "principes", "themas", "werkzame_elementen",
                                                 "bronnen", "genoemd_in")},
            doelgroep=d.get("doelgroep", ""), leeftijd=d.get("leeftijd", ""),
            laatst_gecontroleerd=d["laatst_gecontroleerd"])
    return problems


def _load_praktijk(kb: Kennisbank) -> list[Problem]:
    problems, docs = _load_markdown_dir(kb, "praktijk/*.md", "praktijk", "praktijk")
    for path, display, doc in docs:
        d = doc.meta.data
        kb.marks[("praktijk", d["id"])] = (doc.meta, (), display)
        kb.praktijk[d["id"]] = Praktijk(
            id=d["id"], titel=d["titel"], samenvatting=d["samenvatting"], personen=tuple(d["personen"]),
            onderwijstype=tuple(d["onderwijstype"]), principes=tuple(d["principes"]), bron=d["bron"],
            body=doc.body, origin=Origin(display, doc.body_line), organisatie=d.get("organisatie", ""))
    return problems


def _load_aanbevelingen(kb: Kennisbank) -> list[Problem]:
    problems, items = _load_list(kb, f"{CONTENT}/mbo-aanbevelingen.yml", "aanbeveling", "aanbeveling", required=False)
    seen: dict = {}
    numbers: dict = {}
    for loaded, i, item, display in items:
        problems += _duplicate(seen, item["id"], display, loaded.line((i, "id")), key_path((i, "id")))
        problems += _duplicate(numbers, str(item["nummer"]), display, loaded.line((i, "nummer")), key_path((i, "nummer")))
        kb.marks[("aanbeveling", item["id"])] = (loaded, (i,), display)
        kb.aanbevelingen[item["id"]] = Aanbeveling(
            id=item["id"], nummer=item["nummer"], titel=item["titel"], tekst=item["tekst"],
            origin=Origin(display, loaded.text_line((i, "tekst"))), principes=tuple(item["principes"]),
            mbo=tuple(item.get("mbo", ())))
    return problems


def _cross_check(kb: Kennisbank) -> list[Problem]:
    """References between records: ids that must exist."""
    problems = []
    for p in kb.principes.values():
        pijler = kb.pijlers.get(p.pijler)
        if pijler and not p.nummer.startswith(pijler.code):
            problems.append(kb.problem("principe", p.id, ("nummer",),
                                       f"{p.nummer!r} must start with the pillar code {pijler.code!r}"))
        problems += _known_keys(kb, "principe", p.id, "bronnen", p.bronnen, kb.bronnen, "citation key")
    for k in kb.mbo.values():
        if kb.page_of(k.hoort_bij) is None:
            problems.append(kb.problem("mbo", k.id, ("hoort_bij",), f"unknown principle or pillar id {k.hoort_bij!r}"
                                       + references.suggest(k.hoort_bij, list(kb.principes) + list(kb.pijlers))))
    for b in kb.begrippen.values():
        problems += _known_keys(kb, "begrip", b.id, "zie_ook", b.zie_ook, kb.begrippen, "begrip id")
        problems += _known_keys(kb, "begrip", b.id, "bronnen", b.bronnen, kb.bronnen, "citation key")
    problems += _check_interventies(kb)
    for p in kb.praktijk.values():
        problems += _known_keys(kb, "praktijk", p.id, "principes", p.principes, kb.principes, "principle id")
    for a in kb.aanbevelingen.values():
        problems += _known_keys(kb, "aanbeveling", a.id, "principes", a.principes, kb.principes, "principle id")
        problems += _known_keys(kb, "aanbeveling", a.id, "mbo", a.mbo, kb.mbo, "mbo box id")
    return problems


def _valid_date(text: str) -> bool:
    from datetime import date

    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _check_interventies(kb: Kennisbank) -> list[Problem]:
    problems = []
    sources = set(kb.bronnen) | set(SEEDS)
    for i in kb.interventies.values():
        problems += _known_keys(kb, "interventie", i.id, "pijlers", i.pijlers, kb.pijlers, "pillar id")
        problems += _known_keys(kb, "interventie", i.id, "principes", i.principes, kb.principes, "principle id")
        problems += _known_keys(kb, "interventie", i.id, "bronnen", i.bronnen, kb.bronnen, "citation key")
        if not _valid_date(i.laatst_gecontroleerd):
            problems.append(kb.problem("interventie", i.id, ("laatst_gecontroleerd",),
                                       f"{i.laatst_gecontroleerd!r} is not a real date"))
        for j, e in enumerate(i.erkenning):
            if "niveau" not in kb.unreadable and e.niveau not in kb.niveaus:
                problems.append(kb.problem("interventie", i.id, ("erkenning", j, "niveau"),
                                           f"{e.niveau!r} is not one of: {', '.join(kb.niveaus)}"))
            if e.bron not in sources and not _reported(kb, "bron", e.bron):
                problems.append(kb.problem("interventie", i.id, ("erkenning", j, "bron"),
                                           f"unknown source {e.bron!r}: a citation key or one of {', '.join(SEEDS)}"
                                           + references.suggest(e.bron, sources)))
            for name in ("datum", "geldig_tot"):
                value = getattr(e, name)
                if value and not _valid_date(value):
                    problems.append(kb.problem("interventie", i.id, ("erkenning", j, name), f"{value!r} is not a real date"))
            if e.datum and e.geldig_tot and e.geldig_tot < e.datum:
                problems.append(kb.problem("interventie", i.id, ("erkenning", j, "geldig_tot"),
                                           f"valid until {e.geldig_tot} is before the judgement of {e.datum}"))
        for j, u in enumerate(i.uitkomsten):
            if u.bron and u.bron not in sources and not _reported(kb, "bron", u.bron):
                problems.append(kb.problem("interventie", i.id, ("uitkomsten", j, "bron"),
                                           f"unknown source {u.bron!r}" + references.suggest(u.bron, sources)))
    return problems


_TARGET_KIND = {"citation key": "bron", "begrip id": "begrip", "principle id": "principe", "pillar id": "pijler",
                "mbo box id": "mbo"}


def _reported(kb: Kennisbank, target_kind: str, value: str) -> bool:
    """True when a reference points at a record whose own problem is reported already."""
    return target_kind in kb.unreadable or (target_kind, value) in kb.invalid


def _known_keys(kb: Kennisbank, kind: str, ident: str, name: str, values, known, what: str) -> list[Problem]:
    return [kb.problem(kind, ident, (name, j), f"unknown {what} {value!r}" + references.suggest(value, known))
            for j, value in enumerate(values) if value not in known and not _reported(kb, _TARGET_KIND[what], value)]
