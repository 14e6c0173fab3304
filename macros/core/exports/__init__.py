"""Downloads made at build time: each model agreement as .docx and .odt (the formats lawyers edit)."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from pathlib import Path

from ..catalog.models import Agreement
from ..memo import Memo
from .reproducible import normalize_zip

DISCLAIMER = ("Dit is een model om aan te passen, geen juridisch advies. Laat de tekst toetsen door een jurist "
              "van uw organisatie voordat u hem gebruikt.")
# Format -> module with its writer (``write_docx``, ``write_odt``), imported when the downloads are
# written: python-docx and lxml cost ~60 ms of every build's start otherwise, and a build writes the
# downloads in a worker process (parallel.py).
FORMATS = ("docx", "odt")


def _writer(fmt: str) -> Callable[[Agreement, Path, str], object]:
    return getattr(import_module(f"{__name__}.{fmt}"), f"write_{fmt}")


def download_path(agreement_id: str, fmt: str) -> str:
    """Site-relative path of a download: 'modelovereenkomsten/<id>.<fmt>'."""
    return f"modelovereenkomsten/{agreement_id}.{fmt}"


def write_downloads(agreements: list[Agreement], site_dir: Path, memo: Memo | None = None) -> list[Path]:
    """Write both downloads of every agreement; ``memo`` (the preview) may keep the bytes of one whose
    agreement did not change."""
    written = []
    for a in agreements:
        for fmt in FORMATS:
            write = _writer(fmt)
            path = site_dir / download_path(a.id, fmt)
            path.parent.mkdir(parents=True, exist_ok=True)
            if memo is None:
                _write(write, a, path)
            else:
                path.write_bytes(memo(f"{a.id}.{fmt}", a, partial(_write, write, a, path)))
            written.append(path)
    return written


def _write(write: Callable[[Agreement, Path, str], object], a: Agreement, path: Path) -> bytes:
    write(a, path, DISCLAIMER)
    normalize_zip(path)  # byte-identical across builds
    return path.read_bytes()
