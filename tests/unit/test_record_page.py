"""A record page's canonical address is what MkDocs' own ``Page`` makes of it (urljoin), also where the
fast path does not apply."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.structure.pages import Page

from macros.adapters.record_page import RecordPage

SITES = [None, "", "https://example.test", "https://example.test/", "https://www.brabant.nl/arbeidsmigratie/",
         "https://www.brabant.nl/arbeidsmigratie", "http://127.0.0.1:8000/kb/"]
URLS = ["goede-voorbeelden/act-1/", "gemeenten/s-hertogenbosch/", "", "agenda/2019-06-regiotafel/",
        "../boven/", "a/./b/", "Hoofd/", "x/?y=1", "/absoluut/", "pagina.html", "a b/"]


def _page(cls: type, url: str) -> Page:
    page = cls.__new__(cls)
    page.file = SimpleNamespace(url=url)  # type: ignore[assignment]
    return page


@pytest.mark.parametrize("site_url", SITES)
@pytest.mark.parametrize("url", URLS)
def test_canonical_url_is_mkdocs_own(site_url, url):
    ours, theirs = _page(RecordPage, url), _page(Page, url)
    ours._set_canonical_url(site_url)
    theirs._set_canonical_url(site_url)
    assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url)
