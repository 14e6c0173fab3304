"""`make serve` with broken data keeps serving and shows the errors on every page, in Dutch."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.helpers import REPO, copy_data, practice, site_config, write_record

pytestmark = pytest.mark.site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return resp.read().decode("utf-8")


def _wait_for(url: str, predicate, timeout: float = 60) -> str:
    deadline, last = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url}; last page:\n{last[:2000]}")


@pytest.fixture()
def served(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "goede-voorbeelden", "goed", practice(titel="Een goede praktijk"))
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    config = site_config(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "KENNISBANK_TODAY": "2026-11-24"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield data, f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_broken_data_keeps_the_last_good_site_and_shows_the_errors(served):
    data, url = served
    page = url + "goede-voorbeelden/goed/"
    assert "Een goede praktijk" in _wait_for(page, lambda html: "Een goede praktijk" in html)
    write_record(data, "goede-voorbeelden", "goed", practice(titel="Bewerkt", themas=["bestaat-niet"]))
    html = _wait_for(url, lambda html: "data-kb-preview-errors" in html)
    assert "1 fout in de data." in html and "U ziet de laatste versie zonder fouten." in html
    assert "data/goede-voorbeelden/goed.yaml" in html and "thema &#39;bestaat-niet&#39; bestaat niet" in html
    assert "Een goede praktijk" in _get(page)  # the last good version, still served
    write_record(data, "goede-voorbeelden", "goed", practice(titel="Weer goed"))
    html = _wait_for(page, lambda html: "Weer goed" in html)
    assert "data-kb-preview-errors" not in html


def test_serve_starts_with_broken_data_and_says_what_is_wrong(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "goede-voorbeelden", "kapot", 'titel: "niet afgesloten\n')
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    config = site_config(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        html = _wait_for(f"http://127.0.0.1:{port}/agenda/", lambda h: "data-kb-preview-errors" in h)
        assert "De site toont nog geen gegevens uit data/." in html and "data/goede-voorbeelden/kapot.yaml" in html
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_real_build_still_fails_on_broken_data(tmp_path):
    from tests.helpers import build
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "goede-voorbeelden", "kapot", 'titel: "niet afgesloten\n')
    result = build(tmp_path)
    assert result.returncode != 0 and "data/goede-voorbeelden/kapot.yaml" in result.output
    assert "data-kb-preview-errors" not in result.output
