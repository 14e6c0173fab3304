"""Deterministic synthetic practices for benchmarks. Written only to temp dirs, never to data/."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

WORDS = ("gemeente huisvesting arbeidsmigrant werkgever regio afspraak beleid woning locatie registratie "
         "taal integratie werk uitzendbureau toezicht handhaving provincie netwerk overleg pilot "
         "leefbaarheid buurt bewoner kwaliteit norm kamer contract inschrijving informatie loket "
         "samenwerking partner onderzoek aanpak resultaat ervaring voorbeeld project planning budget "
         "bestuurder wethouder ambtenaar vakbond corporatie ondernemer bedrijf sector logistiek tuinbouw "
         "productie seizoen vervoer zorgverzekering inkomen rechten plichten ontwikkeling scholing").split()
THEMES = ["huisvesting", "normen-en-beheer", "recreatieparken", "keurmerk", "personeel", "arbeidspotentieel",
          "uitzenden", "registratie", "leefbaarheid", "integratie", "participatie", "taal",
          "toezicht-en-handhaving", "regionale-samenwerking"]
REGIONS = ["west-brabant-west", "breda-eo", "hart-van-brabant", "noordoost-brabant",
           "stedelijk-gebied-eindhoven", "de-peel", "de-kempen-a2"]


@dataclass
class Synthetic:
    id: str
    record: dict
    markdown: str  # the same text as a plain Markdown page (baselines)


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, words: int) -> str:
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 16))
        out.append(_sentence(rng, n))
        left -= n
    return " ".join(out)


def practices(n: int, municipalities: list[tuple[str, str]], seed: int = 2026) -> list[Synthetic]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        pid = f"synthetisch-{i:05d}"
        titel = f"{_sentence(rng, 5)[:-1]} {i}"
        samenvatting = _paragraph(rng, 35)
        beschrijving = "\n\n".join(_paragraph(rng, 100) for _ in range(3))
        resultaten = _paragraph(rng, 60)
        themas = sorted(set(rng.sample(THEMES, rng.randint(1, 2))))
        if rng.random() < 0.5:
            code, naam = rng.choice(municipalities)
            scope = {"niveau": "gemeente", "gemeenten": [code], "provincie": "noord-brabant"}
            area = naam
        else:
            region = rng.choice(REGIONS)
            scope = {"niveau": "regio", "regios": [region], "provincie": "noord-brabant"}
            area = region
        jaar = rng.randint(2015, 2026)
        status = rng.choice(["idee", "pilot", "lopend", "afgerond"])
        orgs = [f"Organisatie {rng.randint(1, 200)}"]
        record = {"titel": titel, "samenvatting": samenvatting, "beschrijving": beschrijving,
                  "resultaten": resultaten, "themas": themas, "scope": scope, "organisaties": orgs,
                  "jaar": jaar, "status": status, "bron": "pva-2019", "bijgewerkt": "2026-11-23"}
        md = (f"# {titel}\n\n{samenvatting}\n\n- Thema's: {', '.join(themas)}\n- Gebied: {area}\n"
              f"- Status: {status}\n- Jaar: {jaar}\n- Organisaties: {', '.join(orgs)}\n\n"
              f"## Beschrijving\n\n{beschrijving}\n\n## Resultaten\n\n{resultaten}\n")
        out.append(Synthetic(pid, record, md))
    return out


def write_records(items: list[Synthetic], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    dump = yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper
    for s in items:
        (folder / f"{s.id}.yaml").write_text(yaml.dump(s.record, Dumper=dump, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
