"""The shared "Log attempt" dialog driven by keys, as the Messages, Refills and Calendar tests open
it from their lists (Ctrl+Shift+L): opened on a widget, logged with its defaults or an outcome's
first letter, and a time in the future typed and refused beside "When"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, type_keys
from vma_desk.ui.shared.attempt import LogAttemptDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
FUTURE = "An attempt cannot be in the future: enter when it was made."


def open_log_attempt(qtbot, widget: QWidget) -> LogAttemptDialog:
    """Ctrl+Shift+L with the keyboard in `widget` (a list): the dialog, shown and active."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_L, CTRL_SHIFT)
    return dialog_of(qtbot, LogAttemptDialog)


def log_by_keys(qtbot, *keys: str | Qt.Key) -> None:
    """Type into the open dialog (an outcome's first letter...), then Enter; wait until it closed."""
    type_keys(qtbot, *keys, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))


def refuse_future(qtbot, dialog: LogAttemptDialog) -> None:
    """Tab on to "When", its month up one (next month), Enter: the dialog stays open with the
    refusal beside the field."""
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # from the outcome, past the channel
    assert focused() is dialog.ui.at_edit
    type_keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ui.at_error.isVisible()
    assert dialog.ui.at_error.text() == FUTURE
    dialog.close()
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))
