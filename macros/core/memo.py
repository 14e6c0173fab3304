"""What a process that builds more than once (the preview, ``mkdocs serve``) keeps between builds.

``memo(key, inputs, make)`` returns ``make()``, or what an earlier call with the same ``key`` made
from equal ``inputs`` (compared by value). A one-off build passes ``no_memo``: everything is made.

``UsedCache``: values by key, as long as each build uses them; ``sweep()`` after a build forgets what
that build did not ask for, so the cache never holds more than one site's worth.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class Memo(Protocol):
    def __call__(self, key: str, inputs: object, make: Callable[[], T]) -> T: ...


def no_memo(key: str, inputs: object, make: Callable[[], T]) -> T:
    return make()


class UsedCache(Generic[K, V]):
    def __init__(self) -> None:
        self._kept: dict[K, V] = {}
        self._used: set[K] = set()

    def get(self, key: K) -> V | None:
        value = self._kept.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._kept[key] = value
        self._used.add(key)

    def discard(self, key: K) -> None:
        self._kept.pop(key, None)
        self._used.discard(key)

    def sweep(self) -> None:
        self._kept = {key: value for key, value in self._kept.items() if key in self._used}
        self._used = set()

    def __len__(self) -> int:
        return len(self._kept)
