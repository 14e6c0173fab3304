"""Actueel: posts, archive and category pages in Dutch, feeds that feed readers parse, the home page."""
from __future__ import annotations

import feedparser
import pytest

from macros.core.news import load_posts
from tests.helpers import REPO, build, copy_data

pytestmark = pytest.mark.site

SITE_URL = "https://kennisbank-arbeidsmigratie.example.nl/"


@pytest.mark.parametrize("feed", ["feeds/actueel.xml", "feeds/actueel-atom.xml"])
def test_feeds_parse_and_every_entry_links_to_its_post_with_date_and_summary(real_site, feed):
    posts, errors = load_posts(REPO / "docs")
    assert not errors and posts
    parsed = feedparser.parse((real_site.site / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.link == SITE_URL + "actueel/"
    by_link = {e.link: e for e in parsed.entries}
    assert set(by_link) == {SITE_URL + p.url for p in posts}
    for p in posts:
        entry = by_link[SITE_URL + p.url]
        assert entry.title == p.title and entry.summary == p.description
        assert entry.published_parsed[:3] == (p.date.year, p.date.month, p.date.day)
        assert (real_site.site / p.url / "index.html").exists()  # the link resolves on the built site
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_news_pages_are_in_dutch_and_link_the_feeds(real_site):
    index = real_site.html("actueel")
    assert "Archief" in index and "Categorieën" in index
    assert 'href="../feeds/actueel.xml"' in index and 'href="../feeds/actueel-atom.xml"' in index
    post = real_site.parse("actueel/plan-van-aanpak-2019-2020")
    assert post.find(".//h1").text == "Plan van Aanpak Arbeidsmigratie 2019-2020"
    assert "12 juni 2019" in real_site.html("actueel/plan-van-aanpak-2019-2020")
    assert (real_site.site / "actueel" / "archief" / "2019" / "index.html").exists()
    assert (real_site.site / "actueel" / "categorie" / "andere-provincies" / "index.html").exists()


def test_home_page_shows_the_three_newest_posts(real_site):
    posts, _ = load_posts(REPO / "docs")
    home = real_site.parse("")
    news = home.find(".//ul[@class='kb-news']")
    links = [a.get("href") for a in news.iter("a")]
    assert links == [p.url for p in posts[:3]]


def test_a_post_with_placeholders_fails_the_build_with_file_and_line(tmp_path):
    import shutil
    copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "actueel" / "posts" / "half.md").write_text(
        "---\ndate: 2026-11-01\ndescription: \"«samenvatting»\"\n---\n\n# Half af\n\nTekst.\n", encoding="utf-8")
    result = build(tmp_path)
    assert result.returncode != 0
    assert "docs/actueel/posts/half.md:3:" in result.output and "nog niet ingevuld" in result.output
