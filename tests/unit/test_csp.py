"""Content-Security-Policy helpers, the _headers block and rel="noopener" on links to other sites."""
from __future__ import annotations

import markdown
import pytest

from macros.adapters.csp import BLOCK_START, CspCollector, inline_scripts, policy, source_hash


def _page(scripts: list[str], allowed: set[str]) -> str:
    meta = policy(allowed).replace("'", "&#39;")
    body = "".join(f"<script>{s}</script>" for s in scripts)
    return (f'<head><meta http-equiv="Content-Security-Policy" content="{meta}"></head><body>{body}'
            '<script src="x.js"></script><script id="__config" type="application/json">{"a": 1}</script></body>')


def test_inline_scripts_are_the_ones_a_browser_runs():
    assert inline_scripts(_page(["a()", "b()"], set())) == ["a()", "b()"]


def test_verify_fails_on_a_script_the_page_policy_does_not_allow():
    csp = CspCollector()
    csp.verify(_page(["a()"], {source_hash("a()")}), "ok.md")
    with pytest.raises(ValueError, match="nieuw.md"):
        csp.verify(_page(["a()", "nieuw()"], {source_hash("a()")}), "nieuw.md")
    with pytest.raises(ValueError, match="geen Content-Security-Policy"):
        csp.verify("<script>a()</script>", "zonder.md")


def test_the_preview_policy_lets_live_reload_run_and_still_checks_our_pages():
    """MkDocs writes a different reload script into every response under `mkdocs serve`: no hash can
    allow it, and a hash in the list would switch 'unsafe-inline' off."""
    preview = policy({source_hash("a()")}, preview=True)
    assert "script-src 'self' 'unsafe-inline';" in preview and "sha256" not in preview
    assert "default-src 'self'" in preview and "object-src 'none'" in preview
    csp = CspCollector(preview=True)
    csp.allowed.add(source_hash("a()"))
    page = _page(["a()"], set()).replace(policy(set()).replace("'", "&#39;"), preview.replace("'", "&#39;"))
    csp.verify(page, "ok.md")
    with pytest.raises(ValueError, match="nieuw.md"):  # a script a build would block still fails the preview
        csp.verify(page.replace("<script>a()</script>", "<script>a()</script><script>nieuw()</script>"), "nieuw.md")


def test_the_headers_block_is_appended_once_to_an_existing_file(tmp_path):
    (tmp_path / "_headers").write_text("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n")
    csp = CspCollector()
    csp.allowed.add(source_hash("a()"))
    csp.write_headers(tmp_path)
    csp.write_headers(tmp_path)  # a second (dirty) build replaces our block
    text = (tmp_path / "_headers").read_text()
    assert text.startswith("/assets/*\n  Cache-Control") and text.count(BLOCK_START) == 1
    assert source_hash("a()") in text and "frame-ancestors 'none'" in text and "Referrer-Policy:" in text


def test_markdown_links_to_other_sites_get_noopener():
    html = markdown.markdown("[a](https://example.org/) [b](../pagina.md) [c](http://x.test/){: rel=me}",
                             extensions=["attr_list", "macros.core.render.external_links"])
    assert '<a href="https://example.org/" rel="noopener">a</a>' in html
    assert '<a href="../pagina.md">b</a>' in html
    assert 'rel="me noopener"' in html
