"""The rebooking rules, pure: which missed visits are on the To rebook list and in what order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.rebooking import missed_since, rebook_rows, still_to_rebook

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
SINCE = missed_since(NOW, 30)


def visit(visit_id: int, days: float, status: VisitStatus, cancelled_days: float | None = None,
          patient_id: int = 1) -> Appointment:
    """A visit `days` from now (negative: past), cancelled `cancelled_days` from now when given."""
    cancelled = None if cancelled_days is None else NOW + timedelta(days=cancelled_days)
    return Appointment(patient_id, 2, "est", NOW + timedelta(days=days), 20, id=visit_id, status=status,
                       cancelled_at=cancelled)


def test_a_missed_visit_is_listed_until_a_later_visit_holds_its_slot_or_a_decision_is_made() -> None:
    missed = visit(1, -5, VisitStatus.NO_SHOW)
    assert still_to_rebook([missed], SINCE, {}, set()) == [missed]
    assert still_to_rebook([missed], SINCE, {1: NOW - timedelta(days=9)}, set()) == [missed]  # one before it
    assert still_to_rebook([missed], SINCE, {1: NOW + timedelta(days=3)}, set()) == []
    assert still_to_rebook([missed], SINCE, {}, {1}) == []
    assert still_to_rebook([visit(2, -31, VisitStatus.NO_SHOW)], SINCE, {}, set()) == []  # out of the window
    assert still_to_rebook([visit(3, -2, VisitStatus.ARRIVED)], SINCE, {}, set()) == []


def test_a_visit_booked_after_a_cancellation_answers_it_even_before_the_cancelled_time() -> None:
    cancelled = visit(1, 10, VisitStatus.CANCELLED, cancelled_days=-1)  # next week's, cancelled yesterday
    assert still_to_rebook([cancelled], SINCE, {1: NOW + timedelta(days=4)}, set()) == []
    assert still_to_rebook([cancelled], SINCE, {1: NOW - timedelta(days=2)}, set()) == [cancelled]


def test_the_latest_missed_or_cancelled_comes_first() -> None:
    older = visit(1, -6, VisitStatus.NO_SHOW, patient_id=1)
    cancelled = visit(2, 8, VisitStatus.CANCELLED, cancelled_days=-3, patient_id=2)  # cancelled 3 days ago
    recent = visit(3, -1, VisitStatus.NO_SHOW, patient_id=3)
    rows = rebook_rows([older, cancelled, recent], {1: 2}, {})
    assert [r.appointment_id for r in rows] == [3, 2, 1]
    assert [(r.reason, r.no_shows) for r in rows] == [("no-show", 0), ("cancelled", 0), ("no-show", 2)]
