"""Small lookups templates need (names, labels, data attributes). Kept out of the templates' logic."""
from __future__ import annotations

from ..catalog.models import Catalog, Event, Practice
from .views import EVENT_KINDS, EVENT_STATUS, LEVELS, PROVINCES, STATUS_LABELS, PracticeIndex


class Lookups:
    def __init__(self, cat: Catalog, index: PracticeIndex):
        self.cat, self.index = cat, index
        self._text: dict[str, str] = {}

    # practices
    def theme_name(self, theme_id: str) -> str:
        return self.cat.themes[theme_id].naam

    def pillars(self, p: Practice) -> list[str]:
        return list(dict.fromkeys(self.cat.themes[t].pillar_id for t in p.themas))

    def pillar_names(self, p: Practice) -> list[str]:
        return [self.index.pillar_names[x] for x in self.pillars(p)]

    def region_name(self, region_id: str) -> str:
        return self.cat.regions[region_id].naam

    def region_label(self, p: Practice) -> str:
        return self.index.region_label(p)

    def scope_label(self, p: Practice) -> str:
        label = LEVELS[p.scope.niveau]
        if p.scope.provincie:
            label += f" ({PROVINCES.get(p.scope.provincie, p.scope.provincie)})"
        return label

    def areas(self, p: Practice) -> list[str]:
        return self.index.area_values(p)

    def municipality_names(self, p: Practice) -> list[str]:
        return [self.cat.municipalities[c].naam for c in p.scope.gemeenten]

    def status_label(self, p: Practice) -> str:
        return STATUS_LABELS.get(p.status, p.status)

    def extra_text(self, p: Practice) -> str:
        """Facts the text filter matches that the card does not show (the card's own text counts too)."""
        if p.id not in self._text:
            self._text[p.id] = self.index.extra_text(p)
        return self._text[p.id]

    # events
    def kind_label(self, e: Event) -> str:
        return EVENT_KINDS.get(e.soort, e.soort)

    def event_status(self, e: Event) -> str:
        return EVENT_STATUS.get(e.status, e.status)

    def event_region(self, e: Event) -> str:
        return self.cat.regions[e.regio].naam if e.regio else "Heel Brabant"

    @staticmethod
    def end_instant(e: Event) -> str:
        return e.end_instant().isoformat()

    @staticmethod
    def datetime_attr(e: Event) -> str:
        s = e.start
        if s.precision == "maand":
            return f"{s.year:04d}-{s.month:02d}"
        if s.precision == "dag":
            return s.date.isoformat()
        return s.local().isoformat()
