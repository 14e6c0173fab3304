"""Headless Debian Chromium driven by Playwright, a local static server, and axe-core from npm."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.dev.chromium import CHROMIUM, CHROMIUM_ARGS
from macros.dev.static_server import serve
from tests.helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(real_site):
    server, url = serve(real_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def slow_site_url(real_site):
    """The same site as over a slow connection: each page arrives in 4 KB pieces, 40 ms apart, so the
    browser paints it before the rest (and the scripts at its end) have arrived."""
    server, url = serve(real_site.site, trickle=0.04)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver per session (its sync API allows only one at a time)."""
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium' (tools/ensure-chromium)")
    with sync_playwright() as pw:
        yield pw


def launch(playwright, tmp_path_factory, *, bypass_csp: bool):
    """A persistent Chromium context on an empty profile (a generator: yields the context)."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, locale="nl-NL",
        timezone_id="Europe/Amsterdam", bypass_csp=bypass_csp)
    yield context
    context.close()


@pytest.fixture(scope="session")
def browser(playwright, tmp_path_factory):
    # The site's Content-Security-Policy would block the test tools we inject (axe-core is added as an
    # inline script). tests/browser/test_csp.py runs its own context with the policy enforced.
    assert AXE.exists(), "axe-core ontbreekt: draai 'npm ci'"
    yield from launch(playwright, tmp_path_factory, bypass_csp=True)


@pytest.fixture()
def page(browser):
    """A fresh tab that records every request, so tests can assert nothing leaves the machine."""
    page = browser.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    page.close()


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})""")
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]
