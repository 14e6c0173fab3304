"""The Jinja environment a page in docs/ is rendered in: sandboxed, our macros and nothing else.

mkdocs-macros builds a plain ``jinja2.Environment`` in its ``on_config``: any page could then reach
Python (``{{ self.__init__.__globals__ ... }}``). The ``kennisbank`` plugin replaces it, after every
``on_config``, with this environment:

- ``ImmutableSandboxedEnvironment`` that refuses every attribute (a page calls macros, it never reads
  attributes), ``*`` and ``**`` (``"x" * 10**9``), all filters and Jinja's default globals (``range``,
  ``lipsum``, ``cycler``, ``namespace``, ...);
- no loader: ``{% include %}`` and ``{% import %}`` fail;
- templates render without the page variables mkdocs-macros hands them (``config``, ``page``,
  ``extra``, ``environment``, ...): only the macros named in ``macros_env.PAGE_MACROS`` are visible.

Under ``mkdocs serve`` an error in a page (an unknown macro, a syntax error) is shown in that page
instead of ending the preview; ``mkdocs build`` (and so CI) still fails on it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import escape

from ..core.memo import UsedCache

log = logging.getLogger("mkdocs.plugins.kennisbank")


class _ShownError:
    """Stands in for a template that could not be compiled (serve only): renders the error."""

    def __init__(self, text: str):
        self.text = text

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


class _MacrosOnlyTemplate(Template):
    """A page template that sees the environment's globals (our macros) and no page variables."""

    environment: PageSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render()
        except Exception as exc:
            if not self.environment.show_errors:
                raise
            return self.environment.error_block(exc)


class PageSandbox(ImmutableSandboxedEnvironment):
    """See the module docstring."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, macros: Mapping[str, Callable[..., Any]], *, show_errors: bool = False,
                 compiled: UsedCache[str, CodeType] | None = None):
        """``compiled``: page sources compiled by an earlier sandbox of this process (the preview keeps
        one across rebuilds; every sandbox compiles alike)."""
        super().__init__(loader=None, undefined=StrictUndefined, autoescape=False)
        self.compiled = compiled
        self.globals.clear()
        self.globals.update(macros)
        self.filters.clear()
        self.template_class = _MacrosOnlyTemplate
        self.show_errors = show_errors

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        raise SecurityError(f"de bewerking '{operator}' is in een pagina niet toegestaan")

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        try:
            if self.compiled is not None and isinstance(source, str) and template_class is None:
                code = self.compiled.get(source)
                if code is None:
                    code = self.compile(source)
                    self.compiled.put(source, code)
                return self.template_class.from_code(self, code, self.make_globals(globals), None)
            return super().from_string(source, globals, template_class)
        except TemplateError as exc:
            if not self.show_errors:
                raise
            return _ShownError(self.error_block(exc))

    def error_block(self, exc: Exception) -> str:
        """A visible, escaped Markdown admonition for the preview, and a line in the serve log."""
        names = ", ".join(f"{name}()" for name in sorted(self.globals))
        if isinstance(exc, UndefinedError):
            what = f"deze pagina roept iets aan dat niet bestaat ({exc.message}). Beschikbare macro's: {names}."
        elif isinstance(exc, SecurityError):
            what = f"dit is in een pagina niet toegestaan ({exc}). Beschikbare macro's: {names}."
        else:
            what = f"{type(exc).__name__}: {exc}"
        text = " ".join(str(escape(what)).split())
        log.info("FOUT in een pagina (alleen zichtbaar in de preview; de build faalt hierop): %s", text)
        return f'\n\n!!! failure "Fout in deze pagina"\n\n    {text}\n\n'
