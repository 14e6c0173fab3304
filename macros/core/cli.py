"""Command line (``python -m macros`` or ``kennisbank``): ``check`` validates data/, the news posts, the
pages in docs/ (what they may contain), symlinks and generated paths; ``nieuw <soort>`` scaffolds a
practice, an event or a news post."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalog import Catalog, CatalogError, DataError, load_catalog
from .catalog.errors import visible
from .news import load_posts

STALE_AFTER_DAYS = 2 * 365


@dataclass(frozen=True)
class Layout:
    """The folders of a site as mkdocs.yml names them (it is plain YAML)."""

    root: Path
    docs: Path
    data: Path
    overrides: Path | None


def layout(config: Path, data: str | None, docs: str | None = None) -> Layout:
    cfg: dict = {}
    if config.is_file():
        try:
            cfg = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            cfg = {}  # MkDocs itself reports a broken mkdocs.yml
    root = config.resolve().parent if config.is_file() else Path.cwd()
    settings = ((cfg.get("extra") or {}).get("kennisbank") or {})
    custom = (cfg.get("theme") or {}).get("custom_dir") if isinstance(cfg.get("theme"), dict) else None
    return Layout(root, Path(docs) if docs else root / cfg.get("docs_dir", "docs"),
                  Path(data) if data else root / settings.get("data_dir", "data"), root / custom if custom else None)


def repository_errors(lay: Layout) -> tuple[Catalog | None, list[DataError]]:
    """Everything `make check` reports: symlinks first (nothing is read through one), then pages, data
    and the paths the build would write."""
    from .checks import collisions, docs_outputs, find_symlinks, scan_pages
    from .checks.paths import catalog_outputs
    from .site.registry import SiteModel
    from .site.views import build_today

    folders = [lay.docs, lay.data] + ([lay.overrides] if lay.overrides else [])
    errors = find_symlinks(folders, lay.root)
    if errors:
        return None, errors
    if lay.docs.is_dir():
        errors += scan_pages(lay.docs, lay.root)
    try:
        cat = load_catalog(lay.data)
    except CatalogError as exc:
        return None, errors + exc.errors
    data_shown = lay.data.relative_to(lay.root).as_posix() if lay.data.is_relative_to(lay.root) else str(lay.data)
    outputs = catalog_outputs(cat, SiteModel(cat, build_today()), data_shown)
    if lay.docs.is_dir():
        outputs += docs_outputs(lay.docs, lay.root)
    return cat, errors + collisions(outputs)


def _stale_warnings(cat: Catalog, today: dt.date) -> list[str]:
    """Practices not updated in over two years: a warning for the editors, never a failure."""
    out = []
    for p in sorted(cat.practices.values(), key=lambda p: p.path):
        if p.bijgewerkt is None:
            out.append(f"  {p.path}: 'bijgewerkt' ontbreekt; wanneer is dit voorbeeld voor het laatst gecontroleerd?")
        elif (today - p.bijgewerkt).days > STALE_AFTER_DAYS:
            out.append(f"  {p.path}: voor het laatst bijgewerkt op {p.bijgewerkt.isoformat()}, meer dan twee jaar geleden; "
                       "klopt het nog?")
    return out


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    lay = layout(Path(args.config), args.data, args.docs)
    try:
        cat, errors = repository_errors(lay)
    except ValueError as exc:  # a bad KENNISBANK_TODAY
        print(f"fout: {visible(exc)}", file=sys.stderr)
        return 2
    posts, post_errors = load_posts(lay.docs) if lay.docs.is_dir() else ([], [])
    errors = errors + post_errors
    if errors or cat is None:
        print(CatalogError(errors).report(), file=sys.stderr)
        return 1
    stale = _stale_warnings(cat, dt.date.today())
    if stale:
        print(f"waarschuwing: {len(stale)} goed{'e' if len(stale) != 1 else ''} voorbeeld"
              f"{'en' if len(stale) != 1 else ''} mogelijk verouderd:", file=sys.stderr)
        print("\n".join(stale), file=sys.stderr)
    took = time.perf_counter() - started
    print(f"data in orde: {len(cat.practices)} goede voorbeelden, {len(cat.events)} evenementen, "
          f"{len(cat.policies)} beleidsvoorbeelden, {len(cat.agreements)} modelovereenkomst{'en' if len(cat.agreements) != 1 else ''}, "
          f"{len(cat.municipalities)} gemeenten, {len(cat.themes)} thema's, {len(cat.regions)} regio's, "
          f"{len(posts)} berichten ({took:.2f} s)")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import KINDS, gather, scaffold
    kind = KINDS[{"goed-voorbeeld": "voorbeeld"}.get(args.kind, args.kind)]
    given = {k: os.environ.get(k, "") for k in ("TITEL", "DATUM", "EINDE", "ID")}
    if args.id:
        given["ID"] = args.id
    repo = Path(args.repo) if args.repo else layout(Path(args.config), args.data).root
    try:
        answers = gather(kind, given, input if sys.stdin is not None and sys.stdin.isatty() else None)
        path = scaffold(repo, kind.name, answers)
    except ValueError as exc:
        print(f"fout: {visible(exc)}", file=sys.stderr)
        return 2
    shown = path.relative_to(repo) if path.is_relative_to(repo) else path
    where = {"voorbeeld": "goede-voorbeelden/" + path.stem, "evenement": "agenda/" + path.stem,
             "bericht": "actueel/" + path.stem, "beleidsvoorbeeld": "beleidsvoorbeelden/" + path.stem}[kind.name]
    print(f"aangemaakt: {shown}\n"
          f"1. Vervang in dat bestand elke tekst tussen « en ».\n"
          f"2. Controleer met 'make check' (dat meldt elke plek die nog open staat).\n"
          f"3. Bekijk het met 'make serve' op http://127.0.0.1:8000/{where}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennisbank Arbeidsmigratie")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml (standaard: mkdocs.yml); daaruit komen docs/, data/ en overrides/")
    parser.add_argument("--data", default=None, help="de datamap (standaard: extra.kennisbank.data_dir uit mkdocs.yml, anders data)")
    parser.add_argument("--docs", default=None, help="de map met pagina's (standaard: docs_dir uit mkdocs.yml)")
    parser.add_argument("--repo", default=None, help="waar `nieuw` het bestand maakt (standaard: de map van mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="controleer alle data, berichten en pagina's").set_defaults(func=_check)
    for name in ("nieuw", "new"):
        new = sub.add_parser(name, help="maak een nieuw bestand aan (voorbeeld, evenement, bericht of beleidsvoorbeeld)")
        new.add_argument("kind", choices=["voorbeeld", "evenement", "bericht", "beleidsvoorbeeld", "goed-voorbeeld"])
        new.add_argument("id", nargs="?", default="", help="de bestandsnaam (anders afgeleid van de titel)")
        new.set_defaults(func=_new)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result

