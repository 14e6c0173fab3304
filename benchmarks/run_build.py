"""Run one `mkdocs build` in this process and print its wall time and peak memory as JSON."""
from __future__ import annotations

import json
import resource
import sys
import time

if __name__ == "__main__":
    started = time.perf_counter()
    from mkdocs.__main__ import cli
    try:
        cli.main(args=["build", "--clean", "-f", sys.argv[1]] + sys.argv[2:], standalone_mode=False)
        ok = True
    except SystemExit as exc:  # pragma: no cover
        ok = exc.code in (0, None)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("BENCH " + json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "ok": ok}))
    sys.exit(0 if ok else 1)
