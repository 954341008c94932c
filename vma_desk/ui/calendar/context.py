"""What the calendar's tab and dialogs share: the services, the practice's reference data, the
patients already read, the session's "Authorised by" name, the dialogs' common start, and showing
a dialog without blocking.

Types and providers change rarely; they are read once and again only when a `Change` names them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from vma_desk.core.calendar import AppointmentType
from vma_desk.core.records import StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.approval import AuthorisationMemory
from vma_desk.ui.calendar.source import PatientBook
from vma_desk.ui.drafts import DraftGuard, cancel
from vma_desk.ui.widgets import FIELD_ERROR_STYLE, FieldErrors, FieldSlot, fit_to_screen


class CalendarContext:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.calendar = services.calendar
        self.patients = PatientBook(services)
        self.authorisation = AuthorisationMemory(services.context.user)
        #: the type the booking dialog starts with: the last one booked in this session
        self.last_type_code = "est"
        self._types: dict[str, AppointmentType] | None = None
        self._providers: dict[int, StaffMember] | None = None

    # reference data -----------------------------------------------------------------------------
    @property
    def types(self) -> dict[str, AppointmentType]:
        """The active appointment types by code, in the service's order (by name)."""
        if self._types is None:
            self._types = {t.code: t for t in self.calendar.types()}
        return self._types

    @property
    def providers(self) -> dict[int, StaffMember]:
        if self._providers is None:
            self._providers = {p.id: p for p in self.services.practice.providers() if p.id is not None}
        return self._providers

    def forget_reference_data(self) -> None:
        self._types = None
        self._providers = None

    def zone(self) -> ZoneInfo:
        return self.services.context.practice_zone()

    def now(self) -> datetime:
        return self.services.context.clock.now()


def show_dialog(dialog: QDialog) -> None:
    """Show a dialog without blocking, as the main window does: the auto-lock can then hide it
    and bring it back with what was typed still there."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    fit_to_screen(dialog)  # a small laptop with large text: its buttons stay on screen
    dialog.raise_()
    dialog.activateWindow()


class CalendarDialog(QDialog):
    """What every calendar dialog starts with: its Designer form (held as `self.ui`), errors shown
    on it (`self._errors`, beside their fields), the session's "Authorised by" in its approval
    panel, the patient search wired to the services, and its button box connected."""

    def __init__(self, form: Any, context: CalendarContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = form
        form.setupUi(self)
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self._context = context
        self._errors = FieldErrors(form.form_error_label)
        form.form_error_label.setWordWrap(True)
        FieldErrors.prepare(*(label for name, label in vars(form).items()
                              if name.endswith("_error") and isinstance(label, QLabel)))
        if hasattr(form, "summary_label"):
            font = form.summary_label.font()
            font.setBold(True)
            form.summary_label.setFont(font)
        if hasattr(form, "approval_panel"):
            form.approval_panel.set_memory(context.authorisation)
        if hasattr(form, "patient_picker"):
            form.patient_picker.set_services(context.services)
        form.button_box.accepted.connect(self._on_button_box_accepted)
        form.button_box.rejected.connect(self._on_button_box_rejected)
        #: asks before Esc or Cancel discards typing, and keeps a draft (forms that create records)
        self.draft_guard: DraftGuard | None = None

    def _main_button(self, which: QDialogButtonBox.StandardButton, label: str) -> QPushButton:
        """Name the button that does the dialog's work, and make it what Enter presses."""
        button = self.ui.button_box.button(which)
        button.setText(label)
        button.setDefault(True)
        return button

    def _shared_slot(self, field: str) -> FieldSlot | None:
        """Where the errors about the patient, type and provider go, in forms that have them."""
        ui = self.ui
        fields = {"patient_id": ("patient_picker", "patient_error", "Patient"),
                  "type_code": ("type_combo", "type_error", "Type"),
                  "provider_id": ("provider_combo", "provider_error", "Provider")}
        if field not in fields or not hasattr(ui, fields[field][0]):
            return None
        widget, label, caption = fields[field]
        shown = getattr(ui, widget)
        return FieldSlot(getattr(shown, "search_edit", shown), getattr(ui, label), caption)

    def _on_button_box_accepted(self) -> None:
        raise NotImplementedError

    def _on_button_box_rejected(self) -> None:
        cancel(self)
