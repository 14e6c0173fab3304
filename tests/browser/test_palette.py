"""Light or dark colours: the header toggle (overrides/partials/javascripts/palette.html and the palette
part of kennisbank.js, which replace Material's palette component). The right scheme is there by the first
frame that shows the page, a reader's choice is kept across pages, Enter works on the toggle, and with no
stored choice the page follows the system setting."""
from __future__ import annotations

import pytest

# Every frame from the first one that shows the page's heading, and every change of the scheme on <body>
# after that: nothing may switch once the reader sees the page.
WATCH = """
window.__kbFrames = []; window.__kbLateSwitches = [];
const tick = () => {
  if (document.querySelector('h1')) window.__kbFrames.push(document.body.getAttribute('data-md-color-scheme'));
  if (window.__kbFrames.length < 5) requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
new MutationObserver(records => {
  for (const r of records) if (r.attributeName === 'data-md-color-scheme' && document.querySelector('h1'))
    window.__kbLateSwitches.push(r.target.getAttribute('data-md-color-scheme'));
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-md-color-scheme']});
"""


@pytest.fixture()
def fresh(page, site_url):
    """A tab on the home page with no stored colour choice (the browser context is shared by the tests)."""
    page.goto(site_url)
    page.evaluate("localStorage.clear()")
    page.add_init_script(WATCH)
    yield page
    page.evaluate("localStorage.clear()")


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visible_toggle(page) -> str:
    """The title of the toggle a reader sees (it names the scheme a click switches to)."""
    labels = page.locator("[data-kb-palette] label:visible")
    assert labels.count() == 1
    return labels.first.get_attribute("title")


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function("window.__kbFrames.length >= 5")


def test_the_system_setting_decides_by_the_first_frame_and_nothing_is_stored(fresh, site_url):
    for system, expected, toggle in (("dark", "slate", "Lichte weergave"), ("light", "default", "Donkere weergave")):
        fresh.emulate_media(color_scheme=system)
        load(fresh, site_url + "goede-voorbeelden/")
        assert fresh.evaluate("window.__kbFrames") == [expected] * 5
        assert fresh.evaluate("window.__kbLateSwitches") == []
        assert scheme(fresh) == expected and visible_toggle(fresh) == toggle
        assert fresh.evaluate("__md_get('__palette')") is None
        # Material's palette component is not mounted (it would add its own theme-color and color-scheme).
        assert fresh.locator("meta[name=color-scheme]").count() == 0


def test_a_click_switches_and_the_choice_holds_on_the_next_page(fresh, site_url):
    fresh.emulate_media(color_scheme="light")
    load(fresh, site_url)
    light_header = fresh.eval_on_selector("[data-md-component=header]", "h => getComputedStyle(h).backgroundColor")
    fresh.wait_for_function("document.querySelector('meta[name=theme-color]')")
    assert fresh.get_attribute("meta[name=theme-color]", "content") == light_header

    fresh.click("[data-kb-palette] label:visible")
    assert scheme(fresh) == "slate" and visible_toggle(fresh) == "Lichte weergave"
    assert fresh.evaluate("__md_get('__palette').index") == 1
    dark_header = fresh.eval_on_selector("[data-md-component=header]", "h => getComputedStyle(h).backgroundColor")
    assert dark_header != light_header
    fresh.wait_for_function(f"document.querySelector('meta[name=theme-color]').content === {dark_header!r}")
    assert fresh.evaluate("document.body.hasAttribute('data-md-color-switching')") is False

    load(fresh, site_url + "agenda/")  # the stored choice wins over the (light) system setting
    assert fresh.evaluate("window.__kbFrames") == ["slate"] * 5
    assert fresh.evaluate("window.__kbLateSwitches") == []
    assert visible_toggle(fresh) == "Lichte weergave"


def test_enter_on_the_toggle_switches_and_keeps_the_focus_on_it(fresh, site_url):
    fresh.emulate_media(color_scheme="light")
    load(fresh, site_url)
    fresh.focus("[data-kb-palette] input:checked")
    fresh.keyboard.press("Enter")
    assert scheme(fresh) == "slate"
    assert fresh.evaluate("document.activeElement.matches('[data-kb-palette] input:checked')")
    fresh.keyboard.press("Enter")
    assert scheme(fresh) == "default" and fresh.evaluate("__md_get('__palette').index") == 0


def test_the_page_follows_the_system_setting_until_the_reader_chooses(fresh, site_url):
    fresh.emulate_media(color_scheme="light")
    load(fresh, site_url)
    fresh.emulate_media(color_scheme="dark")
    fresh.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert visible_toggle(fresh) == "Lichte weergave"

    fresh.click("[data-kb-palette] label:visible")  # the reader chooses light
    assert scheme(fresh) == "default"
    fresh.emulate_media(color_scheme="light")
    fresh.emulate_media(color_scheme="dark")
    fresh.wait_for_timeout(200)
    assert scheme(fresh) == "default"
