"""Between the patient editor's widgets and a `Patient` record: fill, read back, locate a field.

Reading never validates: what the user typed goes to the service as it is (a blank date of birth as
None, which core validation reports as required), so the rules live in one place, core/validation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import ContactMethod, Insurance, Patient, Phone, PhoneKind, PlanType
from vma_desk.core.validation import format_phone, normalize_phone
from vma_desk.ui.forms.ui_patient_editor import Ui_PatientEditor
from vma_desk.ui.patients.care_gaps import (
    COL_DUE,
    COL_KIND,
    COL_NOTE,
    COLUMN_FIELDS,
    CareGapTableModel,
    DueDateDelegate,
)
from vma_desk.ui.shared.widgets import FieldErrors, FieldSlot, select_cell

PHONE_ROWS = 3
_CONTACT_LABELS = {
    ContactMethod.PHONE: "Phone call",
    ContactMethod.TEXT: "Text message",
    ContactMethod.EMAIL: "E-mail",
    ContactMethod.PORTAL: "Patient portal",
}
_GAP_CAPTIONS = {COL_KIND: "name", COL_DUE: "due date", COL_NOTE: "note"}
#: the fields of a primary or secondary insurance, by their name in a ValidationError
_INSURANCE_CAPTIONS = {"payer": "Payer", "member_id": "Member ID", "group_number": "Group number",
                       "subscriber": "Policy holder"}
T = TypeVar("T")

_INCOMPLETE_DATE = "is incomplete: type the month, day and year (MM/DD/YYYY)"


class PatientForm:
    """The editor's fields as one unit: `load`, `read`, `snapshot`, `explained` and `slot_for`."""

    def __init__(self, ui: Ui_PatientEditor, gaps: CareGapTableModel, region: str = "US") -> None:
        self.ui = ui
        self.gaps = gaps
        self.region = region
        #: row (0-2) of each phone in the last `read`, since blank rows are skipped
        self._phone_rows: list[int] = []
        self.phone_edits: list[QLineEdit] = [ui.phone_edit_1, ui.phone_edit_2, ui.phone_edit_3]
        self.kind_combos: list[QComboBox] = [
            ui.phone_kind_combo_1, ui.phone_kind_combo_2, ui.phone_kind_combo_3]
        self._fill_choices()
        table = ui.care_gap_table
        table.setModel(gaps)
        table.setItemDelegateForColumn(COL_DUE, DueDateDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DUE, QHeaderView.ResizeMode.Fixed)
        # wide enough for the date editor (text and its drop-down arrow) before any date is entered
        header.resizeSection(COL_DUE, table.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        FieldErrors.prepare(
            ui.first_name_error, ui.last_name_error, ui.date_of_birth_error, ui.phones_error,
            ui.email_error, ui.payer_error, ui.member_id_error, ui.group_number_error,
            ui.primary_subscriber_error, ui.secondary_plan_type_error, ui.secondary_payer_error,
            ui.secondary_member_id_error, ui.secondary_group_number_error, ui.secondary_subscriber_error,
            ui.preferred_pharmacy_error, ui.care_gaps_error, ui.notes_error,
        )

    def _fill_choices(self) -> None:
        for combo in self.kind_combos:
            for kind in PhoneKind:
                combo.addItem(kind.value.capitalize(), kind.value)
        for method in ContactMethod:
            self.ui.preferred_contact_combo.addItem(_CONTACT_LABELS[method], method.value)
        self.ui.plan_type_combo.addItem("Not recorded", None)
        for plan in PlanType:
            self.ui.plan_type_combo.addItem(plan.value, plan.value)
        # a secondary is an insurance plan: no self-pay; its plan type may be unknown
        self.ui.secondary_plan_type_combo.addItem("Not recorded", None)
        for plan in PlanType:
            if plan is not PlanType.SELF_PAY:
                self.ui.secondary_plan_type_combo.addItem(plan.value, plan.value)

    # record -> widgets ------------------------------------------------------------------------------
    def load(self, patient: Patient | None) -> None:
        ui = self.ui
        if patient is None:
            ui.date_of_birth_edit.set_value(None)
            self.gaps.set_gaps(())
            return
        ui.first_name_edit.setText(patient.first_name)
        ui.last_name_edit.setText(patient.last_name)
        ui.date_of_birth_edit.set_value(patient.date_of_birth)
        for row, phone in enumerate(patient.phones[:PHONE_ROWS]):
            self.phone_edits[row].setText(format_phone(phone.number, self.region))
            _select_data(self.kind_combos[row], phone.kind.value)
        ui.email_edit.setText(patient.email)
        _select_data(ui.preferred_contact_combo, patient.preferred_contact.value)
        insurance = patient.insurance
        plan_type = insurance.plan_type if insurance else None
        _select_data(ui.plan_type_combo, plan_type.value if plan_type else None)
        if insurance:
            ui.payer_edit.setText(insurance.payer)
            ui.member_id_edit.setText(insurance.member_id)
            ui.group_number_edit.setText(insurance.group_number)
            ui.primary_subscriber_edit.setText(insurance.subscriber)
        secondary = patient.secondary_insurance
        if secondary:
            _select_data(ui.secondary_plan_type_combo,
                         secondary.plan_type.value if secondary.plan_type else None)
            ui.secondary_payer_edit.setText(secondary.payer)
            ui.secondary_member_id_edit.setText(secondary.member_id)
            ui.secondary_group_number_edit.setText(secondary.group_number)
            ui.secondary_subscriber_edit.setText(secondary.subscriber)
        ui.preferred_pharmacy_edit.setText(patient.preferred_pharmacy)
        self.gaps.set_gaps(patient.care_gaps)
        ui.notes_edit.setPlainText(patient.notes)

    # widgets -> record ------------------------------------------------------------------------------
    def read(self, base: Patient | None) -> Patient:
        """The record as typed, on top of `base` (which keeps what the form does not show)."""
        ui = self.ui
        phones = []
        self._phone_rows = []
        for row, (edit, combo) in enumerate(zip(self.phone_edits, self.kind_combos, strict=True)):
            if edit.text().strip():
                phones.append(Phone(edit.text(), PhoneKind(combo.currentData())))
                self._phone_rows.append(row)
        plan = self._plan()
        insurance = None if plan is None else Insurance(
            payer=ui.payer_edit.text(), member_id=ui.member_id_edit.text(), plan_type=plan,
            group_number=ui.group_number_edit.text(), subscriber=ui.primary_subscriber_edit.text(),
        )
        # as typed, blank or not: core validation says what a secondary needs (and that blank is none)
        second_plan = ui.secondary_plan_type_combo.currentData()
        secondary = Insurance(
            payer=ui.secondary_payer_edit.text(), member_id=ui.secondary_member_id_edit.text(),
            plan_type=None if second_plan is None else PlanType(second_plan),
            group_number=ui.secondary_group_number_edit.text(),
            subscriber=ui.secondary_subscriber_edit.text(),
        )
        values: dict[str, Any] = dict(
            first_name=ui.first_name_edit.text(),
            last_name=ui.last_name_edit.text(),
            # None when blank or partly typed: validation answers "date_of_birth is required"
            date_of_birth=ui.date_of_birth_edit.value(),
            phones=tuple(phones),
            email=ui.email_edit.text(),
            preferred_contact=ContactMethod(ui.preferred_contact_combo.currentData()),
            insurance=insurance,
            secondary_insurance=secondary,
            preferred_pharmacy=ui.preferred_pharmacy_edit.text(),
            care_gaps=self.gaps.gaps(),
            notes=ui.notes_edit.toPlainText(),
        )
        return replace(base, **values) if base is not None else Patient(**values)

    def snapshot(self) -> tuple[object, ...]:
        """Everything the user can change, to tell whether anything was."""
        ui = self.ui
        return (
            ui.first_name_edit.text(), ui.last_name_edit.text(), ui.date_of_birth_edit.date(),
            tuple(e.text() for e in self.phone_edits), tuple(c.currentIndex() for c in self.kind_combos),
            ui.email_edit.text(), ui.preferred_contact_combo.currentIndex(),
            ui.plan_type_combo.currentIndex(), ui.payer_edit.text(), ui.member_id_edit.text(),
            ui.group_number_edit.text(), ui.preferred_pharmacy_edit.text(), self.gaps.snapshot(),
            ui.notes_edit.toPlainText(), ui.primary_subscriber_edit.text(),
            ui.secondary_plan_type_combo.currentIndex(), ui.secondary_payer_edit.text(),
            ui.secondary_member_id_edit.text(), ui.secondary_group_number_edit.text(),
            ui.secondary_subscriber_edit.text(),
        )

    def tidy_phone(self, edit: QLineEdit) -> None:
        """Show a number the practice's way once typed; leave it alone if it does not parse."""
        if not edit.text().strip():
            return
        try:
            edit.setText(format_phone(normalize_phone("phone", edit.text(), self.region), self.region))
        except ValidationError:
            pass

    def update_insurance_fields(self) -> None:
        """Payer, member id and group mean nothing without a plan, or for self-pay."""
        plan = self._plan()
        insured = plan is not None and plan is not PlanType.SELF_PAY
        for widget in (self.ui.payer_edit, self.ui.member_id_edit, self.ui.group_number_edit,
                       self.ui.primary_subscriber_edit):
            widget.setEnabled(insured)

    def _plan(self) -> PlanType | None:
        # combos hold the enum's value: Qt turns a str-enum member into a plain str anyway
        value = self.ui.plan_type_combo.currentData()
        return None if value is None else PlanType(value)

    # errors -------------------------------------------------------------------------------------------
    def explained(self, write: Callable[[], T]) -> T:
        """Run `write` (the save); a date of birth refused while partly typed says what is missing
        instead of "is required"."""
        try:
            return write()
        except ValidationError as error:
            if error.field == "date_of_birth" and not self.ui.date_of_birth_edit.is_blank() \
                    and self.ui.date_of_birth_edit.value() is None:
                raise ValidationError(error.field, _INCOMPLETE_DATE) from error
            raise

    def slot_for(self, field: str) -> FieldSlot | None:
        """Where the error about `field` goes (None: on top)."""
        ui = self.ui
        simple = {
            "first_name": FieldSlot(ui.first_name_edit, ui.first_name_error, "First name"),
            "last_name": FieldSlot(ui.last_name_edit, ui.last_name_error, "Last name"),
            "date_of_birth": FieldSlot(ui.date_of_birth_edit, ui.date_of_birth_error, "Date of birth"),
            "phones": FieldSlot(ui.phone_edit_1, ui.phones_error, "Phone numbers"),
            "email": FieldSlot(ui.email_edit, ui.email_error, "E-mail"),
            "secondary_insurance.plan_type": FieldSlot(
                ui.secondary_plan_type_combo, ui.secondary_plan_type_error, "Secondary plan type"),
            "preferred_pharmacy": FieldSlot(
                ui.preferred_pharmacy_edit, ui.preferred_pharmacy_error, "Preferred pharmacy"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
        }
        if field in simple:
            return simple[field]
        insurance = re.fullmatch(r"(insurance|secondary_insurance)\.(\w+)", field)
        if insurance and insurance.group(2) in _INSURANCE_CAPTIONS:
            name, caption = insurance.group(2), _INSURANCE_CAPTIONS[insurance.group(2)]
            if insurance.group(1) == "insurance":  # payer_edit ... primary_subscriber_edit
                widget = "primary_subscriber" if name == "subscriber" else name
            else:
                widget, caption = f"secondary_{name}", f"Secondary {caption[0].lower()}{caption[1:]}"
            return FieldSlot(getattr(ui, f"{widget}_edit"), getattr(ui, f"{widget}_error"), caption)
        phone = re.fullmatch(r"phones\[(\d+)\]", field)
        if phone and int(phone.group(1)) < len(self._phone_rows):
            row = self._phone_rows[int(phone.group(1))]
            return FieldSlot(self.phone_edits[row], ui.phones_error, f"Phone {row + 1}")
        gap = re.fullmatch(r"care_gaps\[(\d+)\]\.(\w+)", field)
        if gap and gap.group(2) in COLUMN_FIELDS:
            row, column = int(gap.group(1)), COLUMN_FIELDS[gap.group(2)]
            select_cell(ui.care_gap_table, row, column)
            return FieldSlot(ui.care_gap_table, ui.care_gaps_error,
                             f"Care gap {row + 1} {_GAP_CAPTIONS[column]}")
        return None


def _select_data(combo: QComboBox, value: str | None) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
