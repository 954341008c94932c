"""The "New voicemail" form (Ctrl+N in the Worklists tab): one voicemail heard in the box, when it
was left, its urgency, who left it (a patient on file, or a caller's name), the number to call
back and what they asked. Saved through `services.chase.record_voicemail`; a refusal is shown
beside its field with everything kept as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from vma_desk.core.chase import Voicemail
from vma_desk.core.communications import Urgency
from vma_desk.core.records import Change
from vma_desk.ui.forms.ui_worklists_voicemail import Ui_WorklistsVoicemail
from vma_desk.ui.shared.attempt import from_wall, to_wall
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import FormDialog
from vma_desk.ui.shared.widgets import FieldSlot


class VoicemailDialog(FormDialog):
    """`sig_saved(voicemail, change)` once the voicemail is recorded."""

    ui: Ui_WorklistsVoicemail
    sig_saved = Signal(object, object)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(Ui_WorklistsVoicemail(), context.services, parent)
        self.context = context
        ui = self.ui
        self._main_button(QDialogButtonBox.StandardButton.Save, "&Save voicemail")
        for urgency in Urgency:
            ui.urgency_combo.addItem(urgency.value.capitalize(), urgency)
        ui.left_at_edit.setDateTime(to_wall(context.now(), context.zone()))
        ui.summary_edit.setMaxLength(2000)
        ui.caller_edit.setMaxLength(200)
        ui.left_at_edit.setFocus()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {"left_at": FieldSlot(ui.left_at_edit, ui.left_at_error, "Left at"),
                "urgency": FieldSlot(ui.urgency_combo, ui.urgency_error, "Urgency"),
                "patient_id": FieldSlot(ui.patient_picker, ui.patient_error, "Patient"),
                "caller_name": FieldSlot(ui.caller_edit, ui.caller_name_error, "Caller"),
                "number": FieldSlot(ui.number_edit, ui.number_error, "Number"),
                "summary": FieldSlot(ui.summary_edit, ui.summary_error, "Summary")}.get(field)

    def voicemail(self) -> Voicemail:
        """The voicemail as typed."""
        ui = self.ui
        urgency = ui.urgency_combo.currentData()
        return Voicemail(left_at=from_wall(ui.left_at_edit, self.context.zone()),
                         caller_name=ui.caller_edit.text(), number=ui.number_edit.text(),
                         patient_id=ui.patient_picker.patient_id(),
                         urgency=Urgency(urgency).value, summary=ui.summary_edit.text())

    def save(self) -> tuple[Voicemail, Change] | None:
        voicemail = self.voicemail()
        result = self._attempt(lambda: self.context.services.chase.record_voicemail(voicemail))
        if result is None:
            return None
        self.sig_saved.emit(*result)
        self.accept()
        return result

    def _on_button_box_accepted(self) -> None:
        self.save()
