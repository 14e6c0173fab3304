"""The scaffolding command writes a file that, once filled in, passes the check."""
from __future__ import annotations

import pytest

from macros.core.catalog import load_catalog
from macros.core.scaffold import scaffold


@pytest.mark.parametrize("kind, folder", [("goed-voorbeeld", "goede-voorbeelden"), ("evenement", "evenementen"),
                                          ("beleidsvoorbeeld", "beleidsvoorbeelden")])
def test_scaffolded_file_is_valid_as_written(data_dir, kind, folder):
    path = scaffold(data_dir, kind, "nieuw-record")
    assert path == data_dir / folder / "nieuw-record.yaml"
    cat = load_catalog(data_dir)  # the template itself is valid
    records = {"goede-voorbeelden": cat.practices, "evenementen": cat.events, "beleidsvoorbeelden": cat.policies}[folder]
    assert "nieuw-record" in records


def test_scaffold_refuses_bad_ids_and_existing_files(data_dir):
    with pytest.raises(ValueError):
        scaffold(data_dir, "goed-voorbeeld", "Met Spaties")
    scaffold(data_dir, "goed-voorbeeld", "een")
    with pytest.raises(ValueError):
        scaffold(data_dir, "goed-voorbeeld", "een")
