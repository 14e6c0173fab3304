"""Command line (``python -m macros`` or ``kennisbank``): ``check`` validates data/ and the news posts;
``nieuw <soort>`` scaffolds a practice, an event or a news post."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from .catalog import CatalogError, load_catalog
from .catalog.models import Catalog
from .news import load_posts

STALE_AFTER_DAYS = 2 * 365


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
    posts, post_errors = load_posts(Path(args.docs))
    try:
        cat = load_catalog(args.data)
    except CatalogError as exc:
        print(CatalogError([*exc.errors, *post_errors]).report(), file=sys.stderr)
        return 1
    if post_errors:
        print(CatalogError(post_errors).report(), file=sys.stderr)
        return 1
    stale = _stale_warnings(cat, dt.date.today())
    if stale:
        print(f"waarschuwing: {len(stale)} goed{'e' if len(stale) != 1 else ''} voorbeeld"
              f"{'en' if len(stale) != 1 else ''} mogelijk verouderd:", file=sys.stderr)
        print("\n".join(stale), file=sys.stderr)
    took = time.perf_counter() - started
    print(f"data in orde: {len(cat.practices)} goede voorbeelden, {len(cat.events)} evenementen, "
          f"{len(cat.municipalities)} gemeenten, {len(cat.themes)} thema's, {len(cat.regions)} regio's, "
          f"{len(posts)} berichten ({took:.2f} s)")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import KINDS, gather, scaffold
    kind = KINDS[{"goed-voorbeeld": "voorbeeld"}.get(args.kind, args.kind)]
    given = {k: os.environ.get(k, "") for k in ("TITEL", "DATUM", "EINDE", "ID")}
    if args.id:
        given["ID"] = args.id
    repo = Path(args.repo)
    try:
        answers = gather(kind, given, input if sys.stdin is not None and sys.stdin.isatty() else None)
        path = scaffold(repo, kind.name, answers)
    except ValueError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    shown = path.relative_to(repo) if path.is_relative_to(repo) else path
    where = {"voorbeeld": "goede-voorbeelden/" + path.stem, "evenement": "agenda/" + path.stem,
             "bericht": "actueel/" + path.stem}[kind.name]
    print(f"aangemaakt: {shown}\n"
          f"1. Vervang in dat bestand elke tekst tussen « en ».\n"
          f"2. Controleer met 'make check' (dat meldt elke plek die nog open staat).\n"
          f"3. Bekijk het met 'make serve' op http://127.0.0.1:8000/{where}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Kennisbank Arbeidsmigratie")
    parser.add_argument("--data", default="data", help="de datamap (standaard: data)")
    parser.add_argument("--docs", default="docs", help="de map met pagina's (standaard: docs)")
    parser.add_argument("--repo", default=".", help="de repository (standaard: de huidige map)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="controleer alle data en berichten").set_defaults(func=_check)
    for name in ("nieuw", "new"):
        new = sub.add_parser(name, help="maak een nieuw bestand aan (voorbeeld, evenement of bericht)")
        new.add_argument("kind", choices=["voorbeeld", "evenement", "bericht", "goed-voorbeeld"])
        new.add_argument("id", nargs="?", default="", help="de bestandsnaam (anders afgeleid van de titel)")
        new.set_defaults(func=_new)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result
