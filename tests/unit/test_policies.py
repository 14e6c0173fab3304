"""Policy examples and model agreements in the catalog and the site model: every field is read, bad
input is reported at its line in Dutch, and the comparison puts key rules side by side."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.core.catalog import CatalogError, load_catalog
from macros.core.catalog.models import KeyRule
from macros.core.render.fillins import paragraphs, plain
from macros.core.site.policies import TOPICS, PolicyIndex, format_value
from tests.helpers import DATA, practice, write_record
from tests.policy_fixtures import agreement, other_policy, policy


def errors_of(data: Path) -> list:
    with pytest.raises(CatalogError) as info:
        load_catalog(data)
    return info.value.errors


@pytest.fixture()
def full(data_dir):
    write_record(data_dir, "goede-voorbeelden", "testpraktijk", practice())
    write_record(data_dir, "beleidsvoorbeelden", "testbeleid", policy())
    write_record(data_dir, "beleidsvoorbeelden", "tweede-testbeleid", other_policy())
    write_record(data_dir, "modelovereenkomsten", "testovereenkomst", agreement())
    return data_dir


def test_real_policies_and_agreements_load_one_record_per_file():
    cat = load_catalog(DATA)
    assert {p.id for p in cat.policies.values()} == {f.stem for f in (DATA / "beleidsvoorbeelden").glob("*.yaml")}
    assert {a.id for a in cat.agreements.values()} == {f.stem for f in (DATA / "modelovereenkomsten").glob("*.yaml")}


def test_every_real_data_file_names_its_schema_for_editors():
    for folder, schema in (("beleidsvoorbeelden", "beleidsvoorbeeld"), ("modelovereenkomsten", "modelovereenkomst")):
        for f in (DATA / folder).glob("*.yaml"):
            assert f.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=../schemas/{schema}.schema.json"), f


def test_files_in_the_two_folders_are_published_not_reported_as_reserved(full):
    """Before issue 14 any file in these folders failed the check as 'nog niet gepubliceerd'."""
    cat = load_catalog(full)
    assert set(cat.policies) == {"testbeleid", "tweede-testbeleid"} and set(cat.agreements) == {"testovereenkomst"}


def test_every_field_of_a_policy_is_read(full):
    p = load_catalog(full).policies["testbeleid"]
    assert (p.titel, p.soort, p.status, p.vastgesteld.isoformat(), p.periode) == (
        "Testbeleid huisvesting Gemeente Een", "beleidsregels", "in-werking", "2023-05-17", (2023, 2026))
    assert (p.overheid.niveau, p.overheid.gemeente, p.overheid.naam) == ("gemeente", "GM0855", "College van B en W")
    assert [r.onderwerp for r in p.regels] == ["bezetting", "leefoppervlakte", "middelen", "registratie"]
    assert (p.regels[0].waarde, p.regels[0].eenheid, p.regels[0].pagina) == (2, "personen per slaapkamer", 4)
    assert p.acties[0].acties == ("Eerste testactie.", "Tweede testactie.") and p.acties[0].pagina == 7
    assert p.gerelateerd == ("testpraktijk",) and p.links[0].url == "https://example.org/testlink"
    assert p.bron.titel == "Testbron beleid" and p.bron_toelichting and p.bijgewerkt and p.beschrijving
    assert p.jaar == 2023  # year adopted
    assert "noord-brabant" in p.area_ids and any(a.startswith("amr-") for a in p.area_ids)  # via the municipality
    q = load_catalog(full).policies["tweede-testbeleid"]
    assert q.vastgesteld is None and q.jaar == "onbekend" and q.area_ids == ("landelijk",) and q.periode is None


def test_every_field_of_an_agreement_is_read(full):
    a = load_catalog(full).agreements["testovereenkomst"]
    assert [x.nummer for x in a.artikelen] == [1, 2, 3]
    assert a.artikelen[0].toelichting and a.artikelen[1].toelichting is None
    assert [x.rol for x in a.partijen] == ["de Gemeente", "het Bedrijf"]
    assert a.ondertekening and a.beleidsvoorbeelden == ("testbeleid",) and a.gerelateerd == ("testpraktijk",)
    assert a.bron.id == "pva-2019" and a.bron_toelichting == "testvindplaats" and a.bijgewerkt


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"overheid": {"niveau": "gemeente"}}, "overheid.gemeente", "hoort het veld 'gemeente'"),
    ({"overheid": {"niveau": "regio", "regio": "west-brabnt-west"}}, "overheid.regio", "bedoelde u 'west-brabant-west'"),
    ({"overheid": {"niveau": "gemeente", "gemeente": "GM0856"}}, "overheid.gemeente", "bestaat niet"),
    ({"periode": {"van": 2027, "tot": 2025}}, "periode.tot", "vóór het beginjaar"),
    ({"vastgesteld": "2024-02-30"}, "vastgesteld", "geen bestaande datum"),
    ({"soort": "wetje"}, "soort", "kies uit"),
    ({"regels": [{"onderwerp": "bezeting", "regel": "x"}]}, "regels[0].onderwerp", "bedoelde u 'bezetting'"),
    ({"regels": []}, "regels", "minstens 1"),
    ({"gerelateerd": ["bestaat-niet"]}, "gerelateerd[0]", "goed voorbeeld 'bestaat-niet' bestaat niet"),
    ({"themas": ["huisvestng"]}, "themas[0]", "bedoelde u 'huisvesting'"),
])
def test_bad_policy_is_reported_at_its_field_in_dutch(data_dir, change, field, words):
    path = write_record(data_dir, "beleidsvoorbeelden", "fout", policy(**{"gerelateerd": [], **change}))
    errs = errors_of(data_dir)
    assert [e.field for e in errs] == [field], errs
    assert words in errs[0].message and errs[0].path.endswith("beleidsvoorbeelden/fout.yaml")
    assert errs[0].line > 1 or field == "overheid.gemeente", errs[0]
    assert path.exists()


def test_the_comparison_page_name_is_reserved(data_dir):
    write_record(data_dir, "beleidsvoorbeelden", "vergelijk", policy(gerelateerd=[]))
    [err] = errors_of(data_dir)
    assert "gereserveerd" in err.message


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"doel": "Voor [naam bedrijf en [plaats]."}, "doel", "rechte haken"),
    ({"ondertekening": "Getekend op datum]."}, "ondertekening", "rechte haken"),
    ({"artikelen": [{"nummer": 2, "kop": "Een", "tekst": "a"}, {"nummer": 1, "kop": "Twee", "tekst": "b"}]},
     "artikelen[1].nummer", "op volgorde"),
    ({"artikelen": [{"nummer": 1, "kop": "Een", "tekst": "a"}, {"nummer": 1, "kop": "Twee", "tekst": "b"}]},
     "artikelen[1].nummer", "twee keer"),
    ({"partijen": [{"rol": "de Gemeente", "omschrijving": "x"}]}, "partijen", "minstens 2"),
    ({"beleidsvoorbeelden": ["onbekend-beleid"]}, "beleidsvoorbeelden[0]", "beleidsvoorbeeld 'onbekend-beleid' bestaat niet"),
])
def test_bad_agreement_is_reported_at_its_field_in_dutch(data_dir, change, field, words):
    write_record(data_dir, "modelovereenkomsten", "fout", agreement(**{"gerelateerd": [], "beleidsvoorbeelden": [], **change}))
    errs = errors_of(data_dir)
    assert [e.field for e in errs] == [field], errs
    assert words in errs[0].message


def test_a_broken_policy_is_not_reported_again_by_the_agreement_that_names_it(data_dir):
    write_record(data_dir, "beleidsvoorbeelden", "testbeleid", policy(soort="wetje", gerelateerd=[]))
    write_record(data_dir, "modelovereenkomsten", "testovereenkomst", agreement(gerelateerd=[]))
    errs = errors_of(data_dir)
    assert [e.field for e in errs] == ["soort"]


def test_topic_labels_cover_exactly_the_schema_enum():
    schema = json.loads((DATA / "schemas" / "beleidsvoorbeeld.schema.json").read_text(encoding="utf-8"))
    enum = schema["properties"]["regels"]["items"]["properties"]["onderwerp"]["enum"]
    assert list(TOPICS) == enum


def test_comparison_groups_rules_by_topic_with_empty_cells_where_a_policy_is_silent(full):
    cat = load_catalog(full)
    pi = PolicyIndex(cat)
    a, b = cat.policies["testbeleid"], cat.policies["tweede-testbeleid"]
    rows = {row.topic: row for g in pi.compare([a, b]) for row in g.rows}
    assert set(rows) == {"bezetting", "leefoppervlakte", "verblijfsduur", "registratie", "middelen"}
    assert rows["bezetting"].cells[1] == () and rows["bezetting"].ids == ("testbeleid",)  # niet geregeld
    assert rows["verblijfsduur"].cells[0] == () and rows["verblijfsduur"].cells[1][0].waarde == 3
    assert [len(c) for c in rows["registratie"].cells] == [1, 1] and rows["registratie"].ids == ("testbeleid", "tweede-testbeleid")
    labels = [g.label for g in pi.compare([a, b])]
    assert labels == sorted(labels, key=["Huisvesting", "Registratie, toezicht en handhaving", "Economie en arbeidsmarkt",
                                         "Samenleving", "Samenwerking en regie"].index)


def test_facets_count_levels_kinds_areas_and_years(full):
    pi = PolicyIndex(load_catalog(full))
    f = {x.key: {v: n for v, _, n in x.options} for x in pi.facets()}
    assert f["niveau"] == {"gemeente": 1, "rijk": 1}
    assert f["soort"] == {"beleidsregels": 1, "wet": 1}
    assert f["jaar"] == {"2023": 1, "onbekend": 1}
    assert f["regio"]["landelijk"] == 1 and f["regio"]["noord-brabant"] == 1
    assert f["thema"]["registratie"] == 2


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (15, "m² per persoon", "15 m² per persoon"), (195000, "euro", "€ 195.000"), (12.5, "m²", "12,5 m²"),
    ("SNF en AKF", None, "SNF en AKF"), (None, "x", ""), ("vanaf 2026", None, "vanaf 2026"),
])
def test_values_are_written_the_dutch_way(value, unit, shown):
    assert format_value(KeyRule("bezetting", "r", value, unit)) == shown


def test_fill_in_fields_are_split_out_of_paragraphs():
    paras = paragraphs("Tussen [naam bedrijf] en\nde gemeente [naam gemeente].\n\n  Tweede   alinea. ")
    assert [[(p.text, p.fill_in) for p in para] for para in paras] == [
        [("Tussen ", False), ("[naam bedrijf]", True), (" en de gemeente ", False), ("[naam gemeente]", True), (".", False)],
        [("Tweede alinea.", False)]]
    assert plain("a [b] c") == ["a [b] c"] and paragraphs(None) == []


def test_policies_that_concern_a_municipality_or_region(full):
    cat = load_catalog(full)
    pi = PolicyIndex(cat)
    assert [p.id for p in pi.for_municipality("GM0855")] == ["testbeleid"]
    assert pi.for_municipality("GM0796") == []  # the State's law is not a municipality's own policy
    region = cat.municipalities["GM0855"].arbeidsmarktregio
    assert [p.id for p in pi.for_region(region)] == ["testbeleid"]
    assert [p.id for p in pi.for_practice("testpraktijk")] == ["testbeleid"]
    assert [a.id for a in pi.agreements_for_practice("testpraktijk")] == ["testovereenkomst"]
