"""The Recall and To rebook worklists in the Worklists tab: a patient with a care gap due and no
visit booked is listed as due (never advice), a missed visit is listed with its reason and the
patient's no-shows; an attempt logged on either goes through the same Log attempt dialog, and
"Won't rebook" asks its reason before the row leaves the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.test_undo_reopen import answer_reason
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    CTRL,
    CTRL_SHIFT,
    MONDAY,
    at,
    column,
    current_id,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import ChaseKind, Outcome
from vma_desk.core.records import CareGap, Patient, Phone
from vma_desk.ui.shared.attempt import LogAttemptDialog

RECALL, REBOOK = 3, 4


def test_a_patient_due_for_care_is_on_recall_and_an_attempt_quiets_the_row(
        qtbot, services, worklists_tab, desk):
    cole, _ = services.patients.create(Patient("Cy", "Cole", date(1958, 6, 1), phones=(Phone("3125550177"),),
                                               care_gaps=(CareGap("Mammogram", date(2026, 1, 15)),)))
    tab = worklists_tab
    tab.load()
    assert tab.ui.lists_tabs.tabText(RECALL) == "Recall (1)"
    tab.ui.lists_tabs.setCurrentIndex(RECALL)
    tab.focus_main()
    page = tab.pages[RECALL]
    assert column(page, "patient") == ["Cole, Cy"]
    assert column(page, "gaps") == ["Mammogram"]
    assert column(page, "due") == ["Overdue 01/15/2026"]
    assert column(page, "phone") == ["(312) 555-0177"]

    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL_SHIFT)
    dialog = dialog_of(qtbot, LogAttemptDialog)
    assert dialog.ui.about_label.text() == "Recall: Cole, Cy"
    type_keys(qtbot, "l", Qt.Key.Key_Return)  # left voicemail
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))
    assert column(page, "attempts") == ["1 attempt · last: left voicemail 09:30"]
    assert column(page, "next") == ["Quiet until Tomorrow 9:30 AM"]
    assert tab.ui.lists_tabs.tabText(RECALL) == "Recall"
    [attempt] = services.chase.attempts(ChaseKind.RECALL, cole.id)
    assert attempt.outcome is Outcome.LEFT_VOICEMAIL and attempt.patient_id == cole.id


def test_a_no_show_is_on_to_rebook_until_wont_rebook_with_its_reason(qtbot, services, clock, worklists_tab,
                                                                     desk):
    start = at(MONDAY, 8, 0)
    clock.current = at(date(2026, 2, 27), 9, 0)  # booked on the Friday before
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", start, 20),
                                      authorised_by="Dr Lee")
    clock.current = at(MONDAY, 8, 30)
    services.calendar.set_status(visit.id, VisitStatus.NO_SHOW)
    clock.current = at(MONDAY, 9, 30)
    tab = worklists_tab
    tab.load()
    assert tab.ui.lists_tabs.tabText(REBOOK) == "To rebook (1)"
    tab.ui.lists_tabs.setCurrentIndex(REBOOK)
    tab.focus_main()
    page = tab.pages[REBOOK]
    assert shown_ids(page) == [visit.id] and current_id(page) == visit.id
    assert column(page, "reason") == ["no-show"] and column(page, "no_shows") == ["1"]
    assert column(page, "missed") == ["8:00 AM"]
    assert tab.ui.done_button.text() == "Won't rebook… (Ctrl+D)"

    seen: list[str] = []
    answer_reason("moved out of state", seen)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)
    assert seen == ["Why is this visit not to be rebooked? (Ames, Ann)"]
    reactivate(qtbot, tab)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(REBOOK) == "To rebook"
    assert "Won't rebook: Ames, Ann" in tab.ui.summary_label.text()
    decision = services.rebooking.decision(visit.id)
    assert decision is not None and decision.reason == "moved out of state"
