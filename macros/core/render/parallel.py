"""Render page bodies on the other cores while the caller goes on with its own work.

MkDocs and Material build one page after the other on one core. The bodies of the pages made from data
(a practice's description through Markdown, its facts, related practices) do not depend on MkDocs, so
they can be rendered ahead, in worker processes forked from the build once the catalog is loaded: each
worker has the same catalog, site model and templates without pickling them. The caller asks for body
``i`` when it needs it (once each, mostly in page order): a body the workers have rendered is taken from them; a chunk no
worker has started yet is taken back and rendered in the caller, so the caller never waits on a worker
that is behind and the output never depends on how the work was shared.

Forking is safe only in a process with one thread: under ``mkdocs serve`` (a server thread) and with
``KENNISBANK_WORKERS=0`` every body is rendered in the caller, when asked for. The output is the same
either way (tested).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

Job = Callable[[], str]

# The work of the pool being started: set before the fork, read by the forked workers (never pickled).
_JOBS: Sequence[Job] = ()
_SIDE: Callable[[], None] | None = None


def _render_chunk(start: int, stop: int) -> list[str]:
    return _render(_JOBS, start, stop)


def _run_side() -> None:
    if _SIDE is not None:
        _SIDE()


def _die_with_parent() -> None:
    """A worker ends when the build process does, even when that is killed (Linux; elsewhere a no-op):
    it would otherwise wait for work forever."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def worker_count() -> int:
    """Workers to use beside the caller: ``KENNISBANK_WORKERS`` or one less than the usable cores."""
    setting = os.environ.get("KENNISBANK_WORKERS", "").strip()
    if setting:
        try:
            return max(0, int(setting))
        except ValueError:
            raise ValueError(f"KENNISBANK_WORKERS moet een geheel getal zijn, niet {setting!r}") from None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(0, cores - 1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class ParallelBodies:
    """Bodies ``0..len(jobs)-1``, rendered by forked workers where possible, else by the caller.

    ``side`` is one more piece of work that needs nothing from the caller (files written from data,
    such as feeds and open data): a worker does it first, and ``finish_side()`` waits for it (or does
    it, when no worker took it)."""

    def __init__(self, jobs: Sequence[Job], workers: int | None = None, chunk: int = 16,
                 side: Callable[[], None] | None = None) -> None:
        self._jobs = list(jobs)
        self._side = side
        self._side_future: Future[None] | None = None
        self._workers = worker_count() if workers is None else workers
        self._chunk = max(1, chunk)
        self._futures: dict[int, Future[list[str]]] = {}
        self._ready: dict[int, list[str]] = {}
        self._left: dict[int, int] = {}  # bodies of a ready chunk not asked for yet
        self._pool: ProcessPoolExecutor | None = None
        self._thread: threading.Thread | None = None
        self._thread_error: BaseException | None = None
        self._hurry = threading.Event()  # set by close(): a side job waiting to start starts now

    def __len__(self) -> int:
        return len(self._jobs)

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    @property
    def workers(self) -> int:
        """Worker processes running beside the caller (0: everything is rendered by the caller)."""
        return self._workers if self._pool is not None else 0

    def start(self) -> None:
        """Fork the workers and hand them every chunk (in order); a no-op where forking is unsafe."""
        global _JOBS, _SIDE
        if self._pool is not None or self._workers < 1 or len(self._jobs) < 2 * self._chunk or not can_fork():
            return
        _JOBS, _SIDE = self._jobs, self._side
        sys.stdout.flush()  # a child must not write the parent's buffered output a second time
        sys.stderr.flush()
        self._pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_die_with_parent)
        if self._side is not None:
            self._side_future = self._pool.submit(_run_side)
        for c, start in enumerate(range(0, len(self._jobs), self._chunk)):
            self._futures[c] = self._pool.submit(_render_chunk, start, min(start + self._chunk, len(self._jobs)))

    def get(self, i: int) -> str:
        """Body ``i``. Each body is asked for once (in any order): a chunk is freed when all of its
        bodies have been handed out."""
        c, offset = divmod(i, self._chunk)
        chunk = self._ready.get(c)
        if chunk is None:
            future = self._futures.pop(c, None)
            if future is None or future.cancel():  # no worker has it: render it here, now
                start = c * self._chunk
                chunk = _render(self._jobs, start, min(start + self._chunk, len(self._jobs)))
            else:
                chunk = future.result()
            self._ready[c], self._left[c] = chunk, len(chunk)
        self._left[c] -= 1
        if not self._left[c]:
            del self._ready[c], self._left[c]
        return chunk[offset]

    def finish_side(self, background: bool = False, after: float = 0.0) -> None:
        """Wait for the side work, or do it here if no worker has started it. Once. ``background``:
        do it in a thread of this process instead, ``after`` seconds from now or as soon as ``close()``
        is called, and return at once (``close()`` waits for it)."""
        side, self._side = self._side, None
        future, self._side_future = self._side_future, None
        if future is not None and not future.cancel():
            future.result()
        elif side is not None and background:
            self._thread = threading.Thread(target=self._run_in_thread, args=(side, after), name="kennisbank-data", daemon=True)
            self._thread.start()
        elif side is not None:
            side()

    def _run_in_thread(self, side: Callable[[], None], after: float) -> None:
        self._hurry.wait(after)
        try:
            side()
        except BaseException as exc:  # handed to the caller by close()
            self._thread_error = exc

    def close(self) -> None:
        """Stop the workers (work not yet started is dropped, side work included)."""
        global _JOBS, _SIDE
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
        self._side_future = None
        _JOBS, _SIDE = (), None
        thread, self._thread = self._thread, None
        if thread is not None:
            self._hurry.set()
            thread.join()
        error, self._thread_error = self._thread_error, None
        if error is not None:
            raise error


def _render(jobs: Sequence[Job], start: int, stop: int) -> list[str]:
    return [jobs[i]() for i in range(start, stop)]
