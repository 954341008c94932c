"""The first user of a workspace, a practice manager: asked right after a new workspace's recovery
key was shown, and when a workspace from before users existed is opened.

The dialog can only be accepted with a user created (signed in at once by the service); Cancel
means quitting VMA Desk, since nothing can be done in a workspace nobody can sign in to.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.users import MAX_NAME, User
from vma_desk.services import Services
from vma_desk.ui.shared.form import attempt
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot
from vma_desk.ui.users.fields import PIN_RULE, busy, error_label, pin_edit, show_field_error, with_error

TITLE = "Create the first user — a practice manager"
PIN_EXPLANATION = (
    "Your PIN unlocks VMA Desk after it locks itself while you are away, and it identifies you in "
    "the audit trail: everything you do is recorded under your name. Use "
    f"{PIN_RULE}, and keep it to yourself. As the practice manager you then add the other users "
    "under Edit → Users…, each with their own PIN."
)


class FirstUserDialog(QDialog):
    """Name, PIN and the PIN again; "Create user" calls `services.users.create_first`. The created
    (and signed-in) user is in `user` once the dialog is accepted; rejected means quit."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, explanation: str) -> None:
        super().__init__(parent)
        self.services = services
        self.user: User | None = None
        self.setWindowTitle("VMA Desk — first user")
        self.setStyleSheet(FIELD_ERROR_STYLE)
        layout = QVBoxLayout(self)
        heading = QLabel(TITLE)
        heading.setObjectName("heading_label")
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.explanation_label = QLabel(explanation)
        self.explanation_label.setObjectName("explanation_label")
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setVisible(bool(explanation))
        layout.addWidget(self.explanation_label)
        self.pin_explanation_label = QLabel(PIN_EXPLANATION)
        self.pin_explanation_label.setObjectName("pin_explanation_label")
        self.pin_explanation_label.setWordWrap(True)
        layout.addWidget(self.pin_explanation_label)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(MAX_NAME * 2)  # longer is refused with a message, not cut off
        self.name_edit.setPlaceholderText("Your name as colleagues know it, e.g. Dana Reyes")
        self.pin_edit = pin_edit("pin_edit")
        self.confirm_edit = pin_edit("confirm_edit")
        self.name_error = error_label("name_error")
        self.pin_error = error_label("pin_error")
        self.confirm_error = error_label("confirm_error")
        form = QFormLayout()
        form.addRow(self._buddy("Your &name", self.name_edit), with_error(self.name_edit, self.name_error))
        form.addRow(self._buddy("&PIN", self.pin_edit), with_error(self.pin_edit, self.pin_error))
        form.addRow(self._buddy("&Confirm PIN", self.confirm_edit),
                    with_error(self.confirm_edit, self.confirm_error))
        layout.addLayout(form)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        layout.addWidget(self.general_error)
        self.errors = FieldErrors(self.general_error)
        layout.addStretch(1)

        self.button_box = QDialogButtonBox()
        self.create_button = self.button_box.addButton("Create &user", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.button_box.addButton("&Quit VMA Desk", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        QWidget.setTabOrder(self.name_edit, self.pin_edit)
        QWidget.setTabOrder(self.pin_edit, self.confirm_edit)
        QWidget.setTabOrder(self.confirm_edit, self.create_button)
        QWidget.setTabOrder(self.create_button, self.quit_button)
        self.name_edit.setFocus()
        self.setMinimumWidth(520)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _slots(self) -> dict[str, FieldSlot]:
        return {
            "name": FieldSlot(self.name_edit, self.name_error, "Name"),
            "pin": FieldSlot(self.pin_edit, self.pin_error, "PIN"),
            "confirmation": FieldSlot(self.confirm_edit, self.confirm_error, "The repeated PIN"),
        }

    def _on_button_box_accepted(self) -> None:
        if attempt(self.errors, self._create, slot_for=self._slots().get, general=str,
                   show=self._show_validation) is None:
            return
        self.accept()

    def _create(self) -> Change:
        with busy():
            self.user, change = self.services.users.create_first(
                self.name_edit.text(), self.pin_edit.text(), self.confirm_edit.text())
        return change

    def _show_validation(self, slot: FieldSlot, exc: ValidationError) -> None:
        show_field_error(self.errors, slot, exc.message)

    def accept(self) -> None:
        if self.user is None:  # Enter, or a caller: never without a user
            return
        super().accept()
