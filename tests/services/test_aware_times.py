"""Services refuse times without a time zone with a ValidationError naming the field (a naive
datetime compared with the stored aware ones used to escape as a TypeError: "This is a bug")."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from vma_desk.core.communications import Call, CallReason, Direction, Message
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Patient, Phone, Role, RouteCategory, StaffMember

NAIVE = datetime(2026, 3, 2, 9, 0)
AWARE = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture
def desk(services):
    nurse, _ = services.practice.add_staff(StaffMember(
        "Dana Lee", Role.PROVIDER, credentials="MD", receives=frozenset(RouteCategory)))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),)))
    return services, nurse, ann


CASES = {
    "appointments": lambda s, n, a: s.calendar.appointments([n.id], NAIVE, AWARE),
    "appointments end": lambda s, n, a: s.calendar.appointments([n.id], AWARE, NAIVE),
    "block_occurrences": lambda s, n, a: s.calendar.block_occurrences([n.id], AWARE, NAIVE),
    "find_slots": lambda s, n, a: s.calendar.find_slots(minutes=15, provider_ids=[n.id], after=NAIVE),
    "refills received_between": lambda s, n, a: s.refills.received_between(NAIVE, AWARE),
    "referrals created_between": lambda s, n, a: s.referrals.created_between(AWARE, NAIVE),
    "log_call": lambda s, n, a: s.communications.log_call(Call(
        started_at=NAIVE, direction=Direction.INBOUND, caller_name="Ann Ames",
        reason=CallReason.APPOINTMENT, patient_id=a.id)),
    "take_message callback": lambda s, n, a: s.communications.take_message(Message(
        "Ann Ames", "3125550142", "question", n.id, created_at=AWARE, patient_id=a.id,
        callback_at=NAIVE)),
}


@pytest.mark.parametrize("case", CASES)
def test_a_time_without_a_zone_is_refused_by_name(desk, case):
    services, nurse, ann = desk
    before = services.audit.count()
    with pytest.raises(ValidationError) as refused:
        CASES[case](services, nurse, ann)
    assert "time zone" in refused.value.message
    assert services.audit.count() == before
