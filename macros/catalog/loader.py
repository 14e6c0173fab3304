"""Load data/: parse with line numbers, validate against the schemas, check references, build records.

Every problem is collected; ``load_catalog`` raises one ``CatalogError`` listing them all.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import CatalogError, DataError, did_you_mean, display_path
from .models import (
    UNKNOWN, Catalog, Contact, Event, Link, Location, Moment, Municipality, Pillar, PolicyStatus,
    Practice, Region, Scope, Source, Theme,
)
from .schemas import schema_set
from .yamlio import Located, YamlSyntaxError, load_file

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COLLECTIONS = {"goede-voorbeelden": "goed-voorbeeld", "evenementen": "evenement"}
TAXONOMIES = {"bronnen.yaml": "bronnen", "themas.yaml": "themas", "regios.yaml": "regios", "gemeenten.yaml": "gemeenten"}
# Folders the loader knows but whose collections arrive with later work: their files are still
# parsed and reported, never silently ignored.
PENDING_COLLECTIONS = {"beleidsvoorbeelden", "modelovereenkomsten"}


@dataclass
class _Doc:
    """One file being loaded: its display path, parsed document and the errors found in it."""

    path: Path
    shown: str
    located: Located | None = None
    errors: list[DataError] = field(default_factory=list)

    def error(self, where: tuple, field_: str, message: str) -> None:
        line, col = self.located.where(where) if self.located else (1, 1)
        self.errors.append(DataError(self.shown, line, col, field_, message))

    @property
    def data(self) -> Any:
        return self.located.data if self.located else None


def _field(path: Iterable) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.schemas = schema_set(str(root / "schemas"))
        self.errors: list[DataError] = []

    # -- reading -------------------------------------------------------------------------------
    def read(self, path: Path, schema: str) -> _Doc:
        doc = _Doc(path, display_path(path, self.root))
        try:
            doc.located = load_file(path)
        except YamlSyntaxError as exc:
            doc.errors.append(DataError(doc.shown, exc.line, exc.column, "", exc.message))
            return doc
        for key_path, line, col in doc.located.duplicates:
            doc.errors.append(DataError(doc.shown, line, col, _field(key_path), "dit veld staat er twee keer in"))
        if doc.data is None:
            doc.error((), "", "het bestand is leeg")
            return doc
        for issue in self.schemas.validate(schema, doc.data):
            doc.error(issue.path, issue.field, issue.message)
        return doc

    def finish(self, doc: _Doc) -> bool:
        self.errors.extend(doc.errors)
        return not doc.errors

    # -- references ----------------------------------------------------------------------------
    @staticmethod
    def ref(doc: _Doc, where: tuple, value: str, known: dict | set, what: str, allow_unknown: bool = False) -> bool:
        if allow_unknown and value == UNKNOWN:
            return True
        if value in known:
            return True
        doc.error(where, _field(where), f"{what} '{value}' bestaat niet{did_you_mean(value, known)}")
        return False

    def source(self, doc: _Doc, where: tuple, value: Any, sources: dict[str, Source]) -> Source | None:
        if value is None:
            return None
        if isinstance(value, str):
            return sources.get(value) if self.ref(doc, where, value, sources, "bron") else None
        return Source(None, value["titel"], value.get("uitgever"), _date(value.get("datum")), value.get("url"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _checked_date(doc: _Doc, where: tuple, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        doc.error(where, _field(where), f"'{value}' is geen bestaande datum")
        return None


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


def load_catalog(root: Path | str) -> Catalog:
    """Load and validate everything under ``root`` (the data/ folder). Raises CatalogError."""
    root = Path(root)
    ld = _Loader(root)
    if not root.is_dir():
        raise CatalogError([DataError(str(root), 1, 1, "", "de datamap bestaat niet")])

    # Files the loader would not read are reported, not dropped.
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or rel.parts[0] == "schemas" or rel.name.startswith("."):
            continue
        top = rel.parts[0]
        known = (len(rel.parts) == 1 and rel.name in TAXONOMIES) or (
            len(rel.parts) == 2 and top in (*COLLECTIONS, *PENDING_COLLECTIONS) and rel.suffix == ".yaml")
        if not known:
            hint = " (gebruik de extensie .yaml)" if rel.suffix == ".yml" else ""
            ld.errors.append(DataError(display_path(path, root), 1, 1, "",
                                       f"dit bestand wordt niet gelezen: onbekende plaats of naam{hint}"))

    # Taxonomies --------------------------------------------------------------------------------
    docs = {name: ld.read(root / name, schema) if (root / name).exists() else None
            for name, schema in TAXONOMIES.items()}
    for name, doc in docs.items():
        if doc is None:
            ld.errors.append(DataError(display_path(root / name, root), 1, 1, "", "verplicht bestand ontbreekt"))

    sources: dict[str, Source] = {}
    doc = docs["bronnen.yaml"]
    if doc and not doc.errors:
        for i, s in enumerate(doc.data["bronnen"]):
            if s["id"] in sources:
                doc.error(("bronnen", i, "id"), f"bronnen[{i}].id", f"id '{s['id']}' komt twee keer voor")
            sources[s["id"]] = Source(s["id"], s["titel"], s.get("uitgever"),
                                      _checked_date(doc, ("bronnen", i, "datum"), s.get("datum")),
                                      s.get("url"), s.get("toelichting"))
    if doc:
        ld.finish(doc)

    pillars: list[Pillar] = []
    themes: dict[str, Theme] = {}
    doc = docs["themas.yaml"]
    if doc and not doc.errors:
        seen_pillars: set[str] = set()
        for i, p in enumerate(doc.data["pijlers"]):
            if p["id"] in seen_pillars:
                doc.error(("pijlers", i, "id"), f"pijlers[{i}].id", f"id '{p['id']}' komt twee keer voor")
            seen_pillars.add(p["id"])
            ld.source(doc, ("pijlers", i, "bron"), p.get("bron"), sources)
            ts = []
            for j, t in enumerate(p["themas"]):
                if t["id"] in themes:
                    doc.error(("pijlers", i, "themas", j, "id"), f"pijlers[{i}].themas[{j}].id",
                              f"thema-id '{t['id']}' komt twee keer voor")
                theme = Theme(t["id"], t["naam"], p["id"], t.get("omschrijving"))
                themes[t["id"]] = theme
                ts.append(theme)
            pillars.append(Pillar(p["id"], p["naam"], tuple(ts), p.get("omschrijving")))
    if doc:
        ld.finish(doc)

    regions: dict[str, Region] = {}
    doc = docs["regios.yaml"]
    if doc and not doc.errors:
        for i, r in enumerate(doc.data["regios"]):
            if r["id"] in regions or r["id"] == UNKNOWN:
                doc.error(("regios", i, "id"), f"regios[{i}].id", f"id '{r['id']}' komt twee keer voor of is gereserveerd")
            ld.source(doc, ("regios", i, "bron"), r.get("bron"), sources)
            regions[r["id"]] = Region(r["id"], r["naam"], r["soort"], r.get("omschrijving"))
    if doc:
        ld.finish(doc)

    municipalities: dict[str, Municipality] = {}
    doc = docs["gemeenten.yaml"]
    if doc and not doc.errors:
        ld.source(doc, ("bron",), doc.data.get("bron"), sources)
        for i, g in enumerate(doc.data["gemeenten"]):
            where = ("gemeenten", i)
            if g["code"] in municipalities:
                doc.error(where + ("code",), f"gemeenten[{i}].code", f"gemeentecode '{g['code']}' komt twee keer voor")
            for key, soort in (("arbeidsmarktregio", "arbeidsmarktregio"), ("regiotafel", "regiotafel")):
                value = g.get(key, UNKNOWN)
                if ld.ref(doc, where + (key,), value, regions, "regio", allow_unknown=True) and value != UNKNOWN \
                        and regions[value].soort != soort:
                    doc.error(where + (key,), f"gemeenten[{i}].{key}", f"regio '{value}' is geen {soort}")
            statuses = tuple(
                PolicyStatus(b["status"], _checked_date(doc, where + ("beleid", k, "peildatum"), b["peildatum"]) or dt.date.min,
                             ld.source(doc, where + ("beleid", k, "bron"), b.get("bron"), sources), b.get("toelichting"))
                for k, b in enumerate(g["beleid"]))
            municipalities[g["code"]] = Municipality(g["code"], g["naam"], g.get("arbeidsmarktregio", UNKNOWN),
                                                     g.get("regiotafel", UNKNOWN), statuses, g.get("toelichting"))
    if doc:
        ld.finish(doc)

    catalog = Catalog(str(root), tuple(pillars), themes, regions, municipalities, sources)

    # Collections -----------------------------------------------------------------------------
    event_docs: dict[str, _Doc] = {}
    for folder, schema in COLLECTIONS.items():
        build: Callable[[_Loader, _Doc, str, Catalog], Any] = _BUILDERS[folder]
        target = catalog.practices if folder == "goede-voorbeelden" else catalog.events
        for path in sorted((root / folder).glob("*.yaml")):
            doc = ld.read(path, schema)
            rid = path.stem
            if not ID_RE.match(rid):
                doc.errors.append(DataError(doc.shown, 1, 1, "",
                                            f"bestandsnaam '{path.name}': gebruik alleen kleine letters, cijfers en koppeltekens"))
            record = None
            if not doc.errors:
                record = build(ld, doc, rid, catalog)
            if ld.finish(doc) and record is not None:
                target[rid] = record
                if folder == "evenementen":
                    event_docs[rid] = doc
    for folder in PENDING_COLLECTIONS:
        for path in sorted((root / folder).glob("*.yaml")):
            ld.errors.append(DataError(display_path(path, root), 1, 1, "",
                                       f"de collectie '{folder}' wordt nog niet gepubliceerd; dit bestand zou ongezien blijven"))

    # References between collections (need every record loaded first).
    for rid, event in catalog.events.items():
        doc = event_docs[rid]
        for i, pid in enumerate(event.gerelateerd):
            ld.ref(doc, ("gerelateerd", i), pid, catalog.practices, "goed voorbeeld")
        ld.errors.extend(doc.errors)

    if ld.errors:
        raise CatalogError(ld.errors)
    return catalog


def _links(data: dict) -> tuple[Link, ...]:
    return tuple(Link(x["titel"], x["url"]) for x in data.get("links", ()))


def _contact(data: dict) -> Contact | None:
    c = data.get("contact")
    return Contact(c["organisatie"], c.get("email"), c.get("url")) if c else None


def _build_practice(ld: _Loader, doc: _Doc, rid: str, cat: Catalog) -> Practice | None:
    d = doc.data
    for i, t in enumerate(d["themas"]):
        ld.ref(doc, ("themas", i), t, cat.themes, "thema")
    scope = d["scope"]
    region_ids: list[str] = []
    for i, r in enumerate(scope.get("regios", ())):
        if ld.ref(doc, ("scope", "regios", i), r, cat.regions, "regio"):
            region_ids.append(r)
    for i, code in enumerate(scope.get("gemeenten", ())):
        if ld.ref(doc, ("scope", "gemeenten", i), code, cat.municipalities, "gemeente"):
            m = cat.municipalities[code]
            region_ids += [x for x in (m.arbeidsmarktregio, m.regiotafel) if x != UNKNOWN]
    niveau = scope["niveau"]
    if niveau == "gemeente" and not scope.get("gemeenten"):
        doc.error(("scope", "niveau"), "scope.gemeenten", "bij niveau 'gemeente' hoort een lijst 'gemeenten'")
    if niveau == "regio" and not scope.get("regios"):
        doc.error(("scope", "niveau"), "scope.regios", "bij niveau 'regio' hoort een lijst 'regios'")
    source = ld.source(doc, ("bron",), d["bron"], cat.sources)
    bijgewerkt = _checked_date(doc, ("bijgewerkt",), d.get("bijgewerkt"))
    if doc.errors or source is None:
        return None
    return Practice(
        id=rid, path=doc.shown, titel=d["titel"].strip(), samenvatting=d["samenvatting"].strip(),
        beschrijving=d["beschrijving"], themas=tuple(d["themas"]),
        scope=Scope(niveau, tuple(scope.get("gemeenten", ())), tuple(scope.get("regios", ())), scope.get("provincie")),
        jaar=d["jaar"], status=d.get("status", UNKNOWN), bron=source,
        organisaties=tuple(d.get("organisaties", ())), resultaten=d.get("resultaten"),
        links=_links(d), contact=_contact(d), bron_toelichting=d.get("bron_toelichting"),
        bijgewerkt=bijgewerkt, region_ids=tuple(dict.fromkeys(region_ids)),
    )


def _build_event(ld: _Loader, doc: _Doc, rid: str, cat: Catalog) -> Event | None:
    d = doc.data
    moments: dict[str, Moment] = {}
    for key in ("start", "einde"):
        if key in d:
            try:
                moments[key] = parse_moment(d[key])
            except ValueError:
                doc.error((key,), key, f"'{d[key]}' is geen bestaande datum of tijd")
    start = moments.get("start")
    einde = moments.get("einde", start)
    if start and einde and "einde" in d:
        if einde.sort_key < start.sort_key and not (einde.precision != start.precision and einde.date == start.date):
            doc.error(("einde",), "einde", f"het einde ({d['einde']}) ligt vóór het begin ({d['start']})")
        elif (start.precision == "tijd") != (einde.precision == "tijd"):
            doc.error(("einde",), "einde", "begin en einde moeten allebei een tijd hebben, of allebei geen tijd")
    if "regio" in d:
        ld.ref(doc, ("regio",), d["regio"], cat.regions, "regio")
    source = ld.source(doc, ("bron",), d["bron"], cat.sources)
    bijgewerkt = _checked_date(doc, ("bijgewerkt",), d.get("bijgewerkt"))
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


_BUILDERS = {"goede-voorbeelden": _build_practice, "evenementen": _build_event}
