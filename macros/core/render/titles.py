"""Page titles as safe HTML text, in one place.

MkDocs copies a page's H1 (HTML) into ``page.title`` and ``<title>``, and Material prints titles and
front-matter values unescaped. Every title is passed through ``safe_title`` once.
"""
from __future__ import annotations

from markupsafe import Markup, escape


def safe_title(value: object) -> Markup:
    """An HTML fragment (or Markup) as plain, escaped text: tags stripped, entities decoded once, then
    escaped. Idempotent: ``safe_title(safe_title(x)) == safe_title(x)``. Plain text from data must be
    escaped first (``safe_title(escape(text))``) so a literal '<b>' in a title stays visible."""
    if value is None:
        return Markup("")
    return Markup(escape(Markup(str(value)).striptags()))
