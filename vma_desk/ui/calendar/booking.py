"""The booking dialog: patient, type, provider, start, length, reason and notes, and "Find next slot".

Times are typed and shown in the practice's zone. The type sets the usual length. "Find next slot"
lists several open slots from now on for the type's length, the chosen provider (or any) and the
patient's preferred days and times; taking one fills in provider, day and time. Booking goes
through `services.calendar.book`: a `ValidationError` is shown beside its field, a conflict is
listed with the offer to override it (with a typed reason); the dialog keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core.calendar import Appointment, Slot
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change, Patient
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.fields import (
    add_day_checks,
    checked_days,
    fill_providers,
    fill_types,
    qtime,
    read_start,
    select_data,
    show_start,
)
from vma_desk.ui.calendar.lists import RECORD_ROLE, RecordListModel
from vma_desk.ui.drafts import DraftGuard
from vma_desk.ui.forms.ui_calendar_booking import Ui_CalendarBooking
from vma_desk.ui.shared.widgets import FieldSlot, to_time

SLOT_CANDIDATES = 6
#: books the visit: (appointment, authorised_by=, override_reason=) -> (booked, change)
Book = Callable[..., tuple[Appointment, Change]]


@dataclass(frozen=True)
class Preferences:
    """A patient's wishes for "Find next slot" (a waitlist entry's, or typed in the dialog)."""

    days: frozenset[int] | None = None
    earliest: time | None = None
    latest: time | None = None
    any_provider: bool = False


class BookingDialog(CalendarDialog):
    ui: Ui_CalendarBooking
    #: the booked `Appointment` and the `Change`
    sig_booked = Signal(object, object)

    def __init__(self, context: CalendarContext, *, provider_id: int | None = None,
                 start: datetime | None = None, patient: Patient | None = None,
                 type_code: str | None = None, preferences: Preferences | None = None,
                 reason: str = "", book: Book | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarBooking(), context, parent)
        ui = self.ui
        #: what books the visit: the calendar's `book`, or a caller's that books and links it in one
        self._book: Book = book or context.calendar.book
        self._zone = context.zone()
        self._slots = RecordListModel(self)
        ui.slot_list.setModel(self._slots)
        self.book_button = self._main_button(QDialogButtonBox.StandardButton.Ok, "&Book")

        fill_types(ui.type_combo, context.types)
        fill_providers(ui.provider_combo, context.providers)
        wishes = preferences or Preferences()
        self._day_checks = add_day_checks(
            ui.days_layout, context.services.practice.get().business_days, wishes.days)
        self._fill(provider_id, start, patient, type_code, wishes)
        ui.reason_edit.setText(reason)
        self._connect()
        self.draft_guard = DraftGuard(self, context.services, "booking")
        (ui.patient_picker if patient is None else ui.type_combo).setFocus()

    def _fill(self, provider_id: int | None, start: datetime | None, patient: Patient | None,
              type_code: str | None, preferences: Preferences) -> None:
        ui = self.ui
        ui.patient_picker.set_patient(patient)
        select_data(ui.type_combo, type_code or self._context.last_type_code)
        self._apply_type()
        if provider_id is not None:
            select_data(ui.provider_combo, provider_id)
        show_start(ui.date_edit, ui.time_edit, ui.zone_label, start or self._context.now(), self._zone)
        ui.earliest_edit.setTime(qtime(preferences.earliest or time(7, 0)))
        ui.latest_edit.setTime(qtime(preferences.latest or time(19, 0)))
        ui.any_provider_check.setChecked(preferences.any_provider)

    def _connect(self) -> None:
        ui = self.ui
        ui.type_combo.currentIndexChanged.connect(self._on_type_combo_changed)
        ui.find_button.clicked.connect(self._on_find_button_clicked)
        ui.slot_list.clicked.connect(self._on_slot_list_activated)
        ui.slot_list.installEventFilter(self)
        # an override covers only the conflicts shown: changing the visit takes it back
        for signal in (ui.provider_combo.currentIndexChanged, ui.date_edit.dateChanged,
                       ui.time_edit.timeChanged, ui.minutes_spin.valueChanged,
                       ui.patient_picker.sig_patient_chosen):
            signal.connect(self._on_visit_edited)

    # reading the form -------------------------------------------------------------------------------
    def appointment(self) -> Appointment:
        ui = self.ui
        patient_id = ui.patient_picker.required_id()
        provider_id = ui.provider_combo.currentData()
        if provider_id is None:
            raise ValidationError("provider_id", "is required")
        return Appointment(
            patient_id=patient_id, provider_id=int(provider_id),
            type_code=str(ui.type_combo.currentData()),
            start=read_start(ui.date_edit, ui.time_edit, self._zone),
            minutes=ui.minutes_spin.value(), reason=ui.reason_edit.text(),
            notes=ui.notes_edit.toPlainText(),
        )

    # booking ----------------------------------------------------------------------------------------
    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        approval = self.ui.approval_panel
        if not approval.check_override(self._errors):
            return
        done = self._attempt(lambda: self._book(
            self.appointment(), authorised_by=approval.authorised_by(),
            override_reason=approval.override_reason()), conflicts=approval)
        if done is None:
            return
        booked, change = done
        approval.remember()
        self._context.last_type_code = booked.type_code
        self.accept()
        self.sig_booked.emit(booked, change)

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return self._shared_slot(field) or {
            "start": FieldSlot(ui.date_edit, ui.start_error, "Date and time"),
            "minutes": FieldSlot(ui.minutes_spin, ui.minutes_error, "Duration"),
            "reason": FieldSlot(ui.reason_edit, ui.reason_error, "Reason"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
        }.get(field)

    def _on_visit_edited(self, *_args: object) -> None:
        self.ui.approval_panel.clear_conflicts()

    def _on_type_combo_changed(self, _index: int) -> None:
        self._apply_type()
        self._on_visit_edited()

    def _apply_type(self) -> None:
        kind = self._context.types.get(str(self.ui.type_combo.currentData()))
        if kind is not None:
            self.ui.minutes_spin.setValue(kind.minutes)

    # finding a slot -----------------------------------------------------------------------------------
    def preferences(self) -> Preferences:
        ui = self.ui
        return Preferences(days=checked_days(self._day_checks), earliest=to_time(ui.earliest_edit.time()),
                           latest=to_time(ui.latest_edit.time()),
                           any_provider=ui.any_provider_check.isChecked())

    def _on_find_button_clicked(self) -> None:
        self.find_slots()

    def find_slots(self) -> list[Slot]:
        ui = self.ui
        self._errors.clear()
        wishes = self.preferences()
        provider_id = ui.provider_combo.currentData()
        providers = None if wishes.any_provider or provider_id is None else [int(provider_id)]
        found = self._attempt(lambda: self._context.calendar.find_slots(
            minutes=ui.minutes_spin.value(), provider_ids=providers,
            after=self._context.now().astimezone(UTC), days=wishes.days or None,
            earliest=wishes.earliest, latest=wishes.latest, count=SLOT_CANDIDATES))
        if found is None:
            return []
        providers_by_id = self._context.providers
        self._slots.set_records(found, [text.slot_line(s, providers_by_id, self._zone) for s in found])
        if found:
            ui.find_status_label.setText("Enter or a click takes a slot into the visit.")
            ui.slot_list.setCurrentIndex(self._slots.index(0))
            ui.slot_list.setFocus()
        else:
            ui.find_status_label.setText("No open slot in the next 90 days with these preferences.")
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.ui.slot_list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # Enter takes the slot into the form; booking it is a second, deliberate Enter
            self._on_slot_list_activated(self.ui.slot_list.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _on_slot_list_activated(self, index: QModelIndex) -> None:
        slot = index.data(RECORD_ROLE)
        if not isinstance(slot, Slot):
            return
        ui = self.ui
        select_data(ui.provider_combo, slot.provider_id)
        show_start(ui.date_edit, ui.time_edit, ui.zone_label, slot.start, self._zone)
        ui.find_status_label.setText(f"Taken: {text.slot_line(slot, self._context.providers, self._zone)}.")
        self.book_button.setFocus()
