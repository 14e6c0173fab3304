"""Scaffolds: a completed file passes the check untouched; placeholders left unedited fail it at their line."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.catalog import CatalogError, load_catalog
from macros.core.catalog.placeholders import PLACEHOLDER
from macros.core.news import load_posts
from macros.core.scaffold import scaffold, slugify
from tests.helpers import REPO, build, copy_data

TODAY = dt.date(2026, 11, 24)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    for post in (tmp_path / "docs" / "actueel" / "posts").glob("*.md"):
        post.unlink()
    return tmp_path


def _fill(path: Path, answers: dict[str, str]) -> None:
    """What a contributor does: replace each placeholder (here by the first answer that fits its text)."""
    text = path.read_text(encoding="utf-8")
    for holder, value in answers.items():
        text = re.sub(r"«" + re.escape(holder) + r"[^»\n]*»", value, text)
    assert not PLACEHOLDER.search(text), text
    path.write_text(text, encoding="utf-8")


def test_slug_from_a_dutch_title():
    assert slugify("Regiotafel De Peel: één keer 's avonds!") == "regiotafel-de-peel-een-keer-s-avonds"


def test_practice_scaffold_left_unedited_fails_at_each_placeholder_line(repo):
    path = scaffold(repo, "voorbeeld", {"TITEL": "Taal op de werkvloer"}, TODAY)
    assert path == repo / "data" / "goede-voorbeelden" / "taal-op-de-werkvloer.yaml"
    with pytest.raises(CatalogError) as info:
        load_catalog(repo / "data")
    errors = info.value.errors
    lines = path.read_text(encoding="utf-8").splitlines()
    assert errors and all(e.path == "data/goede-voorbeelden/taal-op-de-werkvloer.yaml" for e in errors)
    # at the placeholder's line, or for a block of text (`beschrijving: |`) at its first line
    assert all("nog niet ingevuld" in e.message and "«" in lines[e.line - 1] + lines[e.line] for e in errors)
    assert {e.field for e in errors} >= {"samenvatting", "beschrijving", "themas[0]", "scope.gemeenten[0]", "bron.titel"}


def test_each_scaffold_once_filled_in_passes_and_the_site_builds(repo):
    path = scaffold(repo, "voorbeeld", {"TITEL": "Taal op de werkvloer"}, TODAY)
    _fill(path, {"Eén tot drie": "Een korte samenvatting.", "Wat is het": "Een beschrijving.",
                 "thema-id": "taal", "CBS-code": "GM0855", "naam van de organisatie": "Gemeente Tilburg",
                 "titel van het document": "Eigen onderzoek"})
    cat = load_catalog(repo / "data")
    assert cat.practices["taal-op-de-werkvloer"].titel == "Taal op de werkvloer"
    event = scaffold(repo, "evenement", {"TITEL": "Regiotafel De Peel", "DATUM": "2027-03-11T14:00", "EINDE": "2027-03-11T16:00"}, TODAY)
    _fill(event, {"regiotafel |": "regiotafel", "Waar gaat": "Over huisvesting.", "titel van de uitnodiging": "Uitnodiging"})
    post = scaffold(repo, "bericht", {"TITEL": "Nieuwe regiotafels", "DATUM": "2026-11-20"}, TODAY)
    _fill(post, {"categorie": "Aanpak", "Eén of twee zinnen": "Een samenvatting.", "Eerste alinea": "Het belangrijkste.",
                 "De rest": "Meer tekst."})
    result = build(repo, env={"KENNISBANK_TODAY": "2026-11-24"})
    assert result.returncode == 0, result.output
    assert "Taal op de werkvloer" in result.html("goede-voorbeelden/taal-op-de-werkvloer")
    assert "Regiotafel De Peel" in result.html("agenda/2027-03-regiotafel-de-peel")
    assert "Nieuwe regiotafels" in result.html("actueel/nieuwe-regiotafels")


def test_event_scaffold_takes_the_date_and_derives_the_id(repo):
    path = scaffold(repo, "evenement", {"TITEL": "Regiotafel De Peel", "DATUM": "2027-03-11T14:00"}, TODAY)
    assert path.name == "2027-03-regiotafel-de-peel.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'start: "2027-03-11T14:00"' in text and "«2027-03-11TUU:MM" in text  # the end time is asked for


def test_event_scaffold_uses_the_month_in_the_id_never_today(repo):
    path = scaffold(repo, "evenement", {"TITEL": "Regiotafel", "ID": "2027-03-regiotafel-de-peel"}, TODAY)
    text = path.read_text(encoding="utf-8")
    assert 'start: "2027-03"' in text and TODAY.isoformat() + "T" not in text


def test_event_scaffold_left_unedited_fails_and_filled_in_passes(repo):
    path = scaffold(repo, "evenement", {"TITEL": "Netwerkbijeenkomst", "DATUM": "2027-05-20"}, TODAY)
    with pytest.raises(CatalogError) as info:
        load_catalog(repo / "data")
    assert {e.field for e in info.value.errors} == {"soort", "beschrijving", "bron.titel"}
    _fill(path, {"regiotafel |": "netwerkbijeenkomst", "Waar gaat": "Over huisvesting.", "titel van de uitnodiging": "Uitnodiging"})
    assert "2027-05-netwerkbijeenkomst" in load_catalog(repo / "data").events


def test_post_scaffold_left_unedited_fails_and_filled_in_builds(repo):
    path = scaffold(repo, "bericht", {"TITEL": "Nieuwe regiotafels in 2027", "DATUM": "2026-11-20"}, TODAY)
    assert path == repo / "docs" / "actueel" / "posts" / "nieuwe-regiotafels-in-2027.md"
    posts, errors = load_posts(repo / "docs")
    assert not posts and errors and all(e.path == "docs/actueel/posts/nieuwe-regiotafels-in-2027.md" for e in errors)
    assert {e.line for e in errors} == {i for i, line in enumerate(path.read_text().splitlines(), 1) if "«" in line}
    _fill(path, {"categorie": "Aanpak", "Eén of twee zinnen": "Een samenvatting.", "Eerste alinea": "Het belangrijkste.",
                 "De rest": "Meer tekst."})
    posts, errors = load_posts(repo / "docs")
    assert not errors and posts[0].title == "Nieuwe regiotafels in 2027" and posts[0].date == dt.date(2026, 11, 20)


def test_scaffold_refuses_bad_input_and_existing_files(repo):
    with pytest.raises(ValueError, match="titel"):
        scaffold(repo, "voorbeeld", {}, TODAY)
    with pytest.raises(ValueError, match="JJJJ-MM-DD"):
        scaffold(repo, "evenement", {"TITEL": "X", "DATUM": "11 maart"}, TODAY)
    scaffold(repo, "voorbeeld", {"TITEL": "Een"}, TODAY)
    with pytest.raises(ValueError, match="bestaat al"):
        scaffold(repo, "voorbeeld", {"TITEL": "Een"}, TODAY)


def test_make_target_takes_variables_when_not_on_a_terminal(tmp_path):
    """`make nieuw-evenement TITEL=… DATUM=…` in a copy of the repository, as CI or a script runs it."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "docs" / "actueel" / "posts").mkdir(parents=True)
    env = {**os.environ, "TITEL": "Regiotafel Hart van Brabant", "DATUM": "2027-04-08"}
    proc = subprocess.run([sys.executable, "-m", "macros", "--repo", str(root), "nieuw", "evenement"], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "data/evenementen/2027-04-regiotafel-hart-van-brabant.yaml" in proc.stdout and "make serve" in proc.stdout
    check = subprocess.run([sys.executable, "-m", "macros", "--data", str(root / "data"), "--docs", str(root / "docs"), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 1 and "2027-04-regiotafel-hart-van-brabant.yaml:" in check.stderr
    assert "nog niet ingevuld" in check.stderr


def test_a_post_by_an_unknown_author_is_reported(repo):
    (repo / "docs" / "actueel" / "posts" / "x.md").write_text(
        "---\ndate: 2026-11-01\nauthors: [niemand]\ndescription: Samenvatting.\n---\n\n# Titel\n\nTekst.\n", encoding="utf-8")
    _, errors = load_posts(repo / "docs")
    assert [(e.line, e.field) for e in errors] == [(3, "authors")] and "niemand" in errors[0].message
