"""Auto-lock: an idle watcher over all input, and the page shown while locked.

While locked, the main window shows only the lock page, every other window is hidden, and nothing
about a patient is visible; unlocking needs the key again (from the keyring, or the passphrase).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
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
        QApplication.instance().installEventFilter(self)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY:
            self._last_activity = time.time()
        return False

    def stop(self) -> None:
        self.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """Shown instead of the workspace while locked."""

    sig_unlock_requested = Signal(str)  # the passphrase typed, or "" for a keyring workspace

    def __init__(self, needs_passphrase: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel("VMA Desk is locked")
        self.title.setProperty("role", "lock-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel("")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Passphrase")
        self.passphrase.setMaximumWidth(360)
        self.passphrase.setVisible(needs_passphrase)
        self.error = QLabel("")
        self.error.setProperty("role", "field-error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton("&Unlock")
        self.button.setDefault(True)
        self.button.setMinimumWidth(160)
        for widget in (self.title, self.reason):
            layout.addWidget(widget)
        layout.addSpacing(16)
        layout.addWidget(self.passphrase, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.button.clicked.connect(self._on_button_clicked)
        self.passphrase.returnPressed.connect(self._on_button_clicked)

    def show_locked(self, why: str) -> None:
        self.reason.setText(why)
        self.error.hide()
        self.passphrase.clear()
        (self.passphrase if self.passphrase.isVisible() else self.button).setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()

    def _on_button_clicked(self) -> None:
        self.sig_unlock_requested.emit(self.passphrase.text())
