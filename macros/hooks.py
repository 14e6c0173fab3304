"""MkDocs hooks: the thin adapter between MkDocs and the pure core (catalog, registry, feeds).

MkDocs loads this file by path (``hooks:`` in mkdocs.yml), so it puts the repository on ``sys.path``.
"""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from markupsafe import Markup, escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros import state  # noqa: E402
from macros.catalog import CatalogError  # noqa: E402
from macros.feeds.ical import write_feeds  # noqa: E402
from macros.shell import ShellRenderer  # noqa: E402
from macros.site.registry import GeneratedPage  # noqa: E402

RECORD_TEMPLATE = "kennisbank/record.html"


class RecordPage(Page):
    """A page generated from a data record: no Markdown, its body comes from our templates.

    Like Material's blog plugin (``Post(Page)``), it is a real MkDocs page: search, the theme and
    other plugins see it as any other page.
    """

    def __init__(self, gen: GeneratedPage, file: File, config) -> None:
        super().__init__(Markup(escape(gen.title)), file, config)
        self.generated = gen

    def read_source(self, config) -> None:
        self.markdown = ""
        meta = {
            "template": RECORD_TEMPLATE,
            "description": self.generated.description,
            "hide": ["navigation", "toc"],
            "kb_kind": self.generated.kind,
            "render_macros": False,
        }
        if self.generated.search_exclude or self.generated.search_entry:
            meta["search"] = {"exclude": True}  # listings: not at all; practices: see on_env
        self.meta = meta

    def render(self, config, files) -> None:
        self.content = self.generated.render_body()
        self.toc = get_toc([])
        self.present_anchor_ids = set()


def _edit_url(config) -> callable:
    settings = config.extra.get("kennisbank") or {}
    repo = (settings.get("repository") or config.repo_url or "").rstrip("/")
    branch = settings.get("branch") or "main"
    return lambda path: f"{repo}/edit/{branch}/{path}" if repo else ""


def on_config(config):
    data_dir = state.data_dir_for(config.config_file_path, config.extra)
    try:
        state.load(data_dir)
    except CatalogError as exc:
        raise PluginError(exc.report()) from None
    except ValueError as exc:  # a bad KENNISBANK_TODAY
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    st = state.current()
    edit = _edit_url(config)
    for gen in st.model.pages(edit):
        if files.get_file_from_path(gen.src_uri) is not None:
            raise PluginError(f"{gen.src_uri}: deze pagina wordt uit data/ gemaakt; verwijder het bestand uit docs/")
        file = File.generated(config, gen.src_uri, content="")
        files.append(file)
        page = RecordPage(gen, file, config)
        # The page body carries its own edit link, in words, to the YAML file; Material's icon button
        # would only repeat it (and add an icon to every record page).
        page.edit_url = None
    return files


def on_env(env, config, files: Files):
    # Titles and descriptions reach <title>, <meta> and the header unescaped in Material: make them
    # safe HTML once, for every page.
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        if page.title is not None and not isinstance(page.title, Markup):
            page.title = Markup(escape(Markup(str(page.title)).striptags()))
        for key in ("title", "description"):  # Material prints both unescaped
            value = page.meta.get(key)
            if value is not None and not isinstance(value, Markup):
                page.meta[key] = Markup(escape(str(value)))
    env.globals["kb_shell"] = ShellRenderer()
    _add_search_entries(config, files)
    return env


def _add_search_entries(config, files: Files) -> None:
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


def on_post_page(output: str, page, config) -> str:
    # Large macro output (the library's cards, the agenda) is inserted after Markdown, templates and
    # search have run: they neither need nor should parse a thousand cards.
    return state.slots.fill(output)


def on_post_build(config) -> None:
    st = state.current()
    write_feeds(list(st.catalog.events.values()), Path(config.site_dir), config.site_url or "/", st.today)


def on_serve(server, config, builder):
    server.watch(str(state.data_dir_for(config.config_file_path, config.extra)))
    server.watch(str(_ROOT / "macros" / "templates"))
    return server
