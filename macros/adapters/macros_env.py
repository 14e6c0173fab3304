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
        """Every municipality with its latest policy status (docs/gemeenten/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.municipalities())

    @env.macro
    def beleidsvoorbeelden() -> str:
        """The policy examples with their facets and the compare form (docs/beleidsvoorbeelden/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.policy_library(_root(env)))

    @env.macro
    def beleidsvergelijking() -> str:
        """Key rules side by side (docs/beleidsvoorbeelden/vergelijk.md, ?ids=a,b)."""
        b = _build(env)
        return b.slots.put(b.model.policy_compare(_root(env)))

    @env.macro
    def modelovereenkomsten() -> str:
        """The model agreements with their downloads (docs/modelovereenkomsten/index.md)."""
        b = _build(env)
        return b.slots.put(b.model.agreement_list(_root(env)))
