"""The preview's file watcher (macros/adapters/watcher.py): the operating system reports changes, one
save starts one rebuild (a build reads every watched file: reads must not start another), and a file
an editor replaces (write a new file, rename it over the old one) is still watched afterwards."""
from __future__ import annotations

import os
import shutil
import time

import pytest

from macros.dev.mkdocs_serve import ServeLog, serving
from tests.helpers import REPO, copy_data, site_config

pytestmark = pytest.mark.site
NATIVE = "wijzigingen worden gemeld door het besturingssysteem"


def _rebuilds(log: ServeLog, mark: int) -> int:
    return sum("Detected file changes" in line for _, line in log.lines[mark:])


def _save(log: ServeLog, change) -> int:
    """Make one change; wait until the preview has rebuilt and then stays quiet for two seconds; the
    number of rebuilds it started."""
    mark = len(log.lines)
    change()
    log.wait_for("Reloading browsers", mark, 180)
    time.sleep(2)
    return _rebuilds(log, mark)


def test_one_save_one_rebuild_and_a_replaced_file_stays_watched(tmp_path):
    data = copy_data(tmp_path / "data")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    config = site_config(tmp_path)
    record = sorted((data / "goede-voorbeelden").glob("*.yaml"))[0]
    with serving(config, livereload=True) as (_, proc):
        log = ServeLog(proc)
        log.wait_for("Serving on", 0, 300)
        assert any(NATIVE in line for _, line in log.lines), log.tail()

        # an in-place save of a record, as most editors do
        text = record.read_text(encoding="utf-8")
        assert _save(log, lambda: record.write_text(text.replace("titel: ", "titel: Gewijzigd ", 1), encoding="utf-8")) == 1
        # a page
        page = tmp_path / "docs" / "over" / "index.md"
        assert _save(log, lambda: page.write_text(page.read_text(encoding="utf-8") + "\nEen alinea.\n", encoding="utf-8")) == 1

        # mkdocs.yml replaced by rename, twice: the second replacement is seen too
        def replace(i: int) -> None:
            new = config.with_name(f".mkdocs.yml.{i}.tmp")
            new.write_text(config.read_text(encoding="utf-8") + f"\n# opgeslagen {i}\n", encoding="utf-8")
            os.replace(new, config)

        for i in range(2):
            assert _save(log, lambda i=i: replace(i)) == 1, log.tail()
        assert "ERROR" not in "\n".join(line for _, line in log.lines), log.tail()


def test_polling_stays_available(tmp_path):
    copy_data(tmp_path / "data", records=False)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    config = site_config(tmp_path)
    page = tmp_path / "docs" / "over" / "index.md"
    with serving(config, {"KENNISBANK_WATCHER": "polling"}) as (_, proc):
        log = ServeLog(proc)
        log.wait_for("Serving on", 0, 300)
        assert not any(NATIVE in line for _, line in log.lines)
        assert _save(log, lambda: page.write_text(page.read_text(encoding="utf-8") + "\nEen alinea.\n", encoding="utf-8")) == 1
