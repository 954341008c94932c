"""A red flag typed in a call's notes escalates it on the spot: the words marked, the practice's
step shown, "What was done?" required; a negation ("no chest pain") does not."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    calls_tab_fixture,
    desk_fixture,
    no_dialog,
    open_call_form,
    preferences_fixture,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.communications import CallOutcome, CallReason
from vma_desk.services.communications import DEFAULT_STEP
from vma_desk.ui.calls.dialog import CallDialog

ENTER = Qt.Key.Key_Return


def test_a_red_flag_escalates_and_needs_what_was_done(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    type_keys(qtbot, Qt.Key.Key_Tab, "Ann Ames", Qt.Key.Key_Tab, "3125550142")
    ui.reason_combo.setCurrentIndex(ui.reason_combo.findData(CallReason.REFILL))
    ui.outcome_combo.setCurrentIndex(ui.outcome_combo.findData(CallOutcome.MESSAGE_TAKEN))
    ui.notes_edit.setFocus()
    type_keys(qtbot, "Refill of lisinopril. Also mentions chest pa")
    assert not ui.escalation_panel.isVisible()
    type_keys(qtbot, "in since this morning")  # checked on every keystroke
    assert ui.escalation_panel.isVisible()
    assert "\u201cchest pain\u201d" in ui.escalation_panel.title_label.text()
    assert DEFAULT_STEP in ui.escalation_panel.step_label.text()
    assert ui.outcome_combo.currentData() == CallOutcome.ESCALATED
    assert ui.routed_combo.currentData() == desk.nurse.id  # urgent medical: clinical staff
    [marked] = ui.notes_edit.extraSelections()
    assert marked.cursor.selectedText() == "chest pain"

    qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    assert ui.escalation_panel.action_error.isVisible()
    assert "chest pain" in ui.escalation_panel.action_error.text()
    assert focused() is ui.escalation_panel.action_edit
    assert services.communications.calls_on(MONDAY) == []

    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, "Transferred to Nora Nurse RN at 9:32", ENTER)
    [call] = services.communications.calls_on(MONDAY)
    assert call.outcome is CallOutcome.ESCALATED
    assert call.escalation_action == "Transferred to Nora Nurse RN at 9:32"
    # the log shows the escalation
    row = calls_tab.view.currentIndex().row()
    assert calls_tab.proxy.index(row, 7).data() == "Escalated"
    assert "1 escalated" in calls_tab.ui.summary_label.text()
    assert "what was done: Transferred" in calls_tab.ui.detail_label.text()


def test_a_negation_does_not_escalate_and_removing_the_flag_undoes_it(qtbot, services, calls_tab, desk):
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    ui.outcome_combo.setCurrentIndex(ui.outcome_combo.findData(CallOutcome.MESSAGE_TAKEN))
    ui.notes_edit.setPlainText("Refill of lisinopril, no chest pain, feels fine")
    assert not ui.escalation_panel.isVisible()
    assert ui.outcome_combo.currentData() == CallOutcome.MESSAGE_TAKEN
    ui.notes_edit.setPlainText("short of breath since yesterday")
    assert ui.escalation_panel.isVisible()
    assert ui.outcome_combo.currentData() == CallOutcome.ESCALATED
    ui.notes_edit.setPlainText("not short of breath")
    assert not ui.escalation_panel.isVisible()
    assert ui.outcome_combo.currentData() == CallOutcome.MESSAGE_TAKEN  # what it was before
    assert ui.routed_combo.currentData() == desk.front.id  # the reason's route again
    ui.caller_edit.setText("Ann Ames")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save_button.click()
    [call] = services.communications.calls_on(MONDAY)
    assert call.outcome is CallOutcome.MESSAGE_TAKEN and call.escalation_action == ""
    assert no_dialog(CallDialog)


def test_shorthand_typed_in_the_notes_shows_the_words_it_matched(qtbot, services, calls_tab, desk):
    """Issue 12 item 13: "pt c/o CP" is chest pain; the banner names the words typed, not a guess."""
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    type_keys(qtbot, Qt.Key.Key_Tab, "Ann Ames", Qt.Key.Key_Tab, "3125550142")
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # No&tes
    assert focused() is ui.notes_edit
    type_keys(qtbot, "Daughter calling, pt c/o C")
    assert not ui.escalation_panel.isVisible()
    type_keys(qtbot, "P and SOB since 6am, denies LOC")
    assert ui.escalation_panel.isVisible()
    title = ui.escalation_panel.title_label.text()
    assert "\u201cCP\u201d (cardiac)" in title and "\u201cSOB\u201d (breathing)" in title
    assert "LOC" not in title  # denied
    assert [s.cursor.selectedText() for s in ui.notes_edit.extraSelections()] == ["CP", "SOB"]
    assert ui.outcome_combo.currentData() == CallOutcome.ESCALATED

    type_keys(qtbot, ". Sugar is 45 and she's shaky")
    assert "\u201cSugar is 45 and she's shaky\u201d (low sugar)" in ui.escalation_panel.title_label.text()
    qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    assert ui.escalation_panel.action_error.isVisible()
    assert 'the notes mention "CP"' in ui.escalation_panel.action_error.text()  # the words typed
    assert services.communications.calls_on(MONDAY) == []  # nothing saved, nothing lost
    assert ui.notes_edit.toPlainText().endswith("she's shaky")
    with qtbot.waitSignal(dialog.sig_saved):
        type_keys(qtbot, "Told to call 911, nurse on the line", ENTER)
    [call] = services.communications.calls_on(MONDAY)
    assert call.outcome is CallOutcome.ESCALATED


def test_a_person_not_responding_escalates_a_pharmacy_not_responding_does_not(qtbot, calls_tab):
    """"found him on the floor, not responding": the banner quotes it; a pharmacy's silence is not it."""
    dialog = open_call_form(qtbot, calls_tab)
    ui = dialog.ui
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    type_keys(qtbot, "the pharmacy is not responding to our faxes")
    assert not ui.escalation_panel.isVisible()
    type_keys(qtbot, ". Then wife found him on the floor, not responding")
    assert "\u201cnot responding\u201d (neuro)" in ui.escalation_panel.title_label.text()
    dialog.close()
