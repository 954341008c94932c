"""Histories in the order things were recorded: a refill's steps, a message's steps and a referral's
moves are listed as they were entered, also within one minute, even when a step carries an earlier
time than the one before it (a decision entered as "9:30" at 9:30:40, after the chart check at
9:30:40; the computer's clock set back a few seconds by time sync between two steps)."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.comms_support import desk_fixture, messages_tab_fixture, take_message  # noqa: F401 - fixtures
from tests.ui.referrals.support import office_fixture, refer, referrals_tab_fixture  # noqa: F401 - fixtures
from tests.ui.refills.support import (  # noqa: F401 - fixtures
    MONDAY,
    at,
    enter_request,
    refill_desk_fixture,
    refills_tab_fixture,
)
from vma_desk.core.communications import MessageState
from vma_desk.core.referrals import ReferralState
from vma_desk.core.refills import Decision


def labels(history: str) -> list[str]:
    """Each line's step label (what stands before ' — ')."""
    return [line.split(" \u2014 ")[0] for line in history.splitlines()]


def test_a_refill_decision_entered_in_the_same_minute_shows_after_the_check_and_the_routing(
        services, clock, refills_tab, refill_desk):
    clock.current = at(MONDAY, 9, 30) + timedelta(seconds=40)
    request = enter_request(refill_desk, received_at=at(MONDAY, 9, 30))
    services.refills.route(request.id)
    # the decision form holds minutes: "9:30", typed at 9:30:40
    services.refills.record_decision(request.id, Decision.APPROVED, decided_by_id=refill_desk.lee.id,
                                     decided_at=at(MONDAY, 9, 30))
    refills_tab.load(select_id=request.id)
    assert labels(refills_tab.ui.timeline_label.text()) == [
        "Received", "Chart checked", "Routed to prescriber", "Decided"]
    assert services.refills.get(request.id).events[-1].note.startswith("Approved")


def test_message_steps_show_in_the_order_recorded_when_the_clock_was_set_back(
        services, clock, messages_tab, desk):
    message = take_message(services, desk.nurse, caller_name="Cy Cole")
    clock.advance(timedelta(seconds=40))
    services.communications.advance(message.id, MessageState.DELIVERED)
    clock.advance(timedelta(seconds=-25))  # time sync set the computer's clock back
    services.communications.advance(message.id, MessageState.ACKNOWLEDGED, by="Nora Nurse")
    services.communications.advance(message.id, MessageState.CALLBACK_DONE)
    messages_tab.load(select_id=message.id)
    assert labels(messages_tab.ui.timeline_label.text()) == ["New", "Delivered", "Acknowledged",
                                                             "Callback done"]


def test_referral_moves_show_in_the_order_recorded_when_the_clock_was_set_back(
        services, clock, referrals_tab, office):
    referral = refer(office, office.bob)
    clock.advance(timedelta(seconds=40))
    services.referrals.move(referral.id, ReferralState.SENT)
    clock.advance(timedelta(seconds=-30))  # time sync set the computer's clock back
    services.referrals.move(referral.id, ReferralState.SCHEDULED,
                            appointment_at=at(MONDAY, 9) + timedelta(days=3))
    referrals_tab.load(select_referral=referral.id)
    assert labels(referrals_tab.ui.history_label.text()) == ["Draft", "Sent", "Appointment scheduled"]
