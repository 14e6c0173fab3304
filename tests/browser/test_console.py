"""No page requests anything that is not there: a 404 or a console error is a broken promise to a reader
(Lighthouse's best-practices score counts them too)."""
from __future__ import annotations

import pytest

from tests.browser.test_accessibility import PAGES


@pytest.mark.parametrize("kind", [k for k in PAGES if k != "404"])
def test_no_failed_request_and_no_console_error(page, site_url, kind):
    failed, errors = [], []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert failed == [] and errors == [], (failed, errors)
