"""Moving an appointment: the confirmation after a drag, and the one reschedule call both the drag
and the appointment dialog use.

A drop only asks; the move happens once "Authorised by" is confirmed (and, when the new place
conflicts, the override is given with its reason). The freed slot is offered to the waitlist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core.calendar import Appointment, Slot
from vma_desk.core.records import Change
from vma_desk.ui.calendar.approval import ApprovalPanel
from vma_desk.ui.calendar.context import CalendarContext, CalendarDialog
from vma_desk.ui.calendar.proposals import Offer, offer_for
from vma_desk.ui.forms.ui_calendar_move import Ui_CalendarMove
from vma_desk.ui.shared.form import attempt
from vma_desk.ui.shared.widgets import FieldErrors, FieldSlot


def reschedule(context: CalendarContext, before: Appointment, *, start: datetime, provider_id: int,
               minutes: int, approval: ApprovalPanel, errors: FieldErrors,
               slot_for: Callable[[str], FieldSlot | None] = lambda _field: None,
               ) -> tuple[Appointment, Change, Offer | None] | None:
    """Move `before` through the service; None (with the reason shown) when it was refused."""
    appointment_id = before.id
    assert appointment_id is not None
    if not approval.check_override(errors):
        return None
    done = attempt(errors, lambda: context.calendar.reschedule(
        appointment_id, start=start, provider_id=provider_id, minutes=minutes,
        authorised_by=approval.authorised_by(), override_reason=approval.override_reason()),
        slot_for=slot_for, conflicts=approval)
    if done is None:
        return None
    moved, change, proposals = done
    approval.remember()
    return moved, change, offer_for(Slot(before.provider_id, before.start, before.minutes), proposals)


class MoveDialog(CalendarDialog):
    """Confirms a move made by dragging: from where, to where, authorised by whom."""

    #: the moved `Appointment`, the `Change`, and the `Offer` of the freed slot (or None)
    sig_moved = Signal(object, object, object)
    ui: Ui_CalendarMove

    def __init__(self, context: CalendarContext, appointment: Appointment, *, provider_id: int,
                 start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(Ui_CalendarMove(), context, parent)
        self.appointment = appointment
        self.provider_id = provider_id
        self.start = start
        zone = context.zone()
        target = replace(appointment, start=start, provider_id=provider_id)
        name = context.patients.name(appointment.patient_id)
        kind = text.type_name(context.types, appointment.type_code)
        self.ui.summary_label.setText(
            f"Move {name} ({kind})\n"
            f"from {text.span(appointment.start, appointment.end, zone)} with "
            f"{text.provider_name(context.providers, appointment.provider_id)}\n"
            f"to {text.span(target.start, target.end, zone)} with "
            f"{text.provider_name(context.providers, provider_id)}")
        move = self._main_button(QDialogButtonBox.StandardButton.Ok, "&Move")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("Leave it where it is")
        move.setFocus()

    def _on_button_box_accepted(self) -> None:
        self._errors.clear()
        done = reschedule(self._context, self.appointment, start=self.start,
                          provider_id=self.provider_id, minutes=self.appointment.minutes,
                          approval=self.ui.approval_panel, errors=self._errors)
        if done is None:
            return
        self.accept()
        self.sig_moved.emit(*done)
