"""Policy examples, the comparison and model agreements in headless Chromium: facets in the URL, the
chosen examples side by side, the forms without our script, phones, print, and axe-core (light and
dark, desktop and phone)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from macros.core.catalog import load_catalog
from tests.browser.conftest import run_axe
from tests.helpers import DATA

CAT = load_catalog(DATA)
POLICIES = sorted(CAT.policies)
ORDER = [p.id for p in sorted(CAT.policies.values(), key=lambda p: p.titel.casefold())]  # index and table order
AGREEMENT = sorted(CAT.agreements)[0]
PHONE = {"width": 390, "height": 844}


def visible_columns(page) -> list[str]:
    return page.eval_on_selector_all("thead th[data-kb-col]", "els => els.filter(e => !e.hidden).map(e => e.dataset.kbCol)")


def visible_cards(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-kb-list] > li:not([hidden])", "els => els.map(e => e.dataset.id)"))


def two_with_a_difference() -> tuple[str, str]:
    """Two real examples where one has a key-rule topic the other lacks (so 'niet geregeld' shows)."""
    for a in POLICIES:
        for b in POLICIES:
            ta = {r.onderwerp for r in CAT.policies[a].regels}
            tb = {r.onderwerp for r in CAT.policies[b].regels}
            if a < b and ta - tb:
                return a, b
    raise AssertionError("geen twee beleidsvoorbeelden met verschillende onderwerpen")


@pytest.mark.parametrize("query", ["?ids={a},{b}", "?ids={a}&ids={b}"])
def test_comparison_shows_the_chosen_examples_side_by_side(page, site_url, query):
    a, b = two_with_a_difference()
    page.goto(site_url + "beleidsvoorbeelden/vergelijk/" + query.format(a=a, b=b))
    assert visible_columns(page) == [x for x in ORDER if x in (a, b)]
    rows = page.eval_on_selector_all(
        "tr[data-kb-ids]:not([hidden])", "els => els.map(r => [r.dataset.kbIds, [...r.querySelectorAll('td:not([hidden])')].map(td => td.innerText.trim())])")
    topics = {r.onderwerp for r in CAT.policies[a].regels} | {r.onderwerp for r in CAT.policies[b].regels}
    assert len(rows) == len(topics)
    assert all(len(cells) == 2 for _, cells in rows)
    assert any("niet geregeld" in cells for _, cells in rows)
    assert all(set(ids.split()) & {a, b} for ids, _ in rows)
    assert page.is_checked(f"#kb-vergelijk-{a}") and page.is_checked(f"#kb-vergelijk-{b}")
    assert "2 beleidsvoorbeelden naast elkaar" in page.text_content("[data-kb-count]")


def test_choosing_on_the_index_and_submitting_opens_the_comparison(page, site_url):
    a, b = ORDER[:2]
    page.goto(site_url + "beleidsvoorbeelden/")
    page.check(f"#kb-kies-{a}")
    page.check(f"#kb-kies-{b}")
    page.click(".kb-compare-choose__submit button[type=submit]")
    page.wait_for_url("**/beleidsvoorbeelden/vergelijk/?ids=*")
    assert urlparse(page.url).query == f"ids={a},{b}"
    assert visible_columns(page) == [a, b]


def test_forms_work_without_our_script(page, site_url):
    """Without kennisbank.js: everything is listed, and the compare form still submits to the comparison."""
    page.route("**/kennisbank.js", lambda route: route.abort())
    page.goto(site_url + "beleidsvoorbeelden/")
    assert visible_cards(page) == set(POLICIES)
    a = POLICIES[0]
    page.check(f"#kb-kies-{a}")
    page.click(".kb-compare-choose__submit button[type=submit]")
    page.wait_for_url("**/beleidsvoorbeelden/vergelijk/?ids=*")
    assert urlparse(page.url).query == f"ids={a}"
    assert visible_columns(page) == ORDER  # without the script: every example side by side


def test_without_javascript_the_filter_form_is_hidden_and_everything_listed(page, site_url):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(site_url + "beleidsvoorbeelden/")
    assert visible_cards(page) == set(POLICIES)
    assert page.is_hidden("form[data-kb-filters]")


def test_index_facets_in_the_query_string(page, site_url):
    page.goto(site_url + "beleidsvoorbeelden/?niveau=rijk")
    expected = {p for p in POLICIES if CAT.policies[p].overheid.niveau == "rijk"}
    assert expected and visible_cards(page) == expected
    assert page.input_value("#kb-beleid-niveau") == "rijk"
    page.select_option("#kb-beleid-niveau", "")
    assert visible_cards(page) == set(POLICIES)
    assert "niveau=" not in page.url
    kind = CAT.policies[POLICIES[0]].soort
    page.select_option("#kb-beleid-soort", kind)
    assert visible_cards(page) == {p for p in POLICIES if CAT.policies[p].soort == kind}
    assert f"soort={kind}" in page.url


@pytest.mark.parametrize("query", ["", "?ids={a},{b}"])
def test_comparison_does_not_scroll_the_page_sideways_on_a_phone(page, site_url, query):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "beleidsvoorbeelden/vergelijk/" + query.format(a=POLICIES[0], b=POLICIES[1]))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.eval_on_selector(".kb-table-scroll", "e => [e.getBoundingClientRect().right, e.scrollWidth, e.clientWidth]")
    assert box[0] <= PHONE["width"]


def test_agreement_prints_without_site_chrome(page, site_url):
    page.goto(site_url + f"modelovereenkomsten/{AGREEMENT}/")
    assert page.is_visible(".md-header") and page.is_visible(".kb-toc")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".kb-toc", ".kb-downloads"):
        assert not page.is_visible(chrome), chrome
    assert page.is_visible("h1") and page.is_visible("#artikel-1") and page.is_visible(".kb-article mark.kb-fill")
    assert page.is_visible(".kb-agreement__disclaimer")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_print_button_prints(page, site_url):
    page.goto(site_url + f"modelovereenkomsten/{AGREEMENT}/")
    page.evaluate("window.print = () => { window.kbPrinted = true; }")
    page.click("button[data-kb-print]")
    assert page.evaluate("window.kbPrinted === true")


def test_agreement_contents_links_reach_every_article_by_keyboard(page, site_url):
    page.goto(site_url + f"modelovereenkomsten/{AGREEMENT}/")
    last = max(a.nummer for a in CAT.agreements[AGREEMENT].artikelen)
    link = page.locator(f".kb-toc a[href='#artikel-{last}']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#artikel-{last}'")
    assert page.evaluate(f"document.getElementById('artikel-{last}').getBoundingClientRect().top") < 300


PAGES = {
    "index": "beleidsvoorbeelden/",
    "policy": f"beleidsvoorbeelden/{POLICIES[0]}/",
    "compare": f"beleidsvoorbeelden/vergelijk/?ids={POLICIES[0]},{POLICIES[1]}",
    "compare-all": "beleidsvoorbeelden/vergelijk/",
    "agreement": f"modelovereenkomsten/{AGREEMENT}/",
    "agreements": "modelovereenkomsten/",
}


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations(page, site_url, kind, scheme, width):
    if width == "phone":
        page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert run_axe(page) == []
    hosts = {urlparse(u).hostname for u in page.requests if not u.startswith("data:")}
    assert hosts <= {"127.0.0.1"}, hosts
