"""The referral's "patient told" step: how the patient was told (phone, portal, letter, in
person), who told them (the signed-in user unless someone else did) and when (now unless changed,
practice time). It moves nothing; it is kept in the referral's history and clears the "patient not
told" flag of a booked specialist visit. The service decides; its refusal shows beside the field.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from vma_desk.core.records import Change
from vma_desk.core.referrals import Referral, TellMethod
from vma_desk.ui.calendar.fields import read_start, show_start
from vma_desk.ui.forms.ui_referrals_patient_told import Ui_ReferralsPatientTold
from vma_desk.ui.referrals.dialog import calendar_page
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import attempt, hold_form, main_button
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, FieldSlot, error_sentence


class PatientToldDialog(QDialog):
    #: the `Referral` with its new step, and its `Change`
    sig_told = Signal(object, object)

    def __init__(self, context: TabContext, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReferralsPatientTold()
        self._errors = hold_form(self, self.ui)
        self.setStyleSheet(FIELD_ERROR_STYLE + "QLabel#summary_label { font-weight: bold; }")
        self._context = context
        self.referral = referral
        ui = self.ui
        name = context.patient_name(referral.patient_id)
        ui.summary_label.setText(f"Patient told: {name}, {referral.specialty} at "
                                 f"{referral.specialist_office}")
        for method in TellMethod:
            ui.how_combo.addItem(method.label, method)
        ui.who_edit.setText(context.services.context.user)
        calendar_page(ui.when_date_edit, context.today())
        self._now = context.now()
        show_start(ui.when_date_edit, ui.when_time_edit, ui.zone_label, self._now, context.zone())
        self._shown = (ui.when_date_edit.value(), ui.when_time_edit.time())
        self.action_button = main_button(ui.button_box, QDialogButtonBox.StandardButton.Ok, "&Record")
        ui.button_box.accepted.connect(self._on_button_box_accepted)
        ui.button_box.rejected.connect(self.reject)
        ui.how_combo.setFocus()

    def told_at(self) -> datetime | None:
        """The typed time, or None (now) while the fields still show the minute the dialog opened."""
        ui = self.ui
        if (ui.when_date_edit.value(), ui.when_time_edit.time()) == self._shown:
            return None
        return read_start(ui.when_date_edit, ui.when_time_edit, self._context.zone())

    def save(self) -> Referral | None:
        ui = self.ui
        referral_id = self.referral.id
        assert referral_id is not None

        def tell() -> tuple[Referral, Change]:
            return self._context.services.referrals.mark_patient_told(
                referral_id, ui.how_combo.currentData(), at=self.told_at(), by=ui.who_edit.text())

        done = attempt(self._errors, tell, slot_for=self._slot_for,
                       general=lambda error: error_sentence("Not recorded", error.message))
        if done is None:
            return None
        told, change = done
        self.accept()
        self.sig_told.emit(told, change)
        return told

    def _on_button_box_accepted(self) -> None:
        self.save()

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return {
            "how": FieldSlot(ui.how_combo, ui.how_error, "How"),
            "by": FieldSlot(ui.who_edit, ui.who_error, "Who told them"),
            "at": FieldSlot(ui.when_date_edit, ui.when_error, "When"),
            "start": FieldSlot(ui.when_date_edit, ui.when_error, "When"),
        }.get(field)
