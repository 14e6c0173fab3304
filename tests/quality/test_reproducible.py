"""Reproducible builds: the same sources, KENNISBANK_TODAY and SOURCE_DATE_EPOCH give the same bytes,
whichever directory the build runs in (sitemap.xml.gz included)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys

from tests.helpers import REPO, build, practice, write_record


def tree(root) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_of_the_real_site_are_byte_identical(tmp_path):
    env = {"KENNISBANK_TODAY": "2019-05-01", "SOURCE_DATE_EPOCH": "1556668800", "PYTHONHASHSEED": "random"}
    trees = []
    for name in ("een", "twee-andere-map"):
        root = tmp_path / name
        shutil.copytree(REPO / "data", root / "data")
        result = build(root, env=env)
        assert result.returncode == 0, result.output
        trees.append(tree(result.site))
    first, second = trees
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first
    assert first.keys() == second.keys()
    differ = sorted(k for k in first if first[k] != second[k])
    assert not differ, f"verschillend tussen twee builds: {differ[:20]}"


def test_a_rebuild_over_the_previous_site_equals_a_build_into_an_empty_folder(tmp_path):
    """The previous site is set aside and its page folders reused (site_recycler.py): what is left must
    be exactly what a build into an empty folder makes, nothing of the previous site besides."""
    env = {"KENNISBANK_TODAY": "2019-05-01", "SOURCE_DATE_EPOCH": "1556668800"}
    again, fresh = tmp_path / "opnieuw", tmp_path / "leeg"
    for root in (again, fresh):
        shutil.copytree(REPO / "data", root / "data")
    gone = write_record(again / "data", "goede-voorbeelden", "verdwijnt", practice(titel="Praktijk die verdwijnt"))
    first = build(again, env=env)
    assert first.returncode == 0, first.output
    kept = first.site / "goede-voorbeelden" / "10000-talenplan-limburg" / "index.html"
    inode = kept.stat().st_ino
    assert (first.site / "goede-voorbeelden" / "verdwijnt" / "index.html").exists()
    (first.site / "los-bestand.txt").write_text("van de vorige keer", encoding="utf-8")
    (kept.parent / "extra.txt").write_text("hoort niet bij de pagina", encoding="utf-8")
    last = sorted((REPO / "data" / "goede-voorbeelden").glob("*.yaml"))[-1].stem  # not the page MkDocs builds
    other = first.site / "goede-voorbeelden" / last / "index.html"
    other_inode = other.stat().st_ino
    # what a killed build left beside the site (its process is gone)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = again / f"site.kb-vorige-{int(dead.stdout)}-1"
    (left / "goede-voorbeelden").mkdir(parents=True)
    gone.unlink()

    second = build(again, env=env)
    assert second.returncode == 0, second.output
    expected = build(fresh, env=env)
    assert expected.returncode == 0, expected.output
    got, want = tree(second.site), tree(expected.site)
    assert sorted(got.keys() - want.keys()) == [], "bestanden van de vorige build zijn blijven staan"
    assert sorted(want.keys() - got.keys()) == []
    assert sorted(k for k in want if got[k] != want[k]) == []
    assert sorted(p.name for p in again.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]
    # the mechanism itself: a page whose folder held only its file was written into the same file
    assert other.stat().st_ino == other_inode
    assert kept.stat().st_ino != inode  # a folder with more than the page in it is not taken back


def test_a_dirty_build_leaves_the_previous_site_alone(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KENNISBANK_TODAY": "2019-05-01"}
    shutil.copytree(REPO / "data", tmp_path / "data")
    first = build(tmp_path, env={"KENNISBANK_TODAY": "2019-05-01"})
    assert first.returncode == 0, first.output
    (first.site / "los-bestand.txt").write_text("blijft", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "-f",
                           str(tmp_path / "mkdocs.yml")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (first.site / "los-bestand.txt").read_text(encoding="utf-8") == "blijft"
    assert not list(tmp_path.glob("site.kb-vorige-*"))
