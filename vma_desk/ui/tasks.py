"""Background work that always reports back on the GUI thread.

`run_task(work, on_done)` runs `work(progress)` on the thread pool; `progress(done, total, text)`
and the result (or the exception) are relayed to the GUI thread through a QObject's signals. The
work function never touches widgets. Tests can pass `synchronous=True`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int, str], None]


class _Relay(QObject):
    sig_progressed = Signal(int, int, str)
    sig_finished = Signal(object, object)  # result, exception


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
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
