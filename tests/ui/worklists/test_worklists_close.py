"""Closing a chase nobody could be reached for: on Confirmations and Follow-up calls, Ctrl+Shift+D
"Close as unreachable…" asks the reason and takes the row off (also off Today's confirmations);
before any attempt it is refused beside the buttons; Edit → Undo reopens it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.conftest import focused, reactivate
from tests.ui.test_undo_reopen import answer_reason
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    CTRL_SHIFT,
    MONDAY,
    at,
    current_id,
    desk_fixture,
    seen_thursday,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome

CONFIRMATIONS, FOLLOW_UP = 2, 5
WEDNESDAY = date(2026, 3, 4)


def test_a_confirmation_nobody_answers_is_closed_with_its_reason_and_undo_reopens_it(
        qtbot, services, clock, worklists_tab, desk):
    clock.current = at(date(2026, 2, 27), 9, 0)  # booked on the Friday before, for Wednesday
    visit, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", at(WEDNESDAY, 10, 0), 20),
                                      authorised_by="Dr Lee")
    clock.current = at(MONDAY, 9, 30)
    tab = worklists_tab
    undoable: list[tuple[str, object]] = []
    tab.sig_undoable.connect(lambda label, take_back: undoable.append((label, take_back)))
    tab.load()
    assert tab.ui.lists_tabs.tabText(CONFIRMATIONS) == "Confirmations (1)"
    tab.ui.lists_tabs.setCurrentIndex(CONFIRMATIONS)
    tab.focus_main()
    page = tab.pages[CONFIRMATIONS]
    assert current_id(page) == visit.id
    assert tab.ui.close_button.isVisible()
    assert tab.ui.close_button.text() == "Close as unreachable… (Ctrl+Shift+D)"
    assert "Ctrl+Shift+D close as unreachable" in tab.ui.summary_label.text()

    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)  # nothing tried yet: refused, the row stays
    assert tab.ui.step_error_label.isVisible()
    assert "Log the attempts made first" in tab.ui.step_error_label.text()
    assert shown_ids(page) == [visit.id]

    for hour in (8, 9):  # two calls, nobody answers
        services.chase.log_attempt(ChaseKind.CONFIRMATION, visit.id, channel=Channel.PHONE,
                                   outcome=Outcome.NO_ANSWER, at=at(MONDAY, hour, 0), patient_id=desk.ann.id)
    tab.load()
    page.view.setFocus()
    seen: list[str] = []
    answer_reason("no answer, mailbox full", seen)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)
    assert seen == ["Why is this chase closed (e.g. no answer after 3 calls, wrong number)? (Ames, Ann)"]
    reactivate(qtbot, tab)
    assert shown_ids(page) == [] and tab.ui.lists_tabs.tabText(CONFIRMATIONS) == "Confirmations"
    assert "Closed as unreachable: Ames, Ann" in tab.ui.summary_label.text()
    assert services.calendar.confirmation_worklist() == []  # Today and the Calendar's panel too
    assert services.calendar.get(visit.id).status is VisitStatus.UNCONFIRMED  # the visit itself is kept
    entry = services.audit.page(0, 1)[0]
    assert (entry.detail, entry.user) == ("closed as unreachable", "tester@desk")

    [(label, take_back)] = undoable  # Edit → Undo (the window's stack runs this)
    assert label == "close as unreachable (Ames, Ann)"
    _, change = take_back()
    tab.apply_change(change)
    assert shown_ids(page) == [visit.id]
    assert [a.id for a in services.calendar.confirmation_worklist()] == [visit.id]


def test_a_follow_up_call_on_a_wrong_number_is_closed_and_leaves_the_list(qtbot, services, clock,
                                                                           worklists_tab, desk):
    visit = seen_thursday(services, clock, desk)
    services.chase.log_attempt(ChaseKind.FOLLOW_UP, visit.id, channel=Channel.PHONE,
                               outcome=Outcome.WRONG_NUMBER, patient_id=desk.ann.id)
    tab = worklists_tab
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(FOLLOW_UP)
    tab.focus_main()
    page = tab.pages[FOLLOW_UP]
    assert current_id(page) == visit.id

    seen: list[str] = []
    answer_reason("wrong number, none other on file", seen)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)
    reactivate(qtbot, tab)
    assert seen and shown_ids(page) == []
    assert services.follow_up.due_calls() == []
    assert services.chase.closed(ChaseKind.FOLLOW_UP, [visit.id]) == {visit.id}


def test_lists_whose_own_step_ends_the_chase_have_no_close(qtbot, worklists_tab):
    tab = worklists_tab
    for index in (0, 1, 3, 4):  # Voicemail (Returned), Callbacks (Done), Recall (a letter), To rebook
        tab.ui.lists_tabs.setCurrentIndex(index)
        assert not tab.ui.close_button.isVisible() and not tab.close_action.isEnabled()
