"""Every file the build writes, and where two sources would write the same one.

An event with id ``agenda`` would overwrite the subscription feed ``agenda/agenda.ics``; an event
``index`` the agenda page; a region ``noord-brabant`` the province's listing. Each output is listed
with the source a contributor can change, and a clash is reported at that source.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..catalog.errors import DataError
from ..catalog.models import Catalog, Event
from ..feeds.ical import feed_paths
from ..site.registry import GeneratedPage, SiteModel

# What MkDocs and Material write besides the pages (directory URLs).
BUILD_OUTPUTS = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
_KIND = {"practice": "goed voorbeeld", "theme": "themapagina", "region": "gebiedspagina", "event": "evenement"}
_TAXONOMY = {"theme": "themas.yaml", "region": "regios.yaml"}


@dataclass(frozen=True)
class Output:
    dest: str  # relative to site/, e.g. 'agenda/agenda.ics'
    source: str  # who writes it, for people: "evenement 'X' (data/evenementen/x.yaml)"
    file: str | None = None  # the file to report the clash at (a data file or a page)


def page_dest(src_uri: str) -> str:
    """Where MkDocs writes a Markdown page with directory URLs: 'a/b.md' -> 'a/b/index.html'."""
    parent, _, name = src_uri.rpartition("/")
    stem = name.removesuffix(".md")
    prefix = f"{parent}/" if parent else ""
    return f"{prefix}index.html" if stem in ("index", "README") else f"{prefix}{stem}/index.html"


def docs_outputs(docs: Path, root: Path) -> list[Output]:
    out: list[Output] = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs)
        if path.is_dir() or any(part.startswith(".") for part in rel.parts):
            continue
        uri = rel.as_posix()
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        dest = page_dest(uri) if uri.endswith(".md") else uri
        out.append(Output(dest, f"de pagina {shown}" if uri.endswith(".md") else f"het bestand {shown}", shown))
    return out


def generated_outputs(model: SiteModel, data_shown: str, pages: Iterable[GeneratedPage] | None = None) -> list[Output]:
    """The record and listing pages made from data/ (``data_shown``: data/ as people see it);
    ``pages``: the model's pages when the caller has them already."""
    out: list[Output] = []
    for gen in model.pages(lambda path: "") if pages is None else pages:
        file = gen.source_path or (f"{data_shown}/{_TAXONOMY[gen.kind]}" if gen.kind in _TAXONOMY else None)
        where = f" ({gen.source_path})" if gen.source_path else ""
        out.append(Output(page_dest(gen.src_uri), f"{_KIND.get(gen.kind, gen.kind)} '{gen.title}'{where}", file))
    return out


def feed_outputs(events: Iterable[Event]) -> list[Output]:
    out: list[Output] = []
    for dest, event in feed_paths(list(events)):
        if event is None:
            out.append(Output(dest, "de agenda-feed om op te abonneren"))
        else:
            out.append(Output(dest, f"de agenda-feed van evenement '{event.titel}' ({event.path})", event.path))
    return out


def catalog_outputs(cat: Catalog, model: SiteModel, data_shown: str) -> list[Output]:
    return [*generated_outputs(model, data_shown), *feed_outputs(cat.events.values()),
            *(Output(dest, "MkDocs") for dest in BUILD_OUTPUTS)]


def collisions(outputs: Iterable[Output]) -> list[DataError]:
    """One error per clashing output path, at the first source a contributor can change."""
    by_dest: dict[str, list[Output]] = {}
    for o in outputs:
        by_dest.setdefault(o.dest, []).append(o)
    errors: list[DataError] = []
    for dest, sources in sorted(by_dest.items()):
        if len(sources) < 2:
            continue
        # Report at a data file when there is one: that is usually the newcomer (an id to rename).
        at = next((s.file for s in sources if s.file and not s.file.endswith(".md")), None) \
            or next((s.file for s in sources if s.file), "data")
        names = " en ".join(s.source for s in sources)
        errors.append(DataError(at, 1, 1, "", f"'{dest}' zou twee keer gemaakt worden, door {names}; "
                                              "kies een andere id (bestandsnaam) of verplaats de pagina"))
    return errors
