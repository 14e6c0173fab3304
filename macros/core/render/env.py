"""The Jinja environment for everything we render: autoescaped, fail-closed (StrictUndefined).

A new environment is made for every build (see ``macros.adapters.build.Build``): templates edited
under ``make serve`` are read again on the next rebuild.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket

from ..catalog.models import Event
from . import dates
from .markdown import MarkdownCache, SafeMarkdown

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _when(e: Event, past: bool = False) -> str:
    return dates.event_when(e.start, e.einde, past)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory between builds of one process (`mkdocs serve`). Jinja checks
    each template's source checksum before it uses the code, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def make_environment(templates: Path | None = None, *, markdown_cache: MarkdownCache | None = None,
                     bytecode_cache: BytecodeCache | None = None) -> Environment:
    """``markdown_cache`` and ``bytecode_cache`` are for a process that builds more than once (the
    preview): a one-off build converts every text and compiles every template once anyway."""
    env = Environment(
        loader=FileSystemLoader(str(templates or TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a new environment per build: no need to stat every template on every render
        bytecode_cache=bytecode_cache,
    )
    env.filters["markdown"] = SafeMarkdown(cache=markdown_cache)
    env.filters["long_date"] = dates.long_date
    env.filters["when"] = _when
    env.filters["iso"] = dates.iso
    return env
