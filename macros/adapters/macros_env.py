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

Render = Callable[..., str]  # (build, root, *macro arguments) -> HTML

# The macros a page in docs/ can call, and nothing else (sandbox.py): name -> what it renders. Each returns
# one list or form made from data; section headings stay in the page's Markdown (ARCHITECTURE.md, "Slots").
PAGE_MACROS: dict[str, Render] = {
    # the library of good practices: filter form, count and cards (docs/goede-voorbeelden/index.md)
    "praktijkbibliotheek": lambda b, root: b.model.library(root),
    "themas_overzicht": lambda b, root: b.model.theme_links(root),  # theme listings that have practices
    "gebieden_overzicht": lambda b, root: b.model.area_links(root),  # area listings that have practices
    "recente_voorbeelden": lambda b, root, aantal=3: b.model.recent_practices(root, aantal),  # home page
    # the agenda: subscribe link, filters and count; upcoming by month; past by year (docs/agenda/index.md)
    "agenda": lambda b, root: b.model.agenda_page(root),
    "agenda_komend": lambda b, root: b.model.agenda_upcoming(root),
    "agenda_eerder": lambda b, root: b.model.agenda_past(root),
    # the next events, or the most recent ones when none is planned (home page)
    "agenda_vooruitblik": lambda b, root, aantal=3: b.model.upcoming(root, aantal),
    "actueel_laatste": lambda b, root, aantal=3: b.model.latest_news(root, aantal),  # newest posts (home)
    # municipalities: table, counts, map and province-wide trend (docs/gemeenten/index.md)
    "gemeenten_overzicht": lambda b, root: b.model.places.table(root),
    "gemeenten_tellingen": lambda b, root: b.model.places.counts(root),
    "gemeenten_kaart": lambda b, root: b.model.places.map(root),
    "gemeenten_trend": lambda b, root: b.model.places.trend(),
    "regio_overzicht": lambda b, root, soort: b.model.places.regions_index(soort, root),  # docs/regios/index.md
    # open data: the files, and the fields of one collection from its schema (docs/open-data/index.md)
    "open_data_bestanden": lambda b, root: b.model.open_data_files(),
    "open_data_velden": lambda b, root, collectie: b.model.open_data_fields(collectie),
    # policy examples with facets and compare form; the comparison (?ids=a,b); the model agreements
    "beleidsvoorbeelden": lambda b, root: b.model.policy_library(root),
    "beleidsvergelijking": lambda b, root: b.model.policy_compare(root),
    "modelovereenkomsten": lambda b, root: b.model.agreement_list(root),
}


def _root(env: Any) -> str:
    return "../" * env.page.url.count("/") if env.page and env.page.url else ""


def _build(env: Any) -> Build:
    plugin = env.conf.plugins.get("kennisbank")
    if plugin is None:
        raise PluginError("mkdocs.yml: de plugin 'kennisbank' ontbreekt in 'plugins'")
    build: Build = plugin.build
    return build


def define_env(env: Any) -> None:
    """Register each page macro: it asks the build for its HTML and returns a slot marker."""
    for name, render in PAGE_MACROS.items():
        env.macro(_slotted(env, name, render))


def _slotted(env: Any, name: str, render: Render) -> Callable[..., str]:
    def macro(*args: Any, **kwargs: Any) -> str:
        b = _build(env)
        return b.slots.put(render(b, _root(env), *args, **kwargs))

    macro.__name__ = macro.__qualname__ = name
    return macro
