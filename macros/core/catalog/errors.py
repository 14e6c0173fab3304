"""Data errors for people: every problem with file, line, column, field and a Dutch message."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PosixPath


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


# Characters a terminal or editor would act on instead of showing: C0/C1 controls (ANSI escapes clear
# the screen or fake colours), DEL, and bidirectional overrides ("Trojan source"). Newlines and tabs too:
# one error is one line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MESSAGE_LIMIT = 400


def visible(text: object) -> str:
    """``text`` with every control character written as an escape (``\x1b``, ``\u202e``)."""
    return _CONTROL.sub(lambda m: (f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                   else f"\\u{ord(m.group()):04x}"), str(text))


def shorten(value: object, limit: int = 60) -> str:
    """A value as it may appear in a message: control characters escaped, at most ``limit`` characters."""
    text = str(value)
    if len(text) > limit:
        return visible(text[:limit]) + f"… ({len(text)} tekens)"
    return visible(text)


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file. Collected, never raised one by one."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # Every part may hold a contributor's text: escaped and bounded here, whatever built the message.
        where = f"{shorten(self.path, 200)}:{self.line}:{self.column}"
        field = f" '{shorten(self.field, 80)}':" if self.field else ""
        return f"{where}:{field} {shorten(self.message, MESSAGE_LIMIT)}"


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
    text = str(value)
    if len(text) > 200:  # nothing we would suggest is that long; difflib is quadratic
        return ""
    matches = difflib.get_close_matches(text, list(options), n=1, cutoff=0.6)
    return f" — bedoelde u '{shorten(matches[0])}'?" if matches else ""


def display_path(path: Path, root: Path) -> str:
    """``path`` as people see it: relative to the folder that holds the data folder (``data/x.yaml``)."""
    base = _resolved(root).parent
    direct = path.is_absolute() and not path.is_symlink()
    if direct and isinstance(path, PosixPath) and (text := str(path)).startswith(prefix := _prefix(base)):
        return text[len(prefix):]  # what relative_to(base).as_posix() gives, without building a Path
    try:
        return (path if direct else path.resolve()).relative_to(base).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()


@lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    return root.resolve()


@lru_cache(maxsize=64)
def _prefix(base: Path) -> str:
    return f"{base}/"
