"""The visit dialog's "Follow-up call after the visit": checked by keys (Alt+F, or Tab to it and
Space) and saved with the visit on Save, audited under the VMA's name; once the patient has arrived
the call falls due two business days later on the Follow-up calls worklist. A type that calls after
every visit shows it checked and greyed out, saying why; a mark refused by the service (the visit
cancelled meanwhile at another desk) is said beside it with nothing saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    at,
    book_fixture,
    dialog_of,
    no_dialog,
    open_visit,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, type_keys
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.follow_up import FollowUpAnswers
from vma_desk.core.records import AuditAction, RecordKind
from vma_desk.ui.calendar.appointment import AppointmentDialog

MONDAY = date(2026, 3, 2)  # today: the clock stands at 9:30
WEDNESDAY = date(2026, 3, 4)
ENTER = Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier


def save(qtbot, dialog: AppointmentDialog) -> None:
    with qtbot.waitSignal(dialog.finished):
        type_keys(qtbot, ENTER)


def test_call_after_checked_by_keys_then_arrived_is_due_two_business_days_later(
        qtbot, services, clock, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["lee"], at(MONDAY, 9, 0))  # an established visit: no call
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["lee"])
    check = dialog.ui.call_after_check
    assert check.text() == "&Follow-up call after the visit"
    assert check.isVisible() and check.isEnabled() and not check.isChecked()
    assert not dialog.ui.call_after_note.isVisible()
    assert "falls due 2 business days after it" in check.toolTip()
    assert "checked and greyed out" in check.toolTip()

    qtbot.keyClick(focused(), Qt.Key.Key_F, ALT)  # the mnemonic checks it and takes the focus
    qtbot.waitUntil(check.isChecked)
    assert focused() is check
    with qtbot.waitSignal(tab.sig_changed) as sent:  # the change goes on to the window
        save(qtbot, dialog)
    assert no_dialog(AppointmentDialog)
    change = sent.args[0]
    assert (change.kind, change.action, change.ids) == (RecordKind.APPOINTMENT, AuditAction.UPDATE,
                                                         (visit.id,))
    assert services.calendar.get(visit.id).call_after
    entry = services.audit.page()[0]
    assert (entry.user, entry.record_id, entry.detail) == ("tester@desk", str(visit.id), "call after: on")

    # the patient arrives: from the status combo, Tab goes to the mark, already checked
    dialog = open_visit(qtbot, tab, visit, staff["lee"])
    assert dialog.ui.call_after_check.isChecked()
    dialog.ui.status_combo.setFocus()
    type_keys(qtbot, "Arr", Qt.Key.Key_Tab)
    assert focused() is dialog.ui.call_after_check
    save(qtbot, dialog)
    assert services.calendar.get(visit.id).status is VisitStatus.ARRIVED
    assert services.follow_up.due_calls() == []  # not yet: due Wednesday 8:00

    clock.current = at(WEDNESDAY, 7, 59)
    assert services.follow_up.due_calls() == []
    clock.current = at(WEDNESDAY, 8, 0)
    due = services.follow_up.due_calls()
    assert [(c.appointment_id, c.due_at) for c in due] == [(visit.id, at(WEDNESDAY, 8, 0))]


def test_space_takes_the_mark_off_and_a_done_call_shows_it_greyed_out(
        qtbot, services, clock, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["roe"], at(MONDAY, 9, 0))
    services.follow_up.set_call_after(visit.id, True)
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    dialog.ui.status_combo.setFocus()
    type_keys(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.ui.call_after_check and dialog.ui.call_after_check.isChecked()
    type_keys(qtbot, Qt.Key.Key_Space)
    assert not dialog.ui.call_after_check.isChecked()
    save(qtbot, dialog)
    assert not services.calendar.get(visit.id).call_after
    assert services.audit.page()[0].detail == "call after: off"

    # marked again, arrived and called: the mark is no longer the VMA's to change
    services.follow_up.set_call_after(visit.id, True)
    services.calendar.set_status(visit.id, VisitStatus.ARRIVED)
    clock.current = at(WEDNESDAY, 9, 0)
    _call, change, _message = services.follow_up.record_answers(visit.id, FollowUpAnswers(understood=True))
    tab.apply_change(change)  # as the window sends it on
    dialog = open_visit(qtbot, tab, visit, staff["roe"])
    check, note = dialog.ui.call_after_check, dialog.ui.call_after_note
    assert check.isChecked() and not check.isEnabled()
    assert note.isVisible()
    assert note.text() == "Its follow-up call is done: answers recorded Wed 03/04 9:00 AM by tester@desk."
    assert check.toolTip() == note.text()
    assert dialog.changed_parts() == []
    dialog.close()


def test_a_type_that_calls_after_every_visit_shows_it_checked_and_greyed_out(
        qtbot, services, tab, staff, add_patient, book):
    types = [replace(t, follow_up_days=3) if t.code == "proc" else t
             for t in services.calendar.types(include_inactive=True)]
    tab.apply_change(services.calendar.save_settings(types, services.calendar.notice_hours()))
    visit = book(add_patient().id, staff["lee"], at(MONDAY, 14, 0), type_code="proc", minutes=45)
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["lee"])
    check, note = dialog.ui.call_after_check, dialog.ui.call_after_note
    assert check.isChecked() and not check.isEnabled()
    assert note.isVisible() and note.text() == (
        "Every Procedure visit gets a follow-up call 3 business days after it "
        "(Practice settings, Appointment types).")
    assert check.toolTip() == note.text()
    assert dialog.changed_parts() == []
    save(qtbot, dialog)
    assert not services.calendar.get(visit.id).call_after  # nothing to save: its type calls anyway


def test_a_mark_refused_by_the_service_is_said_beside_it_and_nothing_is_saved(
        qtbot, services, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["lee"], at(MONDAY, 15, 0))
    tab.go_to(MONDAY)
    dialog = open_visit(qtbot, tab, visit, staff["lee"])
    # meanwhile, at another desk
    services.calendar.cancel(visit.id, reason="Patient request", authorised_by="front desk")
    qtbot.keyClick(focused(), Qt.Key.Key_F, ALT)
    qtbot.waitUntil(dialog.ui.call_after_check.isChecked)
    type_keys(qtbot, ENTER)
    assert dialog.isVisible()
    assert dialog.ui.call_after_error.isVisible()
    assert dialog.ui.call_after_error.text() == "Follow-up call: this visit is cancelled."
    assert not services.calendar.get(visit.id).call_after
    dialog.close()
