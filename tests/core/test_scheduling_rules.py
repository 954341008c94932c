"""Scheduling rules from hand-made records: a patient cannot be in two places, late bookings are
confirmed and verified at once, and confirmation is kept apart from arrival."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import (
    Appointment,
    ConflictKind,
    Eligibility,
    EligibilityStatus,
    VisitStatus,
)
from vma_desk.core.records import Practice, Role, Shift, StaffMember
from vma_desk.core.rules import scheduling

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside", "America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))
LEE = StaffMember("Dana Lee", Role.PROVIDER, id=1, credentials="MD", working_hours=HOURS)
ROE = StaffMember("Sam Roe", Role.PROVIDER, id=2, credentials="DO", working_hours=HOURS)
NAMES = {1: LEE.display_name, 2: ROE.display_name}


def chicago(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def visit(patient_id: int, provider: StaffMember, start: datetime, minutes: int = 20, **kw) -> Appointment:
    assert provider.id is not None
    return Appointment(patient_id, provider.id, "est", start, minutes, **kw)


def context(provider: StaffMember, patient_visits=(), booked=()) -> scheduling.ScheduleContext:
    return scheduling.ScheduleContext(PRACTICE, CHICAGO, provider, booked, [], {},
                                      patient_visits=patient_visits, provider_names=NAMES)


# --- item 10: a patient cannot be in two places ------------------------------------------------------
def test_a_patient_booked_with_another_provider_at_the_same_time_is_a_conflict_with_its_reason():
    with_roe = visit(7, ROE, chicago(3, 10, 0), id=41)
    found = scheduling.conflicts(visit(7, LEE, chicago(3, 10, 10)), context(LEE, [with_roe]))
    assert [(c.kind, c.message) for c in found] == [
        (ConflictKind.PATIENT_BUSY, "The patient already has a visit 10:00-10:20 with Sam Roe, DO.")]


def test_touching_visits_and_visits_that_no_longer_hold_their_time_are_no_conflict():
    before = visit(7, ROE, chicago(3, 9, 40), id=41)  # ends 10:00 as the new one starts
    cancelled = visit(7, ROE, chicago(3, 10, 0), id=42, status=VisitStatus.CANCELLED)
    no_show = visit(7, ROE, chicago(3, 10, 0), id=43, status=VisitStatus.NO_SHOW)
    other_patient = visit(8, ROE, chicago(3, 10, 0), id=44)
    patient_visits = [before, cancelled, no_show, other_patient]
    assert scheduling.conflicts(visit(7, LEE, chicago(3, 10, 0)), context(LEE, patient_visits)) == []


def test_moving_a_visit_onto_the_patients_other_visit_is_a_conflict_but_not_onto_itself():
    with_roe = visit(7, ROE, chicago(3, 14, 0), id=41)
    moved = visit(7, LEE, chicago(3, 14, 15), id=40)
    found = scheduling.conflicts(moved, context(LEE, [with_roe, replace(moved, start=chicago(3, 9))]))
    assert [c.kind for c in found] == [ConflictKind.PATIENT_BUSY]


def test_the_same_patient_twice_with_one_provider_says_it_is_the_patient():
    first = visit(7, LEE, chicago(3, 10, 0), id=41)
    found = scheduling.conflicts(visit(7, LEE, chicago(3, 10, 0)), context(LEE, [first], [first]))
    assert [(c.kind, c.message) for c in found] == [
        (ConflictKind.PATIENT_BUSY, "The patient already has a visit 10:00-10:20 with Dana Lee, MD.")]


# --- item 11: late bookings are confirmed and verified at once ------------------------------------
MONDAY_MORNING = chicago(2, 8, 30)


def test_a_visit_booked_this_morning_for_this_afternoon_is_due_now_for_both_calls():
    late = visit(7, LEE, chicago(2, 15, 0), booked_at=chicago(2, 8, 5))
    assert scheduling.booked_late(late)
    assert scheduling.confirmation_due(late, MONDAY_MORNING)
    assert scheduling.eligibility_due(late, MONDAY_MORNING)
    # ... until done
    assert not scheduling.confirmation_due(
        replace(late, status=VisitStatus.CONFIRMED, confirmation=VisitStatus.CONFIRMED), MONDAY_MORNING)
    assert not scheduling.eligibility_due(
        replace(late, eligibility=Eligibility(EligibilityStatus.VERIFIED)), MONDAY_MORNING)
    # ... or past: a visit that has begun is no longer called to be confirmed
    assert not scheduling.confirmation_due(late, chicago(2, 15, 5))


def test_a_visit_booked_yesterday_evening_for_the_next_morning_is_late_too():
    late = visit(7, LEE, chicago(3, 8, 0), booked_at=chicago(2, 17, 30))
    assert scheduling.confirmation_due(late, chicago(2, 17, 31))
    assert scheduling.eligibility_due(late, chicago(3, 7, 0))


def test_a_visit_booked_three_days_ahead_follows_the_normal_window():
    ahead = visit(7, LEE, chicago(5, 10, 0), booked_at=MONDAY_MORNING)
    assert not scheduling.booked_late(ahead)
    assert not scheduling.confirmation_due(ahead, MONDAY_MORNING)  # 73.5 h ahead
    assert scheduling.confirmation_due(ahead, chicago(3, 9, 0))  # 49 h ahead
    assert not scheduling.eligibility_due(ahead, chicago(3, 9, 0))  # eligibility: 24-48 h
    assert scheduling.eligibility_due(ahead, chicago(3, 11, 0))
    assert not scheduling.confirmation_due(ahead, chicago(4, 11, 0))  # inside 24 h: the window closed


def test_an_old_visit_without_a_booking_time_follows_the_normal_window():
    old = visit(7, LEE, chicago(2, 15, 0))
    assert not scheduling.booked_late(old)
    assert not scheduling.confirmation_due(old, MONDAY_MORNING)


# --- item 6: confirmation apart from arrival ------------------------------------------------------
def test_a_confirmed_visit_that_arrived_still_says_it_was_confirmed():
    arrived = visit(7, LEE, chicago(2, 9), status=VisitStatus.ARRIVED, confirmation=VisitStatus.CONFIRMED)
    assert arrived.confirmation is VisitStatus.CONFIRMED and arrived.arrival is VisitStatus.ARRIVED
    pending = visit(7, LEE, chicago(2, 9), status=VisitStatus.LEFT_MESSAGE)
    assert pending.confirmation is VisitStatus.LEFT_MESSAGE and pending.arrival is None
