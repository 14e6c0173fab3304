"""Every page says when it was last updated: records from `bijgewerkt`, Markdown pages from git
history; outside git nothing is shown (never a guessed date). Stale practices get a warning."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers import REPO, build, copy_data, practice, write_record

pytestmark = pytest.mark.site


def _git(root, *args, date="2025-03-04T10:00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Test",
           "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_markdown_pages_show_their_last_commit_date(tmp_path):
    copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "eerste versie")
    page = tmp_path / "docs" / "resultaten.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "resultaten bijgewerkt", date="2026-01-15T12:00:00")
    result = build(tmp_path, env={"KENNISBANK_TODAY": "2026-11-24"})
    assert result.returncode == 0, result.output
    assert 'Laatst bijgewerkt: <time datetime="2026-01-15">15 januari 2026</time>' in result.html("resultaten")
    assert 'Laatst bijgewerkt: <time datetime="2025-03-04">4 maart 2025</time>' in result.html("aanpak")


def test_outside_git_no_date_is_shown(real_site):
    assert "kb-page-updated" not in real_site.html("aanpak")


def test_check_warns_but_passes_for_a_practice_not_updated_in_two_years(data_dir):
    write_record(data_dir, "goede-voorbeelden", "oud", practice(bijgewerkt="2019-01-01"))
    write_record(data_dir, "goede-voorbeelden", "nieuw", practice(bijgewerkt="2099-01-01"))
    proc = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_dir), "check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "goede-voorbeelden/oud.yaml: voor het laatst bijgewerkt op 2019-01-01" in proc.stderr
    assert "nieuw.yaml" not in proc.stderr
