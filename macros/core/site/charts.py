"""Geometry for the build-time SVG bar chart of the province-wide trend (no script, no library).

Only numbers are computed here; ``templates/trend-chart.html`` draws them (autoescaped).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..render.dates import long_date
from .municipalities import TrendPoint

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 24, 56


@dataclass(frozen=True)
class Bar:
    status: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Group:
    label: str
    x_center: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: int
    right: float  # x of the plot's right edge
    baseline: float
    groups: tuple[Group, ...]
    ticks: tuple[Tick, ...]


def _nice_max(value: int) -> int:
    step = 10 if value <= 100 else 50
    return max(step, -(-value // step) * step)


def trend_chart(points: list[TrendPoint], statuses: list[str]) -> BarChart:
    """Grouped bars: one group per peildatum, one bar per status that has a count on that date."""
    top = _nice_max(max((c.aantal for p in points for c in p.counts), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_h
    group_w = plot_w / max(len(points), 1)
    bar_w = min(56.0, group_w * 0.7 / max(len(statuses), 1))
    groups = []
    for i, p in enumerate(points):
        center = LEFT + group_w * (i + 0.5)
        present = [s for s in statuses if p.count(s) is not None]
        start = center - bar_w * len(present) / 2
        bars = []
        for j, s in enumerate(present):
            value = p.count(s) or 0
            h = plot_h * value / top
            bars.append(Bar(s, value, start + j * bar_w, baseline - h, bar_w - 4, h))
        groups.append(Group(long_date(p.peildatum, False), center, tuple(bars)))
    ticks = tuple(Tick(v, baseline - plot_h * v / top) for v in range(0, top + 1, top // 5 if top >= 50 else 10))
    return BarChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, baseline, tuple(groups), ticks)
