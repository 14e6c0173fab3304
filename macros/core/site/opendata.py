"""Open data: every collection as JSON and CSV, and a description of every field from the JSON Schemas.

Records are exported from the validated catalog (the same data the pages show), with the field names of
the YAML files. CSV: UTF-8 with BOM (Excel opens it right), one row per record, nested fields as dotted
columns (``scope.niveau``), lists joined with ``;``. Licence: CC0 1.0 unless the data says otherwise.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..catalog.models import Catalog, Event, Moment, Municipality, Practice, Source
from ..memo import Memo, no_memo

LICENCE = {"id": "CC0-1.0", "naam": "CC0 1.0 Universeel (publiek domein)",
           "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
LIST_SEPARATOR = ";"
FOLDER = "open-data"


@dataclass(frozen=True)
class Collection:
    key: str  # file name: open-data/<key>.json and .csv
    naam: str
    schema: str  # data/schemas/<schema>.schema.json
    schema_root: tuple[str, ...]  # where one record's properties are in that schema
    extra: tuple[tuple[str, str], ...]  # export-only fields: (name, description)
    records: Callable[[Catalog, str], list[dict[str, Any]]]
    count: Callable[[Catalog], int]  # len(records(...)), without making them (the open-data page)


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _source(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return _clean({"id": s.id, "titel": s.titel, "uitgever": s.uitgever, "datum": _date(s.datum), "url": s.url})


def _moment(m: Moment) -> str:
    if m.precision == "maand":
        return f"{m.year:04d}-{m.month:02d}"
    if m.precision == "dag":
        return m.date.isoformat()
    return f"{m.date.isoformat()}T{m.hour:02d}:{m.minute:02d}"


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, (), [], {})}


def _practices(cat: Catalog, base: str) -> list[dict[str, Any]]:
    def one(p: Practice) -> dict[str, Any]:
        return _clean({
            "id": p.id, "url": f"{base}goede-voorbeelden/{p.id}/", "titel": p.titel, "samenvatting": p.samenvatting,
            "beschrijving": p.beschrijving, "resultaten": p.resultaten, "themas": list(p.themas),
            "scope": _clean({"niveau": p.scope.niveau, "gemeenten": list(p.scope.gemeenten),
                             "regios": list(p.scope.regios), "provincie": p.scope.provincie}),
            "organisaties": list(p.organisaties), "jaar": p.jaar, "status": p.status,
            "links": [{"titel": x.titel, "url": x.url} for x in p.links],
            "contact": _clean({"organisatie": p.contact.organisatie, "email": p.contact.email, "url": p.contact.url}) if p.contact else None,
            "bron": _source(p.bron), "bron_toelichting": p.bron_toelichting, "bijgewerkt": _date(p.bijgewerkt),
        })
    return [one(p) for p in sorted(cat.practices.values(), key=lambda p: p.id)]


def _events(cat: Catalog, base: str) -> list[dict[str, Any]]:
    def one(e: Event) -> dict[str, Any]:
        loc: Any = "onbekend"
        if e.locatie:
            loc = _clean({"naam": e.locatie.naam, "adres": e.locatie.adres, "online": e.locatie.online or None,
                          "url": e.locatie.url})
        return _clean({
            "id": e.id, "url": f"{base}agenda/{e.id}/", "ics": f"{base}agenda/{e.id}.ics", "titel": e.titel,
            "soort": e.soort, "start": _moment(e.start), "einde": _moment(e.einde), "locatie": loc, "regio": e.regio,
            "beschrijving": e.beschrijving, "aanmelden": e.aanmelden, "status": e.status,
            "gerelateerd": list(e.gerelateerd), "links": [{"titel": x.titel, "url": x.url} for x in e.links],
            "contact": _clean({"organisatie": e.contact.organisatie, "email": e.contact.email, "url": e.contact.url}) if e.contact else None,
            "bron": _source(e.bron), "bron_toelichting": e.bron_toelichting, "bijgewerkt": _date(e.bijgewerkt),
        })
    return [one(e) for e in sorted(cat.events.values(), key=lambda e: e.id)]


def _municipalities(cat: Catalog, base: str) -> list[dict[str, Any]]:
    def one(m: Municipality) -> dict[str, Any]:
        cur = m.current_status
        return {"code": m.code, "naam": m.naam, "status": cur.status, "peildatum": _date(cur.peildatum)} | _clean({
            "url": f"{base}gemeenten/{m.slug}/", "arbeidsmarktregio": m.arbeidsmarktregio, "regiotafel": m.regiotafel,
            "beleid": [_clean({"status": s.status, "peildatum": _date(s.peildatum), "bron": _source(s.bron),
                               "toelichting": s.toelichting}) for s in m.beleid],
            "ligging": _clean({"plaats": m.ligging.plaats, "geonameid": m.ligging.geonameid, "lat": m.ligging.lat,
                               "lon": m.ligging.lon}) if m.ligging else None,
            "toelichting": m.toelichting,
        })
    return [one(m) for m in sorted(cat.municipalities.values(), key=lambda m: m.code)]


def _counts(cat: Catalog, base: str) -> list[dict[str, Any]]:
    return [_clean({"status": c.status, "aantal": c.aantal, "peildatum": _date(c.peildatum), "bron": _source(c.bron),
                    "citaat": c.citaat, "toelichting": c.toelichting}) for c in cat.policy_counts]


def _regions(cat: Catalog, base: str) -> list[dict[str, Any]]:
    return [_clean({"id": r.id, "naam": r.naam, "soort": r.soort, "omschrijving": r.omschrijving,
                    "url": f"{base}regios/{r.id}/", "ics": f"{base}regios/{r.id}/agenda.ics"}) for r in cat.regions.values()]


def _themes(cat: Catalog, base: str) -> list[dict[str, Any]]:
    names = {pl.id: pl.naam for pl in cat.pillars}
    return [_clean({"id": t.id, "naam": t.naam, "omschrijving": t.omschrijving, "pijler": t.pillar_id,
                    "pijler_naam": names[t.pillar_id], "url": f"{base}goede-voorbeelden/thema/{t.id}/"})
            for pl in cat.pillars for t in pl.themes]


def _sources(cat: Catalog, base: str) -> list[dict[str, Any]]:
    return [_clean({"id": s.id, "titel": s.titel, "uitgever": s.uitgever, "datum": _date(s.datum), "url": s.url,
                    "toelichting": s.toelichting}) for s in cat.sources.values()]


URL = ("url", "Adres van de pagina op deze site.")
COLLECTIONS = (
    Collection("goede-voorbeelden", "Goede voorbeelden", "goed-voorbeeld", (), (("id", "De id (bestandsnaam)."), URL),
               _practices, lambda cat: len(cat.practices)),
    Collection("evenementen", "Bijeenkomsten", "evenement", (),
               (("id", "De id (bestandsnaam)."), URL, ("ics", "Het iCalendar-bestand van de bijeenkomst.")), _events,
               lambda cat: len(cat.events)),
    Collection("gemeenten", "Gemeenten", "gemeenten", ("gemeenten", "items"),
               (URL, ("status", "De laatst bekende beleidsstatus (uit 'beleid')."),
                ("peildatum", "De peildatum van die status; leeg bij 'onbekend' zonder peildatum.")), _municipalities,
               lambda cat: len(cat.municipalities)),
    Collection("beleid-tellingen", "Provinciebrede tellingen", "gemeenten", ("tellingen", "items"), (), _counts,
               lambda cat: len(cat.policy_counts)),
    Collection("regios", "Regio's", "regios", ("regios", "items"),
               (URL, ("ics", "De agenda van de regio (iCalendar, om op te abonneren).")), _regions,
               lambda cat: len(cat.regions)),
    Collection("themas", "Thema's", "themas", ("pijlers", "items", "themas", "items"),
               (("pijler", "Id van de pijler."), ("pijler_naam", "Naam van de pijler."), URL), _themes,
               lambda cat: sum(len(pl.themes) for pl in cat.pillars)),
    Collection("bronnen", "Bronnen", "bronnen", ("bronnen", "items"), (), _sources, lambda cat: len(cat.sources)),
)
SOURCE_FIELDS = ("id", "titel", "uitgever", "datum", "url")


# -- files -------------------------------------------------------------------------------------------
def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Dotted columns; lists joined with ';' (lists of blocks: one column per field, values joined)."""
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            fields = list(dict.fromkeys(k for v in value for k in flatten(v)))
            for f in fields:
                out[f"{name}.{f}"] = LIST_SEPARATOR.join(flatten(v).get(f, "") for v in value)
        elif isinstance(value, list):
            out[name] = LIST_SEPARATOR.join(str(v) for v in value)
        elif isinstance(value, bool):
            out[name] = "ja" if value else "nee"
        else:
            out[name] = "" if value is None else str(value)
    return out


def to_csv(records: list[dict[str, Any]]) -> bytes:
    rows = [flatten(r) for r in records]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    buf.write("\ufeff")  # the BOM: Excel then reads UTF-8
    writer = csv.DictWriter(buf, fieldnames=columns, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def to_json(c: Collection, records: list[dict[str, Any]], base: str) -> bytes:
    doc = {"collectie": c.key, "naam": c.naam, "licentie": LICENCE, "bron": f"{base}{FOLDER}/",
           "aantal": len(records), "records": records}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def files(cat: Catalog, site_url: str, memo: Memo = no_memo) -> Iterator[tuple[str, bytes]]:
    """Every collection as JSON and CSV; ``memo`` may keep a file whose records did not change."""
    base = site_url.rstrip("/") + "/"
    for c in COLLECTIONS:
        records = c.records(cat, base)
        yield f"{FOLDER}/{c.key}.json", memo(f"{c.key}.json", (base, records), partial(to_json, c, records, base))
        yield f"{FOLDER}/{c.key}.csv", memo(f"{c.key}.csv", records, partial(to_csv, records))


# -- field descriptions from the schemas -------------------------------------------------------------
@dataclass(frozen=True)
class FieldDoc:
    name: str  # dotted, as the CSV column
    kind: str
    description: str
    required: bool


class SchemaReader:
    def __init__(self, folder: Path):
        self.schemas = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in folder.glob("*.schema.json")}

    def resolve(self, node: dict[str, Any], file: str) -> tuple[dict[str, Any], str]:
        """Follow $ref (keeping the referring node's own description)."""
        while "$ref" in node:
            ref_file, _, pointer = node["$ref"].partition("#")
            target_file = ref_file or file
            target: Any = self.schemas[target_file]
            for part in pointer.strip("/").split("/"):
                target = target[part]
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            node, file = merged, target_file
        return node, file

    def kind(self, node: dict[str, Any], file: str) -> str:
        node, file = self.resolve(node, file)
        if "enum" in node:
            return "één van: " + ", ".join(str(v) for v in node["enum"])
        if "const" in node:
            return f"'{node['const']}'"
        if "oneOf" in node:
            return " of ".join(self.kind(alt, file) for alt in node["oneOf"])
        t = node.get("type")
        if t == "array":
            return "lijst (gescheiden door ;) van " + self.kind(node.get("items", {}), file)
        if t == "string" and node.get("pattern", "").startswith("^[0-9]{4}-[0-9]{2}-[0-9]{2}"):
            return "datum (JJJJ-MM-DD)"
        if t == "string" and "https?" in node.get("pattern", ""):
            return "link"
        return {"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "ja/nee",
                "object": "blok"}.get(str(t), "tekst")

    def fields(self, schema: str, root: tuple[str, ...]) -> list[FieldDoc]:
        file = f"{schema}.schema.json"
        node: dict[str, Any] = self.schemas[file]
        for part in root:
            node, file = self.resolve(node["properties"][part] if part != "items" else node["items"], file)
        return list(self._walk(node, file, ""))

    def _walk(self, node: dict[str, Any], file: str, prefix: str) -> Iterator[FieldDoc]:
        node, file = self.resolve(node, file)
        required = set(node.get("required", ()))
        for name, prop in node.get("properties", {}).items():
            resolved, rfile = self.resolve(prop, file)
            path = prefix + name
            desc = prop.get("description") or resolved.get("description") or ""
            if name == "bron":
                yield FieldDoc(path, "blok", "De bron: " + ", ".join(f"{path}.{f}" for f in SOURCE_FIELDS)
                               + " (in de YAML een id uit bronnen.yaml of een eigen bron).", name in required)
                continue
            items = resolved.get("items")
            if resolved.get("type") == "object" and "properties" in resolved:
                yield FieldDoc(path, "blok", desc, name in required)
                yield from self._walk(resolved, rfile, path + ".")
            elif items is not None and self.resolve(items, rfile)[0].get("type") == "object":
                yield FieldDoc(path, "lijst van blokken (per veld een kolom, waarden gescheiden door ;)", desc, name in required)
                yield from self._walk(items, rfile, path + ".")
            else:
                yield FieldDoc(path, self.kind(prop, file), desc, name in required)


def field_docs(cat: Catalog) -> list[tuple[Collection, list[FieldDoc]]]:
    reader = SchemaReader(Path(cat.root) / "schemas")
    out = []
    for c in COLLECTIONS:
        docs = [FieldDoc(name, "tekst", desc, True) for name, desc in c.extra]
        docs += reader.fields(c.schema, c.schema_root)
        out.append((c, docs))
    return out
