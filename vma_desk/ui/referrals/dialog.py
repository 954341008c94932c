"""The referral form: patient, referring provider, specialty, specialist office and contact,
reason, urgency, the authorisation the patient's plan asks for, the records sent and notes.

`ReferralDialog(context, draft)` starts a new referral (blank, or a draft such as
`services.referrals.draft_from_call` makes, which keeps its link to the call) or, given a saved
referral (one with an id), edits its details; its state moves elsewhere (the tab's buttons).
Choosing the patient shows what their plan asks: an HMO needs a referral authorisation, and the
service records that the referral needs one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QWidget

from vma_desk.core import referral_text as text
from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Change, Patient
from vma_desk.core.referrals import RECORDS_CHECKLIST, Referral
from vma_desk.core.validation import format_phone, normalize_phone
from vma_desk.ui.forms.ui_referrals_referral import Ui_ReferralsReferral
from vma_desk.ui.shared.comms_form import SavingFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.widgets import FIELD_ERROR_STYLE, DateEdit, FieldSlot

#: offered in the specialty box; any other can be typed
SPECIALTIES = (
    "Allergy and immunology", "Cardiology", "Dermatology", "Endocrinology", "Gastroenterology",
    "Nephrology", "Neurology", "Obstetrics and gynecology", "Oncology", "Ophthalmology", "Orthopedics",
    "Otolaryngology (ENT)", "Physical therapy", "Podiatry", "Psychiatry", "Pulmonology",
    "Rheumatology", "Urology",
)
RECORDS_COLUMNS = 2
REQUIREMENT_STYLE = 'QLabel#insurance_label[authNeeded="true"] { color: #7a4b00; font-weight: bold; }'


def read_date(edit: DateEdit, field: str) -> date | None:
    """A date field's value: None while blank; a partly typed date is refused, not guessed."""
    value = edit.value()
    if value is None and not edit.is_blank():
        raise ValidationError(field, "needs a whole date (MM/DD/YYYY), or none")
    return value


def calendar_page(edit: DateEdit, today: date) -> None:
    """Open the blank field's calendar on the practice's month."""
    edit.blank_calendar_page = QDate(today.year, today.month, today.day)


class ReferralDialog(SavingFormDialog):
    ui: Ui_ReferralsReferral

    def __init__(self, context: TabContext, draft: Referral | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_ReferralsReferral(), context, (), parent)
        self.setStyleSheet(FIELD_ERROR_STYLE + REQUIREMENT_STYLE)
        self._draft = draft
        self.editing = draft is not None and draft.id is not None
        self.records: dict[str, QCheckBox] = {}
        self._fill_choices()
        self._fill(draft)
        ui = self.ui
        self._save_on_ctrl_enter(ui.reason_edit, ui.notes_edit)
        ui.contact_edit.editingFinished.connect(self._on_contact_edit_editing_finished)
        ui.patient_picker.sig_patient_chosen.connect(self._on_patient_picker_chosen)
        checks = list(self.records.values())
        self._tab_order(ui.patient_picker.search_edit, ui.provider_combo, ui.specialty_combo, ui.office_edit,
                        ui.contact_edit, ui.urgency_combo, ui.reason_edit, ui.auth_number_edit,
                        ui.auth_until_edit, *checks, ui.notes_edit)
        self._keep_drafts("referral", str(draft.id) if draft and draft.id else "", edits=self.editing)
        self._first_field().setFocus()

    # filling ----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        providers = self._context.services.practice.providers()
        if len(providers) != 1:
            ui.provider_combo.addItem("(choose the referring provider)", None)
        for provider in providers:
            ui.provider_combo.addItem(provider.display_name, provider.id)
        ui.specialty_combo.addItems(SPECIALTIES)
        ui.specialty_combo.setCurrentIndex(-1)
        specialty_line = ui.specialty_combo.lineEdit()
        assert specialty_line is not None, "the form's specialty combo is editable"
        specialty_line.setPlaceholderText("Cardiology, Dermatology …")
        ui.specialty_combo.setMaxVisibleItems(12)
        for urgency in Urgency:
            ui.urgency_combo.addItem(text.urgency(urgency), urgency)
        for number, name in enumerate(RECORDS_CHECKLIST):
            check = QCheckBox(name)
            check.setObjectName("record_" + name.lower().replace(" ", "_"))
            ui.records_layout.addWidget(check, number // RECORDS_COLUMNS, number % RECORDS_COLUMNS)
            self.records[name] = check
        calendar_page(ui.auth_until_edit, self._context.today())

    def _fill(self, draft: Referral | None) -> None:
        ui = self.ui
        ui.patient_fixed_label.hide()
        if draft is None:
            ui.source_label.setText("A new referral: saved as a draft, then sent from the Referrals tab.")
            self.setWindowTitle("New referral")
            self._show_requirement(None)
            return
        if self.editing:
            self.setWindowTitle("Edit referral")
            created = draft.created_at.astimezone(self._context.zone())
            ui.source_label.setText(f"Referral of {wording.date_text(created)}, {draft.state.label.lower()}: "
                                    "its state moves from the tab.")
            ui.patient_picker.hide()
            ui.patient_fixed_label.show()
            ui.patient_fixed_label.setText(self._context.patient_name(draft.patient_id))
            self.save_button.setText("&Save changes")
        else:
            self.setWindowTitle("New referral")
            ui.source_label.setText(self._source_text(draft))
        patient = self._patient(draft.patient_id) if draft.patient_id else None
        ui.patient_picker.set_patient(patient)
        self._show_requirement(patient)
        self._select(ui.provider_combo, draft.referring_provider_id or None)
        ui.specialty_combo.setCurrentText(draft.specialty)
        ui.office_edit.setText(draft.specialist_office)
        ui.contact_edit.setText(format_phone(draft.specialist_contact) if draft.specialist_contact else "")
        self._select(ui.urgency_combo, draft.urgency)
        ui.reason_edit.setPlainText(draft.reason)
        ui.auth_number_edit.setText(draft.auth_number)
        ui.auth_until_edit.set_value(draft.auth_valid_until)
        for name, check in self.records.items():
            check.setChecked(name in draft.records_sent)
        ui.notes_edit.setPlainText(draft.notes)

    def _source_text(self, draft: Referral) -> str:
        if draft.call_id is None:
            return "A new referral: saved as a draft, then sent from the Referrals tab."
        call = self._context.comms.get_call(draft.call_id)
        when = wording.when_in_year(call.started_at, self._context.zone(), self._context.today())
        return f"From the call of {when} with {call.caller_name}: the referral stays linked to it."

    def _first_field(self) -> QWidget:
        ui = self.ui
        if not self.editing and ui.patient_picker.patient() is None:
            return ui.patient_picker.search_edit
        return ui.specialty_combo if not ui.specialty_combo.currentText() else ui.office_edit

    def _show_requirement(self, patient: Patient | None) -> None:
        ui = self.ui
        said = text.insurance_requirement(patient)
        needed = (self._draft is not None and self._draft.auth_required) or said.endswith("required")
        ui.insurance_label.setText(said)
        ui.insurance_label.setVisible(bool(said))
        ui.insurance_label.setProperty("authNeeded", needed)
        ui.insurance_label.style().unpolish(ui.insurance_label)
        ui.insurance_label.style().polish(ui.insurance_label)
        ui.auth_number_edit.setPlaceholderText("Required by the patient's plan" if needed
                                               else "When the plan gives one")

    def _on_patient_picker_chosen(self, patient_id: int) -> None:
        self._show_requirement(self._patient(patient_id))

    def _on_contact_edit_editing_finished(self) -> None:
        typed = self.ui.contact_edit.text()
        if typed.strip():
            try:
                self.ui.contact_edit.setText(format_phone(normalize_phone("specialist_contact", typed)))
            except ValidationError:
                pass  # said beside the field on save

    # reading and saving -----------------------------------------------------------------------------
    def records_sent(self) -> frozenset[str]:
        return frozenset(name for name, check in self.records.items() if check.isChecked())

    def referral(self) -> Referral:
        ui = self.ui
        base = self._draft or Referral(patient_id=0, referring_provider_id=0, specialty="",
                                       specialist_office="", reason="", created_at=self._context.now())
        patient_id = base.patient_id if self.editing else ui.patient_picker.patient_id() or 0
        # records sent before that are not on the checklist stay sent
        others = base.records_sent - set(RECORDS_CHECKLIST)
        return replace(
            base, patient_id=patient_id, referring_provider_id=ui.provider_combo.currentData() or 0,
            specialty=ui.specialty_combo.currentText(), specialist_office=ui.office_edit.text(),
            specialist_contact=ui.contact_edit.text(), reason=ui.reason_edit.toPlainText(),
            urgency=Urgency(ui.urgency_combo.currentData()), auth_number=ui.auth_number_edit.text(),
            auth_valid_until=read_date(ui.auth_until_edit, "auth_valid_until"),
            records_sent=self.records_sent() | others, notes=ui.notes_edit.toPlainText())

    def _save_call(self) -> Callable[[], tuple[Referral, Change]]:
        service = self._context.services.referrals
        save = service.update if self.editing else service.create
        return lambda: save(self.referral())

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        first_record = next(iter(self.records.values()))
        return super()._slot_for(field) or {
            "referring_provider_id": FieldSlot(ui.provider_combo, ui.provider_error, "Referring provider"),
            "specialty": FieldSlot(ui.specialty_combo, ui.specialty_error, "Specialty"),
            "specialist_office": FieldSlot(ui.office_edit, ui.office_error, "Specialist office"),
            "specialist_contact": FieldSlot(ui.contact_edit, ui.contact_error, "Contact number"),
            "urgency": FieldSlot(ui.urgency_combo, ui.urgency_error, "Urgency"),
            "reason": FieldSlot(ui.reason_edit, ui.reason_error, "Reason"),
            "auth_number": FieldSlot(ui.auth_number_edit, ui.auth_number_error, "Authorisation number"),
            "auth_valid_until": FieldSlot(ui.auth_until_edit, ui.auth_until_error, "Valid until"),
            "records_sent": FieldSlot(first_record, ui.records_error, "Records sent"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
        }.get(field)

