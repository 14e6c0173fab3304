"""Page bodies rendered ahead in forked workers: same results, in order, whoever rendered them."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from macros.core.render import parallel
from macros.core.render.parallel import ParallelBodies, worker_count
from macros.dev.sitebuild import REPO


def _jobs(n: int) -> list:
    return [lambda i=i: f"{i}:{os.getpid()}" for i in range(n)]


def _in_order_with_workers() -> None:
    bodies = ParallelBodies(_jobs(200), workers=1, chunk=8)
    bodies.start()
    assert bodies.parallel
    try:
        got = [bodies.get(i) for i in range(200)]
    finally:
        bodies.close()
    assert [g.split(":")[0] for g in got] == [str(i) for i in range(200)]
    assert {g.split(":")[1] for g in got} - {str(os.getpid())}, "no body was rendered by a worker"


def test_every_body_comes_back_in_order_and_workers_did_some_of_them():
    # In a fresh interpreter: a test process may hold threads (browsers, servers), and then nothing forks.
    code = "from tests.unit.test_parallel import _in_order_with_workers as t; t()"
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_without_workers_the_caller_renders_each_body_when_asked():
    calls: list[int] = []
    bodies = ParallelBodies([lambda i=i: (calls.append(i), str(i))[1] for i in range(40)], workers=0, chunk=4)
    bodies.start()
    assert not bodies.parallel and calls == []
    assert bodies.get(5) == "5" and calls == [4, 5, 6, 7]  # its chunk, nothing else


def test_bodies_asked_for_out_of_order_are_each_rendered_once():
    # Search reads the last bodies (events, municipalities) before the pages are written in order.
    calls: list[int] = []
    bodies = ParallelBodies([lambda i=i: calls.append(i) or str(i) for i in range(40)], workers=0, chunk=8)
    order = [*range(30, 40), *range(30)]
    assert [bodies.get(i) for i in order] == [str(i) for i in order]
    assert sorted(calls) == list(range(40))


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        bodies = ParallelBodies(_jobs(100), workers=1, chunk=4)
        bodies.start()
        assert not bodies.parallel
        assert bodies.get(99).startswith("99:")
    finally:
        stop.set()
        t.join()


def test_side_work_runs_once_in_a_worker_or_here(tmp_path: Path):
    def side() -> None:
        with (tmp_path / "side.txt").open("a") as f:
            f.write(f"{os.getpid()}\n")

    for workers in (0, 1):
        (tmp_path / "side.txt").unlink(missing_ok=True)
        bodies = ParallelBodies(_jobs(100), workers=workers, chunk=4, side=side)
        bodies.start()
        for i in range(100):
            bodies.get(i)
        bodies.finish_side()
        bodies.finish_side()
        bodies.close()
        assert len((tmp_path / "side.txt").read_text().split()) == 1


def test_an_error_in_a_worker_reaches_the_caller():
    def boom() -> str:
        raise RuntimeError("sjabloon kapot")

    jobs = _jobs(64)
    jobs[40] = boom
    bodies = ParallelBodies(jobs, workers=1, chunk=4)
    bodies.start()
    try:
        with pytest.raises(RuntimeError, match="sjabloon kapot"):
            for i in range(64):
                bodies.get(i)
    finally:
        bodies.close()
    assert parallel._JOBS == ()


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("3", 3), (" 2 ", 2)])
def test_worker_count_follows_the_setting(monkeypatch, value, expected):
    monkeypatch.setenv("KENNISBANK_WORKERS", value)
    assert worker_count() == expected


def test_a_bad_worker_setting_is_explained(monkeypatch):
    monkeypatch.setenv("KENNISBANK_WORKERS", "veel")
    with pytest.raises(ValueError, match="KENNISBANK_WORKERS moet een geheel getal zijn"):
        worker_count()


def _start_and_hang() -> None:
    bodies = ParallelBodies(_jobs(200), workers=1, chunk=8)
    bodies.start()
    bodies.get(0)
    print(" ".join(str(p) for p in bodies._pool._processes), flush=True)  # type: ignore[union-attr]
    threading.Event().wait()  # until killed


def test_workers_end_when_the_build_is_killed():
    """A build killed with SIGTERM (a CI time-out) must not leave workers waiting forever."""
    code = "from tests.unit.test_parallel import _start_and_hang as t; t()"
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]  # type: ignore[union-attr]
        assert workers
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.1)
    assert not any(Path(f"/proc/{p}").exists() for p in workers), "a worker outlived the build"
