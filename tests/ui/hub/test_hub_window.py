"""The patient hub in the window, as a VMA on a call uses it: the caller's call selected, Ctrl+K
offers them first, Enter opens their hub with their open loops and visits (audited as a record
viewed); Alt+B books for them, Alt+E edits the demographics; Enter on a worklist row opens the
row's patient's hub; the lock closes it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import dialog_of, no_dialog
from tests.ui.comms_support import (  # noqa: F401 - fixtures
    MONDAY,
    at,
    log_call,
    take_message,
    window_fixture,
)
from tests.ui.conftest import focused, reactivate, tab_of, type_keys
from tests.ui.test_main_window import visible_texts
from vma_desk.core.calendar import Appointment
from vma_desk.core.tasks import Task
from vma_desk.ui.calendar.booking import BookingDialog
from vma_desk.ui.calls.tab import CallsTab
from vma_desk.ui.hub.dialog import PatientHubDialog
from vma_desk.ui.patients.editor import PatientEditorDialog
from vma_desk.ui.patients.quick_open import QuickOpenDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _ann_on_a_call(window):
    services = window.services
    ann = services.patients.search("ames")[0]
    nurse = next(s for s in services.practice.staff() if s.name == "Nora Nurse")
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    take_message(services, nurse, patient_id=ann.id, reason="asks about a form")
    services.calendar.book(Appointment(ann.id, lee.id, "est", at(date(2026, 3, 4), 9, 0), 20))
    services.tasks.create(Task("Send the school form", at(MONDAY, 12, 0), assignee_role="vma",
                               patient_id=ann.id))
    call = log_call(services, ann)
    calls = tab_of(window, CallsTab)
    calls.load()
    window.tabs.setCurrentWidget(calls)
    calls.show_record(call.id)
    calls.view.setFocus()
    return ann


def test_from_a_call_ctrl_k_enter_opens_the_callers_hub_and_alt_b_books_for_them(qtbot, window):
    ann = _ann_on_a_call(window)
    entries = window.services.audit.count()
    qtbot.keyClick(focused(), Qt.Key.Key_K, CTRL)
    quick = dialog_of(qtbot, QuickOpenDialog)
    assert "Enter opens Ames, Ann" in quick.ui.status_label.text()
    type_keys(qtbot, Qt.Key.Key_Return)
    hub = dialog_of(qtbot, PatientHubDialog)
    ui = hub.ui
    assert ui.name_label.text() == "Ames, Ann · age 66 · born 01/01/1960"
    loops = [ui.loops_list.item(i).text() for i in range(ui.loops_list.count())]
    assert loops[0].startswith("Message (new) taken") and "for Nora Nurse" in loops[0]
    assert loops[1].startswith("Task: Send the school form · due") and loops[1].endswith("Any VMA")
    assert ui.loops_label.text() == "&Open loops (2)"
    visits = [ui.visits_list.item(i).text() for i in range(ui.visits_list.count())]
    assert visits == ["Next: Wed 03/04 9:00 AM · Established visit · Dana Lee, MD · Unconfirmed"]
    contacts = [ui.contacts_list.item(i).text() for i in range(ui.contacts_list.count())]
    assert contacts[0].startswith("Call") and "appointment" in contacts[0]
    opened = [e for e in window.services.audit.page(0, 5) if e.action.value == "open"]
    assert [(e.record_type, e.record_id, e.detail) for e in opened][:1] == [("patient", str(ann.id), "hub")]
    assert window.services.audit.count() > entries

    qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: no_dialog(PatientHubDialog))
    booking = dialog_of(qtbot, BookingDialog)
    assert booking.ui.patient_picker.patient_id() == ann.id
    booking.reject()


def test_alt_e_in_the_hub_edits_the_demographics_and_escape_closes(qtbot, window):
    ann = _ann_on_a_call(window)
    hub = window.open_patient_hub(ann.id)
    assert hub is not None
    reactivate(qtbot, hub)
    qtbot.keyClick(focused(), Qt.Key.Key_E, ALT)
    editor = dialog_of(qtbot, PatientEditorDialog)
    editor.reject()
    hub = window.open_patient_hub(ann.id)
    reactivate(qtbot, hub)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: no_dialog(PatientHubDialog))


def test_the_lock_closes_the_hub(qtbot, window):
    ann = _ann_on_a_call(window)
    window.open_patient_hub(ann.id)
    assert "Send the school form" in visible_texts()
    window.lock()
    assert "Send the school form" not in visible_texts()
    reactivate(qtbot, window)


def test_make_a_task_from_a_call_links_the_call_and_alt_s_in_the_hub_makes_one_for_the_patient(
        qtbot, window):
    from vma_desk.ui.staff_tasks.dialog import TaskDialog

    ann = _ann_on_a_call(window)
    qtbot.keyClick(focused(), Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = dialog_of(qtbot, TaskDialog)
    assert dialog.link is not None and dialog.link[0].value == "call"
    assert dialog.ui.about_text.text().startswith("Call")
    dialog.reject()
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))

    hub = window.open_patient_hub(ann.id)
    reactivate(qtbot, hub)
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: no_dialog(PatientHubDialog))
    dialog = dialog_of(qtbot, TaskDialog)
    type_keys(qtbot, "Mail the immunisation record")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: no_dialog(TaskDialog))
    made = [t for t in window.services.tasks.of_patient(ann.id) if t.title == "Mail the immunisation record"]
    assert len(made) == 1


def test_from_todays_visit_ctrl_k_offers_its_patient_and_a_task_links_the_visit(qtbot, window):
    from vma_desk.ui.staff_tasks.dialog import TaskDialog
    from vma_desk.ui.today.tab import TodayTab

    services = window.services
    ann = services.patients.search("ames")[0]
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    visit, _ = services.calendar.book(Appointment(ann.id, lee.id, "est", at(MONDAY, 14, 0), 20))
    today = tab_of(window, TodayTab)
    window.tabs.setCurrentWidget(today)
    today.load()
    today.focus_main()
    assert today.current_record() == (today._LINKABLE["appointment"], visit.id)
    qtbot.keyClick(focused(), Qt.Key.Key_K, CTRL)
    quick = dialog_of(qtbot, QuickOpenDialog)
    assert "Enter opens Ames, Ann" in quick.ui.status_label.text()
    quick.reject()
    qtbot.waitUntil(lambda: no_dialog(QuickOpenDialog))
    reactivate(qtbot, window)
    today.focus_main()
    qtbot.keyClick(focused(), Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    task = dialog_of(qtbot, TaskDialog)
    assert task.link == (today._LINKABLE["appointment"], visit.id)
    task.reject()
