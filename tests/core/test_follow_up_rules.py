"""The follow-up call's pure rules: when it is due (business days after the visit's local day, at
opening time), which visits ask for one, and which answers can be saved."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, AppointmentType, VisitStatus
from vma_desk.core.follow_up import (
    DEFAULT_DAYS,
    FollowUpAnswers,
    call_due_at,
    check_answers,
    due_at,
    follow_up_days,
)
from vma_desk.core.records import Holiday, Practice

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside", "America/Chicago", holidays=(Holiday(date(2026, 3, 9), "Staff day"),))
PROC = AppointmentType("proc", "Procedure", 45, follow_up_days=2)
EST = AppointmentType("est", "Established visit", 20)


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def visit(start: datetime, *, status: VisitStatus = VisitStatus.ARRIVED, call_after: bool = False,
          code: str = "proc") -> Appointment:
    return Appointment(patient_id=1, provider_id=1, type_code=code, start=start, minutes=45, status=status,
                       call_after=call_after)


def test_due_skips_the_weekend_and_the_holiday_at_opening_time() -> None:
    # Thursday -> Friday (1), Monday the 9th is a holiday, Tuesday (2) at 8:00 local
    assert due_at(local(3, 5, 10), 2, PRACTICE, CHICAGO) == local(3, 10, 8)
    # a late visit's local day counts, not its UTC day (18:30 Friday is Saturday in UTC)
    assert due_at(local(3, 13, 18, 30), 1, PRACTICE, CHICAGO) == local(3, 16, 8)
    assert due_at(local(3, 2, 9), 5, PRACTICE, CHICAGO) == local(3, 10, 8)


def test_the_type_sets_the_days_and_a_visit_marked_call_after_defaults_to_two() -> None:
    assert follow_up_days(visit(local(3, 2, 9)), PROC) == 2
    assert follow_up_days(visit(local(3, 2, 9), code="est"), EST) is None
    assert follow_up_days(visit(local(3, 2, 9), code="est", call_after=True), EST) == DEFAULT_DAYS == 2
    assert follow_up_days(visit(local(3, 2, 9), call_after=True), PROC) == 2


def test_only_an_arrived_visit_has_a_call() -> None:
    for status in (VisitStatus.NO_SHOW, VisitStatus.CANCELLED, VisitStatus.CONFIRMED):
        assert call_due_at(visit(local(3, 2, 9), status=status), PROC, PRACTICE, CHICAGO) is None
    assert call_due_at(visit(local(3, 2, 9)), PROC, PRACTICE, CHICAGO) == local(3, 4, 8)


def test_answers_are_checked_by_field() -> None:
    def fields(answers: FollowUpAnswers) -> list[str]:
        return [p.field for p in check_answers(answers)]

    assert fields(FollowUpAnswers()) == ["answers"]
    assert fields(FollowUpAnswers(has_question=True)) == ["question"]
    assert fields(FollowUpAnswers(understood=True, question="When?")) == ["has_question"]
    assert fields(FollowUpAnswers(has_question=True, question="x" * 2001)) == ["question"]
    assert fields(FollowUpAnswers(understood=False, follow_up_booked=True)) == []
