"""Scaffolds: `make nieuw-voorbeeld`, `make nieuw-evenement`, `make nieuw-bericht`, `make nieuw-beleidsvoorbeeld`.

Each asks for the essentials (interactively on a terminal, else from variables such as ``TITEL=…``
``DATUM=…``), derives the file name from the title, and writes a file from a template in
``scaffolds/``. Whatever the contributor still has to write is a placeholder between « and »: `make
check` fails on every placeholder left, at its line, so an unedited scaffold never goes live.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MOMENT = re.compile(r"^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2})?)?$")
_MONTH_PREFIX = re.compile(r"^(\d{4})-(\d{2})(?:-|$)")
SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"


@dataclass(frozen=True)
class Kind:
    name: str  # 'voorbeeld' | 'evenement' | 'bericht'
    template: str
    folder: str  # relative to the repository root
    suffix: str
    questions: tuple[tuple[str, str], ...]  # (variable, Dutch question)


KINDS = {
    "voorbeeld": Kind("voorbeeld", "goed-voorbeeld.yaml", "data/goede-voorbeelden", ".yaml",
                      (("TITEL", "Titel van het goede voorbeeld"),)),
    "evenement": Kind("evenement", "evenement.yaml", "data/evenementen", ".yaml",
                      (("TITEL", "Titel van de bijeenkomst"),
                       ("DATUM", "Datum (JJJJ-MM-DD, met tijd JJJJ-MM-DDTUU:MM, of alleen de maand JJJJ-MM)"))),
    "beleidsvoorbeeld": Kind("beleidsvoorbeeld", "beleidsvoorbeeld.yaml", "data/beleidsvoorbeelden", ".yaml",
                             (("TITEL", "Titel van het beleid"),)),
    "bericht": Kind("bericht", "bericht.md", "docs/actueel/posts", ".md",
                    (("TITEL", "Titel van het bericht"), ("DATUM", "Datum van het bericht (JJJJ-MM-DD)"))),
}
ALIASES = {"goed-voorbeeld": "voorbeeld"}  # the old `make new-voorbeeld` name


def slugify(text: str) -> str:
    """'Regiotafel De Peel: huisvesting!' -> 'regiotafel-de-peel-huisvesting' (ASCII, for file names and URLs)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def _check_moment(value: str, what: str) -> str:
    if not _MOMENT.match(value):
        raise ValueError(f"{what} '{value}' heeft niet de juiste vorm: gebruik JJJJ-MM-DD, JJJJ-MM-DDTUU:MM of JJJJ-MM")
    return value


def gather(kind: Kind, given: Mapping[str, str], ask: Callable[[str], str] | None) -> dict[str, str]:
    """The answers: from ``given`` (variables), else by asking (a terminal), else left empty."""
    answers = {k: v.strip() for k, v in given.items() if v and v.strip()}
    for key, question in kind.questions:
        if key not in answers and ask is not None:
            value = ask(f"{question}: ").strip()
            if value:
                answers[key] = value
    if not answers.get("TITEL"):
        raise ValueError("geef een titel, bijvoorbeeld: make nieuw-"
                         f"{kind.name} TITEL=\"...\"")
    return answers


def scaffold(repo: Path, kind_name: str, answers: Mapping[str, str], today: dt.date | None = None) -> Path:
    """Write the new file under ``repo`` and return its path. Raises ValueError with a Dutch message."""
    kind = KINDS[ALIASES.get(kind_name, kind_name)]
    today = today or dt.date.today()
    titel = answers.get("TITEL", "").strip()
    if not titel:
        raise ValueError("geef een titel (TITEL=...)")
    rid = answers.get("ID", "").strip()
    datum = answers.get("DATUM", "").strip()
    if datum:
        _check_moment(datum, "DATUM")
    einde = answers.get("EINDE", "").strip()
    if einde:
        _check_moment(einde, "EINDE")
    if kind.name == "evenement" and not datum and (m := _MONTH_PREFIX.match(rid)):
        datum = f"{m.group(1)}-{m.group(2)}"  # an id such as 2027-03-regiotafel-de-peel: at least the month
    if not rid:
        rid = slugify(titel)
        if kind.name == "evenement" and datum:
            rid = f"{datum[:7]}-{rid}"
    if not _ID.match(rid):
        raise ValueError(f"'{rid}' is geen geldige naam: gebruik alleen kleine letters, cijfers en koppeltekens "
                         "(of geef ID=...)")
    path = repo / kind.folder / f"{rid}{kind.suffix}"
    if path.exists():
        raise ValueError(f"{path.relative_to(repo)} bestaat al; kies een andere titel of geef ID=...")
    if kind.name == "bericht" and not datum:
        datum = today.isoformat()
    if kind.name == "bericht" and not re.match(r"^\d{4}-\d{2}-\d{2}$", datum):
        raise ValueError("een bericht heeft een volledige datum: DATUM=JJJJ-MM-DD")
    if kind.name == "evenement" and "T" in datum and not einde:
        einde = ""  # a timed start without an end: the contributor fills in the end (placeholder)
    env = Environment(loader=FileSystemLoader(str(SCAFFOLDS)), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False, trim_blocks=True, lstrip_blocks=True)
    text = env.get_template(kind.template).render(
        titel=titel, datum=datum, einde=einde, timed="T" in datum, today=today.isoformat(), id=rid)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
