"""The prior authorisation form: a new request to a payer (patient, procedure, imaging or medication, payer
filled in from the patient's insurance, service, submitted today, a follow-up date by the
practice's rule), or the payer's answer to one already sent (approved with its number and valid
dates, denied with the reason, under appeal, withdrawn), a new follow-up date and a note; once
approved, the units or visits authorised and used so far, and the day the authorised procedure or
imaging was done (the approval is then no longer watched).

`PriorAuthDialog(context, auth)` is a new request when `auth` is None (or unsaved: a renewal is an
unsaved copy with `renewal_of` set), the update of that authorisation otherwise. The service
decides what each status needs; its refusal shows beside the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QWidget

from vma_desk.core import wording
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, PriorAuthStatus
from vma_desk.core.rules.referrals import prior_auth_next
from vma_desk.ui.forms.ui_referrals_prior_auth import Ui_ReferralsPriorAuth
from vma_desk.ui.referrals.dialog import calendar_page, read_date
from vma_desk.ui.shared.comms_form import SavingFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.widgets import DateEdit, FieldSlot

#: what an approval's count usually counts (the field takes any other word too)
UNIT_WORDS = ("visits", "units", "sessions", "days")


def required_date(edit: DateEdit, field: str) -> date:
    value = read_date(edit, field)
    if value is None:
        raise ValidationError(field, "is required (MM/DD/YYYY)")
    return value


class PriorAuthDialog(SavingFormDialog):
    ui: Ui_ReferralsPriorAuth

    def __init__(self, context: TabContext, auth: PriorAuth | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_ReferralsPriorAuth(), context, (), parent)
        self._auth = auth
        self.updating = auth is not None and auth.id is not None
        self._service = context.services.referrals
        self._prefilled_payer = ""
        self._default_follow_up: date | None = None
        ui = self.ui
        self._save_on_ctrl_enter(ui.notes_edit)
        for kind in PriorAuthKind:
            ui.kind_combo.addItem(kind.label, kind)
        ui.unit_combo.addItems(UNIT_WORDS)
        for edit in (ui.submitted_edit, ui.follow_up_edit, ui.valid_from_edit, ui.valid_until_edit,
                     ui.done_edit):
            calendar_page(edit, context.today())
        if self.updating and auth is not None:
            self._fill_update(auth)
        else:
            self._fill_new(auth)
        ui.patient_picker.sig_patient_chosen.connect(self._on_patient_picker_chosen)
        ui.submitted_edit.dateChanged.connect(self._on_submitted_edit_changed)
        ui.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        ui.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        ui.units_spin.valueChanged.connect(self._on_units_spin_changed)
        self._tab_order(ui.patient_picker.search_edit, ui.kind_combo, ui.payer_edit, ui.service_edit,
                        ui.submitted_edit, ui.follow_up_edit, ui.notes_edit, ui.status_combo, ui.number_edit,
                        ui.valid_from_edit, ui.valid_until_edit, ui.units_spin, ui.unit_combo, ui.used_spin,
                        ui.done_edit, ui.denial_edit, ui.note_edit)
        self._keep_drafts("prior_auth", str(auth.id) if auth and auth.id else "", edits=self.updating)
        (ui.status_combo if self.updating else ui.patient_picker.search_edit).setFocus()

    # filling ----------------------------------------------------------------------------------------
    def _fill_new(self, draft: PriorAuth | None) -> None:
        ui = self.ui
        self.setWindowTitle("New prior authorisation")
        ui.source_label.setText("A request sent to the payer: it waits as pending, with a follow-up date, "
                                "until the payer answers (Update… in the list).")
        if draft is not None and draft.renewal_of is not None:
            self.setWindowTitle("Renew prior authorisation")
            ui.source_label.setText("A renewal sent to the payer: once saved, the authorisation it renews is "
                                    "no longer flagged as it runs out.")
        ui.patient_fixed_label.hide()
        ui.answer_box.hide()
        self.resize(620, self.height())  # one column: the answer comes later
        today = self._context.today()
        ui.submitted_edit.set_value(draft.submitted_on if draft else today)
        self._set_default_follow_up()
        if draft is not None:
            ui.patient_picker.set_patient(self._patient(draft.patient_id) if draft.patient_id else None)
            self._select(ui.kind_combo, draft.kind)
            ui.payer_edit.setText(draft.payer)
            ui.service_edit.setText(draft.service)
            ui.notes_edit.setPlainText(draft.notes)

    def _fill_update(self, auth: PriorAuth) -> None:
        ui = self.ui
        self.setWindowTitle("Update prior authorisation")
        submitted = wording.date_text(auth.submitted_on)
        ui.source_label.setText(f"{auth.kind.label} authorisation submitted {submitted}, "
                                f"{auth.status.label.lower()}: record the payer's answer or a new follow-up.")
        ui.patient_picker.hide()
        ui.patient_fixed_label.setText(self._context.patient_name(auth.patient_id))
        self._select(ui.kind_combo, auth.kind)
        ui.payer_edit.setText(auth.payer)
        ui.service_edit.setText(auth.service)
        ui.submitted_edit.set_value(auth.submitted_on)
        ui.follow_up_edit.set_value(auth.follow_up_on)
        ui.notes_edit.setPlainText(auth.notes)
        for status in (auth.status, *prior_auth_next(auth)):
            ui.status_combo.addItem(status.label, status)
        ui.number_edit.setText(auth.auth_number)
        ui.valid_from_edit.set_value(auth.valid_from)
        ui.valid_until_edit.set_value(auth.valid_until)
        ui.denial_edit.setText(auth.denial_reason)
        ui.units_spin.setValue(auth.units_authorised or 0)
        ui.unit_combo.setCurrentText(auth.unit_label or UNIT_WORDS[0])
        ui.used_spin.setValue(auth.units_used)
        ui.done_edit.set_value(auth.service_done_on)
        self._show_status_fields()

    def _set_default_follow_up(self) -> None:
        """The follow-up follows the submitted date while it is still the default."""
        ui = self.ui
        submitted = ui.submitted_edit.value()
        current = ui.follow_up_edit.value()
        if submitted is None or (current is not None and current != self._default_follow_up):
            return
        self._default_follow_up = self._service.default_follow_up(submitted)
        ui.follow_up_edit.set_value(self._default_follow_up)

    def _on_submitted_edit_changed(self, *_args: object) -> None:
        if not self.updating:
            self._set_default_follow_up()

    def _on_patient_picker_chosen(self, patient_id: int) -> None:
        patient = self._patient(patient_id)
        payer = patient.insurance.payer if patient and patient.insurance else ""
        edit = self.ui.payer_edit
        if not edit.text().strip() or edit.text() == self._prefilled_payer:
            edit.setText(payer)
            self._prefilled_payer = payer

    def status(self) -> PriorAuthStatus:
        data = self.ui.status_combo.currentData()
        if data is None:
            return self._auth.status if self._auth else PriorAuthStatus.PENDING
        return PriorAuthStatus(data)

    def _show_status_fields(self) -> None:
        """Only what the chosen answer needs can be typed: a number and dates for an approval, a
        reason for a denial, a note with any change of status."""
        ui = self.ui
        status = self.status()
        approved = status is PriorAuthStatus.APPROVED
        for widget in (ui.number_edit, ui.valid_from_edit, ui.valid_until_edit, ui.units_spin):
            widget.setEnabled(approved)
        limited = approved and ui.units_spin.value() > 0
        ui.unit_combo.setEnabled(limited)
        ui.used_spin.setEnabled(limited)
        # a medication's approval runs until it ends; a procedure or imaging is done once
        ui.done_edit.setEnabled(approved and ui.kind_combo.currentData() != PriorAuthKind.MEDICATION)
        ui.denial_edit.setEnabled(status is PriorAuthStatus.DENIED)
        changed = self._auth is not None and status is not self._auth.status
        ui.note_edit.setEnabled(self._auth is not None)
        ui.note_edit.setPlaceholderText("Kept with the status change" if changed
                                        else "e.g. called the payer: still in review")
        ui.note_edit.setToolTip("Kept in the history with when and who, e.g. who you spoke to at the payer")
        ui.follow_up_edit.setEnabled(status.awaiting_payer)

    def _on_kind_combo_changed(self, _index: int) -> None:
        self._show_status_fields()

    def _on_units_spin_changed(self, _value: int) -> None:
        self._show_status_fields()

    def _on_status_combo_changed(self, _index: int) -> None:
        self._show_status_fields()
        ui = self.ui
        if self.status() is PriorAuthStatus.APPEAL:  # the appeal waits for its own answer, from today
            ui.follow_up_edit.set_value(self._service.default_follow_up(self._context.today()))
        if self.status() is PriorAuthStatus.APPROVED and ui.valid_from_edit.value() is None:
            ui.valid_from_edit.set_value(self._context.today())

    # reading and saving -----------------------------------------------------------------------------
    def prior_auth(self) -> PriorAuth:
        ui = self.ui
        today = self._context.today()
        base = self._auth or PriorAuth(patient_id=0, kind=PriorAuthKind.PROCEDURE, payer="", service="",
                                       submitted_on=today, follow_up_on=today)
        patient_id = base.patient_id if self.updating else ui.patient_picker.patient_id() or 0
        return replace(
            base, patient_id=patient_id, kind=PriorAuthKind(ui.kind_combo.currentData()),
            payer=ui.payer_edit.text(), service=ui.service_edit.text(),
            submitted_on=required_date(ui.submitted_edit, "submitted_on"),
            follow_up_on=required_date(ui.follow_up_edit, "follow_up_on"), status=self.status(),
            auth_number=ui.number_edit.text(), valid_from=read_date(ui.valid_from_edit, "valid_from"),
            valid_until=read_date(ui.valid_until_edit, "valid_until"), denial_reason=ui.denial_edit.text(),
            notes=ui.notes_edit.toPlainText(), units_authorised=ui.units_spin.value() or None,
            units_used=ui.used_spin.value() if ui.units_spin.value() else 0,
            unit_label=ui.unit_combo.currentText() if ui.units_spin.value() else "",
            service_done_on=read_date(ui.done_edit, "service_done_on"))

    def _save_call(self) -> Callable[[], tuple[PriorAuth, Change]]:
        service = self._service
        if self.updating:
            return lambda: service.update_prior_auth(self.prior_auth(), note=self.ui.note_edit.text())
        return lambda: service.add_prior_auth(self.prior_auth())

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return super()._slot_for(field) or {
            "kind": FieldSlot(ui.kind_combo, ui.kind_error, "Kind"),
            "payer": FieldSlot(ui.payer_edit, ui.payer_error, "Payer"),
            "service": FieldSlot(ui.service_edit, ui.service_error, "Service"),
            "submitted_on": FieldSlot(ui.submitted_edit, ui.submitted_error, "Submitted"),
            "follow_up_on": FieldSlot(ui.follow_up_edit, ui.follow_up_error, "Follow-up date"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
            "status": FieldSlot(ui.status_combo, ui.status_error, "Status"),
            "auth_number": FieldSlot(ui.number_edit, ui.number_error, "Authorisation number"),
            "valid_from": FieldSlot(ui.valid_from_edit, ui.valid_from_error, "Valid from"),
            "valid_until": FieldSlot(ui.valid_until_edit, ui.valid_until_error, "Valid until"),
            "denial_reason": FieldSlot(ui.denial_edit, ui.denial_error, "Denial reason"),
            "units_authorised": FieldSlot(ui.units_spin, ui.units_authorised_error, "Authorised"),
            "unit_label": FieldSlot(ui.unit_combo, ui.units_authorised_error, "What is counted"),
            "units_used": FieldSlot(ui.used_spin, ui.units_used_error, "Used so far"),
            "service_done_on": FieldSlot(ui.done_edit, ui.service_done_on_error, "Service done on"),
            "renewal_of": FieldSlot(ui.service_edit, ui.service_error, "Renewal"),
            "note": FieldSlot(ui.note_edit, ui.note_error, "Note"),
        }.get(field)
