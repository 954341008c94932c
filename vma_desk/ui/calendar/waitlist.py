"""Adding a patient to the waitlist (ASAP list) with their preferences: visit type, provider (or
any), the days and the earliest and latest start they can make, and a note."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core.calendar import WaitlistEntry
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.fields import (
    add_day_checks,
    checked_days,
    fill_providers,
    fill_types,
    qtime,
    select_data,
)
from vma_desk.ui.forms.ui_calendar_waitlist_entry import Ui_CalendarWaitlistEntry
from vma_desk.ui.shared.widgets import FieldSlot, to_time

_DEFAULTS = WaitlistEntry(patient_id=0, type_code="", added_at=datetime(2000, 1, 1, tzinfo=UTC))


class WaitlistEntryDialog(CalendarDialog):
    ui: Ui_CalendarWaitlistEntry
    #: the added `WaitlistEntry` and the `Change`
    sig_added = Signal(object, object)

    def __init__(self, context: CalendarContext, parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarWaitlistEntry(), context, parent)
        ui = self.ui
        fill_types(ui.type_combo, context.types)
        select_data(ui.type_combo, context.last_type_code)
        fill_providers(ui.provider_combo, context.providers, any_label="Any provider")
        self._day_checks = add_day_checks(
            ui.days_layout, context.services.practice.get().business_days, _DEFAULTS.days)
        ui.earliest_edit.setTime(qtime(_DEFAULTS.earliest))
        ui.latest_edit.setTime(qtime(_DEFAULTS.latest))
        self._main_button(QDialogButtonBox.StandardButton.Ok, "&Add to waitlist")
        ui.patient_picker.setFocus()

    def entry(self) -> WaitlistEntry:
        ui = self.ui
        patient_id = ui.patient_picker.required_id()
        provider = ui.provider_combo.currentData()
        return WaitlistEntry(
            patient_id=patient_id, type_code=str(ui.type_combo.currentData()),
            added_at=self._context.now(), provider_id=None if provider is None else int(provider),
            days=checked_days(self._day_checks), earliest=to_time(ui.earliest_edit.time()),
            latest=to_time(ui.latest_edit.time()), note=ui.note_edit.text())

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return self._shared_slot(field) or {
            "days": FieldSlot(next(iter(self._day_checks.values())), ui.days_error, "Days"),
            "latest": FieldSlot(ui.latest_edit, ui.latest_error, "Latest start"),
            "note": FieldSlot(ui.note_edit, ui.note_error, "Note"),
        }.get(field)

    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        done = self._attempt(lambda: self._context.calendar.add_to_waitlist(self.entry()))
        if done is None:
            return
        self.accept()
        self.sig_added.emit(*done)
