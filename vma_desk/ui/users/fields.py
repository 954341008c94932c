"""What the users dialogs share: masked PIN fields, a field with its error label under it, errors
worded as sentences, and the busy cursor while a PIN is hashed (Argon2id takes a noticeable moment).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from vma_desk.core.users import MIN_PASSWORD, MIN_PIN_DIGITS, UserRole
from vma_desk.ui.shared.widgets import FieldErrors, FieldSlot

PIN_RULE = (f"at least {MIN_PIN_DIGITS} digits, or a password of at least {MIN_PASSWORD} characters")
#: verbs a service message may start with that read as a sentence after the field's caption
_SENTENCE_VERBS = ("is", "must", "has", "does", "cannot", "contains", "lists")


def sentence(caption: str, message: str) -> str:
    """'PIN' + 'must be at least 6 digits' -> 'PIN must be at least 6 digits.'"""
    joiner = " " if message.split(" ", 1)[0] in _SENTENCE_VERBS else ": "
    text = f"{caption}{joiner}{message}"
    return text if text.endswith(".") else text + "."


def pin_edit(name: str) -> QLineEdit:
    """A masked field for a PIN: never shown, never offered to input-method prediction."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                             | Qt.InputMethodHint.ImhSensitiveData)
    return edit


def role_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("role_combo")
    for role in UserRole:
        combo.addItem(role.label, role.value)  # Qt keeps a StrEnum as its plain string
    return combo


def set_role(combo: QComboBox, role: UserRole) -> None:
    combo.setCurrentIndex(combo.findData(role.value))


def chosen_role(combo: QComboBox) -> UserRole:
    return UserRole(combo.currentData())


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    FieldErrors.prepare(label)
    return label


def with_error(widget: QWidget, error: QLabel) -> QVBoxLayout:
    """The field and, under it, the label its error is written in (hidden until needed)."""
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return column


def show_field_error(errors: FieldErrors, slot: FieldSlot, message: str) -> None:
    """FieldErrors.show, worded as a sentence ("Name is already a user…"), with what was typed
    selected so that typing replaces it."""
    errors.show(slot, message)
    text = sentence(slot.caption, message)
    slot.label.setText(text)
    slot.widget.setAccessibleDescription(text)
    if isinstance(slot.widget, QLineEdit):
        slot.widget.selectAll()


@contextlib.contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
