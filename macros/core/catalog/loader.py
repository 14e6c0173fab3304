"""Load data/: parse with line numbers, validate against the schemas, check references, build records.

One function per kind of file; every problem is collected, and ``load_catalog`` raises one
``CatalogError`` listing them all.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CatalogError, DataError, did_you_mean, display_path, field_name
from .models import (
    UNKNOWN,
    Catalog,
    Contact,
    Event,
    Link,
    Location,
    Moment,
    Municipality,
    Pillar,
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
from .yamlio import Located, YamlSyntaxError, load_file

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COLLECTIONS = {"goede-voorbeelden": "goed-voorbeeld", "evenementen": "evenement"}
TAXONOMIES = {"bronnen.yaml": "bronnen", "themas.yaml": "themas", "regios.yaml": "regios", "gemeenten.yaml": "gemeenten"}
# Folders the loader knows but whose collections arrive with later work: their files are still
# parsed and reported, never silently ignored.
PENDING_COLLECTIONS = {"beleidsvoorbeelden", "modelovereenkomsten"}
NATIONAL = "landelijk"  # the area value of a practice for the whole country


@dataclass
class _Doc:
    """One file being loaded: its display path, parsed document and the errors found in it."""

    path: Path
    shown: str
    located: Located | None = None
    errors: list[DataError] = field(default_factory=list)

    def error(self, where: tuple, message: str, field_: str | None = None) -> None:
        """An error at ``where`` (a path into the document); its field name is derived from the path."""
        line, col = self.located.where(where) if self.located else (1, 1)
        self.errors.append(DataError(self.shown, line, col, field_name(where) if field_ is None else field_, message))

    @property
    def data(self) -> Any:
        return self.located.data if self.located else None

    def ref(self, where: tuple, value: str, known: dict | set, what: str, allow_unknown: bool = False) -> bool:
        """Is ``value`` one of ``known``? Reports a dangling reference with a did-you-mean."""
        if (allow_unknown and value == UNKNOWN) or value in known:
            return True
        self.error(where, f"{what} '{value}' bestaat niet{did_you_mean(value, known)}")
        return False

    def date(self, where: tuple, value: str | None) -> dt.date | None:
        """A calendar date the schema accepted by form; reported when it does not exist (2030-02-30)."""
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(where, f"'{value}' is geen bestaande datum")
            return None

    def source(self, where: tuple, value: Any, sources: dict[str, Source]) -> Source | None:
        """A `bron`: an id in bronnen.yaml or an inline {titel, uitgever, datum, url}."""
        if value is None:
            return None
        if isinstance(value, str):
            return sources.get(value) if self.ref(where, value, sources, "bron") else None
        return Source(None, value["titel"], value.get("uitgever"), self.date(where + ("datum",), value.get("datum")),
                      value.get("url"))


class _Reader:
    """Reads and schema-checks files under one data root, and collects the errors of finished files."""

    def __init__(self, root: Path):
        self.root = root
        self.schemas: SchemaSet = schema_set(str(root / "schemas"))
        self.errors: list[DataError] = []

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def read(self, path: Path, schema: str) -> _Doc:
        doc = _Doc(path, self.shown(path))
        try:
            doc.located = load_file(path)
        except YamlSyntaxError as exc:
            doc.errors.append(DataError(doc.shown, exc.line, exc.column, "", exc.message))
            return doc
        for key_path, line, col in doc.located.duplicates:
            doc.errors.append(DataError(doc.shown, line, col, field_name(key_path), "dit veld staat er twee keer in"))
        if doc.data is None:
            doc.error((), "het bestand is leeg")
            return doc
        for issue in self.schemas.validate(schema, doc.data):
            doc.error(issue.path, issue.message, issue.field)
        return doc

    def finish(self, doc: _Doc) -> bool:
        """Keep the file's errors; True when it had none."""
        self.errors.extend(doc.errors)
        return not doc.errors

    def file_error(self, path: Path, message: str) -> None:
        self.errors.append(DataError(self.shown(path), 1, 1, "", message))


# -- files nobody would read ----------------------------------------------------------------------
def _unread_files(rd: _Reader) -> None:
    """Files the loader would not read are reported, not dropped."""
    for path in sorted(rd.root.rglob("*")):
        rel = path.relative_to(rd.root)
        if path.is_dir() or rel.parts[0] == "schemas" or rel.name.startswith("."):
            continue
        known = (len(rel.parts) == 1 and rel.name in TAXONOMIES) or (
            len(rel.parts) == 2 and rel.parts[0] in (*COLLECTIONS, *PENDING_COLLECTIONS) and rel.suffix == ".yaml")
        if not known:
            hint = " (gebruik de extensie .yaml)" if rel.suffix == ".yml" else ""
            rd.file_error(path, f"dit bestand wordt niet gelezen: onbekende plaats of naam{hint}")
    for folder in sorted(PENDING_COLLECTIONS):
        for path in sorted((rd.root / folder).glob("*.yaml")):
            rd.file_error(path, f"de collectie '{folder}' wordt nog niet gepubliceerd; dit bestand zou ongezien blijven")


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
    for d in docs.values():
        if d is not None:
            rd.finish(d)
    return Catalog(str(rd.root), pillars, themes, regions, municipalities, sources, policy_counts=counts,
                   municipality_sources=muni_sources)


# -- collections ----------------------------------------------------------------------------------
def _links(data: dict) -> tuple[Link, ...]:
    return tuple(Link(x["titel"], x["url"]) for x in data.get("links", ()))


def _contact(data: dict) -> Contact | None:
    c = data.get("contact")
    return Contact(c["organisatie"], c.get("email"), c.get("url")) if c else None


def _practice(doc: _Doc, rid: str, cat: Catalog) -> Practice | None:
    d = doc.data
    for i, t in enumerate(d["themas"]):
        doc.ref(("themas", i), t, cat.themes, "thema")
    scope = d["scope"]
    region_ids: list[str] = []
    for i, r in enumerate(scope.get("regios", ())):
        if doc.ref(("scope", "regios", i), r, cat.regions, "regio"):
            region_ids.append(r)
    for i, code in enumerate(scope.get("gemeenten", ())):
        if doc.ref(("scope", "gemeenten", i), code, cat.municipalities, "gemeente"):
            m = cat.municipalities[code]
            region_ids += [x for x in (m.arbeidsmarktregio, m.regiotafel) if x != UNKNOWN]
    niveau = scope["niveau"]
    if niveau == "gemeente" and not scope.get("gemeenten"):
        doc.error(("scope", "niveau"), "bij niveau 'gemeente' hoort een lijst 'gemeenten'", "scope.gemeenten")
    if niveau == "regio" and not scope.get("regios"):
        doc.error(("scope", "niveau"), "bij niveau 'regio' hoort een lijst 'regios'", "scope.regios")
    source = doc.source(("bron",), d["bron"], cat.sources)
    bijgewerkt = doc.date(("bijgewerkt",), d.get("bijgewerkt"))
    if doc.errors or source is None:
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
        bijgewerkt=bijgewerkt, region_ids=regions,
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
    return Moment("tijd", int(year), int(month), int(day), int(hour), int(minute))


def _moments(doc: _Doc) -> tuple[Moment | None, Moment | None]:
    d = doc.data
    moments: dict[str, Moment] = {}
    for key in ("start", "einde"):
        if key in d:
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


def _event(doc: _Doc, rid: str, cat: Catalog) -> Event | None:
    d = doc.data
    start, einde = _moments(doc)
    if "regio" in d:
        doc.ref(("regio",), d["regio"], cat.regions, "regio")
    source = doc.source(("bron",), d["bron"], cat.sources)
    bijgewerkt = doc.date(("bijgewerkt",), d.get("bijgewerkt"))
    if doc.errors or source is None or start is None or einde is None:
        return None
    loc = d["locatie"]
    location = None if loc == UNKNOWN else Location(loc["naam"], loc.get("adres"), bool(loc.get("online")), loc.get("url"))
    return Event(
        id=rid, path=doc.shown, titel=d["titel"].strip(), soort=d["soort"], start=start, einde=einde,
        locatie=location, status=d["status"], bron=source, regio=d.get("regio"),
        beschrijving=d.get("beschrijving"), aanmelden=d.get("aanmelden"),
        gerelateerd=tuple(d.get("gerelateerd", ())), links=_links(d), contact=_contact(d),
        bron_toelichting=d.get("bron_toelichting"), bijgewerkt=bijgewerkt,
    )


def _collection(rd: _Reader, folder: str, build: Callable[[_Doc, str, Catalog], Any],
                cat: Catalog) -> Iterator[tuple[str, Any, _Doc]]:
    """Read every record of one folder; yield (id, record, doc) for the valid ones."""
    schema = COLLECTIONS[folder]
    for path in sorted((rd.root / folder).glob("*.yaml")):
        doc = rd.read(path, schema)
        rid = path.stem
        if not ID_RE.match(rid):
            doc.errors.append(DataError(doc.shown, 1, 1, "",
                                        f"bestandsnaam '{path.name}': gebruik alleen kleine letters, cijfers en koppeltekens"))
        record = build(doc, rid, cat) if not doc.errors else None
        if record is not None and not doc.errors:
            yield rid, record, doc
        else:
            rd.finish(doc)


def _cross_references(rd: _Reader, cat: Catalog, event_docs: dict[str, _Doc]) -> None:
    """References between collections, checked once every record is loaded."""
    for rid, event in cat.events.items():
        doc = event_docs[rid]
        for i, pid in enumerate(event.gerelateerd):
            doc.ref(("gerelateerd", i), pid, cat.practices, "goed voorbeeld")
        rd.finish(doc)


def load_catalog(root: Path | str) -> Catalog:
    """Load and validate everything under ``root`` (the data/ folder). Raises CatalogError."""
    root = Path(root)
    if not root.is_dir():
        raise CatalogError([DataError(str(root), 1, 1, "", "de datamap bestaat niet")])
    rd = _Reader(root)
    _unread_files(rd)
    cat = _taxonomies(rd)
    for rid, practice, doc in _collection(rd, "goede-voorbeelden", _practice, cat):
        cat.practices[rid] = practice
        rd.finish(doc)
    event_docs: dict[str, _Doc] = {}
    for rid, event, doc in _collection(rd, "evenementen", _event, cat):
        cat.events[rid] = event
        event_docs[rid] = doc
    _cross_references(rd, cat, event_docs)
    if rd.errors:
        raise CatalogError(rd.errors)
    return cat
