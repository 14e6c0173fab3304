"""mkdocs-macros' git queries are skipped (macros/adapters/macros_git.py): no `git` process per build."""
from __future__ import annotations

import subprocess

import mkdocs_macros.context as macros_context
from mkdocs.config import load_config

from tests.helpers import REPO


def test_loading_the_config_runs_no_git_command(monkeypatch):
    commands = []
    real = subprocess.check_output

    def spy(cmd, *args, **kwargs):
        commands.append(cmd)
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(macros_context.subprocess, "check_output", spy)
    monkeypatch.setattr(macros_context, "get_git_info", macros_context.get_git_info)  # undone after the test
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    macros = config.plugins["macros"]
    assert [c for c in commands if c and c[0] == "git"] == []
    assert macros.variables["git"] == {"status": False, "date": None}
