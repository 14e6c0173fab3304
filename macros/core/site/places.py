"""Pages and files about places: the /gemeenten/ overview parts, a page per municipality and region,
and each region's iCalendar feed. Used by ``SiteModel`` (registry.py); nothing here knows MkDocs."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ..catalog.models import Municipality, Region
from ..feeds.ical import region_calendar
from .charts import trend_chart
from .map import hex_map
from .municipalities import MunicipalityIndex, name_key
from .views import POLICY_STATUS

if TYPE_CHECKING:
    from .registry import GeneratedPage, SiteModel

MUNICIPALITIES_FILE = "data/gemeenten.yaml"
REGIONS_FILE = "data/regios.yaml"
LIST_LIMIT = 20  # practices listed on a place page; the rest are one link away (library, area listing)
KIND_LABEL = {"arbeidsmarktregio": "Arbeidsmarktregio", "regiotafel": "Regiotafel (Plan van Aanpak 2019-2020)",
              "samenwerkingsregio": "Samenwerkingsregio"}


def short_region(name: str) -> str:
    """'Arbeidsmarktregio West-Brabant' -> 'West-Brabant' where a column already says what it is."""
    return name.removeprefix("Arbeidsmarktregio ")


class PlacePages:
    def __init__(self, model: SiteModel):
        self.model = model
        self.cat = model.cat
        self.index = MunicipalityIndex(model.cat, model.index.practices, model.today)
        env = model.env
        env.filters.setdefault("short_region", short_region)
        env.filters.setdefault("name_key", name_key)

    def render(self, template: str, **context: object) -> str:
        return self.model.render(template, status_labels=POLICY_STATUS, regions=self.cat.regions, **context)

    # -- /gemeenten/ parts (macros) ---------------------------------------------------------------
    def counts(self, root: str) -> str:
        ix = self.index
        return self.render("municipality-counts.html", counts=ix.counts(), region_rows=ix.region_rows(),
                           without_region=ix.without_region(), root=root)

    def table(self, root: str) -> str:
        ix = self.index
        return self.render("municipalities.html", rows=ix.rows, counts=ix.counts(), region_rows=ix.region_rows(),
                           without_region=ix.without_region(), region_name=ix.region_name, root=root)

    def map(self, root: str) -> str:
        ix = self.index
        return self.render("map.html", hexmap=hex_map(ix.rows), counts=ix.counts(), root=root,
                           source=self.cat.municipality_sources.get("ligging_bron"))

    def trend(self) -> str:
        ix = self.index
        points, statuses = ix.trend(), ix.trend_statuses()
        if not points:
            return self.render("trend-empty.html")
        sources = list({c.bron: None for c in self.cat.policy_counts})
        return self.render("trend-chart.html", chart=trend_chart(points, statuses), points=points,
                           statuses=statuses, counts=self.cat.policy_counts, sources=sources)

    # -- record pages ------------------------------------------------------------------------------
    def municipality_body(self, g: Municipality, root: str, edit_url: str) -> str:
        upcoming, past = self.index.split(self.index.municipality_events(g))
        source = self.cat.municipality_sources.get("bron")
        return self.render("municipality.html", g=g, root=root, edit_url=edit_url,
                           practices=self.index.practices_of.get(g.code, []), upcoming=upcoming, past=past,
                           source=source, limit=LIST_LIMIT, policies=self.model.policy_index.for_municipality(g.code))

    def region_body(self, r: Region, root: str) -> str:
        ix = self.index
        members = ix.by_region.get(r.id, [])
        upcoming, past = ix.split(ix.region_events(r.id))
        return self.render("region.html", r=r, kind_label=KIND_LABEL.get(r.soort, r.soort), municipalities=members,
                           counts=ix.counts(members), practices=ix.region_practices.get(r.id, []),
                           upcoming=upcoming, past=past, root=root, limit=LIST_LIMIT,
                           policies=self.model.policy_index.for_region(r.id))

    def pages(self, edit_url: Callable[[str], str], make: Callable[..., GeneratedPage],
              root_of: Callable[[str], str]) -> list[GeneratedPage]:
        out = []
        for g in self.index.rows:
            src = f"gemeenten/{g.slug}.md"
            status = POLICY_STATUS[g.current_status.status].lower()
            out.append(make(src, g.naam, f"Gemeente {g.naam}: beleid voor arbeidsmigratie ({status}), goede voorbeelden en bijeenkomsten.",
                            "municipality", MUNICIPALITIES_FILE,
                            partial(self.municipality_body, g, root_of(src), edit_url(MUNICIPALITIES_FILE))))
        for r in self.cat.regions.values():
            src = f"regios/{r.id}.md"
            out.append(make(src, r.naam, f"{r.naam}: gemeenten, goede voorbeelden en bijeenkomsten, met een eigen agenda om op te abonneren.",
                            "regio", REGIONS_FILE, partial(self.region_body, r, root_of(src))))
        return out

    def regions_index(self, kind: str, root: str) -> str:
        regions = [r for r in self.cat.regions.values() if r.soort == kind]
        return self.render("regions.html", kind_regions=regions, by_region=self.index.by_region, root=root)

    # -- files -------------------------------------------------------------------------------------
    def feeds(self, site_url: str) -> list[tuple[str, bytes]]:
        """regios/<id>/agenda.ics for every region: exactly its events."""
        base = site_url.rstrip("/") + "/"
        url_of = lambda e: f"{base}agenda/{e.id}/"  # noqa: E731
        return [(f"regios/{r.id}/agenda.ics",
                 region_calendar(r.naam, self.index.region_events(r.id), url_of, self.model.today))
                for r in self.cat.regions.values()]

