"""One escalation, not two: a message taken from an escalated call carries the red flag and what was
done on the call, without asking "What was done?" again; a new red flag typed in the message asks."""

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
from vma_desk.core.communications import CallOutcome, Urgency
from vma_desk.ui.messages.dialog import MessageDialog

ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier
DONE = "Transferred to Nora Nurse RN at 9:31; told to call 911 if worse"


def escalated_call_then_message(qtbot, calls_tab) -> MessageDialog:
    """F2, the caller, "chest pain" in the notes, what was done, then Ctrl+M: save and take a message."""
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    qtbot.mouseClick(ui.caller_edit, Qt.MouseButton.LeftButton)
    type_keys(qtbot, "Ann Ames", Qt.Key.Key_Tab, "3125550142")
    qtbot.mouseClick(ui.notes_edit.viewport(), Qt.MouseButton.LeftButton)
    type_keys(qtbot, "Her husband has chest pain and is sweating")
    assert ui.escalation_panel.isVisible()
    assert ui.outcome_combo.currentData() == CallOutcome.ESCALATED
    qtbot.mouseClick(ui.escalation_panel.action_edit, Qt.MouseButton.LeftButton)
    type_keys(qtbot, DONE)
    with qtbot.waitSignal(dialog.sig_saved):
        qtbot.keyClick(focused(), Qt.Key.Key_M, CTRL)
    return dialog_of(qtbot, MessageDialog)


def test_the_message_carries_the_calls_escalation_without_asking_again(qtbot, services, calls_tab, desk):
    message_dialog = escalated_call_then_message(qtbot, calls_tab)
    ui = message_dialog.ui
    panel = ui.escalation_panel
    assert panel.isVisible() and "\u201cchest pain\u201d" in panel.title_label.text()
    assert panel.action_edit.text() == DONE
    assert "required" not in panel.action_label.text()
    assert "on the call" in panel.action_label.text()
    assert ui.urgency_combo.currentData() == Urgency.EMERGENCY
    assert focused() is ui.questions_edit  # typing goes on with the message, not the escalation
    type_keys(qtbot, "Wants Dr Lee to call her tonight")
    with qtbot.waitSignal(message_dialog.sig_saved):
        qtbot.keyClick(focused(), ENTER, CTRL)
    assert not panel.action_error.isVisible()
    [call] = services.communications.calls_on(MONDAY)
    [message] = services.communications.open_messages()
    assert message.call_id == call.id
    assert message.urgency is Urgency.EMERGENCY
    assert message.escalation_action == DONE == call.escalation_action


def test_a_new_red_flag_in_the_message_asks_what_was_done(qtbot, services, calls_tab, desk):
    message_dialog = escalated_call_then_message(qtbot, calls_tab)
    ui = message_dialog.ui
    panel = ui.escalation_panel
    type_keys(qtbot, "Now his speech is slurred")
    assert "\u201cslurred speech\u201d" in panel.title_label.text() or "slurred" in panel.title_label.text()
    assert "required" in panel.action_label.text()
    assert panel.action_edit.text() == ""
    assert DONE in panel.step_label.text()  # what the call did stays in view
    qtbot.keyClick(focused(), ENTER, CTRL)
    assert panel.action_error.isVisible()
    assert services.communications.open_messages() == []
    assert focused() is panel.action_edit
    with qtbot.waitSignal(message_dialog.sig_saved):
        type_keys(qtbot, "Told her to call 911 now", ENTER)
    [message] = services.communications.open_messages()
    assert message.escalation_action == "Told her to call 911 now"
    assert message.urgency is Urgency.EMERGENCY
