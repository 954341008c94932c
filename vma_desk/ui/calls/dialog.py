"""The call form (F2 from anywhere): caller, number, patient, reason, routing, outcome and notes,
with the call's running timer, saved with Enter (Ctrl+Enter from the notes).

The patient is found from a few letters of a name, a date of birth or a phone number (quick open's
search); choosing one fills an empty caller and number from the record. Routed-to follows the
practice's routing rules for the reason (and the patient's provider) until the VMA picks someone
by hand. A red flag in the notes makes the call escalated (outcome, routing to clinical staff),
shows the practice's escalation step and needs "What was done?" before the call saves.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core import wording
from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient
from vma_desk.core.validation import format_phone, normalize_phone
from vma_desk.ui.forms.ui_calls_call import Ui_CallsCall
from vma_desk.ui.shared.comms_form import CommsFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.widgets import FieldSlot

MESSAGE_KEYS = "Ctrl+M"


class CallDialog(CommsFormDialog):
    ui: Ui_CallsCall
    #: the saved `Call`, its `Change`, and whether a message from it was asked for
    sig_saved = Signal(object, object, bool)

    def __init__(self, context: TabContext, call: Call | None = None,
                 parent: QWidget | None = None) -> None:
        form = Ui_CallsCall()
        super().__init__(form, context, ("notes_edit",), parent)
        ui = self.ui
        self._call = call
        self._started_at: datetime = call.started_at if call else context.now()
        self._routed_by_hand = call is not None
        self._outcome_before_flag: CallOutcome | None = None
        self.message_button = ui.button_box.addButton("Save and take &message",
                                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.message_button.setAutoDefault(False)
        keys = QKeySequence(MESSAGE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.message_button.setToolTip(f"Save the call, then take a message from it ({keys})")
        QShortcut(QKeySequence(MESSAGE_KEYS), self).activated.connect(self._on_message_button_clicked)
        self._fill_choices()
        self._fill(call)
        self._connect()
        self._tab_order(ui.patient_picker.search_edit, ui.caller_edit, ui.number_edit, ui.reason_combo,
                        ui.routed_combo, ui.outcome_combo, ui.notes_edit, ui.escalation_panel.action_edit,
                        ui.direction_combo, ui.call_timer.button)
        if call is None:
            ui.call_timer.start()
        self._keep_drafts("call", str(call.id) if call and call.id else "", edits=bool(call and call.id))
        ui.patient_picker.search_edit.setFocus()  # most callers are patients: found first

    # filling ----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for direction in Direction:
            ui.direction_combo.addItem(direction.label, direction)
        for reason in CallReason:
            ui.reason_combo.addItem(reason.label, reason)
        for outcome in CallOutcome:
            ui.outcome_combo.addItem(outcome.label, outcome)
        self._fill_staff(ui.routed_combo, self._context.active_staff(), "(not routed)")

    def _fill(self, call: Call | None) -> None:
        ui = self.ui
        zone = self._context.zone()
        when = wording.when_in_year(self._started_at, zone, self._context.today())
        ui.started_label.setText(f"Started {when} ({zone.key})")
        if call is None:
            self.setWindowTitle("Log call")
            self._apply_route()
            return
        self.setWindowTitle(f"Call of {when}")
        self._select(ui.direction_combo, call.direction)
        ui.caller_edit.setText(call.caller_name)
        ui.number_edit.setText(format_phone(call.number) if call.number else "")
        ui.patient_picker.set_patient(self._patient(call.patient_id))
        self._select(ui.reason_combo, call.reason)
        self._select(ui.outcome_combo, call.outcome)
        if call.routed_to is not None and ui.routed_combo.findData(call.routed_to) < 0:
            ui.routed_combo.addItem(self._context.staff_name(call.routed_to), call.routed_to)
        self._select(ui.routed_combo, call.routed_to)
        ui.notes_edit.setPlainText(call.notes)
        ui.escalation_panel.action_edit.setText(call.escalation_action)
        ui.call_timer.set_seconds(call.duration_seconds)

    def _connect(self) -> None:
        ui = self.ui
        ui.reason_combo.currentIndexChanged.connect(self._on_reason_combo_changed)
        ui.routed_combo.activated.connect(self._on_routed_combo_activated)
        ui.patient_picker.sig_patient_chosen.connect(self._on_patient_picker_patient_chosen)
        ui.number_edit.editingFinished.connect(self._on_number_edit_editing_finished)
        self.message_button.clicked.connect(self._on_message_button_clicked)

    # routing and escalation -------------------------------------------------------------------------
    def _provider_of(self, patient: Patient | None) -> int | None:
        """The patient's own provider (the latest visit's), whose staff the rules prefer."""
        if patient is None or not patient.last_visits:
            return None
        return max(patient.last_visits, key=lambda v: v.day).provider_id

    def _apply_route(self) -> None:
        if self._routed_by_hand:
            return
        reason = CallReason(self.ui.reason_combo.currentData())
        member = self._context.comms.route_for(
            reason, provider_id=self._provider_of(self.ui.patient_picker.patient()),
            urgent_medical=self.red_flags.found)
        self._select(self.ui.routed_combo, member.id if member else None)

    def _on_reason_combo_changed(self, _index: int) -> None:
        self._apply_route()

    def _on_routed_combo_activated(self, _index: int) -> None:
        self._routed_by_hand = True

    def _on_patient_picker_patient_chosen(self, _patient_id: int) -> None:
        ui = self.ui
        patient = ui.patient_picker.patient()
        if patient is None:
            return
        if not ui.caller_edit.text().strip():
            ui.caller_edit.setText(f"{patient.first_name} {patient.last_name}")
        if not ui.number_edit.text().strip() and patient.phones:
            ui.number_edit.setText(format_phone(patient.phones[0].number))
        self._apply_route()
        if (self.focusWidget() is ui.patient_picker.search_edit and ui.caller_edit.text().strip()
                and ui.number_edit.text().strip()):
            ui.reason_combo.setFocus()  # caller and number are known (most calls): on to the reason

    def _on_number_edit_editing_finished(self) -> None:
        typed = self.ui.number_edit.text()
        try:
            self.ui.number_edit.setText(format_phone(normalize_phone("number", typed)))
        except ValidationError:
            pass  # said beside the field on save; typing is never corrected into something else

    def _on_red_flags_checked(self, found: bool) -> None:
        super()._on_red_flags_checked(found)
        combo = self.ui.outcome_combo
        outcome = CallOutcome(combo.currentData())
        if found and outcome is not CallOutcome.ESCALATED:
            self._outcome_before_flag = outcome
            self._select(combo, CallOutcome.ESCALATED)
        elif not found and self._outcome_before_flag is not None:
            if outcome is CallOutcome.ESCALATED:
                self._select(combo, self._outcome_before_flag)
            self._outcome_before_flag = None
        self._apply_route()

    # reading and saving -----------------------------------------------------------------------------
    def call(self) -> Call:
        ui = self.ui
        return Call(
            started_at=self._started_at, direction=Direction(ui.direction_combo.currentData()),
            caller_name=ui.caller_edit.text(), reason=CallReason(ui.reason_combo.currentData()),
            number=ui.number_edit.text(), patient_id=ui.patient_picker.patient_id(),
            duration_seconds=ui.call_timer.seconds(), outcome=CallOutcome(ui.outcome_combo.currentData()),
            routed_to=ui.routed_combo.currentData(), notes=ui.notes_edit.toPlainText(),
            escalation_action=ui.escalation_panel.action(),
            taken_by=self._call.taken_by if self._call else "",
            id=self._call.id if self._call else None,
        )

    def save(self, *, then_message: bool = False) -> Call | None:
        comms = self._context.comms
        call = self.call()
        done = self._attempt(lambda: comms.update_call(call) if call.id is not None else comms.log_call(call))
        if done is None:
            return None
        saved, change = done
        self._call = saved
        self.ui.call_timer.stop()
        self.accept()
        self.sig_saved.emit(saved, change, then_message)
        return saved

    def _on_button_box_accepted(self) -> None:
        self.save()

    def _on_message_button_clicked(self) -> None:
        self.save(then_message=True)

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return super()._slot_for(field) or {
            "caller_name": FieldSlot(ui.caller_edit, ui.caller_error, "Caller"),
            "number": FieldSlot(ui.number_edit, ui.number_error, "Number"),
            "reason": FieldSlot(ui.reason_combo, ui.reason_error, "Reason"),
            "routed_to": FieldSlot(ui.routed_combo, ui.routed_error, "Routed to"),
            "outcome": FieldSlot(ui.outcome_combo, ui.outcome_error, "Outcome"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
        }.get(field)
