"""Record pages the plugin writes itself, from the shell MkDocs built for a page of the same kind.

MkDocs builds one page per shell (see ``shell.py``); the others stay in ``files`` (links and the sitemap
know them) but are marked ``InclusionLevel.EXCLUDED``, so MkDocs' page loop skips them, and are written
in ``on_post_build``: the shell filled with the page's title, URLs and description, then the same
finishing as ``on_post_page`` (body, slots, preview banner, CSP check of the body). Their search entries
were added before MkDocs' page loop (``search_entries.py``). ARCHITECTURE.md, "Using every core".
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url, write_file

from .preview import page_token
from .record_page import BODY_MARKER, RecordPage
from .shell import ShellRenderer
from .site_recycler import SiteRecycler

# (output with the body marker, page, body) -> the finished page
Finish = Callable[[str, RecordPage, str], str]


class OutsidePages:
    def __init__(self) -> None:
        self.pages: list[tuple[tuple, RecordPage]] = []  # (shell key, page)
        self._files: Files | None = None

    def select(self, records: list[RecordPage], files: Files, config: Any) -> None:
        """Keep the first page of each shell for MkDocs; take the others out of its page loop."""
        self._files = files
        seen: set[tuple] = set()
        self.pages = []
        for page in records:
            if page.body_index is None:
                continue
            page.read_source(config)
            key = ShellRenderer.key(page, get_relative_url(".", page.url))
            if key in seen:
                page.file.inclusion = InclusionLevel.EXCLUDED
                self.pages.append((key, page))
            else:
                seen.add(key)

    def write(self, shell: ShellRenderer, body_of: Callable[[int], str], finish: Finish, site_dir: Path,
              recycler: SiteRecycler | None = None, banner: str = "", unchanged_stay: bool = False) -> None:
        """Write every page. ``recycler``: the previous site, whose page folders are taken back to be
        written into; ``unchanged_stay`` (the preview): a page made of the same parts as last time is
        moved back as it is, not written."""
        shells: dict[tuple, str] = {}
        for key, page in self.pages:
            parts = shell.parts(key)
            if parts is None:
                raise RuntimeError(f"kennisbank: geen paginasjabloon voor {page.file.src_uri} ({key})")
            assert page.body_index is not None  # only deferred pages are selected
            body = body_of(page.body_index)
            if recycler is not None:
                page_dir = posixpath.dirname(page.file.dest_uri)
                same = False
                if unchanged_stay:
                    if key not in shells:
                        shells[key] = page_token(*parts).hex()
                    same = recycler.same_as_last(page_dir, page_token(
                        shells[key], str(page.title), page.canonical_url, page.abs_url,
                        page.meta.get("description"), body, banner))
                if recycler.take_back(page_dir, site_dir) and same:
                    continue
            page.content = BODY_MARKER.format(page.body_index)
            # Its shell is the one MkDocs just built and checked for a page of the same kind.
            output = finish(shell.fill(parts, page), page, body)
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)

    def sitemap_files(self, pages: list[File]) -> list[File]:
        """The pages the sitemap lists: MkDocs' (``pages``) and these, in the order of ``files``."""
        ours = {id(page.file) for _, page in self.pages}
        listed = {id(f) for f in pages}
        return [f for f in (self._files or ()) if id(f) in listed or id(f) in ours]
