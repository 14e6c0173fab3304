"""`make serve` rebuilds in one process: every rebuild must see edited data and templates."""
from __future__ import annotations

import shutil

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from macros.core.render import env as render_env
from tests.helpers import REPO, copy_data, practice, site_config, write_record

pytestmark = pytest.mark.site


def _build_in_process(config_file) -> None:
    cfg = load_config(str(config_file))  # as `mkdocs serve` does before each rebuild
    cfg.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def test_an_edited_template_is_used_by_the_next_build_in_the_same_process(tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    shutil.copytree(render_env.TEMPLATES, templates)
    monkeypatch.setattr(render_env, "TEMPLATES", templates)
    monkeypatch.setenv("KENNISBANK_TODAY", "2026-11-24")
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "goede-voorbeelden", "proef", practice(titel="Proefpraktijk"))
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    config = site_config(tmp_path)
    page = tmp_path / "site" / "goede-voorbeelden" / "proef" / "index.html"

    _build_in_process(config)
    assert "Proefpraktijk" in page.read_text(encoding="utf-8")
    assert "Sjabloon aangepast" not in page.read_text(encoding="utf-8")

    practice_tpl = templates / "practice.html"
    practice_tpl.write_text(practice_tpl.read_text(encoding="utf-8").replace(
        "<h2>Beschrijving</h2>", "<h2>Beschrijving</h2><p>Sjabloon aangepast</p>"), encoding="utf-8")
    write_record(data, "goede-voorbeelden", "proef", practice(titel="Proefpraktijk bewerkt"))
    _build_in_process(config)
    html = page.read_text(encoding="utf-8")
    assert "Sjabloon aangepast" in html
    assert "Proefpraktijk bewerkt" in html
