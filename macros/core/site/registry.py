"""The registry of generated pages: one function returns every page made from data.

Each entry knows its URL, title, description, the YAML file it comes from (for the edit link) and how
to render its body. Tests check the registry without a build; the MkDocs hook only adapts it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator
from functools import cached_property, partial
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from ..catalog.models import Agreement, Catalog, Event, Pillar, Policy, Practice
from ..memo import Memo, no_memo
from ..news import Post
from ..render.env import make_environment
from ..render.fillins import paragraphs, plain
from . import opendata
from .labels import Labels
from .places import PlacePages
from .policies import PolicyIndex
from .views import PROVINCES, Agenda, PracticeIndex, own_grouping


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. 'goede-voorbeelden/fair-share.md' (never written to docs/)
    title: str
    description: str
    kind: str  # 'practice' | 'theme' | 'region' | 'event' | 'municipality' | 'regio' | 'policy' | 'agreement'
    source_path: str | None  # the data file behind the page, relative to the repository
    render_body: Callable[[], str] = field(compare=False, repr=False)
    search_exclude: bool = False
    # When set, the search entry is made from the data instead of by parsing the page's HTML.
    search_entry: Callable[[], dict[str, str]] | None = field(default=None, compare=False, repr=False)
    # When set: everything the body is made from besides the site-wide data (taxonomies, templates,
    # build date), as comparable values. Two builds with equal inputs make the same body, so the
    # preview keeps it (see macros.adapters.preview.BodyCache).
    inputs: Callable[[], object] | None = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


class SiteModel:
    """Everything derived from one catalog for one build date. Built once per build."""

    def __init__(self, cat: Catalog, today: dt.date, env: Environment | None = None, posts: list[Post] | None = None,
                 memo: Memo = no_memo):
        """``memo``: the preview's cache of fragments (a practice's card) by their inputs; it is emptied
        when anything site-wide or a template changed (``macros.adapters.preview.BodyCache``)."""
        self.cat = cat
        self.memo = memo
        self.today = today
        self.posts = posts or []
        self.env = env or make_environment()
        self.index = PracticeIndex(cat)
        self.agenda = Agenda(cat, today)
        self.labels = Labels(cat)
        self.places = PlacePages(self)
        self.policy_index = PolicyIndex(cat)

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(labels=self.labels, card=self.card, **context)

    def card(self, p: Practice, root: str, heading: str = "h3") -> Markup:
        """A practice's card in the library and on the home page. Under the preview each card is kept
        until its practice changes: a 1,000-card library is otherwise most of a rebuild's page."""
        def make() -> Markup:
            macro = self.env.get_template("_macros.html").module.practice_card  # type: ignore[attr-defined]
            return Markup(macro(p, self.labels, root, heading))
        return self.memo(f"card:{heading}:{root}:{p.id}", p, make)

    # -- page bodies -------------------------------------------------------------------------------
    def practice_body(self, p: Practice, root: str, edit_url: str) -> str:
        return self.render("practice.html", p=p, root=root, edit_url=edit_url,
                      related=self.index.related(p), policies=self.policy_index.for_practice(p.id),
                      agreements=self.policy_index.agreements_for_practice(p.id))

    def practice_inputs(self, p: Practice, root: str, edit_url: str) -> object:
        """What ``practice_body`` reads besides the site-wide data (keep the two in step)."""
        return (p, root, edit_url, tuple(self.index.related(p)), tuple(self.policy_index.for_practice(p.id)),
                tuple(self.policy_index.agreements_for_practice(p.id)))

    def site_inputs(self) -> object:
        """What every body may read: the taxonomies, totals and the build date (the templates are
        compared by the caller)."""
        cat = self.cat
        return (self.today, cat.pillars, cat.themes, cat.regions, cat.municipalities, cat.sources,
                cat.policy_counts, cat.municipality_sources)

    def event_body(self, e: Event, root: str, edit_url: str) -> str:
        related = [self.cat.practices[i] for i in e.gerelateerd]
        return self.render("event.html", e=e, root=root, edit_url=edit_url, related=related,
                      others=self.agenda.in_region(e.regio, e.id), past=e.ends_before(self.today),
                           today=self.today)

    def practice_search_entry(self, p: Practice, location: str) -> dict[str, str]:
        """What search knows of a practice: every word of its title, summary and facts (not the long
        description, which is on the page), so the index a reader downloads stays small."""
        v, cat = self.labels, self.cat
        facts = [
            ("Thema's", [v.theme_name(t) for t in p.themas]),
            ("Pijler", v.pillar_names(p)),
            ("Gebied", [v.scope_label(p), *(cat.regions[r].naam for r in p.region_ids)]),
            ("Gemeenten", v.municipality_names(p)),
            ("Organisaties", list(p.organisaties)),
            ("Status", [v.status_label(p)]),
            ("Jaar", [str(p.jaar)]),
        ]
        text = self.render("search-entry.html", p=p, facts=facts).strip()
        return {"location": location, "title": str(escape(p.titel)), "text": text}

    # -- policy examples and model agreements ----------------------------------------------------
    def policy_body(self, p: Policy, root: str, edit_url: str) -> str:
        agreements = [a for a in self.policy_index.agreements if p.id in a.beleidsvoorbeelden]
        return self.render("policy.html", p=p, pi=self.policy_index, root=root, edit_url=edit_url,
                           related=[self.cat.practices[i] for i in p.gerelateerd], agreements=agreements)

    def policy_inputs(self, p: Policy, root: str, edit_url: str) -> object:
        # The policy index's labels come from the taxonomies; its lists are the policies themselves.
        return (p, root, edit_url, tuple(self.policy_index.policies), tuple(self.policy_index.agreements),
                tuple(self.cat.practices[i] for i in p.gerelateerd))

    def policy_search_entry(self, p: Policy, location: str) -> dict[str, str]:
        """Search knows a policy by its title, summary, facts and every key rule (with its value)."""
        pi = self.policy_index
        facts = [
            ("Overheid", [pi.government_label(p), pi.level_label(p)]),
            ("Soort", [pi.kind_label(p)]),
            ("Thema's", [self.labels.theme_name(t) for t in p.themas]),
            ("Jaar", [str(p.jaar)]),
            *((f"Kernregel {pi.topic_label(r.onderwerp).lower()}", [r.regel + (f" ({pi.value(r)})" if r.waarde is not None else "")])
              for r in p.regels),
        ]
        text = self.render("search-entry.html", p=p, facts=facts).strip()
        return {"location": location, "title": str(escape(p.titel)), "text": text}

    def agreement_body(self, a: Agreement, root: str, edit_url: str) -> str:
        return self.render("agreement.html", a=a, root=root, edit_url=edit_url, paragraphs=paragraphs,
                           policies=[self.cat.policies[i] for i in a.beleidsvoorbeelden],
                           related=[self.cat.practices[i] for i in a.gerelateerd])

    def agreement_inputs(self, a: Agreement, root: str, edit_url: str) -> object:
        return (a, root, edit_url, tuple(self.cat.policies[i] for i in a.beleidsvoorbeelden),
                tuple(self.cat.practices[i] for i in a.gerelateerd))

    def agreement_search_entry(self, a: Agreement, location: str) -> dict[str, str]:
        facts = [
            ("Soort", ["Modelovereenkomst"]),
            ("Thema's", [self.labels.theme_name(t) for t in a.themas]),
            ("Doel", plain(a.doel)),
            ("Artikelen", [f"{art.nummer}. {art.kop}" for art in a.artikelen]),
        ]
        text = self.render("search-entry.html", p=a, facts=facts).strip()
        return {"location": location, "title": str(escape(a.titel)), "text": text}

    def policy_library(self, root: str) -> str:
        return self.render("policies.html", policies=self.policy_index.policies, pi=self.policy_index,
                           facets=self.policy_index.facets(), root=root)

    def policy_compare(self, root: str) -> str:
        pi = self.policy_index
        return self.render("policy-compare.html", policies=pi.policies, pi=pi, groups=pi.compare(), root=root)

    def agreement_list(self, root: str) -> str:
        return self.render("agreements.html", agreements=self.policy_index.agreements, root=root)

    def listing_body(self, heading: str, intro: str, practices: list[Practice], query: str, root: str) -> str:
        return self.render("listing.html", heading=heading, intro=intro, practices=practices, query=query,
                      root=root)

    def library(self, root: str) -> str:
        return self.render("library.html", practices=self.index.practices, facets=self.index.facets(), root=root)

    def _facet_options(self, key: str) -> tuple[tuple[str, str, int], ...]:
        return next(f.options for f in self.index.facets() if f.key == key)

    def theme_links(self, root: str) -> str:
        """Links to every theme listing that has practices (the library and the home page)."""
        return self.render("theme-links.html", themes=self._facet_options("thema"), root=root)

    def area_links(self, root: str) -> str:
        return self.render("area-links.html", areas=self._facet_options("regio"), root=root)

    def recent_practices(self, root: str, limit: int = 3) -> str:
        """The newest practices by start year (unknown years last), then by title."""
        newest = sorted(self.index.practices, key=lambda p: -p.jaar if isinstance(p.jaar, int) else 1)
        return self.render("recent-practices.html", practices=newest[:limit], root=root)

    def agenda_page(self, root: str) -> str:
        """The agenda's controls (subscribe, filters, count); the lists come from the two below."""
        return self.render("agenda.html", agenda=self.agenda, root=root,
                           regions=self.agenda.regions(self.cat), kinds=self.agenda.kinds())

    def agenda_upcoming(self, root: str) -> str:
        return self.render("agenda-upcoming.html", agenda=self.agenda, root=root)

    def agenda_past(self, root: str) -> str:
        return self.render("agenda-past.html", agenda=self.agenda, root=root)

    def latest_news(self, root: str, limit: int = 3) -> str:
        return self.render("news-latest.html", posts=self.posts[:limit], root=root)

    def upcoming(self, root: str, limit: int = 3) -> str:
        """The next events (a few more than shown: the browser hides those that ended since the build),
        and the most recent past ones, shown when nothing is planned."""
        return self.render("upcoming.html", events=self.agenda.next(limit + 3), limit=limit, root=root,
                           recent=self.agenda.past[:limit])

    # -- the registry ----------------------------------------------------------------------------
    def pages(self, edit_url: Callable[[str], str]) -> list[GeneratedPage]:
        out: list[GeneratedPage] = []
        cat = self.cat
        for p in self.index.practices:
            out.append(_record_page(f"goede-voorbeelden/{p.id}.md", p, "practice", edit_url, self.practice_body,
                                    self.practice_search_entry, self.practice_inputs))
        area_members: dict[str, list[Practice]] = {}
        for p in self.index.practices:
            for a in p.area_ids:
                area_members.setdefault(a, []).append(p)
        for pillar in cat.pillars:
            for t in pillar.themes:
                src = f"goede-voorbeelden/thema/{t.id}.md"
                members = self.index.by_theme.get(t.id, [])
                if not members:  # an empty listing is not published (nor in the sitemap)
                    continue
                body = partial(self.listing_body, f"Goede voorbeelden: {t.naam}",
                               f"Praktijken met het thema {t.naam} ({pillar_phrase(pillar)}).", members,
                               f"thema={t.id}", _root(src))
                out.append(GeneratedPage(
                    src, f"Goede voorbeelden: {t.naam}", f"Goede voorbeelden over {t.naam.lower()} ({pillar_phrase(pillar)}).",
                    "theme", None, body, search_exclude=True, inputs=partial(_listing_inputs, body)))
        areas = [(r.id, r.naam) for r in cat.regions.values()] + [(k, f"Provincie {v}") for k, v in PROVINCES.items()]
        areas.append(("landelijk", "Landelijk"))
        for key, name in areas:
            if key not in area_members:  # no practices: no page
                continue
            src = f"goede-voorbeelden/regio/{key}.md"
            body = partial(self.listing_body, f"Goede voorbeelden: {name}", f"Praktijken in of voor {name}.",
                           area_members.get(key, []), f"regio={key}", _root(src))
            out.append(GeneratedPage(
                src, f"Goede voorbeelden: {name}", f"Goede voorbeelden in {name}.", "region", None, body,
                search_exclude=True, inputs=partial(_listing_inputs, body)))
        for pol in self.policy_index.policies:
            out.append(_record_page(f"beleidsvoorbeelden/{pol.id}.md", pol, "policy", edit_url, self.policy_body,
                                    self.policy_search_entry, self.policy_inputs))
        for agr in self.policy_index.agreements:
            out.append(_record_page(f"modelovereenkomsten/{agr.id}.md", agr, "agreement", edit_url, self.agreement_body,
                                    self.agreement_search_entry, self.agreement_inputs))
        for e in sorted(cat.events.values(), key=lambda e: e.id):
            src = f"agenda/{e.id}.md"
            out.append(GeneratedPage(
                src, e.titel, f"{self.labels.kind_label(e)}: {e.titel}", "event", e.path,
                partial(self.event_body, e, _root(src), edit_url(e.path))))
        out += self.places.pages(edit_url, GeneratedPage, _root)
        return out

    def files(self, site_url: str, memo: Memo = no_memo) -> Iterator[tuple[str, bytes]]:
        """Files made from data besides pages and the agenda feeds: (path in the site, content), one at a
        time so a large export is never held in memory together with the others. ``memo``: see
        macros.core.memo (the preview keeps open data whose records did not change)."""
        yield from self.places.feeds(site_url)
        yield from opendata.files(self.cat, site_url, memo)

    def open_data_files(self) -> str:
        counts = [(c, c.count(self.cat)) for c in opendata.COLLECTIONS]
        return self.render("opendata-files.html", collections=counts)

    @cached_property
    def _field_docs(self) -> list[tuple[opendata.Collection, list[opendata.FieldDoc]]]:
        return opendata.field_docs(self.cat)  # the open-data page asks once per collection

    def open_data_fields(self, key: str) -> str:
        for c, fields in self._field_docs:
            if c.key == key:
                return self.render("opendata-fields.html", c=c, fields=fields)
        raise KeyError(f"open data: onbekende collectie '{key}'")


def _record_page(src: str, record: Any, kind: str, edit_url: Callable[[str], str], body: Callable[..., str],
                 search_entry: Callable[..., dict[str, str]], inputs: Callable[..., object]) -> GeneratedPage:
    """The page of one record file (practice, policy example, agreement): its body, search entry and
    inputs all take (record, root, edit link) or (record, location)."""
    root, edit = _root(src), edit_url(record.path)
    return GeneratedPage(src, record.titel, record.samenvatting, kind, record.path, partial(body, record, root, edit),
                         search_entry=partial(search_entry, record, page_url(src)),
                         inputs=_once(partial(inputs, record, root, edit)))


def _once(make: Callable[[], object]) -> Callable[[], object]:
    """``make()`` the first time, the same value after: a page's inputs are read for its body and
    again for its search entry."""
    kept: list[object] = []

    def value() -> object:
        if not kept:
            kept.append(make())
        return kept[0]
    return value


def _listing_inputs(body: partial[str]) -> object:
    """A listing's body is made from its arguments alone (heading, intro, practices, query, root)."""
    return tuple(tuple(a) if isinstance(a, list) else a for a in body.args)


def pillar_phrase(pillar: Pillar) -> str:
    """Where a theme comes from: a pillar of the 2019 plan, or a grouping this site made itself (its
    description in data/themas.yaml starts "Indeling van deze site")."""
    if own_grouping(pillar):
        return f"{pillar.naam}, een indeling van deze site"
    return f"pijler {pillar.naam} van het Plan van Aanpak 2019-2020"


def page_url(src_uri: str) -> str:
    """'goede-voorbeelden/x.md' -> 'goede-voorbeelden/x/' (directory URLs)."""
    return src_uri.removesuffix(".md") + "/"


def _root(src_uri: str) -> str:
    """Relative prefix from a generated page to the site root."""
    return "../" * page_url(src_uri).count("/")

