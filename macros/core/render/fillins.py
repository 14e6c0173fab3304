"""Fill-in fields of model agreements: '[naam bedrijf]' in plain text, split into parts that templates
and the .docx/.odt writers mark up (never HTML built here)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.loader import FILL_IN_RE

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Part:
    text: str
    fill_in: bool = False  # True: a field the user fills in, text includes the brackets


def parts(text: str) -> list[Part]:
    """One paragraph as text and fill-in parts, in order."""
    out: list[Part] = []
    pos = 0
    for m in FILL_IN_RE.finditer(text):
        if m.start() > pos:
            out.append(Part(text[pos:m.start()]))
        out.append(Part(m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append(Part(text[pos:]))
    return out


def paragraphs(text: str | None) -> list[list[Part]]:
    """Plain text to paragraphs (a blank line starts a new one; single line breaks become spaces)."""
    if not text:
        return []
    return [parts(" ".join(block.split())) for block in _PARAGRAPH_BREAK.split(text.strip()) if block.strip()]


def plain(text: str | None) -> list[str]:
    """The paragraphs as plain strings (for search and tests)."""
    return ["".join(p.text for p in para) for para in paragraphs(text)]
