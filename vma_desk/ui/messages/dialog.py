"""The message form ("while you were out"): caller and contact number, patient, reason, specific
questions, urgency, the best time to call back (the practice's wall clock) and the recipient.

Taken from a call (Ctrl+M), it opens with the call's caller, number, patient, notes and routing
filled in, and saving keeps the link to the call. A red flag in the reason or the questions makes
the message an emergency, shows the practice's escalation step and needs "What was done?".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QWidget

from vma_desk.core import wording
from vma_desk.core.communications import Message, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.validation import format_phone, normalize_phone
from vma_desk.core.wording import zone_label
from vma_desk.ui.forms.ui_messages_message import Ui_MessagesMessage
from vma_desk.ui.shared.comms_form import SavingFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.widgets import FieldSlot


class MessageDialog(SavingFormDialog):
    ui: Ui_MessagesMessage
    # sig_saved: the saved `Message` and its `Change`

    def __init__(self, context: TabContext, draft: Message | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_MessagesMessage(), context, ("reason_edit", "questions_edit"), parent)
        self._draft = draft
        self._urgency_before_flag: Urgency | None = None
        #: what was done about the red flags on the call this message is taken from ("" when none)
        self._carried = draft.escalation_action if draft is not None and draft.call_id is not None else ""
        self._ask_label = self.ui.escalation_panel.action_label.text()
        self._fill_choices()
        self._fill(draft)
        ui = self.ui
        ui.contact_edit.editingFinished.connect(self._on_contact_edit_editing_finished)
        self._tab_order(ui.caller_edit, ui.contact_edit, ui.patient_picker.search_edit, ui.reason_edit,
                        ui.questions_edit, ui.escalation_panel.action_edit, ui.recipient_combo,
                        ui.urgency_combo, ui.callback_date_edit, ui.callback_time_edit)
        # a message taken from a call keeps its draft under the call (its link is no form field)
        self._keep_drafts("message", f"call {draft.call_id}" if draft and draft.call_id else "")
        self._first_field(draft).setFocus()

    # filling ----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for urgency in Urgency:
            ui.urgency_combo.addItem(urgency.value.capitalize(), urgency)
        self._fill_staff(ui.recipient_combo, self._context.active_staff(), "(choose who calls back)")
        zone = self._context.zone()
        now = self._context.now().astimezone(zone)
        ui.zone_label.setText(zone_label(zone, now))
        ui.callback_date_edit.blank_calendar_page = QDate(now.year, now.month, now.day)
        next_hour = (now + timedelta(hours=1)).replace(minute=0)
        ui.callback_time_edit.setTime(QTime(next_hour.hour, 0))

    def _fill(self, draft: Message | None) -> None:
        ui = self.ui
        if draft is None:
            ui.source_label.setText("A new message (not from a logged call).")
            return
        if draft.call_id is not None:
            call = self._context.comms.get_call(draft.call_id)
            when = wording.when_in_year(call.started_at, self._context.zone(), self._context.today())
            ui.source_label.setText(f"From the call of {when} with {call.caller_name}: "
                                    "the message stays linked to it.")
        else:
            ui.source_label.setText("A new message.")
        ui.caller_edit.setText(draft.caller_name)
        ui.contact_edit.setText(format_phone(draft.contact_number) if draft.contact_number else "")
        ui.patient_picker.set_patient(self._patient(draft.patient_id))
        self._select(ui.recipient_combo, draft.recipient_id or None)
        self._select(ui.urgency_combo, draft.urgency)
        ui.reason_edit.setPlainText(draft.reason)
        ui.questions_edit.setPlainText(draft.questions)
        if draft.callback_at is not None:
            local = draft.callback_at.astimezone(self._context.zone())
            ui.callback_date_edit.set_value(local.date())
            ui.callback_time_edit.setTime(QTime(local.hour, local.minute))

    def _first_field(self, draft: Message | None) -> QWidget:
        """Where typing starts: the caller for a fresh message, the questions for one from a call."""
        ui = self.ui
        if draft is None or not draft.caller_name:
            return ui.caller_edit
        return ui.questions_edit if draft.reason else ui.reason_edit

    def _on_contact_edit_editing_finished(self) -> None:
        typed = self.ui.contact_edit.text()
        try:
            self.ui.contact_edit.setText(format_phone(normalize_phone("contact_number", typed)))
        except ValidationError:
            pass  # said beside the field on save

    def _on_red_flags_checked(self, found: bool) -> None:
        super()._on_red_flags_checked(found)
        if self._carried and found:
            self._show_carried()
        combo = self.ui.urgency_combo
        urgency = Urgency(combo.currentData())
        if found and urgency is not Urgency.EMERGENCY:
            self._urgency_before_flag = urgency
            self._select(combo, Urgency.EMERGENCY)
        elif not found and self._urgency_before_flag is not None:
            if urgency is Urgency.EMERGENCY:
                self._select(combo, self._urgency_before_flag)
            self._urgency_before_flag = None

    def _show_carried(self) -> None:
        """From an escalated call: the call's answer to "What was done?" stands, not asked again,
        while the text holds only the red flags the call had; a new one asks (the call's answer is
        kept in view), and the call's answer comes back when the new one is gone."""
        panel = self.ui.escalation_panel
        texts = (self.ui.reason_edit.toPlainText(), self.ui.questions_edit.toPlainText())
        new = self._context.comms.new_red_flags(self._draft.call_id if self._draft else None, *texts)
        edit = panel.action_edit
        if new:
            if edit.text() == self._carried:
                edit.clear()
            panel.action_label.setText(self._ask_label)
            panel.step_label.setText(f"{panel.step_label.text()}\nDone on the call: {self._carried}")
        else:
            if not edit.text():
                edit.setText(self._carried)
            panel.action_label.setText("&What was done (recorded on the call; change it only if more "
                                       "was done)")

    # reading and saving -----------------------------------------------------------------------------
    def callback_at(self) -> datetime | None:
        ui = self.ui
        day = ui.callback_date_edit.value()
        if day is None:
            if not ui.callback_date_edit.is_blank():
                raise ValidationError("callback_at", "needs a whole date (MM/DD/YYYY), or none")
            return None
        typed = ui.callback_time_edit.time()
        return local_to_utc(datetime.combine(day, time(typed.hour(), typed.minute())), self._context.zone())

    def message(self) -> Message:
        ui = self.ui
        draft = self._draft
        return Message(
            caller_name=ui.caller_edit.text(), contact_number=ui.contact_edit.text(),
            reason=ui.reason_edit.toPlainText(), recipient_id=ui.recipient_combo.currentData() or 0,
            created_at=self._context.now(), urgency=Urgency(ui.urgency_combo.currentData()),
            patient_id=ui.patient_picker.patient_id(), callback_at=self.callback_at(),
            questions=ui.questions_edit.toPlainText(), call_id=draft.call_id if draft else None,
            # the call's answer stands while no red flag is left in the text (the message stays its)
            escalation_action=(self._carried if ui.escalation_panel.isHidden()
                               else ui.escalation_panel.action()),
        )

    def _save_call(self) -> Callable[[], tuple[Message, Change]]:
        comms = self._context.comms
        return lambda: comms.take_message(self.message())

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return super()._slot_for(field) or {
            "caller_name": FieldSlot(ui.caller_edit, ui.caller_error, "Caller"),
            "contact_number": FieldSlot(ui.contact_edit, ui.contact_error, "Contact number"),
            "reason": FieldSlot(ui.reason_edit, ui.reason_error, "Reason"),
            "questions": FieldSlot(ui.questions_edit, ui.questions_error, "Questions"),
            "recipient_id": FieldSlot(ui.recipient_combo, ui.recipient_error, "Recipient"),
            "urgency": FieldSlot(ui.urgency_combo, ui.urgency_error, "Urgency"),
            "callback_at": FieldSlot(ui.callback_date_edit, ui.callback_error, "Best time to call back"),
        }.get(field)
