"""What the preview keeps of the theme between rebuilds: compiled templates and the installed theme's
file list.

Each rebuild, MkDocs makes a new Jinja environment for the theme, and so do Material's search and blog
plugins, which load ``partials/language.html`` (and the Dutch and English strings it imports) to
translate a few words: every template was compiled again, each time. MkDocs also lists every file of
the theme to find the static files it copies: Material's package holds 14,000 icons. At 1,000 practices
both together were about a tenth of a second of every rebuild. A build installs the file list too (the
listing skips hidden folders, so Material's 14,000 icons are never walked), without keeping anything.

``ThemeCache.install`` wraps ``config.theme.get_env`` (a new ``Theme`` per rebuild) so that every
environment it returns shares one bytecode cache, keyed by Jinja on each template's source checksum:
an edited override is compiled anew. The listing of the installed theme folders (not ``custom_dir``,
our overrides, which is listed every time) is made once per process, without hidden paths: MkDocs'
static-file filter drops those anyway (``.*`` and ``*/.*``; a test compares the files MkDocs adds
with and without this cache).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from jinja2 import Environment, FileSystemLoader

from ..core.render.env import MemoryBytecodeCache


def _visible_files(folder: str) -> list[str]:
    """What ``FileSystemLoader(folder).list_templates()`` lists, without hidden files and without
    walking hidden folders: Material's ``.icons`` alone holds 14,000 files (60 ms to list, and MkDocs
    then matched each against its filters; a build does this once too)."""
    found = []
    for path, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(path, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + f for f in files if not f.startswith(".")]
    return sorted(found)


class ThemeCache:
    def __init__(self) -> None:
        self.bytecode = MemoryBytecodeCache()
        self._listings: dict[str, list[str]] = {}

    def install(self, theme: Any) -> None:
        """Make ``theme.get_env()`` return environments that use this cache."""
        make: Callable[[], Environment] = theme.get_env
        if getattr(make, "kennisbank_cached", False):
            return
        dirs = list(theme.dirs)
        installed = {d for d in dirs if d != theme.custom_dir}

        def get_env() -> Environment:
            env = make()
            env.bytecode_cache = self.bytecode
            env.list_templates = partial(self.list_templates, dirs, installed)  # type: ignore[method-assign]
            return env

        get_env.kennisbank_cached = True  # type: ignore[attr-defined]
        theme.get_env = get_env

    def _listing(self, folder: str, installed: bool) -> Iterable[str]:
        if not installed:
            return FileSystemLoader(folder).list_templates()
        if folder not in self._listings:
            self._listings[folder] = _visible_files(folder)
        return self._listings[folder]

    def list_templates(self, dirs: list[str], installed: set[str], extensions: Iterable[str] | None = None,
                       filter_func: Callable[[str], bool] | None = None) -> list[str]:
        """``Environment.list_templates`` over the theme's folders, the installed ones from the cache."""
        names = sorted({n for d in dirs for n in self._listing(d, d in installed)})
        if extensions is not None:
            wanted = set(extensions)
            names = [n for n in names if "." in n and n.rsplit(".", 1)[1] in wanted]
        if filter_func is not None:
            names = [n for n in names if filter_func(n)]
        return names
