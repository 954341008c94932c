"""The Tasks list of the Worklists tab, by keys: a task made from a referral for "Any VMA" is under
My tasks for a signed-in VMA, not under the manager's but under Team; Overdue shows only those past
their time; Ctrl+D marks one done (a weekly one comes back a week later); Ctrl+Shift+D cancels
with the reason asked for; Alt+N makes a task; Ctrl+Enter edits one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, reactivate, type_keys
from tests.ui.test_undo_reopen import answer_reason
from tests.ui.worklists.support import (  # noqa: F401 - fixtures
    ALT,
    CTRL,
    CTRL_SHIFT,
    MONDAY,
    at,
    column,
    desk_fixture,
    shown_ids,
    worklists_tab_fixture,
)
from vma_desk.core.records import RecordKind
from vma_desk.core.referrals import Referral
from vma_desk.core.tasks import Task, TaskState
from vma_desk.core.users import UserRole
from vma_desk.ui.staff_tasks.dialog import TaskDialog, make_task

TASKS = 6


def _people(services):
    mia, _ = services.users.create_first("Mia Manager", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    services.users.sign_in(ben.id, "246802")
    return mia, ben


def _show_tasks(tab):
    tab.load()
    tab.ui.lists_tabs.setCurrentIndex(TASKS)
    tab.focus_main()
    return tab.pages[TASKS]


def test_a_task_on_a_referral_is_under_my_tasks_for_a_vma_and_under_team_for_the_manager(
        qtbot, services, clock, desk, worklists_tab):
    mia, _ben = _people(services)
    referral, _ = services.referrals.create(Referral(
        patient_id=desk.ann.id, referring_provider_id=desk.lee.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="abnormal stress test", created_at=clock.now()))
    tab = worklists_tab
    made = make_task(tab.context, tab, link=(RecordKind.REFERRAL, referral.id))  # "Make a task…"
    assert dialog_of(qtbot, TaskDialog) is made
    type_keys(qtbot, "Chase the cardiology appointment date", Qt.Key.Key_Tab, "any v", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    reactivate(qtbot, tab)

    page = _show_tasks(tab)
    panel = tab.ui.lists_tabs.currentWidget()
    assert panel.shown_combo.currentText() == "My tasks"
    [task] = services.tasks.open_tasks()
    assert shown_ids(page) == [task.id]
    assert column(page, "task") == ["Chase the cardiology appointment date"]
    assert column(page, "for") == ["Any VMA"] and column(page, "about") == ["Referral · Ames, Ann"]
    assert column(page, "due") == ["10:00 AM"] and column(page, "next") == ["Due Today 10:00 AM"]
    assert tab.ui.lists_tabs.tabText(TASKS) == "Tasks"  # not due yet: quiet

    services.users.sign_in(mia.id, "135790")  # the manager: not hers, but the team's
    tab.load()
    assert shown_ids(page) == []
    tab.focus_main()
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)
    assert focused() is panel.shown_combo
    type_keys(qtbot, "t")
    assert panel.shown_combo.currentText() == "Team" and shown_ids(page) == [task.id]


def test_overdue_shows_only_those_past_their_time(qtbot, services, desk, worklists_tab):
    late, _ = services.tasks.create(Task("Call back the lab", at(MONDAY, 8, 0), assignee_role="clinical"))
    later, _ = services.tasks.create(Task("Fax the form", at(MONDAY, 15, 0), assignee_role="front_desk"))
    tab = worklists_tab
    page = _show_tasks(tab)
    panel = tab.ui.lists_tabs.currentWidget()
    assert panel.shown_combo.currentText() == "Team"  # nobody signed in
    assert shown_ids(page) == [late.id, later.id]
    assert column(page, "next") == ["Overdue: Today 8:00 AM", "Due Today 3:00 PM"]
    assert tab.ui.lists_tabs.tabText(TASKS) == "Tasks (1)"
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)
    type_keys(qtbot, "o")
    assert panel.shown_combo.currentText() == "Overdue" and shown_ids(page) == [late.id]


def test_done_by_ctrl_d_and_a_weekly_task_comes_back_a_week_later(qtbot, services, desk, worklists_tab):
    weekly, _ = services.tasks.create(Task("Send the recall letters", at(MONDAY, 9, 0), assignee_role="vma",
                                           rrule="FREQ=WEEKLY;BYDAY=MO"))
    tab = worklists_tab
    page = _show_tasks(tab)
    assert shown_ids(page) == [weekly.id] and column(page, "repeats") == ["Every week on Monday"]
    assert tab.ui.done_button.text() == "Done (Ctrl+D)"
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL)

    assert services.tasks.get(weekly.id).state is TaskState.DONE
    [following] = services.tasks.open_tasks()
    assert shown_ids(page) == [following.id] and column(page, "due") == ["Mon 03/09 9:00 AM"]
    assert "Done: Send the recall letters" in tab.ui.summary_label.text()
    panel = tab.ui.lists_tabs.currentWidget()
    assert panel.said_label.text() == "“Send the recall letters” comes back Mon 03/09 9:00 AM."


def test_cancel_asks_a_reason_and_the_task_leaves(qtbot, services, desk, worklists_tab):
    task, _ = services.tasks.create(Task("Fax the form", at(MONDAY, 9, 0), assignee_role="front_desk"))
    tab = worklists_tab
    page = _show_tasks(tab)
    seen: list[str] = []
    answer_reason("the patient brought it in", seen)
    qtbot.keyClick(focused(), Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(seen))
    reactivate(qtbot, tab)
    assert seen == ["Why is this task cancelled? (Fax the form)"]
    cancelled = services.tasks.get(task.id)
    assert cancelled.state is TaskState.CANCELLED and cancelled.cancel_reason == "the patient brought it in"
    assert shown_ids(page) == []
    assert "Cancelled: Fax the form" in tab.ui.summary_label.text()  # the tab says it, as for any step
    assert tab.ui.close_button.text() == "Cancel task… (Ctrl+Shift+D)"


def test_alt_n_makes_a_task_and_ctrl_enter_edits_it(qtbot, services, desk, worklists_tab):
    tab = worklists_tab
    page = _show_tasks(tab)
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    dialog = dialog_of(qtbot, TaskDialog)
    type_keys(qtbot, "Order toner", Qt.Key.Key_Tab, "fran", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    reactivate(qtbot, tab)
    [task] = services.tasks.open_tasks()
    assert task.assignee_staff_id == desk.front.id
    assert shown_ids(page) == [task.id] and column(page, "for") == ["Fran Front"]

    page.view.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    dialog = dialog_of(qtbot, TaskDialog)
    assert dialog.windowTitle() == "Edit task" and dialog.ui.title_edit.text() == "Order toner"
    dialog.ui.title_edit.selectAll()
    type_keys(qtbot, "Order toner and paper", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    reactivate(qtbot, tab)
    assert column(page, "task") == ["Order toner and paper"]
    assert services.tasks.get(task.id).title == "Order toner and paper"


def test_a_task_opened_from_today_for_someone_else_is_shown_in_the_team_list_selected(
        qtbot, services, desk, worklists_tab):
    _people(services)  # Ben, a VMA, signed in: his list starts on My tasks
    theirs, _ = services.tasks.create(Task("Call the lab about the missing CBC", at(MONDAY, 9, 0),
                                           assignee_staff_id=desk.nurse.id))
    mine, _ = services.tasks.create(Task("Send the recall letters", at(MONDAY, 9, 0), assignee_role="vma"))
    tab = worklists_tab
    page = _show_tasks(tab)
    assert shown_ids(page) == [mine.id]
    assert tab.open_record("task", theirs.id)  # Enter on Today's row, or the handoff's
    assert page.current() is not None and page.current().record_id == theirs.id
    assert not tab.ui.step_error_label.isVisible()
    assert set(shown_ids(page)) == {mine.id, theirs.id}
    assert page.widget.findChild(type(page.widget.shown_combo)).currentText() == "Team"


def test_ctrl_d_done_is_taken_back_by_undo(qtbot, services, desk, worklists_tab):
    task, _ = services.tasks.create(Task("Fax the form", at(MONDAY, 9, 0), assignee_role="vma"))
    tab = worklists_tab
    undoable: list[tuple[str, object]] = []
    tab.sig_undoable.connect(lambda label, take_back: undoable.append((label, take_back)))
    page = _show_tasks(tab)
    qtbot.keyClick(page.view, Qt.Key.Key_D, CTRL)
    assert services.tasks.get(task.id).state is TaskState.DONE
    [(label, take_back)] = undoable
    assert label == "done (Fax the form)"
    take_back()
    assert services.tasks.get(task.id).state is TaskState.OPEN
