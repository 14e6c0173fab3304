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


class RecordPage(Page):
    def __init__(self, gen: GeneratedPage, file: File, config: Any) -> None:
        super().__init__(safe_title(escape(gen.title)), file, config)
        self.generated = gen

    def read_source(self, config: Any) -> None:
        self.markdown = ""
        meta: dict[str, Any] = {
            "template": RECORD_TEMPLATE,
            "description": self.generated.description,
            "hide": ["navigation", "toc"],
            "kb_kind": self.generated.kind,
            "render_macros": False,
        }
        if self.generated.search_exclude or self.generated.search_entry:
            meta["search"] = {"exclude": True}  # listings: not at all; practices: see the plugin's on_env
        self.meta = meta

    def render(self, config: Any, files: Any) -> None:
        self.content = self.generated.render_body()
        self.toc = get_toc([])
        self.present_anchor_ids = set()
