"""The preview (`mkdocs serve`) writes most record pages itself from a shell MkDocs built, keeps bodies
whose inputs did not change, and recycles the previous site: it must still show exactly what a build
makes, and every change where it belongs."""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from macros.dev.mkdocs_serve import ServeLog, get, serving, wait_for
from tests.helpers import REPO, build, copy_data

pytestmark = pytest.mark.site
ENV = {"KENNISBANK_TODAY": "2026-11-24", "SOURCE_DATE_EPOCH": "1700000000"}
_LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>(?=</body>)", re.S)
# The preview's policy allows inline scripts (MkDocs' live-reload script): see macros/adapters/csp.py.
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _served(url: str) -> str:
    return _LIVERELOAD.sub("", get(url) or "")


def _without_csp(html: str) -> str:
    return _CSP.sub("<meta CSP>", html)


def test_preview_pages_are_the_pages_a_build_makes(tmp_path):
    copy_data(tmp_path / "data")
    built = build(tmp_path, env=ENV)
    assert built.returncode == 0, built.output[-2000:]
    site_url = "https://kennisbank-arbeidsmigratie.example.nl/"
    pages = sorted(p.parent.relative_to(built.site).as_posix() for p in built.site.glob("*/**/index.html")
                   if p.parent.parent.name in {"goede-voorbeelden", "thema", "regio", "beleidsvoorbeelden",
                                                "modelovereenkomsten"})
    assert len(pages) > 30
    with serving(tmp_path / "mkdocs.yml", ENV) as (url, _):
        wait_for(url + pages[-1] + "/", lambda html: "</html>" in html)
        for rel in pages:
            expected = (built.site / rel / "index.html").read_text(encoding="utf-8").replace(site_url, url)
            assert _without_csp(_served(url + rel + "/")) == _without_csp(expected), rel
        # A rebuild that changes no record page: each is moved back from the previous site, unchanged.
        over = tmp_path / "docs" / "over" / "index.md"
        over.write_text(over.read_text(encoding="utf-8") + "\nEen alinea voor de preview-test.\n", encoding="utf-8")
        wait_for(url + "over/", lambda html: "Een alinea voor de preview-test." in html)
        for rel in pages:  # (waits while the rebuild is still putting pages back)
            expected = _without_csp((built.site / rel / "index.html").read_text(encoding="utf-8").replace(site_url, url))
            wait_for(url + rel + "/", lambda html, e=expected: _without_csp(_LIVERELOAD.sub("", html)) == e, timeout=20)


def test_preview_shows_each_change_where_it_belongs(tmp_path):
    data = copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    practices = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "goede-voorbeelden").glob("*.yaml")}
    theme = "huisvesting"
    members = sorted(pid for pid, rec in practices.items() if theme in rec["themas"])
    assert len(members) >= 2
    edited, other = members[0], members[1]
    build(tmp_path, env=ENV)  # writes mkdocs.yml
    with serving(tmp_path / "mkdocs.yml", ENV) as (url, _):
        page = url + f"goede-voorbeelden/{edited}/"
        wait_for(page, lambda html: practices[edited]["titel"][:20] in html)
        before_other = _served(url + f"goede-voorbeelden/{other}/")
        # 1. A practice's title: its page, the theme listing and every page that lists it as related.
        path = data / "goede-voorbeelden" / f"{edited}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            f"titel: {practices[edited]['titel']}", "titel: Gewijzigde titel voor de preview", 1), encoding="utf-8")
        wait_for(page, lambda html: "Gewijzigde titel voor de preview" in html)
        assert "Gewijzigde titel voor de preview" in _served(url + f"goede-voorbeelden/thema/{theme}/")
        assert "Gewijzigde titel voor de preview" in _served(url + "goede-voorbeelden/")  # its card (kept per practice)
        related_to_edited = [pid for pid in practices if pid != edited
                             and f'href="../{edited}/">' in (_served(url + f"goede-voorbeelden/{pid}/"))]
        assert related_to_edited, "no page lists the edited practice as related"
        for pid in related_to_edited:
            assert "Gewijzigde titel voor de preview" in _served(url + f"goede-voorbeelden/{pid}/"), pid
        # 2. A theme's name (site-wide data): every practice page with that theme.
        themas = data / "themas.yaml"
        text = themas.read_text(encoding="utf-8")
        name = next(t["naam"] for pl in yaml.safe_load(text)["pijlers"] for t in pl["themas"] if t["id"] == theme)
        themas.write_text(text.replace(f"naam: {name}\n", "naam: Woonruimte (preview)\n", 1), encoding="utf-8")
        wait_for(page, lambda html: "Woonruimte (preview)" in html)
        assert "Woonruimte (preview)" in _served(url + f"goede-voorbeelden/{other}/")
        library = _served(url + "goede-voorbeelden/")
        assert library.count('<span class="kb-chip">Woonruimte (preview)</span>') == len(members)  # every card
        assert _served(url + f"goede-voorbeelden/{other}/") != before_other


def test_after_rebuilds_the_preview_serves_every_page_a_build_makes(tmp_path):
    """Markdown pages keep their conversion between rebuilds (markdown_pages.py), events, municipality and
    region pages leave MkDocs' loop (search entries by Material's parser): after a data edit and a page
    edit, every page the preview serves, and its search index, equal a fresh build of the same files."""
    data = copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    build(tmp_path, env=ENV)  # writes mkdocs.yml
    record = sorted((data / "goede-voorbeelden").glob("*.yaml"))[0]
    over = tmp_path / "docs" / "over" / "index.md"
    with serving(tmp_path / "mkdocs.yml", ENV) as (url, proc):
        log = ServeLog(proc)
        log.wait_for("Serving on", 0, 300)
        for change in (lambda: record.write_text(record.read_text(encoding="utf-8").replace("titel: ", "titel: Nieuw - ", 1), encoding="utf-8"),
                       lambda: over.write_text(over.read_text(encoding="utf-8") + "\nNog een alinea.\n", encoding="utf-8")):
            mark = len(log.lines)
            change()
            log.wait_for("Reloading browsers", mark, 180)
        served_index = json.loads(get(url + "search/search_index.json") or "{}")
        built = build(tmp_path, env=ENV)
        assert built.returncode == 0, built.output[-2000:]
        site_url = "https://kennisbank-arbeidsmigratie.example.nl/"
        pages = sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob("index.html"))
        assert len(pages) > 100
        for rel in pages:
            expected = _without_csp((built.site / rel).read_text(encoding="utf-8").replace(site_url, url))
            assert _without_csp(_served(url + rel.removesuffix("index.html"))) == expected, rel
    built_index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    key = lambda e: (e["location"], e["title"], e["text"])  # noqa: E731
    assert sorted(map(key, served_index["docs"])) == sorted(map(key, built_index["docs"]))


def test_a_page_with_a_broken_link_fails_every_rebuild_until_it_is_mended(tmp_path):
    """A conversion that warned is not kept: under --strict the next rebuild fails on it again."""
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    build(tmp_path, env=ENV)
    over, privacy = tmp_path / "docs" / "over" / "index.md", tmp_path / "docs" / "over" / "privacy.md"
    with serving(tmp_path / "mkdocs.yml", ENV) as (_, proc):
        log = ServeLog(proc)
        log.wait_for("Serving on", 0, 300)
        mark = len(log.lines)
        over.write_text(over.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
        log.wait_for("Aborted with", mark, 180)
        mark = len(log.lines)
        privacy.write_text(privacy.read_text(encoding="utf-8") + "\nEen alinea.\n", encoding="utf-8")
        log.wait_for("Aborted with", mark, 180)
        assert not any("Reloading browsers" in line for _, line in log.lines[mark:])
