"""Command line (``python -m macros`` or ``kennisbank``): ``check`` validates data/, the pages in docs/
(what they may contain), symlinks and generated paths; ``new <kind> <id>`` scaffolds."""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalog import Catalog, CatalogError, DataError, load_catalog
from .catalog.errors import visible


@dataclass(frozen=True)
class Layout:
    """The folders of a site as mkdocs.yml names them (it is plain YAML)."""

    root: Path
    docs: Path
    data: Path
    overrides: Path | None


def layout(config: Path, data: str | None) -> Layout:
    cfg: dict = {}
    if config.is_file():
        try:
            cfg = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            cfg = {}  # MkDocs itself reports a broken mkdocs.yml
    root = config.resolve().parent if config.is_file() else Path.cwd()
    settings = ((cfg.get("extra") or {}).get("kennisbank") or {})
    custom = (cfg.get("theme") or {}).get("custom_dir") if isinstance(cfg.get("theme"), dict) else None
    return Layout(root, root / cfg.get("docs_dir", "docs"), Path(data) if data else root / settings.get("data_dir", "data"),
                  root / custom if custom else None)


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


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        cat, errors = repository_errors(layout(Path(args.config), args.data))
    except ValueError as exc:  # a bad KENNISBANK_TODAY
        print(f"fout: {visible(exc)}", file=sys.stderr)
        return 2
    if errors or cat is None:
        errors = sorted(set(errors))
        n = len(errors)
        print("\n".join([f"{n} fout{'en' if n != 1 else ''} gevonden:", *(f"  {e}" for e in errors)]), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"data in orde: {len(cat.practices)} goede voorbeelden, {len(cat.events)} evenementen, "
          f"{len(cat.municipalities)} gemeenten, {len(cat.themes)} thema's, {len(cat.regions)} regio's "
          f"({took:.2f} s)")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold
    try:
        path = scaffold(layout(Path(args.config), args.data).data, args.kind, args.id)
    except ValueError as exc:
        print(f"fout: {visible(exc)}", file=sys.stderr)
        return 2
    print(f"aangemaakt: {path}\nVul de velden in, controleer met 'make check' en bekijk het met 'make serve'.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennisbank Arbeidsmigratie")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml (standaard: mkdocs.yml); daaruit komen docs/, data/ en overrides/")
    parser.add_argument("--data", default=None, help="de datamap (standaard: extra.kennisbank.data_dir uit mkdocs.yml, anders data)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="controleer alle data").set_defaults(func=_check)
    new = sub.add_parser("new", help="maak een nieuw databestand aan")
    new.add_argument("kind", choices=["goed-voorbeeld", "evenement"])
    new.add_argument("id", nargs="?", default="", help="de id (bestandsnaam), bv. taalcursus-op-de-werkvloer")
    new.set_defaults(func=_new)
    args = parser.parse_args(argv)
    return args.func(args)

