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
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime  # barely moved by other processes on a shared machine
    print("BENCH " + json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": usage.ru_maxrss / 1024, "ok": ok}))
    sys.exit(0 if ok else 1)
