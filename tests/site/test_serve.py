"""`make serve` keeps running when a page calls a macro that does not exist; the page shows the error.
`make build` (and so CI) still fails on it."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.helpers import REPO, build, copy_data, site_config

pytestmark = pytest.mark.site

PAGE = "---\nrender_macros: true\n---\n\n# Proef\n\n{{ bestaat_niet() }}\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_shows_an_unknown_macro_in_the_page_and_keeps_running(tmp_path):
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "agenda" / "proef.md").write_text(PAGE, encoding="utf-8")
    config = site_config(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "-f", str(config),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        html = None
        deadline = time.monotonic() + 120
        while html is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
            html = _get(f"http://127.0.0.1:{port}/agenda/proef/")
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        assert html is not None
        assert "Fout in deze pagina" in html and "bestaat_niet" in html
        assert "kb-card" in (_get(f"http://127.0.0.1:{port}/goede-voorbeelden/") or "")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    result = build(tmp_path)
    assert result.returncode != 0
    assert "bestaat_niet" in result.output
