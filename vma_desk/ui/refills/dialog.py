"""The new refill request form: how it came in and when, the patient, who asked, the pharmacy,
the prescriber, the medication with its strength and quantity, the refills left, the labs the
protocol requires for the medication (with the date each was last done) and notes.

Choosing the patient fills in their preferred pharmacy and the provider they saw last (either can
be changed). The labs follow the medication as it is typed. A red flag in the notes makes the
request an emergency, shows the practice's escalation step and needs "What was done?". Started
from a call (`draft`, from `refills.draft_from_call`), it opens with the call's details filled in
and saving keeps the link to the call. Nothing is saved until every field is right.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.records import Change, Patient
from vma_desk.core.refills import LabCheck, RefillRequest, RefillSource
from vma_desk.core.wording import zone_label
from vma_desk.ui.forms.ui_refills_request import Ui_RefillsRequest
from vma_desk.ui.refills import fields
from vma_desk.ui.shared.comms_form import SavingFormDialog
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.widgets import FieldSlot


class RefillDialog(SavingFormDialog):
    ui: Ui_RefillsRequest
    # sig_saved: the saved `RefillRequest` and its `Change`

    def __init__(self, context: TabContext, draft: RefillRequest | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_RefillsRequest(), context, ("notes_edit",), parent)
        self._draft = draft
        #: what the patient's record filled in, replaced by the next patient's unless retyped
        self._filled_pharmacy = ""
        self._filled_prescriber: int | None = None
        #: the urgency the user chose; a red flag shows "Emergency" over it while it stands
        self._chosen_urgency = Urgency.ROUTINE
        ui = self.ui
        self._fill_choices()
        self._fill(draft)
        ui.patient_picker.sig_patient_chosen.connect(self._on_patient_picker_patient_chosen)
        ui.medication_edit.textChanged.connect(self._on_medication_edit_text_changed)
        ui.urgency_combo.activated.connect(self._on_urgency_combo_activated)
        self._on_medication_edit_text_changed(ui.medication_edit.text())
        self._tab_order(ui.source_combo, ui.received_date_edit, ui.received_time_edit,
                        ui.patient_picker.search_edit, ui.requested_by_edit, ui.pharmacy_edit,
                        ui.prescriber_combo, ui.urgency_combo, ui.medication_edit, ui.strength_edit,
                        ui.quantity_edit, ui.refills_spin)
        ui.labs_editor.place_in_tab_order(ui.refills_spin, ui.notes_edit)
        self._tab_order(ui.notes_edit, ui.escalation_panel.action_edit)
        self._keep_drafts("refill")
        self._first_field(draft).setFocus()

    # filling ----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for source in RefillSource:
            ui.source_combo.addItem(source.label, source)
        for urgency in Urgency:
            ui.urgency_combo.addItem(urgency.value.capitalize(), urgency)
        fields.fill_providers(ui.prescriber_combo, self._context.active_staff(), "(choose the prescriber)")
        zone, now = self._context.zone(), self._context.now()
        ui.zone_label.setText(zone_label(zone, now))
        fields.set_moment(ui.received_date_edit, ui.received_time_edit, now, zone)
        fields.setup_refills_spin(ui.refills_spin, None)
        ui.labs_editor.set_today(self._context.today())

    def _fill(self, draft: RefillRequest | None) -> None:
        ui = self.ui
        if draft is None:
            ui.source_note_label.setText("A new refill request. The chart check runs when it is saved; "
                                         "the prescriber decides, you record their decision later.")
            return
        self.setWindowTitle("New refill request from a call" if draft.call_id else "New refill request")
        if draft.call_id is not None:
            call = self._context.comms.get_call(draft.call_id)
            when = wording.when_in_year(call.started_at, self._context.zone(), self._context.today())
            ui.source_note_label.setText(f"From the call of {when} with {call.caller_name}: "
                                         "the request stays linked to it.")
        else:
            ui.source_note_label.setText("A new refill request.")
        self._select(ui.source_combo, draft.source)
        zone = self._context.zone()
        fields.set_moment(ui.received_date_edit, ui.received_time_edit, draft.received_at, zone)
        if draft.patient_id:
            ui.patient_picker.set_patient(self._patient(draft.patient_id))
        ui.requested_by_edit.setText(draft.requested_by)
        ui.pharmacy_edit.setText(draft.pharmacy)
        self._filled_pharmacy = draft.pharmacy
        if draft.prescriber_id:
            self._select(ui.prescriber_combo, draft.prescriber_id)
            self._filled_prescriber = draft.prescriber_id
        self._chosen_urgency = draft.urgency
        self._select(ui.urgency_combo, draft.urgency)
        ui.medication_edit.setText(draft.medication)
        ui.strength_edit.setText(draft.strength)
        ui.quantity_edit.setText(draft.quantity)
        fields.setup_refills_spin(ui.refills_spin, draft.refills_remaining)
        self._labs_for(draft.medication, draft.labs)
        ui.notes_edit.setPlainText(draft.notes)

    def _first_field(self, draft: RefillRequest | None) -> QWidget:
        """Where typing starts: how it came in for a fresh request, the medication for a draft."""
        if draft is None:
            return self.ui.source_combo
        return self.ui.medication_edit if draft.patient_id else self.ui.patient_picker.search_edit

    def _on_patient_picker_patient_chosen(self, _patient_id: int) -> None:
        """Fill in the patient's pharmacy and last provider, unless the user typed their own."""
        patient = self.ui.patient_picker.patient()
        if patient is None:
            return
        ui = self.ui
        if ui.pharmacy_edit.text().strip() in ("", self._filled_pharmacy):
            ui.pharmacy_edit.setText(patient.preferred_pharmacy)
            self._filled_pharmacy = patient.preferred_pharmacy
        provider = self._last_provider(patient)
        if provider is not None and ui.prescriber_combo.currentData() in (None, self._filled_prescriber):
            self._select(ui.prescriber_combo, provider)
            self._filled_prescriber = provider

    def _last_provider(self, patient: Patient) -> int | None:
        """The provider of the patient's most recent visit (the one likely to prescribe)."""
        ids = {s.id for s in fields.providers(self._context.active_staff())}
        visits = [v for v in patient.last_visits if v.provider_id in ids]
        return max(visits, key=lambda v: v.day).provider_id if visits else None

    def _on_medication_edit_text_changed(self, medication: str) -> None:
        self._labs_for(medication, ())

    def _labs_for(self, medication: str, known: tuple[LabCheck, ...]) -> None:
        editor = self.ui.labs_editor
        typed = medication.strip()
        labs = self._context.services.refills.required_labs(typed, known) if typed else ()
        editor.set_labs(labs, medication_known=bool(typed))

    def _on_urgency_combo_activated(self, _index: int) -> None:
        self._chosen_urgency = Urgency(self.ui.urgency_combo.currentData())

    def _on_red_flags_checked(self, found: bool) -> None:
        super()._on_red_flags_checked(found)
        combo = self.ui.urgency_combo
        self._select(combo, Urgency.EMERGENCY if found else self._chosen_urgency)
        combo.setEnabled(not found)
        combo.setToolTip("A red flag in the notes makes the request an emergency." if found else "")

    # reading and saving -----------------------------------------------------------------------------
    def received_at(self) -> datetime:
        ui = self.ui
        return fields.read_moment(ui.received_date_edit, ui.received_time_edit, self._context.zone(),
                                  "received_at")

    def request(self) -> RefillRequest:
        """The request as typed (a `ValidationError` for a date typed in part)."""
        ui = self.ui
        draft = self._draft
        return RefillRequest(
            patient_id=ui.patient_picker.patient_id() or 0, medication=ui.medication_edit.text(),
            strength=ui.strength_edit.text(), quantity=ui.quantity_edit.text(),
            pharmacy=ui.pharmacy_edit.text(), source=RefillSource(ui.source_combo.currentData()),
            requested_by=ui.requested_by_edit.text(), prescriber_id=ui.prescriber_combo.currentData() or 0,
            received_at=self.received_at(), urgency=Urgency(ui.urgency_combo.currentData()),
            refills_remaining=fields.refills_value(ui.refills_spin), labs=ui.labs_editor.labs(),
            notes=ui.notes_edit.toPlainText(), escalation_action=ui.escalation_panel.action(),
            call_id=draft.call_id if draft else None,
        )

    def _save_call(self) -> Callable[[], tuple[RefillRequest, Change]]:
        refills = self._context.services.refills
        return lambda: refills.create(self.request())

    def _slot_for(self, field: str) -> FieldSlot | None:
        ui = self.ui
        return super()._slot_for(field) or {
            "source": FieldSlot(ui.source_combo, ui.source_error, "Received from"),
            "received_at": FieldSlot(ui.received_date_edit, ui.received_error, "Received"),
            "requested_by": FieldSlot(ui.requested_by_edit, ui.requested_by_error, "Requested by"),
            "pharmacy": FieldSlot(ui.pharmacy_edit, ui.pharmacy_error, "Pharmacy"),
            "prescriber_id": FieldSlot(ui.prescriber_combo, ui.prescriber_error, "Prescriber"),
            "urgency": FieldSlot(ui.urgency_combo, ui.urgency_error, "Urgency"),
            "medication": FieldSlot(ui.medication_edit, ui.medication_error, "Medication"),
            "strength": FieldSlot(ui.strength_edit, ui.strength_error, "Strength"),
            "quantity": FieldSlot(ui.quantity_edit, ui.strength_error, "Quantity"),
            "refills_remaining": FieldSlot(ui.refills_spin, ui.refills_error, "Refills left"),
            "labs": FieldSlot(ui.labs_editor.problem_edit(), ui.labs_error, "Labs"),
            "notes": FieldSlot(ui.notes_edit, ui.notes_error, "Notes"),
        }.get(field)
