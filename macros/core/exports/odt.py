"""A model agreement as an OpenDocument text (odfpy), with real heading styles (Heading 1/2 with an
outline level, as LibreOffice's own), a Title style and a character style for fill-in fields."""
from __future__ import annotations

from pathlib import Path

from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import H, P, Span

from ..catalog.models import Agreement
from ..render.fillins import Part, paragraphs


def _styles(doc: OpenDocumentText) -> dict[str, Style]:
    s: dict[str, Style] = {}
    standard = Style(name="Standard", family="paragraph", attributes={"class": "text"})
    standard.addElement(TextProperties(fontsize="11pt", language="nl", country="NL"))
    body = Style(name="Text_20_body", displayname="Text body", family="paragraph", parentstylename="Standard",
                 attributes={"class": "text"})
    body.addElement(ParagraphProperties(marginbottom="0.2cm", margintop="0cm"))
    heading = Style(name="Heading", family="paragraph", parentstylename="Standard", nextstylename="Text_20_body",
                    attributes={"class": "text"})
    heading.addElement(ParagraphProperties(margintop="0.42cm", marginbottom="0.21cm", keepwithnext="always"))
    heading.addElement(TextProperties(fontweight="bold"))
    s["title"] = Style(name="Title", family="paragraph", parentstylename="Heading", attributes={"class": "chapter"})
    s["title"].addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    for level, size in ((1, "15pt"), (2, "12.5pt")):
        h = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph",
                  parentstylename="Heading", nextstylename="Text_20_body", defaultoutlinelevel=str(level),
                  attributes={"class": "text"})
        h.addElement(TextProperties(fontsize=size, fontweight="bold"))
        s[f"h{level}"] = h
    s["body"] = body
    note = Style(name="Kennisbank_20_Notice", displayname="Kennisbank Notice", family="paragraph",
                 parentstylename="Text_20_body")
    note.addElement(TextProperties(fontstyle="italic"))
    s["notice"] = note
    s["fill"] = Style(name="Invulveld", displayname="Invulveld", family="text")
    s["fill"].addElement(TextProperties(backgroundcolor="#ffff00"))
    for style in (standard, heading, *s.values()):
        doc.styles.addElement(style)
    return s


def _paragraph(parts: list[Part], style: Style, fill: Style) -> P:
    par = P(stylename=style)
    for part in parts:
        if part.fill_in:
            par.addElement(Span(stylename=fill, text=part.text))
        else:
            par.addText(part.text)
    return par


def write_odt(a: Agreement, path: Path, disclaimer: str) -> None:
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=a.titel))
    doc.meta.addElement(dc.Language(text="nl-NL"))
    doc.meta.addElement(meta.Keyword(text="Modelovereenkomst"))
    s = _styles(doc)
    text = doc.text

    def heading(level: int, title: str) -> None:
        text.addElement(H(outlinelevel=level, stylename=s[f"h{level}"], text=title))

    def paras(value: str | None, style: Style | None = None) -> None:
        for para in paragraphs(value):
            text.addElement(_paragraph(para, style or s["body"], s["fill"]))

    text.addElement(P(stylename=s["title"], text=a.titel))
    text.addElement(P(stylename=s["notice"], text=disclaimer))
    heading(1, "Doel")
    paras(a.doel)
    heading(1, "Partijen")
    for i, party in enumerate(a.partijen, start=1):
        for para in paragraphs(party.omschrijving):
            end = ";" if i < len(a.partijen) else "."
            text.addElement(_paragraph([Part(f"{i}. "), *para, Part(f", hierna: {party.rol}{end}")], s["body"], s["fill"]))
    for art in a.artikelen:
        heading(1, f"Artikel {art.nummer}. {art.kop}")
        paras(art.tekst)
    if a.ondertekening:
        heading(1, "Ondertekening")
        paras(a.ondertekening)
    notes = [art for art in a.artikelen if art.toelichting]
    if notes:
        heading(1, "Toelichting per artikel")
        for art in notes:
            heading(2, f"Bij artikel {art.nummer}. {art.kop}")
            paras(art.toelichting)
    doc.save(str(path))
