"""Quality gates over the real built site: W3C Nu Html Checker, pa11y, reproducible builds, links.

The external tools come from npm (`npm ci`: vnu-jar, pa11y) plus Java and Debian's Chromium; `.ci/run`
and `make test` install them. A missing tool fails the test, it never skips it.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO

NODE_MODULES = REPO / "node_modules"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/quality/" in str(item.fspath):
            item.add_marker(pytest.mark.site)


def require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} ontbreekt: {hint}")
    return path


def require_npm_package(*parts: str) -> Path:
    path = NODE_MODULES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path.relative_to(REPO)} ontbreekt: draai 'npm ci' (of 'make browser-deps')")
    return path


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)
