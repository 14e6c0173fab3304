"""Reuse of per-file work between loads of one data folder: what ``make serve`` needs on every save.

``load_catalog(data_dir, cache=cache)`` with a ``LoadCache`` the caller keeps (the MkDocs plugin
instance lives across rebuilds) reuses, for every file whose bytes did not change, the expensive
work done on that file alone: the YAML parse with its line marks and duplicate keys, the placeholder
scan and the schema check. Everything that looks across files (references, ids, did-you-mean, the
records themselves) runs on every load, so a load gives the same catalog and the same errors, in the
same order, with or without a cache.

An entry is used only when the file's path, its bytes (SHA-256, not the modification time), the
schema it is checked against, the exact schema files (``SchemaSet.fingerprint``) and the path shown in
messages are all the same. A load drops the entries of files it did not read (deleted or renamed).

Entries are shared between loads and never changed: ``Located`` is only read after parsing (the loader
builds records from its values, and records hold strings, numbers and tuples only); the errors and
the places the schema reported are copied into each load's own lists. One cache serves one data
folder in one thread.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .yamlio import Located


@dataclass(frozen=True)
class FileResult:
    """What one file says on its own: the parsed document (None when it could not be read or
    parsed), its errors in the order found, and the places already reported (schema or placeholder)."""

    located: Located | None
    errors: tuple[DataError, ...]
    schema_paths: frozenset[tuple]


@dataclass(frozen=True)
class FileKey:
    """Everything a ``FileResult`` depends on besides the code."""

    digest: bytes  # SHA-256 of the file's bytes
    schema: str  # the schema's name, e.g. 'goed-voorbeeld'
    schemas: str  # SchemaSet.fingerprint
    shown: str  # the path in messages

    @classmethod
    def of(cls, raw: bytes, schema: str, schemas: str, shown: str) -> FileKey:
        return cls(hashlib.sha256(raw).digest(), schema, schemas, shown)


class LoadCache:
    """Per-file results of earlier loads of one data folder. Keep one across calls of ``load_catalog``.

    ``hits`` and ``misses`` count the files of the last load that were reused or examined afresh."""

    def __init__(self) -> None:
        # Keyed by the path as text: hashing and comparing Path objects cost more than the lookups.
        self._entries: dict[str, tuple[FileKey, FileResult]] = {}
        self._seen: set[str] = set()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def start(self) -> None:
        """A load begins: count afresh, and remember which files it reads."""
        self._seen = set()
        self.hits = self.misses = 0

    def get(self, path: Path, key: FileKey) -> FileResult | None:
        name = str(path)
        self._seen.add(name)
        entry = self._entries.get(name)
        if entry is not None and entry[0] == key:
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def put(self, path: Path, key: FileKey, result: FileResult) -> None:
        name = str(path)
        self._seen.add(name)
        self._entries[name] = (key, result)

    def finish(self) -> None:
        """A load read every file: forget the files it did not read (deleted, renamed, moved away)."""
        for name in self._entries.keys() - self._seen:
            del self._entries[name]
