"""The message form: typed from the keyboard, refused beside the field for bad input (nothing
saved, nothing typed lost), and a red flag makes it an emergency with the action required."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTime

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    CHICAGO,
    MONDAY,
    desk_fixture,
    messages_tab_fixture,
    no_dialog,
    open_message_form,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.communications import Urgency
from vma_desk.services.communications import DEFAULT_STEP
from vma_desk.ui.messages.dialog import MessageDialog

ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


def fill_good(dialog: MessageDialog, desk) -> None:
    ui = dialog.ui
    ui.caller_edit.setText("Bo Burr")
    ui.contact_edit.setText("217-555-0199")
    ui.reason_edit.setPlainText("question about a form")
    ui.recipient_combo.setCurrentIndex(ui.recipient_combo.findData(desk.front.id))


def test_take_a_message_from_the_keyboard(qtbot, services, messages_tab, desk):
    dialog = open_message_form(qtbot, messages_tab)
    ui = dialog.ui
    assert focused() is ui.caller_edit
    type_keys(qtbot, "Bo Burr", TAB, "217.555.0199", TAB)
    assert ui.contact_edit.text() == "(217) 555-0199"  # formatted once typed
    assert focused() is ui.patient_picker.search_edit
    type_keys(qtbot, TAB, "Needs the disability form signed", TAB, "Can it be faxed today?", TAB)
    assert focused() is ui.recipient_combo  # the red-flag answer is skipped while hidden
    type_keys(qtbot, "Fran")
    ui.callback_date_edit.set_value(date(2026, 3, 3))
    ui.callback_time_edit.setTime(QTime(14, 30))
    ui.recipient_combo.setFocus()
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, ENTER)
    assert no_dialog(MessageDialog)
    [message] = services.communications.open_messages()
    assert (message.caller_name, message.contact_number, message.recipient_id) == (
        "Bo Burr", "+12175550199", desk.front.id)
    assert message.reason == "Needs the disability form signed"
    assert message.questions == "Can it be faxed today?"
    assert message.callback_at.astimezone(CHICAGO).strftime("%m/%d %H:%M") == "03/03 14:30"
    assert message.urgency is Urgency.ROUTINE
    assert messages_tab.selected_message().id == message.id
    assert "Best time to call back: Tue 03/03 2:30 PM" in messages_tab.ui.detail_label.text()


@pytest.mark.parametrize(("change", "error_label", "text"), [
    (lambda ui: ui.caller_edit.clear(), "caller_error", "Caller is required."),
    (lambda ui: ui.contact_edit.setText("555-01"), "contact_error", "Contact number is not a valid phone"),
    (lambda ui: ui.contact_edit.setText("(000) 000-0000"), "contact_error", "Contact number is not a valid"),
    (lambda ui: ui.callback_date_edit.set_value(date(2026, 3, 1)), "callback_error",
     "Best time to call back is in the past."),
    (lambda ui: ui.recipient_combo.setCurrentIndex(0), "recipient_error",
     "Recipient: choose who receives the message."),
])
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(qtbot, services, messages_tab, desk,
                                                                   change, error_label, text):
    dialog = open_message_form(qtbot, messages_tab)
    fill_good(dialog, desk)
    change(dialog.ui)
    dialog.save_button.click()
    label = getattr(dialog.ui, error_label)
    assert label.isVisible()
    assert label.text().startswith(text)
    assert dialog.ui.reason_edit.toPlainText() == "question about a form"  # nothing typed is lost
    assert dialog.isVisible()
    assert services.communications.open_messages() == []
    dialog.close()


def test_a_red_flag_makes_it_an_emergency_and_needs_what_was_done(qtbot, services, messages_tab, desk):
    dialog = open_message_form(qtbot, messages_tab)
    fill_good(dialog, desk)
    ui = dialog.ui
    ui.questions_edit.setFocus()
    type_keys(qtbot, "Also: no chest pain")
    assert not ui.escalation_panel.isVisible()
    assert ui.urgency_combo.currentData() == Urgency.ROUTINE
    type_keys(qtbot, ", but trouble breathing since noon")
    assert ui.escalation_panel.isVisible()
    assert "trouble breathing" in ui.escalation_panel.title_label.text()
    assert DEFAULT_STEP in ui.escalation_panel.step_label.text()
    assert ui.urgency_combo.currentData() == Urgency.EMERGENCY
    qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    assert ui.escalation_panel.action_error.isVisible()
    assert services.communications.open_messages() == []
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, "Told to call 911; nurse informed", ENTER)
    [message] = services.communications.open_messages()
    assert message.urgency is Urgency.EMERGENCY
    assert message.escalation_action == "Told to call 911; nurse informed"
    assert "what was done: Told to call 911" in messages_tab.ui.detail_label.text()
