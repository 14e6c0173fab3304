"""Symlinks are refused under docs/, data/ and overrides/: MkDocs would publish what they point at
(``docs/passwd.txt -> /etc/passwd``, a linked folder copied whole, a data file from outside the
repository read and published)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..catalog.errors import DataError


def _shown(path: Path, root: Path) -> str:
    return os.path.relpath(path, root)  # not resolve(): that would follow the link


def find_symlinks(folders: Iterable[Path], root: Path) -> list[DataError]:
    """Every symlink in or at ``folders`` (not followed), reported relative to ``root``."""
    errors: list[DataError] = []

    def report(path: Path) -> None:
        errors.append(DataError(_shown(path, root), 1, 1, "",
                                f"dit is een symbolische link (symlink, naar '{os.readlink(path)}'); symlinks zijn in "
                                "docs/, data/ en overrides/ niet toegestaan: zet het bestand zelf in de repository"))

    for folder in folders:
        if folder.is_symlink():
            report(folder)
            continue
        if not folder.is_dir():
            continue
        # scandir knows a link from the directory listing itself: no stat per file (data/ holds
        # a file per record, and the preview runs this on every rebuild)
        pending = [str(folder)]
        while pending:
            with os.scandir(pending.pop()) as listing:
                entries = sorted(listing, key=lambda e: e.name)
            for entry in entries:
                if entry.is_symlink():
                    report(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return errors
