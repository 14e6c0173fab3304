"""The Jinja environment for everything we render: autoescaped, fail-closed (StrictUndefined)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import dates
from .markdown import SafeMarkdown

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["markdown"] = SafeMarkdown()
    env.filters["long_date"] = dates.long_date
    env.filters["when"] = lambda e: dates.event_when(e.start, e.einde)
    env.filters["iso"] = dates.iso
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
