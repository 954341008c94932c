"""Cancelling an appointment: the reason (kept with the visit), who authorised it, and a clear
"late cancellation" warning when it falls inside the practice's notice window.

The service decides lateness when it records the cancellation; the dialog applies the same rule
beforehand so the VMA can say so to the patient. The freed slot is offered to the waitlist.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core.calendar import Appointment, Slot
from vma_desk.core.rules.scheduling import is_late_cancellation
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.proposals import offer_for
from vma_desk.ui.forms.ui_calendar_cancel import Ui_CalendarCancel
from vma_desk.ui.shared.widgets import FieldSlot

#: offered in the reason box; any other reason can be typed
COMMON_REASONS = (
    "Patient request", "Patient feeling better", "Patient ill", "Scheduling conflict",
    "Transportation", "Weather", "Provider unavailable",
)


class CancelDialog(CalendarDialog):
    ui: Ui_CalendarCancel
    #: the cancelled `Appointment`, the `Change`, and the `Offer` of the freed slot (or None)
    sig_cancelled = Signal(object, object, object)

    def __init__(self, context: CalendarContext, appointment: Appointment,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarCancel(), context, parent)
        ui = self.ui
        self.appointment = appointment
        ui.summary_label.setText("Cancel " + text.visit_summary(
            appointment, context.patients.name(appointment.patient_id), context.types,
            context.providers, context.zone()) + "?")
        ui.reason_combo.addItems(COMMON_REASONS)
        ui.reason_combo.setCurrentIndex(-1)
        reason_line = ui.reason_combo.lineEdit()
        assert reason_line is not None, "the form's reason combo is editable"
        reason_line.setPlaceholderText("Why the visit is cancelled (kept with it)")
        notice = context.calendar.notice_hours()
        self.late = is_late_cancellation(appointment.start, context.now(), notice)
        ui.late_label.setVisible(self.late)
        ui.late_label.setProperty("formError", True)
        ui.late_label.style().polish(ui.late_label)  # a dynamic property shows after a polish
        ui.late_label.setText(
            f"Late cancellation: less than {notice} hours before the visit (the practice's notice "
            "window). It will be recorded as late.")
        self._main_button(QDialogButtonBox.StandardButton.Ok, "Cancel &appointment")
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("&Keep appointment")
        ui.reason_combo.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        if field == "cancel_reason":
            return FieldSlot(self.ui.reason_combo, self.ui.reason_error, "Reason")
        return None

    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        before = self.appointment
        appointment_id = before.id
        assert appointment_id is not None
        approval = self.ui.approval_panel
        done = self._attempt(lambda: self._context.calendar.cancel(
            appointment_id, reason=self.ui.reason_combo.currentText(),
            authorised_by=approval.authorised_by()), conflicts=approval)
        if done is None:
            return
        cancelled, change, proposals = done
        approval.remember()
        self.accept()
        self.sig_cancelled.emit(cancelled, change,
                                offer_for(Slot(before.provider_id, before.start, before.minutes),
                                          proposals))
