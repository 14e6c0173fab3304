"""The agenda in a real browser: the reader's clock corrects 'komend', filters live in the URL."""
from __future__ import annotations

import datetime as dt

from tests.browser.conftest import run_axe  # noqa: F401


def _section_ids(page, which: str) -> list[str]:
    return page.eval_on_selector_all(f"[data-kb-{which}] [data-kb-event]", "els => els.map(e => e.dataset.kbId)")


def test_build_date_upcoming_is_corrected_by_the_readers_clock(page, site_url):
    # The site was built with KENNISBANK_TODAY=2019-05-01: the June regiotafels are upcoming.
    page.clock.install(time=dt.datetime(2019, 5, 2, 9, 0, tzinfo=dt.UTC))
    page.goto(site_url + "agenda/")
    assert "2019-06-regiotafel-noordoost-brabant" in _section_ids(page, "upcoming")
    page.close()


def test_event_that_ended_since_the_build_moves_to_past(browser, site_url):
    page = browser.new_page()
    page.clock.install(time=dt.datetime(2019, 6, 20, 12, 0, tzinfo=dt.UTC))
    page.goto(site_url + "agenda/")
    upcoming, past = _section_ids(page, "upcoming"), _section_ids(page, "past")
    assert "2019-06-regiotafel-noordoost-brabant" in past  # 13 June
    assert "2019-06-regiotafel-stedelijk-gebied-eindhoven" in past  # 14 June
    assert "2019-06-regiotafel-hart-van-brabant" in upcoming  # 26 June
    assert "2019-06-start-bestuurlijk-platform" in upcoming  # June, day unknown: until the month ends
    page.goto(site_url)
    shown = page.eval_on_selector_all("[data-kb-upcoming-list] [data-kb-event]:not([hidden])", "els => els.map(e => e.dataset.kbId)")
    assert len(shown) == 3 and "2019-06-regiotafel-noordoost-brabant" not in shown
    page.goto(site_url + "agenda/2019-06-regiotafel-noordoost-brabant/")
    assert page.is_visible(".kb-past-note")
    page.close()


def test_agenda_filters_by_region_and_kind_in_the_query_string(page, site_url):
    page.goto(site_url + "agenda/?regio=de-peel")
    visible = page.eval_on_selector_all("[data-kb-event]:not([hidden])", "els => els.map(e => e.dataset.kbRegio)")
    assert visible and set(visible) == {"de-peel"}
    page.select_option("#kb-agenda-soort", "regiotafel")
    assert "soort=regiotafel" in page.url and "regio=de-peel" in page.url
    page.goto(site_url + "agenda/?soort=bestuurlijk-platform")
    kinds = page.eval_on_selector_all("[data-kb-event]:not([hidden])", "els => els.map(e => e.dataset.kbSoort)")
    assert kinds and set(kinds) == {"bestuurlijk-platform"}


def test_event_page_offers_an_ics_download(page, site_url):
    page.clock.install(time=dt.datetime(2019, 5, 2, 9, 0, tzinfo=dt.UTC))
    page.goto(site_url + "agenda/2019-06-regiotafel-noordoost-brabant/")
    assert page.is_visible("a[download]")
    assert page.get_attribute("a[download]", "href") == "../2019-06-regiotafel-noordoost-brabant.ics"
    assert "donderdag 13 juni 2019" in page.text_content(".kb-facts")


def test_past_planned_event_offers_no_calendar_file_and_says_what_is_known(page, site_url):
    # Issue #12.3, in the reader's browser: an event that ended since the build changes its words too.
    page.clock.install(time=dt.datetime(2019, 6, 20, 12, 0, tzinfo=dt.UTC))
    page.goto(site_url + "agenda/2019-06-regiotafel-noordoost-brabant/")
    assert not page.is_visible("a[download]")
    body = page.inner_text("article")
    assert "Gepland op donderdag 13 juni 2019; of deze is doorgegaan, is niet bekend." in body
    assert "Gepland; niet bekend of deze is doorgegaan" in body
    assert "plaatsgevonden" not in body


def test_month_only_event_that_ended_since_the_build_reads_day_not_known(page, site_url):
    page.clock.install(time=dt.datetime(2019, 7, 2, 12, 0, tzinfo=dt.UTC))
    page.goto(site_url + "agenda/")
    item = page.locator('[data-kb-past] [data-kb-id="2019-06-start-bestuurlijk-platform"]')
    assert "juni 2019 (datum in de maand niet bekend)" in item.inner_text()
    # the year section it moved into comes from the page's <template>, with its heading
    assert page.locator('[data-kb-past] [data-kb-group="2019"] h3').inner_text() == "2019"


def test_agenda_clear_button_shows_only_when_a_filter_is_set(page, site_url):
    page.goto(site_url + "agenda/")
    assert not page.is_visible("[data-kb-agenda] [data-kb-clear]")
    page.select_option("#kb-agenda-regio", "de-peel")
    assert page.is_visible("[data-kb-agenda] [data-kb-clear]")
    page.click("[data-kb-agenda] [data-kb-clear]")
    assert page.input_value("#kb-agenda-regio") == "" and "?" not in page.url
    assert not page.is_visible("[data-kb-agenda] [data-kb-clear]")


def test_subscribe_link_is_webcal_with_the_full_feed_address(page, site_url):
    page.goto(site_url + "agenda/")
    assert page.get_attribute("[data-kb-webcal]", "href") == site_url.replace("http:", "webcal:") + "agenda/agenda.ics"
    assert page.input_value("[data-kb-feed-url]") == site_url + "agenda/agenda.ics"


def test_home_shows_the_most_recent_events_when_everything_planned_has_ended(page, site_url):
    # Issue #12.7: the home page does not lead with an empty "Binnenkort".
    page.clock.install(time=dt.datetime(2030, 1, 1, 12, 0, tzinfo=dt.UTC))
    page.goto(site_url)
    assert page.is_visible("[data-kb-recent]")
    assert "Er staan op dit moment geen bijeenkomsten gepland. Dit waren de meest recente:" in page.inner_text("[data-kb-recent]")
    ids = page.eval_on_selector_all("[data-kb-recent-list] [data-kb-event]:not([hidden])", "els => els.map(e => e.dataset.kbId)")
    assert 0 < len(ids) <= 3
    assert "Binnenkort" not in page.inner_text("article")


def test_home_answers_what_is_here_above_the_fold(page, site_url):
    # Issue #12.7: introduction, the library by theme, recent practices and the first event in the first
    # screen, on a desktop and on a phone (390 x 844).
    page.clock.install(time=dt.datetime(2019, 5, 2, 9, 0, tzinfo=dt.UTC))
    for width, height, parts in ((1280, 800, ("per-thema", "recent", "bijeenkomsten")),
                                 (390, 844, ("per-thema", "recent", "bijeenkomsten"))):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        for anchor in parts:
            top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().bottom")
            assert top < height, (width, anchor, top)
        first_theme = page.evaluate("document.querySelector('.kb-theme-links a').getBoundingClientRect().bottom")
        assert first_theme < height, width
        first_practice = page.evaluate("document.querySelector('.kb-home .kb-card a').getBoundingClientRect().bottom")
        assert first_practice < height, width
        first_event = page.evaluate("document.querySelector('[data-kb-upcoming-list] [data-kb-event]').getBoundingClientRect().bottom")
        assert first_event < height, (width, first_event)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
