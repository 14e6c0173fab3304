"""The MkDocs plugin ``kennisbank``: the thin adapter between MkDocs and the pure core.

Registered by entry point (pyproject.toml), like Material's own plugins. ``on_config`` creates one
``Build`` for the build; the macros adapter (``macros_env``) reaches it through this plugin.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..core.catalog import CatalogError
from ..core.exports import write_downloads
from ..core.feeds.ical import write_feeds
from ..core.render.env import TEMPLATES
from ..core.render.titles import safe_title
from .build import Build, data_dir_for, empty_catalog
from .record_page import RecordPage
from .shell import ShellRenderer

# Outside the "mkdocs" logger on purpose: under `serve --strict` an error there would abort the preview,
# and the preview must go on showing the errors (a real build fails through PluginError instead).
preview_log = logging.getLogger("kennisbank.preview")
_BODY = re.compile(r"<body[^>]*>")


def _settings(config: MkDocsConfig) -> dict[str, Any]:
    return config.extra.get("kennisbank") or {}


class KennisbankPlugin(BasePlugin):
    """Generated record pages, escaped titles, search entries from data, slots and feeds."""

    def __init__(self) -> None:
        self._build: Build | None = None
        self._serving = False
        self._last_good: Build | None = None  # kept across rebuilds: on_startup makes the instance live on
        self._data_errors: CatalogError | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._serving = command == "serve"

    @property
    def build(self) -> Build:
        if self._build is None:
            raise PluginError("kennisbank: de data is nog niet geladen (on_config draait eerst)")
        return self._build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data_dir = data_dir_for(config.config_file_path, _settings(config))
        self._data_errors = None
        try:
            self._build = self._last_good = Build.load(data_dir)
        except CatalogError as exc:
            if not self._serving:  # `make build` and CI fail on any data error
                raise PluginError(exc.report()) from None
            # `make serve` keeps previewing the last valid data and shows the errors on every page.
            preview_log.error(exc.report())
            self._data_errors = exc
            last = self._last_good.catalog if self._last_good else empty_catalog(data_dir)
            self._build = Build.from_catalog(data_dir, last)
        except ValueError as exc:  # a bad KENNISBANK_TODAY
            raise PluginError(str(exc)) from None
        return config

    def _edit_url(self, config: MkDocsConfig, path: str) -> str:
        settings = _settings(config)
        repo = (settings.get("repository") or config.repo_url or "").rstrip("/")
        branch = settings.get("branch") or "main"
        return f"{repo}/edit/{branch}/{path}" if repo else ""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for gen in self.build.model.pages(lambda path: self._edit_url(config, path)):
            if files.get_file_from_path(gen.src_uri) is not None:
                raise PluginError(f"{gen.src_uri}: deze pagina wordt uit data/ gemaakt; verwijder het bestand uit docs/")
            file = File.generated(config, gen.src_uri, content="")
            files.append(file)
            page = RecordPage(gen, file, config)
            # The page body carries its own edit link, in words, to the YAML file; Material's icon
            # button would only repeat it (and add an icon to every record page).
            page.edit_url = None
        return files

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Titles and descriptions reach <title>, <meta> and the header unescaped in Material: make them
        # safe HTML once, for every page.
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.title is not None and not isinstance(page.title, Markup):
                page.title = safe_title(page.title)
            for key in ("title", "description"):  # front matter is text; Material prints both unescaped
                value = page.meta.get(key)
                if value is not None and not isinstance(value, Markup):
                    page.meta[key] = Markup(escape(str(value)))
        env.filters["safe_title"] = safe_title
        env.globals["kb_shell"] = ShellRenderer()
        self._add_search_entries(config, files)
        return env

    @staticmethod
    def _add_search_entries(config: MkDocsConfig, files: Files) -> None:
        """Give Material's search the entries generated from data, instead of letting it parse the HTML."""
        try:
            from material.plugins.search.plugin import SearchPlugin
        except ImportError:  # pragma: no cover - another theme
            return
        search = next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)
        if search is None or not search.config.enabled:
            return
        for file in files.documentation_pages():
            page = file.page
            if isinstance(page, RecordPage) and page.generated.search_entry:
                search.search_index.entries.append(page.generated.search_entry())

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        output = self.build.slots.fill(output)
        if self._data_errors is not None:  # only under `make serve`
            banner = self.build.model.render("preview-errors.html", errors=self._data_errors.errors,
                                             had_good=self._last_good is not None)
            output = _BODY.sub(lambda m: m.group(0) + banner, output, count=1)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        b = self.build
        write_feeds(list(b.catalog.events.values()), Path(config.site_dir), config.site_url or "/", b.today)
        write_downloads(b.model.policy_index.agreements, Path(config.site_dir))  # .docx and .odt per agreement

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(data_dir_for(config.config_file_path, _settings(config))))
        server.watch(str(TEMPLATES))
        return server
