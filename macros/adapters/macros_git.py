"""mkdocs-macros without its git queries.

On every ``on_config`` (each build, and each rebuild of the preview) mkdocs-macros runs twelve ``git``
commands (``mkdocs_macros.context.get_git_info``) to offer pages a ``git`` variable: about 25 ms per
build on this machine. Our pages never see it: they render in ``sandbox.PageSandbox``, without the
page variables mkdocs-macros hands them. So the plugin puts in its place, once per process, the answer
mkdocs-macros itself gives outside a repository.
"""
from __future__ import annotations

from typing import Any

import mkdocs_macros.context as macros_context


def _no_git_info() -> dict[str, Any]:
    return {"status": False, "date": None}


def skip_git_info() -> None:
    """Idempotent. Fails loudly if mkdocs-macros no longer has the function (an upgrade: look again)."""
    if not callable(getattr(macros_context, "get_git_info", None)):
        raise RuntimeError("mkdocs-macros heeft geen get_git_info meer: kijk macros/adapters/macros_git.py na")
    macros_context.get_git_info = _no_git_info
