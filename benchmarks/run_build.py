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
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build's worker processes (and git)
    # CPU time of every process of the build: what it costs, whatever the number of cores.
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    peak = max(usage.ru_maxrss, children.ru_maxrss) / 1024  # the largest single process
    print("BENCH " + json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": peak, "ok": ok}))
    sys.exit(0 if ok else 1)
