"""The agenda in a real browser: the reader's clock corrects 'komend', filters live in the URL."""
from __future__ import annotations

import datetime as dt

from tests.browser.conftest import run_axe  # noqa: F401


def _section_ids(page, which: str) -> list[str]:
    return page.eval_on_selector_all(f"[data-kb-{which}] .kb-event", "els => els.map(e => e.dataset.id)")


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
    shown = page.eval_on_selector_all("[data-kb-upcoming-home] .kb-event:not([hidden])", "els => els.map(e => e.dataset.id)")
    assert len(shown) == 3 and "2019-06-regiotafel-noordoost-brabant" not in shown
    page.goto(site_url + "agenda/2019-06-regiotafel-noordoost-brabant/")
    assert page.is_visible("[data-kb-past-note]")
    page.close()


def test_agenda_filters_by_region_and_kind_in_the_query_string(page, site_url):
    page.goto(site_url + "agenda/?regio=de-peel")
    visible = page.eval_on_selector_all(".kb-event:not([hidden])", "els => els.map(e => e.dataset.regio)")
    assert visible and set(visible) == {"de-peel"}
    page.select_option("#kb-agenda-soort", "regiotafel")
    assert "soort=regiotafel" in page.url and "regio=de-peel" in page.url
    page.goto(site_url + "agenda/?soort=bestuurlijk-platform")
    kinds = page.eval_on_selector_all(".kb-event:not([hidden])", "els => els.map(e => e.dataset.soort)")
    assert kinds and set(kinds) == {"bestuurlijk-platform"}


def test_event_page_offers_an_ics_download(page, site_url):
    page.goto(site_url + "agenda/2019-04-regiotafel-west-brabant-west/")
    href = page.get_attribute("a[download]", "href")
    assert href == "../2019-04-regiotafel-west-brabant-west.ics"
    assert "vrijdag 12 april 2019" in page.text_content(".kb-facts")


def test_subscribe_link_is_webcal_with_the_full_feed_address(page, site_url):
    page.goto(site_url + "agenda/")
    assert page.get_attribute("[data-kb-webcal]", "href") == site_url.replace("http:", "webcal:") + "agenda/agenda.ics"
    assert page.text_content("[data-kb-feed-url]") == site_url + "agenda/agenda.ics"
