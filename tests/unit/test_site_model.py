"""The site model: the registry has a page per record; the agenda splits on the build date."""
from __future__ import annotations

import datetime as dt

from macros.core.catalog import load_catalog
from macros.core.site.registry import SiteModel
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


class _CountingDict(dict):
    """Counts lookups: the work related() does, independent of the machine's speed."""

    lookups = 0

    def __getitem__(self, key):
        type(self).lookups += 1
        return super().__getitem__(key)


def _lookups_per_call(data_dir, n: int) -> float:
    for i in range(n):
        theme = ["huisvesting", "registratie", "taal"][i % 3]
        write_record(data_dir, "goede-voorbeelden", f"p{i:05d}", practice(titel=f"Praktijk {i:05d}", themas=[theme]))
    model = SiteModel(load_catalog(data_dir), dt.date(2030, 1, 1))
    model.index._position = _CountingDict(model.index._position)
    _CountingDict.lookups = 0
    for q in model.cat.practices.values():
        model.index.related(q)
    return _CountingDict.lookups / n


def test_related_practices_do_not_look_at_the_whole_library(tmp_path):
    """Work per practice grows with log(n) (a binary search), not with n: 8x the practices, well under 2x the work."""
    from tests.helpers import copy_data
    small = _lookups_per_call(copy_data(tmp_path / "a", records=False), 150)
    large = _lookups_per_call(copy_data(tmp_path / "b", records=False), 1200)
    assert large < small * 2, (small, large)
