"""LoadCache: a load with a cache kept across loads gives exactly what a load without one gives (the
same catalog, the same errors in the same order), while files whose bytes did not change are not
parsed and schema-checked again."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from macros.core.catalog import Catalog, CatalogError, DataError, LoadCache, load_catalog, loader
from macros.core.catalog.errors import display_path
from macros.core.catalog.yamlio import YamlSyntaxError, decode, load_file
from tests.helpers import copy_data, practice, write_record

PRACTICES = "goede-voorbeelden"
RELATED = "regiotafels-arbeidsmigranten-brabant"  # a practice that events name in `gerelateerd`


def outcome(data: Path, cache: LoadCache | None = None) -> tuple[Catalog | None, list, str]:
    try:
        return load_catalog(data, cache=cache), [], ""
    except CatalogError as exc:
        return None, exc.errors, exc.report()


def same_as_without_cache(data: Path, cache: LoadCache) -> tuple[Catalog | None, list]:
    cached = outcome(data, cache)
    fresh = outcome(data)
    assert cached[1] == fresh[1]  # DataError: path, line, column, field, message; in order
    assert cached[2] == fresh[2]  # the report people read
    assert cached[0] == fresh[0]
    return cached[0], cached[1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")


def test_every_kind_of_change_gives_the_same_result_as_a_load_without_cache(data: Path):
    files = len(list(data.rglob("*.yaml")))
    cache = LoadCache()
    cat, errors = same_as_without_cache(data, cache)
    assert cat is not None and not errors
    assert (cache.hits, cache.misses, len(cache)) == (0, files, files)
    cat, _ = same_as_without_cache(data, cache)
    assert (cache.hits, cache.misses) == (files, 0)

    target = data / PRACTICES / f"{RELATED}.yaml"
    original = target.read_text(encoding="utf-8")
    broken_yaml = 'titel: "niet afgesloten\nsamenvatting: x\n'
    mistakes = practice(titel="x" * 130, status="klaar", themas=["huisvestin"], bijgewerkt="2030-02-30",
                        scope={"niveau": "gemeente", "gemeenten": ["Tilburg"]}, bron="onbekende-bron")
    steps: list[tuple[str, Callable[[], object], int]] = [
        ("a changed file", lambda: edit(target, "titel: ", "titel: Bewerkt: "), 1),
        ("schema errors, a dangling reference, an impossible date",
         lambda: write_record(data, PRACTICES, RELATED, mistakes), 1),
        ("broken YAML", lambda: target.write_text(broken_yaml, encoding="utf-8"), 1),
        ("fixed again", lambda: target.write_text(original, encoding="utf-8"), 1),
        ("a deleted file that events refer to", target.unlink, 0),
        ("the file back", lambda: target.write_text(original, encoding="utf-8"), 1),
        ("a new file", lambda: write_record(data, PRACTICES, "nieuw-voorbeeld", practice()), 1),
        ("a new file with duplicate keys and a placeholder",
         lambda: write_record(data, PRACTICES, "nog-niet-af", "titel: a\ntitel: b\nsamenvatting: «samenvatting»\n"), 1),
        ("a file name that is not an id", lambda: write_record(data, PRACTICES, "Hoofdletters", practice()), 1),
        ("an empty file", lambda: write_record(data, PRACTICES, "leeg", ""), 1),
        ("not UTF-8", lambda: (data / PRACTICES / "latin1.yaml").write_bytes("titel: café\n".encode("latin-1")), 1),
        ("a theme removed from themas.yaml (unchanged practices now refer to nothing)",
         lambda: edit(data / "themas.yaml", "id: huisvesting", "id: huisvesting-en-wonen"), 1),
        ("themas.yaml restored", lambda: edit(data / "themas.yaml", "id: huisvesting-en-wonen", "id: huisvesting"), 1),
        ("a file nobody reads", lambda: (data / PRACTICES / "notitie.yml").write_text("x: 1\n", encoding="utf-8"), 0),
    ]
    for what, change, misses in steps:
        change()
        cat, errors = same_as_without_cache(data, cache)
        assert cache.misses == misses, what
        assert len(cache) == cache.hits + cache.misses, what  # entries of files no longer read are gone
    assert cat is None and len({e.path for e in errors}) >= 5

    for path in [*(data / PRACTICES).glob("*.yaml"), data / PRACTICES / "notitie.yml"]:
        if path.stem in ("nieuw-voorbeeld", "nog-niet-af", "Hoofdletters", "leeg", "latin1", "notitie"):
            path.unlink()
    edit(data / "schemas" / "goed-voorbeeld.schema.json", '"maxLength": 120', '"maxLength": 10')
    cat, errors = same_as_without_cache(data, cache)
    assert cache.misses == files  # a schema file changed: every file is checked again
    assert cat is None and {e.message.split(":")[0] for e in errors} == {"te lang"}
    edit(data / "schemas" / "goed-voorbeeld.schema.json", '"maxLength": 10', '"maxLength": 120')
    cat, errors = same_as_without_cache(data, cache)
    assert cat is not None and not errors and cache.misses == files


def test_a_load_leaves_the_cached_documents_as_they_were_parsed(data: Path):
    """Entries are shared between loads: nothing after the parse may change a document or its marks."""
    write_record(data, PRACTICES, "fouten", practice(status="klaar", themas=["huisvestin"], extra={"a": [1]}))
    cache = LoadCache()
    for _ in range(2):
        outcome(data, cache)
    entries = cache._entries  # noqa: SLF001 - the test looks at what the cache keeps
    assert len(entries) > 20
    for path, (_key, result) in entries.items():
        assert result.located is not None
        fresh = load_file(Path(path))
        assert (result.located.data, result.located.marks, result.located.duplicates) == \
               (fresh.data, fresh.marks, fresh.duplicates), path


def test_the_same_bytes_elsewhere_or_with_other_schemas_are_not_mixed_up(tmp_path: Path):
    """One cache used for two data folders: each load gives its own folder's result."""
    one, two = copy_data(tmp_path / "een" / "data"), copy_data(tmp_path / "twee" / "data")
    edit(two / "schemas" / "goed-voorbeeld.schema.json", '"maxLength": 120', '"maxLength": 10')
    cache = LoadCache()
    for data in (one, two, one, two):
        same_as_without_cache(data, cache)
        assert cache.hits == 0


def test_a_schema_edit_takes_effect_in_a_running_process_without_cache(data: Path):
    assert outcome(data)[0] is not None
    edit(data / "schemas" / "goed-voorbeeld.schema.json", '"maxLength": 120', '"maxLength": 10')
    assert outcome(data)[0] is None


@pytest.mark.parametrize("raw", [b"a: 1\r\nb: 2\r\n", b"a: 1\rb: 2\r", b"a: |\r\n  x\r\r\n  y\n", "é: «x»\n".encode(),
                                 b"\xef\xbb\xbfa: 1\n", b"a: \xff\n", b"a: caf\xc3", b"a: \xe2\x82\n"])
def test_decoding_bytes_reads_like_read_text(tmp_path: Path, raw: bytes):
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    try:
        expected: object = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        expected = f"het bestand is geen UTF-8 ({exc.reason})"
    try:
        got: object = decode(raw)
    except YamlSyntaxError as exc:
        got = exc.message
    assert got == expected


def test_every_file_of_the_real_data_is_reused_when_nothing_changed(data: Path):
    cache = LoadCache()
    first = load_catalog(data, cache=cache)
    again = load_catalog(data, cache=cache)
    assert again == first and cache.misses == 0 and cache.hits == len(cache) > 20


def _unread_by_rglob(root: Path) -> list[tuple[Path, str]]:
    """The check as it was written with Path.rglob: the reference for the faster walk."""
    out = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or rel.parts[0] == "schemas" or rel.name.startswith("."):
            continue
        known = (len(rel.parts) == 1 and rel.name in loader.TAXONOMIES) or (
            len(rel.parts) == 2 and rel.parts[0] in loader.COLLECTIONS and rel.suffix == ".yaml")
        if not known:
            out.append((path, " (gebruik de extensie .yaml)" if rel.suffix == ".yml" else ""))
    return out


def test_files_nobody_reads_are_found_as_rglob_finds_them(tmp_path: Path):
    root = copy_data(tmp_path / "data", records=False)
    elsewhere = tmp_path / "elders"
    (elsewhere / "binnen").mkdir(parents=True)
    (elsewhere / "binnen" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (elsewhere / "los.yaml").write_text("a: 1\n", encoding="utf-8")
    for name in ("goede-voorbeelden/a.yml", "goede-voorbeelden/.verborgen.yaml", "goede-voorbeelden/b.",
                 "goede-voorbeelden/c.yaml.bak", "goede-voorbeelden/sub/d.yaml", ".git/config", ".verborgen/e.yaml",
                 "onbekend/f.yaml", "schemas/extra.txt", "README", "evenementen/g.YAML", "x.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("a: 1\n", encoding="utf-8")
    (root / "map-link").symlink_to(elsewhere, target_is_directory=True)
    (root / "goede-voorbeelden" / "link.yaml").symlink_to(elsewhere / "los.yaml")
    (root / "gebroken-link").symlink_to(tmp_path / "bestaat-niet")
    (root / "beleidsvoorbeelden" / "map.yaml").mkdir()
    rd = loader._Reader(root)
    loader._unread_files(rd)
    expected = [DataError(display_path(path, root), 1, 1, "", f"dit bestand wordt niet gelezen: onbekende plaats of naam{hint}")
                for path, hint in _unread_by_rglob(root)]
    assert len(expected) >= 9 and rd.errors == expected
