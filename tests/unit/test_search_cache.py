"""The preview's cache of Material's search entries: a page made of the same values gets the same
entries without a parse; any change that reaches an entry makes them anew."""
from __future__ import annotations

from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from macros.adapters.search_cache import SearchEntryCache

HTML = '<h1 id="over">Over</h1><p>Tekst een.</p><h2 id="zo">Zo werkt het</h2><p>Tekst twee.</p>'


def _toc():
    return get_toc([{"level": 1, "id": "over", "name": "Over", "children": [
        {"level": 2, "id": "zo", "name": "Zo werkt het", "children": []}]}])


def _page(content: str = HTML, **meta: object) -> SimpleNamespace:
    return SimpleNamespace(url="over/", title="Over", content=content, toc=_toc(), meta=dict(meta))


def _build(cache: SearchEntryCache, pages: list[SimpleNamespace], settings: str = "settings") -> tuple[list[dict], int]:
    index = SearchIndex()
    parsed = []
    make = index.add_entry_from_context
    index.add_entry_from_context = lambda page: (parsed.append(page), make(page))[-1]
    cache.begin(settings)
    cache.install(index)
    for page in pages:
        index.add_entry_from_context(page)
    cache.sweep()
    return index.entries, len(parsed)


def test_same_page_same_entries_without_a_parse():
    cache = SearchEntryCache()
    first, parsed = _build(cache, [_page()])
    assert parsed == 1 and [e["location"] for e in first] == ["over/", "over/#zo"]
    again, parsed = _build(cache, [_page()])
    assert parsed == 0 and again == first
    again[0]["text"] = "veranderd"  # a copy: the kept entries stay as they were
    assert _build(cache, [_page()])[0] == first


def test_each_input_of_an_entry_makes_it_anew():
    cache = SearchEntryCache()
    _build(cache, [_page()])
    for changed in (_page(HTML.replace("een", "drie")), _page(tags=["huisvesting"]), _page(search={"boost": 2}),
                    _page(title="Anders")):
        entries, parsed = _build(cache, [changed])
        assert parsed == 1, changed
        fresh = SearchIndex()
        fresh.add_entry_from_context(changed)
        assert entries == fresh.entries
    moved, no_toc = _page(), _page()
    moved.url, no_toc.toc = "elders/", get_toc([])
    assert _build(cache, [moved])[1] == 1 and _build(cache, [no_toc])[1] == 1


def test_other_search_settings_empty_the_cache():
    cache = SearchEntryCache()
    _build(cache, [_page()])
    assert _build(cache, [_page()], settings="other settings")[1] == 1
