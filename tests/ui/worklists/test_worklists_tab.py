"""The Worklists tab as a VMA works it by keys: voicemails recorded and listed by urgency, an attempt
logged with Ctrl+Shift+L (the row goes quiet and the next one is selected), a time in the future
refused beside its field with nothing saved, "Box checked" in one key, and a call logged
"callback needed" kept on the Callbacks list until its callback is done."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.comms_support import log_call
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    CTRL,
    CTRL_SHIFT,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    leave_voicemail,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.chase import ChaseKind, Outcome
from vma_desk.core.communications import CallOutcome
from vma_desk.core.records import RecordKind
from vma_desk.ui.shared.attempt import LogAttemptDialog
from vma_desk.ui.worklists.model import QUIET_ROLE, QUIET_TEXT
from vma_desk.ui.worklists.voicemail import VoicemailDialog


def test_voicemails_typed_in_are_listed_by_urgency(qtbot, services, worklists_tab, desk):
    tab = worklists_tab
    assert tab.ui.lists_tabs.tabText(0) == "Voicemail" and tab.title() == "Worklists"
    assert tab.ui.box_label.text() == "Voicemail box: never checked in VMA Desk"

    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)  # a routine one from a caller not on file
    dialog = dialog_of(qtbot, VoicemailDialog)
    assert focused() is dialog.ui.left_at_edit
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, "Bo Burr", Qt.Key.Key_Tab,
              "217 555 0199", Qt.Key.Key_Tab, "question about a form", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(VoicemailDialog))
    reactivate(qtbot, tab)

    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)  # an urgent one from Ann Ames, a patient
    dialog = dialog_of(qtbot, VoicemailDialog)
    type_keys(qtbot, Qt.Key.Key_Tab, "u", Qt.Key.Key_Tab, "Ames")
    picker = dialog.ui.patient_picker
    qtbot.waitUntil(lambda: picker.results.rowCount() == 1)
    type_keys(qtbot, Qt.Key.Key_Return)
    assert picker.patient_id() == desk.ann.id and focused() is dialog.ui.caller_edit
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab, "new rash since yesterday", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(VoicemailDialog))
    reactivate(qtbot, tab)

    page = tab.pages[0]
    assert column(page, "caller") == ["Ames, Ann", "Bo Burr"]  # the urgent one first
    assert column(page, "urgency") == ["Urgent", "Routine"]
    assert column(page, "next") == ["Due now", "Due now"]
    assert column(page, "attempts") == ["No attempt yet", "No attempt yet"]
    assert column(page, "number") == ["", "(217) 555-0199"]
    assert tab.ui.lists_tabs.tabText(0) == "Voicemail (2)" and tab.title() == "Worklists (2 due)"
    assert [vm.caller_name for vm in services.chase.unreturned_voicemails()] == ["", "Bo Burr"]


def test_ctrl_shift_l_logs_an_attempt_the_row_goes_quiet_and_the_next_is_selected(
        qtbot, services, clock, worklists_tab, desk):
    urgent = leave_voicemail(services, caller_name="", patient_id=desk.ann.id, urgency="urgent")
    routine = leave_voicemail(services)
    tab = worklists_tab
    tab.load()
    page = tab.pages[0]
    page.view.setFocus()
    assert shown_ids(page) == [urgent.id, routine.id] and current_id(page) == urgent.id

    qtbot.keyClick(page.view, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = dialog_of(qtbot, LogAttemptDialog)
    assert dialog.ui.about_label.text() == "Voicemail: Ames, Ann"
    assert dialog.ui.history_label.text() == "No earlier attempts."
    assert dialog.ui.channel_combo.currentText() == "Phone"
    assert dialog.ui.outcome_combo.currentText() == "No answer"
    assert dialog.ui.suggestion_label.text() == "By the practice's policy: Today 11:30 AM."
    type_keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))

    assert shown_ids(page) == [routine.id, urgent.id]  # the quiet row after the one due
    assert current_id(page) == routine.id  # the next row, ready for the next attempt
    assert column(page, "attempts") == ["No attempt yet", "1 attempt · last: no answer 09:30"]
    assert column(page, "next") == ["Due now", "Quiet until Today 11:30 AM"]
    quiet = page.proxy.index(1, 0)
    assert quiet.data(QUIET_ROLE) is True
    assert quiet.data(Qt.ItemDataRole.ForegroundRole) == QUIET_TEXT
    assert tab.title() == "Worklists (1 due)" and tab.ui.lists_tabs.tabText(0) == "Voicemail (1)"
    assert "Logged no answer: Ames, Ann" in tab.ui.summary_label.text()
    [attempt] = services.chase.attempts(ChaseKind.VOICEMAIL, urgent.id)
    assert (attempt.outcome, attempt.at, attempt.by) == (Outcome.NO_ANSWER, clock.now(), "tester@desk")
    assert attempt.patient_id == desk.ann.id

    clock.advance(timedelta(hours=2, minutes=1))  # the retry comes due: the row with it
    page.model.tick()
    assert shown_ids(page) == [urgent.id, routine.id]
    assert tab.title() == "Worklists (2 due)"


def test_an_attempt_in_the_future_is_refused_beside_when_and_nothing_is_saved(
        qtbot, services, worklists_tab, desk):
    vm = leave_voicemail(services)
    tab = worklists_tab
    tab.load()
    page = tab.pages[0]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = dialog_of(qtbot, LogAttemptDialog)
    type_keys(qtbot, "l", Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # left voicemail; on to When
    assert focused() is dialog.ui.at_edit
    type_keys(qtbot, Qt.Key.Key_Up)  # its first part, the month: next month
    dialog.ui.note_edit.setFocus()
    type_keys(qtbot, "left a message on her cell", Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.ui.at_error.isVisible()
    assert dialog.ui.at_error.text() == "An attempt cannot be in the future: enter when it was made."
    assert focused() is dialog.ui.at_edit
    assert dialog.ui.note_edit.text() == "left a message on her cell"  # nothing lost
    assert dialog.ui.outcome_combo.currentText() == "Left voicemail"
    assert services.chase.attempts(ChaseKind.VOICEMAIL, vm.id) == []

    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)  # this month again
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))
    [attempt] = services.chase.attempts(ChaseKind.VOICEMAIL, vm.id)
    assert attempt.note == "left a message on her cell" and attempt.outcome is Outcome.LEFT_VOICEMAIL


def test_a_next_attempt_before_the_attempt_is_refused_beside_it(qtbot, services, worklists_tab, desk):
    vm = leave_voicemail(services)
    tab = worklists_tab
    tab.load()
    tab.focus_main()
    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL_SHIFT)
    dialog = dialog_of(qtbot, LogAttemptDialog)
    dialog.ui.next_check.setFocus()
    type_keys(qtbot, Qt.Key.Key_Space, Qt.Key.Key_Tab)  # set it myself; on to its time
    assert focused() is dialog.ui.next_edit
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return)  # its first part, the month: a month ago
    assert dialog.ui.next_at_error.text() == "The next attempt must come after this one."
    assert services.chase.attempts(ChaseKind.VOICEMAIL, vm.id) == []
    dialog.close()


def test_box_checked_is_one_key_and_clears_the_warning(qtbot, services, clock, worklists_tab, desk):
    tab = worklists_tab
    services.chase.check_box(found=0)  # checked at 9:30
    clock.advance(timedelta(hours=1))
    leave_voicemail(services, left_at=at(MONDAY, 10, 20))  # heard at 10:30, since that check
    clock.advance(timedelta(hours=2))
    tab.load()
    assert tab.ui.box_label.text() == "Voicemail box last checked Today 9:30 AM"
    assert tab.ui.box_warning_label.text() == "Box check due (every 3 business hours): check it, then Ctrl+B"
    assert tab.ui.box_warning_label.property("due") is True

    sent = []
    tab.sig_changed.connect(sent.append)
    qtbot.keyClick(focused(), Qt.Key.Key_B, CTRL)
    assert tab.ui.box_label.text() == "Voicemail box last checked Today 12:30 PM"
    assert tab.ui.box_warning_label.text() == ""
    assert services.chase.last_box_check() == clock.now() and not services.chase.box_check_due()
    assert [c.kind for c in sent] == [RecordKind.VOICEMAIL_CHECK]
    assert "Box checked (1 new voicemail)" in tab.ui.summary_label.text()


def test_a_callback_needed_call_stays_on_callbacks_until_done(qtbot, services, worklists_tab, desk):
    first = log_call(services, desk.ann, outcome=CallOutcome.CALLBACK_NEEDED, notes="wants her results")
    second = log_call(services, None, caller_name="Cy Cole", number="3125550177",
                      started_at=at(MONDAY, 9, 25), outcome=CallOutcome.CALLBACK_NEEDED,
                      notes="billing question")
    log_call(services, desk.ann, caller_name="Ann Ames")  # resolved: not on the list
    tab = worklists_tab
    tab.load()
    assert tab.ui.lists_tabs.tabText(1) == "Callbacks (2)"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, CTRL)  # the next list
    assert tab.ui.lists_tabs.currentIndex() == 1
    page = tab.pages[1]
    tab.focus_main()
    assert column(page, "caller") == ["Ames, Ann", "Cy Cole"]
    assert current_id(page) == first.id

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)  # done
    assert shown_ids(page) == [second.id] and current_id(page) == second.id
    assert tab.ui.lists_tabs.tabText(1) == "Callbacks (1)"
    assert [c.id for c in services.chase.open_callbacks()] == [second.id]
    assert "Callback done: Ames, Ann" in tab.ui.summary_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Cy Cole is not a patient: said so
    assert tab.ui.step_error_label.text() == "Cy Cole is not a patient on file."


def test_the_lock_forgets_a_callers_name_said_beside_the_buttons(qtbot, worklists_tab, services):
    from tests.ui.privacy_support import patient_text_in_widgets

    leave_voicemail(services, caller_name="Bo Burr", patient_id=None)
    worklists_tab.load()
    worklists_tab.focus_main()
    worklists_tab.open_patient()  # a caller not on file: said beside the buttons
    assert "Bo Burr" in worklists_tab.ui.step_error_label.text()
    worklists_tab.clear()
    assert patient_text_in_widgets(["Bo Burr"], root=worklists_tab) == []


def test_the_next_column_says_declined_and_letter_sent_rather_than_due_now():
    from datetime import UTC, date, datetime
    from zoneinfo import ZoneInfo

    from vma_desk.core.chase import Attempt, Channel, ChaseState
    from vma_desk.ui.worklists.model import next_text

    zone = ZoneInfo("America/Chicago")
    now = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    today = date(2026, 3, 2)

    def state(outcome: Outcome, channel: Channel = Channel.PHONE) -> ChaseState:
        return ChaseState((Attempt(ChaseKind.RECALL, 1, now, channel, outcome),))

    assert next_text(state(Outcome.DECLINED), now, zone, today) == "Declined: mark done"
    assert next_text(state(Outcome.REACHED), now, zone, today) == "Reached: mark done"
    letter = next_text(state(Outcome.NO_ANSWER, Channel.LETTER), now, zone, today)
    assert letter.startswith("Letter sent") and letter.endswith("close when answered")
