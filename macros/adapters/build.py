"""One object per build: the catalog, the site model, our Jinja environment and the slots.

Created by the plugin's ``on_config`` and handed to the macros adapter; nothing is kept in module
globals, so every rebuild under ``make serve`` sees edited data and templates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType

from jinja2 import Environment

from ..core.catalog import Catalog, CatalogError, LoadCache, load_catalog
from ..core.memo import UsedCache, no_memo
from ..core.news import Post, load_posts
from ..core.render.env import MemoryBytecodeCache, make_environment
from ..core.render.markdown import MarkdownCache
from ..core.site.registry import SiteModel
from ..core.site.views import build_today
from .markdown_pages import RenderCache
from .preview import BodyCache, IdleCollector
from .search_cache import SearchEntryCache
from .slots import Slots
from .theme_cache import ThemeCache


@dataclass
class PreviewCaches:
    """Kept by the plugin across the rebuilds of `mkdocs serve` (never in a one-off build): converted
    Markdown by text (contributor fields; whole pages, markdown_pages.py), compiled templates by source
    checksum (ours, the theme's, the page sandbox's), the installed theme's file list, record bodies by
    their inputs, open data and downloads by their records, each data file's parse by its bytes, and
    Markdown pages' search entries by what they are made from (search_cache.py).
    The ``UsedCache`` ones are swept after each build (``sweep``)."""

    markdown: MarkdownCache = field(default_factory=MarkdownCache)
    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    theme: ThemeCache = field(default_factory=ThemeCache)  # the theme's compiled templates and file list
    bodies: BodyCache = field(default_factory=BodyCache)
    data_files: BodyCache = field(default_factory=BodyCache)  # open data and downloads by their records
    page_code: UsedCache[str, CodeType] = field(default_factory=UsedCache)  # the page sandbox's compiled sources
    rendered: RenderCache = field(default_factory=RenderCache)  # Markdown pages' HTML by their Markdown
    data: LoadCache = field(default_factory=LoadCache)  # each data file's parse and schema check
    collector: IdleCollector = field(default_factory=IdleCollector)
    search: SearchEntryCache = field(default_factory=SearchEntryCache)  # Markdown pages' search entries

    def sweep(self) -> None:
        """After a build: forget what it did not use."""
        self.markdown.sweep()
        self.rendered.sweep()
        self.page_code.sweep()
        self.search.sweep()


@dataclass
class Build:
    data_dir: Path
    today: dt.date
    catalog: Catalog
    env: Environment
    model: SiteModel
    posts: list[Post] = field(default_factory=list)
    slots: Slots = field(default_factory=Slots)

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path | None = None, today: dt.date | None = None,
             caches: PreviewCaches | None = None) -> Build:
        """Load and validate ``data_dir`` and the news posts under ``docs_dir``. Raises CatalogError
        (every error of both at once) or ValueError (a bad KENNISBANK_TODAY)."""
        posts, post_errors = load_posts(docs_dir) if docs_dir else ([], [])
        try:
            catalog = load_catalog(data_dir, cache=caches.data if caches else None)
        except CatalogError as exc:
            raise CatalogError([*exc.errors, *post_errors]) from None
        if post_errors:
            raise CatalogError(post_errors)
        return cls.from_catalog(data_dir, catalog, today, posts, caches)

    @classmethod
    def from_catalog(cls, data_dir: Path, catalog: Catalog, today: dt.date | None = None,
                     posts: list[Post] | None = None, caches: PreviewCaches | None = None) -> Build:
        """A build of an already loaded catalog, with a fresh Jinja environment and fresh slots."""
        today = today or build_today()
        env = make_environment(markdown_cache=caches.markdown if caches else None,
                               bytecode_cache=caches.templates if caches else None)
        model = SiteModel(catalog, today, env, posts or [], memo=caches.bodies.keep if caches else no_memo)
        return cls(data_dir, today, catalog, env, model, posts or [])


def empty_catalog(data_dir: Path) -> Catalog:
    """No records at all: what `make serve` shows (with the errors) when data/ was never valid."""
    return Catalog(str(data_dir), (), {}, {}, {}, {})


def data_dir_for(config_file: str | None, settings: dict | None) -> Path:
    """The data folder named in ``extra.kennisbank.data_dir``, relative to mkdocs.yml."""
    base = Path(config_file).resolve().parent if config_file else Path.cwd()
    rel = (settings or {}).get("data_dir", "data")
    return (base / rel).resolve()
