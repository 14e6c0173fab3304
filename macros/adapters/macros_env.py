"""mkdocs-macros module (``modules: [macros.adapters.macros_env]``): the macros pages may call.

A thin adapter: each macro asks the ``kennisbank`` plugin's ``Build`` for HTML and returns a slot.
"""
from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from .build import Build


def _root(env: Any) -> str:
    return "../" * env.page.url.count("/") if env.page and env.page.url else ""


def _build(env: Any) -> Build:
    plugin = env.conf.plugins.get("kennisbank")
    if plugin is None:
        raise PluginError("mkdocs.yml: de plugin 'kennisbank' ontbreekt in 'plugins'")
    build: Build = plugin.build
    return build


def define_env(env: Any) -> None:
    @env.macro
    def praktijkbibliotheek() -> str:
        """The library of good practices with its facets (docs/goede-voorbeelden/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.library(_root(env)))

    @env.macro
    def agenda() -> str:
        """The full agenda: upcoming by month, past by year (docs/agenda/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.agenda_page(_root(env)))

    @env.macro
    def agenda_vooruitblik(aantal: int = 3) -> str:
        """The next events, for the home page."""
        b = _build(env)
        return b.slots.put(b.model.upcoming(_root(env), aantal))

    @env.macro
    def gemeenten_overzicht() -> str:
        """Every municipality with its latest policy status, filterable (docs/gemeenten/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.places.table(_root(env)))

    @env.macro
    def gemeenten_tellingen() -> str:
        """The number of municipalities per status, for the province and per arbeidsmarktregio."""
        b = _build(env)
        return b.slots.put(b.model.places.counts(_root(env)))

    @env.macro
    def gemeenten_kaart() -> str:
        """The map: a hexagon cartogram coloured (and patterned) by status."""
        b = _build(env)
        return b.slots.put(b.model.places.map(_root(env)))

    @env.macro
    def gemeenten_trend() -> str:
        """The province-wide totals (data/gemeenten.yaml `tellingen`) as a chart and a table."""
        b = _build(env)
        return b.slots.put(b.model.places.trend())

    @env.macro
    def regio_overzicht(soort: str) -> str:
        """The regions of one kind, each linking its page (docs/regios/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.places.regions_index(soort, _root(env)))

    @env.macro
    def open_data_bestanden() -> str:
        """Every collection as JSON and CSV, with its record count (docs/open-data/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.open_data_files())

    @env.macro
    def open_data_velden(collectie: str) -> str:
        """The fields of one collection, from its JSON Schema (docs/open-data/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.open_data_fields(collectie))
