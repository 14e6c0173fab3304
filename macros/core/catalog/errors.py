"""Data errors for people: every problem with file, line, column, field and a Dutch message."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def field_name(path: Iterable[object]) -> str:
    """The contributor's name for a place in a document: ('scope', 'gemeenten', 0) -> 'scope.gemeenten[0]'.

    The one place a field's name is derived from its path.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file. Collected, never raised one by one."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" '{self.field}':" if self.field else ""
        return f"{where}:{field} {self.message}"


class CatalogError(Exception):
    """Raised once, with every error of a load, when data/ is not valid."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """Every error, then a summary in Dutch: how many errors in how many files."""
        n = len(self.errors)
        files = len({e.path for e in self.errors})
        head = f"{n} fout{'en' if n != 1 else ''} in de data gevonden:"
        summary = (f"Samengevat: {n} fout{'en' if n != 1 else ''} in {files} bestand{'en' if files != 1 else ''}. "
                   "Verbeter ze en draai 'make check' opnieuw.")
        return "\n".join([head, *(f"  {e}" for e in self.errors), summary])


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """' — bedoelde u 'x'?' for a close match, or ''."""
    matches = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f" — bedoelde u '{matches[0]}'?" if matches else ""


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve().parent).as_posix()
    except ValueError:
        return path.as_posix()
