"""Municipalities and regions: status counts, the province-wide trend, and what concerns each.

One ``MunicipalityIndex`` per build answers every question the overview (/gemeenten/), a municipality's
page and a region's page ask. Counts come from the data only: each municipality's latest status, and the
province-wide totals (``Catalog.policy_counts``) kept apart, never spread over municipalities.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..catalog.models import UNKNOWN, Catalog, Event, Municipality, PolicyCount, Practice, Region
from .views import POLICY_STATUS, event_sort_key

STATUS_ORDER = tuple(POLICY_STATUS)  # actueel, in-actualisatie, geen, onbekend
# Region kinds in the order a reader meets them; municipalities belong to arbeidsmarktregio's in the data.
REGION_KINDS = {"arbeidsmarktregio": "Arbeidsmarktregio's", "regiotafel": "Regiotafels",
                "samenwerkingsregio": "Samenwerkingsregio's"}


def name_key(name: str) -> str:
    """Sort "'s-Hertogenbosch" under H, as Dutch lists do."""
    return name.lstrip("'").removeprefix("s-").casefold()


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class RegionRow:
    region: Region
    municipalities: tuple[Municipality, ...]
    counts: tuple[StatusCount, ...]


@dataclass(frozen=True)
class TrendPoint:
    """All province-wide totals of one peildatum."""

    peildatum: dt.date
    counts: tuple[PolicyCount, ...]

    def count(self, status: str) -> int | None:
        return next((c.aantal for c in self.counts if c.status == status), None)


class MunicipalityIndex:
    def __init__(self, cat: Catalog, practices: list[Practice], today: dt.date):
        self.cat = cat
        self.today = today
        self.rows: list[Municipality] = sorted(cat.municipalities.values(), key=lambda m: name_key(m.naam))
        self.by_region: dict[str, list[Municipality]] = defaultdict(list)
        for m in self.rows:
            for r in m.region_ids:
                self.by_region[r].append(m)
        self.practices_of: dict[str, list[Practice]] = defaultdict(list)
        self.region_practices: dict[str, list[Practice]] = defaultdict(list)
        for p in practices:
            for code in p.scope.gemeenten:
                self.practices_of[code].append(p)
            for r in p.region_ids:
                self.region_practices[r].append(p)
        self.events = sorted(cat.events.values(), key=event_sort_key)

    # -- counts ------------------------------------------------------------------------------------
    def counts(self, municipalities: list[Municipality] | tuple[Municipality, ...] | None = None) -> tuple[StatusCount, ...]:
        """The number of municipalities per latest status, every status listed (also when 0)."""
        ms = self.rows if municipalities is None else municipalities
        n: dict[str, int] = defaultdict(int)
        for m in ms:
            n[m.current_status.status] += 1
        return tuple(StatusCount(s, POLICY_STATUS[s], n[s]) for s in STATUS_ORDER)

    def region_rows(self, kind: str = "arbeidsmarktregio") -> list[RegionRow]:
        return [RegionRow(r, tuple(self.by_region.get(r.id, ())), self.counts(self.by_region.get(r.id, [])))
                for r in self.cat.regions.values() if r.soort == kind]

    def without_region(self, kind: str = "arbeidsmarktregio") -> list[Municipality]:
        return [m for m in self.rows if getattr(m, kind) == UNKNOWN]

    def regions_by_kind(self) -> list[tuple[str, str, list[Region]]]:
        out = []
        for kind, label in REGION_KINDS.items():
            regions = [r for r in self.cat.regions.values() if r.soort == kind]
            if regions:
                out.append((kind, label, regions))
        return out

    # -- the province-wide trend -----------------------------------------------------------------
    def trend(self) -> list[TrendPoint]:
        by_date: dict[dt.date, list[PolicyCount]] = defaultdict(list)
        for c in self.cat.policy_counts:
            by_date[c.peildatum].append(c)
        return [TrendPoint(d, tuple(sorted(cs, key=lambda c: STATUS_ORDER.index(c.status))))
                for d, cs in sorted(by_date.items())]

    def trend_statuses(self) -> list[str]:
        present = {c.status for c in self.cat.policy_counts}
        return [s for s in STATUS_ORDER if s in present]

    # -- what concerns one municipality or region -------------------------------------------------
    def municipality_events(self, m: Municipality) -> list[Event]:
        regions = set(m.region_ids)
        return [e for e in self.events if e.regio in regions]

    def region_events(self, region_id: str) -> list[Event]:
        return [e for e in self.events if e.regio == region_id]

    def split(self, events: list[Event]) -> tuple[list[Event], list[Event]]:
        """(upcoming soonest first, past newest first) on the build date."""
        upcoming = [e for e in events if not e.ends_before(self.today)]
        past = [e for e in events if e.ends_before(self.today)][::-1]
        return upcoming, past

    def status_of(self, m: Municipality) -> str:
        return POLICY_STATUS[m.current_status.status]

    def region_name(self, region_id: str) -> str:
        return self.cat.regions[region_id].naam if region_id in self.cat.regions else UNKNOWN
