"""The preview's file watcher: the operating system's change notices instead of MkDocs' polling.

MkDocs 1.6 watches with watchdog's ``PollingObserver``: every 0.5 s it lists and stats every watched
file (data/ alone holds a file per record). An edit waits a quarter of a second on average before the
rebuild starts, and each poll takes the interpreter from the rebuild and from the server answering the
browser. Watchdog's native observer (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
Windows) is told of a change at once and costs nothing in between.

Two things MkDocs' handlers do not expect from a native observer, which this one takes care of:

- It also reports reading (a file opened, closed unwritten). MkDocs rebuilds on any event of a file,
  and a build reads every watched file: the preview would rebuild forever. Only changes are asked for
  (``CHANGES``, watchdog's ``event_filter``).
- A watched single file (mkdocs.yml) that an editor saves by writing a new file and renaming it over
  the old one is a new file: a watch on the old one would see no further edit. A file is watched
  through its folder, by name.

MkDocs waits until no change has come for ``build_delay`` (0.1 s) before it rebuilds, so that one save
(several events: truncate, write, close; or write a new file, rename it) starts one rebuild. The
operating system reports the events of one save within a few milliseconds of each other, so with this
watcher the wait is ``QUIET_S``; ``tests/site/test_serve_watcher.py`` checks one rebuild per save, for an
in-place save and for a save by renaming.

``KENNISBANK_WATCHER=polling`` keeps MkDocs' own watcher (for folders the operating system does not
report changes in, such as some network or container mounts).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

log = logging.getLogger("mkdocs.plugins.kennisbank")
QUIET_S = 0.05

# What is a change: written, closed after writing, created, deleted, renamed, touched (not opened or read).
CHANGES: list[type[FileSystemEvent]] = [
    FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, FileAttribEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]


class _OneFile(FileSystemEventHandler):
    """Passes on the events of one file name in a watched folder (either end of a rename)."""

    def __init__(self, inner: FileSystemEventHandler, path: str) -> None:
        self.inner = inner
        self.path = path

    def dispatch(self, event: FileSystemEvent) -> None:
        if os.fsdecode(event.src_path) == self.path or os.fsdecode(event.dest_path or b"") == self.path:
            self.inner.dispatch(event)


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]  # the platform's native observer
    """The native observer, reporting changes only; a single file is watched through its folder."""

    def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None, follow_symlink: bool = False) -> ObservedWatch:
        path = os.path.abspath(path)
        if os.path.isfile(path):
            event_handler, path, recursive = _OneFile(event_handler, path), os.path.dirname(path), False
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def use_native_watcher(server: Any) -> bool:
    """Swap the not yet started polling observer of MkDocs' ``LiveReloadServer`` for ``ChangeObserver``
    and watch the same paths again through MkDocs' own ``watch`` (its handlers, its rebuild). False
    (MkDocs' watcher stays) when switched off or when the server is not the one this was written for."""
    if os.environ.get("KENNISBANK_WATCHER", "").strip().lower() == "polling":
        return False
    watched = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    observer = getattr(server, "observer", None)
    if not isinstance(watched, dict) or not isinstance(refs, dict) or observer is None or observer.is_alive():
        log.debug("kennisbank: MkDocs' eigen bestandswachter blijft (onbekende LiveReloadServer)")
        return False
    paths = dict(watched)
    watched.clear()
    refs.clear()
    server.observer = ChangeObserver()
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)
    server.build_delay = min(getattr(server, "build_delay", QUIET_S), QUIET_S)
    return True
