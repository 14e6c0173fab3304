"""The good-practice library in a real browser: facets in the URL, back button, keyboard, screen reader."""
from __future__ import annotations

from macros.catalog import load_catalog
from tests.helpers import DATA

CAT = load_catalog(DATA)


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.id)"))


def test_theme_in_the_query_string_shows_exactly_those_practices(page, site_url):
    for theme in ("huisvesting", "registratie", "regionale-samenwerking"):
        page.goto(site_url + f"goede-voorbeelden/?thema={theme}")
        expected = {p.id for p in CAT.practices.values() if theme in p.themas}
        assert expected and visible_ids(page) == expected
        assert page.input_value("#kb-facet-thema") == theme
        count = page.text_content("[data-kb-count]")
        assert f"{len(expected)} van {len(CAT.practices)}" in count


def test_combining_facets_narrows_and_clearing_shows_all(page, site_url):
    page.goto(site_url + "goede-voorbeelden/?pijler=samenleving-en-sociaal-domein")
    wide = visible_ids(page)
    page.select_option("#kb-facet-regio", "limburg")
    narrow = visible_ids(page)
    assert narrow <= wide and narrow
    assert all(CAT.practices[i].scope.provincie == "limburg" for i in narrow)
    assert "regio=limburg" in page.url and "pijler=samenleving-en-sociaal-domein" in page.url
    page.go_back()
    page.wait_for_function("() => !location.search.includes('regio=')")
    assert visible_ids(page) == wide
    page.click("button[data-kb-clear]")
    assert visible_ids(page) == set(CAT.practices)
    assert "?" not in page.url


def test_text_filter_by_keyboard_only_and_result_count_is_announced(page, site_url):
    page.goto(site_url + "goede-voorbeelden/")
    live = page.get_attribute("[data-kb-count]", "aria-live")
    assert live == "polite"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "kb-tekst":
            break
    else:
        raise AssertionError("het tekstfilter is niet met Tab te bereiken")
    page.keyboard.type("talenplan")
    ids = visible_ids(page)
    assert ids and all("talenplan" in (CAT.practices[i].titel + CAT.practices[i].samenvatting).lower() for i in ids)
    assert "q=talenplan" in page.url
    assert f"{len(ids)} van {len(CAT.practices)}" in page.text_content("[data-kb-count]")
    page.keyboard.type("xyzzy-bestaat-niet")
    assert not visible_ids(page)
    assert page.is_visible("[data-kb-empty]")


def test_without_javascript_the_page_lists_every_practice_and_hides_the_form(page, site_url):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(site_url + "goede-voorbeelden/?thema=huisvesting")
    assert set(visible_ids(page)) == set(CAT.practices)
    assert page.is_hidden("[data-kb-filters]")  # the form only appears when the script can run it


def test_material_search_finds_a_practice_in_dutch(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("talenplan", delay=20)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert any("goede-voorbeelden/10000-talenplan-limburg/" in h for h in hrefs), hrefs
    page.fill(".md-search__input", "")
    page.keyboard.type("regiotafels", delay=20)
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0


def test_on_a_phone_the_facets_fold_away_unless_in_use(page, site_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + "goede-voorbeelden/")
    assert page.evaluate("document.querySelector('[data-kb-facets]').open") is False
    assert page.is_visible("#kb-tekst")
    page.goto(site_url + "goede-voorbeelden/?thema=taal")
    assert page.evaluate("document.querySelector('[data-kb-facets]').open") is True
    assert "(1 actief)" in page.text_content("[data-kb-facets] summary")
