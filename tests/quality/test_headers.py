"""The `_headers` file at the site root (Netlify / Cloudflare Pages) and the local host-like server."""
from __future__ import annotations

import gzip
import sys
import urllib.request
from fnmatch import fnmatchcase

import pytest

from tests.helpers import REPO

sys.path.insert(0, str(REPO / "tools"))
from serve_static import parse_headers_file, start  # noqa: E402

pytestmark = pytest.mark.site


def test_headers_file_is_at_the_site_root_with_a_referrer_policy_for_every_path(real_site):
    rules = parse_headers_file(real_site.site / "_headers")
    everything = [headers for pattern, headers in rules if pattern.match("/") and pattern.match("/agenda/x.ics")]
    assert any(name == "Referrer-Policy" for headers in everything for name, _ in headers)


def test_every_cache_rule_matches_a_built_file_and_no_file_gets_two_cache_controls(real_site):
    site = real_site.site
    rules = parse_headers_file(site / "_headers")
    urls = ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    for pattern, headers in rules:
        if any(name == "Cache-Control" for name, _ in headers):
            assert any(pattern.match(u) for u in urls), f"no built file matches {pattern.pattern}"
    for url in urls:
        n = sum(1 for pattern, headers in rules if pattern.match(url) for name, _ in headers if name == "Cache-Control")
        assert n <= 1, url
        if fnmatchcase(url, "*.html") or url.endswith(".ics") or url.endswith("search_index.json"):
            assert n == 0, f"{url} must revalidate (host default), not be cached"


def test_the_local_server_compresses_text_and_applies_the_headers(real_site):
    server, base = start(real_site.site)
    try:
        req = urllib.request.Request(base + "goede-voorbeelden/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req) as resp:
            assert resp.headers["Content-Encoding"] == "gzip"
            assert resp.headers["Referrer-Policy"]
            assert b"<html" in gzip.decompress(resp.read())
        css = next(p for p in (real_site.site / "assets" / "stylesheets").glob("main.*.min.css"))
        with urllib.request.urlopen(base + f"assets/stylesheets/{css.name}") as resp:
            assert "immutable" in resp.headers["Cache-Control"]
            assert resp.headers.get("Content-Encoding") is None  # the client did not ask for gzip
    finally:
        server.shutdown()
