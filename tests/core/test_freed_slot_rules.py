"""The freed-slot rules: what a schedule change frees (the part of the slot still ahead, at least
ten minutes), what takes a time, and the fill-rate arithmetic."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.freed_slots import FreedSlot, FreedWhy, fill_rate, freed_by, freed_part, takes_time

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
VISIT = Appointment(patient_id=1, provider_id=7, type_code="est", start=NOW + timedelta(days=1), minutes=30,
                    id=5, status=VisitStatus.CONFIRMED)


def test_a_future_visit_cancelled_or_moved_frees_its_whole_slot() -> None:
    slot = freed_by(VISIT, replace(VISIT, status=VisitStatus.CANCELLED), NOW)
    assert slot is not None
    assert (slot.why, slot.start, slot.minutes, slot.provider_id, slot.appointment_id) == (
        FreedWhy.CANCELLED, VISIT.start, 30, 7, 5)
    assert slot.notice == timedelta(days=1)
    moved = freed_by(VISIT, replace(VISIT, start=VISIT.start + timedelta(hours=2)), NOW)
    assert moved is not None and moved.why is FreedWhy.MOVED
    assert freed_by(VISIT, replace(VISIT, provider_id=8), NOW) is not None
    # same time, same provider (a note, a confirmation, a shorter visit): nothing freed
    assert freed_by(VISIT, replace(VISIT, minutes=20), NOW) is None
    assert freed_by(VISIT, replace(VISIT, status=VisitStatus.ARRIVED), NOW) is None


def test_a_no_show_frees_the_rest_while_ten_minutes_remain() -> None:
    started = replace(VISIT, start=NOW - timedelta(minutes=12))
    slot = freed_by(started, replace(started, status=VisitStatus.NO_SHOW), NOW + timedelta(seconds=40))
    assert slot is not None and (slot.start, slot.minutes) == (NOW, 18)
    assert freed_part(started, NOW + timedelta(minutes=9)) is None  # 9 minutes left
    assert freed_part(replace(VISIT, start=NOW - timedelta(hours=1)), NOW) is None


def test_nothing_is_freed_by_a_visit_that_held_no_time() -> None:
    assert freed_by(None, VISIT, NOW) is None
    cancelled = replace(VISIT, status=VisitStatus.CANCELLED)
    assert freed_by(cancelled, VISIT, NOW) is None


def test_what_takes_a_time() -> None:
    assert takes_time(None, VISIT)
    assert takes_time(replace(VISIT, status=VisitStatus.NO_SHOW), VISIT)
    assert takes_time(VISIT, replace(VISIT, start=VISIT.start + timedelta(hours=1)))
    assert not takes_time(VISIT, replace(VISIT, status=VisitStatus.CANCELLED))
    assert not takes_time(VISIT, replace(VISIT, status=VisitStatus.ARRIVED))


def test_fill_rate_is_filled_over_freed() -> None:
    def slot(filled: bool) -> FreedSlot:
        return FreedSlot(provider_id=7, type_code="est", start=NOW, minutes=20, freed_at=NOW,
                         why=FreedWhy.CANCELLED, filled_appointment_id=9 if filled else None)

    empty = fill_rate([])
    assert empty.rate is None and empty.meets_target is None and empty.text() == "No freed slots"
    rate = fill_rate([slot(True), slot(True), slot(False), slot(False), slot(True)])
    assert (rate.freed, rate.filled, rate.rate) == (5, 3, 0.6) and rate.meets_target
    assert rate.text() == "3 of 5 freed slots filled (60%)"
    assert not fill_rate([slot(True), slot(False), slot(False)]).meets_target
