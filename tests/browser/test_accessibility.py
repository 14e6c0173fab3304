"""axe-core (WCAG 2.1 A/AA) on every page kind, light and dark, and with the search dialog open."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from macros.core.catalog import load_catalog
from tests.browser.conftest import run_axe
from tests.helpers import DATA

_cat = load_catalog(DATA)
PAGES = {
    "home": "",
    "content": "aanpak/",
    "404": "bestaat-niet/",
    "municipalities": "gemeenten/",
    "library": "goede-voorbeelden/",
    "practice": f"goede-voorbeelden/{sorted(_cat.practices)[0]}/",
    "theme": "goede-voorbeelden/thema/huisvesting/",
    "region": "goede-voorbeelden/regio/limburg/",
    "agenda": "agenda/",
    "event": f"agenda/{sorted(_cat.events)[0]}/",
    "news": "actueel/",
    "post": "actueel/plan-van-aanpak-2019-2020/",
    "news-archive": "actueel/archief/2019/",
    "news-category": "actueel/categorie/brabantse-aanpak/",
}


def _open(page, site_url, path):
    url = site_url + path
    if path == "bestaat-niet/":  # the static server has no 404 rule: load the page MkDocs writes
        url = site_url + "404.html"
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations(page, site_url, kind, scheme):
    page.emulate_media(color_scheme=scheme)
    _open(page, site_url, PAGES[kind])
    assert run_axe(page) == []
    hosts = {urlparse(u).hostname for u in page.requests if not u.startswith("data:")}
    assert hosts <= {"127.0.0.1"}, hosts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_search_open_and_results(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    _open(page, site_url, "")
    page.keyboard.press("/")
    page.keyboard.type("regiotafel", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert run_axe(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["home", "library", "practice", "theme", "agenda", "event"])
def test_no_axe_violations_at_phone_width(page, site_url, kind, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, site_url, PAGES[kind])
    assert run_axe(page) == []
