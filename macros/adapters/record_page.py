"""A page generated from a data record: no Markdown, its body comes from our templates.

Like Material's blog plugin (``Post(Page)``), it is a real MkDocs page: search, the theme and other
plugins see it as any other page.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..core.render.titles import safe_title
from ..core.site.registry import GeneratedPage

RECORD_TEMPLATE = "kennisbank/record.html"
BODY_MARKER = "<!--kb-body:{}-->"
# A generated page's address: lowercase path segments, each ending in "/" (nothing urljoin would resolve).
PLAIN_URL_RE = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*")


@lru_cache(maxsize=8)
def _base(site_url: str) -> tuple[str, str]:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base, urlsplit(base).path


def parsed_for_search(gen: GeneratedPage) -> bool:
    """Search makes this page's entries from its HTML (Material's parser), not from data: events,
    municipalities and regions. Listings are left out of search."""
    return not (gen.search_exclude or gen.search_entry)


class RecordPage(Page):
    def __init__(self, gen: GeneratedPage, file: File, config: Any) -> None:
        super().__init__(safe_title(escape(gen.title)), file, config)
        self.generated = gen
        # Set by the plugin when the body is rendered ahead (see macros.core.render.parallel): the
        # page then holds a marker that ``on_post_page`` replaces with the body. Every record page's
        # body is, unless KENNISBANK_SHELL=0 (the reference rendering).
        self.body_index: int | None = None

    def read_source(self, config: Any) -> None:
        self.markdown = ""
        meta: dict[str, Any] = {
            "template": RECORD_TEMPLATE,
            "description": self.generated.description,
            "hide": ["navigation", "toc"],
            "kb_kind": self.generated.kind,
            "render_macros": False,
        }
        if not parsed_for_search(self.generated) or self.body_index is not None:
            # Listings: not at all. Entries from data (practices) or from a body rendered ahead: the
            # plugin's on_env adds them, MkDocs' page loop must not parse the body marker.
            meta["search"] = {"exclude": True}
        self.meta = meta

    def render(self, config: Any, files: Any) -> None:
        if self.body_index is None:
            self.content = self.generated.render_body()
        else:
            self.content = BODY_MARKER.format(self.body_index)
        self.toc = get_toc([])
        self.present_anchor_ids = set()

    def _set_canonical_url(self, base: str | None) -> None:
        """MkDocs' ``urljoin`` of the site address and the page's, by concatenation for a plain address
        (``urljoin`` for every record page was a visible part of a preview rebuild);
        ``tests/unit/test_record_page.py`` compares the two."""
        url = self.url
        if not base or not PLAIN_URL_RE.fullmatch(url):
            super()._set_canonical_url(base)
            return
        base, path = _base(base)
        self.canonical_url = base + url
        self.abs_url = path + url
