"""The preview keeps Material's search entries of a Markdown page until the page changes.

Material's search plugin parses every page's HTML on every build (``SearchIndex.add_entry_from_context``,
Python's ``html.parser``) to cut it into sections. Under `mkdocs serve` nearly every page is the same as
in the rebuild before: ``install`` wraps that method of this build's index so that a page whose entries
depend on exactly the same values as last time gets a copy of last time's entries instead of a parse.

What an entry is made from (Material 9, ``material/plugins/search/plugin.py``): the page's HTML, its
table of contents (a section's address comes from the matching anchor), its URL and title, and the
front matter's ``title``, ``tags`` and ``search``; the plugin's settings are the same for the whole
process (``mkdocs.yml`` changed: ``begin`` with another fingerprint empties the cache).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.memo import UsedCache

Entries = tuple[dict[str, Any], ...]


def _toc(items: Any) -> tuple:
    return tuple((i.id, i.url, i.title, _toc(i.children)) for i in items or ())


def page_key(page: Any) -> tuple:
    meta = page.meta or {}
    return (page.url, page.title, page.content, _toc(page.toc),
            repr(meta.get("title")), repr(meta.get("tags")), repr(meta.get("search")))


class SearchEntryCache:
    def __init__(self) -> None:
        self._kept: UsedCache[tuple, Entries] = UsedCache()
        self._settings: object = None

    def begin(self, settings: object) -> None:
        """A new build with the search plugin's ``settings``: entries made under others are dropped."""
        if settings != self._settings:
            self._kept = UsedCache()
            self._settings = settings

    def sweep(self) -> None:
        self._kept.sweep()

    def install(self, index: Any) -> None:
        """Wrap ``index.add_entry_from_context`` (a Material ``SearchIndex``) with this cache."""
        make: Callable[[Any], None] = index.add_entry_from_context
        entries: list[dict[str, Any]] = index.entries

        def add_entry_from_context(page: Any) -> None:
            key = page_key(page)
            kept = self._kept.get(key)
            if kept is None:
                start = len(entries)
                make(page)
                kept = tuple(_copy(e) for e in entries[start:])
                self._kept.put(key, kept)
            else:
                entries.extend(_copy(e) for e in kept)

        index.add_entry_from_context = add_entry_from_context


def _copy(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, list) else v for k, v in entry.items()}
