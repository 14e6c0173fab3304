"""One builder for fixture sites: copy the real config, point it at fixture docs/ and data/, build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"


@dataclass
class BuiltSite:
    root: Path
    site: Path
    returncode: int
    output: str

    def html(self, url: str) -> str:
        path = self.site / url.strip("/") / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")

    def parse(self, url: str) -> Any:
        import html5lib
        return html5lib.parse(self.html(url), namespaceHTMLElements=False)


def site_config(root: Path, **overrides: object) -> Path:
    """The repository's mkdocs.yml with repository paths made absolute, written into ``root``."""
    cfg = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["theme"]["custom_dir"] = str(REPO / "overrides")
    cfg["docs_dir"] = str(root / "docs")
    cfg["site_dir"] = str(root / "site")
    cfg.update(overrides)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(root: Path, *, docs: Path | None = None, env: dict[str, str] | None = None, strict: bool = True) -> BuiltSite:
    """Build the site in ``root`` (which holds data/) in a fresh process, like `make build` does."""
    if not (root / "docs").exists():
        shutil.copytree(docs or REPO / "docs", root / "docs")
    config = site_config(root)
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=root, env=run_env, capture_output=True, text=True, timeout=600)
    return BuiltSite(root, root / "site", proc.returncode, proc.stdout + proc.stderr)
