"""Policy examples and model agreements in the built site: every record has its page and index entry,
every field is shown, the comparison is a real table, search knows the key rules, practices link back,
the downloads exist, and hostile text stays text."""
from __future__ import annotations

import json

import pytest

from macros.core.catalog import load_catalog
from tests.helpers import DATA, build, copy_data, practice, write_record
from tests.policy_fixtures import agreement, other_policy, policy

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("policy-site")
    data = copy_data(root / "data", records=False)
    write_record(data, "goede-voorbeelden", "testpraktijk", practice(titel="Testpraktijk voor beleid"))
    write_record(data, "beleidsvoorbeelden", "testbeleid", policy())
    write_record(data, "beleidsvoorbeelden", "tweede-testbeleid", other_policy())
    write_record(data, "modelovereenkomsten", "testovereenkomst", agreement())
    site = build(root, env={"KENNISBANK_TODAY": "2026-11-24"})
    assert site.returncode == 0, site.output
    return site


def text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_every_field_of_a_policy_is_on_its_page(fixture_site):
    doc = fixture_site.parse("beleidsvoorbeelden/testbeleid")
    assert doc.find(".//h1").text == "Testbeleid huisvesting Gemeente Een"
    body = text_of(doc.find(".//article"))
    for shown in ("Een korte samenvatting van het testbeleid.", "College van B en W (Gemeente Tilburg)",
                  "Gemeente", "Beleidsregels", "17 mei 2023", "2023–2026", "In werking", "Huisvesting", "Registratie",
                  "Testregel voor de bezetting.", "2 personen per slaapkamer", "(bron: p. 4)", "12,5 m² per persoon",
                  "(bron: paragraaf 2.1)", "€ 1.250.000", "Testregel zonder waarde.", "Testthema acties", "Eerste testactie.",
                  "Tweede testactie.", "Beoogd resultaat: Het beoogde testresultaat.", "Bron: p. 7", "Achtergrond in Markdown",
                  "Testovereenkomst huisvesting", "Testpraktijk voor beleid", "Testlink", "Testbron beleid", "Testuitgever",
                  "testtoelichting bij de bron", "24 november 2026"):  # the file itself: in the edit link below
        assert shown in body, shown
    assert "<strong>Markdown</strong>" in fixture_site.html("beleidsvoorbeelden/testbeleid")
    hrefs = {a.get("href") for a in doc.iter("a")}
    assert "../vergelijk/?ids=testbeleid" in hrefs and "../../goede-voorbeelden/testpraktijk/" in hrefs
    assert "../../modelovereenkomsten/testovereenkomst/" in hrefs and "https://example.org/testlink" in hrefs
    assert any((h or "").endswith("/edit/main/data/beleidsvoorbeelden/testbeleid.yaml") for h in hrefs)
    minimal = text_of(fixture_site.parse("beleidsvoorbeelden/tweede-testbeleid").find(".//article"))
    assert "Vastgesteld onbekend" in minimal and "Periode onbekend" in minimal and "Landelijk" in minimal


def test_every_policy_is_on_the_index_with_its_facets_and_a_compare_box(fixture_site):
    doc = fixture_site.parse("beleidsvoorbeelden")
    cards = {li.get("data-id"): li for li in doc.iter("li") if "kb-policy-card" in (li.get("class") or "")}
    assert set(cards) == {"testbeleid", "tweede-testbeleid"}
    assert (cards["testbeleid"].get("data-niveau"), cards["testbeleid"].get("data-soort"), cards["testbeleid"].get("data-jaar")) == (
        "gemeente", "beleidsregels", "2023")
    assert "noord-brabant" in cards["testbeleid"].get("data-regio").split()
    assert cards["tweede-testbeleid"].get("data-regio") == "landelijk"
    forms = [f for f in doc.iter("form") if f.get("data-kb-compare-form") is not None]
    assert [(f.get("action"), f.get("method")) for f in forms] == [("../beleidsvoorbeelden/vergelijk/", "get")]
    boxes = [i.get("value") for i in forms[0].iter("input") if i.get("name") == "ids" and i.get("type") == "checkbox"]
    assert sorted(boxes) == ["testbeleid", "tweede-testbeleid"]
    selects = {s.get("name") for s in doc.iter("select")}
    assert selects == {"niveau", "soort", "thema", "regio", "jaar"} and "q" not in selects


def test_comparison_is_a_table_with_headers_grouped_by_topic(fixture_site):
    doc = fixture_site.parse("beleidsvoorbeelden/vergelijk")
    table = doc.find(".//table")
    assert table.find("caption") is not None
    heads = [th for th in table.find("thead").iter("th")]
    assert [th.get("scope") for th in heads] == ["col"] * 3
    assert [th.get("data-kb-col") for th in heads[1:]] == ["testbeleid", "tweede-testbeleid"]
    groups = [tb.find("tr/th").text for tb in table.findall("tbody")]
    assert groups == ["Huisvesting", "Registratie, toezicht en handhaving", "Samenwerking en regie"]
    rows = {tr.find("th").text: tr for tb in table.findall("tbody") for tr in tb.findall("tr") if tr.get("data-kb-ids")}
    assert list(rows) == ["Bezetting per slaapkamer", "Leefoppervlakte per persoon", "Verblijfsduur (short stay)", "Registratie", "Middelen"]
    assert all(tr.find("th").get("scope") == "row" for tr in rows.values())
    bezetting = [text_of(td) for td in rows["Bezetting per slaapkamer"].findall("td")]
    assert "2 personen per slaapkamer" in bezetting[0] and bezetting[1] == "niet geregeld"
    assert rows["Registratie"].get("data-kb-ids") == "testbeleid tweede-testbeleid"
    region = next(d for d in doc.iter("div") if "kb-table-scroll" in (d.get("class") or ""))
    assert region.find("table") is table and region.get("role") == "region" and region.get("tabindex") == "0"
    form = next(f for f in doc.iter("form") if f.get("data-kb-compare-form") is not None)
    assert (form.get("action"), form.get("method")) == ("./", "get")
    assert doc.find(".//fieldset/legend") is not None


def test_agreement_page_has_contents_fill_ins_disclaimer_and_downloads(fixture_site):
    doc = fixture_site.parse("modelovereenkomsten/testovereenkomst")
    html = fixture_site.html("modelovereenkomsten/testovereenkomst")
    assert doc.find(".//h1").text == "Testovereenkomst huisvesting"
    assert "geen juridisch advies" in html
    toc = next(n for n in doc.iter("nav") if n.get("class") == "kb-toc")
    targets = [a.get("href") for a in toc.iter("a")]
    assert targets == ["#doel", "#partijen", "#artikel-1", "#artikel-2", "#artikel-3", "#ondertekening", "#over-dit-model"]
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    assert {t[1:] for t in targets} <= ids
    h2 = [text_of(h) for h in doc.iter("h2")]
    assert h2.index("Artikel 1. Eerste testartikel") < h2.index("Artikel 2. Tweede testartikel") < h2.index("Artikel 3. Derde testartikel")
    marks = [m.text for m in doc.iter("mark") if m.get("class") == "kb-fill"]
    assert "[naam bedrijf]" in marks and "[aantal]" in marks and "[plaats]" in marks
    body = text_of(doc.find(".//article"))
    for shown in ("Tweede alinea van het doel.", "Tweede lid van artikel een.", "Toelichting bij het eerste testartikel.",
                  "hierna: de Gemeente;", "hierna: het Bedrijf.", "Getekend te [plaats] op [datum].", "testvindplaats",
                  "Testbeleid huisvesting Gemeente Een", "Testpraktijk voor beleid", "24 november 2026"):
        assert shown in body, shown
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert "../testovereenkomst.docx" in hrefs and "../testovereenkomst.odt" in hrefs
    assert (fixture_site.site / "modelovereenkomsten/testovereenkomst.docx").stat().st_size > 0
    assert (fixture_site.site / "modelovereenkomsten/testovereenkomst.odt").stat().st_size > 0
    listing = fixture_site.html("modelovereenkomsten")
    assert 'href="../modelovereenkomsten/testovereenkomst/"' in listing and "testovereenkomst.docx" in listing


def test_search_has_title_summary_and_key_rules_of_policies_and_agreements(fixture_site):
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    pol = docs["beleidsvoorbeelden/testbeleid/"]
    assert pol["title"] == "Testbeleid huisvesting Gemeente Een"
    for words in ("Een korte samenvatting van het testbeleid.", "Testregel voor de bezetting.", "2 personen per slaapkamer",
                  "Beleidsregels", "Testregel zonder waarde."):
        assert words in pol["text"], words
    assert not [loc for loc in docs if loc.startswith("beleidsvoorbeelden/testbeleid/#")]  # one entry, from the data
    agr = docs["modelovereenkomsten/testovereenkomst/"]
    assert "Een testmodel om afspraken te maken." in agr["text"] and "1. Eerste testartikel" in agr["text"]


def test_practice_page_links_its_policies_and_agreements(fixture_site):
    html = fixture_site.html("goede-voorbeelden/testpraktijk")
    assert 'href="../../beleidsvoorbeelden/testbeleid/"' in html
    assert 'href="../../modelovereenkomsten/testovereenkomst/"' in html
    assert "<h2>Beleid en modellen</h2>" in html


def test_records_stay_out_of_the_navigation(fixture_site):
    home = fixture_site.html("")
    assert "beleidsvoorbeelden/testbeleid/" not in home and "modelovereenkomsten/testovereenkomst/" not in home
    assert "beleidsvoorbeelden/" in home and "modelovereenkomsten/" in home  # the two index pages are in the nav


def test_hostile_text_stays_text(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    write_record(data, "beleidsvoorbeelden", "kwaad", other_policy(
        titel="Beleid " + evil[:40], samenvatting=evil, regels=[{"onderwerp": "taal", "regel": evil, "waarde": evil[:60]}],
        beschrijving=evil))
    write_record(data, "modelovereenkomsten", "kwaad", agreement(
        titel="Model <b>vet</b>", doel=evil, artikelen=[{"nummer": 1, "kop": "<i>kop</i>", "tekst": evil, "toelichting": evil}],
        beleidsvoorbeelden=[], gerelateerd=[]))
    site = build(tmp_path, env={"KENNISBANK_TODAY": "2026-11-24"})
    assert site.returncode == 0, site.output
    for url in ("beleidsvoorbeelden/kwaad", "beleidsvoorbeelden", "beleidsvoorbeelden/vergelijk", "modelovereenkomsten/kwaad"):
        html = site.html(url)
        assert "<script>alert" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", ""), url
        assert "<img src=x" not in html, url


def test_every_real_policy_and_agreement_has_its_page_and_index_entry(real_site):
    cat = load_catalog(DATA)
    index = real_site.html("beleidsvoorbeelden")
    compare = real_site.html("beleidsvoorbeelden/vergelijk")
    for pid, p in cat.policies.items():
        assert real_site.parse(f"beleidsvoorbeelden/{pid}").find(".//h1").text == p.titel
        assert f'href="../beleidsvoorbeelden/{pid}/"' in index and f'data-kb-col="{pid}"' in compare
    listing = real_site.html("modelovereenkomsten")
    for aid, a in cat.agreements.items():
        assert real_site.parse(f"modelovereenkomsten/{aid}").find(".//h1").text == a.titel
        assert f'href="../modelovereenkomsten/{aid}/"' in listing
        assert (real_site.site / f"modelovereenkomsten/{aid}.docx").exists() and (real_site.site / f"modelovereenkomsten/{aid}.odt").exists()


def test_a_municipality_page_lists_the_policies_that_concern_it(fixture_site):
    """The fixture policy is Tilburg's (GM0855): on Tilburg's page, not on another municipality's."""
    tilburg = fixture_site.html("gemeenten/tilburg")
    assert 'href="../../beleidsvoorbeelden/testbeleid/"' in tilburg
    assert "beleidsvoorbeelden/testbeleid/" not in fixture_site.html("gemeenten/breda")
