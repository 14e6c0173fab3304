from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, Build, build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real site (docs/ and data/ of the repository), built once with a fixed build date."""
    root = tmp_path_factory.mktemp("real-site")
    shutil.copytree(REPO / "data", root / "data")
    result = build(root, env={"KENNISBANK_TODAY": "2019-05-01"})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    from tests.helpers import copy_data
    return copy_data(tmp_path / "data", records=False)
