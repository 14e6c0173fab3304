"""Contributor Markdown to safe HTML: Python-Markdown, then an allow-list sanitiser (nh3).

One ``Markdown`` instance is reused (``reset()`` between documents): MkDocs builds a new one per page,
which costs more than converting a short record.
"""
from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

from ..memo import UsedCache

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "hr", "abbr", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


class MarkdownCache(UsedCache[str, Markup]):
    """Converted text kept between builds of one process (the preview under `mkdocs serve`), keyed
    by the text itself: a rebuild converts only what changed (``sweep()`` after each build)."""


class SafeMarkdown:
    """Render untrusted Markdown. Headings start at h3 (the page owns h1 and h2)."""

    def __init__(self, heading_base: int = 3, cache: MarkdownCache | None = None):
        self._cache = cache
        self._prefix = f"{heading_base}\0"  # the same text converts differently with another base
        self._md = markdown.Markdown(
            extensions=["tables", "def_list", "abbr", "sane_lists", "toc"],
            extension_configs={"toc": {"baselevel": heading_base, "anchorlink": False, "permalink": False}},
            output_format="html",
        )

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        if self._cache is not None:
            hit = self._cache.get(self._prefix + text)
            if hit is not None:
                return hit
        self._md.reset()
        html = self._md.convert(text)
        clean = nh3.clean(
            html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer", strip_comments=True,
        )
        html_out = Markup(clean)
        if self._cache is not None:
            self._cache.put(self._prefix + text, html_out)
        return html_out
