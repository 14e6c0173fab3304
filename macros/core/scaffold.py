"""`make new-voorbeeld ID=...` / `make new-evenement ID=...` / `make new-beleidsvoorbeeld ID=...`: write a commented, valid-shaped YAML file."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FOLDERS = {"goed-voorbeeld": "goede-voorbeelden", "evenement": "evenementen", "beleidsvoorbeeld": "beleidsvoorbeelden"}


def scaffold(data: Path, kind: str, rid: str) -> Path:
    if not _ID.match(rid or ""):
        raise ValueError("geef een id met alleen kleine letters, cijfers en koppeltekens, bv. ID=taal-op-de-werkvloer")
    path = data / _FOLDERS[kind] / f"{rid}.yaml"
    if path.exists():
        raise ValueError(f"{path} bestaat al")
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "scaffolds")),
                      undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    text = env.get_template(f"{kind}.yaml").render(today=dt.date.today().isoformat())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
