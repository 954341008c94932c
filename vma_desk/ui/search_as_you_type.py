"""Search as you type, shared by quick open (Ctrl+K) and the calls/messages search (Ctrl+F).

One search runs a short pause after the last keystroke; Up/Down/PageUp/PageDown typed in the
search line move the selection in the results; Enter runs a search still pending first (typed
faster than the pause: Enter means "what I typed"). No search runs while the window is away
(closed, or hidden by the auto-lock), and one runs again for what is typed when it comes back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

_NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class SearchAsYouType(QObject):
    def __init__(self, window: QWidget, edit: QLineEdit, results: QAbstractItemView,
                 search: Callable[[], object], delay_ms: int) -> None:
        super().__init__(window)
        self._window, self._edit, self._results, self._search = window, edit, results, search
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._search)
        edit.textChanged.connect(self.timer.start)
        edit.installEventFilter(self)
        window.installEventFilter(self)

    def stop(self) -> None:
        """Call at the start of a search: whatever was pending is being done now."""
        self.timer.stop()

    def flush(self) -> None:
        if self.timer.isActive():
            self._search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self._edit and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _NAVIGATION_KEYS):
            QApplication.sendEvent(self._results, event)
            return True
        if watched is self._window and kind == QEvent.Type.Hide:
            self.timer.stop()
        elif watched is self._window and kind == QEvent.Type.Show and self._edit.text().strip():
            self.timer.start()
        return False
