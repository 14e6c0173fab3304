"""Every macro our module defines is one a page may call (and nothing else is)."""
from __future__ import annotations

from macros.adapters import macros_env


class _Env:
    def __init__(self) -> None:
        self.names: list[str] = []

    def macro(self, fn):
        self.names.append(fn.__name__)
        return fn


def test_page_macros_are_exactly_the_macros_define_env_registers():
    env = _Env()
    macros_env.define_env(env)
    assert sorted(env.names) == sorted(macros_env.PAGE_MACROS)
