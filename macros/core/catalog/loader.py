"""Load data/: parse with line numbers, validate against the schemas, check references, build records.

One function per kind of file; every problem is collected, and ``load_catalog`` raises one
``CatalogError`` listing them all.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from . import placeholders
from .cache import FileKey, FileResult, LoadCache
from .errors import CatalogError, DataError, did_you_mean, display_path, field_name
from .localtime import exists_in_amsterdam
from .models import (
    UNKNOWN,
    ActionGroup,
    Agreement,
    Article,
    Catalog,
    Contact,
    Event,
    Government,
    KeyRule,
    Link,
    Location,
    Moment,
    Municipality,
    Party,
    Pillar,
    Policy,
    PolicyCount,
    PolicyStatus,
    Position,
    Practice,
    Region,
    Scope,
    Source,
    Theme,
    slugify,
)
from .schemas import SchemaSet, schema_set
from .yamlio import Located, YamlSyntaxError, decode, parse, read_source

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COLLECTIONS = {"goede-voorbeelden": "goed-voorbeeld", "evenementen": "evenement",
               "beleidsvoorbeelden": "beleidsvoorbeeld", "modelovereenkomsten": "modelovereenkomst"}
TAXONOMIES = {"bronnen.yaml": "bronnen", "themas.yaml": "themas", "regios.yaml": "regios", "gemeenten.yaml": "gemeenten"}
NATIONAL = "landelijk"  # the area value of a practice for the whole country


@dataclass
class _Doc:
    """One file being loaded: its display path, parsed document and the errors found in it."""

    path: Path
    shown: str
    located: Located | None = None
    errors: list[DataError] = field(default_factory=list)
    # Places the schema already reported: later checks stay silent there (one message per mistake).
    schema_paths: set[tuple] = field(default_factory=set)

    def error(self, where: tuple, message: str, field_: str | None = None) -> None:
        """An error at ``where`` (a path into the document); its field name is derived from the path."""
        line, col = self.located.where(where) if self.located else (1, 1)
        self.errors.append(DataError(self.shown, line, col, field_name(where) if field_ is None else field_, message))

    def amend(self, where: tuple, addition: str) -> None:
        """Add to the message already reported at ``where`` (one mistake, one message)."""
        name = field_name(where)
        self.errors = [replace(e, message=e.message + addition) if e.field == name else e for e in self.errors]

    @property
    def data(self) -> Any:
        return self.located.data if self.located else None

    def ref(self, where: tuple, value: object, known: dict | set, what: str, allow_unknown: bool = False,
            hint: Callable[[str], str] | None = None) -> bool:
        """Is ``value`` one of ``known``? Reports a dangling reference with a did-you-mean.

        Values of the wrong type, and places the schema already reported, are left to the schema."""
        if not isinstance(value, str) or where in self.schema_paths:
            return False
        if (allow_unknown and value == UNKNOWN) or value in known:
            return True
        suggestion = hint(value) if hint else did_you_mean(value, known)
        self.error(where, f"{what} '{value}' bestaat niet{suggestion}")
        return False

    def date(self, where: tuple, value: str | None) -> dt.date | None:
        """A calendar date the schema accepted by form; reported when it does not exist (2030-02-30)."""
        if not isinstance(value, str) or where in self.schema_paths:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(where, f"'{value}' is geen bestaande datum")
            return None

    def source(self, where: tuple, value: Any, sources: dict[str, Source]) -> Source | None:
        """A `bron`: an id in bronnen.yaml or an inline {titel, uitgever, datum, url}."""
        if isinstance(value, str):
            return sources.get(value) if self.ref(where, value, sources, "bron") else None
        if not isinstance(value, dict) or not isinstance(value.get("titel"), str):
            return None
        return Source(None, value["titel"], value.get("uitgever"), self.date(where + ("datum",), value.get("datum")),
                      value.get("url"))

    def get(self, *path: str | int) -> Any:
        """A value by path, or None where the document has another shape (the schema reports that)."""
        node = self.data
        for key in path:
            if isinstance(key, int) and isinstance(node, list) and key < len(node):
                node = node[key]
            elif isinstance(key, str) and isinstance(node, dict):
                node = node.get(key)
            else:
                return None
        return node

    def items(self, *path: str) -> list[tuple[int, Any]]:
        """(index, value) of a list, or nothing where the value is not a list."""
        value = self.get(*path)
        return list(enumerate(value)) if isinstance(value, list) else []


class _Reader:
    """Reads and schema-checks files under one data root, and collects the errors of finished files."""

    def __init__(self, root: Path, cache: LoadCache | None = None):
        self.root = root
        self.cache = cache
        self.schemas: SchemaSet = schema_set(str(root / "schemas"))
        self.errors: list[DataError] = []
        # Taxonomy files that failed: references to them are not checked (no knock-on errors).
        self.broken: set[str] = set()

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def read(self, path: Path, schema: str) -> _Doc:
        """The file parsed and schema-checked, from the cache when its bytes have not changed."""
        shown = self.shown(path)
        try:
            raw = read_source(path)
        except YamlSyntaxError as exc:
            return _Doc(path, shown, errors=[DataError(shown, exc.line, exc.column, "", exc.message)])
        if self.cache is None:
            result = self._examine(_Doc(path, shown), raw, schema)
        else:
            key = FileKey.of(raw, schema, self.schemas.fingerprint, shown)
            cached = self.cache.get(path, key)
            result = cached if cached is not None else self._examine(_Doc(path, shown), raw, schema)
            if cached is None:
                self.cache.put(path, key, result)
        # Fresh lists for this load: later checks add to them; the parsed document is only read.
        return _Doc(path, shown, result.located, list(result.errors), set(result.schema_paths))

    def _examine(self, doc: _Doc, raw: bytes, schema: str) -> FileResult:
        """What the file says on its own (parse, duplicate keys, placeholders, schema): the work a
        ``LoadCache`` keeps. Nothing here may look at another file."""
        try:
            doc.located = parse(decode(raw))
        except YamlSyntaxError as exc:
            doc.errors.append(DataError(doc.shown, exc.line, exc.column, "", exc.message))
            return FileResult(None, tuple(doc.errors), frozenset())
        for key_path, line, col in doc.located.duplicates:
            doc.errors.append(DataError(doc.shown, line, col, field_name(key_path), "dit veld staat er twee keer in"))
        if doc.data is None:
            doc.error((), "het bestand is leeg")
        else:
            left: set[tuple] = set()
            for where, text in placeholders.in_data(doc.data):
                doc.error(where, f"nog niet ingevuld: vervang {text} door de echte gegevens")
                left.add(where)
            doc.schema_paths |= left  # later checks stay silent there
            for issue in self.schemas.validate(schema, doc.data):
                if tuple(issue.path) in left:
                    continue  # one mistake, one message: the placeholder says what to do
                doc.error(issue.path, issue.message, issue.field)
                doc.schema_paths.add(tuple(issue.path))
        return FileResult(doc.located, tuple(doc.errors), frozenset(doc.schema_paths))

    def finish(self, doc: _Doc) -> bool:
        """Keep the file's errors; True when it had none."""
        self.errors.extend(doc.errors)
        return not doc.errors

    def file_error(self, path: Path, message: str) -> None:
        self.errors.append(DataError(self.shown(path), 1, 1, "", message))


# -- files nobody would read ----------------------------------------------------------------------
def _entries(folder: str, rel: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """(parts relative to ``folder``, entry) of everything below it, as ``Path.rglob("*")`` finds it:
    hidden folders included, symlinked folders listed but not entered (one scandir per folder)."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except PermissionError:  # rglob skips a folder it may not read
        return
    for entry in entries:
        parts = rel + (entry.name,)
        yield parts, entry
        if entry.is_dir() and not entry.is_symlink():
            yield from _entries(entry.path, parts)


def _unread_files(rd: _Reader) -> None:
    """Files the loader would not read are reported, not dropped."""
    for parts, entry in sorted(_entries(str(rd.root)), key=lambda x: x[0]):
        name = parts[-1]
        if parts[0] == "schemas" or name.startswith(".") or entry.is_dir():
            continue
        known = (len(parts) == 1 and name in TAXONOMIES) or (
            len(parts) == 2 and parts[0] in COLLECTIONS and name.endswith(".yaml"))  # not hidden: suffix .yaml
        if not known:
            hint = " (gebruik de extensie .yaml)" if PurePosixPath(name).suffix == ".yml" else ""
            rd.file_error(rd.root.joinpath(*parts), f"dit bestand wordt niet gelezen: onbekende plaats of naam{hint}")


# -- taxonomies -----------------------------------------------------------------------------------
def _unique(doc: _Doc, where: tuple, value: str, seen: set[str] | dict[str, Any], what: str = "id") -> None:
    if value in seen:
        doc.error(where, f"{what} '{value}' komt twee keer voor")


def _sources(doc: _Doc) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for i, s in enumerate(doc.data["bronnen"]):
        where = ("bronnen", i)
        _unique(doc, where + ("id",), s["id"], sources)
        sources[s["id"]] = Source(s["id"], s["titel"], s.get("uitgever"), doc.date(where + ("datum",), s.get("datum")),
                                  s.get("url"), s.get("toelichting"))
    return sources


def _pillars(doc: _Doc, sources: dict[str, Source]) -> tuple[tuple[Pillar, ...], dict[str, Theme]]:
    pillars: list[Pillar] = []
    themes: dict[str, Theme] = {}
    for i, p in enumerate(doc.data["pijlers"]):
        where = ("pijlers", i)
        _unique(doc, where + ("id",), p["id"], {x.id for x in pillars})
        doc.source(where + ("bron",), p.get("bron"), sources)
        own = []
        for j, t in enumerate(p["themas"]):
            _unique(doc, where + ("themas", j, "id"), t["id"], themes, "thema-id")
            theme = Theme(t["id"], t["naam"], p["id"], t.get("omschrijving"))
            themes[t["id"]] = theme
            own.append(theme)
        pillars.append(Pillar(p["id"], p["naam"], tuple(own), p.get("omschrijving")))
    return tuple(pillars), themes


def _regions(doc: _Doc, sources: dict[str, Source]) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for i, r in enumerate(doc.data["regios"]):
        where = ("regios", i)
        if r["id"] in regions or r["id"] == UNKNOWN:
            doc.error(where + ("id",), f"id '{r['id']}' komt twee keer voor of is gereserveerd")
        doc.source(where + ("bron",), r.get("bron"), sources)
        regions[r["id"]] = Region(r["id"], r["naam"], r["soort"], r.get("omschrijving"))
    return regions


def _municipalities(doc: _Doc, sources: dict[str, Source], regions: dict[str, Region]) -> dict[str, Municipality]:
    municipalities: dict[str, Municipality] = {}
    slugs: dict[str, str] = {}
    for i, g in enumerate(doc.data["gemeenten"]):
        where = ("gemeenten", i)
        _unique(doc, where + ("code",), g["code"], municipalities, "gemeentecode")
        slug = slugify(g["naam"])
        if slug in slugs:
            doc.error(where + ("naam",), f"de naam geeft hetzelfde webadres '{slug}' als {slugs[slug]}")
        slugs[slug] = g["code"]
        for key in ("arbeidsmarktregio", "regiotafel"):  # the key is also the region's soort
            value = g.get(key, UNKNOWN)
            if doc.ref(where + (key,), value, regions, "regio", allow_unknown=True) and value != UNKNOWN \
                    and regions[value].soort != key:
                doc.error(where + (key,), f"regio '{value}' is geen {key}")
        statuses: list[PolicyStatus] = []
        for k, b in enumerate(g["beleid"]):
            at = where + ("beleid", k)
            day = doc.date(at + ("peildatum",), b.get("peildatum"))
            if day is None and "peildatum" not in b and any(s.peildatum is None for s in statuses):
                doc.error(at, "er staat al een status zonder peildatum; geef elke volgende status een peildatum")
            if day is not None and any(s.peildatum == day for s in statuses):
                doc.error(at + ("peildatum",), f"er staat al een status met peildatum {day.isoformat()}")
            statuses.append(PolicyStatus(b["status"], day, doc.source(at + ("bron",), b.get("bron"), sources),
                                         b.get("toelichting")))
        # Oldest first; an undated 'onbekend' counts only while nothing is dated.
        history = tuple(sorted(statuses, key=lambda s: (s.peildatum is not None, s.peildatum or dt.date.min)))
        if len(history) > 1 and history[0].peildatum is None:
            history = history[1:]
        lig = g.get("ligging")
        position = Position(lig["plaats"], lig["lat"], lig["lon"], lig.get("geonameid")) \
            if lig and "lat" in lig and "lon" in lig else None
        municipalities[g["code"]] = Municipality(g["code"], g["naam"], g.get("arbeidsmarktregio", UNKNOWN),
                                                 g.get("regiotafel", UNKNOWN), history, g.get("toelichting"),
                                                 slug, position)
    return municipalities


def _policy_counts(doc: _Doc, sources: dict[str, Source]) -> tuple[tuple[PolicyCount, ...], dict[str, Source]]:
    """Province-wide totals per status and date (`tellingen`): shown as totals, never spread. Also the
    file's own sources: `bron` (codes, names, regions) and `ligging_bron` (map positions)."""
    file_sources = {key: s for key in ("bron", "ligging_bron")
                    if (s := doc.source((key,), doc.data.get(key), sources)) is not None}
    counts: list[PolicyCount] = []
    seen: set[tuple[str, dt.date]] = set()
    for i, t in enumerate(doc.data.get("tellingen", ())):
        where = ("tellingen", i)
        day = doc.date(where + ("peildatum",), t["peildatum"])
        source = doc.source(where + ("bron",), t["bron"], sources)
        if day is None or source is None:
            continue
        if (t["status"], day) in seen:
            doc.error(where, f"er staat al een telling voor '{t['status']}' op {day.isoformat()}")
        seen.add((t["status"], day))
        counts.append(PolicyCount(t["status"], t["aantal"], day, source, t.get("citaat"), t.get("toelichting")))
    return tuple(sorted(counts, key=lambda c: c.peildatum)), file_sources


def _taxonomies(rd: _Reader) -> Catalog:
    docs: dict[str, _Doc | None] = {}
    for name, schema in TAXONOMIES.items():
        path = rd.root / name
        if path.exists():
            docs[name] = rd.read(path, schema)
        else:
            docs[name] = None
            rd.file_error(path, "verplicht bestand ontbreekt")

    def ok(name: str) -> _Doc | None:
        doc = docs[name]
        return doc if doc is not None and not doc.errors else None

    sources: dict[str, Source] = {}
    pillars: tuple[Pillar, ...] = ()
    themes: dict[str, Theme] = {}
    regions: dict[str, Region] = {}
    municipalities: dict[str, Municipality] = {}
    counts: tuple[PolicyCount, ...] = ()
    muni_sources: dict[str, Source] = {}
    if doc := ok("bronnen.yaml"):
        sources = _sources(doc)
    if doc := ok("themas.yaml"):
        pillars, themes = _pillars(doc, sources)
    if doc := ok("regios.yaml"):
        regions = _regions(doc, sources)
    if doc := ok("gemeenten.yaml"):
        municipalities = _municipalities(doc, sources, regions)
        counts, muni_sources = _policy_counts(doc, sources)
    for name, d in docs.items():
        if d is None or not rd.finish(d):
            rd.broken.add(name)
    return Catalog(str(rd.root), pillars, themes, regions, municipalities, sources, policy_counts=counts,
                   municipality_sources=muni_sources)


# -- collections ----------------------------------------------------------------------------------
def _links(data: dict) -> tuple[Link, ...]:
    return tuple(Link(x["titel"], x["url"]) for x in data.get("links", ()))


def _contact(data: dict) -> Contact | None:
    c = data.get("contact")
    return Contact(c["organisatie"], c.get("email"), c.get("url")) if c else None


def _municipality_hint(cat: Catalog) -> Callable[[str], str]:
    """A did-you-mean for a municipality code that names the municipality, only where it is likely:
    the value is a municipality's name, or one typo (a changed, missing or swapped digit) away from
    exactly one code. Never a random near code."""
    by_name: dict[str, Municipality] = {}  # filled on the first dangling reference: most loads have none

    def near(a: str, b: str) -> bool:
        if a == b:
            return False
        if len(a) == len(b):
            diff = [i for i in range(len(a)) if a[i] != b[i]]
            return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                      and a[diff[1]] == b[diff[0]])
        short, long_ = sorted((a, b), key=len)
        return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))

    def hint(value: str) -> str:
        if not by_name:
            by_name.update((x.naam.casefold(), x) for x in cat.municipalities.values())
        m = by_name.get(value.strip().casefold())
        if m is None:
            close = [x for x in cat.municipalities.values() if near(value.upper(), x.code)]
            m = close[0] if len(close) == 1 else None
        return f"; bedoelde u {m.code} ({m.naam})?" if m else ""

    return hint


def _check_practice(doc: _Doc, cat: Catalog, broken: set[str]) -> list[str]:
    """Every reference and date of a practice, also when the schema found mistakes elsewhere in the
    file: a contributor sees all mistakes in one run. Returns the regions it belongs to."""
    if "themas.yaml" not in broken:
        for i, t in doc.items("themas"):
            doc.ref(("themas", i), t, cat.themes, "thema")
    region_ids: list[str] = []
    if "regios.yaml" not in broken:
        for i, r in doc.items("scope", "regios"):
            if doc.ref(("scope", "regios", i), r, cat.regions, "regio"):
                region_ids.append(r)
    hint = _municipality_hint(cat)
    if "gemeenten.yaml" not in broken:
        for i, code in doc.items("scope", "gemeenten"):
            where = ("scope", "gemeenten", i)
            if where in doc.schema_paths and isinstance(code, str) and (suggestion := hint(code)):
                doc.amend(where, suggestion)  # a name where a code belongs: the schema's message gets the code
            elif doc.ref(where, code, cat.municipalities, "gemeente", hint=hint):
                m = cat.municipalities[code]
                region_ids += [x for x in (m.arbeidsmarktregio, m.regiotafel) if x != UNKNOWN]
    niveau = doc.get("scope", "niveau")
    if niveau == "gemeente" and not doc.get("scope", "gemeenten"):
        doc.error(("scope", "niveau"), "bij niveau 'gemeente' hoort een lijst 'gemeenten'", "scope.gemeenten")
    if niveau == "regio" and not doc.get("scope", "regios"):
        doc.error(("scope", "niveau"), "bij niveau 'regio' hoort een lijst 'regios'", "scope.regios")
    if "bronnen.yaml" not in broken:
        doc.source(("bron",), doc.get("bron"), cat.sources)
    doc.date(("bijgewerkt",), doc.get("bijgewerkt"))
    return region_ids


def _practice(doc: _Doc, rid: str, cat: Catalog, broken: set[str]) -> Practice | None:
    region_ids = _check_practice(doc, cat, broken)
    if doc.errors or broken:  # a broken taxonomy: the load fails anyway; its errors say why
        return None
    d = doc.data
    scope = d["scope"]
    niveau = scope["niveau"]
    source = doc.source(("bron",), d["bron"], cat.sources)
    if source is None:
        return None
    regions = tuple(dict.fromkeys(region_ids))
    # The 'gebied' (area) facet: regions (own and via municipalities), the province, or national.
    areas = list(regions)
    if scope.get("provincie"):
        areas.append(scope["provincie"])
    if niveau == NATIONAL:
        areas.append(NATIONAL)
    return Practice(
        id=rid, path=doc.shown, titel=d["titel"].strip(), samenvatting=d["samenvatting"].strip(),
        beschrijving=d["beschrijving"], themas=tuple(d["themas"]),
        scope=Scope(niveau, tuple(scope.get("gemeenten", ())), tuple(scope.get("regios", ())), scope.get("provincie")),
        jaar=d["jaar"], status=d.get("status", UNKNOWN), bron=source,
        organisaties=tuple(d.get("organisaties", ())), resultaten=d.get("resultaten"),
        links=_links(d), contact=_contact(d), bron_toelichting=d.get("bron_toelichting"),
        bijgewerkt=doc.date(("bijgewerkt",), d.get("bijgewerkt")), region_ids=regions,
        pillar_ids=tuple(dict.fromkeys(cat.themes[t].pillar_id for t in d["themas"])),
        area_ids=tuple(dict.fromkeys(areas)),
    )


_MOMENT_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?)?$")


def parse_moment(value: str) -> Moment:
    """'2019-04' (month), '2019-04-12' (day) or '2019-04-12T14:00' (local time); ValueError if not real."""
    m = _MOMENT_RE.match(value)
    if not m:
        raise ValueError(value)
    year, month, day, hour, minute = m.groups()
    if day is None:
        dt.date(int(year), int(month), 1)
        return Moment("maand", int(year), int(month))
    dt.date(int(year), int(month), int(day))
    if hour is None:
        return Moment("dag", int(year), int(month), int(day))
    dt.time(int(hour), int(minute))
    if not exists_in_amsterdam(int(year), int(month), int(day), int(hour), int(minute)):
        raise ValueError(value)  # in the hour skipped when summer time starts
    return Moment("tijd", int(year), int(month), int(day), int(hour), int(minute))


def _moments(doc: _Doc) -> tuple[Moment | None, Moment | None]:
    d = doc.data if isinstance(doc.data, dict) else {}
    moments: dict[str, Moment] = {}
    for key in ("start", "einde"):
        if isinstance(d.get(key), str) and (key,) not in doc.schema_paths:
            try:
                moments[key] = parse_moment(d[key])
            except ValueError:
                doc.error((key,), f"'{d[key]}' is geen bestaande datum of tijd")
    start = moments.get("start")
    einde = moments.get("einde", start)
    if start and einde and "einde" in d:
        if einde.sort_key < start.sort_key and not (einde.precision != start.precision and einde.date == start.date):
            doc.error(("einde",), f"het einde ({d['einde']}) ligt vóór het begin ({d['start']})")
        elif (start.precision == "tijd") != (einde.precision == "tijd"):
            doc.error(("einde",), "begin en einde moeten allebei een tijd hebben, of allebei geen tijd")
    return start, einde


def _event(doc: _Doc, rid: str, cat: Catalog, broken: set[str]) -> Event | None:
    start, einde = _moments(doc)
    if "regios.yaml" not in broken:
        doc.ref(("regio",), doc.get("regio"), cat.regions, "regio")
    source = doc.source(("bron",), doc.get("bron"), cat.sources) if "bronnen.yaml" not in broken else None
    bijgewerkt = doc.date(("bijgewerkt",), doc.get("bijgewerkt"))
    if doc.errors or broken or source is None or start is None or einde is None:
        return None
    d = doc.data
    loc = d["locatie"]
    location = None if loc == UNKNOWN else Location(loc["naam"], loc.get("adres"), bool(loc.get("online")), loc.get("url"))
    return Event(
        id=rid, path=doc.shown, titel=d["titel"].strip(), soort=d["soort"], start=start, einde=einde,
        locatie=location, status=d["status"], bron=source, regio=d.get("regio"),
        beschrijving=d.get("beschrijving"), aanmelden=d.get("aanmelden"),
        gerelateerd=tuple(d.get("gerelateerd", ())), links=_links(d), contact=_contact(d),
        bron_toelichting=d.get("bron_toelichting"), bijgewerkt=bijgewerkt,
    )


def _collection(rd: _Reader, folder: str, build: Callable[[_Doc, str, Catalog, set[str]], Any],
                cat: Catalog) -> Iterator[tuple[str, Any | None, _Doc]]:
    """Read and check every record of one folder; yield (id, record or None, doc) for each file.

    References and dates are checked even when the schema found mistakes, so one run lists them all."""
    schema = COLLECTIONS[folder]
    for path in sorted((rd.root / folder).glob("*.yaml"), key=lambda p: p.name):  # one folder: by name
        doc = rd.read(path, schema)
        rid = path.stem
        if not ID_RE.match(rid):
            doc.errors.append(DataError(doc.shown, 1, 1, "",
                                        f"bestandsnaam '{path.name}': gebruik alleen kleine letters, cijfers en koppeltekens"))
        record = build(doc, rid, cat, rd.broken) if isinstance(doc.data, dict) else None
        yield rid, (record if not doc.errors else None), doc


def _cross_references(rd: _Reader, cat: Catalog, event_docs: dict[str, _Doc], practice_files: set[str]) -> None:
    """References between collections, checked once every file is read. A reference to a record whose
    file exists but has mistakes of its own is not reported again (that file's errors say it all)."""
    for doc in event_docs.values():
        for i, pid in doc.items("gerelateerd"):
            if pid not in practice_files:
                doc.ref(("gerelateerd", i), pid, cat.practices, "goed voorbeeld")
        rd.finish(doc)


# -- policy examples and model agreements ---------------------------------------------------------
FILL_IN_RE = re.compile(r"\[([^\[\]\n]{1,80})\]")  # a fill-in field of a model agreement: [naam bedrijf]


def _check_themes(doc: _Doc, cat: Catalog, broken: set[str]) -> None:
    if "themas.yaml" not in broken:
        for i, t in doc.items("themas"):
            doc.ref(("themas", i), t, cat.themes, "thema")


def _check_related(doc: _Doc, key: str, files: set[str], known: dict, what: str) -> None:
    """References to another collection; a record whose file exists but has errors is not reported again."""
    for i, rid in doc.items(key):
        if rid not in files:
            doc.ref((key, i), rid, known, what)


def _government(doc: _Doc, cat: Catalog, broken: set[str]) -> tuple[str, ...]:
    """Check `overheid`; return its areas for the 'gebied' facet (regions, a province or 'landelijk')."""
    niveau = doc.get("overheid", "niveau")
    areas: list[str] = []
    needs = {"gemeente": "gemeente", "regio": "regio", "provincie": "provincie"}
    if niveau in needs and not doc.get("overheid", needs[niveau]):
        doc.error(("overheid", "niveau"), f"bij niveau '{niveau}' hoort het veld '{needs[niveau]}'", f"overheid.{needs[niveau]}")
    code = doc.get("overheid", "gemeente")
    if code is not None and "gemeenten.yaml" not in broken and \
            doc.ref(("overheid", "gemeente"), code, cat.municipalities, "gemeente", hint=_municipality_hint(cat)):
        m = cat.municipalities[code]
        areas += [x for x in (m.arbeidsmarktregio, m.regiotafel) if x != UNKNOWN]
        areas.append("noord-brabant")  # data/gemeenten.yaml holds the municipalities of Noord-Brabant
    region = doc.get("overheid", "regio")
    if region is not None and "regios.yaml" not in broken and doc.ref(("overheid", "regio"), region, cat.regions, "regio"):
        areas.append(region)
    if doc.get("overheid", "provincie"):
        areas.append(doc.get("overheid", "provincie"))
    if niveau == "rijk":
        areas.append(NATIONAL)
    return tuple(dict.fromkeys(areas))


RESERVED_POLICY_IDS = {"vergelijk"}  # /beleidsvoorbeelden/vergelijk/ is the comparison page


def _policy(doc: _Doc, rid: str, cat: Catalog, broken: set[str]) -> Policy | None:
    if rid in RESERVED_POLICY_IDS:
        doc.errors.append(DataError(doc.shown, 1, 1, "", f"de bestandsnaam '{rid}' is gereserveerd voor de vergelijkpagina; kies een andere"))
    _check_themes(doc, cat, broken)
    areas = _government(doc, cat, broken)
    vastgesteld = doc.get("vastgesteld")
    adopted = doc.date(("vastgesteld",), vastgesteld) if vastgesteld != UNKNOWN else None
    van, tot = doc.get("periode", "van"), doc.get("periode", "tot")
    if isinstance(van, int) and isinstance(tot, int) and tot < van:
        doc.error(("periode", "tot"), f"het eindjaar ({tot}) ligt vóór het beginjaar ({van})")
    source = doc.source(("bron",), doc.get("bron"), cat.sources) if "bronnen.yaml" not in broken else None
    bijgewerkt = doc.date(("bijgewerkt",), doc.get("bijgewerkt"))
    if doc.errors or broken or source is None or (vastgesteld != UNKNOWN and adopted is None):
        return None
    d = doc.data
    g = d["overheid"]
    periode = (d["periode"]["van"], d["periode"].get("tot")) if "periode" in d else None
    jaar: int | str = adopted.year if adopted else (periode[0] if periode else UNKNOWN)
    return Policy(
        id=rid, path=doc.shown, titel=d["titel"].strip(),
        overheid=Government(g["niveau"], g.get("gemeente"), g.get("regio"), g.get("provincie"), g.get("naam")),
        soort=d["soort"], vastgesteld=adopted, samenvatting=d["samenvatting"].strip(),
        regels=tuple(KeyRule(r["onderwerp"], r["regel"].strip(), r.get("waarde"), r.get("eenheid"), r.get("pagina"))
                     for r in d["regels"]),
        themas=tuple(d["themas"]), status=d["status"], bron=source, periode=periode,
        beschrijving=d.get("beschrijving"),
        acties=tuple(ActionGroup(a["thema"], tuple(x.strip() for x in a["acties"]), a.get("resultaat"), a.get("pagina"))
                     for a in d.get("acties", ())),
        gerelateerd=tuple(d.get("gerelateerd", ())), links=_links(d), bron_toelichting=d.get("bron_toelichting"),
        bijgewerkt=bijgewerkt, jaar=jaar, area_ids=areas,
    )


def _check_fill_ins(doc: _Doc, where: tuple, text: Any) -> None:
    """Every '[' of a fill-in field is closed on the same line, and no ']' stands alone."""
    if not isinstance(text, str) or where in doc.schema_paths:
        return
    rest = FILL_IN_RE.sub("", text)
    if "[" in rest or "]" in rest:
        doc.error(where, "een invulveld staat tussen rechte haken op één regel, bijvoorbeeld [naam bedrijf]; "
                         "hier staat een haakje zonder partner of een leeg of te lang invulveld")


def _agreement(doc: _Doc, rid: str, cat: Catalog, broken: set[str]) -> Agreement | None:
    _check_themes(doc, cat, broken)
    _check_fill_ins(doc, ("doel",), doc.get("doel"))
    _check_fill_ins(doc, ("ondertekening",), doc.get("ondertekening"))
    for i, _ in doc.items("partijen"):
        _check_fill_ins(doc, ("partijen", i, "omschrijving"), doc.get("partijen", i, "omschrijving"))
    seen: set[int] = set()
    for i, a in doc.items("artikelen"):
        _check_fill_ins(doc, ("artikelen", i, "tekst"), doc.get("artikelen", i, "tekst"))
        nummer = a.get("nummer") if isinstance(a, dict) else None
        if isinstance(nummer, int) and ("artikelen", i, "nummer") not in doc.schema_paths:
            if nummer in seen:
                doc.error(("artikelen", i, "nummer"), f"artikel {nummer} komt twee keer voor")
            elif seen and nummer < max(seen):
                doc.error(("artikelen", i, "nummer"), f"artikel {nummer} staat na artikel {max(seen)}: zet de artikelen op volgorde")
            seen.add(nummer)
    source = doc.source(("bron",), doc.get("bron"), cat.sources) if "bronnen.yaml" not in broken else None
    bijgewerkt = doc.date(("bijgewerkt",), doc.get("bijgewerkt"))
    if doc.errors or broken or source is None:
        return None
    d = doc.data
    return Agreement(
        id=rid, path=doc.shown, titel=d["titel"].strip(), samenvatting=d["samenvatting"].strip(), doel=d["doel"].strip(),
        partijen=tuple(Party(p["rol"], p["omschrijving"].strip()) for p in d["partijen"]),
        artikelen=tuple(Article(a["nummer"], a["kop"].strip(), a["tekst"].strip(), a.get("toelichting"))
                        for a in d["artikelen"]),
        themas=tuple(d["themas"]), bron=source, ondertekening=(d.get("ondertekening") or "").strip() or None,
        beleidsvoorbeelden=tuple(d.get("beleidsvoorbeelden", ())), gerelateerd=tuple(d.get("gerelateerd", ())),
        bron_toelichting=d.get("bron_toelichting"), bijgewerkt=bijgewerkt,
    )


def _load_policies(rd: _Reader, cat: Catalog, practice_files: set[str]) -> set[str]:
    files: set[str] = set()
    for rid, policy, doc in _collection(rd, "beleidsvoorbeelden", _policy, cat):
        files.add(rid)
        _check_related(doc, "gerelateerd", practice_files, cat.practices, "goed voorbeeld")
        if policy is not None and not doc.errors:
            cat.policies[rid] = policy
        rd.finish(doc)
    return files


def _load_agreements(rd: _Reader, cat: Catalog, practice_files: set[str], policy_files: set[str]) -> None:
    for rid, agreement, doc in _collection(rd, "modelovereenkomsten", _agreement, cat):
        _check_related(doc, "gerelateerd", practice_files, cat.practices, "goed voorbeeld")
        _check_related(doc, "beleidsvoorbeelden", policy_files, cat.policies, "beleidsvoorbeeld")
        if agreement is not None and not doc.errors:
            cat.agreements[rid] = agreement
        rd.finish(doc)


def load_catalog(root: Path | str, *, cache: LoadCache | None = None) -> Catalog:
    """Load and validate everything under ``root`` (the data/ folder). Raises CatalogError.

    ``cache``: keep one ``LoadCache`` across loads of the same folder (the editor preview) and files
    whose bytes did not change are not parsed and schema-checked again; the result is the same."""
    root = Path(root)
    if not root.is_dir():
        raise CatalogError([DataError(str(root), 1, 1, "", "de datamap bestaat niet")])
    if cache is not None:
        cache.start()
    rd = _Reader(root, cache)
    _unread_files(rd)
    cat = _taxonomies(rd)
    practice_files: set[str] = set()
    for rid, practice, doc in _collection(rd, "goede-voorbeelden", _practice, cat):
        practice_files.add(rid)
        if practice is not None:
            cat.practices[rid] = practice
        rd.finish(doc)
    event_docs: dict[str, _Doc] = {}
    for rid, event, doc in _collection(rd, "evenementen", _event, cat):
        if event is not None:
            cat.events[rid] = event
        event_docs[rid] = doc
    _cross_references(rd, cat, event_docs, practice_files)
    policy_files = _load_policies(rd, cat, practice_files)
    _load_agreements(rd, cat, practice_files, policy_files)
    if cache is not None:
        cache.finish()  # every file was read: entries of files that are gone go
    if rd.errors:
        raise CatalogError(rd.errors)
    return cat
