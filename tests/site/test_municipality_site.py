"""The built site for municipalities and regions, from a fixture that holds every policy status."""
from __future__ import annotations

import csv
import io
import json
import re

import icalendar
import pytest

from macros.core.catalog import load_catalog
from macros.core.site.views import POLICY_STATUS
from tests.helpers import build, copy_data, event, practice, write_record
from tests.unit.test_municipalities import ALL_STATUSES, with_every_status

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("municipalities-site")
    data = copy_data(root / "data", records=False)
    with_every_status(data)
    write_record(data, "goede-voorbeelden", "bossche-aanpak", practice(
        titel="Bossche aanpak", scope={"niveau": "gemeente", "gemeenten": ["GM0796", "GM0820"]}))
    write_record(data, "evenementen", "peel-tafel", event(regio="de-peel", titel="Regiotafel De Peel"))
    write_record(data, "evenementen", "west-tafel", event(regio="amr-west-brabant", titel="Tafel West", start="2019-03-01", einde="2019-03-01"))
    result = build(root, env={"KENNISBANK_TODAY": "2020-01-01"})
    assert result.returncode == 0, result.output[-3000:]
    result.cat = load_catalog(data)  # type: ignore[attr-defined]
    return result


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def test_counts_per_status_on_the_page_equal_the_data(site):
    doc = site.parse("gemeenten")
    shown = {li.get("data-status"): int(li.find(".//span[@data-kb-n]").text)
             for li in doc.iter("li") if li.get("data-status")}
    n = len(site.cat.municipalities)
    assert shown == {"actueel": 2, "in-actualisatie": 1, "geen": 1, "onbekend": n - 4}
    rows = doc.findall(".//table[@data-kb-municipality-table]/tbody/tr")
    assert len(rows) == n
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r.get("data-status")] = by_status.get(r.get("data-status"), 0) + 1
    assert by_status == shown
    assert {_text(r.find("th")) for r in rows} == {m.naam for m in site.cat.municipalities.values()}


def test_every_row_shows_its_latest_status_and_a_date_only_when_there_is_one(site):
    doc = site.parse("gemeenten")
    names = {m.naam: m for m in site.cat.municipalities.values()}
    for r in doc.findall(".//table[@data-kb-municipality-table]/tbody/tr"):
        m = names[_text(r.find("th"))]
        cell = _text(r.findall("td")[1])
        assert cell.startswith(POLICY_STATUS[m.current_status.status])
        assert ("peildatum" in cell) == (m.current_status.peildatum is not None)
    assert "Arbeidsmarktregio West-Brabant" not in _text(doc.find(".//table[@data-kb-municipality-table]/tbody"))


def test_every_municipality_and_region_has_its_page(site):
    for m in site.cat.municipalities.values():
        page = site.parse(f"gemeenten/{m.slug}")
        assert _text(page.find(".//h1")) == m.naam
        assert POLICY_STATUS[m.current_status.status].lower() in _text(page.find(".//p[@class='kb-lead']")).lower()
    for r in site.cat.regions.values():
        page = site.parse(f"regios/{r.id}")
        assert _text(page.find(".//h1")) == r.naam
    tilburg = site.html("gemeenten/tilburg")
    assert "Testbron B" in tilburg and "Testbron A" in tilburg  # the history keeps every source


def test_map_links_every_placed_municipality_with_name_and_status(site):
    doc = site.parse("gemeenten")
    svg = doc.find(".//*[@data-kb-map]")
    links = [a for a in svg.iter() if a.tag.endswith("a")]
    placed = [m for m in site.cat.municipalities.values() if m.ligging]
    assert len(links) == len(placed)
    labels = {a.get("aria-label") for a in links}
    for m in placed:
        assert f"{m.naam}: {POLICY_STATUS[m.current_status.status].lower()}" in labels
    hrefs = {a.get("href") for a in links}
    assert "../gemeenten/s-hertogenbosch/" in hrefs


def test_practice_links_its_municipalities_and_they_list_it(site):
    page = site.html("goede-voorbeelden/bossche-aanpak")
    assert 'href="../../gemeenten/s-hertogenbosch/"' in page
    assert 'href="../../gemeenten/nuenen-gerwen-en-nederwetten/"' in page
    assert "goede-voorbeelden/bossche-aanpak/" in site.html("gemeenten/nuenen-gerwen-en-nederwetten")


def test_region_page_lists_its_events_and_its_feed_holds_exactly_them(site):
    page = site.html("regios/de-peel")
    assert "agenda/peel-tafel/" in page and "agenda/west-tafel/" not in page
    assert 'href="agenda.ics"' in page and "data-kb-webcal" in page
    for r in site.cat.regions.values():
        cal = icalendar.Calendar.from_ical((site.site / "regios" / r.id / "agenda.ics").read_bytes())
        uids = sorted(str(v["UID"]).split("@")[0] for v in cal.walk("VEVENT"))
        assert uids == sorted(e.id for e in site.cat.events.values() if e.regio == r.id), r.id
    # A municipality page shows the events of its arbeidsmarktregio, here one in the past.
    breda = site.html("gemeenten/breda")
    assert "agenda/west-tafel/" in breda and "Eerder" in breda


def test_trend_chart_has_a_text_alternative_and_the_numbers_as_a_table(site):
    doc = site.parse("gemeenten")
    svg = next(s for s in doc.iter() if str(s.tag).endswith("svg") and s.get("role") == "img")
    desc = _text(next(d for d in svg.iter() if str(d.tag).endswith("desc")))
    assert "1 januari 2019: 6 actueel beleid" in desc and "30 actueel beleid, 20 wordt geactualiseerd" in desc
    table = doc.find(".//table[@data-kb-trend-table]")
    cells = [[_text(c) for c in tr] for tr in table.find("tbody")]
    assert cells == [["1 januari 2019", "6", "niet genoemd"], ["1 januari 2021", "30", "20"]]


def test_open_data_holds_every_record_and_round_trips(site):
    cat = site.cat
    for key, n in {"goede-voorbeelden": len(cat.practices), "evenementen": len(cat.events),
                   "gemeenten": len(cat.municipalities), "regios": len(cat.regions), "themas": len(cat.themes)}.items():
        assert len(json.loads((site.site / "open-data" / f"{key}.json").read_text())["records"]) == n
        raw = (site.site / "open-data" / f"{key}.csv").read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert len(rows) == n, key
    rows = list(csv.DictReader(io.StringIO((site.site / "open-data" / "gemeenten.csv").read_text("utf-8-sig"), newline="")))
    names = {r["naam"] for r in rows}
    assert {"'s-Hertogenbosch", "Nuenen, Gerwen en Nederwetten"} <= names
    assert {r["code"]: r["status"] for r in rows if r["code"] in ALL_STATUSES} == ALL_STATUSES
    page = site.html("open-data")
    for key in ("goede-voorbeelden", "gemeenten", "regios", "themas", "evenementen", "bronnen"):
        assert f'href="{key}.csv"' in page and f'href="{key}.json"' in page
    assert "CC0" in page and "<code>scope.niveau</code>" in page


def test_place_pages_are_searchable_without_repeating_practices(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"].startswith("gemeenten/s-hertogenbosch/")]
    assert docs and any("'s-Hertogenbosch" in d["title"] or "s-Hertogenbosch" in d["text"] for d in docs)
    assert not any("Bossche aanpak" in d["text"] for d in docs)  # the practice has its own entry
    assert any("Bossche aanpak" in d["title"] for d in index["docs"])


def test_regions_page_links_every_region(site):
    html = site.html("regios")
    for r in site.cat.regions.values():
        assert f'href="../regios/{r.id}/"' in html, r.id
