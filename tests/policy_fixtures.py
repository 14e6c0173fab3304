"""Synthetic policy examples and model agreements that use every field (temp dirs only, never data/)."""
from __future__ import annotations

from typing import Any


def policy(**fields: Any) -> dict:
    base: dict[str, Any] = {
        "titel": "Testbeleid huisvesting Gemeente Een",
        "overheid": {"niveau": "gemeente", "gemeente": "GM0855", "naam": "College van B en W"},
        "soort": "beleidsregels",
        "vastgesteld": "2023-05-17",
        "periode": {"van": 2023, "tot": 2026},
        "samenvatting": "Een korte samenvatting van het testbeleid.",
        "beschrijving": "Achtergrond in **Markdown** met een [link](https://example.org/beleid).",
        "regels": [
            {"onderwerp": "bezetting", "regel": "Testregel voor de bezetting.", "waarde": 2, "eenheid": "personen per slaapkamer", "pagina": 4},
            {"onderwerp": "leefoppervlakte", "regel": "Testregel voor de oppervlakte.", "waarde": 12.5, "eenheid": "m² per persoon", "pagina": "paragraaf 2.1"},
            {"onderwerp": "middelen", "regel": "Testregel voor geld.", "waarde": 1250000, "eenheid": "euro"},
            {"onderwerp": "registratie", "regel": "Testregel zonder waarde."},
        ],
        "acties": [{"thema": "Testthema acties", "acties": ["Eerste testactie.", "Tweede testactie."],
                    "resultaat": "Het beoogde testresultaat.", "pagina": 7}],
        "themas": ["huisvesting", "registratie"],
        "status": "in-werking",
        "gerelateerd": ["testpraktijk"],
        "links": [{"titel": "Testlink", "url": "https://example.org/testlink"}],
        "bron": {"titel": "Testbron beleid", "uitgever": "Testuitgever", "datum": "2023-05-17", "url": "https://example.org/bron"},
        "bron_toelichting": "testtoelichting bij de bron",
        "bijgewerkt": "2026-11-24",
    }
    base.update(fields)
    return base


def other_policy(**fields: Any) -> dict:
    """A second, minimal policy (required fields only) at another level of government."""
    base: dict[str, Any] = {
        "titel": "Tweede testbeleid van het Rijk",
        "overheid": {"niveau": "rijk"},
        "soort": "wet",
        "vastgesteld": "onbekend",
        "samenvatting": "Een tweede samenvatting.",
        "regels": [{"onderwerp": "verblijfsduur", "regel": "Testregel voor de verblijfsduur.", "waarde": 3, "eenheid": "maanden"},
                   {"onderwerp": "registratie", "regel": "Tweede testregel registratie."}],
        "themas": ["registratie"],
        "status": "onbekend",
        "bron": "pva-2019",
    }
    base.update(fields)
    return base


def agreement(**fields: Any) -> dict:
    base: dict[str, Any] = {
        "titel": "Testovereenkomst huisvesting",
        "samenvatting": "Een testmodel om afspraken te maken.",
        "doel": "Het doel van [naam bedrijf] en\n[naam gemeente].\n\nTweede alinea van het doel.",
        "partijen": [{"rol": "de Gemeente", "omschrijving": "De gemeente [naam gemeente]"},
                     {"rol": "het Bedrijf", "omschrijving": "[naam bedrijf], gevestigd te [plaats]"}],
        "artikelen": [
            {"nummer": 1, "kop": "Eerste testartikel", "tekst": "Tekst van artikel een voor [naam bedrijf].\n\nTweede lid van artikel een.",
             "toelichting": "Toelichting bij het eerste testartikel."},
            {"nummer": 2, "kop": "Tweede testartikel", "tekst": "Tekst van artikel twee met [aantal] woningen."},
            {"nummer": 3, "kop": "Derde testartikel", "tekst": "Tekst van artikel drie.", "toelichting": "Toelichting drie."},
        ],
        "ondertekening": "Getekend te [plaats] op [datum].",
        "themas": ["huisvesting"],
        "beleidsvoorbeelden": ["testbeleid"],
        "gerelateerd": ["testpraktijk"],
        "bron": "pva-2019",
        "bron_toelichting": "testvindplaats",
        "bijgewerkt": "2026-11-24",
    }
    base.update(fields)
    return base
