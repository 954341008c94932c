"""The new refill request form: typed from the keyboard, refused beside the field for bad input
(nothing saved, nothing typed lost), a red flag in the notes needs what was done, and a request
started from a logged call opens filled in and stays linked to it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTime

from tests.ui.calendar.support import dialog_of
from tests.ui.conftest import focused, type_keys
from tests.ui.refills.support import (  # noqa: F401 - fixtures
    BMP,
    MONDAY,
    at,
    open_request_form,
    refill_desk_fixture,
    refills_tab_fixture,
)
from vma_desk.core.communications import Call, CallReason, Direction, Urgency
from vma_desk.core.refills import RefillSource
from vma_desk.services.communications import DEFAULT_STEP
from vma_desk.ui.refills.dialog import RefillDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def fill_good(dialog: RefillDialog, desk) -> None:
    ui = dialog.ui
    ui.patient_picker.set_patient(desk.ann)
    ui.requested_by_edit.setText("Walgreens")
    ui.pharmacy_edit.setText("Walgreens, N Clark St")
    ui.prescriber_combo.setCurrentIndex(ui.prescriber_combo.findData(desk.lee.id))
    ui.medication_edit.setText("Lisinopril")
    ui.strength_edit.setText("10 mg")


def test_enter_a_request_from_the_keyboard(qtbot, services, refills_tab, refill_desk):
    dialog = open_request_form(qtbot, refills_tab)
    ui = dialog.ui
    assert ui.labs_editor.empty_label.text().startswith("Type the medication")
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down, TAB)  # patient call, fax, e-request
    assert ui.source_combo.currentData() == RefillSource.PHARMACY_EREQUEST
    assert focused() is ui.received_date_edit
    ui.received_time_edit.setTime(QTime(8, 45))  # the e-request came in before the VMA's shift
    ui.patient_picker.search_edit.setFocus()
    type_keys(qtbot, "Birch", ENTER, "CVS e-Rx", TAB)
    assert focused() is ui.pharmacy_edit and ui.pharmacy_edit.text() == "CVS, W Belmont Ave"
    type_keys(qtbot, TAB, TAB, TAB, "Metformin", TAB, "500 mg", TAB, "180", TAB)
    assert ui.labs_editor.names() == ["A1c", BMP]
    assert focused() is ui.refills_spin and ui.refills_spin.text() == "Not known"
    type_keys(qtbot, "2", TAB)
    assert focused() is ui.labs_editor.date_edit("A1c")
    type_keys(qtbot, "01102026", TAB)
    assert ui.labs_editor.date_edit("A1c").value() == date(2026, 1, 10)
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(focused(), ENTER)
    [row] = services.refills.worklist()
    request = row.request
    assert (request.source, request.requested_by, request.medication, request.strength, request.quantity) == (
        RefillSource.PHARMACY_EREQUEST, "CVS e-Rx", "Metformin", "500 mg", "180")
    assert (request.received_at, request.refills_remaining, request.prescriber_id) == (
        at(MONDAY, 8, 45), 2, refill_desk.lee.id)
    assert [(lab.name, lab.last_done) for lab in request.labs] == [("A1c", date(2026, 1, 10)), (BMP, None)]
    assert request.needs_appointment  # Bob was last seen in 2024 and has no kidney panel on record
    summary = refills_tab.ui.summary_label.text()
    assert "Entered Metformin 500 mg for Birch, Bob: needs an appointment" in summary
    assert "Note: 2 refill(s) remain at the pharmacy" in refills_tab.ui.check_label.text()
    assert "• 2 refill(s)" not in refills_tab.ui.check_label.text()  # a note, not a failing reason


@pytest.mark.parametrize(("change", "error_label", "text"), [
    (lambda ui, d: ui.patient_picker.set_patient(None), "patient_error", "Patient: choose the patient."),
    (lambda ui, d: ui.medication_edit.clear(), "medication_error", "Medication is required."),
    (lambda ui, d: ui.pharmacy_edit.setText("  "), "pharmacy_error", "Pharmacy is required."),
    (lambda ui, d: ui.requested_by_edit.clear(), "requested_by_error", "Requested by is required."),
    (lambda ui, d: ui.prescriber_combo.setCurrentIndex(0), "prescriber_error",
     "Prescriber: choose the prescribing provider."),
    (lambda ui, d: ui.received_time_edit.setTime(QTime(11, 0)), "received_error",
     "Received is in the future."),
    (lambda ui, d: ui.received_date_edit.set_value(None), "received_error", "Received: needs a whole date"),
    (lambda ui, d: ui.labs_editor.date_edit(BMP).set_value(date(2026, 4, 1)), "labs_error",
     "Labs: Kidney function (BMP): the last result is dated in the future."),
])
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(qtbot, services, refills_tab, refill_desk,
                                                                   change, error_label, text):
    dialog = open_request_form(qtbot, refills_tab)
    fill_good(dialog, refill_desk)
    dialog.ui.notes_edit.setPlainText("second request this week")
    change(dialog.ui, refill_desk)
    dialog.save_button.click()
    label = getattr(dialog.ui, error_label)
    assert label.isVisible()
    assert label.text().startswith(text)
    assert dialog.ui.notes_edit.toPlainText() == "second request this week"  # nothing typed is lost
    assert dialog.isVisible()
    assert services.refills.worklist() == []
    dialog.close()


def test_a_red_flag_in_the_notes_needs_what_was_done(qtbot, services, refills_tab, refill_desk):
    dialog = open_request_form(qtbot, refills_tab)
    fill_good(dialog, refill_desk)
    ui = dialog.ui
    ui.notes_edit.setFocus()
    type_keys(qtbot, "Out of pills since Friday")
    assert not ui.escalation_panel.isVisible()
    type_keys(qtbot, ", now has chest pain")
    assert ui.escalation_panel.isVisible()
    assert "chest pain" in ui.escalation_panel.title_label.text()
    assert DEFAULT_STEP in ui.escalation_panel.step_label.text()
    assert ui.urgency_combo.currentData() == Urgency.EMERGENCY and not ui.urgency_combo.isEnabled()
    qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves from notes
    assert ui.escalation_panel.action_error.isVisible()
    assert "say what was done" in ui.escalation_panel.action_error.text()
    assert services.refills.worklist() == []
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, "Transferred to the nurse; told to call 911", ENTER)
    [row] = services.refills.worklist()
    assert row.request.urgency is Urgency.EMERGENCY
    assert row.request.escalation_action == "Transferred to the nurse; told to call 911"
    detail = refills_tab.ui.detail_label.text()
    assert "Urgency: Emergency (red flag in the notes)" in detail
    assert "Red flag — what was done: Transferred to the nurse; told to call 911" in detail


def test_a_red_flag_taken_back_restores_the_chosen_urgency(qtbot, refills_tab, refill_desk):
    dialog = open_request_form(qtbot, refills_tab)
    ui = dialog.ui
    ui.urgency_combo.setFocus()
    type_keys(qtbot, "Urgent")
    assert ui.urgency_combo.currentData() == Urgency.URGENT
    ui.notes_edit.setPlainText("chest pain")
    assert ui.urgency_combo.currentData() == Urgency.EMERGENCY
    ui.notes_edit.setPlainText("no chest pain")  # a negation is not a red flag
    assert ui.urgency_combo.currentData() == Urgency.URGENT and ui.urgency_combo.isEnabled()
    dialog.close()


def test_a_request_started_from_a_call_opens_filled_in_and_keeps_the_link(qtbot, services, clock,
                                                                          refills_tab, refill_desk):
    call, _ = services.communications.log_call(Call(
        started_at=at(MONDAY, 9, 10), direction=Direction.INBOUND, caller_name="Ann Ames",
        number="(312) 555-0142", patient_id=refill_desk.ann.id, reason=CallReason.REFILL,
        notes="needs her lisinopril, 2 days left"))
    clock.advance(timedelta(minutes=5))
    draft = services.refills.draft_from_call(call.id)
    refills_tab.open_new_request(draft)  # as the Calls tab will
    dialog = dialog_of(qtbot, RefillDialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "New refill request from a call"
    assert "From the call of 9:10 AM with Ann Ames" in ui.source_note_label.text()
    assert ui.patient_picker.patient_id() == refill_desk.ann.id
    assert (ui.requested_by_edit.text(), ui.pharmacy_edit.text(), ui.prescriber_combo.currentData()) == (
        "Ann Ames", "Walgreens, N Clark St", refill_desk.lee.id)
    assert ui.source_combo.currentData() == RefillSource.PATIENT_CALL
    assert ui.notes_edit.toPlainText() == "needs her lisinopril, 2 days left"
    assert ui.received_time_edit.time() == QTime(9, 10)  # when the call came in
    assert focused() is ui.medication_edit
    type_keys(qtbot, "Lisinopril", TAB, "10 mg")
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save_button.click()
    request = saved.args[0]
    assert request.call_id == call.id
    assert ("refill", request.id) in services.communications.links(call.id)
    assert "Started from a logged call (linked)." in refills_tab.ui.detail_label.text()
