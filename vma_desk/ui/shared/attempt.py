"""The one "Log attempt" dialog every worklist opens (Ctrl+Shift+L): how the contact was made, its
outcome, when (now unless changed), a note, and when to try again (the practice's retry policy
unless the VMA sets it), with the record's earlier attempts above.

OK runs `services.chase.log_attempt`; a refusal (an attempt in the future, a "reached" on a closed
record, a next attempt before this one) is shown beside its field and the dialog stays open with
what was typed; nothing is saved then. Times are typed in the practice's wall time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox, QWidget

from vma_desk.core import wording
from vma_desk.core.chase import Attempt, Channel, ChaseKind, Outcome, next_attempt
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.ui.forms.ui_worklists_attempt import Ui_WorklistsAttempt
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog, attempt
from vma_desk.ui.shared.widgets import FieldSlot, to_date, to_time

#: the outcomes in the order a VMA meets them most (the first is the default)
OUTCOMES = (Outcome.NO_ANSWER, Outcome.LEFT_VOICEMAIL, Outcome.REACHED, Outcome.CALL_LATER,
            Outcome.WRONG_NUMBER, Outcome.DECLINED)


@dataclass(frozen=True)
class AttemptTarget:
    """What an attempt chases: the record (its kind and id), who it is about (for the dialog's
    first line), its patient, whether the record is still open, and its attempts so far."""

    kind: ChaseKind
    record_id: int
    who: str
    patient_id: int | None = None
    record_open: bool = True
    attempts: tuple[Attempt, ...] = ()


def to_wall(moment: datetime, zone: ZoneInfo) -> QDateTime:
    """A UTC instant as the practice's wall time in a date-time field (minutes only)."""
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_wall(edit: QDateTimeEdit, zone: ZoneInfo) -> datetime:
    """A date-time field's wall time in the practice's zone, as the aware instant it means."""
    return datetime.combine(to_date(edit.date()), to_time(edit.time()), tzinfo=zone)


def attempt_line(attempt: Attempt, zone: ZoneInfo, today: datetime) -> str:
    """'Mon 03/02 9:30 AM · phone · no answer · tester@desk: asked for after 3 PM'."""
    line = (f"{wording.when_in_year(attempt.at, zone, today.astimezone(zone).date())} · "
            f"{attempt.channel.label.lower()} · {attempt.outcome.label}")
    if attempt.by:
        line += f" · {attempt.by}"
    return f"{line}: {attempt.note}" if attempt.note else line


class LogAttemptDialog(FormDialog):
    """Log one contact attempt on `target`; `sig_logged(attempt, change)` once it is saved."""

    ui: Ui_WorklistsAttempt
    sig_logged = Signal(object, object)

    def __init__(self, context: TabContext, target: AttemptTarget, parent: QWidget | None = None) -> None:
        super().__init__(Ui_WorklistsAttempt(), context.services, parent)
        self.context = context
        self.target = target
        self._zone = context.zone()
        self._opened_at = context.now()
        ui = self.ui
        self.setWindowTitle(f"Log attempt: {target.kind.label}")
        self._main_button(QDialogButtonBox.StandardButton.Ok, "&Log attempt")
        for outcome in OUTCOMES:
            ui.outcome_combo.addItem(outcome.label.capitalize(), outcome)
        for channel in Channel:
            ui.channel_combo.addItem(channel.label, channel)
        ui.note_edit.setMaxLength(500)
        ui.about_label.setText(f"{target.kind.label}: {target.who}")
        ui.history_label.setText(self._history())
        shown = to_wall(self._opened_at, self._zone)
        ui.at_edit.setDateTime(shown)
        self._at_shown = shown
        ui.next_edit.setEnabled(False)
        ui.next_edit.setDateTime(to_wall(self._opened_at + timedelta(hours=2), self._zone))
        ui.next_check.toggled.connect(ui.next_edit.setEnabled)
        ui.outcome_combo.currentIndexChanged.connect(self._show_suggestion)
        ui.channel_combo.currentIndexChanged.connect(self._show_suggestion)
        ui.at_edit.dateTimeChanged.connect(self._show_suggestion)
        self._show_suggestion()
        ui.outcome_combo.setFocus()

    # what is shown --------------------------------------------------------------------------------
    def _history(self) -> str:
        attempts = self.target.attempts
        if not attempts:
            return "No earlier attempts."
        lines = [attempt_line(a, self._zone, self._opened_at) for a in attempts]
        return "Earlier attempts:\n" + "\n".join(f"  {line}" for line in lines)

    def outcome(self) -> Outcome:
        value = self.ui.outcome_combo.currentData()
        return value if isinstance(value, Outcome) else Outcome(value)

    def channel(self) -> Channel:
        value = self.ui.channel_combo.currentData()
        return value if isinstance(value, Channel) else Channel(value)

    def _at(self) -> datetime | None:
        """The time typed, or None when the VMA left it as shown (the service takes now)."""
        if self.ui.at_edit.dateTime() == self._at_shown:
            return None
        return from_wall(self.ui.at_edit, self._zone)

    def suggestion(self) -> datetime | None:
        """When the practice's retry policy puts the next attempt after this one (None: no more)."""
        services = self.context.services
        attempt = Attempt(self.target.kind, self.target.record_id, self._at() or self.context.now(),
                          self.channel(), self.outcome())
        return next_attempt(attempt, self.target.attempts, services.practice.get(), self._zone,
                            services.chase.policy(self.target.kind))

    def _show_suggestion(self) -> None:
        moment = self.suggestion()
        if moment is not None:
            today = self.context.now().astimezone(self._zone).date()
            text = f"By the practice's policy: {wording.near_day_clock(moment, self._zone, today)}."
            if not self.ui.next_check.isChecked():
                self.ui.next_edit.setDateTime(to_wall(moment, self._zone))
        elif self.outcome().ends_chase:
            text = f"None: {self.outcome().label} ends the chase."
        else:
            text = "None: the practice's limit of attempts is reached (send a letter or close)."
        self.ui.suggestion_label.setText(text)

    # logging --------------------------------------------------------------------------------------
    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        slots = {"at": FieldSlot(ui.at_edit, ui.at_error, "When"),
                 "next_at": FieldSlot(ui.next_edit if ui.next_check.isChecked() else ui.next_check,
                                      ui.next_at_error, "Next attempt"),
                 "outcome": FieldSlot(ui.outcome_combo, ui.outcome_error, "Outcome"),
                 "channel": FieldSlot(ui.channel_combo, ui.channel_error, "Channel"),
                 "note": FieldSlot(ui.note_edit, ui.note_error, "Note")}
        return slots.get(field)

    def _show_refusal(self, slot: FieldSlot, error: ValidationError) -> None:
        """The service's sentence as it is when it is one ("An attempt cannot be in the future:
        ..."), else after the field's caption ("Note is required.")."""
        self._errors.show(slot, error.message)
        if error.message[:1].isupper():
            slot.label.setText(error.message)

    def log(self) -> tuple[Attempt, Change] | None:
        """Save the attempt (the dialog closes), or show why not (it stays open as typed)."""
        ui = self.ui
        target = self.target
        next_at = from_wall(ui.next_edit, self._zone) if ui.next_check.isChecked() else None
        result = attempt(self._errors, lambda: self.context.services.chase.log_attempt(
            target.kind, target.record_id, channel=self.channel(), outcome=self.outcome(), at=self._at(),
            note=ui.note_edit.text(), next_at=next_at, patient_id=target.patient_id,
            record_open=target.record_open), slot_for=self._slot_for, show=self._show_refusal)
        if result is None:
            return None
        self.sig_logged.emit(*result)
        self.accept()
        return result

    def _on_button_box_accepted(self) -> None:
        self.log()
