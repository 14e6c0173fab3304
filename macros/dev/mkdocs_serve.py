"""`mkdocs serve` in a subprocess on a free loopback port, for tests of the live preview."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get(url: str, timeout: float = 5) -> str | None:
    """The page at ``url``, or None while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return str(resp.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, predicate: Callable[[str], bool], timeout: float = 60) -> str:
    """Poll ``url`` until ``predicate(page)`` holds; AssertionError (with the last page) on timeout."""
    deadline, last = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        page = get(url)
        if page is not None:
            last = page
            if predicate(page):
                return page
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url}; last page:\n{last[:2000]}")


class ServeLog:
    """The serve process's output, line by line, each with the time (perf_counter) it was read."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self._cond.notify_all()
        with self._cond:
            self.lines.append((time.perf_counter(), "<<process ended>>"))
            self._cond.notify_all()

    def wait_for(self, needle: str, start: int, timeout: float) -> tuple[int, float, str]:
        """The first line at or after index ``start`` containing ``needle``: (index, time, line)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i in range(start, len(self.lines)):
                    t, line = self.lines[i]
                    if needle in line:
                        return i, t, line
                    if line == "<<process ended>>":
                        raise RuntimeError(f"mkdocs serve stopped:\n{self.tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"no {needle!r} in the serve log within {timeout:.0f} s:\n{self.tail()}")
                self._cond.wait(left)

    def tail(self, n: int = 40) -> str:
        return "\n".join(line for _, line in self.lines[-n:])


@contextmanager
def serving(config: Path, env: dict[str, str] | None = None, livereload: bool = True) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Run `mkdocs serve --strict` for ``config``; yield (base URL, process); stop it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    if not livereload:
        cmd.insert(5, "--no-livereload")
    proc = subprocess.Popen(cmd, cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}/", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
