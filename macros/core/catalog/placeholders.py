"""Scaffold text left unedited. The scaffolds (``macros/core/scaffolds``) write «…» where the
contributor still has to write something; `make check` reports every one left, at its line."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

PLACEHOLDER = re.compile(r"«[^»\n]*»")


def in_data(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, placeholder) for every value of a parsed YAML document that still holds one."""
    if isinstance(node, str):
        if (m := PLACEHOLDER.search(node)) is not None:
            yield path, m.group(0)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from in_data(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from in_data(value, path + (i,))


def in_text(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, placeholder) for every placeholder in a text file (1-based)."""
    for n, line in enumerate(text.splitlines(), start=1):
        for m in PLACEHOLDER.finditer(line):
            yield n, m.start() + 1, m.group(0)
