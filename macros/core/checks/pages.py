"""What a page in docs/ may contain: no scripts, no event-handler attributes, no javascript:/data: links.

Pages are reviewed content, and Markdown lets raw HTML through; this check says so before a reviewer
has to spot it. ``scan_markdown`` reads the source (file:line:column for ``make check``, code blocks and
code spans skipped); ``scan_html`` reads the HTML that Markdown made of it (the plugin runs it on every
page, so entity tricks such as ``java&#115;cript:`` are caught as the browser would read them).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..catalog.errors import DataError, shorten

# Elements that run code or load another document; pages never need them.
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
                  "srcset", "ping", "manifest"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f\\]+")  # browsers drop tabs and newlines inside a scheme

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")


def bad_url(url: str) -> bool:
    """True for a javascript:, vbscript: or data: URL, however it is spelled."""
    normal = _IGNORED_IN_URL.sub("", html.unescape(url)).lower()
    return normal.startswith(BAD_SCHEMES)


class _TagScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        where = (line, col + 1)
        if tag in ACTIVE_TAGS:
            self.found.append((*where, f"ruwe HTML <{tag}> is in een pagina niet toegestaan (scripts en ingebedde "
                                       "pagina's horen niet in docs/)"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((*where, f"het attribuut '{shorten(name, 30)}' (JavaScript bij een gebeurtenis) "
                                           "is in een pagina niet toegestaan"))
            elif name == "srcdoc" or (name in URL_ATTRIBUTES and value and bad_url(value)):
                self.found.append((*where, f"{name}=\"{shorten(value or '', 40)}\": links met javascript:, "
                                           "vbscript: of data: zijn in een pagina niet toegestaan"))

    handle_startendtag = handle_starttag


def _without_code(text: str) -> list[str]:
    """The lines of ``text`` with the front matter (YAML, escaped by the plugin) and fenced code blocks
    emptied and code spans blanked (positions kept)."""
    out: list[str] = []
    fence: str | None = None
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), 0)
        out = [""] * (end + 1)
        lines = lines[end + 1:]
    for line in lines:
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append("")
        elif m:
            fence = m.group(1)
            out.append("")
        else:
            out.append(_CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line))
    return out


def scan_markdown(text: str) -> list[tuple[int, int, str]]:
    """(line, column, Dutch message) for every script, event handler or bad link in a page's source."""
    lines = _without_code(text)
    scanner = _TagScanner()
    scanner.feed("\n".join(lines))
    scanner.close()
    found = list(scanner.found)
    for number, line in enumerate(lines, 1):
        for rx in (_INLINE_LINK, _REFERENCE, _AUTOLINK):
            for m in rx.finditer(line):
                if bad_url(m.group(1)):
                    found.append((number, m.start(1) + 1, f"de link '{shorten(m.group(1), 40)}' is niet toegestaan: "
                                                          "gebruik https://, mailto: of een link naar een pagina"))
    return sorted(set(found))


def scan_html(fragment: str) -> list[str]:
    """Dutch messages for every script, event handler or bad link in rendered page HTML."""
    scanner = _TagScanner()
    scanner.feed(fragment)
    scanner.close()
    return [message for _, _, message in scanner.found]


def scan_pages(docs: Path, root: Path) -> list[DataError]:
    """Every Markdown page under ``docs``; paths relative to ``root``."""
    errors: list[DataError] = []
    for path in sorted(docs.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # reported by the symlink check; never read through a link
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(DataError(shown, 1, 1, "", "het bestand is geen UTF-8"))
            continue
        for line, col, message in scan_markdown(text):
            errors.append(DataError(shown, line, col, "", message))
    return errors
