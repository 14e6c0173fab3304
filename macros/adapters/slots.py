"""HTML set aside by a macro and put into the finished page after Markdown, the theme and search.

A macro's output can be large (a thousand cards): Markdown, Material and the search plugin neither
need nor should parse it. The macro returns a marker (``<!--kb-slot:N-->``); ``on_post_page`` puts the
HTML in. What a slot may contain is written down in ARCHITECTURE.md ("Slots"): lists and forms made
from data, with headings only for repeated items, never a section heading (those stay in Markdown,
so they get a table-of-contents entry and a permalink).
"""
from __future__ import annotations

import itertools
import re


class Slots:
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
