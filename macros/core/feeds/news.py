"""The news feeds for feed readers: RSS 2.0 and Atom, written with feedgen. Every link is absolute,
and the feed's own dates come from the posts (two builds of one commit give the same bytes)."""
from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..news import BLOG_DIR, Post

TITLE = "Actueel — Kennisbank Arbeidsmigratie"
SUBTITLE = "Nieuws over arbeidsmigratie in Noord-Brabant, met de bron van elk bericht."
RSS_PATH = "feeds/actueel.xml"
ATOM_PATH = "feeds/actueel-atom.xml"


def _moment(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, 9, 0, tzinfo=dt.UTC)


def _generator(posts: list[Post], site_url: str, author: str, self_path: str) -> FeedGenerator:
    base = site_url.rstrip("/") + "/"
    fg = FeedGenerator()
    fg.link(href=base + self_path, rel="self")  # before 'alternate': feedgen's RSS <link> is the last one set
    fg.id(base + f"{BLOG_DIR}/")
    fg.title(TITLE)
    fg.subtitle(SUBTITLE)
    fg.language("nl")
    fg.author({"name": author})
    fg.link(href=base + f"{BLOG_DIR}/", rel="alternate")
    newest = _moment(max((p.date for p in posts), default=dt.date(2019, 1, 1)))
    fg.updated(newest)
    fg.lastBuildDate(newest)
    for post in reversed(posts):  # feedgen prepends: oldest first gives newest first in the file
        url = base + post.url
        fe = fg.add_entry()
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(post.title)
        fe.link(href=url)
        fe.summary(post.description)
        fe.description(post.description)
        fe.published(_moment(post.date))
        fe.updated(_moment(post.date))
        for category in post.categories:
            fe.category(term=category)
    return fg


def rss(posts: list[Post], site_url: str, author: str) -> bytes:
    return _generator(posts, site_url, author, RSS_PATH).rss_str(pretty=True)


def atom(posts: list[Post], site_url: str, author: str) -> bytes:
    return _generator(posts, site_url, author, ATOM_PATH).atom_str(pretty=True)
