"""`python -m benchmarks.preview` runs end to end at a tiny size (20 practices, one edit per kind): both
servers start, every edit reaches the browser, the JSON has a sample per site and kind, and live reload
works under each page's Content-Security-Policy. A smoke test of the benchmark, not a latency target.
In a subprocess: the browser tests already hold Playwright's sync API."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import REPO

pytestmark = pytest.mark.site


def test_preview_benchmark_runs(tmp_path):
    out = tmp_path / "preview.json"
    proc = subprocess.run([sys.executable, "-m", "benchmarks.preview", "--sizes", "20", "--repeat", "1",
                           "--pause", "0.5", "--json", str(out)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    runs = json.loads(out.read_text())["runs"]["20"]
    for who in ("ours", "a"):
        assert runs[who]["livereload_with_csp"] is True, who  # the page's policy lets MkDocs' reload script run
        for kind in ("record", "page"):
            (sample,) = runs[who]["edits"][kind]
            assert 0 < sample["watcher_s"] < sample["total_s"], sample
            # painted (the browser's clock) after the rebuild started, and no later than the harness saw it
            assert sample["watcher_s"] < sample["painted_s"] <= sample["total_s"] + 0.01, sample
            # MkDocs' logger drops a "Documentation built in" line equal to an earlier one (to 0.01 s, likely
            # at this size), so the build's own time may be unknown; the rebuild's wall time never is
            assert sample["rebuild_wall_s"] > 0 and sample["rebuilds"] >= 1, sample
    assert "| 20 | record |" in proc.stdout
