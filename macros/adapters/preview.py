"""What only the preview (`mkdocs serve`) does to rebuild quickly.

Record bodies whose inputs did not change are kept (``BodyCache``); the garbage collector runs between
rebuilds (``IdleCollector``); a record page made of exactly the same parts as before is moved back from
the previous site instead of being written (``page_token``, used by ``site_recycler.SiteRecycler``).
"""
from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")


class IdleCollector:
    """The garbage collector runs between rebuilds, not during them.

    Python's cyclic collector starts by itself as objects pile up; with the catalog, the pages and the
    caches of 1,000 practices alive, a full collection took about 0.1 s, once in most rebuilds. Under
    `mkdocs serve` a rebuild now runs with the collector off (``building``); a second after it
    (``built``), when the preview is idle, a collection runs and the collector is on again until the
    next rebuild. After the first build everything alive (modules, templates, caches) is moved out of
    the collector's sight (``gc.freeze``), so a collection looks at what later rebuilds made: about
    0.03 s. Every ``FULL_EVERY``-th pause the frozen objects are looked at too (what the first build
    left behind), and what survives is frozen again."""

    DELAY_S = 1.0
    FULL_EVERY = 20

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._building = False
        self._pauses = 0

    def building(self) -> None:
        with self._lock:
            self._building = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        gc.disable()

    def built(self) -> None:
        with self._lock:
            self._building = False
            self._timer = threading.Timer(self.DELAY_S, self._collect)
            self._timer.daemon = True
            self._timer.name = "kennisbank-gc"
            self._timer.start()

    def _collect(self) -> None:
        with self._lock:
            if self._building:
                return
            full = self._pauses % self.FULL_EVERY == 0
            self._pauses += 1
            if full:
                gc.unfreeze()
            gc.collect()
            if full:
                gc.freeze()
            gc.enable()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        gc.unfreeze()
        gc.enable()


def page_token(*parts: str | None) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass") + b"\0")
    return h.digest()


class BodyCache:
    """Record bodies (and search entries) kept between rebuilds: one is made again only when what it is
    made from changed (``GeneratedPage.inputs``, compared by value), or anything site-wide did
    (taxonomies, build date, our templates: ``begin`` empties the cache then)."""

    def __init__(self) -> None:
        self._site: object = None
        self._kept: dict[str, tuple[object, Any]] = {}

    def begin(self, site: object) -> None:
        if site != self._site:
            self._kept.clear()
            self._site = site

    def get(self, key: str, inputs: Callable[[], object], make: Callable[[], T]) -> T:
        now = inputs()
        kept = self._kept.get(key)
        if kept is not None and kept[0] == now:
            return cast(T, kept[1])
        value = make()
        self._kept[key] = (now, value)
        return value

    def keep(self, key: str, inputs: object, make: Callable[[], T]) -> T:
        """``get`` with the inputs at hand (a ``macros.core.memo.Memo``)."""
        return self.get(key, lambda: inputs, make)


def templates_fingerprint(folder: Path) -> str:
    """One digest of every file under ``folder`` (names and bytes)."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()
