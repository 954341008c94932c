"""What the calendar's tab and dialogs share: the window's shared lookups (`TabContext`: patients,
providers, appointment types, the practice's zone and clock), the session's "Authorised by" name,
the type a booking starts with, and the dialogs' common start (`CalendarDialog`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from vma_desk.core.calendar import AppointmentType
from vma_desk.core.records import StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.approval import AuthorisationMemory
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog
from vma_desk.ui.shared.widgets import FieldSlot


class CalendarContext:
    """The shared lookups (`shared`), with what only the calendar's dialogs keep: the session's
    "Authorised by" (`authorisation`) and the type the booking dialog starts with."""

    def __init__(self, services: Services, shared: TabContext | None = None) -> None:
        self.shared = shared if shared is not None else TabContext(services)
        self.services = services
        self.calendar = services.calendar
        self.patients = self.shared.patients
        self.authorisation = AuthorisationMemory(services.context.user)
        #: the type the booking dialog starts with: the last one booked in this session
        self.last_type_code = "est"

    @property
    def types(self) -> dict[str, AppointmentType]:
        """The active appointment types by code, in the service's order (by name)."""
        return self.shared.types

    @property
    def providers(self) -> dict[int, StaffMember]:
        return self.shared.providers

    def forget_reference_data(self) -> None:
        self.shared.forget_reference_data()

    def zone(self) -> ZoneInfo:
        return self.shared.zone()

    def now(self) -> datetime:
        return self.shared.now()


class CalendarDialog(FormDialog):
    """What every calendar dialog adds to a `FormDialog`: its summary line in bold, the session's
    "Authorised by" in its approval panel, and the errors about the patient, type and provider
    beside those fields (`_shared_slot`)."""

    def __init__(self, form: Any, context: CalendarContext, parent: QWidget | None = None) -> None:
        super().__init__(form, context.services, parent)
        self._context = context
        if hasattr(form, "summary_label"):
            font = form.summary_label.font()
            font.setBold(True)
            form.summary_label.setFont(font)
        if hasattr(form, "approval_panel"):
            form.approval_panel.set_memory(context.authorisation)

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
