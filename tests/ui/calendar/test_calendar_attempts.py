"""The side panel's worklists chased from the Calendar tab: Ctrl+Shift+L on a visit due for its
confirmation or eligibility call opens the shared "Log attempt" dialog, and the row then says the
calls tried; a time in the future is refused beside its field with nothing saved; the same step is
in each row's context menu, and an attempt logged in another tab shows here too. A slot freed by a
cancellation is offered to the waitlist: an offer not taken at once is logged against the freed
slot, and the patient's line says it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.ui.calendar.attempt_keys import log_by_keys, open_log_attempt, refuse_future
from tests.ui.calendar.support import (  # noqa: F401 - fixtures
    TUESDAY,
    at,
    book_fixture,
    cancel_by_keys,
    dialog_of,
    no_dialog,
    staff_fixture,
    tab_fixture,
)
from tests.ui.conftest import focused, reactivate, type_keys
from vma_desk.core.calendar import WaitlistEntry
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.records import RecordKind
from vma_desk.ui.calendar.lists import RECORD_ROLE
from vma_desk.ui.calendar.panels import CONFIRMATIONS, ELIGIBILITY
from vma_desk.ui.calendar.proposals import OfferAttemptDialog
from vma_desk.ui.shared.attempt import LogAttemptDialog


def visit_due(services, clock, book, patient, provider):
    """Tuesday 10:30 with Dr Lee, booked last week: on both worklists (25 h ahead, not verified)."""
    clock.advance(timedelta(days=-7))
    visit = book(patient.id, provider, at(TUESDAY, 10, 30))
    clock.advance(timedelta(days=7))
    return visit


def test_ctrl_shift_l_on_a_confirmation_logs_a_call_and_the_row_says_it(
        qtbot, services, clock, tab, staff, add_patient, book):
    ann = add_patient()
    visit = visit_due(services, clock, book, ann, staff["lee"])
    tab.refresh()
    panel = tab.side_panel
    view = panel.ui.confirmations_list
    assert panel.page() == CONFIRMATIONS and panel.ui.log_attempt_button.isVisible()
    assert panel.ui.log_attempt_button.text() == "Log attempt… (Ctrl+Shift+L)"
    view.setFocus()
    assert view.currentIndex().data(RECORD_ROLE).id == visit.id
    sent = []
    tab.sig_changed.connect(sent.append)

    dialog = open_log_attempt(qtbot, view)
    assert dialog.windowTitle() == "Log attempt: Confirmation"
    assert dialog.ui.about_label.text() == "Confirmation: Tue 03/03 10:30 AM · O'Neil, Ann"
    log_by_keys(qtbot)  # no answer, by phone, now
    reactivate(qtbot, tab)

    line = panel.confirmations.index(0).data()
    assert line.splitlines()[-1] == "Calls: 1 attempt · last: no answer 09:30 · next Today 11:30 AM"
    assert view.currentIndex().data(RECORD_ROLE).id == visit.id  # still selected, for the next call
    assert focused() is view
    assert "Logged no answer: confirmation, Tue 03/03 10:30 AM · O'Neil, Ann" in tab.ui.summary_label.text()
    assert [c.kind for c in sent] == [RecordKind.CONTACT_ATTEMPT]
    [attempt] = services.chase.attempts(ChaseKind.CONFIRMATION, visit.id)
    assert (attempt.outcome, attempt.channel, attempt.at) == (Outcome.NO_ANSWER, Channel.PHONE, clock.now())
    assert attempt.patient_id == ann.id
    # the eligibility call is its own chase: nothing logged on it
    assert "Calls:" not in panel.eligibility.index(0).data()


def test_an_eligibility_call_in_the_future_is_refused_and_nothing_is_saved(
        qtbot, services, clock, tab, staff, add_patient, book):
    visit = visit_due(services, clock, book, add_patient(), staff["lee"])
    tab.refresh()
    tab.ui.worklist_combo.setFocus()
    type_keys(qtbot, Qt.Key.Key_Down)  # Eligibility checks due
    panel = tab.side_panel
    assert panel.page() == ELIGIBILITY
    view = panel.ui.eligibility_list
    dialog = open_log_attempt(qtbot, view)
    assert dialog.windowTitle() == "Log attempt: Eligibility call"
    refuse_future(qtbot, dialog)
    assert services.chase.attempts(ChaseKind.ELIGIBILITY, visit.id) == []
    assert "Calls:" not in panel.eligibility.index(0).data()

    reactivate(qtbot, tab)
    open_log_attempt(qtbot, view)
    log_by_keys(qtbot, "r")  # reached: verified with the payer
    assert panel.eligibility.index(0).data().splitlines()[-1] == "Calls: 1 attempt · last: reached 09:30"


def test_the_row_context_menu_logs_and_opens(qtbot, services, clock, tab, staff, add_patient, book):
    visit = visit_due(services, clock, book, add_patient(), staff["lee"])
    tab.refresh()
    panel = tab.side_panel
    view = panel.ui.confirmations_list
    view.setFocus()
    assert view.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in view.actions()] == ["Lo&g attempt…", "&Open visit"]
    view.actions()[0].trigger()
    dialog = dialog_of(qtbot, LogAttemptDialog)
    type_keys(qtbot, "l", Qt.Key.Key_Return)  # left voicemail
    qtbot.waitUntil(lambda: no_dialog(LogAttemptDialog))
    assert [a.outcome for a in services.chase.attempts(ChaseKind.CONFIRMATION, visit.id)] == [
        Outcome.LEFT_VOICEMAIL]
    assert dialog is not None


def test_the_waitlist_page_has_no_log_attempt(qtbot, tab):
    tab.ui.waitlist_button.click()
    assert not tab.side_panel.ui.log_attempt_button.isVisible()
    assert not tab.side_panel.log_action.isEnabled()


def test_an_attempt_logged_in_another_tab_shows_in_the_row(qtbot, services, clock, tab, staff, add_patient,
                                                            book):
    visit = visit_due(services, clock, book, add_patient(), staff["lee"])
    tab.refresh()
    _attempt, change = services.chase.log_attempt(ChaseKind.CONFIRMATION, visit.id, channel=Channel.TEXT,
                                                  outcome=Outcome.LEFT_VOICEMAIL)
    tab.apply_change(change)  # as the window fans out the Worklists tab's change
    assert tab.side_panel.confirmations.index(0).data().splitlines()[-1] == (
        "Calls: 1 attempt · last: left voicemail 09:30 · next Tomorrow 9:30 AM")


def test_an_offer_of_a_freed_slot_is_logged_and_the_patients_line_says_it(
        qtbot, services, tab, staff, add_patient, book):
    wednesday = date(2026, 3, 4)
    bob = add_patient(first_name="Bob", last_name="Smith", insurance=None, care_gaps=())
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", at(TUESDAY, 0)))
    visit = book(add_patient().id, staff["lee"], at(wednesday, 10, 0))
    tab.go_to(wednesday)
    offer = cancel_by_keys(qtbot, tab, visit, staff["lee"])
    assert offer.freed is not None and offer.log_button.isEnabled()
    assert "Offered" not in offer.model.index(0).data()
    sent = []
    tab.sig_changed.connect(sent.append)

    dialog = open_log_attempt(qtbot, offer.ui.proposal_list)
    assert isinstance(dialog, OfferAttemptDialog)
    assert dialog.ui.about_label.text() == "Waitlist offer: Smith, Bob"
    assert not dialog.ui.at_edit.isEnabled()  # an offer is logged as it is made
    log_by_keys(qtbot)  # no answer
    offer.activateWindow()
    qtbot.waitUntil(offer.isActiveWindow)

    assert offer.isVisible()  # the slot is still to fill: the offer stays open
    assert offer.model.index(0).data().splitlines()[-1] == "Offered: 1 attempt · last: no answer 09:30"
    assert offer.selected().patient_id == bob.id
    [logged] = services.freed_slots.get(offer.freed.id).offers
    assert (logged.kind, logged.patient_id, logged.outcome) == (ChaseKind.WAITLIST_OFFER, bob.id,
                                                               Outcome.NO_ANSWER)
    assert [c.kind for c in sent] == [RecordKind.CONTACT_ATTEMPT]
    assert "Logged no answer: waitlist offer to Smith, Bob" in tab.ui.summary_label.text()
    offer.close()
