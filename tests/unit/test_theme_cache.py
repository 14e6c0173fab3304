"""The preview's theme cache (macros/adapters/theme_cache.py): the files MkDocs takes from the theme are
the same with it, an override added between rebuilds is found, and theme environments share compiled
templates."""
from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from macros.adapters.theme_cache import ThemeCache
from tests.helpers import REPO, site_config


def _config(root: Path):
    (root / "docs").mkdir(exist_ok=True)
    return load_config(str(site_config(root)))


def _theme_files(config) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(f.src_uri, f.abs_src_path) for f in files]


def test_the_theme_files_mkdocs_copies_are_the_same_with_the_cache(tmp_path):
    plain = _theme_files(_config(tmp_path))
    assert any(uri.startswith("assets/javascripts/bundle.") for uri, _ in plain)
    cache = ThemeCache()
    for _ in range(2):  # the listing is made by the first rebuild and used by the next
        config = _config(tmp_path)
        cache.install(config.theme)
        assert _theme_files(config) == plain


def test_an_override_added_between_rebuilds_is_copied(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    theme = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    theme["custom_dir"] = str(overrides)
    (tmp_path / "docs").mkdir()
    path = site_config(tmp_path, theme=theme)
    cache = ThemeCache()
    config = load_config(str(path))
    cache.install(config.theme)
    assert "assets/nieuw.txt" not in {uri for uri, _ in _theme_files(config)}
    (overrides / "assets" / "nieuw.txt").write_text("nieuw", encoding="utf-8")
    config = load_config(str(path))
    cache.install(config.theme)
    assert "assets/nieuw.txt" in {uri for uri, _ in _theme_files(config)}


def test_theme_environments_share_compiled_templates(tmp_path, monkeypatch):
    cache = ThemeCache()
    compiled: list[str] = []
    for _ in range(3):  # MkDocs' environment and the ones Material's plugins make, every rebuild
        config = _config(tmp_path)
        cache.install(config.theme)
        env = config.theme.get_env()
        assert env.bytecode_cache is cache.bytecode
        original = env.compile
        monkeypatch.setattr(env, "compile", lambda source, name=None, *a, original=original, **k:
                            compiled.append(name) or original(source, name, *a, **k))
        # as Material translates: the template imports the strings of the site language
        assert env.get_template("partials/language.html", None, {"config": config}).module is not None
    assert compiled.count("partials/language.html") == 1
