"""News posts (Actueel): read docs/actueel/posts/*.md for the feeds, the home page and `make check`.

Material's blog plugin renders the posts; this module only reads what the feeds and the home page need
(title, date, summary, categories, authors) straight from the files, so they are known before MkDocs
renders anything, and checks them with the same Dutch file:line messages as data/.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .catalog import placeholders
from .catalog.errors import DataError
from .catalog.yamlio import YamlSyntaxError, parse

BLOG_DIR = "actueel"
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


@dataclass(frozen=True)
class Post:
    slug: str  # the file name without .md; the URL is actueel/<slug>/
    path: str  # shown to people: docs/actueel/posts/<slug>.md
    title: str
    date: dt.date
    description: str
    categories: tuple[str, ...]
    authors: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"{BLOG_DIR}/{self.slug}/"


def _read(file: Path, shown: str, authors: set[str]) -> tuple[Post | None, list[DataError]]:
    errors: list[DataError] = []

    def err(line: int, message: str, field: str = "") -> None:
        errors.append(DataError(shown, line, 1, field, message))

    text = file.read_text(encoding="utf-8")
    for line, col, holder in placeholders.in_text(text):
        errors.append(DataError(shown, line, col, "", f"nog niet ingevuld: vervang {holder} door de echte tekst"))
    m = _FRONT.match(text)
    if not m:
        err(1, "het bericht begint niet met gegevens tussen twee regels '---' (datum, auteurs, categorieën, samenvatting)")
        return None, errors
    try:
        located = parse(m.group(1))
    except YamlSyntaxError as exc:
        errors.append(DataError(shown, exc.line + 1, exc.column, "", exc.message))
        return None, errors
    meta = located.data if isinstance(located.data, dict) else {}

    def line_of(key: str) -> int:
        return located.where((key,))[0] + 1  # +1: the opening '---'

    date = meta.get("date")
    if isinstance(date, dict):
        date = date.get("created")
    try:
        when = dt.date.fromisoformat(str(date)[:10]) if date else None
    except ValueError:
        when = None
    if when is None:
        err(line_of("date") if "date" in meta else 2, "'date' ontbreekt of is geen bestaande datum (JJJJ-MM-DD)", "date")
    for name in meta.get("authors") or ():
        if str(name) not in authors:
            err(line_of("authors"), f"auteur '{name}' staat niet in {BLOG_DIR}/.authors.yml; kies uit: {', '.join(sorted(authors))}",
                "authors")
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        err(2, "'description' ontbreekt: één of twee zinnen die het bericht samenvatten", "description")
    body = text[m.end():]
    h1 = _H1.search(body)
    if not h1:
        err(text[:m.end()].count("\n") + 1, "het bericht heeft geen titel: begin de tekst met '# Titel'")
    if errors or when is None or not h1 or not isinstance(description, str):
        return None, errors
    return Post(file.stem, shown, h1.group(1).strip(), when, description.strip(),
                tuple(str(c) for c in meta.get("categories") or ()), tuple(str(a) for a in meta.get("authors") or ())), []


def _authors(path: Path) -> set[str]:
    try:
        data = parse(path.read_text(encoding="utf-8")).data
    except (OSError, YamlSyntaxError):
        return set()
    return set((data or {}).get("authors") or {}) if isinstance(data, dict) else set()


def load_posts(docs_dir: Path) -> tuple[list[Post], list[DataError]]:
    """Every post, newest first, and the errors of the posts that are not right."""
    folder = docs_dir / BLOG_DIR / "posts"
    posts: list[Post] = []
    errors: list[DataError] = []
    authors = _authors(docs_dir / BLOG_DIR / ".authors.yml")
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        post, errs = _read(file, f"{docs_dir.name}/{BLOG_DIR}/posts/{file.name}", authors)
        errors += errs
        if post:
            posts.append(post)
    posts.sort(key=lambda p: (p.date, p.slug), reverse=True)
    return posts, errors
