"""The preview's garbage collection between rebuilds (macros/adapters/preview.py, IdleCollector)."""
from __future__ import annotations

import gc
import time

from macros.adapters.preview import IdleCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_no_collection_during_a_rebuild_and_one_in_the_pause_after(monkeypatch):
    monkeypatch.setattr(IdleCollector, "DELAY_S", 0.05)
    collector = IdleCollector()
    try:
        collector.building()
        assert not gc.isenabled()
        collector.built()
        assert not gc.isenabled()  # not yet: the browser reloads first
        assert _wait_until(gc.isenabled)
        assert gc.get_freeze_count() > 0  # after the first pause, what lives is out of sight

        # garbage a rebuild leaves behind is collected in the next pause
        collector.building()
        _Cycle()
        collector.built()
        assert _wait_until(gc.isenabled)
        assert not [o for o in gc.get_objects() if type(o) is _Cycle]

        # a rebuild that starts within the pause cancels the collection
        collector.built()
        collector.building()
        time.sleep(0.15)
        assert not gc.isenabled()
    finally:
        collector.close()
    assert gc.isenabled() and gc.get_freeze_count() == 0
