"""Repository checks beyond the data schemas, for `make check` (``python -m macros check``) and the
``kennisbank`` plugin: symlinks, what pages in docs/ may contain, and generated paths that collide."""
from __future__ import annotations

from .pages import scan_html, scan_markdown, scan_pages
from .paths import Output, collisions, docs_outputs, feed_outputs, generated_outputs
from .symlinks import find_symlinks

__all__ = ["Output", "collisions", "docs_outputs", "feed_outputs", "find_symlinks", "generated_outputs",
           "scan_html", "scan_markdown", "scan_pages"]
