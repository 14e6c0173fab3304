"""mkdocs-macros entry point: the macros Markdown pages call. A thin adapter over the site model."""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import state  # noqa: E402


def _root(env) -> str:
    return "../" * env.page.url.count("/") if env.page and env.page.url else ""


def define_env(env) -> None:
    data_dir = state.data_dir_for(env.conf.config_file_path, env.conf.extra)

    def model():
        # Loaded and validated once per build by hooks.on_config; load() again only outside a build.
        try:
            return state.current().model
        except RuntimeError:
            return state.load(data_dir).model

    @env.macro
    def praktijkbibliotheek() -> str:
        """The library of good practices with its facets (docs/goede-voorbeelden/index.md)."""
        return state.slots.put(model().library(_root(env)))

    @env.macro
    def agenda() -> str:
        """The full agenda: upcoming by month, past by year (docs/agenda/index.md)."""
        return state.slots.put(model().agenda_page(_root(env)))

    @env.macro
    def agenda_vooruitblik(aantal: int = 3) -> str:
        """The next events, for the home page."""
        return state.slots.put(model().upcoming(_root(env), aantal))

    @env.macro
    def gemeenten_overzicht() -> str:
        """Every municipality with its latest policy status (docs/gemeenten/index.md)."""
        return state.slots.put(model().municipalities())
