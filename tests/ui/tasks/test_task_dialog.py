"""The task form, by keys: made from a referral (the record it is about shown, its patient kept),
the title typed, who it is for chosen by typing, Enter saves; a blank title refused beside the
field with nothing saved; a due time already past warned about and saved; a repeat chosen by
keys, a custom rule VMA Desk does not understand refused beside it; a task edited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.conftest import focused, type_keys
from tests.ui.worklists.support import MONDAY, at, desk_fixture  # noqa: F401 - fixtures
from vma_desk.core.records import RecordKind
from vma_desk.core.referrals import Referral
from vma_desk.core.tasks import Task
from vma_desk.core.users import UserRole
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.shared.form import show_dialog
from vma_desk.ui.staff_tasks.dialog import TaskDialog, make_task


def _referral(services, clock, desk) -> Referral:
    referral, _ = services.referrals.create(Referral(
        patient_id=desk.ann.id, referring_provider_id=desk.lee.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="abnormal stress test", created_at=clock.now()))
    return referral


def _sign_in_vma(services):
    services.users.create_first("Mia Manager", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    services.users.sign_in(ben.id, "246802")
    return ben


def _open(qtbot, services, **given) -> TaskDialog:
    make_task(TabContext(services), None, **given)
    return dialog_of(qtbot, TaskDialog)


def test_a_task_made_from_a_referral_by_keys(qtbot, services, clock, desk):
    ben = _sign_in_vma(services)
    referral = _referral(services, clock, desk)
    saved = []
    dialog = _open(qtbot, services, link=(RecordKind.REFERRAL, referral.id))
    dialog.sig_saved.connect(lambda task, change: saved.append((task, change)))
    ui = dialog.ui
    assert dialog.windowTitle() == "New task"
    assert ui.about_text.text() == "Referral: Cardiology for Ames, Ann" and ui.about_text.isVisible()
    assert ui.due_edit.text() == "03/02/2026 10:00 AM"  # the next full hour, practice time
    assert ui.assignee_combo.currentText() == "Me (Ben Ortiz)"
    assert [ui.assignee_combo.itemText(i) for i in range(1, 4)] == [
        "Mia Manager", "Dana Lee, MD", "Fran Front"]
    assert ui.repeat_combo.currentText() == "Does not repeat" and not ui.rule_edit.isVisible()
    assert focused() is ui.title_edit and not ui.due_warning.isVisible()

    type_keys(qtbot, "Chase the cardiology appointment date", Qt.Key.Key_Tab, "any v", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))

    task, change = saved[0]
    assert change.kind is RecordKind.TASK and change.ids == (task.id,)
    stored = services.tasks.get(task.id)
    assert (stored.title, stored.assignee_role, stored.link_kind, stored.link_id, stored.patient_id) == (
        "Chase the cardiology appointment date", "vma", RecordKind.REFERRAL, referral.id, desk.ann.id)
    assert stored.due_at == at(MONDAY, 10, 0) and stored.created_by == "Ben Ortiz"
    assert [t.id for t in services.tasks.mine()] == [task.id]
    assert ben.id is not None


def test_a_blank_title_is_refused_beside_it_and_nothing_is_saved(qtbot, services, desk):
    dialog = _open(qtbot, services)
    ui = dialog.ui
    assert ui.assignee_combo.currentText() == "Dana Lee, MD"  # nobody signed in: no "Me"
    assert not ui.about_text.isVisible()
    type_keys(qtbot, "   ", Qt.Key.Key_Return)
    assert dialog.isVisible() and ui.title_error.isVisible()
    assert ui.title_error.text() == "Title: Say what is to be done."
    assert focused() is ui.title_edit
    assert services.tasks.open_tasks() == []
    type_keys(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    assert services.tasks.open_tasks() == []


def test_a_due_time_already_past_warns_and_still_saves(qtbot, services, desk):
    dialog = _open(qtbot, services)
    ui = dialog.ui
    type_keys(qtbot, "Call back the lab", Qt.Key.Key_Tab, "any n", Qt.Key.Key_Tab)
    assert focused() is ui.due_edit
    ui.due_edit.setDateTime(ui.due_edit.dateTime().addSecs(-2 * 3600))  # 8:00 AM, before 9:30
    assert ui.due_edit.text() == "03/02/2026 8:00 AM"
    assert ui.due_warning.isVisible()
    assert ui.due_warning.text() == "This is already past due: the task will show as overdue."
    type_keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    [task] = services.tasks.overdue()
    assert task.title == "Call back the lab" and task.assignee_role == "clinical"
    assert task.due_at == at(MONDAY, 8, 0)


def test_a_repeat_chosen_by_keys_and_a_custom_rule_refused_beside_it(qtbot, services, desk):
    dialog = _open(qtbot, services)
    ui = dialog.ui
    type_keys(qtbot, "Send the recall letters", Qt.Key.Key_Tab, "any v", Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert focused() is ui.repeat_combo
    assert ui.repeat_combo.itemText(2) == "Every week on Monday"
    type_keys(qtbot, "c")  # "Custom rule…": its field shows
    assert ui.repeat_combo.currentText() == "Custom rule…" and ui.rule_edit.isVisible()
    type_keys(qtbot, Qt.Key.Key_Tab, "SOMETIMES", Qt.Key.Key_Return)
    assert dialog.isVisible() and ui.rrule_error.isVisible()
    assert "not one VMA Desk understands" in ui.rrule_error.text() and focused() is ui.rule_edit
    assert services.tasks.open_tasks() == []

    ui.repeat_combo.setFocus()
    type_keys(qtbot, "every week ")
    assert ui.repeat_combo.currentText() == "Every week on Monday" and not ui.rule_edit.isVisible()
    type_keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    [task] = services.tasks.open_tasks()
    assert task.rrule == "FREQ=WEEKLY;BYDAY=MO"


def test_a_task_edited_keeps_its_link_and_says_its_repeat(qtbot, services, clock, desk):
    referral = _referral(services, clock, desk)
    task, _ = services.tasks.create(Task("Fax the referral", at(MONDAY, 11, 0),
                                         assignee_staff_id=desk.front.id, link_kind=RecordKind.REFERRAL,
                                         link_id=referral.id, rrule="FREQ=WEEKLY;INTERVAL=2"))
    show_dialog(TaskDialog(TabContext(services), None, task=task))
    dialog = dialog_of(qtbot, TaskDialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "Edit task"
    assert (ui.title_edit.text(), ui.assignee_combo.currentText(), ui.due_edit.text(),
            ui.repeat_combo.currentText()) == ("Fax the referral", "Fran Front", "03/02/2026 11:00 AM",
                                               "Every 2 weeks")
    assert ui.about_text.text() == "Referral: Cardiology for Ames, Ann"
    ui.title_edit.setFocus()
    ui.title_edit.selectAll()
    type_keys(qtbot, "Fax the referral again", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    stored = services.tasks.get(task.id)
    assert stored.title == "Fax the referral again" and stored.link_id == referral.id
    assert stored.assignee_staff_id == desk.front.id and stored.rrule == "FREQ=WEEKLY;INTERVAL=2"


def test_a_task_made_about_a_patient_says_so_and_links_them(qtbot, services, desk):
    dialog = _open(qtbot, services, patient_id=desk.ann.id)  # the patient's hub
    assert dialog.ui.about_text.text() == "Patient: Ames, Ann"
    type_keys(qtbot, "Mail the immunisation record", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    [task] = services.tasks.of_patient(desk.ann.id)
    assert (task.link_kind, task.link_id, task.patient_id) == (RecordKind.PATIENT, desk.ann.id, desk.ann.id)


def test_a_new_tasks_due_time_starts_within_the_business_day(services):
    from datetime import date

    from vma_desk.ui.staff_tasks.dialog import default_due

    context = TabContext(services)
    assert default_due(at(MONDAY, 9, 30), context) == at(MONDAY, 10, 0)
    assert default_due(at(MONDAY, 6, 30), context) == at(MONDAY, 8, 0)  # before opening: at opening
    assert default_due(at(MONDAY, 17, 30), context) == at(date(2026, 3, 3), 8, 0)  # after closing
    assert default_due(at(date(2026, 3, 7), 11, 0), context) == at(date(2026, 3, 9), 8, 0)  # a Saturday
