"""View models: the questions pages ask of the catalog (facets, related records, the agenda)."""
from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..catalog.models import UNKNOWN, Catalog, Event, Pillar, Practice
from ..render.dates import month_name

STATUS_LABELS = {"idee": "Idee", "pilot": "Pilot", "lopend": "Lopend", "afgerond": "Afgerond", "onbekend": "Onbekend"}
EVENT_KINDS = {
    "regiotafel": "Regiotafel", "netwerkbijeenkomst": "Netwerkbijeenkomst", "bestuurlijk-platform": "Bestuurlijk platform",
    "kennisbijeenkomst": "Kennisbijeenkomst", "webinar": "Webinar", "overig": "Overig",
}
EVENT_STATUS = {"gepland": "Gepland", "gehouden": "Heeft plaatsgevonden", "geannuleerd": "Geannuleerd",
                "verplaatst": "Verplaatst"}
# A planned date that has passed: no source says whether the event took place (status `gehouden` does).
EVENT_STATUS_PAST = {"gepland": "Gepland; niet bekend of deze is doorgegaan",
                     "verplaatst": "Verplaatst; niet bekend of deze is doorgegaan"}
POLICY_STATUS = {"actueel": "Actueel beleid", "in-actualisatie": "Wordt geactualiseerd", "geen": "Geen beleid",
                 "onbekend": "Onbekend"}
PROVINCES = {"noord-brabant": "Noord-Brabant", "limburg": "Limburg"}
LEVELS = {"gemeente": "Gemeente", "regio": "Regio", "provincie": "Provincie", "landelijk": "Landelijk"}


# A group of themes the site made itself (not a pillar of the 2019 plan) says so in its description in
# data/themas.yaml; readers see "(eigen indeling)" next to its name.
OWN_GROUPING = "Indeling van deze site"


def own_grouping(pillar: Pillar) -> bool:
    return (pillar.omschrijving or "").startswith(OWN_GROUPING)


def pillar_label(pillar: Pillar) -> str:
    return f"{pillar.naam} (eigen indeling)" if own_grouping(pillar) else pillar.naam


def build_today() -> dt.date:
    """The date 'upcoming' is decided on. KENNISBANK_TODAY=YYYY-MM-DD makes builds reproducible."""
    value = os.environ.get("KENNISBANK_TODAY")
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"KENNISBANK_TODAY='{value}' is geen datum; gebruik JJJJ-MM-DD") from None
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


@dataclass(frozen=True)
class Facet:
    key: str  # query-string name
    label: str
    options: tuple[tuple[str, str, int], ...]  # (value, label, count)


class PracticeIndex:
    """Facets and relations over the practices, computed once per build."""

    def __init__(self, cat: Catalog):
        self.cat = cat
        self.practices: list[Practice] = sorted(cat.practices.values(), key=lambda p: p.titel.casefold())
        self.by_theme: dict[str, list[Practice]] = defaultdict(list)
        self.by_region: dict[str, list[Practice]] = defaultdict(list)
        for p in self.practices:
            for t in p.themas:
                self.by_theme[t].append(p)
            for r in p.region_ids:
                self.by_region[r].append(p)
        self._position = {p.id: i for i, p in enumerate(self.practices)}

    def facets(self) -> list[Facet]:
        cat = self.cat
        pillars = tuple((pl.id, pillar_label(pl), sum(1 for p in self.practices if pl.id in p.pillar_ids)) for pl in cat.pillars)
        themes = tuple((t.id, t.naam, len(self.by_theme.get(t.id, ()))) for pl in cat.pillars for t in pl.themes)
        area_counts: dict[str, int] = defaultdict(int)
        for p in self.practices:
            for v in p.area_ids:
                area_counts[v] += 1
        areas = [(r.id, r.naam, area_counts[r.id]) for r in cat.regions.values() if area_counts[r.id]]
        areas += [(k, f"Provincie {v}", area_counts[k]) for k, v in PROVINCES.items() if area_counts[k]]
        if area_counts["landelijk"]:
            areas.append(("landelijk", "Landelijk", area_counts["landelijk"]))
        muni_counts: dict[str, int] = defaultdict(int)
        for p in self.practices:
            for code in p.scope.gemeenten:
                muni_counts[code] += 1
        munis = tuple((m.code, m.naam, muni_counts[m.code]) for m in sorted(cat.municipalities.values(), key=lambda m: m.naam.lstrip("'").casefold())
                      if muni_counts[m.code])
        statuses = tuple((k, v, sum(1 for p in self.practices if p.status == k)) for k, v in STATUS_LABELS.items())
        years = sorted({p.jaar for p in self.practices}, key=lambda y: (isinstance(y, str), -y if isinstance(y, int) else 0))
        year_opts = tuple((str(y), "Onbekend" if y == UNKNOWN else str(y), sum(1 for p in self.practices if p.jaar == y))
                          for y in years)
        return [
            Facet("pijler", "Pijler", tuple(o for o in pillars if o[2])),
            Facet("thema", "Thema", tuple(o for o in themes if o[2])),
            Facet("regio", "Gebied", tuple(areas)),
            Facet("gemeente", "Gemeente", munis),
            Facet("status", "Status", tuple(o for o in statuses if o[2])),
            Facet("jaar", "Jaar", year_opts),
        ]

    def related(self, p: Practice, limit: int = 5, window: int = 3) -> list[Practice]:
        """Practices sharing a theme or region. Linear: only near neighbours in each group are scored."""
        scores: dict[str, int] = defaultdict(int)
        for groups, weight in ((((self.by_theme[t]) for t in p.themas), 2), (((self.by_region[r]) for r in p.region_ids), 1)):
            for members in groups:
                if len(members) <= 1:
                    continue
                start = _bisect(members, self._position, p.id)
                for k in range(1, min(window, len(members) - 1) + 1):
                    other = members[(start + k) % len(members)]
                    if other.id != p.id:
                        scores[other.id] += weight
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self._position[kv[0]]))
        return [self.cat.practices[i] for i, _ in ranked[:limit]]


def _bisect(members: list[Practice], position: dict[str, int], pid: str) -> int:
    lo, hi, target = 0, len(members), position[pid]
    while lo < hi:
        mid = (lo + hi) // 2
        if position[members[mid].id] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


@dataclass(frozen=True)
class AgendaGroup:
    key: str  # '2019-04' for months, '2019' for years
    label: str
    events: tuple[Event, ...]


def event_sort_key(e: Event) -> tuple:
    return (*e.start.sort_key, e.titel)


class Agenda:
    """Upcoming events by month (soonest first) and past events by year (newest first)."""

    def __init__(self, cat: Catalog, today: dt.date):
        self.today = today
        events = sorted(cat.events.values(), key=event_sort_key)
        self.upcoming = [e for e in events if not e.ends_before(today)]
        self.past = [e for e in events if e.ends_before(today)][::-1]
        months: dict[str, list[Event]] = defaultdict(list)
        for e in self.upcoming:
            months[f"{e.start.year}-{e.start.month:02d}"].append(e)
        self.upcoming_groups = [AgendaGroup(k, f"{month_name(int(k[5:]))} {k[:4]}", tuple(v)) for k, v in months.items()]
        years: dict[str, list[Event]] = defaultdict(list)
        for e in self.past:
            years[str(e.start.year)].append(e)
        self.past_groups = [AgendaGroup(k, k, tuple(v)) for k, v in years.items()]
        self._events = events

    def next(self, n: int) -> list[Event]:
        return self.upcoming[:n]

    def in_region(self, region: str | None, exclude: str) -> list[Event]:
        return [e for e in self._events if e.regio == region and e.id != exclude]

    def kinds(self) -> list[tuple[str, str]]:
        present = {e.soort for e in self._events}
        return [(k, v) for k, v in EVENT_KINDS.items() if k in present]

    def regions(self, cat: Catalog) -> list[tuple[str, str]]:
        present = {e.regio for e in self._events}
        out = [(r.id, r.naam) for r in cat.regions.values() if r.id in present]
        if None in present:
            out.append(("provincie", "Heel Brabant"))
        return out
