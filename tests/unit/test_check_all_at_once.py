"""`make check` reports every mistake of a file in one run, without knock-on errors elsewhere."""
from __future__ import annotations

import subprocess
import sys

import pytest

from macros.core.catalog import CatalogError, load_catalog
from tests.helpers import event, practice, write_record


def _errors(data):
    with pytest.raises(CatalogError) as info:
        load_catalog(data)
    return info.value


def test_four_mistakes_in_one_file_are_reported_in_one_run(data_dir):
    record = practice(themas=["huisvestng"], scope={"niveau": "gemeente", "gemeenten": ["GM9999"]},
                      bijgewerkt="2025-13-01")
    record["organisaites"] = ["Gemeente Tilburg"]  # misspelled field
    write_record(data_dir, "goede-voorbeelden", "vier-fouten", record)
    write_record(data_dir, "evenementen", "verwijst", event(gerelateerd=["vier-fouten"]))
    err = _errors(data_dir)
    assert {e.path for e in err.errors} == {"data/goede-voorbeelden/vier-fouten.yaml"}  # no knock-on error
    by_field = {e.field: e.message for e in err.errors}
    assert "onbekend veld 'organisaites'" in by_field["organisaites"]
    assert "thema 'huisvestng' bestaat niet" in by_field["themas[0]"]
    assert "gemeente 'GM9999' bestaat niet" in by_field["scope.gemeenten[0]"]
    assert "'2025-13-01' is geen bestaande datum" in by_field["bijgewerkt"]
    assert len(err.errors) == 4


def test_a_reference_to_a_missing_record_is_still_reported(data_dir):
    write_record(data_dir, "evenementen", "verwijst", event(gerelateerd=["bestaat-echt-niet"]))
    [e] = _errors(data_dir).errors
    assert e.field == "gerelateerd[0]" and "goed voorbeeld 'bestaat-echt-niet' bestaat niet" in e.message


def test_schema_and_reference_checks_do_not_report_one_mistake_twice(data_dir):
    write_record(data_dir, "goede-voorbeelden", "kort", practice(scope={"niveau": "gemeente", "gemeenten": ["GM12"]}))
    [e] = _errors(data_dir).errors
    assert e.field == "scope.gemeenten[0]" and "GM gevolgd door vier cijfers" in e.message


@pytest.mark.parametrize(("value", "suggestion"), [
    ("GM8055", "GM0855 (Tilburg)"),  # two digits swapped
    ("GM0585", None),                # swapped for GM0855, one digit off GM0785: two candidates, no guess
    ("GM0856", None),                # one digit off, but more than one code is that close: no guess
    ("Tilburg", "GM0855 (Tilburg)"),  # a name where the code belongs
    ("GM9999", None),                # far from every code: never a random near code
])
def test_did_you_mean_for_a_municipality_code_names_the_municipality_only_when_likely(data_dir, value, suggestion):
    write_record(data_dir, "goede-voorbeelden", "code", practice(scope={"niveau": "gemeente", "gemeenten": [value]}))
    [e] = _errors(data_dir).errors
    if suggestion:
        assert f"bedoelde u {suggestion}?" in e.message
    else:
        assert "bedoelde u" not in e.message


def test_check_ends_with_a_dutch_summary(data_dir):
    write_record(data_dir, "goede-voorbeelden", "a", practice(themas=["x-onbekend"]))
    write_record(data_dir, "goede-voorbeelden", "b", practice(status="klaar", jaar="twintig"))
    proc = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_dir), "check"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("Samengevat: 3 fouten in 2 bestanden.")
