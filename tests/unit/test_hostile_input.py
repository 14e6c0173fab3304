"""The red team's inputs: `make check` (``python -m macros check``) ends within 5 s on each, exit 1, with a
Dutch message that names the file (and line where there is one), printed safely."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.core.catalog.errors import DataError, shorten, visible
from macros.core.checks import scan_html, scan_markdown
from tests.helpers import REPO, copy_data, event, practice, site_config, write_record

LIMIT_S = 5.0


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository in a temp dir: mkdocs.yml, docs/ and data/ (taxonomies, no records)."""
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    site_config(tmp_path)
    return tmp_path


def check(repo: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "macros", "--config", str(repo / "mkdocs.yml"), "check"],
                          cwd=repo, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "KENNISBANK_TODAY": "2026-11-24"})
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - started


def assert_refused(repo: Path, *expected: str) -> str:
    code, out, took = check(repo)
    assert code == 1, (code, out[:2000])  # not a crash (139), not a traceback (1 with 'Traceback')
    assert took < LIMIT_S, took
    assert "Traceback" not in out, out[:2000]
    assert "\x1b" not in out
    for text in expected:
        assert text in out, (text, out[:2000])
    return out


# -- 4. alias bomb ----------------------------------------------------------------------------------
def test_an_alias_bomb_is_refused_at_its_line(repo):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    assert len(bomb.encode()) < 600
    (repo / "data" / "goede-voorbeelden" / "bom.yaml").write_text(bomb, encoding="utf-8")
    out = assert_refused(repo, "data/goede-voorbeelden/bom.yaml:1:", "anker of verwijzing")
    assert len(out) < 2000


def test_a_merge_key_alias_is_refused_too(repo):
    rec = "titel: &t Proef\nsamenvatting: *t\n"
    write_record(repo / "data", "goede-voorbeelden", "merge", rec)
    assert_refused(repo, "data/goede-voorbeelden/merge.yaml:1:", "anker of verwijzing")


# -- 5. quadratic regex, long values ------------------------------------------------------------------
def test_a_200000_character_title_is_quick_and_not_echoed(repo):
    title = "a" * 200_000 + "\nb"  # a second line: the old one-line pattern backtracked quadratically
    write_record(repo / "data", "goede-voorbeelden", "lang", practice(titel=title))
    out = assert_refused(repo, "data/goede-voorbeelden/lang.yaml:1:", "'titel'", "te lang")
    assert len(out) < 2000


def test_a_long_unknown_key_and_enum_value_are_shortened(repo):
    rec = practice(status="x" * 100_000)
    rec["k" * 100_000] = 1
    write_record(repo / "data", "goede-voorbeelden", "lang", rec)
    out = assert_refused(repo, "onbekend veld", "geen geldige waarde", "(100000 tekens)")
    assert len(out) < 3000


# -- 6. deep nesting ------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", ["flow", "block", "indent"])
@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deep_nesting_fails_cleanly_naming_the_file(repo, shape, depth):
    if shape == "indent":  # indentation grows quadratically: 900 levels stay under the file size limit
        if depth > 5_000:
            pytest.skip("100,000 indented levels are 5 GB")
        depth = 900
    if shape == "flow":
        text = "titel: " + "[" * depth + "]" * depth + "\n"
    elif shape == "block":
        text = "titel:\n" + "- " * depth + "x\n"
    else:
        text = "".join(" " * i + "a:\n" for i in range(depth)) + " " * depth + "x\n"
    (repo / "data" / "goede-voorbeelden" / "diep.yaml").write_text(text, encoding="utf-8")
    assert_refused(repo, "data/goede-voorbeelden/diep.yaml:", "te diep genest")



@pytest.mark.parametrize("text", [
    "- " * 25 + "x\n", "- " * 24 + "x\n", "a: 1\n" + " " * 50 + "x\n", "a: 1\n" + " " * 49 + "x\n",
    "a: 1\r" + " " * 60 + "x\n", "a: 1\n" + "? " * 25, "a: 1\n" + "-: " * 17, "a: 1\n\n", "",
    "a:\n" + " " * 49 + "\t" + " " * 10 + "x\n", "a: '" + " " * 60 + "'\n",
])
def test_the_quick_depth_bound_looks_at_line_starts_like_the_multiline_regex(text):
    import re

    from macros.core.catalog.yamlio import _may_be_deep
    lead = re.compile(r"^[ ?:-]{50,}", re.M)  # the regex it replaced
    assert _may_be_deep(text) == (lead.search(text) is not None or text.count("[") + text.count("{") > 50)

# -- 9. size -----------------------------------------------------------------------------------------------
def test_a_50_mb_field_is_refused_without_reading_it(repo):
    path = repo / "data" / "goede-voorbeelden" / "groot.yaml"
    with path.open("w", encoding="utf-8") as f:
        f.write("titel: Groot\nbeschrijving: ")
        chunk = "woord " * 10_000
        for _ in range(50_000_000 // len(chunk)):
            f.write(chunk)
        f.write("\n")
    assert_refused(repo, "data/goede-voorbeelden/groot.yaml:1:1", "te groot")


def test_field_limits_are_in_the_schema(repo):
    write_record(repo / "data", "goede-voorbeelden", "veel", practice(
        beschrijving="x" * 20_001, organisaties=[f"Organisatie {i}" for i in range(61)]))
    assert_refused(repo, "'beschrijving': te lang: 20001 tekens", "'organisaties': te veel waarden: 61")


# -- 10. control characters ------------------------------------------------------------------------------
def test_ansi_sequences_are_escaped_in_every_message(repo):
    ansi = '"\\e[2J\\e[H\\e[32mdata in orde\\e[0m"'
    text = (f"titel: Proef\nstatus: {ansi}\nthemas: [{ansi}]\n{ansi}: 1\n")
    write_record(repo / "data", "goede-voorbeelden", "ansi", text)
    out = assert_refused(repo, "\\x1b[2J")
    assert "\x1b" not in out


def test_visible_and_shorten():
    assert visible("a\x1b[31mb\u202ec\nd") == "a\\x1b[31mb\\u202ec\\x0ad"
    assert shorten("x" * 100, 10) == "x" * 10 + "… (100 tekens)"
    assert "\x1b" not in str(DataError("a\x1b.yaml", 1, 1, "\x1b", "\x9b2J"))


# -- 3. symlinks ----------------------------------------------------------------------------------------------
def test_symlinks_under_docs_data_and_overrides_are_refused(repo):
    (repo / "docs" / "passwd.txt").symlink_to("/etc/passwd")
    (repo / "docs" / "gelekt").symlink_to("/etc")
    (repo / "data" / "goede-voorbeelden" / "buiten.yaml").symlink_to("/etc/hostname")
    overrides = repo / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    (overrides / "assets" / "sleutel.txt").symlink_to("/etc/hostname")
    site_config(repo, theme={"name": "material", "custom_dir": "overrides", "language": "nl"})
    out = assert_refused(repo, "docs/passwd.txt", "docs/gelekt", "data/goede-voorbeelden/buiten.yaml",
                         "overrides/assets/sleutel.txt", "symbolische link")
    assert "root:x:0:0" not in out


# -- 7. generated paths --------------------------------------------------------------------------------------
@pytest.mark.parametrize("rid, clash", [("agenda", "agenda/agenda.ics"), ("index", "agenda/index.html")])
def test_an_event_id_that_clashes_with_a_generated_path_is_named(repo, rid, clash):
    write_record(repo / "data", "evenementen", rid, event())
    assert_refused(repo, f"data/evenementen/{rid}.yaml:1:1", f"'{clash}' zou twee keer gemaakt worden")


def test_a_region_that_clashes_with_a_province_page_is_named(repo):
    regions = repo / "data" / "regios.yaml"
    text = regions.read_text(encoding="utf-8")
    first = text.index("\n  - id:")
    extra = "\n  - id: noord-brabant\n    naam: Noord-Brabant\n    soort: samenwerkingsregio\n    bron: pva-2019"
    regions.write_text(text[:first] + extra + text[first:], encoding="utf-8")
    # Listings are published only for areas with practices: one practice in both makes both pages.
    write_record(repo / "data", "goede-voorbeelden", "in-beide",
                 practice(scope={"niveau": "regio", "regios": ["noord-brabant"], "provincie": "noord-brabant"}))
    assert_refused(repo, "data/regios.yaml", "'goede-voorbeelden/regio/noord-brabant/index.html' zou twee keer")


def test_a_practice_id_that_clashes_with_a_docs_page_is_named(repo):
    write_record(repo / "data", "goede-voorbeelden", "index", practice())
    assert_refused(repo, "data/goede-voorbeelden/index.yaml", "docs/goede-voorbeelden/index.md")


# -- 8. times that do not exist ---------------------------------------------------------------------------------
@pytest.mark.parametrize("start, message", [("2027-03-28T02:30", "geen bestaande datum of tijd"),
                                            ("2027-03-14T14:00:00", "zonder seconden")])
def test_spring_gap_times_and_seconds_are_refused(repo, start, message):
    write_record(repo / "data", "evenementen", "tijd", event(start=start, einde="2027-03-28T04:00"))
    assert_refused(repo, "data/evenementen/tijd.yaml:", message)


# -- 2. pages ------------------------------------------------------------------------------------------------------
PAGE = """---
title: Proef
---

# Proef

Tekst met `<script>in code</script>` en [een link](https://example.org/).

<script>alert(1)</script>

<img src="x.png" onerror="alert(1)">

[klik](javascript:alert(1)) en [plaatje](data:text/html;base64,PHNjcmlwdD4=)

[ref]: JaVa&#x73;cript:alert(1)

```html
<script>ook in code</script>
```
"""


def test_the_page_scan_reports_scripts_handlers_and_bad_links_with_lines():
    found = scan_markdown(PAGE)
    lines = [line for line, _, _ in found]
    assert lines == [9, 11, 13, 13, 15], found
    assert "<script>" in found[0][2] and "onerror" in found[1][2]


def test_the_html_scan_catches_what_markdown_made():
    assert scan_html('<p><a href="java&#x09;script:alert(1)">x</a></p>')
    assert scan_html('<svg><animate onbegin="alert(1)"/></svg>')
    assert not scan_html('<p><a href="https://example.org/" title="javascript: nee">x</a></p>')


def test_make_check_reports_pages_with_file_and_line(repo):
    (repo / "docs" / "agenda" / "proef.md").write_text(PAGE, encoding="utf-8")
    assert_refused(repo, "docs/agenda/proef.md:9:1", "docs/agenda/proef.md:11:1", "docs/agenda/proef.md:13:")


def test_the_real_repository_passes():
    code, out, took = check(REPO)
    assert code == 0, out


def test_front_matter_and_code_are_not_page_content():
    text = '---\ntitle: "<script>x</script>"\n---\n\n# T\n\n    gewone tekst\n\n`[a](javascript:x)`\n'
    assert scan_markdown(text) == []
