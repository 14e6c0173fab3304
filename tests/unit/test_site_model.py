"""The site model: the registry has a page per record; the agenda splits on the build date."""
from __future__ import annotations

import datetime as dt
import time

from macros.catalog import load_catalog
from macros.site.registry import SiteModel
from tests.helpers import DATA, event, practice, write_record


def test_registry_has_a_page_per_record_with_an_edit_link_to_its_yaml():
    cat = load_catalog(DATA)
    pages = SiteModel(cat, dt.date(2026, 11, 23)).pages(lambda p: f"EDIT/{p}")
    practices = {p.src_uri for p in pages if p.kind == "practice"}
    events = {p.src_uri for p in pages if p.kind == "event"}
    assert practices == {f"goede-voorbeelden/{i}.md" for i in cat.practices}
    assert events == {f"agenda/{i}.md" for i in cat.events}
    page = next(p for p in pages if p.kind == "practice")
    assert page.source_path.startswith("data/goede-voorbeelden/") and page.url.endswith("/")
    assert "EDIT/data/goede-voorbeelden/" in page.render_body()


def test_event_moves_from_upcoming_to_past_with_the_build_date(data_dir):
    write_record(data_dir, "evenementen", "e", event(start="2030-03-14T14:00", einde="2030-03-14T16:30"))
    cat = load_catalog(data_dir)
    before = SiteModel(cat, dt.date(2030, 3, 14)).agenda
    after = SiteModel(cat, dt.date(2030, 3, 15)).agenda
    assert [e.id for e in before.upcoming] == ["e"] and not before.past
    assert [e.id for e in after.past] == ["e"] and not after.upcoming


def test_month_only_event_stays_upcoming_until_the_month_ends(data_dir):
    write_record(data_dir, "evenementen", "m", event(start="2030-09", einde="2030-11"))
    cat = load_catalog(data_dir)
    assert SiteModel(cat, dt.date(2030, 11, 30)).agenda.upcoming
    assert SiteModel(cat, dt.date(2030, 12, 1)).agenda.past


def test_related_practices_share_a_theme_or_region_and_scale_linearly(data_dir):
    for i in range(300):
        theme = ["huisvesting", "registratie", "taal"][i % 3]
        write_record(data_dir, "goede-voorbeelden", f"p{i:04d}", practice(titel=f"Praktijk {i:04d}", themas=[theme]))
    cat = load_catalog(data_dir)
    model = SiteModel(cat, dt.date(2030, 1, 1))
    p = cat.practices["p0000"]
    related = model.index.related(p)
    assert related and all(set(r.themas) & set(p.themas) or set(r.region_ids) & set(p.region_ids) for r in related)
    assert p not in related
    started = time.perf_counter()
    for q in cat.practices.values():
        model.index.related(q)
    assert time.perf_counter() - started < 2.0
