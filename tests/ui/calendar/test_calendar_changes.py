"""Changing the schedule: move by drag, cancel (late) with a reason, offer the freed slot to the
waitlist and book one in one action, record a call or an eligibility check, and the worklists."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    TUESDAY,
    at,
    book_fixture,
    cancel_by_keys,
    day_visits,
    dialog_of,
    no_dialog,
    select,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.core.calendar import Eligibility, EligibilityStatus, VisitStatus, WaitlistEntry
from vma_desk.core.records import ContactMethod
from vma_desk.ui.calendar.appointment import AppointmentDialog
from vma_desk.ui.calendar.cancel import CancelDialog
from vma_desk.ui.calendar.lists import RECORD_ROLE
from vma_desk.ui.calendar.move import MoveDialog
from vma_desk.ui.calendar.proposals import ProposalsDialog

ENTER = Qt.Key.Key_Return
WEDNESDAY = date(2026, 3, 4)


def drop(tab, visit, moment, provider) -> None:
    """Drop `visit` on the cell of `moment` for `provider`, as the view does at the end of a drag."""
    model = tab.model
    mime = model.mimeData([model.index_of(visit.id)])
    target = model.index_at(moment, provider.id)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    # the drop only asks: nothing is moved until the move is confirmed
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)


def rows(model) -> list:
    return [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount(QModelIndex()))]


def test_reschedule_by_drag_to_another_time_and_provider(qtbot, services, tab, staff, add_patient,
                                                         book):
    visit = book(add_patient().id, staff["lee"], at(TUESDAY, 9, 0))
    tab.refresh()
    drop(tab, visit, at(TUESDAY, 11, 30), staff["roe"])
    dialog = dialog_of(qtbot, MoveDialog)
    assert dialog.ui.summary_label.text() == (
        "Move O'Neil, Ann (Established visit)\n"
        "from Tue 03/03 9:00-9:20 AM with Dana Lee, MD\n"
        "to Tue 03/03 11:30-11:50 AM with Sam Roe, DO")
    with qtbot.waitSignal(dialog.sig_moved):
        type_keys(qtbot, ENTER)
    assert day_visits(services, staff["lee"], TUESDAY) == []
    [moved] = day_visits(services, staff["roe"], TUESDAY)
    assert (moved.id, moved.start, moved.authorised_by) == (visit.id, at(TUESDAY, 11, 30), "tester@desk")
    assert tab.model.index_at(at(TUESDAY, 11, 30), staff["roe"].id).data(RECORD_ROLE) == moved
    assert tab.view.currentIndex() == tab.model.index_of(visit.id)


def test_a_drag_onto_lunch_is_refused_unless_overridden(qtbot, services, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["lee"], at(TUESDAY, 9, 0))
    tab.refresh()
    drop(tab, visit, at(TUESDAY, 12, 0), staff["lee"])
    dialog = dialog_of(qtbot, MoveDialog)
    dialog.ui.button_box.accepted.emit()
    approval = dialog.ui.approval_panel
    assert "Dana Lee, MD has Lunch 12:00-13:00." in approval.conflicts_label.text()
    assert day_visits(services, staff["lee"], TUESDAY)[0].start == at(TUESDAY, 9, 0)
    approval.override_check.setChecked(True)
    approval.override_reason_edit.setText("Patient can only come at noon")
    with qtbot.waitSignal(dialog.sig_moved):
        dialog.ui.button_box.accepted.emit()
    [moved] = day_visits(services, staff["lee"], TUESDAY)
    assert (moved.start, moved.override_reason) == (at(TUESDAY, 12, 0), "Patient can only come at noon")


def test_cancel_late_with_a_reason(qtbot, services, tab, staff, add_patient, book):
    # now is Monday 9:30; Tuesday 9:00 is 23.5 hours away, inside the 24-hour notice window
    visit = book(add_patient().id, staff["lee"], at(TUESDAY, 9, 0))
    tab.refresh()
    select(tab, visit.start, staff["lee"])
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    dialog = dialog_of(qtbot, CancelDialog)
    assert dialog.ui.late_label.isVisible()
    assert dialog.ui.late_label.text().startswith("Late cancellation: less than 24 hours")
    assert focused() is dialog.ui.reason_combo
    type_keys(qtbot, ENTER)  # no reason yet
    assert dialog.ui.reason_error.text() == "Reason is required."
    assert day_visits(services, staff["lee"], TUESDAY)[0].status is VisitStatus.UNCONFIRMED
    type_keys(qtbot, "Car broke down")
    with qtbot.waitSignal(dialog.sig_cancelled):
        type_keys(qtbot, ENTER)
    cancelled = services.calendar.get(visit.id)
    assert cancelled.status is VisitStatus.CANCELLED
    assert (cancelled.cancel_reason, cancelled.late_cancel) == ("Car broke down", True)
    assert not tab.model.index_of(visit.id).isValid()  # the slot is free again
    assert "(late cancellation)" in tab.ui.summary_label.text()


def test_a_cancellation_with_notice_is_not_late(qtbot, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["lee"], at(WEDNESDAY, 9, 0))
    dialog = tab.open_cancel(visit)
    assert not dialog.late and dialog.ui.late_label.isHidden()
    dialog.close()


def test_a_cancelled_slot_is_offered_to_the_waitlist_and_booked_in_one_action(
        qtbot, services, tab, staff, add_patient, book):
    ann = add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    cy = add_patient(first_name="Cy", last_name="Young", insurance=None, care_gaps=())
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", at(TUESDAY, 0)))
    services.calendar.add_to_waitlist(WaitlistEntry(cy.id, "est", at(TUESDAY, 0),
                                                    provider_id=staff["roe"].id))  # wrong provider
    visit = book(ann.id, staff["lee"], at(WEDNESDAY, 10, 0))
    tab.go_to(WEDNESDAY)
    offer = cancel_by_keys(qtbot, tab, visit, staff["lee"])
    assert offer.ui.slot_label.text() == "Offer this slot to: Wed 03/04 10:00 AM · Dana Lee, MD (20 min)"
    [line] = [offer.model.index(r).data() for r in range(offer.model.rowCount())]
    assert line.startswith("Smith, Bob · Established visit")
    assert "Wants weekdays 7:00 AM-7:00 PM, any provider" in line
    with qtbot.waitSignal(offer.sig_booked):
        type_keys(qtbot, ENTER)
    [taken] = [a for a in day_visits(services, staff["lee"], WEDNESDAY) if a.status.holds_slot]
    assert (taken.patient_id, taken.start, taken.type_code) == (bob.id, at(WEDNESDAY, 10, 0), "est")
    assert [e.patient_id for e in services.calendar.waitlist()] == [cy.id]  # Bob left the list
    assert tab.model.index_of(taken.id).data().startswith("10:00 AM  Smith, Bob")
    assert [e.patient_id for e in rows(tab.side_panel.waitlist)] == [cy.id]


def test_nobody_waiting_means_no_offer(qtbot, services, tab, staff, add_patient, book):
    visit = book(add_patient().id, staff["lee"], at(WEDNESDAY, 10, 0))
    dialog = tab.open_cancel(visit)
    dialog.ui.reason_combo.setCurrentText("Weather")
    with qtbot.waitSignal(dialog.sig_cancelled):
        dialog.ui.button_box.accepted.emit()
    assert no_dialog(ProposalsDialog)


def test_worklists_show_exactly_the_visits_due(qtbot, services, clock, tab, staff, add_patient, book):
    ann = add_patient()
    now = clock.now()
    lee, roe = staff["lee"], staff["roe"]

    def visit(hours: int, provider=lee):
        # a visit `hours` ahead of now (Monday 9:30), booked over the hours when it must be
        return book(ann.id, provider, now + timedelta(hours=hours), override="test set-up")

    clock.advance(timedelta(days=-7))  # booked last week (booked now, it would be a late booking)
    too_soon = visit(23)            # Tuesday 8:30: inside 24 h, neither list
    clock.advance(timedelta(days=7))
    both = visit(25)                # Tuesday 10:30: confirmation and eligibility due
    confirmed = visit(26, roe)      # Tuesday 11:30, confirmed by phone: eligibility only
    services.calendar.set_status(confirmed.id, VisitStatus.CONFIRMED,
                                 method=ContactMethod.PHONE)
    message = visit(50)             # Wednesday 11:30, message left: confirmation only (past 48 h)
    services.calendar.set_status(message.id, VisitStatus.LEFT_MESSAGE,
                                 method=ContactMethod.TEXT)
    verified = visit(47, roe)       # Wednesday 8:30 with eligibility verified: confirmation only
    services.calendar.record_eligibility(verified.id, Eligibility(EligibilityStatus.VERIFIED, True, True))
    visit(73)                       # Thursday 10:30: beyond 72 h, neither list
    tab.refresh()
    panel = tab.side_panel
    assert {a.id for a in rows(panel.confirmations)} == {both.id, message.id, verified.id}
    assert {a.id for a in rows(panel.eligibility)} == {both.id, confirmed.id}
    assert too_soon.id not in {a.id for a in rows(panel.confirmations) + rows(panel.eligibility)}
    line = next(panel.confirmations.index(r).data() for r in range(panel.confirmations.rowCount())
                if panel.confirmations.index(r).data(RECORD_ROLE).id == message.id)
    assert line.splitlines() == [
        "Wed 03/04 11:30 AM · O'Neil, Ann · (312)\u00a0555-0142",
        "Established visit with Dana Lee, MD · Left message (text message)",
        "Prep: Bring insurance card and medication list."]
    assert tab.ui.worklist_combo.itemText(0) == "Confirmations due (3)"
    assert tab.ui.worklist_combo.itemText(1) == "Eligibility checks due (2)"
    elig_line = panel.eligibility.index(0).data()
    assert "Prairie Health HMO · member PH-12345" in elig_line


def test_a_visit_booked_this_morning_for_this_afternoon_is_on_both_worklists_now(
        qtbot, services, tab, staff, add_patient, book):
    late = book(add_patient().id, staff["roe"], at(date(2026, 3, 2), 15, 0))  # it is 9:30
    tab.refresh()
    panel = tab.side_panel
    assert [a.id for a in rows(panel.confirmations)] == [late.id]
    assert [a.id for a in rows(panel.eligibility)] == [late.id]
    assert panel.confirmations.index(0).data().splitlines()[1] == (
        "Established visit with Sam Roe, DO · booked late: due now · Unconfirmed")
    assert "booked late: due now" in panel.eligibility.index(0).data()
    assert tab.ui.worklist_combo.itemText(0) == "Confirmations due (1)"


def test_enter_opens_a_visit_to_record_the_confirmation_call(qtbot, services, tab, staff, add_patient,
                                                            book):
    visit = book(add_patient().id, staff["roe"], at(date(2026, 3, 3), 14, 0))
    tab.refresh()
    assert visit.id in {a.id for a in rows(tab.side_panel.confirmations)}
    select(tab, visit.start, staff["roe"])
    qtbot.keyClick(tab.view, ENTER)
    dialog = dialog_of(qtbot, AppointmentDialog)
    ui = dialog.ui
    ui.confirmation_combo.setCurrentIndex(ui.confirmation_combo.findData("confirmed"))
    ui.button_box.accepted.emit()  # confirmed, but how?
    assert ui.method_error.text() == "Method: say how the patient was reached."
    ui.method_combo.setCurrentIndex(ui.method_combo.findData("phone"))
    ui.eligibility_combo.setCurrentIndex(ui.eligibility_combo.findData("verified"))
    ui.active_check.setChecked(True)
    ui.in_network_check.setChecked(True)
    ui.copay_edit.setText("$25 copay")
    with qtbot.waitSignal(dialog.finished):
        ui.button_box.accepted.emit()
    saved = services.calendar.get(visit.id)
    assert saved.status is VisitStatus.CONFIRMED and saved.confirmation_method.value == "phone"
    assert saved.eligibility.status is EligibilityStatus.VERIFIED
    assert (saved.eligibility.copay_note, saved.eligibility.checked_by) == ("$25 copay", "tester@desk")
    assert visit.id not in {a.id for a in rows(tab.side_panel.confirmations)}
    assert "Confirmed" in tab.model.index_of(visit.id).data()


def test_the_visit_dialog_moves_a_visit_and_offers_the_freed_slot(qtbot, services, tab, staff,
                                                                  add_patient, book):
    ann = add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "fu", at(TUESDAY, 0)))
    visit = book(ann.id, staff["lee"], at(WEDNESDAY, 15, 0))
    dialog = tab.open_appointment(visit)
    reactivate(qtbot, dialog)
    dialog.ui.time_edit.setTime(dialog.ui.time_edit.time().addSecs(3600))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    assert services.calendar.get(visit.id).start == at(WEDNESDAY, 16, 0)
    offer = dialog_of(qtbot, ProposalsDialog)
    assert offer.offer.slot.start == at(WEDNESDAY, 15, 0)
    assert [e.patient_id for e in offer.offer.entries] == [bob.id]
    offer.close()


def test_list_models_pass_the_model_tester(qtmodeltester, services, tab, staff, add_patient, book):
    ann = add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    book(ann.id, staff["lee"], at(TUESDAY, 14, 0))
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", at(TUESDAY, 0)))
    tab.refresh()
    for model in (tab.side_panel.confirmations, tab.side_panel.eligibility, tab.side_panel.waitlist):
        assert model.rowCount() == 1
        qtmodeltester.check(model, force_py=True)


def test_a_no_show_offers_the_rest_of_its_slot(qtbot, services, tab, staff, add_patient, book):
    monday = date(2026, 3, 2)  # today: now is 9:30
    ann = add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    visit = book(ann.id, staff["lee"], at(monday, 9, 15), type_code="new", minutes=40)
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", at(monday, 0)))
    dialog = tab.open_appointment(visit)
    dialog.ui.status_combo.setCurrentIndex(dialog.ui.status_combo.findData("no_show"))
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.ui.button_box.accepted.emit()
    assert services.calendar.get(visit.id).status is VisitStatus.NO_SHOW
    assert services.calendar.no_show_counts([ann.id]) == {ann.id: 1}
    offer = dialog_of(qtbot, ProposalsDialog)
    # 9:15-9:55 and nobody came by 9:30: the 25 minutes left go to the waitlist
    assert (offer.offer.slot.start, offer.offer.slot.minutes) == (at(monday, 9, 30), 25)
    assert [e.patient_id for e in offer.offer.entries] == [bob.id]
    offer.close()


def test_a_refused_move_in_the_visit_dialog_saves_nothing_else(qtbot, services, tab, staff,
                                                                add_patient, book):
    ann = add_patient()
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    book(bob.id, staff["lee"], at(WEDNESDAY, 16, 0))
    visit = book(ann.id, staff["lee"], at(WEDNESDAY, 15, 0))
    dialog = tab.open_appointment(visit)
    reactivate(qtbot, dialog)
    dialog.ui.confirmation_combo.setCurrentIndex(dialog.ui.confirmation_combo.findData("left_message"))
    dialog.ui.method_combo.setCurrentIndex(dialog.ui.method_combo.findData("phone"))
    dialog.ui.time_edit.setTime(dialog.ui.time_edit.time().addSecs(3600))  # onto Bob's visit
    dialog.ui.button_box.accepted.emit()
    assert dialog.isVisible()  # the conflict is shown; nothing was saved
    kept = services.calendar.get(visit.id)
    assert (kept.start, kept.status) == (at(WEDNESDAY, 15, 0), VisitStatus.UNCONFIRMED)
    dialog.close()
