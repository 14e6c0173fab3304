"""The good-practice library in a real browser: facets in the URL, back button, keyboard, screen reader."""
from __future__ import annotations

from macros.core.catalog import load_catalog
from tests.helpers import DATA

CAT = load_catalog(DATA)


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.kbId)"))


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
    assert "zoek=talenplan" in page.url and "q=" not in page.url.replace("zoek=", "")
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


# ---- Issue #12.1: a shared link reopens the filtered list and nothing else ----------------------------
def _search_open(page) -> bool:
    return page.evaluate("document.querySelector('[data-md-toggle=search]').checked")


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_shared_text_links_old_q_and_new_zoek_show_the_filtered_list_without_site_search(page, site_url):
    expected = {p.id for p in CAT.practices.values() if "talenplan" in (p.titel + p.samenvatting).lower()}
    assert expected
    page.set_viewport_size({"width": 390, "height": 844})
    for query in ("q=talenplan", "zoek=talenplan"):
        page.goto(site_url + f"goede-voorbeelden/?{query}")
        page.wait_for_load_state("networkidle")
        assert visible_ids(page) == expected, query
        assert page.input_value("#kb-tekst") == "talenplan"
        assert not _search_open(page), query
        assert not page.is_visible(".md-search__output"), query
        assert "zoek=talenplan" in page.url and "?q=" not in page.url and "&q=" not in page.url
        assert _no_sideways_scroll(page), page.evaluate("document.documentElement.scrollWidth")


def test_reload_and_back_from_a_practice_keep_the_list_and_do_not_open_search(page, site_url):
    page.goto(site_url + "goede-voorbeelden/")
    page.fill("#kb-tekst", "talenplan")
    filtered = visible_ids(page)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert visible_ids(page) == filtered and not _search_open(page)
    page.click("[data-kb-list] > li:not([hidden]) a")
    page.wait_for_load_state("networkidle")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert visible_ids(page) == filtered and not _search_open(page)


def test_material_search_still_opens_on_q_on_other_pages(page, site_url):
    page.goto(site_url + "agenda/?q=regiotafel")
    page.wait_for_selector(".md-search-result__item")
    assert _search_open(page)


# ---- Issue #12.2: facet counts follow the other filters; sort; clearing -------------------------------
def _option(page, select: str, value: str) -> dict:
    return page.evaluate(
        """([s, v]) => { const o = [...document.querySelector(s).options].find(o => o.value === v);
                         return {text: o.textContent, disabled: o.disabled}; }""", [select, value])


def test_facet_counts_follow_the_other_filters_and_empty_options_are_disabled(page, site_url):
    page.goto(site_url + "goede-voorbeelden/?thema=taal")
    with_theme = [p for p in CAT.practices.values() if "taal" in p.themas]
    options = page.eval_on_selector_all("#kb-facet-regio option", "os => os.map(o => o.value).filter(Boolean)")
    assert options
    zero_seen = False
    for value in options:
        n = sum(1 for p in with_theme if value in p.area_ids)
        got = _option(page, "#kb-facet-regio", value)
        assert got["text"].endswith(f"({n})"), (value, got)
        assert got["disabled"] == (n == 0), (value, got)
        zero_seen |= n == 0
    assert zero_seen  # e.g. "De Peel (0)" once "Taal" leaves nothing there
    # the chosen facet itself counts against the *other* filters: every theme stays choosable
    total_taal = _option(page, "#kb-facet-thema", "taal")
    assert total_taal["text"].endswith(f"({len(with_theme)})") and not total_taal["disabled"]
    page.select_option("#kb-facet-thema", "")
    got = _option(page, "#kb-facet-regio", "limburg")
    assert got["text"].endswith(f"({sum(1 for p in CAT.practices.values() if 'limburg' in p.area_ids)})")


def test_sort_by_newest_then_back_to_title(page, site_url):
    page.goto(site_url + "goede-voorbeelden/?sorteer=nieuwste")
    ids = page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.kbId)")
    years = [CAT.practices[i].jaar for i in ids]
    known = [y for y in years if isinstance(y, int)]
    assert known == sorted(known, reverse=True)
    assert all(isinstance(y, int) for y in years[:len(known)])  # unknown years last
    page.select_option("#kb-sorteer", "")
    ids = page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.kbId)")
    assert [CAT.practices[i].titel.casefold() for i in ids] == sorted(CAT.practices[i].titel.casefold() for i in ids)
    assert "sorteer" not in page.url


def test_clear_all_filters_shows_only_when_a_filter_is_set(page, site_url):
    page.goto(site_url + "goede-voorbeelden/")
    assert not page.is_visible("form [data-kb-clear]")
    page.select_option("#kb-sorteer", "nieuwste")  # sorting is not a filter
    assert not page.is_visible("form [data-kb-clear]")
    page.fill("#kb-tekst", "huisvesting")
    assert page.is_visible("form [data-kb-clear]")
    page.click("form [data-kb-clear]")
    assert page.input_value("#kb-tekst") == "" and not page.is_visible("form [data-kb-clear]")
    assert page.input_value("#kb-sorteer") == "nieuwste"


def test_record_pages_keep_lines_under_about_80_characters_at_1280px(page, site_url):
    # Issue #12.8: record pages have no sidebars; without a measure their lines ran to ~150 characters.
    page.set_viewport_size({"width": 1280, "height": 800})
    pid = sorted(CAT.practices)[0]
    for path in (f"goede-voorbeelden/{pid}/", "agenda/2019-04-regiotafel-west-brabant-west/",
                 "goede-voorbeelden/thema/huisvesting/"):
        page.goto(site_url + path)
        chars = page.evaluate("""() => {
            const p = [...document.querySelectorAll('article p')].sort((a, b) => b.textContent.length - a.textContent.length)[0];
            const c = document.createElement('canvas').getContext('2d');
            const s = getComputedStyle(p);
            c.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
            const sample = 'De provincie stimuleert en faciliteert de tafel; de regio is verantwoordelijk.';
            const perChar = c.measureText(sample).width / sample.length;
            return p.getBoundingClientRect().width / perChar; }""")
        assert chars <= 85, (path, chars)


def test_search_result_count_is_grammatical_dutch(page, site_url):
    # Issue #12.9: Material's Dutch says "1 overeenkomende document".
    import json
    import re
    import urllib.request
    from collections import Counter
    # Candidate words that occur in one search entry only (read from the index, not from today's data).
    index = json.loads(urllib.request.urlopen(site_url + "search/search_index.json").read())
    docs = Counter()
    for d in index["docs"]:
        docs.update(set(re.findall(r"[a-zà-ÿ]{10,}", (d["title"] + " " + d["text"]).lower())))
    candidates = sorted(w for w, n in docs.items() if n == 1)[:6]
    singles = 0
    for word in ["kennisambassadeur", "Halderberge", "talenplan", *candidates]:
        if singles and word in candidates:
            break
        page.goto(site_url)
        page.keyboard.press("/")
        page.keyboard.type(word, delay=20)
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_timeout(300)
        n = page.locator(".md-search-result__list > li").count()
        meta = page.inner_text(".md-search-result__meta")
        assert meta == ("1 overeenkomend document" if n == 1 else f"{n} overeenkomende documenten"), (word, n, meta)
        singles += n == 1
    assert singles, "geen zoekwoord met precies één resultaat: de test bewijst niets"
