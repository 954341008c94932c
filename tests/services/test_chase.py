"""The chase log through the services, on a real workspace, with a fake clock: attempts with their
next attempt inside business hours, the limit of unanswered attempts, refusals named by field,
voicemails with the box-check cadence and the response standard, and calls waiting for a callback.

The practice is in America/Chicago, open 8:00-17:00 Monday to Friday; Monday 2026-03-02.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.chase import Channel, ChaseKind, Outcome, RetryPolicy, Voicemail
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Holiday, Patient, Phone, Practice
from vma_desk.services import Services

CHICAGO = ZoneInfo("America/Chicago")


def local(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def at(clock: FixedClock, moment: datetime) -> None:
    clock.current = moment


@pytest.fixture
def patient_id(services: Services) -> int:
    patient, _ = services.patients.create(Patient("Ana", "Reyes", date(1980, 5, 1),
                                                  phones=(Phone("+13125550101"),)))
    assert patient.id is not None
    return patient.id


def test_no_answer_three_times_then_the_row_asks_for_a_letter(services: Services, clock: FixedClock,
                                                               patient_id: int) -> None:
    chase = services.chase
    at(clock, local(2, 9, 0))
    first, change = chase.log_attempt(ChaseKind.RECALL, patient_id, channel=Channel.PHONE,
                                      outcome=Outcome.NO_ANSWER, patient_id=patient_id)
    assert change.ids == (first.id,)
    assert first.next_at == local(2, 11, 0)  # the default: again in 2 hours
    assert first.by == "tester@desk"
    state = chase.states(ChaseKind.RECALL, [patient_id])[patient_id]
    assert state.quiet(clock.now()) and not state.exhausted
    assert state.text(CHICAGO) == "1 attempt · last: no answer 09:00"

    at(clock, local(2, 16, 0))  # 16:00 + 2 h is after closing: the next attempt is at 8:00 the next day
    second, _ = chase.log_attempt(ChaseKind.RECALL, patient_id, channel=Channel.PHONE,
                                  outcome=Outcome.NO_ANSWER, patient_id=patient_id)
    assert second.next_at == local(3, 8, 0)
    at(clock, local(3, 8, 5))
    third, _ = chase.log_attempt(ChaseKind.RECALL, patient_id, channel=Channel.PHONE,
                                 outcome=Outcome.NO_ANSWER, patient_id=patient_id)
    assert third.next_at is None
    state = chase.states(ChaseKind.RECALL, [patient_id])[patient_id]
    assert state.exhausted
    assert state.text(CHICAGO) == "3 attempts · last: no answer 08:05 · send a letter or close"


def test_the_next_attempt_skips_the_weekend_and_a_holiday(services: Services, clock: FixedClock,
                                                          patient_id: int) -> None:
    services.practice.save(Practice(name="Lakeside", time_zone="America/Chicago",
                                    holidays=(Holiday(date(2026, 3, 9), "Staff day"),)))
    at(clock, local(6, 16, 30))  # Friday afternoon; Monday the 9th is a holiday
    attempt, _ = services.chase.log_attempt(ChaseKind.REBOOK, 7, channel=Channel.PHONE,
                                            outcome=Outcome.LEFT_VOICEMAIL, patient_id=patient_id)
    assert attempt.next_at == local(10, 8, 0)


def test_a_practice_policy_changes_the_retry(services: Services, clock: FixedClock, patient_id: int) -> None:
    services.chase.set_policy(ChaseKind.CONFIRMATION, RetryPolicy(no_answer_hours=4, max_attempts=1))
    at(clock, local(2, 9, 0))
    attempt, _ = services.chase.log_attempt(ChaseKind.CONFIRMATION, 3, channel=Channel.PHONE,
                                            outcome=Outcome.NO_ANSWER)
    assert attempt.next_at is None  # one unanswered attempt is this practice's limit
    assert services.chase.policy(ChaseKind.CONFIRMATION).no_answer_hours == 4
    assert services.chase.policy(ChaseKind.RECALL).no_answer_hours == 2  # other kinds keep the default
    with pytest.raises(ValidationError) as refused:
        services.chase.set_policy(ChaseKind.RECALL, RetryPolicy(max_attempts=0))
    assert refused.value.field == "max_attempts"


def test_reached_ends_the_chase(services: Services, clock: FixedClock, patient_id: int) -> None:
    at(clock, local(2, 9, 0))
    services.chase.log_attempt(ChaseKind.RECALL, patient_id, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER)
    reached, _ = services.chase.log_attempt(ChaseKind.RECALL, patient_id, channel=Channel.TEXT,
                                            outcome=Outcome.REACHED, note="booked for the 12th")
    assert reached.next_at is None
    state = services.chase.states(ChaseKind.RECALL, [patient_id])[patient_id]
    assert state.reached and not state.exhausted and state.count == 2


@pytest.mark.parametrize(("fields", "field"), [
    ({"at": timedelta(hours=1)}, "at"),
    ({"next_at": timedelta(minutes=-30)}, "next_at"),
    ({"record_open": False}, "outcome"),
    ({"note": "x" * 501}, "note"),
])
def test_bad_attempts_are_refused_by_field_and_nothing_is_saved(
        services: Services, clock: FixedClock, fields: dict[str, object], field: str) -> None:
    at(clock, local(2, 10, 0))
    given: dict[str, object] = {}
    for name, value in fields.items():
        given[name] = clock.now() + value if isinstance(value, timedelta) else value
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.chase.log_attempt(ChaseKind.RECALL, 1, channel=Channel.PHONE, outcome=Outcome.REACHED,
                                   **given)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert services.chase.attempts(ChaseKind.RECALL, 1) == []
    assert services.audit.count() == entries


def test_the_box_check_warning_comes_after_three_business_hours(services: Services,
                                                                 clock: FixedClock) -> None:
    at(clock, local(2, 8, 0))
    assert not services.chase.box_check_due()  # no check ever recorded: the box is not kept here
    services.chase.check_box(found=0)
    at(clock, local(2, 9, 5))
    vm, _ = services.chase.record_voicemail(Voicemail(left_at=local(2, 9, 5), caller_name="Ana Reyes",
                                                      number="(312) 555-0101", urgency="routine"))
    at(clock, local(2, 10, 59))
    assert not services.chase.box_check_due()
    at(clock, local(2, 11, 0))
    assert services.chase.box_check_due()
    services.chase.check_box(found=1)
    assert not services.chase.box_check_due()
    at(clock, local(2, 16, 30))  # 16:30 -> next morning: 30 min today + 2 h 30 min tomorrow
    services.chase.check_box()
    at(clock, local(3, 10, 29))
    assert not services.chase.box_check_due()
    at(clock, local(3, 10, 30))
    assert services.chase.box_check_due()
    assert vm.heard_by == "tester@desk" and vm.number == "+13125550101"


def test_a_voicemail_is_returned_within_or_outside_the_standard(services: Services,
                                                                 clock: FixedClock) -> None:
    at(clock, local(2, 9, 10))
    routine, _ = services.chase.record_voicemail(Voicemail(left_at=local(2, 9, 5), caller_name="Ana Reyes"))
    urgent, _ = services.chase.record_voicemail(Voicemail(left_at=local(2, 9, 5), caller_name="Bo Lin",
                                                          urgency="urgent"))
    assert [v.id for v in services.chase.unreturned_voicemails()] == [urgent.id, routine.id]
    at(clock, local(2, 11, 40))
    assert routine.id is not None and urgent.id is not None
    returned_routine, _ = services.chase.mark_returned(routine.id)
    returned_urgent, _ = services.chase.mark_returned(urgent.id)
    assert services.chase.returned_within(returned_routine) is True  # by the end of the business day
    assert services.chase.returned_within(returned_urgent) is False  # urgent: within an hour
    assert services.chase.unreturned_voicemails() == []
    with pytest.raises(ValidationError):
        services.chase.mark_returned(routine.id)


def test_a_voicemail_from_the_future_is_refused(services: Services, clock: FixedClock) -> None:
    at(clock, local(2, 9, 0))
    with pytest.raises(ValidationError) as refused:
        services.chase.record_voicemail(Voicemail(left_at=local(2, 10, 0), caller_name="Ana Reyes"))
    assert refused.value.field == "left_at"


def test_a_call_logged_callback_needed_waits_until_done(services: Services, clock: FixedClock) -> None:
    at(clock, local(2, 9, 0))
    call, _ = services.communications.log_call(Call(
        started_at=local(2, 8, 50), direction=Direction.INBOUND, caller_name="Ana Reyes",
        reason=CallReason.BILLING, outcome=CallOutcome.CALLBACK_NEEDED))
    services.communications.log_call(Call(
        started_at=local(2, 8, 55), direction=Direction.INBOUND, caller_name="Bo Lin",
        reason=CallReason.GENERAL, outcome=CallOutcome.RESOLVED))
    assert [c.id for c in services.chase.open_callbacks()] == [call.id]
    assert call.id is not None
    services.chase.mark_callback_done(call.id)
    assert services.chase.open_callbacks() == []
    entry = services.audit.page(0, 1)[0]
    assert (entry.record_type, entry.record_id, entry.detail) == ("call", str(call.id), "callback done")


def test_reached_returns_the_voicemail_and_does_the_callback_in_one_change(services: Services,
                                                                           clock: FixedClock) -> None:
    at(clock, local(2, 9, 10))
    vm, _ = services.chase.record_voicemail(Voicemail(left_at=local(2, 9, 5), caller_name="Ana Reyes"))
    call, _ = services.communications.log_call(Call(
        started_at=local(2, 8, 50), direction=Direction.INBOUND, caller_name="Bo Lin",
        reason=CallReason.BILLING, outcome=CallOutcome.CALLBACK_NEEDED))
    assert vm.id is not None and call.id is not None
    at(clock, local(2, 11, 40))
    services.chase.log_attempt(ChaseKind.VOICEMAIL, vm.id, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
                               at=local(2, 10, 0))
    assert [v.id for v in services.chase.unreturned_voicemails()] == [vm.id]  # no answer: still to return
    entries = services.audit.count()
    services.chase.log_attempt(ChaseKind.VOICEMAIL, vm.id, channel=Channel.PHONE, outcome=Outcome.REACHED,
                               at=local(2, 11, 30))
    assert services.chase.unreturned_voicemails() == []
    returned = services.chase.get_voicemail(vm.id)
    assert (returned.returned_at, returned.returned_by) == (local(2, 11, 30), "tester@desk")
    assert services.chase.returned_within(returned) is True  # routine: by the end of the business day
    assert services.audit.count() == entries + 1  # one change, one entry
    assert services.audit.page(0, 1)[0].detail == f"voicemail {vm.id}: phone, reached; returned"
    with pytest.raises(ValidationError) as refused:  # returned: a second "reached" contradicts it
        services.chase.log_attempt(ChaseKind.VOICEMAIL, vm.id, channel=Channel.PHONE, outcome=Outcome.REACHED)
    assert refused.value.field == "outcome"

    services.chase.log_attempt(ChaseKind.CALLBACK, call.id, channel=Channel.TEXT, outcome=Outcome.REACHED)
    assert services.chase.open_callbacks() == []
    with pytest.raises(ValidationError) as refused:  # an attempt before the call it returns
        services.chase.log_attempt(ChaseKind.CALLBACK, call.id, channel=Channel.PHONE,
                                   outcome=Outcome.NO_ANSWER, at=local(2, 8, 0))
    assert refused.value.field == "at"


def test_a_chase_is_closed_as_unreachable_only_after_trying_and_can_be_reopened(
        services: Services, clock: FixedClock, patient_id: int) -> None:
    at(clock, local(2, 9, 0))
    entries = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        services.chase.close_unreachable(ChaseKind.FOLLOW_UP, 7, "no answer")
    assert "log the attempts made first" in refused.value.message
    services.chase.log_attempt(ChaseKind.FOLLOW_UP, 7, channel=Channel.PHONE, outcome=Outcome.WRONG_NUMBER,
                               patient_id=patient_id)
    with pytest.raises(ValidationError) as refused:
        services.chase.close_unreachable(ChaseKind.FOLLOW_UP, 7, "   ")
    assert refused.value.field == "reason"
    services.chase.close_unreachable(ChaseKind.FOLLOW_UP, 7, "wrong number, no other on file")
    assert services.chase.closed(ChaseKind.FOLLOW_UP, [7, 8]) == {7}
    assert services.chase.closed(ChaseKind.CONFIRMATION, [7]) == set()  # per kind of chase
    entry = services.audit.page(0, 1)[0]
    assert (entry.record_id, entry.detail, entry.user) == ("follow_up 7", "closed as unreachable",
                                                           "tester@desk")
    assert "wrong number" not in entry.detail  # the reason's words stay out of the audit
    with pytest.raises(ValidationError):
        services.chase.close_unreachable(ChaseKind.FOLLOW_UP, 7, "again")
    services.chase.reopen_chase(ChaseKind.FOLLOW_UP, 7)
    assert services.chase.closed(ChaseKind.FOLLOW_UP, [7]) == set()
    assert services.audit.count() == entries + 3  # the attempt, the closing, the reopening
