"""Python-Markdown extension: links to other sites get ``rel="noopener"``.

Used by the pages in docs/ (``markdown_extensions`` in mkdocs.yml); record fields get the same from the
nh3 sanitiser (``render/markdown.py``) and our templates write it themselves.
"""
from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _NoOpener(Treeprocessor):
    def run(self, root: Element) -> None:
        for a in root.iter("a"):
            href = (a.get("href") or "").strip().lower()
            if href.startswith(("http://", "https://", "//")):
                rel = (a.get("rel") or "").split()
                if "noopener" not in rel:
                    a.set("rel", " ".join([*rel, "noopener"]))


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(_NoOpener(md), "kb_external_links", 1)


def makeExtension(**kwargs: Any) -> ExternalLinksExtension:  # noqa: N802 - Python-Markdown's entry point
    return ExternalLinksExtension(**kwargs)
