"""Municipalities: the status history and its honest 'onbekend', province-wide totals, counts, the map
layout, region feeds and the open-data exports, on fixture data (temp dirs only)."""
from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest
import yaml

from macros.core.catalog import CatalogError, load_catalog
from macros.core.catalog.models import slugify
from macros.core.feeds.ical import region_calendar
from macros.core.site import opendata
from macros.core.site.map import hex_map, short_labels
from macros.core.site.municipalities import MunicipalityIndex
from macros.core.site.registry import SiteModel
from tests.helpers import event, practice, write_record

ALL_STATUSES = {"GM0855": "actueel", "GM0758": "actueel", "GM0772": "in-actualisatie", "GM0796": "geen"}


def _edit_municipalities(data: Path, change) -> None:
    path = data / "gemeenten.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def with_every_status(data: Path) -> Path:
    """Fixture: two municipalities 'actueel', one 'in-actualisatie', one 'geen', the rest 'onbekend'."""
    def change(doc):
        for g in doc["gemeenten"]:
            if g["code"] in ALL_STATUSES:
                g["beleid"] = [{"status": "onbekend"},
                               {"status": "geen", "peildatum": "2019-01-01", "bron": {"titel": "Testbron A"}},
                               {"status": ALL_STATUSES[g["code"]], "peildatum": "2021-01-01", "bron": {"titel": "Testbron B"}}]
    _edit_municipalities(data, change)
    return data


def _errors(data: Path) -> list[str]:
    with pytest.raises(CatalogError) as exc:
        load_catalog(data)
    return [str(e) for e in exc.value.errors]


def test_unknown_status_needs_no_peildatum_and_shows_none(data_dir):
    cat = load_catalog(data_dir)
    m = cat.municipalities["GM0855"]
    assert m.current_status.status == "onbekend" and m.current_status.peildatum is None
    body = SiteModel(cat, dt.date(2026, 11, 23)).places.municipality_body(m, "../../", "EDIT")
    assert "peildatum" in body and "geen peildatum" in body  # says there is none, shows no date
    assert "2026" not in body


def test_a_known_status_needs_a_peildatum_and_a_source(data_dir):
    _edit_municipalities(data_dir, lambda d: d["gemeenten"][0].update(beleid=[{"status": "actueel"}]))
    errors = " ".join(_errors(data_dir))
    assert "gemeenten[0].beleid[0].peildatum" in errors and "verplicht veld 'peildatum' ontbreekt" in errors
    assert "verplicht veld 'bron' ontbreekt" in errors


def test_two_undated_entries_or_two_on_one_day_are_errors(data_dir):
    _edit_municipalities(data_dir, lambda d: d["gemeenten"][0].update(beleid=[{"status": "onbekend"}, {"status": "onbekend"}]))
    assert any("zonder peildatum" in e for e in _errors(data_dir))
    _edit_municipalities(data_dir, lambda d: d["gemeenten"][0].update(beleid=[
        {"status": "geen", "peildatum": "2021-01-01", "bron": "evaluatie-2021"},
        {"status": "actueel", "peildatum": "2021-01-01", "bron": "evaluatie-2021"}]))
    assert any("al een status met peildatum 2021-01-01" in e for e in _errors(data_dir))


def test_current_status_is_the_latest_dated_entry_whatever_the_order(data_dir):
    with_every_status(data_dir)
    cat = load_catalog(data_dir)
    m = cat.municipalities["GM0772"]
    assert m.current_status.status == "in-actualisatie" and m.current_status.peildatum == dt.date(2021, 1, 1)
    assert [s.status for s in m.beleid] == ["geen", "in-actualisatie"]  # the undated 'onbekend' gave way


def test_counts_per_status_equal_the_data(data_dir):
    with_every_status(data_dir)
    cat = load_catalog(data_dir)
    index = MunicipalityIndex(cat, [], dt.date(2026, 1, 1))
    counts = {c.status: c.count for c in index.counts()}
    assert counts == {"actueel": 2, "in-actualisatie": 1, "geen": 1, "onbekend": len(cat.municipalities) - 4}
    for row in index.region_rows():
        members = [m for m in cat.municipalities.values() if m.arbeidsmarktregio == row.region.id]
        assert sum(c.count for c in row.counts) == len(members)


def test_province_wide_totals_are_dated_with_their_source_and_never_spread(data_dir):
    cat = load_catalog(data_dir)
    totals = {(c.status, c.peildatum.isoformat()): c.aantal for c in cat.policy_counts}
    assert totals == {("actueel", "2019-01-01"): 6, ("actueel", "2021-01-01"): 30, ("in-actualisatie", "2021-01-01"): 20}
    assert all(c.bron.id == "evaluatie-2021" and c.citaat for c in cat.policy_counts)
    assert all(m.current_status.status == "onbekend" for m in cat.municipalities.values())


def test_a_total_twice_for_one_status_and_date_is_an_error(data_dir):
    _edit_municipalities(data_dir, lambda d: d["tellingen"].append(copy.deepcopy(d["tellingen"][0])))
    assert any("al een telling voor 'actueel' op 2019-01-01" in e for e in _errors(data_dir))


def test_slugs_keep_names_readable():
    assert slugify("'s-Hertogenbosch") == "s-hertogenbosch"
    assert slugify("Nuenen, Gerwen en Nederwetten") == "nuenen-gerwen-en-nederwetten"
    assert slugify("Reusel-De Mierden") == "reusel-de-mierden"


def test_map_gives_each_placed_municipality_its_own_cell_and_lists_the_rest(data_dir):
    cat = load_catalog(data_dir)
    ms = list(cat.municipalities.values())
    hm = hex_map(ms)
    placed = [m for m in ms if m.ligging]
    assert len(hm.cells) == len(placed)
    assert len({(c.cx, c.cy) for c in hm.cells}) == len(hm.cells)
    assert {m.code for m in hm.unplaced} == {m.code for m in ms if not m.ligging}
    assert hex_map(list(reversed(ms))) == hm  # deterministic, whatever the input order
    labels = short_labels([m.naam for m in ms])
    assert len({v.casefold() for v in labels.values()}) == len(ms)
    assert (labels["Bergen op Zoom"], labels["'s-Hertogenbosch"], labels["Tilburg"]) == ("BoZ", "'sH", "Til")
    assert labels["Nuenen, Gerwen en Nederwetten"] == "Nue"
    # West stays west: Bergen op Zoom's cell lies left of Helmond's.
    x = {c.municipality.naam: c.cx for c in hm.cells}
    assert x["Bergen op Zoom"] < x["Breda"] < x["Tilburg"] < x["Eindhoven"] < x["Helmond"]


def test_region_feed_holds_exactly_its_events(data_dir):
    write_record(data_dir, "evenementen", "peel-1", event(regio="de-peel"))
    write_record(data_dir, "evenementen", "peel-2", event(regio="de-peel", start="2030-05", einde="2030-05"))
    write_record(data_dir, "evenementen", "west", event(regio="west-brabant-west"))
    write_record(data_dir, "evenementen", "brabant", {k: v for k, v in event().items() if k != "regio"})
    cat = load_catalog(data_dir)
    model = SiteModel(cat, dt.date(2030, 1, 1))
    feeds = dict(model.places.feeds("https://example.org/"))
    assert set(feeds) == {f"regios/{r}/agenda.ics" for r in cat.regions}
    cal = icalendar.Calendar.from_ical(feeds["regios/de-peel/agenda.ics"])
    assert sorted(str(v["UID"]) for v in cal.walk("VEVENT")) == ["peel-1@kennisbank-arbeidsmigratie", "peel-2@kennisbank-arbeidsmigratie"]
    assert "De Peel" in str(cal["X-WR-CALNAME"])
    import vobject  # a second, independent parser reads the same feed
    parsed = vobject.readOne(feeds["regios/de-peel/agenda.ics"].decode("utf-8"))
    assert sorted(v.uid.value for v in parsed.vevent_list) == ["peel-1@kennisbank-arbeidsmigratie", "peel-2@kennisbank-arbeidsmigratie"]
    empty = icalendar.Calendar.from_ical(region_calendar("Leeg", [], lambda e: "", dt.date(2030, 1, 1)))
    assert not empty.walk("VEVENT")


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_every_export_holds_every_record_and_csv_round_trips(data_dir):
    with_every_status(data_dir)
    write_record(data_dir, "goede-voorbeelden", "p1", practice(
        titel='Test; met "aanhalingstekens", komma\'s', themas=["huisvesting", "taal"],
        scope={"niveau": "gemeente", "gemeenten": ["GM0796", "GM0820"]},
        links=[{"titel": "Link A", "url": "https://a.example"}, {"titel": "Link B", "url": "https://b.example"}]))
    write_record(data_dir, "evenementen", "e1", event())
    cat = load_catalog(data_dir)
    files = dict(opendata.files(cat, "https://example.org/"))
    sizes = {"goede-voorbeelden": len(cat.practices), "evenementen": len(cat.events), "gemeenten": len(cat.municipalities),
             "regios": len(cat.regions), "themas": len(cat.themes), "bronnen": len(cat.sources),
             "beleid-tellingen": len(cat.policy_counts)}
    for key, n in sizes.items():
        doc = json.loads(files[f"open-data/{key}.json"])
        assert doc["aantal"] == len(doc["records"]) == n, key
        assert doc["licentie"]["id"] == "CC0-1.0"
        assert len(_csv_rows(files[f"open-data/{key}.csv"])) == n, key
    for c in opendata.COLLECTIONS:  # what the open-data page says, counted without making the records
        assert c.count(cat) == len(c.records(cat, "/")) == sizes[c.key], c.key
    munis = {r["code"]: r for r in _csv_rows(files["open-data/gemeenten.csv"])}
    assert munis["GM0796"]["naam"] == "'s-Hertogenbosch"
    assert munis["GM0820"]["naam"] == "Nuenen, Gerwen en Nederwetten"
    assert munis["GM0855"]["status"] == "actueel" and munis["GM0855"]["peildatum"] == "2021-01-01"
    assert munis["GM0855"]["beleid.status"] == "geen;actueel"
    assert munis["GM0866"]["status"] == "onbekend" and munis["GM0866"]["peildatum"] == ""
    p = _csv_rows(files["open-data/goede-voorbeelden.csv"])[0]
    assert p["titel"] == 'Test; met "aanhalingstekens", komma\'s'
    assert p["themas"] == "huisvesting;taal" and p["scope.gemeenten"] == "GM0796;GM0820"
    assert p["links.url"] == "https://a.example;https://b.example"
    assert json.loads(files["open-data/gemeenten.json"])["records"][0]["code"]


def test_field_descriptions_cover_every_schema_field(data_dir):
    cat = load_catalog(data_dir)
    docs = dict((c.key, {f.name for f in fields}) for c, fields in opendata.field_docs(cat))
    schema = json.loads((data_dir / "schemas" / "goed-voorbeeld.schema.json").read_text())
    assert set(schema["properties"]) <= docs["goede-voorbeelden"]
    assert {"scope.niveau", "scope.gemeenten", "links.url", "contact.email", "id", "url"} <= docs["goede-voorbeelden"]
    assert {"code", "naam", "beleid.status", "beleid.peildatum", "ligging.lat", "status"} <= docs["gemeenten"]
    assert {"status", "aantal", "peildatum", "citaat"} <= docs["beleid-tellingen"]


def test_place_pages_list_a_few_practices_and_link_the_rest(data_dir):
    for i in range(25):
        write_record(data_dir, "goede-voorbeelden", f"p{i:02d}", practice(
            titel=f"Praktijk {i:02d}", scope={"niveau": "regio", "regios": ["de-peel"]}))
    cat = load_catalog(data_dir)
    model = SiteModel(cat, dt.date(2030, 1, 1))
    body = model.places.region_body(cat.regions["de-peel"], "../../")
    assert body.count('href="../../goede-voorbeelden/p') == 20
    assert "Alle 25 goede voorbeelden in De Peel" in body and 'href="../../goede-voorbeelden/regio/de-peel/"' in body
