"""A library of many practices: 50 at a time with 'Toon meer', facets still exact (synthetic data)."""
from __future__ import annotations

import pytest

from benchmarks.synthetic import practices, write_records
from macros.core.catalog import load_catalog
from macros.dev.static_server import serve
from tests.helpers import DATA, build, copy_data


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("large")
    data = copy_data(root / "data")
    munis = [(m.code, m.naam) for m in load_catalog(DATA).municipalities.values()]
    items = practices(130, munis)
    write_records(items, data / "goede-voorbeelden")
    result = build(root, env={"KENNISBANK_TODAY": "2026-11-23"})
    assert result.returncode == 0, result.output
    server, url = serve(result.site)
    yield url, load_catalog(data)
    server.shutdown()


def _visible(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.kbId)")


def test_matches_show_fifty_at_a_time(page, large_site):
    url, cat = large_site
    total = len(cat.practices)
    page.goto(url + "goede-voorbeelden/")
    assert len(_visible(page)) == 50
    assert page.text_content("[data-kb-count]").strip() == f"{total} goede voorbeelden"
    page.click("[data-kb-more]")
    assert len(_visible(page)) == 100
    focused = page.evaluate("document.activeElement.closest('li') && document.activeElement.closest('li').dataset.kbId")
    assert focused == _visible(page)[50]  # keyboard users continue at the first new card
    page.click("[data-kb-more]")
    assert len(_visible(page)) == total
    assert page.is_hidden("[data-kb-more]")


def test_facet_on_a_large_library_is_exact_across_pages(page, large_site):
    url, cat = large_site
    page.goto(url + "goede-voorbeelden/?thema=taal")
    expected = {p.id for p in cat.practices.values() if "taal" in p.themas}
    shown = set(_visible(page))
    while page.is_visible("[data-kb-more]"):
        page.click("[data-kb-more]")
        shown = set(_visible(page))
    assert shown == expected
    assert f"{len(expected)} van {len(cat.practices)}" in page.text_content("[data-kb-count]")
