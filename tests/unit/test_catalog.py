"""The catalog: valid data loads; every kind of error names the file, line, field and says what is wrong."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.catalog import CatalogError, load_catalog
from tests.helpers import DATA, REPO, event, practice, write_record


def errors_of(data: Path) -> list:
    with pytest.raises(CatalogError) as info:
        load_catalog(data)
    return info.value.errors


def test_real_data_loads_and_every_record_file_becomes_a_record():
    cat = load_catalog(DATA)
    assert len(cat.municipalities) == 56
    assert len(cat.regions) >= 7
    assert {p.id for p in cat.practices.values()} == {f.stem for f in (DATA / "goede-voorbeelden").glob("*.yaml")}
    assert {e.id for e in cat.events.values()} == {f.stem for f in (DATA / "evenementen").glob("*.yaml")}
    assert len(cat.practices) >= 10


def test_the_seven_regiotafel_regions_and_three_pillars_are_in_the_taxonomies():
    cat = load_catalog(DATA)
    tafels = {r.naam for r in cat.regions.values() if r.soort == "regiotafel"}
    assert tafels == {"West-Brabant West", "Breda e.o.", "Hart van Brabant", "Noordoost-Brabant",
                      "Stedelijk gebied Eindhoven", "De Peel", "De Kempen–A2"}
    names = [p.naam for p in cat.pillars]
    assert names[:3] == ["Wonen en leefomgeving", "Economie en arbeidsmarkt", "Samenleving en sociaal domein"]


SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference" / "gemeenten-noord-brabant.csv"


def test_municipality_codes_have_the_cbs_form():
    cat = load_catalog(DATA)
    assert all(code.startswith("GM") and len(code) == 6 for code in cat.municipalities)


def test_municipalities_match_the_reference_checklist():
    """The checklist lives beside the repository (../shared) on project machines and in CI. Where
    ../shared exists the check must run: a missing checklist there is a failure, not a skip."""
    import csv
    if not SHARED.is_dir():
        pytest.skip(f"geen referentielijst: {SHARED} bestaat niet (alleen buiten de projectmachines)")
    assert REFERENCE.is_file(), f"{REFERENCE} ontbreekt terwijl {SHARED} er is"
    rows = list(csv.DictReader(REFERENCE.open(encoding="utf-8")))
    cat = load_catalog(DATA)
    assert {row["gm_code"] for row in rows} == set(cat.municipalities)
    assert {row["gm_code"]: row["naam"] for row in rows} == {m.code: m.naam for m in cat.municipalities.values()}


def test_broken_yaml_reports_file_and_line(data_dir):
    write_record(data_dir, "goede-voorbeelden", "kapot", 'titel: "niet afgesloten\nsamenvatting: x\n')
    [err] = errors_of(data_dir)
    assert err.path == "data/goede-voorbeelden/kapot.yaml"
    assert err.line in (1, 2)
    assert "ongeldige YAML" in err.message


def test_yaml_error_at_end_of_file_points_inside_the_file(data_dir):
    text = "titel: Test\nsamenvatting: Een\nthemas: [huisvesting\n"
    write_record(data_dir, "goede-voorbeelden", "einde", text)
    [err] = errors_of(data_dir)
    assert 1 <= err.line <= 3


def test_tab_indentation_is_explained_in_dutch(data_dir):
    write_record(data_dir, "goede-voorbeelden", "tab", "titel: Test\nscope:\n\tniveau: gemeente\n")
    [err] = errors_of(data_dir)
    assert err.line == 3 and "tab" in err.message


def test_unknown_theme_names_file_line_field_value_and_suggests(data_dir):
    write_record(data_dir, "goede-voorbeelden", "x", practice(themas=["registratie", "huisvestng"]))
    [err] = errors_of(data_dir)
    assert (err.path, err.field) == ("data/goede-voorbeelden/x.yaml", "themas[1]")
    assert "'huisvestng' bestaat niet" in err.message and "bedoelde u 'huisvesting'" in err.message
    text = (data_dir / "goede-voorbeelden" / "x.yaml").read_text().splitlines()
    assert "huisvestng" in text[err.line - 1]
    assert str(err).startswith(f"data/goede-voorbeelden/x.yaml:{err.line}:")


def test_missing_required_field_is_reported(data_dir):
    rec = practice()
    del rec["samenvatting"]
    write_record(data_dir, "goede-voorbeelden", "x", rec)
    [err] = errors_of(data_dir)
    assert err.field == "samenvatting" and "verplicht veld 'samenvatting' ontbreekt" in err.message
    assert err.line == 1


def test_misspelled_field_name_gets_a_suggestion(data_dir):
    rec = practice()
    rec["organisaites"] = ["Gemeente Tilburg"]
    write_record(data_dir, "goede-voorbeelden", "x", rec)
    [err] = errors_of(data_dir)
    assert "onbekend veld 'organisaites'" in err.message and "organisaties" in err.message


def test_bad_status_lists_the_allowed_values(data_dir):
    write_record(data_dir, "goede-voorbeelden", "x", practice(status="klaar"))
    [err] = errors_of(data_dir)
    assert err.field == "status" and "idee, pilot, lopend, afgerond, onbekend" in err.message


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "www.example.org"])
def test_links_that_are_not_http_are_rejected(data_dir, url):
    write_record(data_dir, "goede-voorbeelden", "x", practice(links=[{"titel": "Klik", "url": url}]))
    [err] = errors_of(data_dir)
    assert err.field == "links[0].url" and "http://" in err.message


def test_dangling_municipality_and_region_references(data_dir):
    write_record(data_dir, "goede-voorbeelden", "x", practice(scope={"niveau": "regio", "regios": ["de-pel"], "gemeenten": ["GM9999"]}))
    errs = errors_of(data_dir)
    fields = {e.field: e.message for e in errs}
    assert "bedoelde u 'de-peel'" in fields["scope.regios[0]"]
    assert "gemeente 'GM9999' bestaat niet" in fields["scope.gemeenten[0]"]


def test_event_end_before_start_is_an_error(data_dir):
    write_record(data_dir, "evenementen", "e", event(start="2030-03-14T16:00", einde="2030-03-14T14:00"))
    [err] = errors_of(data_dir)
    assert err.field == "einde" and "vóór het begin" in err.message


def test_event_with_unknown_region_is_an_error_with_a_suggestion(data_dir):
    write_record(data_dir, "evenementen", "e", event(regio="de-pel"))
    [err] = errors_of(data_dir)
    assert (err.path, err.field) == ("data/evenementen/e.yaml", "regio")
    assert "regio 'de-pel' bestaat niet" in err.message and "bedoelde u 'de-peel'" in err.message


def test_event_with_bad_status_or_impossible_date(data_dir):
    write_record(data_dir, "evenementen", "e", event(status="misschien"))
    [err] = errors_of(data_dir)
    assert err.field == "status" and "gepland, gehouden, geannuleerd, verplaatst" in err.message
    write_record(data_dir, "evenementen", "e", event(start="2030-02-30", einde="2030-03-01"))
    [err] = errors_of(data_dir)
    assert err.field == "start" and "geen bestaande datum" in err.message


def test_event_related_practice_must_exist(data_dir):
    write_record(data_dir, "goede-voorbeelden", "bestaat", practice())
    write_record(data_dir, "evenementen", "e", event(gerelateerd=["bestaat", "bestaat-niet"]))
    [err] = errors_of(data_dir)
    assert err.field == "gerelateerd[1]" and err.path == "data/evenementen/e.yaml" and err.line > 1


def test_all_errors_of_all_files_are_reported_at_once(data_dir):
    write_record(data_dir, "goede-voorbeelden", "a", practice(themas=["nope"]))
    write_record(data_dir, "goede-voorbeelden", "b", "titel: [\n")
    write_record(data_dir, "evenementen", "c", event(status="weg"))
    errs = errors_of(data_dir)
    assert {e.path.rsplit("/", 1)[1] for e in errs} == {"a.yaml", "b.yaml", "c.yaml"}


def test_duplicate_keys_are_not_silently_merged(data_dir):
    import yaml
    text = yaml.safe_dump(practice(), sort_keys=False) + "titel: Nog een titel\n"
    write_record(data_dir, "goede-voorbeelden", "dubbel", text)
    [err] = errors_of(data_dir)
    assert err.field == "titel" and "twee keer" in err.message


def test_files_the_loader_would_not_read_are_reported(data_dir):
    (data_dir / "goede-voorbeelden" / "verkeerd.yml").write_text("titel: x\n")
    [err] = errors_of(data_dir)
    assert "verkeerd.yml" in err.path and ".yaml" in err.message


def test_bad_file_name_is_reported(data_dir):
    write_record(data_dir, "goede-voorbeelden", "Hoofdletters", practice())
    [err] = errors_of(data_dir)
    assert "bestandsnaam" in err.message


def test_cli_check_exits_nonzero_with_file_and_line(data_dir):
    write_record(data_dir, "goede-voorbeelden", "x", practice(themas=["huisvestng"]))
    proc = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_dir), "check"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "data/goede-voorbeelden/x.yaml:" in proc.stderr and "huisvestng" in proc.stderr


def test_cli_check_passes_on_the_real_data():
    proc = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "data in orde" in proc.stdout


def test_fast_and_full_schema_validation_agree():
    """The compiled fast path must accept exactly what jsonschema accepts."""
    import copy

    from macros.core.catalog.schemas import schema_set
    from macros.core.catalog.yamlio import load_file
    schemas = schema_set(str(DATA / "schemas"))
    good = [load_file(f).data for f in sorted((DATA / "goede-voorbeelden").glob("*.yaml"))]
    bad = []
    for mutate in (lambda r: r.update(titel="x" * 121), lambda r: r.update(status="klaar"),
                   lambda r: r.update(links=[{"titel": "a", "url": "javascript:x"}]), lambda r: r.pop("bron"),
                   lambda r: r.update(jaar="2020"), lambda r: r.update(extra=1),
                   lambda r: r["scope"].update(gemeenten=["GM12"]), lambda r: r.update(samenvatting="   "),
                   lambda r: r.update(contact={"organisatie": "x", "email": "geen-mail"})):
        rec = copy.deepcopy(good[0])
        mutate(rec)
        bad.append(rec)
    for rec in good:
        assert schemas.is_valid("goed-voorbeeld", rec) and not list(schemas.validator("goed-voorbeeld").iter_errors(rec))
    for rec in bad:
        assert not schemas.is_valid("goed-voorbeeld", rec), rec
        assert list(schemas.validator("goed-voorbeeld").iter_errors(rec))


def test_the_compiled_check_is_the_same_as_fastjsonschemas_detailed_one_for_every_kind_of_file():
    """is_valid compiles with const written as enum and without detailed exceptions (3x quicker to
    compile): it must accept exactly what the detailed compile of the same schema accepts, and
    jsonschema too, at every place of every kind of file, with values of every type."""
    import copy

    import fastjsonschema

    from macros.core.catalog.loader import COLLECTIONS, TAXONOMIES
    from macros.core.catalog.schemas import bundle, schema_set
    from macros.core.catalog.yamlio import load_file
    schemas = schema_set(str(DATA / "schemas"))
    files = [(DATA / name, schema) for name, schema in TAXONOMIES.items()]
    files += [(f, schema) for folder, schema in COLLECTIONS.items() for f in sorted((DATA / folder).glob("*.yaml"))[:3]]
    detailed = {schema: fastjsonschema.compile(bundle(schemas._raw, schema), use_formats=False)
                for schema in set(TAXONOMIES.values()) | set(COLLECTIONS.values())}
    candidates = ("onbekend", "onbekent", "x", "", 0, 2020, 1.5, None, True, [], {}, ["onbekend"], {"onbekend": 1})

    def accepts(check, data) -> bool:
        try:
            check(data)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    compared = 0
    for path, schema in files:
        located = load_file(path)
        places = sorted((p for p in located.marks if p), key=repr)
        for place in places[::max(1, len(places) // 40)]:
            for value in candidates:
                doc = copy.deepcopy(located.data)
                parent = doc
                for key in place[:-1]:
                    parent = parent[key]
                parent[place[-1]] = value
                fast = schemas.is_valid(schema, doc)
                assert fast == accepts(detailed[schema], doc), (path.name, place, value)
                if compared % 13 == 0:  # jsonschema is slow: every 13th document
                    assert fast == (not list(schemas.validator(schema).iter_errors(doc))), (path.name, place, value)
                compared += 1
    assert compared > 2000


ODD_YAML = [
    "", "# alleen commentaar\n", "a: 1\n", "- 1\n- x\n", "x\n", "1: een\n2.5: twee\ntrue: drie\n~: vier\nyes: vijf\n",
    "a: 1\na: 2\nb: {c: 1, c: 2}\n", "a: [1, 2, {b: null}]\n", "a: 0x1f\nb: 1_000\nc: 1:30\nd: .inf\ne: -.nan\nf: 0o17\n",
    "a: !!str 12\nb: !!int '12'\nc: !!float 1\n", "a: !!int abc\n", "a: !!binary aGFsbG8=\n", "a: !!set {x, y}\n",
    "a: !!omap [x: 1]\n", "a: !onbekend x\n", "a: !!str {b: 1}\n", "<<: {a: 1}\nb: 2\n", "a:\n  <<: {b: 1}\n  c: 2\n",
    "=: x\n", "a: =\n", "a: &x 1\nb: *x\n", "? [a, b]\n: c\n", "? {a: 1}\n: c\n", "a: !!null ''\nb: !!bool yes\n",
    "a: [" * 21 + "]" * 21 + "\n", "a:\n" + "".join("  " * i + "- \n" for i in range(1, 25)),
    "a: 'x'\n---\nb: 1\n", "a: b: c\n", "a:\n\t- x\n", "titel: «plek»\n", "a: !!timestamp 2020-01-01\n",
    "a: 2020-01-01\nb: 12:30:00\n", "{a: 1, a: 2, 1: x, '1': y}\n", "- !!map {a: 1}\n- !!seq [1]\n- !!str x\n",
]


@pytest.mark.parametrize("text", ODD_YAML + [f.read_text(encoding="utf-8") for f in sorted(DATA.rglob("*.yaml"))[:12]])
def test_the_one_pass_parse_gives_what_walk_then_construct_gave(text, monkeypatch):
    """parse builds the document and its line marks in one pass where it can, and otherwise hands the
    document to PyYAML's constructor after the separate walk: both give the same result or error."""
    from macros.core.catalog import yamlio

    def outcome() -> tuple:
        try:
            got = yamlio.parse(text)
            return "ok", repr(got.data), sorted(got.marks.items(), key=repr), got.duplicates
        except yamlio.YamlSyntaxError as exc:
            return "fout", exc.line, exc.column, exc.message
        except Exception as exc:  # noqa: BLE001 - what PyYAML raises outside its own errors, raised alike
            return "uitzondering", type(exc).__name__, str(exc)

    one_pass = outcome()

    def unusual(*args: object) -> None:
        raise yamlio._Unusual

    monkeypatch.setattr(yamlio, "_build", unusual)
    assert one_pass == outcome()
