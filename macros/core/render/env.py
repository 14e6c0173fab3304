"""The Jinja environment for everything we render: autoescaped, fail-closed (StrictUndefined).

A new environment is made for every build (see ``macros.adapters.build.Build``): templates edited
under ``make serve`` are read again on the next rebuild.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..catalog.models import Event
from . import dates
from .markdown import SafeMarkdown

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _when(e: Event, past: bool = False) -> str:
    return dates.event_when(e.start, e.einde, past)


def make_environment(templates: Path | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates or TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a new environment per build: no need to stat every template on every render
    )
    env.filters["markdown"] = SafeMarkdown()
    env.filters["long_date"] = dates.long_date
    env.filters["when"] = _when
    env.filters["iso"] = dates.iso
    return env
