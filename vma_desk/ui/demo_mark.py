"""Every window of a demo workspace says DEMO: a filter marks each window's title as it opens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

MARK = "DEMO"


def marked(title: str) -> str:
    return title if MARK in title else (f"{title} — {MARK}" if title else MARK)


class DemoTitleMarker(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert app is not None, "made after the application"
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.WindowTitleChange) and isinstance(
            watched, QWidget
        ) and watched.isWindow():
            title = watched.windowTitle()
            if MARK not in title:
                watched.setWindowTitle(marked(title))
        return False

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
