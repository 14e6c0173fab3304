"""The real practices (data/goede-voorbeelden/*.yaml) cloned to N for `make bench`, each description
brought to ~400 words by repeating its own paragraphs. Every other field stays as written, so facets,
sources, scopes and Markdown look like the real collection. Written only to temp dirs."""
from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.synthetic import Synthetic
from macros.dev.sitebuild import DATA

TARGET_WORDS = 400


def _long(text: str, words: int = TARGET_WORDS) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    out, count, i = [], 0, 0
    while count < words:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out) + "\n"


def _area(scope: dict) -> str:
    return ", ".join(scope.get("gemeenten") or scope.get("regios") or [scope.get("provincie", "onbekend")])


def practices(n: int, data: Path = DATA) -> list[Synthetic]:
    originals = [(p.stem, yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
                 for p in sorted((data / "goede-voorbeelden").glob("*.yaml"))]
    out = []
    for i in range(n):
        oid, orig = originals[i % len(originals)]
        record = dict(orig)
        record["titel"] = f"{orig['titel']} ({i + 1})"
        record["beschrijving"] = _long(orig["beschrijving"])
        md = (f"# {record['titel']}\n\n{record['samenvatting']}\n\n- Thema's: {', '.join(record['themas'])}\n"
              f"- Gebied: {_area(record['scope'])}\n- Status: {record.get('status', 'onbekend')}\n"
              f"- Jaar: {record.get('jaar', 'onbekend')}\n- Organisaties: {', '.join(record.get('organisaties', []))}\n\n"
              f"## Beschrijving\n\n{record['beschrijving']}\n")
        if record.get("resultaten"):
            md += f"\n## Resultaten\n\n{record['resultaten']}\n"
        out.append(Synthetic(f"{oid}-kloon-{i + 1:05d}", record, md))
    return out
