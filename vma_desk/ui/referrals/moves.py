"""The referral moves that ask something first: the specialist visit's date and time (practice
time), why a referral is cancelled or declined, and the override reason for closing one whose
consult report never came back. The service decides; its refusal is shown beside the field.

Moves that need nothing (send, seen, report received, close) are done by the tab directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.wording import zone_label
from vma_desk.ui.calendar.fields import read_start, show_start
from vma_desk.ui.forms.ui_referrals_move import Ui_ReferralsMove
from vma_desk.ui.referrals.dialog import calendar_page
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import attempt, hold_form, main_button
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldSlot, error_sentence


@dataclass(frozen=True)
class Move:
    """One move that asks first: its wording, and whether it needs a visit time or a reason."""

    to: ReferralState
    title: str
    action: str  # the button that does it
    keep: str  # the button that leaves the referral as it is
    note_label: str
    note_hint: str
    explain: str = ""
    asks_visit: bool = False
    override: bool = False  # closing without a consult report


SCHEDULE = Move(ReferralState.SCHEDULED, "Specialist appointment scheduled", "&Record appointment",
                "Cancel", "&Note:", "Optional: who booked it, what to bring",
                asks_visit=True)
UNSCHEDULE = Move(ReferralState.SENT, "Back to sent", "&Back to sent", "Keep the appointment", "&Note:",
                  "Why the specialist visit is off (optional)",
                  "The specialist appointment is off: the referral waits for a new one.")
CANCEL = Move(ReferralState.CANCELLED, "Cancel referral", "Cancel &referral", "&Keep referral", "&Reason:",
              "Why the referral is cancelled (kept in its history)",
              "A cancelled referral leaves the list; its history stays.")
DECLINE = Move(ReferralState.DECLINED, "Referral declined", "Mark &declined", "&Keep referral", "&Reason:",
               "Who declined (patient or specialist) and why",
               "A declined referral leaves the list; its history stays.")
CLOSE_WITHOUT_REPORT = Move(
    ReferralState.CLOSED, "Close without a consult report", "Close &without report", "&Keep tracking",
    "&Override reason:", "Why close it without the report (kept in its history)",
    "No consult report has been received: closing now stops tracking this referral, and the loop "
    "stays open in the chart. Give the reason for closing anyway.", override=True)

#: the moves forward that ask first, by the state they move to
ASKING = {move.to: move for move in (SCHEDULE, CANCEL, DECLINE)}


class MoveDialog(QDialog):
    #: the moved `Referral` and its `Change`
    sig_moved = Signal(object, object)

    def __init__(self, context: TabContext, referral: Referral, move: Move,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReferralsMove()
        self._errors = hold_form(self, self.ui)
        self.setStyleSheet(FIELD_ERROR_STYLE + "QLabel#summary_label { font-weight: bold; }")
        self._context = context
        self.referral = referral
        self.chosen = move  # not `move`: QWidget.move(x, y) places the window
        ui = self.ui
        self.setWindowTitle(move.title)
        name = context.patient_name(referral.patient_id)
        ui.summary_label.setText(f"{move.title}: {name}, {referral.specialty} at "
                                 f"{referral.specialist_office}")
        ui.explain_label.setText(self._explain())
        ui.explain_label.setVisible(bool(ui.explain_label.text()))
        ui.note_label.setText(move.note_label)
        ui.note_edit.setPlaceholderText(move.note_hint)
        for widget in (ui.appointment_label, ui.appointment_date_edit, ui.appointment_time_edit,
                       ui.zone_label):
            widget.setVisible(move.asks_visit)
        self._fill_visit()
        self.action_button = main_button(ui.button_box, QDialogButtonBox.StandardButton.Ok, move.action)
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(move.keep)
        ui.button_box.accepted.connect(self._on_button_box_accepted)
        ui.button_box.rejected.connect(self.reject)
        (ui.appointment_date_edit if move.asks_visit else ui.note_edit).setFocus()

    def _explain(self) -> str:
        referral = self.referral
        if self.chosen.asks_visit and referral.auth_required and not referral.auth_number:
            return ("The patient's plan needs a referral authorisation number before the specialist "
                    "visit: add it with Edit… (Ctrl+E) first.")
        return self.chosen.explain

    def _fill_visit(self) -> None:
        ui = self.ui
        zone, now = self._context.zone(), self._context.now()
        ui.zone_label.setText(zone_label(zone, now))
        calendar_page(ui.appointment_date_edit, self._context.today())
        if self.referral.appointment_at is not None:
            show_start(ui.appointment_date_edit, ui.appointment_time_edit, ui.zone_label,
                       self.referral.appointment_at, zone)
        else:
            ui.appointment_time_edit.setTime(QTime((now.astimezone(zone) + timedelta(hours=1)).hour, 0))

    def save(self) -> Referral | None:
        ui = self.ui
        referral_id = self.referral.id
        assert referral_id is not None

        def move() -> tuple[Referral, Change]:
            visit = read_start(ui.appointment_date_edit, ui.appointment_time_edit, self._context.zone()) \
                if self.chosen.asks_visit else None
            return self._context.services.referrals.move(
                referral_id, self.chosen.to, note=ui.note_edit.toPlainText(), appointment_at=visit)

        done = attempt(self._errors, move, slot_for=self._slot_for, general=refusal)
        if done is None:
            return None
        moved, change = done
        self.accept()
        self.sig_moved.emit(moved, change)
        return moved

    def _on_button_box_accepted(self) -> None:
        self.save()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        if field in ("start", "appointment_at"):
            return FieldSlot(ui.appointment_date_edit, ui.appointment_error, "Specialist visit")
        if field == "note":
            return FieldSlot(ui.note_edit, ui.note_error, self.chosen.note_label.replace("&", "").rstrip(":"))
        return None


#: what a move may lack that is fixed elsewhere: the field's name, and where to fix it
_ELSEWHERE = {
    "auth_number": ("Authorisation number", "Add it with Edit… (Ctrl+E), then try again."),
    "records_sent": ("Records sent", "Tick them with Edit… (Ctrl+E), then try again."),
    "appointment_at": ("Specialist visit", "Use the Appointment scheduled… button to enter it."),
    "note": ("Reason", ""),
}


def refusal(error: ValidationError) -> str:
    """A refused move in a sentence, with where to fix what it lacks."""
    caption, hint = _ELSEWHERE.get(error.field, ("Not moved", ""))
    return f"{error_sentence(caption, error.message)} {hint}".strip()
