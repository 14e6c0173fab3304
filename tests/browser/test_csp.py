"""The shipped Content-Security-Policy in Chromium: every page kind loads and works without a single
violation, search still returns results, and no request goes to unpkg.com for a polyfill.

The site is served with the headers of site/_headers (as Netlify or Cloudflare Pages would send them),
so the browser enforces both the header and the <meta> policy of each page."""
from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.conftest import launch
from tests.browser.test_accessibility import PAGES

LISTEN = """
window.__kbViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__kbViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""


def _headers(site: Path) -> dict[str, str]:
    text = (site / "_headers").read_text(encoding="utf-8")
    block = text.split("# --- kennisbank: security headers", 1)[1]
    return dict(re.findall(r"^\s+([A-Za-z-]+): (.+)$", block, re.M))


@pytest.fixture(scope="module")
def csp_url(real_site):
    headers = _headers(real_site.site)

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, format, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(real_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def strict_browser(playwright, tmp_path_factory):
    """Chromium with the page's policy enforced (the shared `browser` bypasses it for axe-core)."""
    yield from launch(playwright, tmp_path_factory, bypass_csp=False)


@pytest.fixture()
def watched(strict_browser):
    page = strict_browser.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.console_messages = []  # type: ignore[attr-defined]
    page.on("console", lambda m: page.console_messages.append(m.text))
    page.add_init_script(LISTEN)
    yield page
    page.close()


def _violations(page) -> list[str]:
    found = page.evaluate("window.__kbViolations")
    found += [m for m in page.console_messages if "Content Security Policy" in m or "Content-Security-Policy" in m]
    return found


def _open(page, base, path):
    page.goto(base + (path if path != "bestaat-niet/" else "404.html"))
    page.wait_for_load_state("networkidle")


def test_the_header_and_meta_policies_agree(real_site):
    header = _headers(real_site.site)["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in header and "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    header_hashes = set(re.findall(r"'sha256-[^']+'", header))
    for path in real_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        [meta] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        meta = meta.replace("&#39;", "'")
        assert set(re.findall(r"'sha256-[^']+'", meta)) <= header_hashes, path
        assert re.sub(r" 'sha256-[^']+'", "", meta) + "; frame-ancestors 'none'" == re.sub(r" 'sha256-[^']+'", "", header)
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in html


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_kind_runs_without_a_policy_violation(watched, csp_url, kind):
    _open(watched, csp_url, PAGES[kind])
    assert watched.evaluate("typeof __md_get") == "function"  # Material's inline script ran
    assert watched.evaluate("document.documentElement.classList.contains('js')")  # and its bundle
    assert _violations(watched) == []


def test_search_returns_results_under_the_policy(watched, csp_url):
    _open(watched, csp_url, "")
    watched.keyboard.press("/")
    watched.keyboard.type("regiotafel", delay=20)
    watched.wait_for_selector(".md-search-result__item", timeout=10000)
    assert watched.locator(".md-search-result__item").count() > 0
    assert _violations(watched) == []


def test_palette_toggle_and_library_filter_run_under_the_policy(watched, csp_url):
    _open(watched, csp_url, "goede-voorbeelden/?thema=huisvesting")
    watched.click("label.md-header__button[for^='__palette']:visible")
    watched.select_option("#kb-facet-thema", "")
    _open(watched, csp_url, "agenda/")
    assert _violations(watched) == []


def test_without_resize_observer_nothing_is_fetched_from_unpkg(watched, csp_url):
    watched.add_init_script("delete window.ResizeObserver;")
    _open(watched, csp_url, "")
    hosts = [u for u in watched.requests if "unpkg.com" in u]
    assert hosts == []
    assert watched.evaluate("window.ResizeObserver.name") == "LocalResizeObserver"
    watched.keyboard.press("/")
    watched.keyboard.type("regiotafel", delay=20)
    watched.wait_for_selector(".md-search-result__item", timeout=10000)
    assert _violations(watched) == []


def test_the_policy_blocks_an_injected_inline_script_and_the_test_sees_it(watched, csp_url):
    _open(watched, csp_url, "")
    watched.evaluate("""() => { const s = document.createElement('script');
                                s.textContent = 'window.__kbRan = true'; document.body.appendChild(s); }""")
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.__kbRan") is None
    assert any("script-src" in v for v in _violations(watched))
