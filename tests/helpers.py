"""One builder for fixture sites: copy the real config, point it at fixture docs/ and data/, build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import html5lib
import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@dataclass
class Build:
    root: Path
    site: Path
    returncode: int
    output: str

    def html(self, url: str) -> str:
        path = self.site / url.strip("/") / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")

    def parse(self, url: str):
        return html5lib.parse(self.html(url), namespaceHTMLElements=False)


def site_config(root: Path, **overrides: object) -> Path:
    """The repository's mkdocs.yml with repository paths made absolute, written into ``root``."""
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["theme"]["custom_dir"] = str(REPO / "overrides")
    cfg["hooks"] = [str(REPO / "macros" / "hooks.py")]
    for plugin in cfg["plugins"]:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin["macros"]["module_name"] = str(REPO / "macros" / "main")
    cfg["docs_dir"] = str(root / "docs")
    cfg["site_dir"] = str(root / "site")
    cfg.update(overrides)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_data(target: Path, *, records: bool = True) -> Path:
    """A copy of data/ (taxonomies and schemas always; the real records only if asked)."""
    shutil.copytree(DATA, target, ignore=None if records else shutil.ignore_patterns("goede-voorbeelden", "evenementen"))
    (target / "goede-voorbeelden").mkdir(exist_ok=True)
    (target / "evenementen").mkdir(exist_ok=True)
    return target


def write_record(data: Path, folder: str, rid: str, record: dict | str) -> Path:
    path = data / folder / f"{rid}.yaml"
    text = record if isinstance(record, str) else yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def build(root: Path, *, docs: Path | None = None, env: dict | None = None, strict: bool = True) -> Build:
    """Build the site in ``root`` (which holds data/) in a fresh process, like `make build` does."""
    if not (root / "docs").exists():
        shutil.copytree(docs or REPO / "docs", root / "docs")
    config = site_config(root)
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=root, env=run_env, capture_output=True, text=True, timeout=600)
    return Build(root, root / "site", proc.returncode, proc.stdout + proc.stderr)


def practice(**fields: object) -> dict:
    """A valid good practice for tests (synthetic; lives only in temp dirs)."""
    base = {
        "titel": "Testpraktijk huisvesting",
        "samenvatting": "Een korte samenvatting.",
        "beschrijving": "Een beschrijving in **Markdown**.",
        "themas": ["huisvesting"],
        "scope": {"niveau": "gemeente", "gemeenten": ["GM0855"]},
        "jaar": 2020,
        "status": "lopend",
        "bron": "pva-2019",
        "bijgewerkt": "2026-11-23",
    }
    base.update(fields)
    return base


def event(**fields: object) -> dict:
    base = {
        "titel": "Testbijeenkomst",
        "soort": "regiotafel",
        "start": "2030-03-14T14:00",
        "einde": "2030-03-14T16:30",
        "locatie": {"naam": "Provinciehuis", "adres": "Brabantlaan 1, 's-Hertogenbosch"},
        "regio": "de-peel",
        "beschrijving": "Een bijeenkomst.",
        "status": "gepland",
        "bron": "pva-2019",
        "bijgewerkt": "2026-11-23",
    }
    base.update(fields)
    return base
