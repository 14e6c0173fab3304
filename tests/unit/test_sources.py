"""Every fact in data/ has a source (`bron`), and groupings the site made itself say so (issue #12.5).

The test reads the YAML as written (not the loaded catalog), so a fact without `bron` cannot hide behind
a default. Fact-bearing: a pillar of the plan (its themes), a region, the municipality list and every
known policy status, every practice and event. A grouping of themes without `bron` must describe itself
as "Indeling van deze site".
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.core.site.views import OWN_GROUPING
from tests.helpers import DATA, REPO, copy_data

SEEDS = REPO.parent / "shared" / "seeds"
PLAN = SEEDS / "000_91f49d62ddebb4ad.txt"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def facts_without_source(data: Path) -> list[str]:
    """'file: what' for every fact-bearing item that names no source."""
    missing: list[str] = []
    source_ids = {b["id"] for b in _yaml(data / "bronnen.yaml")["bronnen"]}

    def check(where: str, item: dict, inherited: object = None) -> None:
        bron = item.get("bron", inherited)
        if not bron:
            missing.append(where)
        elif isinstance(bron, str) and bron not in source_ids:
            missing.append(f"{where} (bron '{bron}' staat niet in bronnen.yaml)")

    for p in _yaml(data / "themas.yaml")["pijlers"]:
        if not p.get("bron") and not str(p.get("omschrijving", "")).startswith(OWN_GROUPING):
            missing.append(f"themas.yaml: pijler '{p['id']}' (geen bron en niet als '{OWN_GROUPING}' beschreven)")
    for r in _yaml(data / "regios.yaml")["regios"]:
        check(f"regios.yaml: regio '{r['id']}'", r)
    munis = _yaml(data / "gemeenten.yaml")
    for g in munis["gemeenten"]:
        check(f"gemeenten.yaml: {g['code']}", g, munis.get("bron"))
        for b in g.get("beleid", ()):
            if b.get("status") != "onbekend":
                check(f"gemeenten.yaml: {g['code']} beleid {b.get('peildatum')}", b)
    for folder in ("goede-voorbeelden", "evenementen"):
        for path in sorted((data / folder).glob("*.yaml")):
            check(f"{folder}/{path.name}", _yaml(path))
    return missing


def test_every_fact_bearing_field_in_data_has_a_source():
    assert facts_without_source(DATA) == []


def test_the_check_finds_a_pillar_and_a_policy_status_without_source(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    themes = _yaml(data / "themas.yaml")
    themes["pijlers"].append({"id": "x", "naam": "X", "omschrijving": "Een rode draad.", "themas": [{"id": "y", "naam": "Y"}]})
    (data / "themas.yaml").write_text(yaml.safe_dump(themes, allow_unicode=True), encoding="utf-8")
    munis = _yaml(data / "gemeenten.yaml")
    munis["gemeenten"][0]["beleid"].append({"status": "actueel", "peildatum": "2021-01-01"})
    del munis["bron"]
    (data / "gemeenten.yaml").write_text(yaml.safe_dump(munis, allow_unicode=True), encoding="utf-8")
    found = facts_without_source(data)
    assert any("pijler 'x'" in m for m in found)
    assert any("beleid 2021-01-01" in m for m in found)


def test_themes_under_a_pillar_of_the_plan_are_the_plans_own():
    """A pillar that cites the 2019 plan lists only themes the plan names for it (seed 000, lines 62-78)."""
    if not PLAN.exists():
        pytest.skip(f"de seed van het Plan van Aanpak ontbreekt ({PLAN})")
    text = PLAN.read_text(encoding="utf-8")
    start = text.index("richt zich op verschillende thema's binnen drie hoofdpijlers")
    block = text[start:text.index("Hoe?", start)]
    named = {re.sub(r"\s+", " ", w.replace("&", "en")).strip().lower() for w in re.split(r"[,\n]", block)}
    for p in _yaml(DATA / "themas.yaml")["pijlers"]:
        if p.get("bron") != "pva-2019":
            continue
        for t in p["themas"]:
            assert t["naam"].lower() in named, f"thema '{t['naam']}' staat niet bij de pijlers van het plan"
