"""Undo and reopen in the GUI (issue 12 item 2), as a VMA would: Ctrl+Enter on a step that closes a
record asks first; Ctrl+Z (Edit → Undo) takes a step back and the history shows both; a closed
record is reopened with its reason (Ctrl+Shift+R)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.ui.comms_support import (  # noqa: F401 - fixtures
    build_desk,
    take_message,
    window_fixture,
)
from tests.ui.conftest import answer_question, reactivate, tab_of
from vma_desk.core.communications import MessageState
from vma_desk.ui.messages.model import SHOW_CLOSED

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ENTER = Qt.Key.Key_Return


def answer_reason(reason: str, seen: list[str]) -> None:
    """Type `reason` in the next "why?" box and press its OK (it runs modally: from a timer)."""
    tries = iter(range(500))

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(10, poll)
            return
        seen.append(box.labelText())
        box.setTextValue(reason)
        box.accept()

    QTimer.singleShot(0, poll)


def _keys(qtbot, window, tab, key, modifiers) -> None:
    """A key in the tab's list, the window active again after a question box (offscreen has no
    window manager to give it back)."""
    reactivate(qtbot, window)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, key, modifiers)


def _messages_tab(window):
    return tab_of(window, "MessagesTab")


def test_a_message_closed_by_mistake_comes_back_with_ctrl_z_and_reopens_with_a_reason(qtbot, window):
    services = window.services
    nurse = next(s for s in services.practice.staff() if s.name == "Nora Nurse")
    message = take_message(services, nurse, caller_name="Bo Burr")
    services.communications.advance(message.id, MessageState.CALLBACK_DONE)
    tab = _messages_tab(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    tab.load(select_id=message.id)
    assert tab.selected_message().id == message.id

    seen: list[str] = []
    answer_question("Cancel", seen)  # Ctrl+Enter on the closing step asks first
    qtbot.keyClick(tab.view, ENTER, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Close the message from Bo Burr?" in seen[0]
    assert services.communications.get_message(message.id).state is MessageState.CALLBACK_DONE

    answer_question("Close message", seen)
    _keys(qtbot, window, tab, ENTER, CTRL)
    qtbot.waitUntil(lambda: services.communications.get_message(message.id).state is MessageState.CLOSED)
    assert window.undo_action.isEnabled() and "close" in window.undo_action.text().lower()

    _keys(qtbot, window, tab, Qt.Key.Key_Z, CTRL)  # Edit → Undo
    again = services.communications.get_message(message.id)
    assert again.state is MessageState.CALLBACK_DONE
    assert [e.action for e in again.events][-2:] == ["", "undo"]
    tab.select_message(message.id)
    assert "Undo: back to callback done" in tab.ui.timeline_label.text()
    assert "took back: closed" in tab.ui.timeline_label.text()

    # closed again, then reopened from "Closed today" with a reason
    answer_question("Close message", seen)
    _keys(qtbot, window, tab, ENTER, CTRL)
    qtbot.waitUntil(lambda: services.communications.get_message(message.id).state is MessageState.CLOSED)
    tab.ui.filter_combo.setCurrentIndex(tab.ui.filter_combo.findData(SHOW_CLOSED))
    assert tab.select_message(message.id)
    assert tab.ui.reopen_button.isVisible()
    reasons: list[str] = []
    answer_reason("patient called back: still dizzy", reasons)
    _keys(qtbot, window, tab, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: services.communications.get_message(message.id).state is not MessageState.CLOSED)
    assert "Why is the message from Bo Burr reopened?" in reasons[0]
    last = services.communications.get_message(message.id).events[-1]
    assert (last.action, last.note) == ("reopen", "patient called back: still dizzy")


def test_a_refill_closed_by_ctrl_enter_asks_then_ctrl_z_and_reopen(qtbot, window):
    from datetime import date

    from tests.services.test_refills import request
    from vma_desk.core.records import Patient, Phone
    from vma_desk.core.refills import Decision, RefillStep

    services = window.services
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    cy, _ = services.patients.create(Patient("Cy", "Cole", date(1950, 2, 2), phones=(Phone("3125550150"),)))
    saved, _ = services.refills.create(request(cy, lee))
    services.refills.route(saved.id)
    services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=lee.id)
    for step in (RefillStep.PHARMACY_NOTIFIED, RefillStep.PATIENT_NOTIFIED, RefillStep.PICKED_UP):
        services.refills.advance(saved.id, step)
    tab = tab_of(window, "RefillsTab")
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    tab.load()
    assert tab.select_request(saved.id)

    seen: list[str] = []
    answer_question("Keep it open", seen)
    _keys(qtbot, window, tab, ENTER, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Close the request for" in seen[0] and services.refills.get(saved.id).is_open

    answer_question("Close it", seen)
    _keys(qtbot, window, tab, ENTER, CTRL)
    qtbot.waitUntil(lambda: not services.refills.get(saved.id).is_open)
    _keys(qtbot, window, tab, Qt.Key.Key_Z, CTRL)
    again = services.refills.get(saved.id)
    assert again.step is RefillStep.PICKED_UP and again.events[-1].action == "undo"
    assert "Undo: back to Pickup confirmed" in tab.ui.timeline_label.text()

    answer_question("Close it", seen)
    _keys(qtbot, window, tab, ENTER, CTRL)
    qtbot.waitUntil(lambda: not services.refills.get(saved.id).is_open)
    assert tab.ui.reopen_button.isVisible()  # the closed request stays in view
    reasons: list[str] = []
    answer_reason("pharmacy says the patient never came", reasons)
    _keys(qtbot, window, tab, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: services.refills.get(saved.id).is_open)
    last = services.refills.get(saved.id).events[-1]
    assert (last.action, last.note, last.step) == ("reopen", "pharmacy says the patient never came",
                                                   RefillStep.PICKED_UP)


def test_a_referral_closed_by_mistake_comes_back_and_reopens(qtbot, window):
    from datetime import UTC, date, datetime, timedelta

    from tests.services.test_referrals import referral
    from vma_desk.core.records import Patient, Phone
    from vma_desk.core.referrals import ReferralState

    services = window.services
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    dee, _ = services.patients.create(Patient("Dee", "Dunn", date(1955, 3, 3), phones=(Phone("3125550151"),)))
    saved, _ = services.referrals.create(referral(dee, lee))
    visit = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)
    services.referrals.move(saved.id, ReferralState.SENT)
    services.referrals.move(saved.id, ReferralState.SCHEDULED, appointment_at=visit)
    services.context.clock.advance(timedelta(days=3))  # the specialist visit happened
    services.referrals.move(saved.id, ReferralState.SEEN)
    services.referrals.move(saved.id, ReferralState.REPORT_RECEIVED)
    tab = tab_of(window, "ReferralsTab")
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    tab.load(select_referral=saved.id)

    def keys(key, modifiers) -> None:
        reactivate(qtbot, window)
        tab.referral_view.setFocus()
        qtbot.keyClick(tab.referral_view, key, modifiers)

    seen: list[str] = []
    answer_question("Close it", seen)
    keys(ENTER, CTRL)
    qtbot.waitUntil(lambda: services.referrals.get(saved.id).state is ReferralState.CLOSED)
    assert "Close Dunn, Dee's Cardiology referral?" in seen[0]
    keys(Qt.Key.Key_Z, CTRL)
    again = services.referrals.get(saved.id)
    assert again.state is ReferralState.REPORT_RECEIVED and again.events[-1].action == "undo"
    tab.select_referral(saved.id)
    assert "Undo: back to report received" in tab.ui.history_label.text()

    answer_question("Close it", seen)
    keys(ENTER, CTRL)
    qtbot.waitUntil(lambda: services.referrals.get(saved.id).state is ReferralState.CLOSED)
    assert tab.ui.reopen_button.isVisible()
    reasons: list[str] = []
    answer_reason("specialist asked for a second visit", reasons)
    keys(Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: services.referrals.get(saved.id).state is ReferralState.REPORT_RECEIVED)
    assert services.referrals.get(saved.id).events[-1].note == "specialist asked for a second visit"


def test_a_visit_cancelled_or_moved_by_mistake_comes_back_with_ctrl_z(qtbot, window):
    from datetime import date

    from tests.ui.calendar.support import at, dialog_of, select
    from tests.ui.conftest import type_keys
    from vma_desk.core.calendar import Appointment, VisitStatus
    from vma_desk.core.records import Patient, Phone
    from vma_desk.ui.calendar.cancel import CancelDialog
    from vma_desk.ui.calendar.move import MoveDialog

    tuesday = date(2026, 3, 3)
    services = window.services
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    eve, _ = services.patients.create(Patient("Eve", "Eck", date(1980, 4, 4), phones=(Phone("3125550152"),)))
    visit, _ = services.calendar.book(Appointment(eve.id, lee.id, "est", at(tuesday, 9, 0), 20))
    tab = tab_of(window, "CalendarTab")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    tab.anchor = tuesday
    tab.load_schedule()

    select(tab, visit.start, lee)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    dialog = dialog_of(qtbot, CancelDialog)
    type_keys(qtbot, "Wrong patient")
    with qtbot.waitSignal(dialog.sig_cancelled):
        type_keys(qtbot, ENTER)
    assert services.calendar.get(visit.id).status is VisitStatus.CANCELLED
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    back = services.calendar.get(visit.id)
    assert back.status is VisitStatus.UNCONFIRMED and back.start == visit.start and back.cancel_reason == ""
    assert "undo: cancellation" in [e.detail for e in services.audit.page(0, 500)]

    dialog = tab.open_move(back, lee.id, at(tuesday, 11, 0))
    dialog = dialog_of(qtbot, MoveDialog)
    with qtbot.waitSignal(dialog.sig_moved):
        type_keys(qtbot, ENTER)
    assert services.calendar.get(visit.id).start == at(tuesday, 11, 0)
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.calendar.get(visit.id).start == at(tuesday, 9, 0)
