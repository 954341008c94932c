"""A "needs visit" refill decision closes its loop: the visit is booked in one action, linked both
ways (the refill names its visit, the visit's day shows the refill), and a visit cancelled puts the
refill back on the "needs visit — not booked" list. Practice in Chicago; the clock stands at Monday
2026-03-02 09:30 local."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.agenda import VisitFlag
from vma_desk.core.calendar import Appointment
from vma_desk.core.errors import ConflictError, ValidationError
from vma_desk.core.records import LastVisit, Patient, Phone, RecordKind, Role, Shift, StaffMember
from vma_desk.core.refills import Decision, RefillRequest, RefillSource, RefillStep
from vma_desk.services import Services

CHICAGO = ZoneInfo("America/Chicago")
MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Desk:
    services: Services
    lee: StaffMember
    ann: Patient  # seen lately
    bob: Patient  # not seen in over a year: his requests fail the protocol


@pytest.fixture(name="desk")
def desk_fixture(services):
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),),
                                              last_visits=(LastVisit(lee.id, date(2025, 11, 3)),)))
    bob, _ = services.patients.create(Patient("Bob", "Birch", date(1970, 5, 5), phones=(Phone("3125550143"),),
                                              last_visits=(LastVisit(lee.id, date(2024, 6, 1)),)))
    return Desk(services, lee, ann, bob)


def enter_request(desk: Desk, patient: Patient, **fields: object) -> RefillRequest:
    values: dict[str, object] = dict(
        patient_id=patient.id, medication="Lisinopril", strength="10 mg", quantity="90",
        pharmacy="Walgreens", source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
        prescriber_id=desk.lee.id, received_at=at(MONDAY, 9))
    values.update(fields)
    saved, _ = desk.services.refills.create(RefillRequest(**values))  # type: ignore[arg-type]
    return saved


def needs_visit(desk, patient=None):
    request = enter_request(desk, patient or desk.bob, medication="Metformin", strength="500 mg",
                            labs=())
    desk.services.refills.route(request.id)
    decided, _ = desk.services.refills.record_decision(request.id, Decision.NEEDS_VISIT,
                                                       decided_by_id=desk.lee.id)
    return decided


def test_a_needs_visit_decision_books_the_visit_linked_both_ways_in_one_audited_action(desk):
    services = desk.services
    request = needs_visit(desk)
    assert request.awaiting_visit and not request.visit_booked
    assert [r.id for r in services.refills.awaiting_visit()] == [request.id]
    draft = services.refills.visit_draft(request.id)  # what the booking dialog starts with
    assert (draft.patient_id, draft.provider_id, draft.type_code) == (desk.bob.id, desk.lee.id, "fu")
    assert draft.reason == "Refill: Metformin 500 mg needs visit"
    audited_before = len(services.audit.page())

    linked, visit, change = services.refills.book_visit(
        request.id, Appointment(draft.patient_id, draft.provider_id, draft.type_code, at(TUESDAY, 10), 15,
                                reason=draft.reason), authorised_by="Patient (phone call)")

    assert change.kind is RecordKind.REFILL and change.ids == (request.id,)
    # both directions read back from the workspace
    again = services.refills.get(request.id)
    assert again.visit is not None and again.visit.id == visit.id == linked.visit.id
    assert again.visit.start == at(TUESDAY, 10) and again.visit_booked and not again.awaiting_visit
    assert [r.id for r in services.refills.for_visits([visit.id])[visit.id]] == [request.id]
    assert services.calendar.get(visit.id).reason == "Refill: Metformin 500 mg needs visit"
    assert services.refills.awaiting_visit() == []
    # the booking and the link: one entry each, by the signed-in user, no values
    entries = services.audit.page()[:len(services.audit.page()) - audited_before]
    assert sorted((e.record_type, e.detail) for e in entries) == [
        ("appointment", "authorised"), ("refill", f"visit booked: appointment {visit.id}")]
    assert all(e.user == "tester@desk" for e in entries)
    # the visit's day shows why it was booked
    [line] = services.agenda.day(TUESDAY).provider(desk.lee.id).visits
    assert (VisitFlag.REFILL_NEEDS_VISIT, "Metformin 500 mg") in line.flags


def test_a_refused_booking_leaves_no_visit_and_no_link(desk):
    services = desk.services
    request = needs_visit(desk)
    sunday = Appointment(desk.bob.id, desk.lee.id, "fu", at(date(2026, 3, 8), 10), 15)
    with pytest.raises(ConflictError):  # the practice is closed on Sunday
        services.refills.book_visit(request.id, sunday)
    assert services.refills.get(request.id).visit is None
    assert services.calendar.appointments([desk.lee.id], at(MONDAY, 0), at(date(2026, 3, 9), 0)) == []


def test_only_a_needs_visit_decision_books_a_visit_and_only_once(desk):
    services = desk.services
    approved = enter_request(desk, desk.ann)
    services.refills.route(approved.id)
    services.refills.record_decision(approved.id, Decision.APPROVED, decided_by_id=desk.lee.id)
    visit = Appointment(desk.ann.id, desk.lee.id, "fu", at(TUESDAY, 10), 15)
    with pytest.raises(ValidationError, match="needs a visit"):
        services.refills.book_visit(approved.id, visit)
    request = needs_visit(desk)
    services.refills.book_visit(request.id, Appointment(desk.bob.id, desk.lee.id, "fu", at(TUESDAY, 11), 15))
    with pytest.raises(ValidationError, match="already booked"):
        services.refills.book_visit(request.id, Appointment(desk.bob.id, desk.lee.id, "fu",
                                                            at(TUESDAY, 14), 15))
    with pytest.raises(ValidationError, match="patient"):  # the visit is the refill's patient's
        services.refills.book_visit(needs_visit(desk, desk.ann).id, Appointment(
            desk.bob.id, desk.lee.id, "fu", at(TUESDAY, 15), 15))


def test_a_cancelled_visit_puts_the_refill_back_on_the_needs_visit_list(desk):
    services = desk.services
    request = needs_visit(desk)
    _linked, visit, _ = services.refills.book_visit(
        request.id, Appointment(desk.bob.id, desk.lee.id, "fu", at(TUESDAY, 10), 15))
    services.calendar.cancel(visit.id, reason="Patient is travelling")
    again = services.refills.get(request.id)
    assert again.awaiting_visit and not again.visit_booked and again.visit.cancelled
    assert [r.id for r in services.refills.awaiting_visit()] == [request.id]
    assert services.agenda.day(TUESDAY).provider(desk.lee.id) is None  # no visit left that day
    # booked again: linked to the new visit
    _linked, second, _ = services.refills.book_visit(
        request.id, Appointment(desk.bob.id, desk.lee.id, "fu", at(TUESDAY, 13), 15))
    assert services.refills.get(request.id).visit.id == second.id
    assert services.refills.awaiting_visit() == []


def test_a_closed_refill_whose_visit_was_cancelled_stays_on_the_list(desk):
    services = desk.services
    request = needs_visit(desk)
    _linked, visit, _ = services.refills.book_visit(
        request.id, Appointment(desk.bob.id, desk.lee.id, "fu", at(TUESDAY, 10), 15))
    services.refills.advance(request.id, RefillStep.PATIENT_NOTIFIED)
    services.refills.advance(request.id, RefillStep.CLOSED)
    assert services.refills.awaiting_visit() == []
    services.calendar.cancel(visit.id, reason="Patient cancelled")
    assert [r.id for r in services.refills.awaiting_visit()] == [request.id]
