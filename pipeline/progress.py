"""Progress while a stage runs: Spark's task counts, logged from the driver every few seconds."""

from __future__ import annotations

import logging
import threading
from types import TracebackType
from typing import Any

log = logging.getLogger("kocurate.progress")


class StageProgress:
    """Context manager: a daemon thread that logs active Spark stages' finished/total tasks."""

    def __init__(self, sc: Any, label: str, interval: float = 5.0) -> None:
        self.sc, self.label, self.interval = sc, label, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        tracker = self.sc.statusTracker()
        while not self._stop.wait(self.interval):
            try:
                parts = []
                for sid in tracker.getActiveStageIds():
                    info = tracker.getStageInfo(sid)
                    if info:
                        parts.append(f"{info.numCompletedTasks}/{info.numTasks} tasks"
                                     + (f", {info.numActiveTasks} running" if info.numActiveTasks else ""))
                if parts:
                    log.info("%s: %s", self.label, "; ".join(parts))
            except Exception:  # progress must never break a run
                return

    def __enter__(self) -> StageProgress:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join(timeout=1)
