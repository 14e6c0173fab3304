"""The previous site is set aside instead of deleted, and its record page folders are taken back.

MkDocs empties ``site_dir`` before every build (``--clean``, the default), one ``unlink`` per file and
one ``rmdir`` per folder, and then creates them all again: with a thousand record pages that is a
couple of thousand inodes freed and allocated per build. On some file systems that is slow, and it
gets slower the more was deleted shortly before: ext4 without a journal skips the inodes freed in the
last minutes on every allocation (``recently_deleted`` in the kernel's ``find_inode_bit``), so each
rebuild of the same site allocated more slowly than the one before (ARCHITECTURE.md, "Performance").

So before MkDocs cleans, the previous site's entries are moved (one rename each, a few dozen) into a
folder beside ``site_dir``; MkDocs then finds an empty folder. A record page's folder is moved back
before the page is written into it, so writing the page overwrites an existing file (the same inode)
instead of creating folder and file anew. What was not taken back (pages and files this build does not
make again, MkDocs' own pages and assets) is deleted at the end: in a build before it returns, under
`mkdocs serve` in a background thread. The site that results is the same as after MkDocs' own
cleaning: every file is written by this build, and nothing else is left (tested).

Under `mkdocs serve` a page made of exactly the same parts as last time is not even written: its
folder is moved back as it is (``same_as_last``, keyed by ``page_token``).
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

ASIDE = ".kb-vorige-"  # <site_dir name>.kb-vorige-<pid>-<n>, beside site_dir


class SiteRecycler:
    def __init__(self) -> None:
        self._old: Path | None = None
        self._tokens: dict[str, bytes] = {}
        self._previous: dict[str, bytes] = {}
        self._sweepers: list[threading.Thread] = []
        self._stale: list[Path] = []
        self._count = 0
        self._made: set[str] = set()  # folders in site_dir made for pages moved back, this build

    def set_aside(self, site_dir: Path) -> None:
        """Move the previous build's files out of ``site_dir`` (called before MkDocs cleans it). Where
        that fails (a read-only parent, a mount point), what was not moved is left to MkDocs."""
        self.finish()
        self._previous, self._tokens = self._tokens, {}
        self._made = set()
        self._stale = _left_by_dead_builds(site_dir)
        if not site_dir.is_dir() or not any(site_dir.iterdir()):
            return
        self._count += 1
        old = site_dir.with_name(f"{site_dir.name}{ASIDE}{os.getpid()}-{self._count}")
        try:
            old.mkdir()
        except OSError:
            return
        self._old = old
        try:
            for entry in site_dir.iterdir():
                os.rename(entry, old / entry.name)
        except OSError:
            pass

    def same_as_last(self, page_dir: str, token: bytes) -> bool:
        """The preview: remember the page's token; True when it equals last build's (then the page's
        folder, once taken back, need not be written)."""
        self._tokens[page_dir] = token
        return self._previous.get(page_dir) == token

    def take_back(self, page_dir: str, site_dir: Path) -> bool:
        """Move the page's folder (``goede-voorbeelden/x``) back from the previous site when it holds
        only its ``index.html``, for the page to be written into; False when there is none."""
        if self._old is None:
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

    def finish(self, after: float = 0.0, wait: bool = False) -> None:
        """Delete what is left of the previous site: now (``wait``), or in a background thread
        ``after`` seconds from now (the preview does not wait for it)."""
        old, self._old = self._old, None
        stale, self._stale = self._stale, []
        doomed = ([old] if old is not None else []) + stale
        self._sweepers = [t for t in self._sweepers if t.is_alive()]
        if not doomed:
            return
        if wait:
            _delete(doomed)
            return
        sweeper = threading.Timer(after, _delete, args=(doomed,))
        sweeper.name, sweeper.daemon = "kennisbank-sweeper", True
        sweeper.start()
        self._sweepers.append(sweeper)

    def close(self) -> None:
        """Wait for the deletions (at the end of `mkdocs serve`)."""
        self.finish()
        for t in self._sweepers:
            t.join()
        self._sweepers = []


def _delete(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _left_by_dead_builds(site_dir: Path) -> list[Path]:
    """Set-aside sites of builds that were killed before they deleted them (their process is gone)."""
    stale = []
    for path in site_dir.parent.glob(f"{site_dir.name}{ASIDE}*"):
        pid, _, _ = path.name[len(site_dir.name) + len(ASIDE):].partition("-")
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            stale.append(path)
    return stale


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True
