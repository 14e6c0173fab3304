"""What only the preview (`mkdocs serve`) does to rebuild quickly.

Record bodies whose inputs did not change are kept (``BodyCache``). And the previous site is put aside
instead of being deleted by MkDocs file by file (``SiteRecycler``):

MkDocs empties ``site_dir`` before every build, one ``rmdir`` per page folder: with a thousand record
pages that is a large share of a rebuild on a slow disk. Before MkDocs cleans, the previous site's
entries are moved (one rename each, a few dozen) into a folder beside it; MkDocs then finds an empty
folder, and a background thread deletes the old site while the rebuild goes on. A record page made of
exactly the same parts as before is moved back (one rename) instead of being filled in and written.
"""
from __future__ import annotations

import gc
import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")


class SiteRecycler:
    """The previous site, set aside before MkDocs cleans ``site_dir``; record pages that did not change
    are moved back from it. A page is "unchanged" when its token (a digest of everything its HTML is
    made of: shell, title, URLs, description, body, preview banner) equals the last build's."""

    def __init__(self) -> None:
        self._old: Path | None = None
        self._tokens: dict[str, bytes] = {}
        self._previous: dict[str, bytes] = {}
        self._sweepers: list[threading.Thread] = []
        self._count = 0
        self._made: set[str] = set()  # folders in site_dir made for pages moved back, this build

    def set_aside(self, site_dir: Path) -> None:
        """Move the previous build's files out of ``site_dir`` (called before MkDocs cleans it)."""
        self.finish()
        self._previous, self._tokens = self._tokens, {}
        self._made = set()
        if not site_dir.is_dir() or not any(site_dir.iterdir()):
            return
        self._count += 1
        old = site_dir.with_name(f"{site_dir.name}.kb-vorige-{os.getpid()}-{self._count}")
        old.mkdir()
        for entry in site_dir.iterdir():
            os.rename(entry, old / entry.name)
        self._old = old

    def reuse(self, page_dir: str, token: bytes, site_dir: Path) -> bool:
        """Move the page's folder (``goede-voorbeelden/x``, holding only its index.html) back from the
        previous site when its token is the same; False when it must be written."""
        self._tokens[page_dir] = token
        if self._old is None or self._previous.get(page_dir) != token:
            return False
        old = os.path.join(self._old, page_dir)
        try:
            if os.listdir(old) != ["index.html"]:
                return False
            target = os.path.join(site_dir, page_dir)
            parent = os.path.dirname(target)
            if parent not in self._made:
                os.makedirs(parent, exist_ok=True)
                self._made.add(parent)
            os.rename(old, target)
        except OSError:
            return False
        return True

    def finish(self, after: float = 0.0) -> None:
        """Delete the set-aside site in the background, ``after`` seconds from now (the preview does
        not wait for it)."""
        old, self._old = self._old, None
        self._sweepers = [t for t in self._sweepers if t.is_alive()]
        if old is not None:
            sweeper = threading.Timer(after, shutil.rmtree, args=(old,), kwargs={"ignore_errors": True})
            sweeper.name, sweeper.daemon = "kennisbank-sweeper", True
            sweeper.start()
            self._sweepers.append(sweeper)

    def close(self) -> None:
        """Wait for the deletions (at the end of `mkdocs serve`)."""
        self.finish()
        for t in self._sweepers:
            t.join()
        self._sweepers = []


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
