"""What templates print for a record: names, labels and data attributes, in one place.

Templates receive one ``Labels`` as ``labels``; it turns ids into the names a reader sees and never
computes facts (those are on the records, derived once by the loader).
"""
from __future__ import annotations

from ..catalog.models import UNKNOWN, Catalog, Event, Practice
from .views import EVENT_KINDS, EVENT_STATUS, EVENT_STATUS_PAST, LEVELS, PROVINCES, STATUS_LABELS, pillar_label


class Labels:
    def __init__(self, cat: Catalog):
        self.cat = cat
        self._pillar_names = {pl.id: pillar_label(pl) for pl in cat.pillars}
        self._search_text: dict[str, str] = {}

    # practices
    def theme_name(self, theme_id: str) -> str:
        return self.cat.themes[theme_id].naam

    def pillar_names(self, p: Practice) -> list[str]:
        return [self._pillar_names[x] for x in p.pillar_ids]

    def region_name(self, region_id: str) -> str:
        return self.cat.regions[region_id].naam

    def area_label(self, p: Practice) -> str:
        """The practice's area in words: its own regions, else its municipalities, else its province,
        or the whole country; "Gebied onbekend" when the record names none."""
        if p.scope.niveau == "landelijk":
            return "Heel Nederland"
        names = [self.cat.regions[r].naam for r in p.scope.regios] or self.municipality_names(p)
        if not names and p.scope.provincie:
            names = [PROVINCES.get(p.scope.provincie, p.scope.provincie)]
        return ", ".join(names) or "Gebied onbekend"

    def card_facts(self, p: Practice) -> list[str]:
        """Area, status and year as a card shows them: an unknown value says what is unknown."""
        status = "Status onbekend" if p.status == UNKNOWN else self.status_label(p)
        year = "Jaar onbekend" if p.jaar == UNKNOWN else str(p.jaar)
        return [self.area_label(p), status, year]

    @staticmethod
    def year_label(p: Practice) -> str:
        return "Onbekend" if p.jaar == UNKNOWN else str(p.jaar)

    def scope_label(self, p: Practice) -> str:
        label = LEVELS[p.scope.niveau]
        if p.scope.provincie:
            label += f" ({PROVINCES.get(p.scope.provincie, p.scope.provincie)})"
        return label

    def municipality_names(self, p: Practice) -> list[str]:
        return [self.cat.municipalities[c].naam for c in p.scope.gemeenten]

    def status_label(self, p: Practice) -> str:
        return STATUS_LABELS.get(p.status, p.status)

    def search_text(self, p: Practice) -> str:
        """Facts the library's text filter matches that a card does not show (organisations, places, pillars)."""
        if p.id not in self._search_text:
            cat = self.cat
            parts = [*p.organisaties, *(cat.regions[r].naam for r in p.region_ids),
                     *self.municipality_names(p), *self.pillar_names(p),
                     PROVINCES.get(p.scope.provincie or "", "")]
            self._search_text[p.id] = " ".join(x for x in parts if x)
        return self._search_text[p.id]

    # events
    def kind_label(self, e: Event) -> str:
        return EVENT_KINDS.get(e.soort, e.soort)

    def event_status(self, e: Event) -> str:
        return EVENT_STATUS.get(e.status, e.status)

    @staticmethod
    def event_status_past(e: Event) -> str:
        """The status once the date has passed: only a source can say it took place."""
        return EVENT_STATUS_PAST.get(e.status, EVENT_STATUS.get(e.status, e.status))

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
