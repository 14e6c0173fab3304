"""The preview keeps the HTML of Markdown pages whose text did not change.

MkDocs converts every page's Markdown on every rebuild (``Page.render``: a new ``markdown.Markdown``
with all extensions, then the conversion). Under `mkdocs serve` that is the same work again for every
page but the one edited: our macros put their HTML in after Markdown (slots.py), so a data edit does
not change any page's Markdown either. At 1,000 practices it was a tenth of every rebuild.

``RenderCache.attach(page, files, config)`` (from the plugin's ``on_page_markdown``, after every other
plugin's) gives the page a ``render`` that looks up what MkDocs' own ``Page.render`` made of the same
Markdown, for the same page, the same set of files (links are resolved against it) and the same
Markdown settings: the HTML, the table of contents, the title from the first heading, the anchors the
page has and the links to anchors it makes (kept by file name, found again in this build's files). A
conversion that logged a warning (a broken link) is not kept: the next rebuild warns again, as
``--strict`` expects.
"""
from __future__ import annotations

import hashlib
import logging
from types import MethodType
from typing import Any

from mkdocs.structure.pages import Page

from ..core.memo import UsedCache
from .record_page import RecordPage

_MKDOCS_LOG = logging.getLogger("mkdocs")


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def files_fingerprint(files: Any) -> str:
    h = hashlib.blake2b(digest_size=16)
    for f in files:
        h.update(f"{f.src_uri}\0{f.dest_uri}\0{f.inclusion.name}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def settings_fingerprint(config: Any) -> str:
    """The settings a conversion depends on besides the page and the files."""
    return repr((config["markdown_extensions"], config["mdx_configs"], config.use_directory_urls,
                 config.validation, config.site_url))


class RenderCache:
    def __init__(self) -> None:
        self._kept: UsedCache[tuple[str, str, str], tuple[Any, ...]] = UsedCache()
        self._context = ""

    def begin(self, files: Any, config: Any) -> None:
        """A build starts: what its conversions depend on besides each page."""
        self._context = files_fingerprint(files) + settings_fingerprint(config)

    def attach(self, page: Any) -> None:
        if isinstance(page, RecordPage) or type(page).render is not Page.render:
            return  # our record pages render nothing; a page class with a render of its own is left alone
        page.render = MethodType(self._render, page)

    def _render(self, page: Any, config: Any, files: Any) -> None:
        key = (page.file.src_uri, page.markdown, self._context)
        kept = self._kept.get(key)
        if kept is not None:
            content, toc, title, anchors, links = kept
            page.content, page.toc, page._title_from_render = content, toc, title
            page.present_anchor_ids = set(anchors)
            if links is None:
                return
            found = {uri: files.get_file_from_path(uri) for uri in links}
            if all(found.values()):
                page.links_to_anchors = {found[uri]: dict(v) for uri, v in links.items()}
                return
        # not kept (or a linked file is gone): MkDocs converts
        warnings = _Warnings()
        _MKDOCS_LOG.addHandler(warnings)
        try:
            Page.render(page, config, files)
        finally:
            _MKDOCS_LOG.removeHandler(warnings)
        if warnings.count:
            self._kept.discard(key)
            return
        links = getattr(page, "links_to_anchors", None)
        self._kept.put(key, (page.content, page.toc, page._title_from_render, frozenset(page.present_anchor_ids or ()),
                           None if links is None else {f.src_uri: dict(v) for f, v in links.items()}))

    def sweep(self) -> None:
        """After a build: forget conversions it did not use (older versions of edited pages)."""
        self._kept.sweep()
