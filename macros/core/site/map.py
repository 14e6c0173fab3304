"""A hexagon cartogram of the municipalities, computed at build time from their positions.

Each municipality with a ``ligging`` (a place in it, GeoNames coordinates) gets one equal hexagon, as
near to its projected position as a free cell allows: a deterministic greedy assignment (municipalities
in code order, nearest free cell, ties by cell order). Municipalities without a position are listed
under the map, never placed by guess. ``templates/map.html`` draws the result as inline SVG.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..catalog.models import Municipality

RADIUS = 24.0  # hexagon circumradius in SVG units (pointy-top)
CELL_DEG = 0.08  # cell spacing in degrees of latitude: tiles about the size of a municipality
PAD = 6.0


@dataclass(frozen=True)
class Cell:
    municipality: Municipality
    cx: float
    cy: float
    points: str  # the hexagon's polygon points
    label: str  # a short name drawn in the cell; the full name is the link's accessible name


@dataclass(frozen=True)
class HexMap:
    width: int
    height: int
    cells: tuple[Cell, ...]
    unplaced: tuple[Municipality, ...]


def _hexagon(cx: float, cy: float, r: float) -> str:
    pts = []
    for k in range(6):
        a = math.radians(60 * k - 30)
        pts.append(f"{cx + r * math.cos(a):.1f},{cy + r * math.sin(a):.1f}")
    return " ".join(pts)


def _label(name: str) -> str:
    """Initials for a name of several words ('Bergen op Zoom' -> 'BoZ', 'Heeze-Leende' -> 'HL',
    "'s-Hertogenbosch" -> "'sH"), else its first three letters ('Tilburg' -> 'Til'; also for
    names of four words or more: 'Nuenen, Gerwen en Nederwetten' -> 'Nue')."""
    if name.startswith("'s-"):
        return "'s" + name[3:4].upper()
    parts = [w for w in re.split(r"[\s,-]+", name) if w]
    if 1 < len(parts) <= 3:
        return "".join(w[0] for w in parts)
    return name[:3]


def short_labels(names: list[str]) -> dict[str, str]:
    """A short label per name, unique: initials or three letters; on a clash, more letters of the name."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(names):
        label = _label(name)
        letters = [c for c in name if c.isalpha()]
        k = 3
        while label.casefold() in used and k < len(letters):
            label = "".join(letters[:2]) + letters[k]
            k += 1
        used.add(label.casefold())
        out[name] = label
    return out


def hex_map(municipalities: list[Municipality]) -> HexMap:
    placed = sorted((m for m in municipalities if m.ligging), key=lambda m: m.code)
    unplaced = tuple(m for m in municipalities if not m.ligging)
    if not placed:
        return HexMap(0, 0, (), unplaced)
    lat0 = sum(m.ligging.lat for m in placed if m.ligging) / len(placed)
    scale = math.cos(math.radians(lat0))

    def grid_pos(m: Municipality) -> tuple[float, float]:
        assert m.ligging
        return (m.ligging.lon * scale / CELL_DEG, -m.ligging.lat / CELL_DEG)

    raw = {m.code: grid_pos(m) for m in placed}
    min_x = min(x for x, _ in raw.values())
    min_y = min(y for _, y in raw.values())
    # Pointy-top hex grid in "offset rows": row height 0.75 of a hexagon's height, odd rows shifted.
    row_h, col_w = math.sqrt(3) / 2, 1.0  # in cell units: the grid is 1 wide per column

    def cell_center(col: int, row: int) -> tuple[float, float]:
        return (col * col_w + (0.5 if row % 2 else 0.0), row * row_h)

    taken: dict[tuple[int, int], Municipality] = {}
    where: dict[str, tuple[int, int]] = {}
    for m in placed:
        x, y = raw[m.code][0] - min_x, raw[m.code][1] - min_y
        row0, col0 = round(y / row_h), round(x)
        best: tuple[float, int, int] | None = None
        for radius in range(0, 8):
            for row in range(row0 - radius, row0 + radius + 1):
                for col in range(col0 - radius, col0 + radius + 1):
                    if (col, row) in taken:
                        continue
                    cx, cy = cell_center(col, row)
                    d = (cx - x) ** 2 + (cy - y) ** 2
                    if best is None or (d, row, col) < best:
                        best = (d, row, col)
            if best is not None:
                break
        assert best is not None
        _, row, col = best
        taken[(col, row)] = m
        where[m.code] = (col, row)
    min_col = min(c for c, _ in where.values())
    min_row = min(r for _, r in where.values())
    w = math.sqrt(3) * RADIUS  # a pointy-top hexagon's width
    labels = short_labels([m.naam for m in placed])
    cells = []
    for m in sorted(placed, key=lambda m: (where[m.code][1], where[m.code][0])):
        col, row = where[m.code]
        col, row = col - min_col, row - min_row
        cx = PAD + w / 2 + (col + (0.5 if (row + min_row) % 2 else 0.0)) * w
        cy = PAD + RADIUS + row * RADIUS * 1.5
        cells.append(Cell(m, round(cx, 1), round(cy, 1), _hexagon(cx, cy, RADIUS - 1), labels[m.naam]))
    width = max(c.cx for c in cells) + w / 2 + PAD
    height = max(c.cy for c in cells) + RADIUS + PAD
    return HexMap(math.ceil(width), math.ceil(height), tuple(cells), unplaced)
