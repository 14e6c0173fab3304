"""Fixture data for tests: copies of data/ and synthetic records (temp dirs only). The site builder
itself is shared with the benchmarks: ``macros.dev.sitebuild``."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from macros.dev.sitebuild import DATA, REPO, BuiltSite, build, site_config

__all__ = ["DATA", "REPO", "Build", "BuiltSite", "build", "site_config", "copy_data", "write_record", "practice", "event"]

Build = BuiltSite  # the result of a fixture build


def copy_data(target: Path, *, records: bool = True) -> Path:
    """A copy of data/ (taxonomies and schemas always; the real records only if asked)."""
    folders = ("goede-voorbeelden", "evenementen", "beleidsvoorbeelden", "modelovereenkomsten")
    shutil.copytree(DATA, target, ignore=None if records else shutil.ignore_patterns(*folders))
    for folder in folders:
        (target / folder).mkdir(exist_ok=True)
    return target


def write_record(data: Path, folder: str, rid: str, record: dict | str) -> Path:
    path = data / folder / f"{rid}.yaml"
    text = record if isinstance(record, str) else yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def practice(**fields: object) -> dict:
    """A valid good practice for tests (synthetic; lives only in temp dirs)."""
    base = {
        "titel": "Testpraktijk huisvesting",
        "samenvatting": "Een korte samenvatting.",
        "beschrijving": "Een beschrijving in **Markdown**.",
        "themas": ["huisvesting"],
        "scope": {"niveau": "gemeente", "gemeenten": ["GM0855"]},
        "jaar": 2020,
        "status": "lopend",
        "bron": "pva-2019",
        "bijgewerkt": "2026-11-23",
    }
    base.update(fields)
    return base


def event(**fields: object) -> dict:
    base = {
        "titel": "Testbijeenkomst",
        "soort": "regiotafel",
        "start": "2030-03-14T14:00",
        "einde": "2030-03-14T16:30",
        "locatie": {"naam": "Provinciehuis", "adres": "Brabantlaan 1, 's-Hertogenbosch"},
        "regio": "de-peel",
        "beschrijving": "Een bijeenkomst.",
        "status": "gepland",
        "bron": "pva-2019",
        "bijgewerkt": "2026-11-23",
    }
    base.update(fields)
    return base
