"""The patient editor, driven from the keyboard as a VMA would, against a real workspace."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import answer_question, focused, reactivate, show_active, type_keys
from vma_desk.core.records import AuditAction, CareGap, Phone, PhoneKind
from vma_desk.ui.patients.care_gaps import CareGapTableModel
from vma_desk.ui.patients.editor import PatientEditorDialog

TAB, ENTER, ESC = Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Escape


@pytest.fixture
def new_dialog(qtbot, services) -> PatientEditorDialog:
    dialog = PatientEditorDialog(services)
    show_active(qtbot, dialog)
    return dialog


def type_new_patient(qtbot, first="Ann", last="O'Neil", born="04/02/1961", phone="(312) 555-0142"):
    """First name, Tab, last name, Tab, date of birth, Tab, first phone: the dialog's own order."""
    type_keys(qtbot, first, TAB, last, TAB, born, TAB, phone)


def test_a_patient_typed_with_the_keyboard_only_is_saved(qtbot, services, new_dialog):
    assert focused() is new_dialog.ui.first_name_edit
    type_new_patient(qtbot)
    with qtbot.waitSignal(new_dialog.sig_saved) as saved:
        type_keys(qtbot, ENTER)

    change = saved.args[0]
    assert change.action is AuditAction.CREATE
    patient = services.patients.get(change.ids[0])
    assert (patient.first_name, patient.last_name) == ("Ann", "O'Neil")
    assert patient.date_of_birth == date(1961, 4, 2)
    assert patient.phones == (Phone("+13125550142", PhoneKind.MOBILE),)
    assert patient.insurance is None
    assert new_dialog.result() == QDialog.DialogCode.Accepted


def test_ctrl_s_saves_and_enter_in_the_notes_is_a_new_line(qtbot, services, new_dialog):
    type_new_patient(qtbot)
    new_dialog.ui.notes_edit.setFocus()
    type_keys(qtbot, "Calls after 5 pm.", ENTER, "Daughter Liz helps.")
    assert new_dialog.isVisible() and services.patients.count() == 0
    with qtbot.waitSignal(new_dialog.sig_saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert services.patients.get(saved.args[0].ids[0]).notes == "Calls after 5 pm.\nDaughter Liz helps."


@pytest.mark.parametrize(
    ("values", "label", "widget", "sentence"),
    [
        (dict(last=""), "last_name_error", "last_name_edit", "Last name is required."),
        (dict(phone="555-01"), "phones_error", "phone_edit_1", "Phone 1 is not a valid phone number"),
        (dict(born="04/02/2031"), "date_of_birth_error", "date_of_birth_edit",
         "Date of birth is in the future."),
        (dict(born=""), "date_of_birth_error", "date_of_birth_edit", "Date of birth is required."),
        (dict(born="0402"), "date_of_birth_error", "date_of_birth_edit",
         "Date of birth is incomplete"),
    ],
    ids=["empty-last-name", "impossible-phone", "future-birth-date", "no-birth-date", "no-year"],
)
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(
    qtbot, services, new_dialog, values, label, widget, sentence
):
    typed = dict(first="Ann", last="O'Neil", born="04/02/1961", phone="(312) 555-0142") | values
    audit_before = services.audit.count()
    type_new_patient(qtbot, **typed)
    with qtbot.assertNotEmitted(new_dialog.sig_saved):
        type_keys(qtbot, ENTER)

    ui = new_dialog.ui
    message = getattr(ui, label)
    assert message.isVisible() and message.text().startswith(sentence)
    field = getattr(ui, widget)
    assert field.property("invalid") is True
    assert focused() is field or field.isAncestorOf(focused())
    # the dialog stays, nothing is written, nothing typed is lost
    assert new_dialog.isVisible()
    assert services.patients.count() == 0 and services.audit.count() == audit_before
    assert ui.first_name_edit.text() == "Ann" and ui.last_name_edit.text() == typed["last"]
    if widget == "phone_edit_1":
        assert ui.phone_edit_1.text() == "555-01"

    # correcting it and saving again works, and the error goes away
    if widget == "last_name_edit":
        type_keys(qtbot, "O'Neil")
        with qtbot.waitSignal(new_dialog.sig_saved):
            type_keys(qtbot, ENTER)
        assert not message.isVisible() and services.patients.count() == 1


def test_an_insured_patient_needs_a_member_id_as_on_the_card(qtbot, services, new_dialog):
    ui = new_dialog.ui
    type_new_patient(qtbot)
    assert not ui.payer_edit.isEnabled()  # no plan recorded yet
    ui.plan_type_combo.setFocus()
    type_keys(qtbot, "H", TAB, "Prairie Health", TAB, "x")  # HMO, payer, member id
    type_keys(qtbot, ENTER)
    assert ui.member_id_error.isVisible() and "as on the card" in ui.member_id_error.text()
    assert focused() is ui.member_id_edit and services.patients.count() == 0


def test_editing_a_patient_shows_and_saves_it(qtbot, services, add_patient):
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "Edit patient"
    assert ui.phone_edit_1.text() == "(312) 555-0142" and ui.phone_edit_2.text() == "(773) 555-0199"
    assert ui.phone_kind_combo_2.currentText() == "Home"
    assert ui.date_of_birth_edit.text() == "04/02/1961"
    assert ui.plan_type_combo.currentText() == "HMO" and ui.member_id_edit.text() == "PH-12345"

    ui.last_name_edit.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "O'Neil-Baker")
    # a new care gap, cell by cell: kind, Tab, due date, Tab, note
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "Add care gap"
    qtbot.waitUntil(lambda: ui.care_gap_table.model().rowCount() == 2)  # a mnemonic clicks after a blink
    type_keys(qtbot, "Colonoscopy", TAB, "06/01/2026", TAB, "referral sent")
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert saved.args[0].action is AuditAction.UPDATE and saved.args[0].ids == (ann.id,)
    again = services.patients.get(ann.id)
    assert again.last_name == "O'Neil-Baker"
    assert again.care_gaps == (ann.care_gaps[0], CareGap("Colonoscopy", date(2026, 6, 1), "referral sent"))
    assert again.phones == ann.phones and again.insurance == ann.insurance


def test_a_care_gap_without_due_date_points_at_its_cell(qtbot, services, add_patient):
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    qtbot.mouseClick(dialog.ui.add_care_gap_button, Qt.MouseButton.LeftButton)
    type_keys(qtbot, "A1c", ENTER)
    assert dialog.isVisible()  # Enter in a cell commits the cell, not the dialog
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ui = dialog.ui
    assert ui.care_gaps_error.text() == "Care gap 2 due date is required."
    assert ui.care_gap_table.currentIndex().row() == 1 and ui.care_gap_table.currentIndex().column() == 1
    assert services.patients.get(ann.id).care_gaps == ann.care_gaps


def test_a_known_error_is_shown_in_the_dialog(qtbot, services, add_patient):
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    services.patients.delete(ann.id)  # from another screen, while this one is open
    type_keys(qtbot, Qt.Key.Key_End, " Marie")
    with qtbot.assertNotEmitted(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert dialog.ui.form_error_label.isVisible()
    assert dialog.ui.form_error_label.text() == f"Patient {ann.id} does not exist."
    assert dialog.isVisible() and dialog.ui.first_name_edit.text() == "Ann Marie"


def test_saving_an_unchanged_patient_writes_nothing(qtbot, services, add_patient):
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    audit_before = services.audit.count()  # after the opening's own entry
    with qtbot.assertNotEmitted(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert dialog.result() == QDialog.DialogCode.Accepted and services.audit.count() == audit_before


def test_escape_asks_before_throwing_away_edits(qtbot, services, new_dialog):
    type_keys(qtbot, "Ann")
    questions: list[str] = []
    answer_question("Keep editing", questions)
    type_keys(qtbot, ESC)
    assert questions and new_dialog.isVisible() and new_dialog.ui.first_name_edit.text() == "Ann"

    reactivate(qtbot, new_dialog)
    assert focused() is new_dialog.ui.first_name_edit
    answer_question("Discard changes", questions)
    type_keys(qtbot, ESC)
    assert len(questions) == 2 and not new_dialog.isVisible()
    assert new_dialog.result() == QDialog.DialogCode.Rejected and services.patients.count() == 0


def test_escape_without_edits_closes_at_once(qtbot, new_dialog):
    type_keys(qtbot, ESC)
    assert not new_dialog.isVisible()


def test_delete_asks_first_then_hides_the_patient_and_can_be_undone(qtbot, services, add_patient):
    ann = add_patient()
    dialog = PatientEditorDialog(services, ann.id)
    show_active(qtbot, dialog)
    questions: list[str] = []
    answer_question("Cancel", questions)
    qtbot.mouseClick(dialog.ui.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and services.patients.count() == 1
    assert "O'Neil, Ann" in questions[0] and "not erased" in questions[0]

    answer_question("Delete patient", questions)
    with qtbot.waitSignal(dialog.sig_deleted) as deleted:
        qtbot.mouseClick(dialog.ui.delete_button, Qt.MouseButton.LeftButton)
    change = deleted.args[0]
    assert change.action is AuditAction.DELETE and change.ids == (ann.id,)
    assert services.patients.count() == 0
    services.patients.restore(change.ids[0])
    assert services.patients.get(ann.id) == ann


def test_a_new_patient_has_no_delete_button_and_a_blank_birth_date(new_dialog):
    assert not new_dialog.ui.delete_button.isVisible()
    assert new_dialog.ui.date_of_birth_edit.value() is None


def test_the_care_gap_model_passes_the_model_tester(qtmodeltester, add_patient):
    model = CareGapTableModel()
    model.set_gaps(add_patient().care_gaps + (CareGap("A1c", date(2026, 4, 1)),))
    model.append_row()
    qtmodeltester.check(model)
    model.removeRows(0, 1)
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("typed", "born"),
    [("04021961", date(1961, 4, 2)), ("04/02/1961", date(1961, 4, 2)), ("4/2/1961", date(1961, 4, 2)),
     ("12-31-1999", date(1999, 12, 31)), ("0402", None), ("", None)],
)
def test_a_birth_date_is_typed_the_way_people_write_it(qtbot, new_dialog, typed, born):
    field = new_dialog.ui.date_of_birth_edit
    field.setFocus()
    assert field.text() == "MM/DD/YYYY"  # blank, not a plausible default
    type_keys(qtbot, typed, TAB)
    assert focused() is new_dialog.ui.phone_edit_1  # Tab leaves the date, whatever was typed
    assert field.value() == born
    assert field.is_blank() == (typed == "")


def test_an_error_below_the_fold_is_scrolled_into_view(qtbot, services, new_dialog):
    """On a short screen the fields scroll: a refused field far down is brought into view."""
    new_dialog.resize(new_dialog.width(), 420)
    type_new_patient(qtbot)
    ui = new_dialog.ui
    ui.notes_edit.setPlainText("x" * 2001)  # longer than notes may be
    bar = ui.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    with qtbot.assertNotEmitted(new_dialog.sig_saved):
        type_keys(qtbot, ENTER)

    assert ui.notes_error.isVisible() and bar.value() > 0
    viewport = ui.scroll_area.viewport()
    assert viewport.rect().contains(ui.notes_error.mapTo(viewport, ui.notes_error.rect().center()))
    assert services.patients.count() == 0
