"""The red-flag check as the VMA types: highlighted words, the practice's escalation step, and
the required "What was done?" answer.

`RedFlagWatcher` runs `communications.check_red_flags` on every change of the watched notes (the
core check is built for a keystroke's budget), marks the matched words in place with extra
selections (the text itself is never touched) and says whether anything was found.
`EscalationPanel` is the banner the forms show while it is: the step and the action field, whose
error (a `ValidationError` on "escalation_action") goes beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from vma_desk.core.rules.escalation import RedFlagHit
from vma_desk.services.communications import CommunicationsService, Escalation
from vma_desk.ui.shared.widgets import FieldErrors, FieldSlot

HIT_BACKGROUND = QColor("#ffd7d7")
HIT_TEXT = QColor("#8e0016")
PANEL_STYLE = """
QFrame#escalation_panel { background: #fdecea; border: 2px solid #b00020; border-radius: 4px; }
QFrame#escalation_panel QLabel { background: transparent; border: none; color: #1d2730; }
QLabel#escalation_title { color: #8e0016; font-weight: 700; }
"""


def utf16_offset(text: str, offset: int) -> int:
    """A Python string offset as Qt counts it (UTF-16 units: an emoji is two)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def matched_words(hits: Sequence[RedFlagHit]) -> str:
    """The words each hit matched, as typed, with its category ("\u201cCP\u201d (cardiac)"): the VMA
    does not interpret a note, so the banner says which words raised the flag."""
    seen: dict[tuple[str, str], str] = {}
    for hit in hits:
        seen.setdefault((hit.said.casefold(), hit.category), f"\u201c{hit.said}\u201d ({hit.category})")
    return ", ".join(seen.values())


class RedFlagWatcher(QObject):
    """Checks the watched texts on every change; `sig_checked(found)` after each check."""

    sig_checked = Signal(bool)

    def __init__(self, comms: CommunicationsService, edits: Sequence[QPlainTextEdit],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comms = comms
        self._edits = list(edits)
        self.escalation: Escalation | None = None
        self._format = QTextCharFormat()
        self._format.setBackground(HIT_BACKGROUND)
        self._format.setForeground(HIT_TEXT)
        self._format.setFontUnderline(True)
        for edit in self._edits:
            edit.textChanged.connect(self._on_edit_text_changed)

    @property
    def found(self) -> bool:
        return self.escalation is not None and self.escalation.found

    def hits(self) -> tuple[RedFlagHit, ...]:
        return self.escalation.hits if self.escalation else ()

    def check(self) -> bool:
        hits: list[RedFlagHit] = []
        step = ""
        for edit in self._edits:
            text = edit.toPlainText()
            found = self._comms.check_red_flags(text)
            step = found.step
            hits += found.hits
            self._mark(edit, text, found.hits)
        self.escalation = Escalation(tuple(hits), step)
        self.sig_checked.emit(bool(hits))
        return bool(hits)

    def _mark(self, edit: QPlainTextEdit, text: str, hits: Sequence[RedFlagHit]) -> None:
        selections = []
        for hit in hits:
            cursor = QTextCursor(edit.document())
            cursor.setPosition(utf16_offset(text, hit.start))
            cursor.setPosition(utf16_offset(text, hit.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = self._format
            selections.append(selection)
        edit.setExtraSelections(selections)

    def _on_edit_text_changed(self) -> None:
        self.check()


class EscalationPanel(QFrame):
    """The banner shown while a red flag is in the text: what was found, the practice's step, and
    "What was done?" (required)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalation_panel")
        self.setStyleSheet(PANEL_STYLE)
        self.title_label = QLabel()
        self.title_label.setObjectName("escalation_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label = QLabel()
        self.step_label.setObjectName("escalation_step")
        self.step_label.setWordWrap(True)
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.action_label = QLabel("&What was done? (required)")
        self.action_edit = QLineEdit()
        self.action_edit.setObjectName("escalation_action_edit")
        self.action_edit.setAccessibleName("What was done about the red flag")
        self.action_edit.setPlaceholderText("e.g. Transferred to the nurse at 9:32; told to call 911")
        self.action_edit.setMaxLength(500)
        self.action_label.setBuddy(self.action_edit)
        self.action_error = QLabel()
        FieldErrors.prepare(self.action_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        for widget in (self.title_label, self.step_label, self.action_label, self.action_edit,
                       self.action_error):
            layout.addWidget(widget)
        self.setFocusProxy(self.action_edit)
        self.hide()

    def show_escalation(self, escalation: Escalation | None) -> None:
        """Show the banner for what was found (hide it when nothing is); what was typed stays."""
        if escalation is None or not escalation.found:
            self.hide()
            return
        self.title_label.setText(f"\u26a0 Red flag: {matched_words(escalation.hits)}. This is an emergency.")
        self.step_label.setText(f"Escalation step: {escalation.step}")
        self.show()

    def action(self) -> str:
        """What was done, while the banner is shown ("" otherwise: no red flag, nothing to record)."""
        return self.action_edit.text() if not self.isHidden() else ""

    def slot(self) -> FieldSlot:
        return FieldSlot(self.action_edit, self.action_error, "What was done")
