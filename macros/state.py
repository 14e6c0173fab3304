"""One catalog and site model per build, shared by the MkDocs hook and the macros module.

Reloaded only when a file under data/ changes (fingerprint of paths, sizes and mtimes), so
``mkdocs serve`` picks up edits without re-reading unchanged data on every page.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, load_catalog
from .site.registry import SiteModel
from .site.views import build_today


@dataclass
class BuildState:
    data_dir: Path
    fingerprint: tuple
    today: dt.date
    catalog: Catalog
    model: SiteModel


_current: BuildState | None = None


class Slots:
    """HTML set aside by a macro and put into the finished page (``<!--kb-slot:N-->``)."""

    _RE = re.compile(r"<!--kb-slot:(\d+)-->")

    def __init__(self) -> None:
        self._html: dict[int, str] = {}
        self._next = itertools.count()

    def put(self, html: str) -> str:
        n = next(self._next)
        self._html[n] = html
        return f"\n\n<!--kb-slot:{n}-->\n\n"

    def fill(self, output: str) -> str:
        if "<!--kb-slot:" not in output:
            return output
        return self._RE.sub(lambda m: self._html.pop(int(m.group(1))), output)


slots = Slots()


def _fingerprint(data_dir: Path) -> tuple:
    items = []
    for p in sorted(data_dir.rglob("*")):
        try:
            st = p.stat()
        except OSError:
            continue
        items.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(items)


def data_dir_for(config_file: str | None, extra: dict) -> Path:
    base = Path(config_file).resolve().parent if config_file else Path.cwd()
    rel = (extra.get("kennisbank") or {}).get("data_dir", "data")
    return (base / rel).resolve()


def load(data_dir: Path) -> BuildState:
    """The state for ``data_dir``; raises CatalogError when the data is invalid."""
    global _current
    fp = _fingerprint(data_dir)
    today = build_today()
    if _current and _current.data_dir == data_dir and _current.fingerprint == fp and _current.today == today:
        return _current
    cat = load_catalog(data_dir)
    _current = BuildState(data_dir, fp, today, cat, SiteModel(cat, today))
    return _current


def current() -> BuildState:
    if _current is None:
        raise RuntimeError("de catalogus is nog niet geladen (hooks.on_config draait eerst)")
    return _current
