"""Search entries of record pages, added to Material's search index in ``on_env``, before MkDocs' page
loop, so that a record page need not go through that loop (``outside_pages.py``).

Two kinds: practices, policy examples and agreements have an entry made from their data
(``GeneratedPage.search_entry``); events, municipalities and regions have the entries Material's search
would make from their HTML, made here by Material's own ``SearchIndex`` from the body rendered ahead, on
a stand-in page with what that parser reads (content, table of contents, URL, title, front matter).
Listings are left out of search.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from mkdocs.structure.toc import get_toc

from .preview import BodyCache
from .record_page import RecordPage, parsed_for_search


@dataclass
class _StandIn:
    """What ``SearchIndex.add_entry_from_context`` reads of a page."""

    content: str
    url: str
    title: Any
    meta: dict[str, Any]
    toc: Any = field(default_factory=lambda: get_toc([]))  # a record page has no table of contents


def search_plugin(config: Any) -> Any:
    """Material's search plugin when it is on, else None."""
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:  # pragma: no cover - another theme
        return None
    search = next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)
    return search if search is not None and search.config.enabled else None


def parsed_entries(search: Any, page: RecordPage, body: str) -> list[dict[str, Any]]:
    """The entries Material's search makes of ``page`` with ``body`` as its content."""
    index = type(search.search_index)(**search.search_index.config)
    meta = {k: v for k, v in page.meta.items() if k != "search"}  # excluded only from MkDocs' loop
    index.add_entry_from_context(_StandIn(body, page.url, page.title, meta))
    return list(index.entries)


def _parse_inputs(page: RecordPage, body: str) -> object:
    return (body, str(page.title), page.url)


def add_record_entries(search: Any, records: list[RecordPage], body_of: Callable[[int], str],
                       kept: BodyCache | None) -> None:
    """Add the entries of every record page to ``search``'s index, in the order of ``records``.
    ``kept`` (the preview): an entry is made again only when what it is made from changed."""
    entries = search.search_index.entries
    for page in records:
        gen = page.generated
        if gen.search_entry is not None:
            if kept is not None and gen.inputs is not None:
                entry = kept.get("zoeken:" + gen.src_uri, gen.inputs, gen.search_entry)
            else:
                entry = gen.search_entry()
            entries.append(dict(entry))
        elif parsed_for_search(gen) and page.body_index is not None:
            body = body_of(page.body_index)
            make = partial(parsed_entries, search, page, body)
            if kept is not None:
                found = kept.get("zoeken:" + gen.src_uri, partial(_parse_inputs, page, body), make)
            else:
                found = make()
            entries.extend(dict(e) for e in found)
