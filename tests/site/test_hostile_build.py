"""The build refuses what `make check` refuses: nothing hostile reaches site/."""
from __future__ import annotations

import shutil

import pytest

from tests.helpers import REPO, build, copy_data, event, write_record

pytestmark = pytest.mark.site


def _repo(tmp_path):
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    return tmp_path


def test_a_symlinked_file_in_docs_is_not_published(tmp_path):
    root = _repo(tmp_path)
    (root / "docs" / "passwd.txt").symlink_to("/etc/passwd")
    result = build(root)
    assert result.returncode != 0
    assert "docs/passwd.txt" in result.output and "symbolische link" in result.output
    assert not (root / "site" / "passwd.txt").exists()


def test_a_symlinked_data_file_is_not_read(tmp_path):
    root = _repo(tmp_path)
    outside = tmp_path / "buiten.yaml"
    outside.write_text("geheim: KB-GEHEIM\n", encoding="utf-8")
    (root / "data" / "goede-voorbeelden" / "buiten.yaml").symlink_to(outside)
    result = build(root)
    assert result.returncode != 0
    assert "data/goede-voorbeelden/buiten.yaml" in result.output and "KB-GEHEIM" not in result.output


@pytest.mark.parametrize("rid, clash", [("agenda", "agenda/agenda.ics"), ("index", "agenda/index.html")])
def test_an_event_id_that_clashes_fails_the_build_naming_the_clash(tmp_path, rid, clash):
    root = _repo(tmp_path)
    write_record(root / "data", "evenementen", rid, event())
    result = build(root)
    assert result.returncode != 0
    assert f"'{clash}' zou twee keer gemaakt worden" in result.output
    assert f"data/evenementen/{rid}.yaml" in result.output


def test_nesting_100000_deep_fails_the_build_cleanly(tmp_path):
    root = _repo(tmp_path)
    (root / "data" / "goede-voorbeelden" / "diep.yaml").write_text("titel: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = build(root)
    assert result.returncode == 1, result.returncode  # not 139 (segmentation fault)
    assert "data/goede-voorbeelden/diep.yaml:1:" in result.output and "te diep genest" in result.output


@pytest.mark.parametrize("body", [
    "<script>alert(1)</script>",
    '<img src="x.png" onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "[klik](java&#115;cript:alert(1))",
    '<a href="&#x6A;avascript:alert(1)">x</a>',
])
def test_a_page_with_script_fails_the_build(tmp_path, body):
    root = _repo(tmp_path)
    (root / "docs" / "agenda" / "proef.md").write_text(f"# Proef\n\n{body}\n", encoding="utf-8")
    result = build(root)
    assert result.returncode != 0, result.output
    assert "docs/agenda/proef.md" in result.output


def test_links_to_other_sites_carry_noopener(real_site):
    for path in real_site.site.rglob("*.html"):
        doc = real_site.parse(str(path.relative_to(real_site.site)))
        for a in doc.iter("a"):
            href = a.get("href") or ""
            if href.startswith(("http://", "https://")) and "edit" not in (a.get("rel") or "").split():
                assert "noopener" in (a.get("rel") or "").split(), (path, href)
