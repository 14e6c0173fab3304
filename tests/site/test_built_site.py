"""The built site: every record where it belongs, Dutch, no third-party requests, safe titles."""
from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import icalendar
import pytest

from macros.core.catalog import load_catalog
from tests.helpers import DATA, build, copy_data, event, practice, write_record

pytestmark = pytest.mark.site


def test_every_practice_has_its_page_and_the_library_links_each(real_site):
    cat = load_catalog(DATA)
    library = real_site.parse("goede-voorbeelden")
    links = {a.get("href") for a in library.iter("a")}
    for pid, p in cat.practices.items():
        page = real_site.parse(f"goede-voorbeelden/{pid}")
        assert page.find(".//h1").text == p.titel
        assert f"{pid}/" in {h.rsplit("/", 2)[-2] + "/" for h in links if h and h.count("/") >= 2}
        edit = [a.get("href") for a in page.iter("a") if (a.get("href") or "").endswith(f"data/goede-voorbeelden/{pid}.yaml")]
        assert edit, f"no edit link to the YAML file on {pid}"


def test_every_event_has_its_page_ics_and_agenda_entry(real_site):
    cat = load_catalog(DATA)
    agenda = real_site.html("agenda")
    feed = icalendar.Calendar.from_ical((real_site.site / "agenda" / "agenda.ics").read_bytes())
    uids = [str(c["UID"]) for c in feed.walk("VEVENT")]
    for eid in cat.events:
        assert uids.count(f"{eid}@kennisbank-arbeidsmigratie") == 1
        assert f'href="../agenda/{eid}/"' in agenda
        page = real_site.html(f"agenda/{eid}")
        assert f'href="../{eid}.ics"' in page
        assert (real_site.site / "agenda" / f"{eid}.ics").exists()


def test_theme_and_region_pages_list_their_practices_without_javascript(real_site):
    cat = load_catalog(DATA)
    for theme in cat.themes:
        if not any(theme in p.themas for p in cat.practices.values()):
            continue
        html = real_site.html(f"goede-voorbeelden/thema/{theme}")
        for p in cat.practices.values():
            assert (f"goede-voorbeelden/{p.id}/" in html) == (theme in p.themas), (theme, p.id)


def test_every_page_is_in_the_sitemap_once_record_pages_included(real_site):
    """Most record pages are written by the plugin, outside MkDocs' page loop (outside_pages.py); the
    sitemap must still list every page, each once."""
    import re
    locs = re.findall(r"<loc>https://kennisbank-arbeidsmigratie\.example\.nl/([^<]*)</loc>",
                      (real_site.site / "sitemap.xml").read_text(encoding="utf-8"))
    pages = {p.parent.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("index.html")}
    expected = {"" if p == "." else p + "/" for p in pages}
    assert len(locs) == len(set(locs))
    assert set(locs) == expected
    assert any(loc.startswith("goede-voorbeelden/") and loc.count("/") == 2 for loc in locs)  # a practice


def test_theme_and_region_listings_without_practices_are_not_published_nor_in_the_sitemap(real_site):
    # Issue #12.6: an empty listing is a dead end.
    cat = load_catalog(DATA)
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    empty_themes = [t for t in cat.themes if not any(t in p.themas for p in cat.practices.values())]
    empty_regions = [r for r in cat.regions if not any(r in p.area_ids for p in cat.practices.values())]
    assert empty_themes and empty_regions  # the real data has both (else this test proves nothing)
    for kind, ids in (("thema", empty_themes), ("regio", empty_regions)):
        for i in ids:
            assert not (real_site.site / "goede-voorbeelden" / kind / i / "index.html").exists(), (kind, i)
            assert f"goede-voorbeelden/{kind}/{i}/" not in sitemap, (kind, i)
    for kind in ("thema", "regio"):
        assert list((real_site.site / "goede-voorbeelden" / kind).glob("*/index.html"))


def test_pages_are_dutch_and_make_no_third_party_requests(real_site):
    for path in real_site.site.rglob("*.html"):
        doc = real_site.parse(str(path.relative_to(real_site.site)))
        assert doc.get("lang") == "nl", path
        for el in doc.iter():
            for attr in ("src", "srcset", "data"):
                if el.get(attr):
                    assert not urlparse(el.get(attr)).netloc, (path, el.tag, el.get(attr))
            if el.tag == "link" and el.get("rel") not in ("canonical", "edit") and el.get("href"):
                assert not urlparse(el.get("href")).netloc, (path, el.get("href"))
            if el.tag == "a":
                assert not (el.get("href") or "").strip().lower().startswith("javascript:"), path
        html = path.read_text()
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert 'data-md-component="source"' not in html  # would fetch api.github.com
    for css in real_site.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?https?://", css.read_text()), css
        assert "@import" not in css.read_text() or "http" not in css.read_text().split("@import", 1)[1][:80]


def test_home_shows_the_next_three_events_from_the_build_date(real_site):
    # KENNISBANK_TODAY=2019-05-01: the next are the June regiotafels.
    home = real_site.parse("")
    [upcoming] = [ul for ul in home.iter("ul") if ul.get("data-kb-upcoming-list") is not None]
    items = [li for li in upcoming.iter("li") if "kb-event" in (li.get("class") or "") and li.get("hidden") is None]
    titles = [li.find(".//a").text for li in items]
    assert len(titles) == 3
    # Month-only events sort at the start of their month; everything before May 2019 is past.
    assert titles == ["Start Bestuurlijk Platform Arbeidsmigratie",
                      "Regiotafel Arbeidsmigranten Noordoost-Brabant",
                      "Regiotafel Arbeidsmigranten Stedelijk gebied Eindhoven"]


def test_custom_404_page_in_dutch(real_site):
    html = (real_site.site / "404.html").read_text()
    assert "Pagina niet gevonden" in html


def test_search_index_finds_practices_by_their_facts_but_is_small(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["nl"]
    cat = load_catalog(DATA)
    for pid, p in cat.practices.items():
        entries = [d for d in index["docs"] if d["location"].startswith(f"goede-voorbeelden/{pid}/")]
        text = " ".join(d["title"] + " " + d["text"] for d in entries)
        assert p.titel in text
        for t in p.themas:
            assert cat.themes[t].naam in text
        # the long description is left out of the index (it is on the page)
        assert "Beschrijving" not in text


def test_search_index_leaves_out_listing_pages(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("goede-voorbeelden/thema/")]


def test_upcoming_and_past_follow_the_build_date(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "evenementen", "regiotafel-test", event(start="2030-03-14T14:00", einde="2030-03-14T16:30"))
    before = build(tmp_path, env={"KENNISBANK_TODAY": "2030-03-01"})
    assert before.returncode == 0, before.output
    agenda = before.parse("agenda")
    upcoming = agenda.find(".//*[@data-kb-upcoming]")
    assert "regiotafel-test/" in "".join(a.get("href") or "" for a in upcoming.iter("a"))
    assert "donderdag 14 maart 2030, 14.00–16.30 uur" in before.html("agenda")
    after = build(tmp_path, env={"KENNISBANK_TODAY": "2030-03-15"})
    assert after.returncode == 0, after.output
    past = after.parse("agenda").find(".//*[@data-kb-past]")
    assert "regiotafel-test/" in "".join(a.get("href") or "" for a in past.iter("a"))


def test_cancelled_event_stays_visible_and_is_marked(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    write_record(data, "evenementen", "afgelast", event(status="geannuleerd"))
    result = build(tmp_path, env={"KENNISBANK_TODAY": "2030-01-01"})
    assert result.returncode == 0, result.output
    assert "Geannuleerd" in result.html("agenda")
    assert "Deze bijeenkomst is geannuleerd." in result.html("agenda/afgelast")


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>'


def test_hostile_text_in_every_field_is_escaped_or_removed(tmp_path):
    data = copy_data(tmp_path / "data", records=False)
    evil_md = HOSTILE + "\n\n[klik](javascript:alert(1)) <a href=\"javascript:alert(2)\">a</a>"
    write_record(data, "goede-voorbeelden", "kwaadaardig", practice(
        titel="Titel " + HOSTILE[:60], samenvatting="Samenvatting " + HOSTILE,
        beschrijving=evil_md, resultaten=evil_md, organisaties=[HOSTILE],
        links=[{"titel": HOSTILE, "url": "https://example.org/?q=<script>"}],
        contact={"organisatie": HOSTILE, "email": "info@example.org"},
        bron={"titel": HOSTILE, "url": "https://example.org"}, bron_toelichting=HOSTILE[:150]))
    write_record(data, "evenementen", "kwaadaardig", event(
        titel="Bijeenkomst " + HOSTILE[:60], beschrijving=evil_md,
        locatie={"naam": HOSTILE[:150], "adres": HOSTILE[:150]}, gerelateerd=["kwaadaardig"]))
    result = build(tmp_path, env={"KENNISBANK_TODAY": "2030-01-01"})
    assert result.returncode == 0, result.output
    for url in ("goede-voorbeelden/kwaadaardig", "goede-voorbeelden", "agenda/kwaadaardig", "agenda", "",
                "goede-voorbeelden/thema/huisvesting"):
        doc = result.parse(url)
        scripts = [s for s in doc.iter("script")]
        assert all(s.get("src") or "alert" not in (s.text or "") for s in scripts), url
        for el in doc.iter():
            assert el.tag not in ("iframe", "object", "embed"), url
            assert not [a for a in el.attrib if a.lower().startswith("on")], (url, el.tag, el.attrib)
            href = (el.get("href") or "").strip().lower()
            assert not href.startswith("javascript:"), (url, href)
        # and the text is still there, as text
        assert "<script>" in "".join(doc.itertext()) or url in ("", "agenda/kwaadaardig", "agenda")
    title = result.parse("goede-voorbeelden/kwaadaardig").find(".//title").text
    assert title.startswith("Titel <script>")
    ics = (result.site / "agenda" / "kwaadaardig.ics").read_bytes()
    assert icalendar.Calendar.from_ical(ics)


def test_h1_and_front_matter_titles_are_escaped_in_title_and_header(tmp_path):
    copy_data(tmp_path / "data")
    docs = tmp_path / "docs"
    import shutil
    from tests.helpers import REPO
    shutil.copytree(REPO / "docs", docs)
    # (a <script> in a page body fails the build since the page scan: an inline tag tests the same escaping)
    (docs / "resultaten.md").write_text("# Resultaten </title><em>alert(1)</em> & meer\n\nTekst.\n")
    (docs / "over" / "privacy.md").write_text('---\ntitle: "Privacy </title><script>alert(2)</script>"\n---\n\n# Privacy\n\nTekst.\n')
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    for url in ("resultaten", "over/privacy", ""):
        doc = result.parse(url)
        # (a Markdown author may write HTML in the body; the title must not carry it elsewhere)
        for part in (doc.find("head"), doc.find(".//header")):
            assert not [s for s in part.iter("script") if "alert" in (s.text or "")], url
            assert not [s for s in part.iter("em") if "alert" in (s.text or "")], url
    assert "Resultaten" in result.parse("resultaten").find(".//title").text
    assert "Privacy </title><script>alert(2)</script>" in result.parse("over/privacy").find(".//title").text


@pytest.mark.parametrize("mutate, expect", [
    (lambda d: (d / "themas.yaml").write_text((d / "themas.yaml").read_text().replace("      - id: taal\n", "      - id: taal\n  oops\n")),
     r"data/themas\.yaml:\d+:\d+: .*ongeldige YAML"),
    (lambda d: write_record(d, "goede-voorbeelden", "fout-thema", practice(themas=["huisvestng"])),
     r"data/goede-voorbeelden/fout-thema\.yaml:\d+:\d+: 'themas\[0\]': thema 'huisvestng' bestaat niet"),
    (lambda d: write_record(d, "goede-voorbeelden", "js-link", practice(links=[{"titel": "x", "url": "javascript:alert(1)"}])),
     r"data/goede-voorbeelden/js-link\.yaml:\d+:\d+: 'links\[0\]\.url'"),
])
def test_invalid_data_fails_the_build_with_file_and_line(tmp_path, mutate, expect):
    data = copy_data(tmp_path / "data")
    mutate(data)
    result = build(tmp_path)
    assert result.returncode != 0
    assert re.search(expect, result.output), result.output[-2000:]


def test_shell_rendering_gives_the_same_html_as_a_full_render(tmp_path):
    copy_data(tmp_path / "data")
    fast = build(tmp_path, env={"KENNISBANK_TODAY": "2019-05-01", "KENNISBANK_SHELL": "1"})
    pages = {p: p.read_text() for p in fast.site.rglob("*.html") if "goede-voorbeelden/" in str(p) or "/agenda/" in str(p)}
    slow = build(tmp_path, env={"KENNISBANK_TODAY": "2019-05-01", "KENNISBANK_SHELL": "0"})
    assert fast.returncode == slow.returncode == 0
    assert pages
    squash = lambda h: re.sub(r"\s+", " ", h)  # noqa: E731 - the shell collapses template indentation
    for path, html in pages.items():
        assert squash(html) == squash(path.read_text()), path


def test_every_municipality_is_on_the_municipalities_page(real_site):
    cat = load_catalog(DATA)
    doc = real_site.parse("gemeenten")
    rows = doc.findall(".//table[@data-kb-municipality-table]/tbody/tr")
    assert len(rows) == len(cat.municipalities) == 56
    names = {"".join(r.find("th").itertext()) for r in rows}
    assert names == {m.naam for m in cat.municipalities.values()}
    from macros.core.site.views import POLICY_STATUS
    by_name = {m.naam: m for m in cat.municipalities.values()}
    for r in rows:  # each row shows that municipality's latest status, whatever it is
        status = by_name["".join(r.find("th").itertext())].current_status.status
        assert r.findall("td")[1].find("span").text == POLICY_STATUS[status]


def test_home_page_title_is_the_site_name_once(real_site):
    assert real_site.parse("").find(".//title").text == "Kennisbank Arbeidsmigratie"


def test_bodies_rendered_by_workers_give_the_same_site_byte_for_byte(tmp_path):
    """The pool (macros.core.render.parallel) must not change a byte: same tree with and without it."""
    env = {"KENNISBANK_TODAY": "2019-05-01", "SOURCE_DATE_EPOCH": "1700000000"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    copy_data(tmp_path / "a" / "data")
    copy_data(tmp_path / "b" / "data")
    pooled = build(tmp_path / "a", env={**env, "KENNISBANK_WORKERS": "2"})
    serial = build(tmp_path / "b", env={**env, "KENNISBANK_WORKERS": "0"})
    assert pooled.returncode == serial.returncode == 0, pooled.output[-2000:] + serial.output[-2000:]
    assert "met 2 extra proces(sen)" in pooled.output  # the pool really ran
    assert "extra proces" not in serial.output
    files = sorted(p.relative_to(pooled.site) for p in pooled.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(serial.site) for p in serial.site.rglob("*") if p.is_file())
    different = [f for f in files if (pooled.site / f).read_bytes() != (serial.site / f).read_bytes()]
    assert different == []
