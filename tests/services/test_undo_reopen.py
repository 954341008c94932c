"""Undo and reopen (issue 12 item 2) through the services: a step taken by mistake is taken back by
a new "undo" event (the step stays in the history, the audit says so); a closed message, refill or
referral is reopened with its reason; an undo of a record that moved on since is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.services import test_referrals as referrals_support
from tests.services import test_refills as refills_support
from tests.ui.comms_support import build_desk, take_message
from vma_desk.core.communications import MessageState
from vma_desk.core.errors import ChangedSinceError, ValidationError
from vma_desk.core.referrals import ReferralState
from vma_desk.core.refills import Decision, RefillStep


def test_a_message_closed_by_mistake_is_undone_and_the_history_keeps_both(services):
    desk = build_desk(services)
    message = take_message(services, desk.nurse)
    before = services.communications.get_message(message.id)
    closed, _ = services.communications.advance(message.id, MessageState.CLOSED)
    assert closed.state is MessageState.CLOSED
    services.context.clock.advance(timedelta(minutes=1))
    undone, change = services.communications.undo_step(before)
    assert undone.state is MessageState.NEW and change.ids == (message.id,)
    again = services.communications.get_message(message.id)
    assert again.state is MessageState.NEW
    assert [(e.state, e.action) for e in again.events] == [
        (MessageState.NEW, ""), (MessageState.DELIVERED, ""), (MessageState.ACKNOWLEDGED, ""),
        (MessageState.CALLBACK_DONE, ""), (MessageState.CLOSED, ""), (MessageState.NEW, "undo")]
    assert "closed" in again.events[-1].note
    assert message.id in [m.id for m in services.communications.open_messages()]
    entries = [e for e in services.audit.page(0, 500) if e.record_type == "message"]
    assert "undo: state closed -> new" in [e.detail for e in entries]
    assert all(e.user == services.context.user for e in entries)
    with pytest.raises(ChangedSinceError):  # the same undo twice
        services.communications.undo_step(before)


def test_a_closed_message_is_reopened_with_a_reason(services):
    desk = build_desk(services)
    message = take_message(services, desk.nurse)
    services.communications.advance(message.id, MessageState.CALLBACK_DONE)
    services.communications.advance(message.id, MessageState.CLOSED)
    with pytest.raises(ValidationError, match="why"):
        services.communications.reopen(message.id, "  ")
    reopened, _ = services.communications.reopen(message.id, "patient called back: still dizzy")
    assert reopened.state is MessageState.CALLBACK_DONE
    last = services.communications.get_message(message.id).events[-1]
    assert (last.action, last.note, last.by) == ("reopen", "patient called back: still dizzy",
                                                 services.context.user)
    with pytest.raises(ValidationError, match="not closed"):
        services.communications.reopen(message.id, "again")


def test_a_refill_decision_recorded_on_the_wrong_request_is_undone(services):
    _, doc, _other, _vma, ann, _bob = refills_support.desk.__wrapped__(services)
    saved, _ = services.refills.create(refills_support.request(ann, doc))
    services.refills.route(saved.id)
    before = services.refills.get(saved.id)
    decided, _ = services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    assert decided.decision is Decision.APPROVED
    undone, _ = services.refills.undo_step(before)
    again = services.refills.get(saved.id)
    assert again.step is RefillStep.ROUTED and again.decision is None and again.decided_by_id is None
    assert [e.step for e in again.events][-2:] == [RefillStep.DECIDED, RefillStep.ROUTED]
    assert again.events[-1].action == "undo" and "decided" in again.events[-1].note.lower()
    # and a closed request reopens to the step it had
    services.refills.record_decision(saved.id, Decision.DENIED, decided_by_id=doc.id, note="labs overdue")
    services.refills.advance(saved.id, RefillStep.PATIENT_NOTIFIED)
    services.refills.advance(saved.id, RefillStep.CLOSED)
    reopened, _ = services.refills.reopen(saved.id, "provider changed her mind after the labs")
    assert reopened.step is RefillStep.PATIENT_NOTIFIED and reopened.decision is Decision.DENIED
    assert services.refills.get(saved.id).events[-1].action == "reopen"


def test_a_referral_move_is_undone_and_a_closed_referral_reopened(services):
    _, doc, ann, _bob = referrals_support.desk.__wrapped__(services)
    saved, _ = services.referrals.create(referrals_support.referral(ann, doc))
    services.referrals.move(saved.id, ReferralState.SENT)
    before = services.referrals.get(saved.id)
    services.referrals.move(saved.id, ReferralState.CANCELLED, note="wrong patient")
    services.referrals.undo_move(before)
    again = services.referrals.get(saved.id)
    assert again.state is ReferralState.SENT
    assert [(e.state, e.action) for e in again.events][-2:] == [("cancelled", ""), ("sent", "undo")]
    services.referrals.move(saved.id, ReferralState.DECLINED, note="patient declined")
    reopened, _ = services.referrals.reopen(saved.id, "patient wants to go after all")
    assert reopened.state is ReferralState.SENT
    assert services.referrals.get(saved.id).events[-1].action == "reopen"


def test_an_undone_notification_restarts_the_clock_and_an_undone_callback_is_no_callback(services):
    from vma_desk.core.activity import callback_done_at

    _, doc, _other, _vma, ann, _bob = refills_support.desk.__wrapped__(services)
    saved, _ = services.refills.create(refills_support.request(ann, doc))
    services.refills.route(saved.id)
    services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    before = services.refills.get(saved.id)
    assert before.clock_running
    after, _ = services.refills.advance(saved.id, RefillStep.PHARMACY_NOTIFIED)
    assert not after.clock_running
    services.refills.undo_step(before, after)
    assert services.refills.get(saved.id).clock_running  # the pharmacy was not told after all

    desk = build_desk(services)
    message = take_message(services, desk.nurse)
    before_m = services.communications.get_message(message.id)
    after_m, _ = services.communications.advance(message.id, MessageState.CALLBACK_DONE)
    assert callback_done_at(after_m) is not None
    undone, _ = services.communications.undo_step(before_m, after_m)
    assert callback_done_at(undone) is None


def test_undoing_a_move_keeps_details_edited_since_and_the_days_in_its_state(services):
    from dataclasses import replace as changed

    _, doc, _ann, bob = referrals_support.desk.__wrapped__(services)
    saved, _ = services.referrals.create(referrals_support.referral(bob, doc))
    sent, _ = services.referrals.move(saved.id, ReferralState.SENT)
    services.context.clock.advance(timedelta(days=20))
    before = services.referrals.get(saved.id)
    visit = services.context.clock.now() + timedelta(days=3)
    after, _ = services.referrals.move(saved.id, ReferralState.SCHEDULED, appointment_at=visit)  # wrong one
    services.referrals.update(changed(after, notes="fax confirmed by Heart Partners"))
    undone, _ = services.referrals.undo_move(before)
    assert undone.state is ReferralState.SENT and undone.state_since == sent.state_since
    assert undone.appointment_at is None
    assert services.referrals.get(saved.id).notes == "fax confirmed by Heart Partners"


def test_an_undo_after_someone_elses_step_is_refused(services):
    desk = build_desk(services)
    message = take_message(services, desk.nurse)
    before = services.communications.get_message(message.id)
    after, _ = services.communications.advance(message.id, MessageState.DELIVERED)
    services.communications.advance(message.id, MessageState.ACKNOWLEDGED, by="Nora Nurse")  # elsewhere
    with pytest.raises(ChangedSinceError):
        services.communications.undo_step(before, after)


def test_undoing_a_move_puts_a_visit_back_at_a_time_booked_with_an_override(services):
    from datetime import date

    from tests.ui.comms_support import at
    from vma_desk.core.calendar import Appointment
    from vma_desk.core.errors import ConflictError

    desk = build_desk(services)
    tuesday = date(2026, 3, 3)
    evening, _ = services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", at(tuesday, 17, 30), 20),
                                        override_reason="works until 5")
    moved, _, _ = services.calendar.reschedule(evening.id, start=at(tuesday, 10, 0))
    back, _ = services.calendar.undo_change(evening, moved, "move")  # after hours, as it was agreed
    assert back.start == at(tuesday, 17, 30) and back.override_reason == "works until 5"
    # but a time another visit took since is refused, saying by what
    moved, _, _ = services.calendar.reschedule(evening.id, start=at(tuesday, 10, 0))
    services.calendar.book(Appointment(desk.ann.id, desk.lee.id, "est", at(tuesday, 17, 30), 20),
                           override_reason="evening slot")
    with pytest.raises(ConflictError):
        services.calendar.undo_change(back, moved, "move")
