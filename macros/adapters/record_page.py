"""A page generated from a data record: no Markdown, its body comes from our templates.

Like Material's blog plugin (``Post(Page)``), it is a real MkDocs page: search, the theme and other
plugins see it as any other page.
"""
from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..core.render.titles import safe_title
from ..core.site.registry import GeneratedPage

RECORD_TEMPLATE = "kennisbank/record.html"
BODY_MARKER = "<!--kb-body:{}-->"


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
