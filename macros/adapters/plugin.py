"""The MkDocs plugin ``kennisbank``: the thin adapter between MkDocs and the pure core.

Registered by entry point (pyproject.toml), like Material's own plugins. ``on_config`` creates one
``Build`` for the build; the macros adapter (``macros_env``) reaches it through this plugin.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from ..core.catalog import CatalogError
from ..core.catalog.errors import visible
from ..core.checks import Output, collisions, find_symlinks, scan_html, scan_pages
from ..core.checks.paths import BUILD_OUTPUTS, feed_outputs, generated_outputs
from ..core.exports import write_downloads
from ..core.feeds import news as news_feeds
from ..core.feeds.ical import write_feeds
from ..core.history import last_changed
from ..core.memo import Memo, no_memo
from ..core.render.dates import long_date
from ..core.render.env import TEMPLATES
from ..core.render.parallel import ParallelBodies
from ..core.render.titles import safe_title
from .build import Build, PreviewCaches, data_dir_for, empty_catalog
from .csp import REFERRER_POLICY, CspCollector
from .macros_env import PAGE_MACROS
from .macros_git import skip_git_info
from .outside_pages import OutsidePages
from .preview import templates_fingerprint
from .record_page import BODY_MARKER, RecordPage
from .sandbox import PageSandbox
from .search_entries import add_record_entries, search_plugin
from .shell import ShellRenderer, shell_enabled
from .site_recycler import SiteRecycler
from .theme_cache import ThemeCache

# Outside the "mkdocs" logger on purpose: under `serve --strict` an error there would abort the preview,
# and the preview must go on showing the errors (a real build fails through PluginError instead).
preview_log = logging.getLogger("kennisbank.preview")
log = logging.getLogger("mkdocs.plugins.kennisbank")
_BODY = re.compile(r"<body[^>]*>")
# Under `mkdocs serve`: work left after a rebuild waits this long, so the browser reloads undisturbed
# (a reload of a record page takes about 0.2 s).
AFTER_RELOAD_S = 0.5
_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # what Material's search strips from content


def _settings(config: MkDocsConfig) -> dict[str, Any]:
    return config.extra.get("kennisbank") or {}


def _theme_filters(env: Any) -> None:
    """Our filters in the theme's environment."""
    env.filters["safe_title"] = safe_title
    env.filters["kb_long_date"] = long_date


class KennisbankPlugin(BasePlugin):
    """Generated record pages, escaped titles, search entries from data, slots and feeds."""

    def __init__(self) -> None:
        self._build: Build | None = None
        self._serving = False
        self._recycling = False  # the previous site is set aside and its page folders taken back
        self._last_good: Build | None = None  # kept across rebuilds: on_startup makes the instance live on
        self._data_errors: CatalogError | None = None
        self._banner_html: str | None = None
        self._changed: dict[str, Any] = {}
        self._csp = CspCollector()
        self._bodies = ParallelBodies(())
        self._searched: dict[int, str] = {}  # bodies read for search entries, until their page is written
        self._records: list[RecordPage] = []
        self._outside = OutsidePages()
        self._shell = ShellRenderer()
        self._caches: PreviewCaches | None = None
        self._recycler = SiteRecycler()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Under `mkdocs serve` data and page errors are shown in the page; a build still fails on them.
        self._serving = command == "serve"
        self._recycling = not dirty  # a --dirty build keeps site_dir as it is (MkDocs does not clean it)
        self._caches = PreviewCaches() if self._serving else None
        skip_git_info()  # pages never see mkdocs-macros' `git` variable (macros_git.py)

    @property
    def build(self) -> Build:
        if self._build is None:
            raise PluginError("kennisbank: de data is nog niet geladen (on_config draait eerst)")
        return self._build

    @event_priority(100)  # first: before Material's search and blog plugins make theme environments
    def _on_config_theme(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._caches is not None:  # the first event of every preview rebuild
            self._caches.collector.building()
            self._caches.theme.install(config.theme)
        else:  # a build: only the theme's file list without its hidden folders (theme_cache.py)
            ThemeCache().install(config.theme)
        return config

    def _on_config_data(self, config: MkDocsConfig) -> MkDocsConfig:
        data_dir = data_dir_for(config.config_file_path, _settings(config))
        self._data_errors = None
        self._banner_html = None
        self._repository_checks(config, data_dir)
        try:
            self._build = self._last_good = Build.load(data_dir, Path(config.docs_dir), caches=self._caches)
        except CatalogError as exc:
            if not self._serving:  # `make build` and CI fail on any data error
                raise PluginError(exc.report()) from None
            # `make serve` keeps previewing the last valid data and shows the errors on every page.
            preview_log.error(exc.report())
            self._data_errors = exc
            last = self._last_good.catalog if self._last_good else empty_catalog(data_dir)
            self._build = Build.from_catalog(data_dir, last, caches=self._caches)
        except ValueError as exc:  # a bad KENNISBANK_TODAY
            raise PluginError(str(exc)) from None
        return config

    on_config = CombinedEvent(_on_config_theme, _on_config_data)

    @staticmethod
    def _repository_checks(config: MkDocsConfig, data_dir: Path) -> None:
        """What `make check` says about symlinks and pages fails the build too (before anything is read)."""
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        docs = Path(config.docs_dir)
        folders = [docs, data_dir] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
        errors = find_symlinks(folders, root) or scan_pages(docs, root)
        if errors:
            raise PluginError("\n".join([f"{len(errors)} fout(en) gevonden:", *(f"  {e}" for e in sorted(errors))]))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._sandbox_macros(config)
        self._finish_previous()
        if self._recycling:  # MkDocs cleans site_dir next: hand it an empty one (site_recycler.py)
            self._recycler.set_aside(Path(config.site_dir))

    def _finish_previous(self) -> None:
        """Wait for what the previous build left running (the preview's data files); an error there is
        reported now, in the preview's log."""
        try:
            self._bodies.close()
        except Exception as exc:  # noqa: BLE001 - any failure of the previous build's data files
            preview_log.error(f"kennisbank: de databestanden van de vorige bouw zijn niet geschreven: {exc}")

    def _sandbox_macros(self, config: MkDocsConfig) -> None:
        """Replace mkdocs-macros' plain Jinja environment (made in its on_config, which has run by
        now) with the page sandbox: a page can call our macros and nothing else."""
        macros = config.plugins.get("macros")
        if macros is None:
            return
        if macros.config.get("render_by_default", True):
            raise PluginError("mkdocs.yml: zet 'render_by_default: false' bij de plugin 'macros'; een pagina "
                              "die macro's gebruikt, zet 'render_macros: true' in haar front matter")
        available = macros.macros
        missing = [name for name in PAGE_MACROS if name not in available]
        if missing:
            raise PluginError(f"kennisbank: macro's ontbreken in mkdocs-macros: {', '.join(missing)}")
        macros._env = PageSandbox({name: available[name] for name in PAGE_MACROS}, show_errors=self._serving,
                                  compiled=self._caches.page_code if self._caches else None)

    @staticmethod
    def _edit_urls(config: MkDocsConfig) -> Callable[[str], str]:
        """The edit link of a repository file (empty without a repository)."""
        settings = _settings(config)
        repo = (settings.get("repository") or config.repo_url or "").rstrip("/")
        branch = settings.get("branch") or "main"
        return lambda path: f"{repo}/edit/{branch}/{path}" if repo else ""

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        b = self.build
        data_shown = b.data_dir.name
        outputs = [Output(f.dest_uri, f"het bestand docs/{f.src_uri}", f"docs/{f.src_uri}") for f in files
                   if f.is_documentation_page() or f.is_static_page() or f.is_media_file()]
        generated = b.model.pages(self._edit_urls(config))
        outputs += generated_outputs(b.model, data_shown, generated) + feed_outputs(b.catalog.events.values())
        outputs += [Output(dest, "MkDocs") for dest in BUILD_OUTPUTS]
        outputs += [Output(path, "de nieuwsfeeds") for path in (news_feeds.RSS_PATH, news_feeds.ATOM_PATH)]
        clashes = collisions(outputs)
        if clashes:
            raise PluginError("\n".join(str(e) for e in clashes))
        deferred: list[Callable[[], str]] = []
        self._records = []
        # Bodies go in after the theme only with the page shell (KENNISBANK_SHELL=0 renders in full).
        shell = shell_enabled()
        bodies = self._caches.bodies if self._caches is not None else None
        if bodies is not None:
            bodies.begin((templates_fingerprint(TEMPLATES), b.model.site_inputs()))
        for gen in generated:
            file = File.generated(config, gen.src_uri, content="")
            files.append(file)
            page = RecordPage(gen, file, config)
            # The page body carries its own edit link, in words, to the YAML file; Material's icon
            # button would only repeat it (and add an icon to every record page).
            page.edit_url = None
            self._records.append(page)
            if shell:
                page.body_index = len(deferred)
                if bodies is not None and gen.inputs is not None:
                    deferred.append(partial(bodies.get, gen.src_uri, gen.inputs, gen.render_body))
                else:
                    deferred.append(gen.render_body)
        self._outside = OutsidePages()
        if shell:
            self._outside.select(self._records, files, config)
        # When each Markdown page last changed (git), shown at the foot of the page.
        self._changed = last_changed(Path(config.docs_dir))
        # Record bodies are rendered on the other cores while MkDocs reads and builds the other pages.
        # Not under `mkdocs serve`: there every body goes through the body cache of this process.
        self._searched = {}
        self._bodies = ParallelBodies(deferred, workers=0 if self._serving else None,
                                      side=partial(self._write_data_files, config, b))
        self._bodies.start()
        # News feeds: generated files (so links to them are checked like any other page's).
        author = _settings(config).get("organisatie") or config.site_name
        site_url = config.site_url or "/"
        files.append(File.generated(config, news_feeds.RSS_PATH, content=news_feeds.rss(self.build.posts, site_url, author)))
        files.append(File.generated(config, news_feeds.ATOM_PATH, content=news_feeds.atom(self.build.posts, site_url, author)))
        return files

    def _write_outside_mkdocs(self, config: MkDocsConfig) -> None:
        try:
            self._outside.write(self._shell, self._body,
                                lambda output, page, body: self._finish_page(output, page, shell_verified=True, body=body),
                                Path(config.site_dir), self._recycler if self._recycling else None, self._banner(),
                                unchanged_stay=self._serving)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        if self._caches is not None:  # the files are final now (after every plugin's on_files)
            self._caches.rendered.begin(files, config)
        return nav

    @event_priority(-100)  # after mkdocs-macros: the Markdown MkDocs converts next
    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        changed = self._changed.get(page.file.src_uri)
        if changed is not None and not isinstance(page, RecordPage):  # records show their own `bijgewerkt`
            page.meta["kb_updated"] = changed
        if self._caches is not None:
            self._caches.rendered.attach(page)
        return markdown

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
        if self._caches is not None:
            env.bytecode_cache = self._caches.theme.bytecode
        _theme_filters(env)
        self._shell = env.globals["kb_shell"] = ShellRenderer()
        self._csp = CspCollector(preview=self._serving)
        env.globals["kb_csp"] = self._csp
        env.globals["kb_referrer_policy"] = REFERRER_POLICY
        env.globals["kb_sitemap_files"] = self._outside.sitemap_files
        self._add_search_entries(config, self._records)
        return env

    def _add_search_entries(self, config: MkDocsConfig, records: list[RecordPage]) -> None:
        """Give Material's search the entries of record pages, before MkDocs' page loop (see
        search_entries.py)."""
        search = search_plugin(config)
        if search is None:
            return
        if self._caches is not None:  # Markdown pages' entries, kept between rebuilds (search_cache.py)
            self._caches.search.begin(repr(sorted(dict(search.config).items())))
            self._caches.search.install(search.search_index)
        add_record_entries(search, records, self._body_for_search, self._caches.bodies if self._caches else None)

    def _body_for_search(self, i: int) -> str:
        """A body read for its search entry (events, municipalities, regions) is kept for its page:
        ``ParallelBodies`` hands out each body once."""
        body = self._searched[i] = self._bodies.get(i)
        return body

    def _body(self, i: int) -> str:
        searched = self._searched.pop(i, None)
        return searched if searched is not None else self._bodies.get(i)

    def on_page_content(self, html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        # The page as Markdown made it (before our slots): what the source scan may have missed,
        # e.g. a link spelled with entities.
        if not isinstance(page, RecordPage):
            problems = scan_html(html)
            if problems:
                raise PluginError(f"docs/{visible(page.file.src_uri)}: " + "; ".join(problems))
        return html

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return self._finish_page(output, page)

    def _finish_page(self, output: str, page: Any, shell_verified: bool = False, body: str | None = None) -> str:
        """Put in the deferred body (``body``, or asked for now) and the slots, the preview's error
        banner, and check the page's inline scripts against its policy. ``shell_verified``: the page is
        a verified shell filled with escaped values and a body, so only the body needs a look."""
        if isinstance(page, RecordPage) and page.body_index is not None:
            if body is None:
                body = self._body(page.body_index)
            if "data-search-" in body:
                body = _SEARCH_ATTRS.sub("", body)
            output = output.replace(BODY_MARKER.format(page.body_index), body, 1)
        output = self.build.slots.fill(output)
        banner = self._banner()
        if banner:  # only under `make serve`
            output = _BODY.sub(lambda m: m.group(0) + banner, output, count=1)
        if not shell_verified or "<script" in (body or "").lower():
            self._verify_csp(output, page.file.src_uri)
        return output

    def _banner(self) -> str:
        """The preview's list of data errors (empty without errors), made once per build."""
        if self._data_errors is None:
            return ""
        if self._banner_html is None:
            self._banner_html = self.build.model.render("preview-errors.html", errors=self._data_errors.errors,
                                                        had_good=self._last_good is not None)
        return self._banner_html

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):  # 404.html
            self._verify_csp(output_content, template_name)
        return output_content

    def _verify_csp(self, html: str, where: str) -> None:
        try:
            self._csp.verify(html, where)
        except ValueError as exc:
            raise PluginError(str(exc)) from None

    def _write_data_files(self, config: MkDocsConfig, b: Build) -> None:
        """Files made from data alone (a worker may write them while MkDocs builds the pages; under
        `mkdocs serve` a thread, after the reload: ``b`` is this build's, whatever came since)."""
        site_url = config.site_url or "/"
        memo = self._data_memo(site_url)
        write_feeds(list(b.catalog.events.values()), Path(config.site_dir), site_url, b.today)
        for rel, content in b.model.files(site_url, memo or no_memo):  # region feeds, open data
            path = Path(config.site_dir) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        write_downloads(b.model.policy_index.agreements, Path(config.site_dir), memo)  # .docx and .odt per agreement

    def _data_memo(self, site_url: str) -> Memo | None:
        """The preview keeps open data and downloads whose records did not change (None in a build)."""
        if self._caches is None:
            return None
        kept = self._caches.data_files
        kept.begin(site_url)
        return kept.keep

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._write_outside_mkdocs(config)
        # The preview reloads the browser when the pages are written; feeds, open data and downloads
        # follow when the page has loaded (the next rebuild starts them at once, and waits for them).
        self._bodies.finish_side(background=self._serving, after=AFTER_RELOAD_S)
        if self._bodies.workers:
            log.info(f"kennisbank: {len(self._bodies)} paginateksten en de databestanden gemaakt met "
                     f"{self._bodies.workers} extra proces(sen)")
        if not self._serving:
            self._bodies.close()
        self._csp.write_headers(Path(config.site_dir))
        if self._caches is not None:
            self._caches.sweep()
            self._caches.collector.built()
        self._recycler.finish(after=AFTER_RELOAD_S, wait=not self._serving)

    def on_shutdown(self) -> None:
        self._finish_previous()
        self._recycler.close()
        if self._caches is not None:
            self._caches.collector.close()

    def on_build_error(self, *, error: Exception) -> None:
        self._finish_previous()
        self._recycler.finish(wait=not self._serving)
        if self._caches is not None:
            self._caches.collector.built()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(data_dir_for(config.config_file_path, _settings(config))))
        server.watch(str(TEMPLATES))
        from .watcher import use_native_watcher  # watchdog: only the preview needs it
        if use_native_watcher(server):  # changes reported by the operating system, not polled (watcher.py)
            log.info("kennisbank: wijzigingen worden gemeld door het besturingssysteem "
                     "(KENNISBANK_WATCHER=polling: MkDocs' eigen controle elke halve seconde)")
        return server
