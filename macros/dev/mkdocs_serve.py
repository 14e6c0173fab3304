"""`mkdocs serve` in a subprocess on a free loopback port, for tests of the live preview."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
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
