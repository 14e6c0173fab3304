"""When each file last changed, from git history: one `git log` per build. Outside a git checkout (a
copy in a temp dir, an export) nothing is known and nothing is shown: a date is never guessed."""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(folder: Path) -> dict[str, dt.date]:
    """{path relative to ``folder`` (posix): date of the last commit that changed it}."""
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=30)
        if top.returncode != 0:
            return {}
        log = subprocess.run(["git", "-C", str(folder), "log", "--format=%x00%cs", "--name-only", "--no-renames",
                              "--relative", "--", "."], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if log.returncode != 0:
        return {}
    out: dict[str, dt.date] = {}
    date: dt.date | None = None
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            date = dt.date.fromisoformat(line[1:])
        elif line and date is not None:
            out.setdefault(line, date)  # newest commit first: the first date seen is the last change
    return out
