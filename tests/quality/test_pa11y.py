"""A second accessibility engine next to axe-core: pa11y with HTML_CodeSniffer (WCAG2AA), one page of
each kind, all in one Chromium (tools/pa11y-pages.cjs)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from macros.core.catalog import load_catalog
from macros.dev.chromium import CHROMIUM
from macros.dev.static_server import serve
from tests.helpers import DATA, REPO
from tests.quality.conftest import require_npm_package, require_tool, run

pytestmark = [pytest.mark.npm, pytest.mark.browser]


def page_kinds() -> dict[str, str]:
    cat = load_catalog(DATA)
    return {
        "home": "",
        "bibliotheek": "goede-voorbeelden/",
        "goed voorbeeld": f"goede-voorbeelden/{sorted(cat.practices)[0]}/",
        # a theme with practices (listings without any are not published)
        "thema": f"goede-voorbeelden/thema/{sorted({t for p in cat.practices.values() for t in p.themas})[0]}/",
        "regio": f"goede-voorbeelden/regio/{sorted({r for p in cat.practices.values() for r in p.region_ids})[0]}/",
        "agenda": "agenda/",
        "evenement": f"agenda/{sorted(cat.events)[0]}/",
        "gemeenten": "gemeenten/",
        "inhoudspagina": "aanpak/",
        "404": "404.html",
    }


def test_every_page_kind_has_no_html_codesniffer_errors(real_site):
    node = require_tool("node", "installeer Node.js met npm")
    require_npm_package("pa11y", "package.json")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: tools/ensure-chromium")
    kinds = page_kinds()
    for path in kinds.values():
        assert (real_site.site / (path if path.endswith(".html") else path + "index.html")).exists(), path
    server, base = serve(real_site.site)
    try:
        proc = run([node, str(REPO / "tools" / "pa11y-pages.cjs"), *(base + p for p in kinds.values())],
                   timeout=600, env={**os.environ, "KENNISBANK_CHROMIUM": CHROMIUM})
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout)
    problems = [f"{kind} ({path or '/'}): {i['code']}: {i['message']} [{i['selector']}]"
                for kind, path in kinds.items() for i in results[base + path] if i["type"] == "error"]
    assert not problems, "\n".join(problems)
