"""The Follow-up calls list: a visit that took place and was marked "call after" is listed once its
call is due; Ctrl+D "Record answers…" reads the fixed script (yes, no or not asked for each line),
refuses "has a question" without its words beside the question field with nothing saved, and
saves the answers with the question sent to the clinical staff as a message; the row leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    CTRL,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    seen_thursday,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.follow_up import SCRIPT
from vma_desk.ui.worklists.steps import FollowUpDialog

FOLLOW_UP = 5
def test_answers_recorded_by_keys_and_a_question_becomes_a_message(qtbot, services, clock, worklists_tab,
                                                                     desk):
    visit = seen_thursday(services, clock, desk)
    tab = worklists_tab
    tab.load()
    assert tab.ui.lists_tabs.tabText(FOLLOW_UP) == "Follow-up calls (1)"
    tab.ui.lists_tabs.setCurrentIndex(FOLLOW_UP)
    tab.focus_main()
    page = tab.pages[FOLLOW_UP]
    assert current_id(page) == visit.id
    assert column(page, "due") == ["8:00 AM"] and column(page, "visit") == ["Thu 02/26 9:00 AM"]
    assert tab.ui.done_button.text() == "Record answers… (Ctrl+D)" and not tab.ui.book_button.isVisible()

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    dialog = dialog_of(qtbot, FollowUpDialog)
    ui = dialog.ui
    assert ui.about_label.text() == (
        "Follow-up call: Ames, Ann, after the visit of Thu 02/26 9:00 AM "
        "(Established visit with Dana Lee, MD)")
    assert [getattr(ui, f"{line.field}_label").text() for line in SCRIPT] == [
        f"&{n}. {line.text}" for n, line in enumerate(SCRIPT, start=1)]
    assert focused() is ui.understood_combo
    # clear: yes; next visit booked: no; prescription: not asked; a question: yes, its words left out
    type_keys(qtbot, "y", Qt.Key.Key_Tab, "no", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "y", Qt.Key.Key_Return)
    assert [getattr(ui, f"{line.field}_combo").currentText() for line in SCRIPT] == [
        "Yes", "No", "Not asked / no answer", "Yes"]
    assert dialog.isVisible() and ui.question_error.isVisible()
    assert ui.question_error.text() == "Write down the patient's question to pass it on."
    assert focused() is ui.question_edit
    call = services.follow_up.get(visit.id)
    assert call is not None and not call.done and services.communications.open_messages() == []

    type_keys(qtbot, "When will my lab results be ready?")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: no_dialog(FollowUpDialog))
    reactivate(qtbot, tab)

    call = services.follow_up.get(visit.id)
    assert call is not None and call.done and call.message_id is not None
    answers = call.answers
    assert (answers.understood, answers.follow_up_booked, answers.prescription_picked_up,
            answers.has_question) == (True, False, None, True)
    message = services.communications.get_message(call.message_id)
    assert message.questions == "When will my lab results be ready?"
    assert message.recipient_id == desk.nurse.id and message.patient_id == desk.ann.id
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(FOLLOW_UP) == "Follow-up calls"
    assert "Answers recorded: Ames, Ann; question sent to Nora Nurse" in tab.ui.summary_label.text()
