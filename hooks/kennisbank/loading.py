"""Load all content once and check it all: schemas, ids, references between records.

``load_kennisbank`` reads content/ (and, given them, the Markdown pages under docs/), collects
every problem in every file, and raises one ContentError listing them all.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import references
from .errors import ContentError, Problem, display_path
from . import parse_cache, safety
from .cache import cache_dir
from .loader import Document, NotText, key_path, load_markdown, load_yaml, read_text
from .model import (BRONDOCUMENTEN, Aanbeveling, Begrip, Bron, Erkenning, Interventie, MboKader, Niveau, Origin, Pijler, Praktijk,
                    Principe, Uitkomst)
from .site import CONTENT, SCHEMAS, Kennisbank
from .validate import check

def load_kennisbank(root: Path, pages: list[tuple[str, str, str]] | None = None, strict: bool = True) -> Kennisbank:
    """Load content under ``root``; ``pages`` are (src path, title, markdown) of docs/ pages.

    With ``strict`` every problem is raised at once as a ContentError; without it the
    problems are kept in ``kb.problems`` so a caller can add its own before failing.
    """
    root = Path(root)
    kb = Kennisbank(root)
    kb.parsed = parse_cache.ParseCache(cache_dir(root))
    problems: list[Problem] = []
    problems += _unknown_files(kb)
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
    problems += _unsafe_markdown(kb)
    if pages is not None:
        kb.page_titles.update({src: title for src, title, _ in pages})
        problems += kb.index_texts(kb.page_texts(pages, root / "docs"))
    kb.problems = problems
    if problems and strict:
        raise ContentError(problems)
    return kb


def _schema(kb: Kennisbank, name: str) -> Path:
    return kb.root / SCHEMAS / f"{name}.schema.json"


def _read_or_problem(kb: Kennisbank, path: Path) -> tuple[str | None, list[Problem]]:
    try:
        return read_text(path, display_path(path, kb.root)), []
    except NotText as exc:
        return None, [exc.problem]


# Every file under content/ is one of these, or it is reported: nothing is skipped in silence.
KNOWN_FILES = ("model/pijlers.yml", "model/*/*.md", "mbo/*.md", "begrippen.yml", "bronnen.yml",
               "erkenningsniveaus.yml", "interventies/*.yml", "praktijk/*.md", "mbo-aanbevelingen.yml",
               "schemas/*.schema.json", "verbatim-allow.txt")


def _ignored(rel: Path) -> bool:
    """Editor leftovers (.swp, backup~, .DS_Store): never content, and saving must not break a preview."""
    return any(part.startswith(".") for part in rel.parts) or rel.name.endswith("~")


def _unknown_files(kb: Kennisbank) -> list[Problem]:
    base = kb.root / CONTENT
    if not base.is_dir():
        return [Problem(CONTENT, 0, "", "folder is missing")]
    problems = []
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        rel = path.relative_to(base)
        if _ignored(rel) or any(rel.match(pattern) and len(rel.parts) == pattern.count("/") + 1
                                for pattern in KNOWN_FILES):
            continue
        problems.append(Problem(display_path(path, kb.root), 0, "",
                                "not a known content file" + _did_you_mean(kb, rel)))
    return problems


def _did_you_mean(kb: Kennisbank, rel: Path) -> str:
    stem = rel.stem
    top = rel.parts[0] if len(rel.parts) > 1 else ""
    if rel.suffix in (".yaml", ".YML", ".yml") and top in ("", "interventies"):
        guess = f"{CONTENT}/interventies/{stem}.yml" if top == "interventies" or stem not in (
            "begrippen", "bronnen", "erkenningsniveaus", "mbo-aanbevelingen") else f"{CONTENT}/{stem}.yml"
    elif rel.suffix.lower() in (".md", ".markdown") and top == "model":
        pijlers = sorted(kb.root.joinpath(CONTENT, "model").glob("*/")) or []
        folders = [p.name for p in pijlers if p.is_dir()]
        guess = f"{CONTENT}/model/<pijler>/{stem}.md" + (f" (a pillar folder: {', '.join(folders)})" if folders else "")
    elif rel.suffix.lower() in (".md", ".markdown") and top in ("mbo", "praktijk", ""):
        guess = (f"{CONTENT}/{top}/{stem}.md" if top else f"{CONTENT}/praktijk/{stem}.md, {CONTENT}/mbo/{stem}.md "
                 f"or a page in docs/")
    elif top == "schemas":
        guess = f"{CONTENT}/schemas/{stem.removesuffix('.schema')}.schema.json"
    else:
        return ("; content/ holds: " + ", ".join(f"{CONTENT}/{p}" for p in KNOWN_FILES[:9])
                + " (pages go in docs/)")
    return f"; did you mean {guess}?"


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
    text, unreadable = _read_or_problem(kb, path)
    if text is None:
        kb.unreadable.add(kind)
        return unreadable, items
    digest = parse_cache.digest(text)
    loaded = kb.parsed.get(("yaml", display, digest), lambda: load_yaml(text, display))
    problems += loaded.problems
    if loaded.data is None and not loaded.problems:
        # one problem, not one per reference to its entries elsewhere
        kb.unreadable.add(kind)
        return [Problem(display, 1, "", "the file is empty: it should hold a list of entries (- id: ...)")], items
    if loaded.problems and loaded.data is None:
        kb.unreadable.add(kind)
        return problems, items
    if not isinstance(loaded.data, list):
        kb.unreadable.add(kind)
        return problems + [Problem(display, 1, "", "expected a list of entries")], items
    schema_path = _schema(kb, schema)
    schema_digest = kb.parsed.schema(schema_path)
    for i, item in enumerate(loaded.data):
        item_problems = kb.parsed.get(("check", display, digest, i, schema_digest),
                                      lambda: check(loaded, item, (i,), schema_path, display))
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
        kb.marks[("pijler", item["id"])] = (loaded, (i,), display)
        kb.pijlers[item["id"]] = Pijler(
            id=item["id"], code=item["code"], titel=item["titel"], volgorde=item["volgorde"], kort=item["kort"],
            uitleg=item["uitleg"], origin=Origin(display, loaded.text_line((i, "uitleg"))))
    return problems


def _load_markdown_dir(kb: Kennisbank, pattern: str, schema: str, kind: str):
    return _load_dir(kb, pattern, schema, kind, lambda text, display: load_markdown(text, display))


def _load_yaml_dir(kb: Kennisbank, pattern: str, schema: str, kind: str):
    """One record per YAML file, with the file name as its id."""
    return _load_dir(kb, pattern, schema, kind, lambda text, display: Document(load_yaml(text, display), "", 1))


def _load_dir(kb: Kennisbank, pattern: str, schema: str, kind: str, read):
    problems: list[Problem] = []
    docs = []
    seen: dict = {}
    paths = sorted((kb.root / CONTENT).glob(pattern))
    for path in paths:
        display = display_path(path, kb.root)
        text, unreadable = _read_or_problem(kb, path)
        if text is None:
            problems += unreadable
            _invalid(kb, kind, path, None)
            continue
        digest = parse_cache.digest(text)
        doc = kb.parsed.get((kind, display, digest), lambda: read(text, display))
        problems += doc.meta.problems
        if not isinstance(doc.meta.data, dict) or doc.meta.problems:
            if doc.meta.data is not None and not isinstance(doc.meta.data, dict):
                problems.append(Problem(display, doc.meta.line(()), "", "expected a mapping of keys"))
            elif doc.meta.data is None and not doc.meta.problems:  # an empty file must not silently lose its page
                problems.append(Problem(display, 1, "", "the file is empty"))
            _invalid(kb, kind, path, doc.meta.data)
            continue
        meta_problems = kb.parsed.get(("check", display, digest, (), kb.parsed.schema(_schema(kb, schema))),
                                      lambda: check(doc.meta, doc.meta.data, (), _schema(kb, schema), display))
        problems += meta_problems
        if meta_problems:
            _invalid(kb, kind, path, doc.meta.data)
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


def _invalid(kb: Kennisbank, kind: str, path: Path, meta) -> None:
    """Remember a record that failed, so references to it are not reported again (its own problem is)."""
    kb.invalid.add((kind, path.stem))
    meta = meta if isinstance(meta, dict) else {}
    for key in ("id", "nummer"):  # a principle is also referred to by its code (B1)
        if isinstance(meta.get(key), str):
            kb.invalid.add((kind, meta[key]))
    if kind == "principe" and not isinstance(meta.get("nummer"), str):
        kb.unreadable.add("principe-code")  # its code is unknown, so no unknown code is reported


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
        tracking = re.findall(r"[?&]((?:utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=)", str(item.get("URL", "")))
        if tracking:
            problems.append(Problem(display, loaded.line((i, "URL")), key_path((i, "URL")),
                                    f"the address carries tracking parameters ({', '.join(tracking)}...): "
                                    "readers and the site's open data get the address without them"))
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
    text, unreadable = _read_or_problem(kb, path)
    if text is None:
        kb.unreadable.add("niveau")
        return unreadable
    loaded = load_yaml(text, display)
    if loaded.problems or loaded.data is None:
        kb.unreadable.add("niveau")
        return loaded.problems or [Problem(display, 1, "", "the file is empty")]
    problems = check(loaded, loaded.data, (), _schema(kb, "erkenningsniveaus"), display)
    if problems:
        kb.unreadable.add("niveau")
        return problems
    for j, item in enumerate(loaded.data["niveaus"]):
        kb.niveaus[item["id"]] = Niveau(item["id"], item["label"], item["rang"], item["effectief"], item["uitleg"],
                                        Origin(display, loaded.text_line(("niveaus", j, "uitleg"))))
    for name in ("systeem", "formuleringen_uitleg"):
        if name in loaded.data:
            kb.erkenningsteksten[name] = (loaded.data[name], Origin(display, loaded.text_line((name,))))
    herbeoordeling = loaded.data.get("herbeoordeling")
    if herbeoordeling:
        kb.erkenningsteksten["herbeoordeling"] = (herbeoordeling["uitleg"],
                                                  Origin(display, loaded.text_line(("herbeoordeling", "uitleg"))))
        kb.herbeoordeling_bron = herbeoordeling.get("bron", "")
        if kb.herbeoordeling_bron and kb.herbeoordeling_bron not in kb.bronnen \
                and not _reported(kb, "bron", kb.herbeoordeling_bron):
            problems.append(Problem(display, loaded.line(("herbeoordeling", "bron")), "herbeoordeling.bron",
                                    f"unknown citation key {kb.herbeoordeling_bron!r}"
                                    + references.suggest(kb.herbeoordeling_bron, kb.bronnen)))
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
        if pijler is None and not _reported(kb, "pijler", p.pijler):
            problems.append(kb.problem("principe", p.id, ("pijler",), f"unknown pillar id {p.pijler!r}"
                                       + references.suggest(p.pijler, kb.pijlers)))
        if pijler and not p.nummer.startswith(pijler.code):
            problems.append(kb.problem("principe", p.id, ("nummer",),
                                       f"{p.nummer!r} must start with the pillar code {pijler.code!r}"))
        problems += _known_keys(kb, "principe", p.id, "bronnen", p.bronnen, kb.bronnen, "citation key")
    for k in kb.mbo.values():
        if kb.page_of(k.hoort_bij) is None and not _reported(kb, "principe", k.hoort_bij) \
                and not _reported(kb, "pijler", k.hoort_bij):
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


def _unsafe_markdown(kb: Kennisbank) -> list[Problem]:
    """Markdown fields may not load anything from another host nor run script; YAML fields
    (short texts) take no raw HTML at all. See safety.py and the schemas' descriptions."""
    files = [*kb.principes.values(), *kb.mbo.values(), *kb.praktijk.values()]  # Markdown files: bodies
    fields = [("pijler", p.id, "uitleg", p.uitleg, p.origin) for p in kb.pijlers.values()] \
        + [("begrip", b.id, "uitleg", b.uitleg, b.origin) for b in kb.begrippen.values()] \
        + [("interventie", i.id, "samenvatting", i.samenvatting, i.origin) for i in kb.interventies.values()] \
        + [("aanbeveling", a.id, "tekst", a.tekst, a.origin) for a in kb.aanbevelingen.values()]
    for i in kb.interventies.values():
        fields += [("interventie", i.id, ("werkzame_elementen", j), element,
                    kb.origin_of("interventie", i.id, "werkzame_elementen", j))
                   for j, element in enumerate(i.werkzame_elementen)]
    problems = []
    for record in files:
        problems += safety.check(record.body, record.origin, html_allowed=True)
    for kind, ident, name, text, origin in fields:
        path = name if isinstance(name, tuple) else (name,)
        key = kb.where(kind, ident, *path)[2] if (kind, ident) in kb.marks else name
        problems += safety.check(text, origin, html_allowed=False, key=key)
    return problems


def _valid_date(text: str) -> bool:
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _check_interventies(kb: Kennisbank) -> list[Problem]:
    problems = []
    sources = set(kb.bronnen) | set(BRONDOCUMENTEN)
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
                                           f"unknown source {e.bron!r}: a citation key or one of {', '.join(BRONDOCUMENTEN)}"
                                           + references.suggest(e.bron, sources)))
            for name in ("datum", "geldig_tot"):
                value = getattr(e, name)
                if value and not _valid_date(value):
                    problems.append(kb.problem("interventie", i.id, ("erkenning", j, name), f"{value!r} is not a real date"))
            if bool(e.datum) == e.datum_onbekend:
                problems.append(kb.problem("interventie", i.id, ("erkenning", j), "give either datum or "
                                           "'datum_onbekend: true' (the source shows no date), not both" if e.datum else
                                           "no date: give datum, or 'datum_onbekend: true' when the source shows none"))
            if bool(e.beoordeeld_door) == e.beoordeeld_door_onbekend:
                problems.append(kb.problem("interventie", i.id, ("erkenning", j), "give either beoordeeld_door or "
                                           "'beoordeeld_door_onbekend: true' (the source names nobody), not both"
                                           if e.beoordeeld_door else "who judged it: give beoordeeld_door, or "
                                           "'beoordeeld_door_onbekend: true' when the source names nobody"))
            if e.uit_register and e.bron in kb.bronnen:
                csl = kb.bronnen[e.bron].csl
                missing = [name for name in ("URL", "geverifieerd_via") if not csl.get(name)]
                if missing:
                    problems.append(kb.problem("interventie", i.id, ("erkenning", j, "bron"),
                                               f"a registry judgement needs the registry page: {e.bron!r} has no "
                                               + " and no ".join(missing) + " in content/bronnen.yml"))
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
