"""Calls, messages and search through the service, as a VMA's day uses them. Practice in
Chicago; the clock starts Monday 2026-03-02 09:30 local."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Direction,
    Message,
    MessageState,
    Urgency,
)
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, Patient, Phone, Role, RouteCategory, StaffMember

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def desk(services):
    nurse, _ = services.practice.add_staff(StaffMember(
        "Nora Nurse", Role.CLINICAL, credentials="RN",
        receives=frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS,
                            RouteCategory.REFILLS})))
    front, _ = services.practice.add_staff(StaffMember(
        "Fran Front", Role.FRONT_DESK,
        receives=frozenset({RouteCategory.APPOINTMENTS, RouteCategory.GENERAL})))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                              phones=(Phone("3125550142"),)))
    return services, nurse, front, ann


def call(ann, **kw) -> Call:
    values = dict(started_at=datetime(2026, 3, 2, 15, 20, tzinfo=UTC), direction=Direction.INBOUND,
                  caller_name="Ann Ames", number="(312) 555-0142", patient_id=ann.id,
                  reason=CallReason.APPOINTMENT, duration_seconds=95, notes="wants an earlier visit")
    values.update(kw)
    return Call(**values)


def test_a_call_is_logged_validated_and_audited(desk):
    services, _nurse, _front, ann = desk
    saved, change = services.communications.log_call(call(ann))
    assert saved.number == "+13125550142" and saved.taken_by == "tester@desk"
    assert services.communications.calls_on(date(2026, 3, 2)) == [saved]
    assert services.audit.page()[0].action is AuditAction.CREATE
    with pytest.raises(ValidationError) as caught:
        services.communications.log_call(call(ann, number="555-01"))
    assert caught.value.field == "number"
    with pytest.raises(ValidationError) as caught:
        services.communications.log_call(call(ann, caller_name=" "))
    assert caught.value.field == "caller_name"
    assert len(services.communications.calls_on(date(2026, 3, 2))) == 1


def test_routing_follows_the_practice_rules(desk):
    services, nurse, front, _ann = desk
    route = services.communications.route_for
    assert route(CallReason.TEST_RESULTS).id == nurse.id
    assert route(CallReason.APPOINTMENT).id == front.id
    assert route(CallReason.GENERAL, urgent_medical=True).id == nurse.id


def test_a_message_from_a_call_keeps_the_link_both_ways(desk):
    services, nurse, _front, ann = desk
    logged, _ = services.communications.log_call(call(ann, reason=CallReason.TEST_RESULTS,
                                                      notes="asks about her A1c result"))
    draft = services.communications.message_from_call(logged.id)
    assert (draft.caller_name, draft.contact_number, draft.patient_id, draft.recipient_id) == (
        "Ann Ames", "+13125550142", ann.id, nurse.id)
    saved, _ = services.communications.take_message(draft)
    assert services.communications.links(logged.id) == [("message", saved.id)]
    assert services.communications.get_message(saved.id).call_id == logged.id
    other, _ = services.communications.log_call(call(ann, notes="no answer"))
    # a day of the call log reads every call's links at once: the same as one call at a time
    assert services.communications.links_of([logged.id, other.id]) == {
        logged.id: [("message", saved.id)], other.id: []}


def test_message_ages_goes_overdue_then_is_acknowledged_and_closed(desk, clock):
    services, nurse, _front, ann = desk
    routine, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", "wants a call about her bill", nurse.id, clock.now(), patient_id=ann.id))
    urgent, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", "new rash since yesterday", nurse.id, clock.now(), Urgency.URGENT))
    due = services.communications.callback_due(routine)
    assert due.astimezone(CHICAGO).strftime("%a %H:%M") == "Mon 17:00"  # end of the business day
    assert services.communications.overdue() == []
    clock.advance(timedelta(minutes=61))
    assert [m.id for m in services.communications.overdue()] == [urgent.id]
    clock.advance(timedelta(hours=7))  # 18:31 local
    assert {m.id for m in services.communications.overdue()} == {routine.id, urgent.id}
    acked, _ = services.communications.advance(urgent.id, MessageState.ACKNOWLEDGED, by="Nora Nurse")
    assert [e.state for e in acked.events] == [MessageState.NEW, MessageState.DELIVERED,
                                               MessageState.ACKNOWLEDGED]
    assert acked.events[-1].by == "Nora Nurse"
    done, _ = services.communications.advance(urgent.id, MessageState.CLOSED)
    assert not done.is_open and urgent.id not in [m.id for m in services.communications.open_messages()]
    with pytest.raises(ValidationError, match="already closed"):
        services.communications.advance(urgent.id, MessageState.DELIVERED)


def test_a_message_after_closing_time_is_due_next_business_day(desk, clock):
    services, nurse, _front, _ann = desk
    clock.current = datetime(2026, 3, 6, 17, 30, tzinfo=CHICAGO).astimezone(UTC)  # Friday 17:30
    saved, _ = services.communications.take_message(Message(
        "Bo Burr", "3125550199", "question about a form", nurse.id, clock.now()))
    assert services.communications.callback_due(saved).astimezone(CHICAGO).strftime("%a %H:%M") == "Mon 17:00"


def test_red_flag_makes_it_an_emergency_and_needs_the_action_taken(desk, clock):
    services, nurse, _front, _ann = desk
    text = "Refill of lisinopril. Also mentions chest pain since this morning."
    with pytest.raises(ValidationError) as caught:
        services.communications.take_message(Message("Ann Ames", "3125550142", text, nurse.id, clock.now()))
    assert caught.value.field == "escalation_action" and "chest pain" in caught.value.message
    assert services.communications.open_messages() == []
    saved, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", text, nurse.id, clock.now(),
        escalation_action="Transferred to Nora Nurse RN at 09:31"))
    assert saved.urgency is Urgency.EMERGENCY
    assert "escalated" in services.audit.page()[0].detail
    calm, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", "Refill of lisinopril, no chest pain, feels fine", nurse.id, clock.now()))
    assert calm.urgency is Urgency.ROUTINE


@pytest.mark.parametrize(("field", "changes"), [
    ("caller_name", {"caller_name": ""}),
    ("contact_number", {"contact_number": "123"}),
    ("callback_at", {"callback_at": datetime(2026, 3, 1, 12, tzinfo=UTC)}),
    ("reason", {"reason": "  "}),
])
def test_bad_message_input_names_the_field_and_saves_nothing(desk, clock, field, changes):
    services, nurse, _front, _ann = desk
    values = dict(caller_name="Ann Ames", contact_number="3125550142", reason="call back please",
                  recipient_id=nurse.id, created_at=clock.now())
    values.update(changes)
    with pytest.raises(ValidationError) as caught:
        services.communications.take_message(Message(**values))
    assert caught.value.field == field
    assert services.communications.open_messages() == []


@pytest.mark.parametrize("typed", ["(312) 555-0142", "312.555.0142", "3125550142", "+1 312 555 0142",
                                   "555-0142", "312555"])
def test_search_finds_a_call_by_its_number_as_typed(desk, typed):
    services, _nurse, _front, ann = desk
    logged, _ = services.communications.log_call(call(ann))
    services.communications.log_call(call(ann, caller_name="Bo Burr", number="2175550199", patient_id=None))
    hits = services.communications.search(typed)
    assert [(h.kind, h.record_id) for h in hits] == [("call", logged.id)]


def test_search_finds_a_message_by_a_word_in_its_note_ranked_and_highlighted(desk, clock):
    services, nurse, _front, ann = desk
    services.communications.log_call(call(ann, notes="asked about parking"))
    saved, _ = services.communications.take_message(Message(
        "Ann Ames", "3125550142", "needs a prior authorization letter for the MRI", nurse.id, clock.now()))
    hits = services.communications.search("authoriz")
    assert [(h.kind, h.record_id) for h in hits] == [("message", saved.id)]
    assert "[authorization]" in hits[0].snippet
    by_name = services.communications.search("ames")  # by name: the call and the message
    assert sorted(h.kind for h in by_name) == ["call", "message"]
    assert services.communications.search("zzzz") == []


def test_search_hits_carry_each_records_title_and_time_read_in_one_batch(desk, clock):
    from vma_desk.core.validation import format_phone

    services, nurse, _front, ann = desk
    comms = services.communications
    with_number, _ = comms.log_call(call(ann, notes="parking first"))
    earlier = datetime(2026, 3, 2, 15, 5, tzinfo=UTC)
    no_number, _ = comms.log_call(call(ann, number="", patient_id=None, caller_name="Bo Burr",
                                       notes="parking again", started_at=earlier))
    urgent, _ = comms.take_message(Message("Ann Ames", "3125550142", "parking validation question", nurse.id,
                                           clock.now(), urgency=Urgency.URGENT))
    hits = comms.search("parking")
    assert sorted((h.kind, h.record_id) for h in hits) == sorted(
        [("call", with_number.id), ("call", no_number.id), ("message", urgent.id)])
    by_id = {(h.kind, h.record_id): h for h in hits}
    first = comms.repo.get_call(with_number.id or 0)
    assert first is not None
    assert by_id["call", with_number.id].title == f"Call · Ann Ames · {format_phone(first.number)}"
    assert by_id["call", with_number.id].at == first.started_at
    assert by_id["call", no_number.id].title == "Call · Bo Burr"
    message = comms.repo.get_message(urgent.id or 0)
    assert message is not None
    assert by_id["message", urgent.id].title == "Message · Ann Ames · Urgent"
    assert by_id["message", urgent.id].at == message.created_at
    # the titles come in one read per kind; a record no longer there is left out, not an error
    titles = comms.repo.hit_titles("call", [with_number.id or 0, no_number.id or 0, 10_000])
    assert set(titles) == {with_number.id, no_number.id}
    assert comms.repo.hit_titles("message", []) == {}


def test_the_practice_configures_red_flags_and_the_callback_clock(desk, clock):
    from datetime import time

    from vma_desk.core.rules.callbacks import CallbackPolicy

    services, nurse, _front, _ann = desk
    comms = services.communications
    comms.save_settings(red_flags=["cardiac: chest pain", "neuro: worst headache of my life"],
                        step="Put the caller through to Nora at ext. 210.",
                        policy=CallbackPolicy(0, 30, time(16, 30)))
    found = comms.check_red_flags("says: the worst headache of my life, started an hour ago")
    assert found.found and found.step == "Put the caller through to Nora at ext. 210."
    assert not comms.check_red_flags("short of breath").found  # no longer on the practice's list
    urgent, _ = comms.take_message(Message("Bo Burr", "3125550199", "rash", nurse.id, clock.now(),
                                           Urgency.URGENT))
    assert comms.callback_due(urgent) == clock.now() + timedelta(minutes=30)
    with pytest.raises(ValidationError) as caught:
        comms.save_settings(red_flags=["cardiac: ..."], step="x", policy=CallbackPolicy())
    assert caught.value.field == "red_flags"
    assert comms.red_flag_phrases() == ("cardiac: chest pain", "neuro: worst headache of my life")


def test_editing_a_call_replaces_its_search_text(desk):
    services, _nurse, _front, ann = desk
    logged, _ = services.communications.log_call(call(ann, notes="asked about parking"))
    services.communications.update_call(replace(logged, notes="asked about the new billing portal"))
    assert services.communications.search("parking") == []
    assert [h.record_id for h in services.communications.search("portal")] == [logged.id]


def test_a_call_with_a_red_flag_is_saved_as_escalated_with_its_action(desk):
    services, _nurse, _front, ann = desk
    with pytest.raises(ValidationError) as caught:
        services.communications.log_call(call(ann, notes="her husband says she is slurring her words"))
    assert caught.value.field == "escalation_action"
    saved, _ = services.communications.log_call(call(
        ann, notes="her husband says she is slurring her words", escalation_action="told to call 911"))
    assert saved.outcome is CallOutcome.ESCALATED and saved.escalation_action == "told to call 911"


def test_a_prefix_is_spelled_out_as_the_indexs_words_and_finds_the_same_rows(desk):
    services, _nurse, _front, ann = desk
    comms = services.communications
    for note in ("refill please", "refills due", "refilled Monday", "asked about parking"):
        comms.log_call(call(ann, notes=note))
    spelled = comms.repo.spelled_out('"refil"* "ames"*')
    assert spelled == '("refill" OR "refilled" OR "refills") AND ("ames")'
    for query in ('"refil"* "ames"*', '"refill"*', '"park"*'):
        assert list(comms.repo.search(comms.repo.spelled_out(query), "call")) == list(
            comms.repo.search(query, "call"))
    assert comms.repo.spelled_out('"zzz"*') == ""  # no word starts so: nothing is found
    assert comms.repo.spelled_out('"pérez"*') == '"pérez"*'  # left to FTS5's own reading
    assert comms.search("zzz") == []
