"""mkdocs-macros module (``modules: [macros.adapters.macros_env]``): the macros pages may call.

A thin adapter: each macro asks the ``kennisbank`` plugin's ``Build`` for HTML and returns a slot.
Pages run in a sandbox (``sandbox.py``) that sees exactly the macros named in ``PAGE_MACROS``; a page
opts in with ``render_macros: true`` in its front matter (``render_by_default: false``).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError

from .build import Build

# The only names a page in docs/ can use (see sandbox.py); define_env defines each of them.
PAGE_MACROS = ("praktijkbibliotheek", "themas_overzicht", "gebieden_overzicht", "recente_voorbeelden", "agenda",
               "agenda_komend", "agenda_eerder", "agenda_vooruitblik", "actueel_laatste", "gemeenten_overzicht",
               "gemeenten_tellingen", "gemeenten_kaart", "gemeenten_trend", "regio_overzicht", "open_data_bestanden",
               "open_data_velden", "beleidsvoorbeelden", "beleidsvergelijking", "modelovereenkomsten")


def _root(env: Any) -> str:
    return "../" * env.page.url.count("/") if env.page and env.page.url else ""


def _build(env: Any) -> Build:
    plugin = env.conf.plugins.get("kennisbank")
    if plugin is None:
        raise PluginError("mkdocs.yml: de plugin 'kennisbank' ontbreekt in 'plugins'")
    build: Build = plugin.build
    return build


def define_env(env: Any) -> None:
    """Each macro returns one list or form made from data; the section headings around them are in the
    page's Markdown (a slot never holds a section heading: see ARCHITECTURE.md, "Slots")."""

    def slot(render: Callable[[Build, str], str]) -> str:
        b = _build(env)
        return b.slots.put(render(b, _root(env)))

    @env.macro
    def praktijkbibliotheek() -> str:
        """The library of good practices: filter form, count and cards (docs/goede-voorbeelden/index.md)."""
        return slot(lambda b, root: b.model.library(root))

    @env.macro
    def themas_overzicht() -> str:
        """Links to the theme listings that have practices."""
        return slot(lambda b, root: b.model.theme_links(root))

    @env.macro
    def gebieden_overzicht() -> str:
        """Links to the area listings that have practices."""
        return slot(lambda b, root: b.model.area_links(root))

    @env.macro
    def recente_voorbeelden(aantal: int = 3) -> str:
        """The newest practices, for the home page."""
        return slot(lambda b, root: b.model.recent_practices(root, aantal))

    @env.macro
    def agenda() -> str:
        """The agenda's controls: subscribe link, filters and count (docs/agenda/index.md)."""
        return slot(lambda b, root: b.model.agenda_page(root))

    @env.macro
    def agenda_komend() -> str:
        """Upcoming events by month, under the heading "Komende bijeenkomsten"."""
        return slot(lambda b, root: b.model.agenda_upcoming(root))

    @env.macro
    def agenda_eerder() -> str:
        """Past events by year, under the heading "Eerdere bijeenkomsten"."""
        return slot(lambda b, root: b.model.agenda_past(root))

    @env.macro
    def agenda_vooruitblik(aantal: int = 3) -> str:
        """The next events, or the most recent ones when none is planned, for the home page."""
        return slot(lambda b, root: b.model.upcoming(root, aantal))

    @env.macro
    def actueel_laatste(aantal: int = 3) -> str:
        """The newest news posts, for the home page."""
        return slot(lambda b, root: b.model.latest_news(root, aantal))

    @env.macro
    def gemeenten_overzicht() -> str:
        """Every municipality with its latest policy status, filterable (docs/gemeenten/index.md)."""
        return slot(lambda b, root: b.model.places.table(root))

    @env.macro
    def gemeenten_tellingen() -> str:
        """The number of municipalities per status, for the province and per arbeidsmarktregio."""
        return slot(lambda b, root: b.model.places.counts(root))

    @env.macro
    def gemeenten_kaart() -> str:
        """The map: a hexagon cartogram coloured (and patterned) by status."""
        return slot(lambda b, root: b.model.places.map(root))

    @env.macro
    def gemeenten_trend() -> str:
        """The province-wide totals (data/gemeenten.yaml `tellingen`) as a chart and a table."""
        return slot(lambda b, root: b.model.places.trend())

    @env.macro
    def regio_overzicht(soort: str) -> str:
        """The regions of one kind, each linking its page (docs/regios/index.md)."""
        return slot(lambda b, root: b.model.places.regions_index(soort, root))

    @env.macro
    def open_data_bestanden() -> str:
        """Every collection as JSON and CSV, with its record count (docs/open-data/index.md)."""
        return slot(lambda b, root: b.model.open_data_files())

    @env.macro
    def open_data_velden(collectie: str) -> str:
        """The fields of one collection, from its JSON Schema (docs/open-data/index.md)."""
        return slot(lambda b, root: b.model.open_data_fields(collectie))

    @env.macro
    def beleidsvoorbeelden() -> str:
        """The policy examples with their facets and the compare form (docs/beleidsvoorbeelden/index.md)."""
        return slot(lambda b, root: b.model.policy_library(root))

    @env.macro
    def beleidsvergelijking() -> str:
        """Key rules side by side (docs/beleidsvoorbeelden/vergelijk.md, ?ids=a,b)."""
        return slot(lambda b, root: b.model.policy_compare(root))

    @env.macro
    def modelovereenkomsten() -> str:
        """The model agreements with their downloads (docs/modelovereenkomsten/index.md)."""
        return slot(lambda b, root: b.model.agreement_list(root))
