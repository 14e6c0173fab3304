"""`make serve` keeps running when a page calls a macro that does not exist; the page shows the error.
`make build` (and so CI) still fails on it."""
from __future__ import annotations

import shutil

import pytest

from macros.dev.mkdocs_serve import get, serving, wait_for
from tests.helpers import REPO, build, copy_data, site_config

pytestmark = pytest.mark.site

PAGE = "---\nrender_macros: true\n---\n\n# Proef\n\n{{ bestaat_niet() }}\n"


def test_serve_shows_an_unknown_macro_in_the_page_and_keeps_running(tmp_path):
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "agenda" / "proef.md").write_text(PAGE, encoding="utf-8")
    config = site_config(tmp_path)
    with serving(config, livereload=False) as (url, proc):
        html = wait_for(url + "agenda/proef/", lambda page: True, timeout=120)
        assert proc.poll() is None
        assert "Fout in deze pagina" in html and "bestaat_niet" in html
        assert "kb-card" in (get(url + "goede-voorbeelden/") or "")

    result = build(tmp_path)
    assert result.returncode != 0
    assert "bestaat_niet" in result.output
