"""An honest placeholder for a tab whose feature has not landed yet: no fake rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

WHAT_WORKS_NOW = (
    "Meanwhile: Ctrl+K opens a patient by name, date of birth or phone number; "
    "Ctrl+Shift+N adds a patient; Ctrl+L locks the workstation."
)


class ComingPage(QWidget):
    def __init__(self, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a centred column of limited width: word-wrapped labels keep their full height there
        column = QWidget()
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.addStretch(1)
        heading = QLabel(f"{title} is coming")
        heading.setProperty("role", "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(heading)
        for text, role in ((what, "body"), (WHAT_WORKS_NOW, "hint")):
            label = QLabel(text)
            label.setProperty("role", role)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        inner.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 3)
        outer.addStretch(1)
