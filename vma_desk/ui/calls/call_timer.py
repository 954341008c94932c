"""The running timer of the call in progress: mm:ss from when the form opened, Stop to keep the
duration (Resume to go on, for a caller put back on the line).

It measures real time with `QElapsedTimer` (monotonic: a clock change cannot shorten a call) and
repaints twice a second with a `QTimer`; the practice clock is not involved.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from vma_desk.core.wording import call_length

TICK_MS = 500
#: the longest call the service accepts (4 hours)
MAX_SECONDS = 4 * 3600


class CallTimer(QWidget):
    #: running (True) or stopped (False)
    sig_running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elapsed = QElapsedTimer()
        self._kept_ms = 0
        self.time_label = QLabel()
        self.time_label.setObjectName("call_timer_label")
        self.time_label.setAccessibleName("Call duration")
        font = QFont(self.time_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(font)
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance("0:00:00") + 8)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.button = QPushButton("Stop")
        self.button.setObjectName("call_timer_button")
        self.button.setAutoDefault(False)  # Enter saves the call, it never stops the timer
        self.button.setToolTip("Stop the timer and keep this duration (Resume goes on)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time_label)
        layout.addWidget(self.button)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self.button.clicked.connect(self._on_button_clicked)
        self._show()

    # state ------------------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._elapsed.isValid()

    def seconds(self) -> int:
        ms = self._kept_ms + (self._elapsed.elapsed() if self.is_running() else 0)
        return min(ms // 1000, MAX_SECONDS)

    def start(self) -> None:
        if self.is_running():
            return
        self._elapsed.start()
        self._ticker.start()
        self._show()
        self.sig_running_changed.emit(True)

    def stop(self) -> None:
        if not self.is_running():
            return
        self._kept_ms += self._elapsed.elapsed()
        self._elapsed.invalidate()
        self._ticker.stop()
        self._show()
        self.sig_running_changed.emit(False)

    def set_seconds(self, seconds: int) -> None:
        """Show a kept duration, stopped (an already logged call)."""
        self.stop()
        self._kept_ms = max(int(seconds), 0) * 1000
        self._show()

    # showing ----------------------------------------------------------------------------------------
    def _show(self) -> None:
        self.time_label.setText(call_length(self.seconds()).rjust(5, "0"))
        self.button.setText("Stop" if self.is_running() else "Resume")
        self.button.setToolTip("Stop the timer and keep this duration" if self.is_running()
                               else "Go on counting (the caller is back on the line)")

    def _on_ticker_timeout(self) -> None:
        self._show()

    def _on_button_clicked(self) -> None:
        if self.is_running():
            self.stop()
        else:
            self.start()
