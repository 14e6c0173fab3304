"""Command line (``python -m macros`` or ``kennisbank``): ``check`` validates data/; ``new <kind> <id>`` scaffolds."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalog import CatalogError, load_catalog


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        cat = load_catalog(args.data)
    except CatalogError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"data in orde: {len(cat.practices)} goede voorbeelden, {len(cat.events)} evenementen, "
          f"{len(cat.policies)} beleidsvoorbeelden, {len(cat.agreements)} modelovereenkomst{'en' if len(cat.agreements) != 1 else ''}, "
          f"{len(cat.municipalities)} gemeenten, {len(cat.themes)} thema's, {len(cat.regions)} regio's "
          f"({took:.2f} s)")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold
    try:
        path = scaffold(Path(args.data), args.kind, args.id)
    except ValueError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    print(f"aangemaakt: {path}\nVul de velden in, controleer met 'make check' en bekijk het met 'make serve'.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennisbank Arbeidsmigratie")
    parser.add_argument("--data", default="data", help="de datamap (standaard: data)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="controleer alle data").set_defaults(func=_check)
    new = sub.add_parser("new", help="maak een nieuw databestand aan")
    new.add_argument("kind", choices=["goed-voorbeeld", "evenement", "beleidsvoorbeeld"])
    new.add_argument("id", nargs="?", default="", help="de id (bestandsnaam), bv. taalcursus-op-de-werkvloer")
    new.set_defaults(func=_new)
    args = parser.parse_args(argv)
    return args.func(args)

