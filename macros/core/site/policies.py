"""View models for policy examples: names of their kinds and topics, facets, the comparison table and
the links from practices. Computed once per build."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..catalog.models import Agreement, Catalog, KeyRule, Policy
from .views import PROVINCES, Facet

GOVERNMENT_LEVELS = {"gemeente": "Gemeente", "regio": "Regio", "provincie": "Provincie", "rijk": "Rijk"}
POLICY_KINDS = {
    "visie": "Visie", "beleidsregels": "Beleidsregels", "verordening": "Verordening", "convenant": "Convenant",
    "regionale-afspraak": "Regionale afspraak", "aanpak": "Aanpak", "wet": "Wet", "wetsvoorstel": "Wetsvoorstel",
    "overig": "Overig",
}
POLICY_STATUSES = {"in-voorbereiding": "In voorbereiding", "vastgesteld": "Vastgesteld", "in-werking": "In werking",
                   "afgelopen": "Afgelopen", "onbekend": "Onbekend"}
# The topics of key rules (the schema's enum, in this order), grouped for the comparison table.
TOPIC_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Huisvesting", (
        ("bezetting", "Bezetting per slaapkamer"),
        ("leefoppervlakte", "Leefoppervlakte per persoon"),
        ("kwaliteitsnormen", "Normensets en keurmerken"),
        ("verblijfsduur", "Verblijfsduur (short stay)"),
        ("huurcontract", "Huurcontract en overgangsperiode"),
        ("ligging", "Ligging van de huisvesting"),
        ("woningbehoefte", "Onderzoek naar woningbehoefte"),
        ("verdeling-opgave", "Verdeling van de huisvestingsopgave"),
        ("verhuurders", "Regels voor verhuurders"),
    )),
    ("Registratie, toezicht en handhaving", (
        ("registratie", "Registratie"),
        ("toezicht", "Toezicht en handhaving"),
        ("uitzendbureaus", "Uitzendbureaus"),
    )),
    ("Economie en arbeidsmarkt", (
        ("vestiging-bedrijven", "Vestiging en uitbreiding van bedrijven"),
        ("werkgevers", "Verantwoordelijkheid van werkgevers"),
        ("arbeidspotentieel", "Werving in de eigen regio"),
    )),
    ("Samenleving", (
        ("informatievoorziening", "Informatie voor arbeidsmigranten"),
        ("taal", "Taal"),
        ("onderwijs", "Kinderen en school"),
        ("leefbaarheid", "Leefbaarheid en sociale cohesie"),
    )),
    ("Samenwerking en regie", (
        ("samenwerking", "Samenwerking en regie"),
        ("lokaal-maatwerk", "Ruimte voor lokaal maatwerk"),
        ("middelen", "Middelen"),
    )),
)
TOPICS = {key: label for _, topics in TOPIC_GROUPS for key, label in topics}


@dataclass(frozen=True)
class CompareRow:
    topic: str  # topic id
    label: str
    cells: tuple[tuple[KeyRule, ...], ...]  # per policy (in column order) its rules on this topic; () = niet geregeld
    ids: tuple[str, ...]  # the policies that say something on this topic


@dataclass(frozen=True)
class CompareGroup:
    label: str
    rows: tuple[CompareRow, ...]


def format_value(rule: KeyRule) -> str:
    """'15 m² per persoon', '€ 195.000' style: Dutch digit grouping and decimal comma; text values as they are."""
    v = rule.waarde
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, int | float):
        text = str(v)
    elif isinstance(v, float) and not v.is_integer():
        text = f"{v:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",").replace(" ", ".")
    else:
        text = f"{int(v):,}".replace(",", ".")
    if rule.eenheid == "euro":
        return f"€ {text}"
    return f"{text} {rule.eenheid}" if rule.eenheid else text


class PolicyIndex:
    """Policy examples sorted for the index, their facets, the comparison and the reverse links."""

    def __init__(self, cat: Catalog):
        self.cat = cat
        self.policies: list[Policy] = sorted(cat.policies.values(), key=lambda p: p.titel.casefold())
        self.agreements: list[Agreement] = sorted(cat.agreements.values(), key=lambda a: a.titel.casefold())
        self._for_practice: dict[str, list[Policy]] = defaultdict(list)
        self._agreements_for_practice: dict[str, list[Agreement]] = defaultdict(list)
        for p in self.policies:
            for pid in p.gerelateerd:
                self._for_practice[pid].append(p)
        for a in self.agreements:
            for pid in a.gerelateerd:
                self._agreements_for_practice[pid].append(a)

    # -- labels -------------------------------------------------------------------------------------
    def government_label(self, p: Policy) -> str:
        g, cat = p.overheid, self.cat
        if g.niveau == "gemeente" and g.gemeente:
            place = f"Gemeente {cat.municipalities[g.gemeente].naam}"
        elif g.niveau == "regio" and g.regio:
            place = cat.regions[g.regio].naam
        elif g.niveau == "provincie" and g.provincie:
            place = f"Provincie {PROVINCES.get(g.provincie, g.provincie)}"
        else:
            place = "Rijk"
        return f"{g.naam} ({place})" if g.naam else place

    def area_name(self, area: str) -> str:
        if area in self.cat.regions:
            return self.cat.regions[area].naam
        if area in PROVINCES:
            return f"Provincie {PROVINCES[area]}"
        return "Landelijk" if area == "landelijk" else area

    @staticmethod
    def kind_label(p: Policy) -> str:
        return POLICY_KINDS.get(p.soort, p.soort)

    @staticmethod
    def status_label(p: Policy) -> str:
        return POLICY_STATUSES.get(p.status, p.status)

    @staticmethod
    def level_label(p: Policy) -> str:
        return GOVERNMENT_LEVELS.get(p.overheid.niveau, p.overheid.niveau)

    @staticmethod
    def topic_label(topic: str) -> str:
        return TOPICS.get(topic, topic)

    @staticmethod
    def period_label(p: Policy) -> str:
        if not p.periode:
            return "onbekend"
        van, tot = p.periode
        return f"{van}–{tot}" if tot and tot != van else str(van)

    @staticmethod
    def value(rule: KeyRule) -> str:
        return format_value(rule)

    # -- facets and groups ---------------------------------------------------------------------------
    def facets(self) -> list[Facet]:
        ps = self.policies
        levels = tuple((k, v, sum(1 for p in ps if p.overheid.niveau == k)) for k, v in GOVERNMENT_LEVELS.items())
        kinds = tuple((k, v, sum(1 for p in ps if p.soort == k)) for k, v in POLICY_KINDS.items())
        themes = tuple((t.id, t.naam, sum(1 for p in ps if t.id in p.themas)) for pl in self.cat.pillars for t in pl.themes)
        area_counts: dict[str, int] = defaultdict(int)
        for p in ps:
            for a in p.area_ids:
                area_counts[a] += 1
        order = [*self.cat.regions, *PROVINCES, "landelijk"]
        areas = tuple((a, self.area_name(a), area_counts[a]) for a in order if area_counts[a])
        years = sorted({p.jaar for p in ps}, key=lambda y: (isinstance(y, str), -y if isinstance(y, int) else 0))
        year_opts = tuple((str(y), str(y), sum(1 for p in ps if p.jaar == y)) for y in years)
        return [
            Facet("niveau", "Overheidslaag", tuple(o for o in levels if o[2])),
            Facet("soort", "Soort", tuple(o for o in kinds if o[2])),
            Facet("thema", "Thema", tuple(o for o in themes if o[2])),
            Facet("regio", "Gebied", areas),
            Facet("jaar", "Jaar", year_opts),
        ]

    def compare(self, policies: list[Policy] | None = None) -> list[CompareGroup]:
        """Key rules side by side: one row per topic any of ``policies`` covers, grouped; a policy that
        says nothing on a topic gets an empty cell ("niet geregeld")."""
        cols = self.policies if policies is None else policies
        groups = []
        for label, topics in TOPIC_GROUPS:
            rows = []
            for key, name in topics:
                cells = tuple(tuple(r for r in p.regels if r.onderwerp == key) for p in cols)
                ids = tuple(p.id for p, c in zip(cols, cells, strict=True) if c)
                if ids:
                    rows.append(CompareRow(key, name, cells, ids))
            if rows:
                groups.append(CompareGroup(label, tuple(rows)))
        return groups

    def grouped_rules(self, p: Policy) -> list[tuple[str, list[KeyRule]]]:
        """A policy's own key rules by topic, in the comparison's topic order."""
        out = []
        for _, topics in TOPIC_GROUPS:
            for key, name in topics:
                rules = [r for r in p.regels if r.onderwerp == key]
                if rules:
                    out.append((name, rules))
        return out

    def for_municipality(self, code: str) -> list[Policy]:
        """Policies that concern a municipality: its own, and those of a region it belongs to. For the
        municipality pages (another issue); the State's and provinces' policies are left to their own lists."""
        m = self.cat.municipalities.get(code)
        regions = {m.arbeidsmarktregio, m.regiotafel} if m else set()
        return [p for p in self.policies if p.overheid.gemeente == code or (p.overheid.regio and p.overheid.regio in regions)]

    def for_region(self, region_id: str) -> list[Policy]:
        """Policies of a region, and of municipalities in it."""
        return [p for p in self.policies if region_id in p.area_ids and p.overheid.niveau in ("regio", "gemeente")]

    def for_practice(self, practice_id: str) -> list[Policy]:
        return self._for_practice.get(practice_id, [])

    def agreements_for_practice(self, practice_id: str) -> list[Agreement]:
        return self._agreements_for_practice.get(practice_id, [])
