"""Render a record page inside the theme by filling a cached page shell.

Every record page of a kind lives at the same depth and is out of the navigation, so the theme's
``main.html`` produces the same HTML for all of them except for a handful of page values. We render
``main.html`` once per (kind, depth) with sentinel values, split it at the sentinels, and fill the
pieces for each page. That removes the largest cost of a Material build (about a third, measured in
ARCHITECTURE.md) for generated pages. ``KENNISBANK_SHELL=0`` renders every page in full instead; a test
checks both give the same HTML.
"""
from __future__ import annotations

import os
import re
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..core.render.titles import safe_title

_TOKEN = "KBSHELLX{}X"
_SPLIT = re.compile(r"KBSHELLX([A-Z]+)X")
_WHITESPACE = re.compile(r"[ \t]*\n\s*")
_CONTENT_SENTINEL = "<h1>" + _TOKEN.format("CONTENT") + "</h1>"


class _ProtoPage:
    """Stands in for a real page while the shell is rendered: page values become sentinels."""

    def __init__(self, real: Any):
        self._real = real
        self.title = _TOKEN.format("TITLE")
        self.content = _CONTENT_SENTINEL
        # Present-or-absent values keep their presence (it changes the markup); see the shell key.
        self.canonical_url = _TOKEN.format("CANONICAL") if real.canonical_url else real.canonical_url
        self.edit_url = _TOKEN.format("EDITURL") if real.edit_url else real.edit_url
        # page.url stays real: the `url` filter derives relative paths from it (same depth for all).
        self.abs_url = _TOKEN.format("ABSURL")
        self.meta = dict(real.meta)
        if real.meta.get("description"):
            self.meta["description"] = _TOKEN.format("DESCRIPTION")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def shell_enabled() -> bool:
    """``KENNISBANK_SHELL=0`` renders every record page in full (the reference rendering)."""
    return os.environ.get("KENNISBANK_SHELL", "1") != "0"


class ShellRenderer:
    """The ``kb_shell()`` global for record templates."""

    def __init__(self, template: str = "main.html", enabled: bool | None = None):
        self.template = template
        self.enabled = shell_enabled() if enabled is None else enabled
        self._shells: dict[tuple, list[str]] = {}

    @pass_context
    def __call__(self, context: Context) -> Markup:
        env = context.environment
        page = context["page"]
        if not self.enabled:  # reference rendering, for tests and debugging
            return Markup(env.get_template(self.template).render(context.get_all()))
        key = self.key(page, context.get("base_url"))
        parts = self._shells.get(key)
        if parts is None:
            parts = self._shells[key] = self._build(env, context)
        return Markup(self.fill(parts, page))

    @staticmethod
    def key(page: Any, base_url: str | None) -> tuple:
        """What makes two record pages' shells differ (all else is the same for pages of a kind)."""
        return (base_url, page.meta.get("kb_kind"), tuple(page.meta.get("hide") or ()),
                bool(page.edit_url), bool(page.canonical_url), bool(page.meta.get("description")))

    def parts(self, key: tuple) -> list[str] | None:
        """The shell made for ``key`` in this build, if a page with that key has been rendered."""
        return self._shells.get(key)

    @staticmethod
    def fill(parts: list[str], page: Any) -> str:
        values = {
            "TITLE": str(safe_title(page.title)),
            "CONTENT": page.content or "",
            "CANONICAL": str(escape(page.canonical_url or "")),
            "EDITURL": str(escape(page.edit_url or "")),
            "ABSURL": str(escape(page.abs_url or "")),
            "DESCRIPTION": str(escape(page.meta.get("description", ""))),
        }
        return "".join(part if i % 2 == 0 else values[part] for i, part in enumerate(parts))

    def _build(self, env: Any, context: Context) -> list[str]:
        ctx = dict(context.get_all())
        ctx["page"] = _ProtoPage(context["page"])
        html = env.get_template(self.template).render(ctx)
        html = html.replace(_CONTENT_SENTINEL, _TOKEN.format("CONTENT"))
        # Collapse Material's template indentation once per shell (it is about a third of the bytes);
        # a run of whitespace that holds a newline renders the same as one newline outside <pre>.
        if "<pre" in html or "<textarea" in html:
            raise RuntimeError("page shell: unexpected preformatted text in the theme")
        html = _WHITESPACE.sub("\n", html)
        parts = _SPLIT.split(html)
        if html.count(_TOKEN.format("CONTENT")) != 1:
            raise RuntimeError("page shell: the content must appear exactly once")
        return parts
