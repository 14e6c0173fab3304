"""Compile templates in a forked process while the caller loads the data.

Compiling Jinja templates (ours and the theme's, about eighty) is a tenth of a build and happens on
the one core MkDocs uses. At the start of a build a worker forked from it compiles them and hands
back the code (Jinja's own bytecode format); the caller's environments load it through a
``BytecodeCache`` that waits for the worker the first time a template is needed. Jinja checks each
template's source checksum before it uses the code, so a template that changed in between, or one
the worker did not compile, is compiled by the caller as usual. Only where forking is safe (see
``parallel.can_fork``); elsewhere nothing changes.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from jinja2 import BytecodeCache, Environment, TemplateError, meta
from jinja2.bccache import Bucket

from .env import MemoryBytecodeCache
from .parallel import can_fork

EnvFactory = Callable[[], Environment]
# What the worker compiles: set before the fork, read by the forked worker (never pickled).
_SPEC: dict[str, tuple[EnvFactory, tuple[str, ...]]] = {}


def reachable(env: Environment, roots: Iterable[str]) -> list[str]:
    """``roots`` and every template they extend, include or import by a constant name."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        try:
            source = env.loader.get_source(env, name)[0] if env.loader else None
        except TemplateError:
            continue
        if source is None:
            continue
        seen.append(name)
        try:
            todo.extend(ref for ref in meta.find_referenced_templates(env.parse(source)) if ref)
        except TemplateError:
            continue  # the caller compiles it and reports the error
    return seen


def _compile(which: str) -> dict[str, bytes]:
    factory, roots = _SPEC[which]
    env = factory()
    cache = MemoryBytecodeCache()
    env.bytecode_cache = cache
    for name in reachable(env, roots):
        try:
            env.get_template(name)
        except TemplateError:
            pass
    return cache.code


class WorkerCompiled(BytecodeCache):
    """Code compiled by the worker, waited for on first use; what it lacks is compiled here."""

    def __init__(self, receive: Callable[[], dict[str, bytes]] | None) -> None:
        self._receive = receive
        self._code: dict[str, bytes] | None = None if receive is not None else {}

    def _ready(self) -> dict[str, bytes]:
        if self._code is None:
            try:
                self._code = self._receive() if self._receive is not None else {}
            except Exception:  # noqa: BLE001 - a failed worker only means compiling here
                self._code = {}
        return self._code

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._ready().get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        pass  # one build: nothing to keep


def _work(conn: Connection, names: list[str]) -> None:
    for name in names:
        try:
            conn.send(_compile(name))
        except Exception:  # noqa: BLE001 - the caller compiles what it does not get
            conn.send({})
    conn.close()


class Precompiler:
    """One forked process that compiles each named environment's templates, in the order given, and
    sends the code back through a pipe (no thread in the caller, so it may still fork later)."""

    def __init__(self, spec: dict[str, tuple[EnvFactory, tuple[str, ...]]]) -> None:
        self._spec = spec
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._received: dict[str, dict[str, bytes]] = {}
        self.caches: dict[str, WorkerCompiled] = {name: WorkerCompiled(None) for name in spec}

    def start(self) -> bool:
        global _SPEC
        if not self._spec or not can_fork():
            return False
        _SPEC = self._spec
        ctx = multiprocessing.get_context("fork")
        here, there = ctx.Pipe(duplex=False)
        self._conn = here
        self._process = ctx.Process(target=_work, args=(there, list(self._spec)), name="kennisbank-templates",
                                    daemon=True)
        self._process.start()
        there.close()
        self.caches = {name: WorkerCompiled(partial(self._wait_for, name)) for name in self._spec}
        return True

    def _wait_for(self, name: str) -> dict[str, bytes]:
        """Read the pipe up to ``name``'s code (they come in the order of the spec)."""
        for other in self._spec:
            if other in self._received:
                continue
            if self._conn is None:
                break
            self._received[other] = self._conn.recv()
            if other == name:
                break
        return self._received.get(name, {})

    def close(self) -> None:
        global _SPEC
        process, self._process = self._process, None
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()  # only when the build ended before it needed the code
            process.join()
        _SPEC = {}
