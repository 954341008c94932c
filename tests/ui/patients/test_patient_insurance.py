"""Primary and secondary insurance in the patient editor, typed from the keyboard as a VMA would,
against a real workspace: what is saved comes back when the patient is opened again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import focused, show_active, type_keys
from vma_desk.core.records import Insurance, PlanType
from vma_desk.ui.patients.editor import PatientEditorDialog

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier


def open_editor(qtbot, services, patient_id=None) -> PatientEditorDialog:
    dialog = PatientEditorDialog(services, patient_id)
    show_active(qtbot, dialog)
    return dialog


def test_a_secondary_insurance_is_added_saved_and_shown_again(qtbot, services, add_patient):
    ann = add_patient()
    dialog = open_editor(qtbot, services, ann.id)
    ui = dialog.ui
    assert ui.secondary_payer_edit.text() == ""
    assert ui.secondary_plan_type_combo.currentText() == "Not recorded"
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)  # "Secondary insurance"
    qtbot.waitUntil(lambda: focused() is ui.secondary_plan_type_combo)
    type_keys(qtbot, "P", TAB, "Harbor Mutual", TAB, "HM-778812", TAB, "G-55", TAB, "Jim O'Neil")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)

    saved = services.patients.get(ann.id)
    assert saved.insurance == ann.insurance  # the primary is untouched
    assert saved.secondary_insurance == Insurance("Harbor Mutual", "HM-778812", PlanType.PPO, "G-55",
                                                  subscriber="Jim O'Neil")
    editor = open_editor(qtbot, services, ann.id)  # kept: a dialog nobody holds is deleted
    again = editor.ui
    assert again.plan_type_combo.currentText() == "HMO" and again.payer_edit.text() == "Prairie Health"
    assert again.secondary_plan_type_combo.currentText() == "PPO"
    assert (again.secondary_payer_edit.text(), again.secondary_member_id_edit.text(),
            again.secondary_group_number_edit.text(), again.secondary_subscriber_edit.text()) \
        == ("Harbor Mutual", "HM-778812", "G-55", "Jim O'Neil")


def test_the_primarys_policy_holder_is_kept(qtbot, services, add_patient):
    ann = add_patient()
    dialog = open_editor(qtbot, services, ann.id)
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)  # "Policy holder"
    qtbot.waitUntil(lambda: focused() is dialog.ui.primary_subscriber_edit)
    type_keys(qtbot, "Tom O'Neil")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert services.patients.get(ann.id).insurance.subscriber == "Tom O'Neil"


def test_a_secondary_without_a_primary_is_shown_beside_its_field(qtbot, services):
    dialog = open_editor(qtbot, services)
    ui = dialog.ui
    type_keys(qtbot, "Ann", TAB, "O'Neil", TAB, "04/02/1961", TAB, "(312) 555-0142")
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: focused() is ui.secondary_plan_type_combo)
    type_keys(qtbot, TAB, "Harbor Mutual", TAB, "HM-778812")
    with qtbot.assertNotEmitted(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert ui.secondary_payer_error.isVisible()
    assert "needs a primary insurance" in ui.secondary_payer_error.text()
    assert focused() is ui.secondary_payer_edit and services.patients.count() == 0
    assert ui.secondary_member_id_edit.text() == "HM-778812"  # nothing typed is lost


def test_a_secondary_member_id_alone_asks_for_its_payer(qtbot, services, add_patient):
    ann = add_patient()
    dialog = open_editor(qtbot, services, ann.id)
    ui = dialog.ui
    qtbot.keyClick(focused(), Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: focused() is ui.secondary_plan_type_combo)
    type_keys(qtbot, TAB, TAB, "HM-778812")
    audit_before = services.audit.count()
    with qtbot.assertNotEmitted(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert ui.secondary_payer_error.isVisible() and "required" in ui.secondary_payer_error.text()
    assert services.patients.get(ann.id).secondary_insurance is None
    assert services.audit.count() == audit_before


def test_the_editor_fits_a_768_pixel_screen(qtbot, services, add_patient):
    dialog = open_editor(qtbot, services, add_patient().id)
    assert dialog.height() <= 768 - 60  # a task bar and the title bar
