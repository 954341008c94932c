"""One call, one action: a message (Ctrl+M) or an appointment from the selected call, linked both
ways; the log of a day filtered, sorted and with the columns the user chose (remembered)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    at,
    calls_tab_fixture,
    desk_fixture,
    dialog_of,
    log_call,
    no_dialog,
    preferences_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.core.communications import CallReason, MessageState
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calls.columns import ColumnChooser
from vma_desk.ui.calls.dialog import CallDialog
from vma_desk.ui.calls.model import COL_LINKS, COLUMNS
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.messages.dialog import MessageDialog
from vma_desk.ui.referrals.dialog import ReferralDialog
from vma_desk.ui.refills.dialog import RefillDialog

ENTER = Qt.Key.Key_Return


def test_ctrl_m_takes_a_message_from_the_selected_call_with_the_link_kept(qtbot, services, calls_tab, desk):
    call = log_call(services, desk.ann, reason=CallReason.TEST_RESULTS, notes="asks about her A1c result")
    calls_tab.load()
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(qtbot, MessageDialog)
    ui = dialog.ui
    assert (ui.caller_edit.text(), ui.contact_edit.text()) == ("Ann Ames", "(312) 555-0142")
    assert ui.patient_picker.patient_id() == desk.ann.id
    assert ui.reason_edit.toPlainText() == "asks about her A1c result"
    assert ui.recipient_combo.currentData() == desk.nurse.id
    assert "From the call of 9:20 AM with Ann Ames" in ui.source_label.text()
    assert focused() is ui.questions_edit
    type_keys(qtbot, "Is it in range?")
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    [message] = services.communications.open_messages()
    assert message.call_id == call.id and message.questions == "Is it in range?"
    assert message.state is MessageState.NEW
    assert services.communications.links(call.id) == [("message", message.id)]
    assert calls_tab.proxy.index(0, COL_LINKS).data() == "Message"
    assert "Became: Message" in calls_tab.ui.detail_label.text()


def test_save_and_take_message_from_the_call_form(qtbot, services, calls_tab, desk):
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, CallDialog)
    type_keys(qtbot, Qt.Key.Key_Tab, "Bo Burr", Qt.Key.Key_Tab, "2175550199")  # not a patient
    dialog.ui.notes_edit.setPlainText("wants the office manager to call")
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    message_dialog = dialog_of(qtbot, MessageDialog)
    assert message_dialog.ui.caller_edit.text() == "Bo Burr"
    assert message_dialog.ui.recipient_combo.currentData() == desk.front.id
    message_dialog.close()


def test_book_appointment_from_a_call_links_the_visit(qtbot, services, calls_tab, desk):
    call = log_call(services, desk.ann)
    calls_tab.load()
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(qtbot, BookingDialog)
    assert dialog.ui.patient_picker.patient_id() == desk.ann.id
    assert dialog.ui.provider_combo.currentData() == desk.lee.id
    dialog.ui.date_edit.set_value(MONDAY + timedelta(days=1))
    with qtbot.waitSignal(dialog.sig_booked) as booked:
        dialog.book_button.click()
    appointment = booked.args[0]
    assert services.communications.links(call.id) == [("appointment", appointment.id)]
    assert services.communications.calls_linked_to("appointment", appointment.id) == [call.id]
    assert calls_tab.proxy.index(0, COL_LINKS).data() == "Appointment"


def test_filters_sort_and_days(qtbot, services, calls_tab, desk):
    first = log_call(services, desk.ann, started_at=at(MONDAY, 8, 5), reason=CallReason.BILLING,
                     routed_to=desk.front.id)
    second = log_call(services, None, caller_name="Bo Burr", number="", started_at=at(MONDAY, 9, 0),
                      reason=CallReason.TEST_RESULTS, routed_to=desk.nurse.id)
    log_call(services, None, caller_name="Old Call", started_at=at(MONDAY, 9) - timedelta(days=1))
    calls_tab.load()
    proxy = calls_tab.proxy
    assert [proxy.index(r, 2).data() for r in range(proxy.rowCount())] == ["Bo Burr", "Ann Ames"]
    assert proxy.index(0, 3).data() == "withheld"
    assert proxy.index(1, 0).data() == "8:05 AM"
    calls_tab.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 2).data() == "Ann Ames"
    ui = calls_tab.ui
    ui.reason_filter_combo.setCurrentIndex(ui.reason_filter_combo.findData(CallReason.TEST_RESULTS))
    assert proxy.rowCount() == 1 and calls_tab.selected_call().id == second.id
    assert "1 shown by the filters" in ui.summary_label.text()
    ui.reason_filter_combo.setCurrentIndex(0)
    ui.routed_filter_combo.setCurrentIndex(ui.routed_filter_combo.findData(desk.front.id))
    assert proxy.rowCount() == 1 and calls_tab.selected_call().id == first.id
    ui.routed_filter_combo.setCurrentIndex(0)
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert calls_tab.day == MONDAY - timedelta(days=1)
    assert proxy.rowCount() == 1 and proxy.index(0, 2).data() == "Old Call"
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert calls_tab.day == MONDAY and "(today)" in ui.date_label.text()


def test_columns_chosen_are_remembered(qtbot, services, desk, preferences):
    tab = CallsTab(services, preferences)
    qtbot.addWidget(tab)
    menu = tab.columns.menu()
    titles = [a.text() for a in menu.actions()]
    assert titles == [title for _key, title in COLUMNS]
    menu.actions()[3].setChecked(False)  # Number
    menu.actions()[6].setChecked(False)  # Duration
    assert tab.view.isColumnHidden(3) and tab.view.isColumnHidden(6)
    again = CallsTab(services, preferences)
    qtbot.addWidget(again)
    assert again.view.isColumnHidden(3) and again.view.isColumnHidden(6)
    assert not again.view.isColumnHidden(2)
    assert preferences.hidden_columns("calls") == ["number", "duration"]
    chooser: ColumnChooser = again.columns
    for key, _title in COLUMNS[1:]:
        chooser.set_shown(key, False)
    chooser.set_shown("time", False)
    assert not again.view.isColumnHidden(0)  # the last shown column stays
    assert not chooser.menu().actions()[0].isEnabled()


def test_the_call_models_pass_the_model_tester(qtmodeltester, services, calls_tab, desk):
    log_call(services, desk.ann)
    log_call(services, None, caller_name="Bo Burr", number="", notes="short of breath",
             escalation_action="told to call 911")
    calls_tab.load()
    qtmodeltester.check(calls_tab.model, force_py=True)
    qtmodeltester.check(calls_tab.proxy, force_py=True)
    assert no_dialog(CallDialog)


def test_ctrl_r_starts_a_refill_request_from_the_call_and_keeps_the_link(qtbot, services, calls_tab, desk):
    call = log_call(services, desk.ann, reason=CallReason.REFILL, notes="out of her lisinopril")
    calls_tab.load()
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(qtbot, RefillDialog)
    ui = dialog.ui
    assert ui.patient_picker.patient_id() == desk.ann.id
    assert ui.requested_by_edit.text() == "Ann Ames"
    assert ui.notes_edit.toPlainText() == "out of her lisinopril"
    ui.medication_edit.setText("Lisinopril")
    ui.strength_edit.setText("10 mg")
    ui.pharmacy_edit.setText("Walgreens Main St")
    ui.prescriber_combo.setCurrentIndex(ui.prescriber_combo.findData(desk.lee.id))
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save()
    request = saved.args[0]
    assert request.call_id == call.id
    assert services.communications.links(call.id) == [("refill", request.id)]
    assert calls_tab.proxy.index(0, COL_LINKS).data() == "Refill"
    assert "Became: Refill" in calls_tab.ui.detail_label.text()


def test_ctrl_shift_r_starts_a_referral_from_the_call(qtbot, services, calls_tab, desk):
    call = log_call(services, desk.ann, reason=CallReason.GENERAL, notes="asks for a dermatology referral")
    calls_tab.load()
    reactivate(qtbot, calls_tab)
    calls_tab.view.setFocus()
    qtbot.keyClick(calls_tab.view, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = dialog_of(qtbot, ReferralDialog)
    assert dialog.ui.patient_picker.patient_id() == desk.ann.id
    assert dialog.ui.reason_edit.toPlainText() == "asks for a dermatology referral"
    dialog.close()
    assert services.communications.links(call.id) == []  # nothing saved until the form is
