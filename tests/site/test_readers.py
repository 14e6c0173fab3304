"""What a reader sees in the built HTML (issue #12): truthful events, labels, headings in the table of
contents, record pages for readers, Dutch landmarks. The real site is built as on 2019-05-01."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from macros.core.catalog import load_catalog
from tests.helpers import DATA, REPO, build

pytestmark = pytest.mark.site

PAST_PLANNED = "agenda/2019-04-regiotafel-west-brabant-west"  # 12 April 2019, status gepland, no source says it was held
PAST_MONTH = "agenda/2019-01-brabantse-netwerkbijeenkomst"  # January 2019, day unknown


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _visible_text(doc) -> str:
    """Text of the page without elements marked hidden (what a reader sees without the script)."""
    def walk(el) -> str:
        if el.get("hidden") is not None or el.tag in ("script", "style", "template"):
            return el.tail or ""
        return (el.text or "") + "".join(walk(c) for c in el) + (el.tail or "")
    return re.sub(r"\s+", " ", walk(doc))


def test_a_past_planned_event_says_what_is_known_not_that_it_took_place(real_site):
    doc = real_site.parse(PAST_PLANNED)
    text = _visible_text(doc)
    assert "plaatsgevonden" not in text
    assert "Gepland op vrijdag 12 april 2019; of deze is doorgegaan, is niet bekend." in text
    assert "Gepland; niet bekend of deze is doorgegaan" in text  # the status agrees with the note
    assert "Zet in agenda" not in text  # only for upcoming events


def test_an_upcoming_event_offers_the_calendar_file_and_says_gepland(real_site):
    text = _visible_text(real_site.parse("agenda/2019-06-regiotafel-noordoost-brabant"))
    assert "Zet in agenda" in text and "Gepland" in text and "doorgegaan" not in text


def test_a_held_event_says_so(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(DATA, root / "data")
    path = root / "data" / "evenementen" / "2019-04-regiotafel-west-brabant-west.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: gepland", "status: gehouden"), encoding="utf-8")
    result = build(root, env={"KENNISBANK_TODAY": "2019-05-01"})
    assert result.returncode == 0, result.output
    text = _visible_text(result.parse(PAST_PLANNED))
    assert "Deze bijeenkomst heeft plaatsgevonden." in text and "doorgegaan" not in text


def test_a_past_month_only_event_reads_day_not_known_not_not_yet_known(real_site):
    doc = real_site.parse(PAST_MONTH)
    [facts] = [s for s in doc.iter("section") if "kb-facts" in (s.get("class") or "")]
    text = _visible_text(facts)
    assert "januari 2019 (datum in de maand niet bekend)" in text
    assert "nog niet bekend" not in text
    agenda = real_site.parse("agenda")
    [past] = [d for d in agenda.iter("div") if d.get("data-kb-past") is not None]
    assert "januari 2019 (datum in de maand niet bekend)" in _text(past)


def test_agenda_and_home_section_headings_are_in_the_table_of_contents(real_site):
    # Issue #9.2: headings around macro output come from Markdown, so they have a toc entry and permalink.
    for url, ids in (("agenda", ("komend", "eerder")), ("", ("per-thema", "recent", "bijeenkomsten"))):
        html = real_site.html(url)
        for anchor in ids:
            assert re.search(rf'<h2 id="{anchor}">[^<]+<a class="headerlink" href="#{anchor}"', html), (url, anchor)
            assert f'href="#{anchor}"' in html.split('data-md-component="toc"', 1)[-1] or \
                re.search(rf'class="md-nav__link" href="#{anchor}"', html), (url, anchor)


def test_every_section_heading_is_in_the_table_of_contents(real_site):
    """Slots (macro output) may hold headings only of repeated items (a card, a month, a year); every
    section heading comes from Markdown and so is in the page's table of contents."""
    for url in ("", "agenda", "goede-voorbeelden"):
        html = real_site.html(url)
        toc = html.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0] if 'data-md-component="toc"' in html else ""
        content = html.split('<article', 1)[1].split("</article>", 1)[0]
        for m in re.finditer(r'<h2([^>]*)>', content):
            if "kb-card__title" in m.group(1):
                continue  # a card's title: a repeated item
            anchor = re.search(r'id="([^"]+)"', m.group(1))
            assert anchor and f'href="#{anchor.group(1)}"' in toc, (url, m.group(0))


def test_cards_and_practice_pages_never_show_onbekend_dot_onbekend(real_site):
    cat = load_catalog(DATA)
    assert any(p.status == "onbekend" and p.jaar == "onbekend" for p in cat.practices.values())
    html = real_site.html("goede-voorbeelden")
    facts = re.findall(r'<span class="kb-card__facts">([^<]*)</span>', html)
    assert facts and all("onbekend · onbekend" not in f.lower() for f in facts)
    assert any("Status onbekend" in f and "Jaar onbekend" in f for f in facts)
    assert all(not f.startswith("onbekend") for f in facts)
    # facet values are capitalised alike: no lower-case option label
    for label in re.findall(r'data-kb-label="([^"]+)"', html):
        assert label.lstrip("'")[0].isupper() or label[0].isdigit() or label.startswith("'s"), label


def test_region_names_are_spelled_one_way(real_site):
    for path in real_site.site.rglob("*.html"):
        assert "Kempen - A2" not in path.read_text(encoding="utf-8"), path


def test_no_page_claims_the_province_owns_the_site(real_site):
    for url in ("", "over"):
        text = _visible_text(real_site.parse(url))
        assert "De site is van de Provincie" not in text
        assert "Op deze site deelt de Provincie" not in text
    footer = real_site.html("").split('class="md-copyright"', 1)[1][:400]
    assert "Provincie Noord-Brabant" not in footer
    assert 'name="author"' not in real_site.html("")


def test_record_pages_have_a_breadcrumb_the_active_tab_and_a_contributor_edit_link(real_site):
    cat = load_catalog(DATA)
    pid = sorted(cat.practices)[0]
    for url, section in ((f"goede-voorbeelden/{pid}", "Goede voorbeelden"), (PAST_PLANNED, "Agenda"),
                         ("goede-voorbeelden/thema/huisvesting", "Goede voorbeelden")):
        html = real_site.html(url)
        assert 'aria-label="Kruimelpad"' in html, url
        active = re.search(r'<li class="md-tabs__item md-tabs__item--active">\s*<a[^>]*>\s*([^<]+?)\s*</a>', html)
        assert active and active.group(1) == section, url
        assert "het YAML-bestand" not in html and "<code>data/" not in html, url
    html = real_site.html(f"goede-voorbeelden/{pid}")
    assert re.search(r'<a href="[^"]+/edit/main/data/goede-voorbeelden/[^"]+\.yaml"[^>]*>Voor bijdragers: dit voorbeeld aanpassen</a>', html)


def test_landmarks_are_named_in_dutch_and_the_search_count_is_grammatical(real_site):
    html = real_site.html("")
    for english in ('aria-label="Header"', 'aria-label="Tabs"', 'aria-label="Footer"'):
        assert english not in html
    assert 'aria-label="Kopbalk"' in html and 'aria-label="Hoofdmenu"' in html
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["translations"]["search.result.one"] == "1 overeenkomend document"


def test_home_says_plainly_when_nothing_is_planned_and_shows_the_most_recent(tmp_path):
    root = tmp_path / "later"
    shutil.copytree(REPO / "data", root / "data")
    result = build(root, env={"KENNISBANK_TODAY": "2030-01-01"})
    assert result.returncode == 0, result.output
    home = result.parse("")
    text = _visible_text(home)
    assert "Er staan op dit moment geen bijeenkomsten gepland. Dit waren de meest recente:" in text
    assert "Brabantse Netwerkbijeenkomst Arbeidsmigratie (december 2020)" in text or "2020" in text
    assert "Binnenkort" not in text


def test_every_internal_link_on_generated_and_index_pages_resolves(real_site):
    """Unpublished empty listings must not leave dead links behind (home, library, records)."""
    from urllib.parse import urljoin, urlparse
    site = real_site.site
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).parent.as_posix()
        base = "http://x/" + (rel + "/" if rel != "." else "")
        for href in re.findall(r'href="([^"#]+)', path.read_text(encoding="utf-8")):
            url = urlparse(urljoin(base, href.replace("&amp;", "&")))
            if url.netloc != "x" or url.path.endswith((".ics", ".css", ".js", ".svg", ".xml", ".json")):
                continue
            target = site / url.path.lstrip("/")
            assert (target / "index.html").exists() or target.is_file(), (rel, href)
