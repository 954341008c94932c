"""A small practice with issue 16's loops open on Monday 2 March 2026 (the test clock: 9:30 in
Chicago), for the Today, huddle and handoff tests.

Ben Ortiz (a VMA) signed in at 8:00. Dana Lee, MD sees on Monday:
- 10:00 Ann Ames, a new patient: her packet went out, the registration came back, the HIPAA
  acknowledgement and health history did not ("forms incomplete");
- 11:00 Bob Bell: his CBC and A1c were expected by Friday and are not back ("Labs not back");
- 14:00 Cal Cruz: his cardiology referral has a task to chase the consult report, due at noon
  today, for any VMA.
Besides: a task due Friday for Nora Nurse (overdue), one due Tuesday for Ben (the handoff's, not
Today's), one due Thursday (neither); Cal's lipid panel marked urgent by Dr Lee at 8:00 and not
acted on; St. Mary's ER asked for Ann's records on 16 February (late). During Ben's shift he did
one task and cancelled another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from tests.services.march_in_chicago import CHICAGO, HOURS, ident, local
from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Channel
from vma_desk.core.clock import FixedClock
from vma_desk.core.intake import FormState
from vma_desk.core.records import Patient, Phone, Practice, RecordKind, Role, StaffMember
from vma_desk.core.records_requests import Direction, RecordsRequest
from vma_desk.core.referrals import Referral
from vma_desk.core.results import Disposition, ExpectedResult, ResultStep
from vma_desk.core.tasks import Task
from vma_desk.core.users import UserRole
from vma_desk.services import Services

PIN = "246802"


def february(day: int, hour: int) -> datetime:
    """`day` February 2026 at `hour` in Chicago, as UTC."""
    return datetime(2026, 2, day, hour, tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Loops:
    services: Services
    clock: FixedClock
    ben_id: int
    visits: dict[str, int]  # Monday's, by the patient's first name
    patients: dict[str, int]
    referral_task: int
    overdue_task: int
    tuesday_task: int
    thursday_task: int
    done_task: int
    cancelled_task: int
    urgent_result: int
    late_request: int


def build_loops(services: Services, clock: FixedClock) -> Loops:
    now = clock.current
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago"))
    services.users.create_first("Ann Lee", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, PIN)
    doctor, _ = services.practice.add_staff(
        StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN"))
    patients = {}
    for number, (first, last) in enumerate((("Ann", "Ames"), ("Bob", "Bell"), ("Cal", "Cruz"))):
        made, _ = services.patients.create(Patient(first, last, date(1960 + number, 1, 1),
                                                   phones=(Phone(f"31255501{number:02d}"),)))
        patients[first] = ident(made.id)
    services.intake.set_packet("new", ["Registration", "HIPAA acknowledgement", "Health history"])
    tasks, results = services.tasks, services.results

    clock.current = february(20, 9)  # Friday 20 February
    referral, _ = services.referrals.create(Referral(
        patients["Cal"], ident(doctor.id), "Cardiology", "Heart Partners", "murmur", clock.now()))
    request, _ = services.records_requests.add(RecordsRequest(
        Direction.INCOMING, patient_id=patients["Ann"], party="St. Mary's Hospital ER",
        asked_on=date(2026, 2, 16), items="ER visit notes"))
    clock.current = february(27, 9)  # Friday 27 February
    visits = {}
    for first, hour, code in (("Ann", 10, "new"), ("Bob", 11, "est"), ("Cal", 14, "est")):
        booked, _ = services.calendar.book(Appointment(patients[first], ident(doctor.id), code,
                                                       local(2, hour), 40 if code == "new" else 20))
        visits[first] = ident(booked.id)
    for test in ("CBC", "A1c"):
        results.expect(ExpectedResult(patient_id=patients["Bob"], test=test, expected_by=date(2026, 2, 27),
                                      ordered_by_id=ident(doctor.id), ordered_on=date(2026, 2, 20)))
    for name in ("Registration", "HIPAA acknowledgement", "Health history"):
        services.intake.mark(visits["Ann"], name, FormState.SENT, channel=Channel.PORTAL)
    overdue, _ = tasks.create(Task("Fax the FMLA form back", february(27, 17),
                                   assignee_staff_id=nurse.id, link_kind=RecordKind.PATIENT,
                                   link_id=patients["Bob"]))
    clock.current = local(2, 8)  # Monday 8:00: Ben signs in
    services.users.sign_in(ident(ben.id), PIN)
    services.intake.mark(visits["Ann"], "Registration", FormState.RECEIVED)
    lipid, _ = results.expect(ExpectedResult(patient_id=patients["Cal"], test="Lipid panel",
                                             expected_by=date(2026, 3, 2), ordered_by_id=ident(doctor.id)))
    results.advance(ident(lipid.id), ResultStep.RECEIVED)
    results.advance(ident(lipid.id), ResultStep.WITH_PROVIDER)
    results.record_disposition(ident(lipid.id), Disposition.NEEDS_VISIT, provider_id=ident(doctor.id),
                               urgent=True)
    referral_task, _ = tasks.create(Task("Chase the cardiology consult report", local(2, 12),
                                         assignee_role="vma", link_kind=RecordKind.REFERRAL,
                                         link_id=referral.id))
    tuesday, _ = tasks.create(Task("Call the payer about the MRI", local(3, 15), assignee_user_id=ben.id))
    thursday, _ = tasks.create(Task("Send the recall letters", local(5, 10), assignee_role="front_desk"))
    done, _ = tasks.create(Task("Print the huddle sheet", local(2, 8, 30), assignee_user_id=ben.id))
    cancelled, _ = tasks.create(Task("Order toner", local(2, 12), assignee_role="front_desk"))
    clock.current = local(2, 8, 45)
    tasks.complete(ident(done.id))
    tasks.cancel(ident(cancelled.id), "Duplicate of another task")
    clock.current = now
    return Loops(services, clock, ident(ben.id), visits, patients, ident(referral_task.id), ident(overdue.id),
                 ident(tuesday.id), ident(thursday.id), ident(done.id), ident(cancelled.id), ident(lipid.id),
                 ident(request.id))
