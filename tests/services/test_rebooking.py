"""The To rebook list through its service, on a real workspace, as a VMA meets it: no-shows and
cancellations with no later visit, with their reason, late flag and the patient's no-show count;
"Rebook" with the original type and provider, saved with its decision or not at all; "Won't rebook"
with its reason; a later visit booked any other way clearing the row; refusals by field.

The practice is in America/Chicago; the clock is Monday 2026-03-02 09:30 local (15:30 UTC).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.services.worklist_support import CHICAGO, Desk, local, make_desk
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ConflictError, ValidationError
from vma_desk.core.rebooking import Decision
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.services import Services

NOW = local(3, 2, 9, 30)


@pytest.fixture
def desk(services: Services) -> Desk:
    return make_desk(services)


def no_show(desk: Desk, clock: FixedClock, patient_id: int, start: datetime, code: str = "est") -> int:
    """A visit booked on Monday 5 January for `start`, that the patient did not come to; the clock
    back at now."""
    clock.current = local(1, 5, 9)
    visit = desk.book(patient_id, code, start)
    clock.current = start
    desk.services.calendar.set_status(visit, VisitStatus.NO_SHOW)
    clock.current = NOW
    return visit


def listed(desk: Desk) -> list[int]:
    return [row.appointment_id for row in desk.rebooking.to_rebook()]


def test_a_no_show_with_no_later_visit_is_on_to_rebook_until_rebooked(desk: Desk, clock: FixedClock) -> None:
    ben = desk.patient("Ben")
    earlier = no_show(desk, clock, ben, local(1, 20, 10))  # more than 30 days ago: off the list
    missed = no_show(desk, clock, ben, local(2, 24, 10), code="fu")
    row, = desk.rebooking.to_rebook()
    assert (row.appointment_id, row.patient_id, row.reason, row.late_cancel) == \
        (missed, ben, "no-show", False)
    assert row.no_shows == 2  # his no-shows, all time
    assert earlier not in listed(desk)

    again, change = desk.rebooking.rebook(missed, local(3, 10, 11), authorised_by="Dr Lee")
    assert again.id is not None
    assert change == Change(RecordKind.APPOINTMENT, AuditAction.CREATE, (again.id, missed))
    original = desk.services.calendar.get(missed)
    assert (again.type_code, again.provider_id, again.minutes, again.patient_id) == \
        (original.type_code, original.provider_id, original.minutes, ben)
    assert listed(desk) == []
    decision = desk.rebooking.decision(missed)
    assert decision is not None and (decision.decision, decision.new_appointment_id, decision.by) == \
        (Decision.REBOOKED, again.id, "Test VMA")
    mine, booked = desk.services.audit.page(0, 2)
    assert (mine.user, mine.action, mine.record_type, mine.record_id) == \
        ("Test VMA", AuditAction.UPDATE, "appointment", str(missed))
    assert (booked.action, booked.record_id) == (AuditAction.CREATE, str(again.id))


def test_a_cancellation_shows_its_reason_and_late_flag_until_a_visit_is_booked_any_other_way(
        desk: Desk, clock: FixedClock) -> None:
    ann = desk.patient("Ann")
    tomorrow = desk.book(ann, "phys", local(3, 3, 9))
    desk.services.calendar.cancel(tomorrow, reason="Car trouble")  # within the 24 h notice: late
    row, = desk.rebooking.to_rebook()
    assert (row.appointment_id, row.reason, row.late_cancel, row.no_shows) == \
        (tomorrow, "Car trouble", True, 0)

    desk.book(ann, "est", local(3, 9, 14))  # booked from the calendar, not from the list
    assert listed(desk) == []


def test_a_visit_before_the_missed_one_does_not_answer_it(desk: Desk, clock: FixedClock) -> None:
    cole = desk.patient("Cole")
    clock.current = local(2, 16, 8)
    came = desk.book(cole, "est", local(2, 16, 9))
    clock.current = local(2, 16, 9, 5)
    desk.services.calendar.set_status(came, VisitStatus.ARRIVED)
    missed = no_show(desk, clock, cole, local(2, 25, 15))
    assert listed(desk) == [missed]
    with pytest.raises(ValidationError) as refused:
        desk.rebooking.rebook(came, local(3, 10, 11))
    assert refused.value.field == "status"  # a visit that took place is not rebooked


def test_the_rows_carry_their_rebooking_attempts(desk: Desk, clock: FixedClock) -> None:
    ben = desk.patient("Ben")
    missed = no_show(desk, clock, ben, local(2, 27, 10))
    clock.current = local(2, 27, 16)
    desk.services.chase.log_attempt(ChaseKind.REBOOK, missed, channel=Channel.PHONE,
                                    outcome=Outcome.LEFT_VOICEMAIL, patient_id=ben)
    clock.current = NOW
    row, = desk.rebooking.to_rebook()
    assert row.chase.text(CHICAGO) == "1 attempt · last: left voicemail 16:00"
    assert not row.chase.quiet(NOW)  # the voicemail's day has passed: the next call is due


def test_wont_rebook_takes_a_reason_and_nothing_is_saved_without_one(desk: Desk, clock: FixedClock) -> None:
    ben = desk.patient("Ben")
    missed = no_show(desk, clock, ben, local(2, 26, 10))
    entries = desk.services.audit.count()
    for reason in ("", "   ", "x" * 201):
        with pytest.raises(ValidationError) as refused:
            desk.rebooking.wont_rebook(missed, reason)
        assert refused.value.field == "reason"
    assert listed(desk) == [missed] and desk.services.audit.count() == entries

    change = desk.rebooking.wont_rebook(missed, "Moved out of state")
    assert change == Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (missed,))
    assert listed(desk) == []
    decision = desk.rebooking.decision(missed)
    assert decision is not None and (decision.decision, decision.reason) == (Decision.WONT_REBOOK,
                                                                             "Moved out of state")
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.user, entry.record_id) == ("Test VMA", str(missed)) and "state" not in entry.detail
    with pytest.raises(ValidationError) as refused:
        desk.rebooking.rebook(missed, local(3, 10, 11))
    assert refused.value.field == "appointment_id"


def test_a_refused_booking_saves_neither_the_visit_nor_the_decision(desk: Desk, clock: FixedClock) -> None:
    ben, ann = desk.patient("Ben"), desk.patient("Ann")
    missed = no_show(desk, clock, ben, local(2, 26, 10))
    desk.book(ann, "est", local(3, 10, 11))
    entries = desk.services.audit.count()
    with pytest.raises(ConflictError):
        desk.rebooking.rebook(missed, local(3, 10, 11))  # Dr Lee already sees Ann then
    assert desk.rebooking.decision(missed) is None and listed(desk) == [missed]
    assert desk.services.audit.count() == entries
    with pytest.raises(ValidationError, match="appointment_id"):
        desk.rebooking.wont_rebook(missed + 100, "Moved")


def test_the_window_is_a_practice_setting(desk: Desk, clock: FixedClock) -> None:
    ben = desk.patient("Ben")
    old = no_show(desk, clock, ben, local(1, 20, 10))
    assert listed(desk) == []
    desk.rebooking.set_within_days(60)
    assert listed(desk) == [old] and desk.rebooking.within_days() == 60
    for bad in (0, 366):
        with pytest.raises(ValidationError) as refused:
            desk.rebooking.set_within_days(bad)
        assert refused.value.field == "within_days"
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.user, entry.record_type, entry.record_id) == ("Test VMA", "setting", "rebook")
