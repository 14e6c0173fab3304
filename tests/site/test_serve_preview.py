"""`make serve` with broken data keeps serving and shows the errors on every page, in Dutch."""
from __future__ import annotations

import shutil

import pytest

from macros.dev.mkdocs_serve import get, serving, wait_for
from tests.helpers import REPO, build, copy_data, practice, site_config, write_record

pytestmark = pytest.mark.site
TODAY = {"KENNISBANK_TODAY": "2026-11-24"}


def _site(tmp_path, broken: bool = False):
    data = copy_data(tmp_path / "data", records=False)
    if broken:
        write_record(data, "goede-voorbeelden", "kapot", 'titel: "niet afgesloten\n')
    else:
        write_record(data, "goede-voorbeelden", "goed", practice(titel="Een goede praktijk"))
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    return data, site_config(tmp_path)


def test_broken_data_keeps_the_last_good_site_and_shows_the_errors(tmp_path):
    data, config = _site(tmp_path)
    with serving(config, TODAY) as (url, _):
        page = url + "goede-voorbeelden/goed/"
        wait_for(page, lambda html: "Een goede praktijk" in html)
        write_record(data, "goede-voorbeelden", "goed", practice(titel="Bewerkt", themas=["bestaat-niet"]))
        html = wait_for(url, lambda html: "data-kb-preview-errors" in html)
        assert "1 fout in de data." in html and "U ziet de laatste versie zonder fouten." in html
        assert "data/goede-voorbeelden/goed.yaml" in html and "thema &#39;bestaat-niet&#39; bestaat niet" in html
        assert "Een goede praktijk" in (get(page) or "")  # the last good version, still served
        write_record(data, "goede-voorbeelden", "goed", practice(titel="Weer goed"))
        html = wait_for(page, lambda html: "Weer goed" in html)
        assert "data-kb-preview-errors" not in html


def test_serve_starts_with_broken_data_and_says_what_is_wrong(tmp_path):
    _, config = _site(tmp_path, broken=True)
    with serving(config) as (url, _):
        html = wait_for(url + "agenda/", lambda h: "data-kb-preview-errors" in h)
        assert "De site toont nog geen gegevens uit data/." in html and "data/goede-voorbeelden/kapot.yaml" in html


def test_a_real_build_still_fails_on_broken_data(tmp_path):
    _site(tmp_path, broken=True)
    result = build(tmp_path)
    assert result.returncode != 0 and "data/goede-voorbeelden/kapot.yaml" in result.output
    assert "data-kb-preview-errors" not in result.output
