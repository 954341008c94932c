"""What the call and message forms share: the Designer form held as `self.ui`, errors beside
their fields, the patient search, the red-flag watch with its banner, Ctrl+Enter to save from a
notes field, and the service call that either succeeds or shows why not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import Patient, StaffMember
from vma_desk.ui.calls.context import CommsContext
from vma_desk.ui.calls.red_flags import RedFlagWatcher
from vma_desk.ui.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot

T = TypeVar("T")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommsFormDialog(QDialog):
    def __init__(self, form: Any, context: CommsContext, notes: Sequence[str],
                 parent: QWidget | None = None) -> None:
        """`notes` names the form's text fields that are checked for red flags."""
        super().__init__(parent)
        self.ui = form
        form.setupUi(self)
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self._context = context
        self._errors = FieldErrors(form.form_error_label)
        form.form_error_label.setWordWrap(True)
        FieldErrors.prepare(*(label for name, label in vars(form).items()
                              if name.endswith("_error") and isinstance(label, QLabel)))
        form.patient_picker.set_services(context.services)
        self._notes: list[QPlainTextEdit] = [getattr(form, name) for name in notes]
        self.red_flags = RedFlagWatcher(context.comms, self._notes, self)
        self.red_flags.sig_checked.connect(self._on_red_flags_checked)
        self.save_button = self._main_button(QDialogButtonBox.StandardButton.Save, "&Save")
        form.button_box.accepted.connect(self._on_button_box_accepted)
        form.button_box.rejected.connect(self.reject)
        for edit in self._notes:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched in self._notes and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER_KEYS
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            # Enter in a notes field starts a new line; Ctrl+Enter saves, as Enter does elsewhere
            self._on_button_box_accepted()
            return True
        return super().eventFilter(watched, event)

    def _tab_order(self, *widgets: QWidget) -> None:
        """Tab walks the form in this order (Designer's order misses the patient search inside its
        picker, a compound widget)."""
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _main_button(self, which: QDialogButtonBox.StandardButton, label: str) -> QPushButton:
        """Name the button that does the dialog's work, and make it what Enter presses."""
        button = self.ui.button_box.button(which)
        button.setText(label)
        button.setDefault(True)
        return button

    # filling ----------------------------------------------------------------------------------------
    def _fill_staff(self, combo: Any, staff: Sequence[StaffMember], none_label: str = "") -> None:
        if none_label:
            combo.addItem(none_label, None)
        for member in staff:
            combo.addItem(f"{member.display_name} \u00b7 {member.role.label}", member.id)

    @staticmethod
    def _select(combo: Any, value: object) -> None:
        found = combo.findData(value)
        if found >= 0:
            combo.setCurrentIndex(found)

    def _patient(self, patient_id: int | None) -> Patient | None:
        return None if patient_id is None else self._context.patients.get(patient_id)

    # saving -----------------------------------------------------------------------------------------
    def _attempt(self, change: Callable[[], T]) -> T | None:
        """Run one service call; show why it failed beside the field it names and return None."""
        self._errors.clear()
        try:
            return change()
        except ValidationError as error:
            slot = self._slot_for(error.field)
            if slot is None:
                self._errors.show_general(f"{error.field.replace('_', ' ').capitalize()}: {error.message}.")
            else:
                self._errors.show(slot, error.message)
        except KnownError as error:
            self._errors.show_general(error.message)
        return None

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        if field == "escalation_action":
            return ui.escalation_panel.slot()
        if field == "patient_id":
            return FieldSlot(ui.patient_picker.search_edit, ui.patient_error, "Patient")
        return None

    # red flags --------------------------------------------------------------------------------------
    def _on_red_flags_checked(self, found: bool) -> None:
        self.ui.escalation_panel.show_escalation(self.red_flags.escalation if found else None)

    def _on_button_box_accepted(self) -> None:
        raise NotImplementedError
