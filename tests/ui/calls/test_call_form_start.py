"""Issue 12, item 8: the call form starts where the VMA types first, the patient (most callers are
patients: finding them fills the caller and the number), and a clinical question is a reason of
its own, routed to clinical staff; the message taken from such a call goes to them too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    calls_tab_fixture,
    desk_fixture,
    dialog_of,
    open_call_form,
    preferences_fixture,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.communications import CallReason
from vma_desk.ui.messages.dialog import MessageDialog

ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab
CTRL = Qt.KeyboardModifier.ControlModifier


def test_f2_starts_in_patient_and_a_clinical_question_goes_to_the_nurse(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    assert focused() is ui.patient_picker.search_edit  # typed into at once, no click
    type_keys(qtbot, "ames")
    qtbot.waitUntil(lambda: ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)  # Ann is the caller: her name and number are filled, on to the reason
    assert (ui.caller_edit.text(), ui.number_edit.text()) == ("Ann Ames", "(312) 555-0142")
    assert focused() is ui.reason_combo
    type_keys(qtbot, "Cl")  # a combo box finds its entry as typed
    assert ui.reason_combo.currentText() == "Clinical question"
    assert ui.routed_combo.currentData() == desk.nurse.id  # clinical staff, not the front desk
    assert ui.routed_combo.currentText().startswith("Nora Nurse, RN")
    type_keys(qtbot, TAB, TAB, TAB)
    assert focused() is ui.notes_edit
    type_keys(qtbot, "asks if ibuprofen is fine with her lisinopril")
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(focused(), Qt.Key.Key_M, CTRL)  # save, then take a message from the call
    message = dialog_of(qtbot, MessageDialog)
    assert message.ui.recipient_combo.currentData() == desk.nurse.id
    message.close()

    [call] = services.communications.calls_on(MONDAY)
    assert (call.reason, call.routed_to, call.patient_id) == (CallReason.CLINICAL_QUESTION, desk.nurse.id,
                                                              desk.ann.id)
    row = calls_tab.view.currentIndex().row()
    assert calls_tab.proxy.index(row, 5).data() == "Clinical question"
    assert calls_tab.ui.reason_filter_combo.findText("Clinical question") > 0  # and filtered by


def test_a_caller_who_is_not_a_patient_is_one_tab_away(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    type_keys(qtbot, TAB, "Walgreens, N Clark St", TAB, "3125550190", TAB)  # past Patient, left blank
    assert focused() is dialog.ui.reason_combo
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    [call] = services.communications.calls_on(MONDAY)
    assert (call.caller_name, call.patient_id) == ("Walgreens, N Clark St", None)
