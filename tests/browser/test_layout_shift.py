"""No layout shift after the first paint: the filter forms are there at first paint, on a phone the
library's facets are folded before it (inline script in <head>, CSS), and what is painted while the page is
still arriving (a slow connection) does not move when the rest arrives."""
from __future__ import annotations

import pytest

from macros.core.catalog import load_catalog
from tests.helpers import DATA

# Each shift with what moved (the node, its box before and after), so a failure names its cause.
OBSERVE = """
window.__kbShifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__kbShifts.push({
    value: e.value, at: Math.round(e.startTime), sources: e.sources.map(s => ({
      node: s.node ? (s.node.outerHTML || s.node.textContent || '').slice(0, 200) : null,
      before: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height],
      after: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height]}))});
}).observe({type: 'layout-shift', buffered: true});
"""

PHONE, DESKTOP = {"width": 375, "height": 740}, {"width": 1280, "height": 900}


def load(page, url: str, size: dict) -> list[dict]:
    # The reader's clock on the build date: the agenda then has nothing to move (it would, rightly, on a
    # later day: events that ended since the build go to "eerder"). Only in this page: page.clock would
    # fix the time for the whole shared browser context.
    page.add_init_script("Date.now = () => Date.parse('2019-05-01T10:00:00+02:00');")
    page.set_viewport_size(size)
    page.add_init_script(OBSERVE)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(400)
    return page.evaluate("window.__kbShifts")


@pytest.mark.parametrize("network", ["snel", "traag"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["telefoon", "desktop"])
@pytest.mark.parametrize("path", ["goede-voorbeelden/", "agenda/", "", "gemeenten/"],
                         ids=["bibliotheek", "agenda", "home", "gemeenten"])
def test_pages_do_not_shift_after_the_first_paint(page, request, path, size, network):
    """"traag": the page is painted while it is still arriving, before the scripts at its end have run, as
    on a slow phone connection (a grid that re-flows when a later part arrives, an element the script adds
    or unhides after the first paint, a rule on `:has()` of something further down all show up here)."""
    base = request.getfixturevalue("site_url" if network == "snel" else "slow_site_url")
    shifts = load(page, base + path, size)
    assert sum(s["value"] for s in shifts) < 0.001, shifts


def test_facets_start_folded_on_a_phone_and_open_on_desktop_or_when_one_is_set(page, site_url):
    load(page, site_url + "goede-voorbeelden/", PHONE)
    assert page.eval_on_selector("[data-kb-facets]", "d => d.open") is False
    assert page.is_visible("[data-kb-filters]") and page.is_hidden("#kb-facet-thema")
    page.click("[data-kb-facets] > summary")
    assert page.is_visible("#kb-facet-thema")

    theme = sorted(load_catalog(DATA).practices.values(), key=lambda p: p.id)[0].themas[0]
    load(page, site_url + f"goede-voorbeelden/?thema={theme}", PHONE)
    assert page.eval_on_selector("[data-kb-facets]", "d => d.open") is True
    assert page.input_value("#kb-facet-thema") == theme

    load(page, site_url + "goede-voorbeelden/", DESKTOP)
    assert page.eval_on_selector("[data-kb-facets]", "d => d.open") is True
    assert page.is_visible("#kb-facet-thema")


def test_submit_buttons_take_the_reader_to_the_results(page, site_url):
    load(page, site_url + "goede-voorbeelden/", DESKTOP)
    page.click("[data-kb-filters] button[type=submit]")
    assert page.evaluate("document.activeElement.hasAttribute('data-kb-count')")
    assert page.url.endswith("/goede-voorbeelden/")  # nothing was submitted to the server
    load(page, site_url + "agenda/", DESKTOP)
    page.click("[data-kb-filters] button[type=submit]")
    assert page.evaluate("document.activeElement.hasAttribute('data-kb-count')")
