"""Freed slots through the calendar and the waitlist-offer service, on a real workspace with a fake
clock: cancelling, moving or missing a visit records the time it frees; booking or moving a visit
into it marks it filled; offers are logged and counted; the fill rate is filled / freed.

Practice in America/Chicago, open 8:00-17:00 Monday to Friday; the clock starts Monday 2026-03-02
09:30 local.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.services.march_in_chicago import HOURS, ident, local
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ConflictError, ValidationError
from vma_desk.core.freed_slots import FreedSlot, FreedWhy
from vma_desk.core.records import Patient, Phone, Role, StaffMember
from vma_desk.services import Services
from vma_desk.services.freed_slots import FreedSlotService


class Office:
    def __init__(self, services: Services, clock: FixedClock) -> None:
        self.services, self.clock, self.calendar = services, clock, services.calendar
        self.lee, _ = services.practice.add_staff(
            StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
        self.kim, _ = services.practice.add_staff(
            StaffMember("Sam Kim", Role.PROVIDER, credentials="NP", working_hours=HOURS))
        self.patient_ids = [ident(services.patients.create(Patient(
            first, "Ames", date(1960, 1, 1 + i), phones=(Phone(f"312555010{i}"),)))[0].id)
            for i, first in enumerate(("Ann", "Bob", "Cy", "Di"))]
        self.slots = FreedSlotService(services.context, chase=services.chase)

    def book(self, who: int, start: datetime, minutes: int = 20, provider: StaffMember | None = None,
             **kwargs: str) -> int:
        """The id of a visit booked for patient number `who`."""
        booked, _ = self.calendar.book(Appointment(
            patient_id=self.patient_ids[who], provider_id=ident((provider or self.lee).id), type_code="est",
            start=start, minutes=minutes), **kwargs)
        return ident(booked.id)

    def week(self) -> list[FreedSlot]:
        return self.slots.freed_between(local(2, 0), local(9, 0))


@pytest.fixture
def office(services: Services, clock: FixedClock) -> Office:
    return Office(services, clock)


def test_a_cancelled_visit_frees_its_slot_and_a_booking_fills_it(office: Office) -> None:
    visit = office.book(0, local(4, 10))  # Wednesday 10:00
    office.clock.current = local(3, 15)   # cancelled Tuesday afternoon
    office.calendar.cancel(visit, reason="Travel")
    [slot] = office.week()
    assert (slot.why, slot.start, slot.minutes, slot.provider_id) == (FreedWhy.CANCELLED, local(4, 10), 20,
                                                                      office.lee.id)
    assert slot.appointment_id == visit and slot.freed_at == local(3, 15)
    assert slot.notice == timedelta(hours=19) and not slot.filled
    assert [s.id for s in office.slots.open_slots()] == [slot.id]
    assert office.slots.fill_rate(local(2, 0), local(9, 0)).text() == "0 of 1 freed slot filled (0%)"

    office.clock.current = local(3, 16, 30)
    other = office.book(1, local(4, 10, 5), minutes=15)  # another patient in the freed time
    [slot] = office.week()
    assert slot.filled_appointment_id == other and slot.filled_at == local(3, 16, 30)
    assert slot.filled_ahead == timedelta(hours=17, minutes=30)
    assert office.slots.open_slots() == []
    rate = office.slots.fill_rate(local(2, 0), local(9, 0))
    assert (rate.freed, rate.filled, rate.rate) == (1, 1, 1.0)


def test_a_booking_elsewhere_fills_nothing(office: Office) -> None:
    visit = office.book(0, local(4, 10))
    office.calendar.cancel(visit, reason="Travel")
    office.book(1, local(4, 10), provider=office.kim)  # another provider's time
    office.book(2, local(4, 10, 20))                    # right after the freed slot
    [slot] = office.week()
    assert not slot.filled


def test_a_moved_visit_frees_its_old_time_and_moving_another_in_fills_it(office: Office) -> None:
    first = office.book(0, local(4, 10))
    later = office.book(1, local(6, 15))
    office.calendar.reschedule(first, start=local(5, 9))  # Wednesday 10:00 is freed
    [slot] = office.week()
    assert (slot.why, slot.start, slot.appointment_id) == (FreedWhy.MOVED, local(4, 10), first)
    office.calendar.reschedule(later, start=local(4, 10))  # Friday's visit moved up into it
    slots = office.week()
    assert [(s.why, s.start, s.filled_appointment_id) for s in slots] == [
        (FreedWhy.MOVED, local(4, 10), later), (FreedWhy.MOVED, local(6, 15), None)]


def test_a_no_show_frees_the_rest_of_its_slot_while_enough_remains(office: Office) -> None:
    long_visit = office.book(0, local(2, 10), minutes=40)
    short_visit = office.book(1, local(2, 11), minutes=15)
    office.clock.current = local(2, 10, 10) + timedelta(seconds=30)
    office.calendar.set_status(long_visit, VisitStatus.NO_SHOW)
    office.clock.current = local(2, 11, 10)  # 5 minutes left: not worth offering
    office.calendar.set_status(short_visit, VisitStatus.NO_SHOW)
    [slot] = office.week()
    assert (slot.why, slot.start, slot.minutes) == (FreedWhy.NO_SHOW, local(2, 10, 10), 30)


def test_a_visit_whose_time_has_passed_frees_nothing(office: Office) -> None:
    visit = office.book(0, local(2, 8))  # earlier today, never marked
    office.calendar.cancel(visit, reason="Entered by mistake")
    assert office.week() == []


def test_offers_are_logged_and_counted(office: Office, services: Services) -> None:
    visit = office.book(0, local(4, 10))
    office.calendar.cancel(visit, reason="Travel")
    [slot] = office.week()
    slot_id = ident(slot.id)
    bob, cy = office.patient_ids[1], office.patient_ids[2]
    attempt, change = office.slots.offer(slot_id, bob, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER)
    assert change.ids == (attempt.id,) and attempt.kind is ChaseKind.WAITLIST_OFFER
    office.clock.current = local(2, 10)
    office.slots.offer(slot_id, cy, channel=Channel.TEXT, outcome=Outcome.DECLINED)
    office.clock.current = local(2, 11)
    office.slots.offer(slot_id, bob, channel=Channel.PHONE, outcome=Outcome.REACHED)
    [slot] = office.week()
    assert len(slot.offers) == 3 and slot.offered_to == (bob, cy)
    assert len(services.chase.states(ChaseKind.WAITLIST_OFFER, [slot_id])[slot_id].attempts) == 3
    office.book(1, local(4, 10))
    with pytest.raises(ValidationError) as filled:
        office.slots.offer(slot_id, cy, channel=Channel.PHONE, outcome=Outcome.REACHED)
    assert filled.value.field == "slot_id"
    with pytest.raises(ValidationError):
        office.slots.offer(9999, cy, channel=Channel.PHONE, outcome=Outcome.REACHED)
    assert len(office.week()[0].offers) == 3


def test_a_refused_booking_or_cancellation_changes_no_freed_slot(office: Office) -> None:
    visit = office.book(0, local(4, 10))
    office.book(1, local(4, 10), provider=office.kim)  # Bob is with Sam Kim at 10:00
    office.calendar.cancel(visit, reason="Travel")
    with pytest.raises(ConflictError):
        office.book(1, local(4, 10))  # Bob cannot be in two places: refused
    with pytest.raises(ValidationError):
        office.calendar.cancel(visit, reason="Travel")  # already cancelled
    [slot] = office.week()
    assert not slot.filled
    # booked on purpose, the conflict overridden with its reason: the slot is filled
    booked = office.book(1, local(4, 10), override_reason="Seen by both back to back")
    assert office.week()[0].filled_appointment_id == booked


def test_a_change_taken_back_takes_its_freed_slot_back(office: Office) -> None:
    visit = office.book(0, local(4, 10))
    booked = office.calendar.get(visit)
    cancelled, _, _ = office.calendar.cancel(visit, reason="Travel")
    office.calendar.undo_change(booked, cancelled, "cancel")
    assert office.week() == []
    before_move = office.calendar.get(visit)
    moved, _, _ = office.calendar.reschedule(visit, start=local(5, 9))
    office.calendar.undo_change(before_move, moved, "move")
    assert office.calendar.get(visit).start == local(4, 10)
    assert office.week() == []
    missed = office.book(2, local(2, 13), minutes=40)
    office.clock.current = local(2, 13, 5)
    office.calendar.set_status(missed, VisitStatus.NO_SHOW)
    assert len(office.week()) == 1
    office.calendar.clear_arrival(missed)  # marked by mistake: the patient is here
    assert office.week() == []


def test_the_fill_rate_compares_with_the_target(office: Office) -> None:
    visits = [office.book(i, local(5, 9 + i)) for i in range(3)]
    for visit in visits:
        office.calendar.cancel(visit, reason="Sick")
    office.book(3, local(5, 9))
    office.book(3, local(5, 10), provider=office.lee)
    rate = office.slots.fill_rate(local(2, 0), local(9, 0))
    assert rate.text() == "2 of 3 freed slots filled (67%)" and rate.meets_target
    with pytest.raises(ValidationError):
        office.slots.fill_rate(local(9, 0), local(2, 0))
