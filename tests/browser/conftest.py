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
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium' (tools/ensure-chromium)")
    assert AXE.exists(), "axe-core ontbreekt: draai 'npm ci'"
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, locale="nl-NL",
            timezone_id="Europe/Amsterdam")
        yield context
        context.close()


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
