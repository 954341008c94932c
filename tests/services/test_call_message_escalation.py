"""One escalation, not two, through the service: a message from an escalated call carries the call's
red flag and what was done; only a red flag the call did not have needs its own answer. And the
shift handoff lists open messages in the one listing order (emergencies first)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.services.test_handoff import MONDAY, Made, at, make_shift
from vma_desk.core.communications import Call, CallReason, Direction, Message, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient, Phone, Role, RouteCategory, StaffMember

DONE = "Transferred to Nora Nurse RN at 9:31"


@pytest.fixture
def escalated(services):
    nurse, _ = services.practice.add_staff(StaffMember(
        "Nora Nurse", Role.CLINICAL, credentials="RN", receives=frozenset({RouteCategory.URGENT_MEDICAL})))
    ann, _ = services.patients.create(Patient("Ann", "Ames", MONDAY.replace(year=1960),
                                              phones=(Phone("3125550142"),)))
    call, _ = services.communications.log_call(Call(
        started_at=services.context.clock.now() - timedelta(minutes=3), direction=Direction.INBOUND,
        caller_name="Ann Ames", number="3125550142", patient_id=ann.id, reason=CallReason.GENERAL,
        notes="Her husband has chest pain and is sweating", escalation_action=DONE))
    return services, nurse, call


def test_the_draft_from_an_escalated_call_is_an_emergency_with_what_was_done(escalated):
    services, _nurse, call = escalated
    draft = services.communications.message_from_call(call.id)
    assert draft.escalation_action == DONE and draft.urgency is Urgency.EMERGENCY
    assert services.communications.new_red_flags(call.id, draft.reason) == ()


def test_a_message_from_the_call_without_an_answer_takes_the_calls(escalated):
    services, nurse, call = escalated
    draft = services.communications.message_from_call(call.id, recipient_id=nurse.id, escalation_action="")
    saved, _ = services.communications.take_message(draft)
    assert saved.escalation_action == DONE and saved.urgency is Urgency.EMERGENCY


def test_a_red_flag_the_call_did_not_have_needs_its_own_answer(escalated):
    services, nurse, call = escalated
    draft = services.communications.message_from_call(
        call.id, recipient_id=nurse.id, escalation_action="", questions="now his speech is slurred")
    assert services.communications.new_red_flags(call.id, draft.reason, draft.questions)
    with pytest.raises(ValidationError) as caught:
        services.communications.take_message(draft)
    assert caught.value.field == "escalation_action" and "slurred" in caught.value.message
    # a message taken from no call asks as before
    with pytest.raises(ValidationError):
        services.communications.take_message(Message("Ann Ames", "3125550142", "chest pain", nurse.id,
                                                     services.context.clock.now()))


@pytest.fixture
def made(services, clock) -> Made:
    return make_shift(services, clock)


def test_the_handoff_lists_open_messages_by_urgency_then_callback_due(made: Made):
    services, clock = made.services, made.clock
    nurse = next(s for s in services.practice.staff() if s.role is Role.CLINICAL)
    clock.current = at(MONDAY, 14, 50)
    tomorrow, _ = services.communications.take_message(Message(
        "Eve Ennis", "3125550104", "asks about her MRI date", nurse.id, clock.now(),
        patient_id=made.patients["Eve"].id, callback_at=at(MONDAY, 10) + timedelta(days=1)))
    clock.current = at(MONDAY, 14, 55)
    today, _ = services.communications.take_message(Message(
        "Bob Birch", "3125550101", "wants his lab results", nurse.id, clock.now(),
        patient_id=made.patients["Bob"].id))
    clock.current = at(MONDAY, 15)
    messages = [i.record_id for i in services.handoff.shift_summary().open_items if i.kind == "message"]
    # the urgent one first; then the routine callback due today before the one asked for tomorrow
    assert messages == [made.cal_message.id, today.id, tomorrow.id]
