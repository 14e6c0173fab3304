"""A model agreement as a Word document (python-docx), with Word's own Title and Heading styles.

Fill-in fields are highlighted; the explanatory notes follow the agreement in their own section, so the
agreement text itself stays ready to edit and sign.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph

from ..catalog.models import Agreement
from ..render.fillins import Part, paragraphs


def _runs(par: Paragraph, parts: list[Part]) -> None:
    for part in parts:
        run = par.add_run(part.text)
        if part.fill_in:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def write_docx(a: Agreement, path: Path, disclaimer: str) -> None:
    doc = Document()
    doc.core_properties.title = a.titel
    doc.core_properties.language = "nl-NL"
    doc.core_properties.subject = "Modelovereenkomst"
    doc.add_heading(a.titel, level=0)
    doc.add_paragraph(disclaimer).runs[0].italic = True
    doc.add_heading("Doel", level=1)
    for para in paragraphs(a.doel):
        _runs(doc.add_paragraph(), para)
    doc.add_heading("Partijen", level=1)
    for i, party in enumerate(a.partijen, start=1):
        for para in paragraphs(party.omschrijving):
            p = doc.add_paragraph(style="List Number")
            _runs(p, para)
            p.add_run(f", hierna: {party.rol}" + (";" if i < len(a.partijen) else "."))
    for art in a.artikelen:
        doc.add_heading(f"Artikel {art.nummer}. {art.kop}", level=1)
        for para in paragraphs(art.tekst):
            _runs(doc.add_paragraph(), para)
    if a.ondertekening:
        doc.add_heading("Ondertekening", level=1)
        for para in paragraphs(a.ondertekening):
            _runs(doc.add_paragraph(), para)
    notes = [art for art in a.artikelen if art.toelichting]
    if notes:
        doc.add_page_break()
        doc.add_heading("Toelichting per artikel", level=1)
        for art in notes:
            doc.add_heading(f"Bij artikel {art.nummer}. {art.kop}", level=2)
            for para in paragraphs(art.toelichting):
                _runs(doc.add_paragraph(), para)
    doc.save(str(path))
