"""The patient hub through the service: a patient's visits either side of now (cancelled ones not
among those to come), the no-show count, the open loops (a closed message left out), tasks, the
last calls and attempts; opening it is audited as a record viewed, with no value."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, Eligibility, EligibilityStatus, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Message, MessageState
from vma_desk.core.intake import FormState
from vma_desk.core.records import CareGap, Patient, Phone, Role, Shift, StaffMember
from vma_desk.core.records_requests import Direction, RecordsRequest
from vma_desk.core.results import ExpectedResult
from vma_desk.core.tasks import Task
from vma_desk.services import Services

CHICAGO = ZoneInfo("America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def test_the_hub_shows_the_patients_visits_loops_and_contacts_and_its_opening_is_audited(
        services: Services, clock: FixedClock) -> None:
    doctor, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                        working_hours=HOURS))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN"))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 3, 5), phones=(Phone("3125550101"),),
                                              care_gaps=(CareGap("Mammogram", date(2026, 1, 1)),)))
    other, _ = services.patients.create(Patient("Bo", "Burr", date(1970, 1, 1),
                                                phones=(Phone("3125550102"),)))

    def book(who: int, start: datetime) -> int:
        clock.current = start - timedelta(days=10)
        booked, _ = services.calendar.book(Appointment(patient_id=who, provider_id=doctor.id, type_code="est",
                                                       start=start, minutes=20))
        return booked.id

    checked = book(ann.id, local(1, 5, 9))  # eligibility checked then; five visits since
    services.calendar.record_eligibility(checked, Eligibility(EligibilityStatus.VERIFIED, active=True))
    for day in (12, 19, 26):
        book(ann.id, local(1, day, 9))
    book(ann.id, local(2, 9, 9))
    missed = book(ann.id, local(2, 16, 9))
    clock.current = local(2, 16, 10)
    services.calendar.set_status(missed, VisitStatus.NO_SHOW)
    ahead = book(ann.id, local(3, 4, 9))
    dropped = book(ann.id, local(3, 5, 9))
    services.calendar.cancel(dropped, reason="patient asked")
    book(other.id, local(3, 4, 10))  # someone else's
    clock.current = local(3, 2, 9, 30)
    kept, _ = services.communications.take_message(Message(
        caller_name="Ann Ames", contact_number="3125550101", reason="asks about a form",
        recipient_id=nurse.id, created_at=clock.now(), patient_id=ann.id))
    done, _ = services.communications.take_message(Message(
        caller_name="Ann Ames", contact_number="3125550101", reason="old question",
        recipient_id=nurse.id, created_at=clock.now(), patient_id=ann.id))
    services.communications.advance(done.id, MessageState.CLOSED)
    task, _ = services.tasks.create(Task("Send the mammogram order", local(3, 3, 9), assignee_role="vma",
                                         patient_id=ann.id))
    services.chase.log_attempt(ChaseKind.RECALL, ann.id, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
                               patient_id=ann.id)
    services.intake.set_packet("est", ["Registration", "Health history"])
    services.intake.mark(ahead, "Registration", FormState.RECEIVED)
    services.records_requests.add(RecordsRequest(Direction.INCOMING, ann.id, "Mercy Hospital",
                                                 date(2026, 3, 2), items="discharge summary"))
    services.results.expect(ExpectedResult(ann.id, "Lipid panel", date(2026, 2, 27), doctor.id,
                                           ordered_on=date(2026, 2, 20)))
    entries = services.audit.count()

    hub = services.hub.open(ann.id)

    assert hub.age == 65 and [g.kind for g in hub.gaps_open] == ["Mammogram"]
    assert [v.id for v in hub.upcoming] == [ahead]  # the cancelled one is not to come
    assert [v.id for v in hub.recent][0] == missed and checked not in [v.id for v in hub.recent]
    assert hub.no_shows == 1
    assert hub.eligibility is not None and hub.eligibility.status is EligibilityStatus.VERIFIED
    assert [m.id for m in hub.messages] == [kept.id]
    assert [t.id for t in hub.tasks] == [task.id]
    assert [(a.kind, a.outcome) for a in hub.attempts] == [(ChaseKind.RECALL, Outcome.NO_ANSWER)]
    assert hub.other_loops == (("Intake forms", "03/04: 1 of 2 not back: Health history"),
                               ("Result", "Lipid panel · awaited · Labs not back (expected by 02/27/2026)"),
                               ("Records asked for", "from Mercy Hospital · due 03/09 · on time"))
    assert hub.open_loops == 5  # the message, the task, the forms, the result, the records asked for
    assert services.audit.count() == entries + 1
    entry = services.audit.page(0, 1)[0]
    assert (entry.action.value, entry.record_type, entry.record_id, entry.detail) == (
        "open", "patient", str(ann.id), "hub")
    assert services.hub.read(other.id).upcoming[0].patient_id == other.id
