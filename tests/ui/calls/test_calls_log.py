"""Logging calls as a VMA on the phone does: one key opens the form with its timer running, a few
letters find the patient, Enter saves; bad input stays in the form beside its field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    calls_tab_fixture,
    desk_fixture,
    dialog_of,
    log_call,
    no_dialog,
    open_call_form,
    preferences_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.core.communications import CallOutcome, CallReason, Direction
from vma_desk.ui.calls.dialog import CallDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def test_log_a_call_from_the_keyboard_only(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    assert dialog.ui.call_timer.is_running()
    assert dialog.ui.call_timer.time_label.text() == "00:00"
    assert focused() is dialog.ui.patient_picker.search_edit  # caller and number come from the record
    type_keys(qtbot, "ames")
    qtbot.waitUntil(lambda: dialog.ui.patient_picker.results.rowCount() == 1)
    type_keys(qtbot, ENTER)  # takes the patient and moves on
    assert dialog.ui.caller_edit.text() == "Ann Ames"
    assert dialog.ui.number_edit.text() == "(312) 555-0142"
    assert focused() is dialog.ui.reason_combo
    type_keys(qtbot, "Test")  # a combo box finds its entry as typed
    assert dialog.ui.reason_combo.currentData() == CallReason.TEST_RESULTS
    assert dialog.ui.routed_combo.currentData() == desk.nurse.id  # the practice's routing rule
    type_keys(qtbot, TAB, TAB, TAB)
    assert focused() is dialog.ui.notes_edit
    type_keys(qtbot, "asks about her A1c result")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)  # Enter in the notes starts a line...
        assert not no_dialog(CallDialog)
        qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)  # ...Ctrl+Enter saves
    assert no_dialog(CallDialog)
    [call] = services.communications.calls_on(MONDAY)
    assert (call.caller_name, call.number, call.patient_id) == ("Ann Ames", "+13125550142", desk.ann.id)
    assert (call.reason, call.routed_to, call.direction) == (CallReason.TEST_RESULTS, desk.nurse.id,
                                                             Direction.INBOUND)
    assert call.notes == "asks about her A1c result"
    assert call.outcome is CallOutcome.RESOLVED
    # the new call is shown, selected, with its number formatted
    assert calls_tab.selected_call().id == call.id
    row = calls_tab.view.currentIndex().row()
    texts = [calls_tab.proxy.index(row, c).data() for c in range(calls_tab.proxy.columnCount())]
    assert texts[2:6] == ["Ann Ames", "(312) 555-0142", "Ames, Ann", "Test results"]
    assert "Logged the call with Ann Ames" in calls_tab.ui.summary_label.text()


def test_enter_in_a_line_saves_and_the_timer_keeps_a_stopped_duration(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    dialog.ui.call_timer.set_seconds(125)
    assert dialog.ui.call_timer.time_label.text() == "02:05"
    assert dialog.ui.call_timer.button.text() == "Resume"
    type_keys(qtbot, TAB, "Bo Burr", TAB, "217 555 0199")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    [call] = services.communications.calls_on(MONDAY)
    assert (call.caller_name, call.number, call.duration_seconds) == ("Bo Burr", "+12175550199", 125)
    assert call.routed_to == desk.front.id  # an appointment call goes to the front desk


def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    type_keys(qtbot, TAB, TAB, "555-01", TAB)
    dialog.ui.notes_edit.setPlainText("wants a call back")
    dialog.save_button.click()
    assert dialog.ui.caller_error.isVisible()
    assert dialog.ui.caller_error.text() == "Caller is required."
    assert focused() is dialog.ui.caller_edit
    type_keys(qtbot, "Bo Burr")
    dialog.save_button.click()
    assert not dialog.ui.caller_error.isVisible()
    assert dialog.ui.number_error.isVisible()
    assert dialog.ui.number_error.text().startswith("Number is not a valid phone number")
    assert dialog.ui.notes_edit.toPlainText() == "wants a call back"  # nothing typed is lost
    assert services.communications.calls_on(MONDAY) == []
    dialog.close()


def test_an_open_call_is_edited_and_saved_again(qtbot, services, calls_tab, desk):
    call = log_call(services, desk.ann)
    calls_tab.load()
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    assert calls_tab.selected_call().id == call.id
    qtbot.keyClick(calls_tab.view, ENTER)
    dialog = dialog_of(qtbot, CallDialog)
    assert not dialog.ui.call_timer.is_running()
    assert dialog.ui.call_timer.time_label.text() == "01:35"
    assert dialog.ui.caller_edit.text() == "Ann Ames"
    dialog.ui.outcome_combo.setCurrentIndex(dialog.ui.outcome_combo.findData(CallOutcome.SCHEDULED))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    assert services.communications.get_call(call.id).outcome is CallOutcome.SCHEDULED
    assert len(services.communications.calls_on(MONDAY)) == 1
