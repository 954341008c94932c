"""The small dialogs behind Edit → Users…: add a user, edit one (name and role), and set a new PIN.

Each calls one service method, so a refusal leaves nothing half-saved; its error is shown beside
the field it names (duplicate name, short PIN, PINs that differ, the last manager's role), anything
else above the buttons. Each emits `sig_saved(change)` and closes once the service accepted.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Signal
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
from vma_desk.core.users import MAX_FAILURES, MAX_NAME, User, UserRole
from vma_desk.services import Services
from vma_desk.ui.shared.form import attempt
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot
from vma_desk.ui.users.fields import (
    PIN_RULE,
    busy,
    chosen_role,
    error_label,
    pin_edit,
    role_combo,
    set_role,
    show_field_error,
    with_error,
)

W = TypeVar("W", bound=QWidget)


class UserFormDialog(QDialog):
    """A heading line, a form of fields each with its error label, a general error, OK/Cancel."""

    sig_saved = Signal(object)  # a core Change

    def __init__(self, services: Services, title: str, intro: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(title)
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self._slots: dict[str, FieldSlot] = {}
        self._order: list[QWidget] = []
        self.layout_ = QVBoxLayout(self)
        self.intro_label = QLabel(intro)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.layout_.addWidget(self.intro_label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.errors = FieldErrors(self.general_error)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                           | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def add_field(self, field: str, text: str, caption: str, widget: W) -> W:
        error = error_label(f"{field}_error")
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, with_error(widget, error))
        self._slots[field] = FieldSlot(widget, error, caption)
        self._order.append(widget)
        return widget

    def finish(self) -> None:
        """Add the general error and the buttons under the form; Tab goes through the fields in
        order, then to the buttons."""
        self.layout_.addWidget(self.general_error)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.button_box)
        chain = [*self._order, self.ok_button,
                 self.button_box.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if self._order:
            self._order[0].setFocus()

    def error_label_of(self, field: str) -> QLabel:
        return self._slots[field].label

    def save(self) -> Change:
        raise NotImplementedError

    def _show_validation(self, slot: FieldSlot, exc: ValidationError) -> None:
        if exc.field == "name" and exc.message.startswith("is already"):
            typed = " ".join(self.name_text().split())
            slot = FieldSlot(slot.widget, slot.label, f"“{typed}”")
        show_field_error(self.errors, slot, exc.message)

    def name_text(self) -> str:
        return ""

    def _save_busy(self) -> Change:
        with busy():
            return self.save()

    def _on_button_box_accepted(self) -> None:
        change = attempt(self.errors, self._save_busy, slot_for=self._slots.get, general=str,
                         show=self._show_validation)
        if change is None:
            return
        self.sig_saved.emit(change)
        self.accept()


def _name_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("name_edit")
    edit.setMaxLength(MAX_NAME * 2)  # longer is refused with a message, not cut off
    return edit


class AddUserDialog(UserFormDialog):
    """Name, role and the new user's PIN (twice)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, "Add user",
            "The new user signs in with their name and this PIN. Use " + PIN_RULE + ". Tell them the "
            "PIN in person; once signed in they can change it under Edit → Users… (Reset PIN…).",
            "&Add user", parent)
        self.name_edit = self.add_field("name", "&Name", "Name", _name_edit())
        self.role_combo = self.add_field("role", "&Role", "Role", role_combo())
        set_role(self.role_combo, UserRole.VMA)
        self.pin_edit = self.add_field("pin", "&PIN", "PIN", pin_edit("pin_edit"))
        self.confirm_edit = self.add_field("confirmation", "&Confirm PIN", "The repeated PIN",
                                           pin_edit("confirm_edit"))
        self.finish()

    def name_text(self) -> str:
        return self.name_edit.text()

    def save(self) -> Change:
        _user, change = self.services.users.add(self.name_edit.text(), chosen_role(self.role_combo),
                                                self.pin_edit.text(), self.confirm_edit.text())
        return change


class EditUserDialog(UserFormDialog):
    """A user's name and role (the PIN has its own dialog, deactivating its own button)."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        super().__init__(
            services, f"Edit user — {user.name}",
            "Records already saved keep the name they were saved with; the audit trail shows the "
            "change of name.", "&Save", parent)
        self.user = user
        self.name_edit = self.add_field("name", "&Name", "Name", _name_edit())
        self.name_edit.setText(user.name)
        self.role_combo = self.add_field("role", "&Role", "Role", role_combo())
        set_role(self.role_combo, user.role)
        self.finish()
        self.name_edit.selectAll()

    def name_text(self) -> str:
        return self.name_edit.text()

    def save(self) -> Change:
        assert self.user.id is not None
        _user, change = self.services.users.update(self.user.id, name=self.name_edit.text(),
                                                   role=chosen_role(self.role_combo))
        return change


class ResetPinDialog(UserFormDialog):
    """A new PIN for a user (a manager's work), or for oneself. Ends a lock-out."""

    def __init__(self, services: Services, user: User, parent: QWidget | None = None) -> None:
        own = user.id is not None and user.id == services.context.user_id
        if own:
            intro = f"Choose your new PIN: {PIN_RULE}."
        else:
            intro = (f"Set a new PIN for {user.name} ({PIN_RULE}) and tell it to them in person. "
                     "Their old PIN stops working.")
        if user.locked_out:
            intro += (f" {user.name} is locked out after {MAX_FAILURES} wrong PINs in a row; the new "
                      "PIN ends the lock-out.")
        super().__init__(services, "Change my PIN" if own else f"Reset PIN — {user.name}", intro,
                         "&Set PIN", parent)
        self.user = user
        self.pin_edit = self.add_field("pin", "New &PIN", "PIN", pin_edit("pin_edit"))
        self.confirm_edit = self.add_field("confirmation", "&Confirm PIN", "The repeated PIN",
                                           pin_edit("confirm_edit"))
        self.finish()

    def save(self) -> Change:
        assert self.user.id is not None
        return self.services.users.reset_pin(self.user.id, self.pin_edit.text(), self.confirm_edit.text())
