"""Reproducible builds: the same sources, KENNISBANK_TODAY and SOURCE_DATE_EPOCH give the same bytes,
whichever directory the build runs in (sitemap.xml.gz included)."""
from __future__ import annotations

import hashlib
import shutil

from tests.helpers import REPO, build


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
