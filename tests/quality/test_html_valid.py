"""Every built page is valid HTML for the W3C Nu Html Checker (vnu-jar from npm), in one Java process."""
from __future__ import annotations

import json

import pytest

from tests.quality.conftest import require_npm_package, require_tool, run

pytestmark = pytest.mark.npm


def test_every_page_passes_the_nu_html_checker(real_site):
    java = require_tool("java", "installeer een Java-runtime (tools/ensure-java doet dat met apt-get)")
    jar = require_npm_package("vnu-jar", "build", "dist", "vnu.jar")
    pages = sorted(str(p) for p in real_site.site.rglob("*.html"))
    assert len(pages) > 10
    proc = run([java, "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages], timeout=600)
    messages = json.loads(proc.stderr)["messages"]
    problems = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
                f"\n    {m.get('extract', '').strip()[:160]}"
                for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert not problems, f"{len(problems)} fouten:\n" + "\n".join(problems[:40])
