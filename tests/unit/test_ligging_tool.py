"""tools/gemeenten-ligging.py: fills `ligging` lines from a gazetteer index, changes nothing else."""
from __future__ import annotations

import importlib.util

from tests.helpers import REPO

_spec = importlib.util.spec_from_file_location("ligging_tool", REPO / "tools" / "gemeenten-ligging.py")
assert _spec and _spec.loader
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

INDEX = {  # synthetic gazetteer entries
    "Heusden": [{"geonameid": 1, "latitude": 51.7, "longitude": 5.1}, {"geonameid": 2, "latitude": 51.4, "longitude": 5.8}],
    "Tilburg": [{"geonameid": 3, "latitude": 51.555514, "longitude": 5.0913}],
}


def test_fills_coordinates_and_keeps_every_other_line():
    lines = ["# commentaar\n", "  - code: GM0855\n", '    ligging: {plaats: "Tilburg"}\n', "    beleid:\n"]
    out, problems, changed = tool.update(lines, INDEX)
    assert problems == [] and changed == 1
    assert out[2] == '    ligging: {plaats: "Tilburg", geonameid: 3, lat: 51.55551, lon: 5.09130}\n'
    assert out[:2] == lines[:2] and out[3] == lines[3]
    assert tool.update(out, INDEX) == (out, [], 0)  # idempotent


def test_ambiguous_or_missing_places_are_reported_not_guessed():
    lines = ['    ligging: {plaats: "Heusden"}\n', '    ligging: {plaats: "Nergenshuizen"}\n']
    out, problems, changed = tool.update(lines, INDEX)
    assert out == lines and changed == 0
    assert "2 treffers" in problems[0] and "geonameid" in problems[0] and "0 treffers" in problems[1]
    chosen, problems, _ = tool.update(['    ligging: {plaats: "Heusden", geonameid: 2}\n'], INDEX)
    assert problems == [] and "lat: 51.40000, lon: 5.80000" in chosen[0]


def test_check_mode_reports_stale_lines_without_changing_them():
    lines = ['    ligging: {plaats: "Tilburg", geonameid: 3, lat: 51.0, lon: 5.0}\n']
    _, problems, changed = tool.update(lines, INDEX, check=True)
    assert changed == 1 and "verouderd" in problems[0]
