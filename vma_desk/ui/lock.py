"""Auto-lock: an idle watcher over all input. (The page shown while locked is `ui/sign_in.py`;
what locking does is `MainWindow.lock`.)"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
)

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
}


class IdleWatcher(QObject):
    """Emits sig_idle once `timeout_ms` passed without keyboard, mouse or touch input anywhere.

    Idle time is measured on the wall clock, checked every few seconds: a laptop that slept past
    the timeout is locked as soon as it wakes (a monotonic timer stops while it sleeps).
    """

    sig_idle = Signal()
    CHECK_EVERY_MS = 5_000

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = timeout_ms / 1000
        self._last_activity = time.time()
        self._running = True
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_timeout_ms(timeout_ms)
        app = QApplication.instance()
        assert app is not None, "made after the application"
        app.installEventFilter(self)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_s = timeout_ms / 1000
        self._last_activity = time.time()
        self._timer.setInterval(max(10, min(self.CHECK_EVERY_MS, timeout_ms // 2)))
        if self._running:
            self._timer.start()

    def timeout_ms(self) -> int:
        return round(self._timeout_s * 1000)

    def pause(self) -> None:
        self._running = False
        self._timer.stop()

    def resume(self) -> None:
        self._running = True
        self._last_activity = time.time()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self._running and time.time() - self._last_activity >= self._timeout_s:
            self.sig_idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = time.time()
        return False

    def stop(self) -> None:
        self.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
