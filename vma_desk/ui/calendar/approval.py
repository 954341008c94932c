"""Who authorised a schedule change, and the deliberate override of a conflict.

Every booking, move and cancellation carries an "Authorised by" name: it starts as the workstation
user and then remembers the last name used in this session (`AuthorisationMemory`, held by the
tab). When the service refuses a change with `ConflictError`, the panel lists each conflict in
plain words and offers an override, which needs a typed reason (recorded with the visit). Any
change to the time, provider or length takes the offer back: an override covers only the
conflicts the user has read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.calendar import Conflict
from vma_desk.ui.shared.widgets import FieldErrors, FieldSlot


class AuthorisationMemory:
    """The "Authorised by" name of this session: the workstation user until another is typed."""

    def __init__(self, default: str) -> None:
        self.name = default

    def remember(self, name: str) -> None:
        if name.strip():
            self.name = " ".join(name.split())


class ApprovalPanel(QWidget):
    """The "Authorised by" field and, after a refusal, the conflicts and the override."""

    #: the override box was ticked or unticked
    sig_override_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._memory: AuthorisationMemory | None = None
        self.authorised_by_edit = QLineEdit()
        self.authorised_by_edit.setObjectName("authorised_by_edit")
        self.authorised_by_edit.setAccessibleName("Authorised by")
        self.authorised_by_edit.setToolTip("Who authorised this schedule change (recorded with it)")
        self.authorised_by_error = QLabel()
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("conflicts_label")
        self.conflicts_label.setProperty("formError", True)
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.override_check = QCheckBox("Book anyway: I override these conflicts deliberately")
        self.override_check.setObjectName("override_check")
        self.override_reason_edit = QLineEdit()
        self.override_reason_edit.setObjectName("override_reason_edit")
        self.override_reason_edit.setPlaceholderText("Why (recorded with the visit)")
        self.override_reason_edit.setAccessibleName("Override reason")
        self.override_reason_error = QLabel()
        FieldErrors.prepare(self.authorised_by_error, self.override_reason_error)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Authorised &by:", self.authorised_by_edit)
        form.addRow("", self.authorised_by_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.override_check)
        layout.addWidget(self.override_reason_edit)
        layout.addWidget(self.override_reason_error)
        self.override_check.toggled.connect(self._on_override_check_toggled)
        self.clear_conflicts()

    def set_memory(self, memory: AuthorisationMemory) -> None:
        self._memory = memory
        self.authorised_by_edit.setText(memory.name)

    # values -------------------------------------------------------------------------------------
    def authorised_by(self) -> str:
        return self.authorised_by_edit.text()

    def override_reason(self) -> str:
        """The typed reason while the override is ticked; "" otherwise (no override)."""
        return self.override_reason_edit.text() if self.override_check.isChecked() else ""

    def remember(self) -> None:
        """Keep the name for the next change of this session (call after a change succeeded)."""
        if self._memory is not None:
            self._memory.remember(self.authorised_by())

    # conflicts ----------------------------------------------------------------------------------
    def show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        lines = "\n".join(f"• {c.message}" for c in conflicts)
        self.conflicts_label.setText(f"Refused: this conflicts with the schedule.\n{lines}")
        self.conflicts_label.show()
        self.override_check.show()
        self.override_check.setChecked(False)

    def clear_conflicts(self) -> None:
        self.conflicts_label.clear()
        self.conflicts_label.hide()
        self.override_check.setChecked(False)
        self.override_check.hide()
        self.override_reason_edit.hide()
        self.override_reason_error.hide()

    def check_override(self, errors: FieldErrors) -> bool:
        """False (with the error shown) when the override is ticked without a reason."""
        if self.override_check.isChecked() and not self.override_reason_edit.text().strip():
            errors.show(self._override_slot(), "is required to override a conflict")
            return False
        return True

    def slot_for(self, field: str) -> FieldSlot | None:
        if field == "authorised_by":
            return FieldSlot(self.authorised_by_edit, self.authorised_by_error, "Authorised by")
        if field == "override_reason":
            return self._override_slot()
        return None

    def _override_slot(self) -> FieldSlot:
        return FieldSlot(self.override_reason_edit, self.override_reason_error, "Override reason")

    def _on_override_check_toggled(self, checked: bool) -> None:
        self.override_reason_edit.setVisible(checked)
        if checked:
            self.override_reason_edit.setFocus()
        self.sig_override_toggled.emit(checked)
