"""Every internal link of the built site resolves: the page or file exists and a #fragment names an
element on it. External http(s), mailto: and webcal: links are out of scope (no network here)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib
import pytest

SITE_ORIGIN = "http://kennisbank.invalid/"
SKIP_SCHEMES = {"http", "https", "mailto", "webcal", "tel"}


def page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    if rel == "index.html":
        return SITE_ORIGIN
    if rel.endswith("/index.html"):
        return SITE_ORIGIN + rel[: -len("index.html")]
    return SITE_ORIGIN + rel


def target_file(site: Path, url_path: str) -> Path | None:
    rel = unquote(url_path).lstrip("/")
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def anchors(doc) -> set[str]:
    return {el.get(attr) for el in doc.iter() for attr in ("id", "name") if el.get(attr)}


def broken_links(site: Path) -> tuple[int, list[str]]:
    """(number of internal links checked, the broken ones as "page: href (why)")."""
    docs, ids = {}, {}

    def parsed(path: Path):
        if path not in docs:
            docs[path] = html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)
            ids[path] = anchors(docs[path])
        return docs[path], ids[path]

    broken, checked = [], 0
    for path in sorted(site.rglob("*.html")):
        doc, _ = parsed(path)
        base = page_url(site, path)
        for el in doc.iter():
            href = el.get("href") if el.tag in ("a", "link", "area") else None
            if not href or href.startswith("javascript:") or (el.tag == "link" and el.get("rel") == "canonical"):
                continue  # canonical: the absolute site_url address
            url = urlsplit(urljoin(base, href))
            if url.scheme in SKIP_SCHEMES and f"{url.scheme}://{url.netloc}/" != SITE_ORIGIN:
                continue
            checked += 1
            target = target_file(site, url.path)
            where = f"{path.relative_to(site)}: {href}"
            if target is None:
                broken.append(f"{where} (bestaat niet)")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parsed(target)[1]:
                broken.append(f"{where} (anker #{url.fragment} ontbreekt)")
    return checked, broken


@pytest.mark.site
def test_every_internal_link_and_anchor_resolves(real_site):
    checked, broken = broken_links(real_site.site)
    assert checked > 100
    assert not broken, f"{len(broken)} kapotte links:\n" + "\n".join(broken[:50])


@pytest.mark.site
def test_every_ics_link_points_at_a_feed_that_exists(real_site):
    site = real_site.site
    feeds = [(path, a.get("href")) for path in site.rglob("*.html")
             for a in html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False).iter("a")
             if (a.get("href") or "").endswith(".ics")]
    assert feeds
    for path, href in feeds:
        target = target_file(site, urlsplit(urljoin(page_url(site, path), href)).path)
        assert target is not None and target.read_bytes().startswith(b"BEGIN:VCALENDAR"), (path, href)


def test_the_link_check_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/#er-is">ok</a><a href="b/">weg</a><a href="a/#weg">anker</a><a href="/a/">absoluut</a>'
        '<a href="https://example.org/x">extern</a><a href="mailto:x@example.org">mail</a><a href="#">top</a>'
        '<a href="a/agenda.ics">feed</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="er-is">Er is</h2><a href="../#top">terug</a>')
    checked, broken = broken_links(tmp_path)
    assert checked == 7
    assert broken == ["a/index.html: ../#top (anker #top ontbreekt)", "index.html: b/ (bestaat niet)",
                      "index.html: a/#weg (anker #weg ontbreekt)", "index.html: a/agenda.ics (bestaat niet)"]
