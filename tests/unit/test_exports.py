"""Model agreements as .docx and .odt: read back with python-docx and odfpy (every article heading and
text, in order, as real headings; fill-in fields marked), and converted to PDF by LibreOffice headless.

LibreOffice is required, never skipped: `make test` installs it (tools/ensure-libreoffice), and this
module tries the same script on a bare machine before it fails with instructions."""
from __future__ import annotations

import os
import shutil
import subprocess

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from odf import teletype
from odf import text as odftext
from odf.namespaces import TEXTNS
from odf.opendocument import load as load_odt

from macros.core.catalog import load_catalog
from macros.core.exports import DISCLAIMER, write_downloads
from macros.core.render.fillins import plain
from tests.helpers import DATA, REPO, practice, write_record
from tests.policy_fixtures import agreement, policy


@pytest.fixture(scope="module")
def agreements(tmp_path_factory):
    """The fixture agreement (every field) and the real ones, written once."""
    from tests.helpers import copy_data
    root = tmp_path_factory.mktemp("exports")
    data = copy_data(root / "data", records=False)
    write_record(data, "goede-voorbeelden", "testpraktijk", practice())
    write_record(data, "beleidsvoorbeelden", "testbeleid", policy())
    write_record(data, "modelovereenkomsten", "testovereenkomst", agreement())
    items = [load_catalog(data).agreements["testovereenkomst"], *load_catalog(DATA).agreements.values()]
    write_downloads(items, root / "site")
    return root / "site", items


def expected_blocks(a) -> list[tuple[str, str]]:
    """(kind, text) in document order: headings and body paragraphs of the agreement part."""
    out = [("h1", "Doel"), *(("p", t) for t in plain(a.doel)), ("h1", "Partijen")]
    for art in a.artikelen:
        out.append(("h1", f"Artikel {art.nummer}. {art.kop}"))
        out += [("p", t) for t in plain(art.tekst)]
    if a.ondertekening:
        out.append(("h1", "Ondertekening"))
        out += [("p", t) for t in plain(a.ondertekening)]
    return out


def test_docx_has_title_heading_styles_and_every_article_in_order(agreements):
    site, items = agreements
    for a in items:
        d = docx.Document(str(site / f"modelovereenkomsten/{a.id}.docx"))
        pars = [(p.style.name, p.text) for p in d.paragraphs if p.text.strip()]
        assert pars[0] == ("Title", a.titel) and pars[1][1] == DISCLAIMER
        kinds = [("h1" if s == "Heading 1" else "h2" if s == "Heading 2" else "p", t) for s, t in pars[2:]]
        want = expected_blocks(a)  # the parties are numbered list items: checked apart below
        agreement_part = [k for k in kinds if k[0] != "h2"]
        assert [t for k, t in agreement_part if k == "h1"][:-1] == [t for k, t in want if k == "h1"]  # last: the notes
        positions = [agreement_part.index(w) for w in want]
        assert positions == sorted(positions), a.id
        notes = [t for k, t in kinds if k == "h2"]
        assert notes == [f"Bij artikel {x.nummer}. {x.kop}" for x in a.artikelen if x.toelichting]
        assert d.core_properties.title == a.titel and d.core_properties.language == "nl-NL"
        highlighted = [r.text for p in d.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
        assert highlighted and all(t.startswith("[") and t.endswith("]") for t in highlighted)
        party_lines = [t for s, t in pars if s == "List Number"]
        assert [line.rsplit("hierna: ", 1)[1].rstrip(";.") for line in party_lines] == [p.rol for p in a.partijen]


def test_odt_has_outline_headings_and_every_article_in_order(agreements):
    site, items = agreements
    for a in items:
        doc = load_odt(str(site / f"modelovereenkomsten/{a.id}.odt"))
        blocks = []
        for el in doc.text.childNodes:
            if el.qname == (TEXTNS, "h"):
                blocks.append((f"h{el.getAttribute('outlinelevel')}", teletype.extractText(el), el.getAttribute("stylename")))
            elif el.qname == (TEXTNS, "p"):
                blocks.append(("p", teletype.extractText(el), el.getAttribute("stylename")))
        assert blocks[0][:2] == ("p", a.titel) and blocks[0][2] == "Title" and blocks[1][1] == DISCLAIMER
        assert all(style == f"Heading_20_{k[1]}" for k, _, style in blocks if k.startswith("h"))
        seq = [(k, t) for k, t, _ in blocks]
        positions = [seq.index(w) for w in expected_blocks(a)]
        assert positions == sorted(positions), a.id
        assert [t for k, t in seq if k == "h2"] == [f"Bij artikel {x.nummer}. {x.kop}" for x in a.artikelen if x.toelichting]
        spans = [teletype.extractText(s) for s in doc.getElementsByType(odftext.Span) if s.getAttribute("stylename") == "Invulveld"]
        assert spans and all(t.startswith("[") and t.endswith("]") for t in spans)


def _soffice() -> str:
    found = os.environ.get("KENNISBANK_SOFFICE") or shutil.which("soffice")
    if not found:
        subprocess.run([str(REPO / "tools" / "ensure-libreoffice")], check=False)
        found = shutil.which("soffice")
    if not found:
        pytest.fail("LibreOffice ontbreekt: draai tools/ensure-libreoffice (apt-get install libreoffice-writer)")
    return found


def test_libreoffice_converts_both_downloads_to_pdf(agreements, tmp_path):
    site, items = agreements
    files = [site / f"modelovereenkomsten/{a.id}.{fmt}" for a in items for fmt in ("docx", "odt")]
    for f in files:  # one output folder per file: the .docx and .odt share a name
        out = tmp_path / f.suffix[1:]
        proc = subprocess.run([_soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                               "--convert-to", "pdf", "--outdir", str(out), str(f)],
                              capture_output=True, text=True, timeout=180)
        pdf = out / (f.stem + ".pdf")
        assert proc.returncode == 0 and pdf.exists(), proc.stdout + proc.stderr
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
