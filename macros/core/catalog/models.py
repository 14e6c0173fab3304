"""Typed, validated records. Built only from data that passed the schema and reference checks."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UNKNOWN = "onbekend"


def slugify(name: str) -> str:
    """A URL part from a name: "'s-Hertogenbosch" -> 's-hertogenbosch',
    'Nuenen, Gerwen en Nederwetten' -> 'nuenen-gerwen-en-nederwetten'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass(frozen=True)
class Source:
    id: str | None
    titel: str
    uitgever: str | None = None
    datum: dt.date | None = None
    url: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True)
class Contact:
    organisatie: str
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    naam: str
    pillar_id: str
    omschrijving: str | None = None


@dataclass(frozen=True)
class Pillar:
    id: str
    naam: str
    themes: tuple[Theme, ...]
    omschrijving: str | None = None


@dataclass(frozen=True)
class Region:
    id: str
    naam: str
    soort: str
    omschrijving: str | None = None


@dataclass(frozen=True)
class PolicyStatus:
    """One entry of a municipality's policy history. ``peildatum`` is None only for an undated
    'onbekend': nobody checked, so the site shows no date."""

    status: str
    peildatum: dt.date | None
    bron: Source | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class PolicyCount:
    """A province-wide count of municipalities with one status on one date, known only as a total."""

    status: str
    aantal: int
    peildatum: dt.date
    bron: Source
    citaat: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Position:
    """Where a municipality sits on the map: one place in it, with gazetteer coordinates."""

    plaats: str
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass(frozen=True)
class Municipality:
    code: str
    naam: str
    arbeidsmarktregio: str  # region id or 'onbekend'
    regiotafel: str  # region id or 'onbekend'
    beleid: tuple[PolicyStatus, ...]  # oldest first; an undated 'onbekend' first of all
    toelichting: str | None = None
    slug: str = ""  # URL part: /gemeenten/<slug>/
    ligging: Position | None = None

    @property
    def current_status(self) -> PolicyStatus:
        """The entry with the latest peildatum; an undated 'onbekend' only when nothing is dated."""
        return self.beleid[-1] if self.beleid else PolicyStatus(UNKNOWN, None)

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(r for r in (self.arbeidsmarktregio, self.regiotafel) if r != UNKNOWN)


@dataclass(frozen=True)
class Scope:
    niveau: str
    gemeenten: tuple[str, ...] = ()
    regios: tuple[str, ...] = ()
    provincie: str | None = None


@dataclass(frozen=True)
class Practice:
    """A good practice (goed voorbeeld). Markdown fields are raw; rendering sanitises them."""

    id: str
    path: str
    titel: str
    samenvatting: str
    beschrijving: str
    themas: tuple[str, ...]
    scope: Scope
    jaar: int | str
    status: str
    bron: Source
    organisaties: tuple[str, ...] = ()
    resultaten: str | None = None
    links: tuple[Link, ...] = ()
    contact: Contact | None = None
    bron_toelichting: str | None = None
    bijgewerkt: dt.date | None = None
    # Derived once by the loader:
    region_ids: tuple[str, ...] = ()  # every region it belongs to (its own + its municipalities')
    pillar_ids: tuple[str, ...] = ()  # the pillars of its themes, in theme order
    area_ids: tuple[str, ...] = ()  # 'gebied' facet values: region ids, province ids, 'landelijk'


@dataclass(frozen=True)
class Moment:
    """A point in an event's schedule with the precision the source gives: month, day or minute."""

    precision: str  # 'maand' | 'dag' | 'tijd'
    year: int
    month: int
    day: int = 1
    hour: int = 0
    minute: int = 0

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    def local(self) -> dt.datetime:
        return dt.datetime(self.year, self.month, self.day, self.hour, self.minute, tzinfo=AMSTERDAM)

    @property
    def sort_key(self) -> tuple:
        """Chronological order; a month-only moment sorts at the start of its month."""
        return (self.year, self.month, self.day if self.precision != "maand" else 0, self.hour, self.minute)

    def last_date(self) -> dt.date:
        """The last calendar day this moment may refer to (end of the month for month precision)."""
        if self.precision == "maand":
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return self.date


@dataclass(frozen=True)
class Location:
    naam: str
    adres: str | None = None
    online: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    path: str
    titel: str
    soort: str
    start: Moment
    einde: Moment
    locatie: Location | None  # None: onbekend
    status: str
    bron: Source
    regio: str | None = None
    beschrijving: str | None = None
    aanmelden: str | None = None
    gerelateerd: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    contact: Contact | None = None
    bron_toelichting: str | None = None
    bijgewerkt: dt.date | None = None

    @property
    def all_day(self) -> bool:
        return self.start.precision != "tijd"

    def ends_before(self, today: dt.date) -> bool:
        """True when the whole event lies before ``today`` (a local calendar date)."""
        return self.einde.last_date() < today

    def end_instant(self) -> dt.datetime:
        """The moment after which the event is over, as an aware datetime (for the browser check)."""
        if self.einde.precision == "tijd":
            return self.einde.local()
        d = self.einde.last_date() + dt.timedelta(days=1)
        return dt.datetime(d.year, d.month, d.day, tzinfo=AMSTERDAM)


@dataclass
class Catalog:
    """Everything in data/, validated. The only object templates and feeds read."""

    root: str
    pillars: tuple[Pillar, ...]
    themes: dict[str, Theme]
    regions: dict[str, Region]
    municipalities: dict[str, Municipality]
    sources: dict[str, Source]
    practices: dict[str, Practice] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    policy_counts: tuple[PolicyCount, ...] = ()  # province-wide totals (data/gemeenten.yaml `tellingen`)
    municipality_sources: dict[str, Source] = field(default_factory=dict)  # gemeenten.yaml: 'bron', 'ligging_bron'
    policies: dict[str, Policy] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)


# -- policy examples and model agreements -----------------------------------------------------------
@dataclass(frozen=True)
class Government:
    """Who made a policy: a municipality (code), a region (id), a province or the State ('rijk')."""

    niveau: str  # 'gemeente' | 'regio' | 'provincie' | 'rijk'
    gemeente: str | None = None
    regio: str | None = None
    provincie: str | None = None
    naam: str | None = None


@dataclass(frozen=True)
class KeyRule:
    """One key rule of a policy: its topic (what the comparison groups by), the rule in words, and a
    value with its unit where the source gives one."""

    onderwerp: str
    regel: str
    waarde: int | float | str | None = None
    eenheid: str | None = None
    pagina: int | str | None = None


@dataclass(frozen=True)
class ActionGroup:
    """Actions of a policy under one theme, with the result they aim for."""

    thema: str
    acties: tuple[str, ...]
    resultaat: str | None = None
    pagina: int | str | None = None


@dataclass(frozen=True)
class Policy:
    """A policy example (beleidsvoorbeeld)."""

    id: str
    path: str
    titel: str
    overheid: Government
    soort: str
    vastgesteld: dt.date | None  # None: onbekend
    samenvatting: str
    regels: tuple[KeyRule, ...]
    themas: tuple[str, ...]
    status: str
    bron: Source
    periode: tuple[int, int | None] | None = None
    beschrijving: str | None = None
    acties: tuple[ActionGroup, ...] = ()
    gerelateerd: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    bron_toelichting: str | None = None
    bijgewerkt: dt.date | None = None
    # Derived once by the loader:
    jaar: int | str = UNKNOWN  # year facet: year adopted, else the first year of the period
    area_ids: tuple[str, ...] = ()  # 'gebied' facet: region ids, province id or 'landelijk'


@dataclass(frozen=True)
class Party:
    rol: str
    omschrijving: str


@dataclass(frozen=True)
class Article:
    nummer: int
    kop: str
    tekst: str
    toelichting: str | None = None


@dataclass(frozen=True)
class Agreement:
    """A model agreement (modelovereenkomst): a model to adapt, not legal advice."""

    id: str
    path: str
    titel: str
    samenvatting: str
    doel: str
    partijen: tuple[Party, ...]
    artikelen: tuple[Article, ...]
    themas: tuple[str, ...]
    bron: Source
    ondertekening: str | None = None
    beleidsvoorbeelden: tuple[str, ...] = ()
    gerelateerd: tuple[str, ...] = ()
    bron_toelichting: str | None = None
    bijgewerkt: dt.date | None = None
