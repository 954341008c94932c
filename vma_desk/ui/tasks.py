"""Background work that always reports back on the GUI thread.

`run_task(work, on_done)` runs `work(progress)` on the thread pool; `progress(done, total, text)`
and the result (or the exception) are relayed to the GUI thread through a QObject's signals. The
work function never touches widgets. Tests can pass `synchronous=True`.

While any job runs (`_WhileJobsRun`, counted: the last job to end puts both back as they were):

- the GIL is offered to the GUI thread every millisecond (`sys.setswitchinterval`; Python's default
  is 5 ms). A turn of the event loop takes the GIL for each Python slot and each paint of a widget
  made in Python; with the worker running Python it waited up to the interval each time, so a turn
  with a few of them (a timer, the dialog's paint, its busy bar's) froze the window 20-60 ms, more
  on a busy machine;
- Python's cycle collector is paused. A job allocates fast and keeps its objects alive for a
  while (a report's rows and flowables, a demo's records), so collections during it promoted them,
  and every few jobs that set off a full collection: a walk over every object of the app (60-70 ms
  with the 5-year demo's window open) holding the GIL. Paused, the job promotes nothing; what it
  leaves is freed by reference counting or by the next young collection.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int, str], None]


class _Relay(QObject):
    sig_progressed = Signal(int, int, str)
    sig_finished = Signal(object, object)  # result, exception


#: while a job runs, the longest the GUI thread waits for the GIL held by a worker running Python
JOB_SWITCH_INTERVAL_S = 0.001


class _WhileJobsRun:
    """While at least one job runs: the GIL's switch interval short and the cycle collector
    paused; then both as they were before the first job."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.jobs = 0
        self.was_enabled = False
        self.interval = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self.lock:
            if not self.jobs:
                self.was_enabled = gc.isenabled()
                self.interval = sys.getswitchinterval()
                gc.disable()
                sys.setswitchinterval(min(self.interval, JOB_SWITCH_INTERVAL_S))
            self.jobs += 1

    def __exit__(self, *_: object) -> None:
        with self.lock:
            self.jobs -= 1
            if not self.jobs:
                sys.setswitchinterval(self.interval)
                if self.was_enabled:
                    gc.enable()


_while_jobs_run = _WhileJobsRun()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            with _while_jobs_run:
                result = self.work(self.relay.sig_progressed.emit)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as a value
            self.relay.sig_finished.emit(None, exc)
        else:
            self.relay.sig_finished.emit(result, None)


_alive: set[_Relay] = set()


def run_task(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any, BaseException | None], None],
    on_progress: Progress | None = None,
    *,
    synchronous: bool = False,
) -> None:
    if synchronous:
        try:
            result = work(on_progress or (lambda *_: None))
        except BaseException as exc:  # noqa: BLE001
            on_done(None, exc)
        else:
            on_done(result, None)
        return
    relay = _Relay()
    _alive.add(relay)
    if on_progress:
        relay.sig_progressed.connect(on_progress)

    def finished(result: Any, exc: BaseException | None) -> None:
        _alive.discard(relay)
        on_done(result, exc)

    relay.sig_finished.connect(finished)
    QThreadPool.globalInstance().start(_Runnable(work, relay))
