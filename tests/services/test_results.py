"""The results tracker through the services, on a real workspace with a fake clock: a result
expected for a patient goes awaited -> received -> with the provider -> disposition -> patient
notified -> closed, each step one audit entry; a disposition without a provider is refused with
nothing saved; "labs not back" shows on Today and for the patient's visit on the huddle; an urgent
result not acted on within an hour is flagged; "needs visit" books the visit in one action.

Practice in America/Chicago, open Monday to Friday; the clock starts Monday 2026-03-02 09:30.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from tests.services.march_in_chicago import HOURS, ident, local
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ChangedSinceError, ValidationError
from vma_desk.core.records import AuditAction, Patient, Phone, RecordKind, Role, StaffMember
from vma_desk.core.results import NOT_BACK, URGENT_UNACTED, Disposition, ExpectedResult, ResultStep
from vma_desk.demo import refills as demo_refills
from vma_desk.demo import results as demo_results
from vma_desk.services import Services
from vma_desk.storage.results_repository import ResultRepository

S = ResultStep


class Office:
    def __init__(self, services: Services, clock: FixedClock) -> None:
        self.services, self.clock = services, clock
        self.doctor, _ = services.practice.add_staff(
            StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
        self.nurse, _ = services.practice.add_staff(
            StaffMember("Nora Nurse", Role.CLINICAL, credentials="RN"))
        self.patient, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                                           phones=(Phone("3125550101"),)))
        self.other, _ = services.patients.create(Patient("Bob", "Bell", date(1970, 5, 5),
                                                         phones=(Phone("3125550102"),)))
        self.results = services.results

    @property
    def doctor_id(self) -> int:
        return ident(self.doctor.id)

    def expect(self, expected_by: date = date(2026, 3, 4), test: str = "Lipid panel",
               patient: int | None = None, appointment_id: int | None = None) -> ExpectedResult:
        result, _ = self.results.expect(ExpectedResult(
            patient_id=patient or ident(self.patient.id), test=test, expected_by=expected_by,
            ordered_by_id=self.doctor_id, ordered_on=date(2026, 2, 25), appointment_id=appointment_id))
        return result

    def visit(self, day: int, hour: int, patient: int | None = None) -> int:
        booked, _ = self.services.calendar.book(Appointment(
            patient_id=patient or ident(self.patient.id), provider_id=self.doctor_id, type_code="fu",
            start=local(day, hour), minutes=15))
        return ident(booked.id)

    def to_provider(self, result_id: int) -> ExpectedResult:
        self.results.advance(result_id, S.RECEIVED)
        done, _ = self.results.advance(result_id, S.WITH_PROVIDER)
        return done

    def audit_count(self) -> int:
        return self.services.audit.count()


@pytest.fixture
def office(services: Services, clock: FixedClock) -> Office:
    return Office(services, clock)


def test_a_result_goes_from_awaited_to_closed_one_audited_step_at_a_time(office: Office) -> None:
    result = office.expect()
    assert result.step is S.AWAITED and office.results.get(ident(result.id)) == result
    rid = ident(result.id)
    before = office.audit_count()
    got, change = office.results.advance(rid, S.RECEIVED)
    assert change.kind is RecordKind.RESULT and change.ids == (rid,)
    office.results.advance(rid, S.WITH_PROVIDER)
    office.results.record_disposition(rid, Disposition.NOTIFY_PATIENT, provider_id=office.doctor_id,
                                      note="Tell the patient the result is in")
    office.results.advance(rid, S.PATIENT_NOTIFIED)
    closed, _ = office.results.advance(rid, S.CLOSED)
    assert office.audit_count() == before + 5
    stored = office.results.get(rid)
    assert stored == closed
    assert [e.step for e in stored.events] == list(ResultStep)
    assert stored.events[2].note == "Dana Lee, MD"  # who it went to
    assert stored.events[3].by == "Dana Lee, MD" and stored.events[3].recorded_by == "tester@desk"
    assert stored.disposition is Disposition.NOTIFY_PATIENT and stored.disposition_by_id == office.doctor_id
    details = [e.detail for e in office.services.audit.page(0, 5)]
    assert "disposition: notify_patient" in details and "step: closed" in details
    assert not any("Lipid" in d or "Tell the patient" in d for d in details)  # never the test or notes


def test_a_disposition_without_a_provider_is_refused_beside_the_provider_and_nothing_is_saved(
        office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    before, stored = office.audit_count(), office.results.get(rid)
    with pytest.raises(ValidationError) as caught:
        office.results.record_disposition(rid, Disposition.NORMAL, provider_id=None)
    assert caught.value.field == "provider_id" and "is required" in str(caught.value)
    with pytest.raises(ValidationError) as nurse:
        office.results.record_disposition(rid, Disposition.NORMAL, provider_id=ident(office.nurse.id))
    assert nurse.value.field == "provider_id" and "not a provider" in str(nurse.value)
    assert office.audit_count() == before and office.results.get(rid) == stored


def test_a_result_without_a_test_or_ordering_provider_is_refused_and_nothing_is_saved(office: Office) -> None:
    repo = ResultRepository(office.services.context.conn)
    before, rows = office.audit_count(), repo.count()
    base = ExpectedResult(patient_id=ident(office.patient.id), test="  ", expected_by=date(2026, 3, 4),
                          ordered_by_id=office.doctor_id)
    for wrong, field in ((base, "test"),
                         (ExpectedResult(base.patient_id, "CBC", date(2026, 3, 4), None), "ordered_by_id"),
                         (ExpectedResult(base.patient_id, "CBC", date(2026, 3, 4), office.doctor_id,
                                         ordered_on=date(2026, 3, 3)), "ordered_on"),
                         (ExpectedResult(base.patient_id, "CBC", date(2026, 2, 1), office.doctor_id),
                          "expected_by")):
        with pytest.raises(ValidationError) as caught:
            office.results.expect(wrong)
        assert caught.value.field == field
    assert office.audit_count() == before and repo.count() == rows


def test_a_visit_of_another_patient_is_refused_as_the_results_visit(office: Office) -> None:
    theirs = office.visit(4, 10, patient=ident(office.other.id))
    with pytest.raises(ValidationError) as caught:
        office.expect(appointment_id=theirs)
    assert caught.value.field == "appointment_id"


def test_a_result_past_its_expected_date_shows_labs_not_back(office: Office) -> None:
    late = office.expect(expected_by=date(2026, 2, 27), test="CBC")  # Friday: today is Monday
    office.expect(expected_by=date(2026, 3, 2), test="TSH")  # due today: not late yet
    [row] = office.results.flags()
    assert row.result.id == late.id
    assert row.flags == (f"{NOT_BACK} (expected by 02/27/2026)",)
    assert office.results.open_results()[0].result.id == late.id  # flagged first
    office.results.advance(ident(late.id), S.RECEIVED)
    assert office.results.flags() == []


def test_the_huddle_reads_labs_not_back_for_each_visits_patient(office: Office) -> None:
    visit = office.visit(2, 14)
    tomorrow = office.visit(3, 9)
    friday = office.visit(6, 9)
    theirs = office.visit(2, 15, patient=ident(office.other.id))
    late = office.expect(expected_by=date(2026, 2, 27), appointment_id=visit)
    due_today = office.expect(expected_by=date(2026, 3, 2), test="A1c")
    office.expect(expected_by=date(2026, 3, 4), test="TSH")  # not late yet, even for Friday's visit
    found = office.results.not_back_by_visit([visit, tomorrow, friday, theirs])
    assert [r.id for r in found[visit]] == [late.id]
    # by tomorrow's visit the one expected today is not back either
    assert [r.id for r in found[tomorrow]] == [late.id, due_today.id]
    # a sheet printed today looks no further ahead than tomorrow
    assert [r.id for r in found[friday]] == [late.id, due_today.id]
    assert theirs not in found


def test_an_urgent_result_not_acted_on_within_an_hour_is_flagged_on_today(office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    marked, _ = office.results.record_disposition(rid, Disposition.NEEDS_VISIT, provider_id=office.doctor_id,
                                                  urgent=True)
    assert marked.urgent and marked.urgent_at == office.clock.now()
    office.clock.current += timedelta(minutes=59)
    assert office.results.flags() == []
    office.clock.current += timedelta(minutes=2)
    [row] = office.results.flags()
    assert row.flags == (URGENT_UNACTED,)
    office.services.chase.log_attempt(ChaseKind.RESULT_NOTICE, rid, channel=Channel.PHONE,
                                      outcome=Outcome.LEFT_VOICEMAIL, patient_id=ident(office.patient.id))
    assert office.results.flags() == []  # a call was made: acted on


def test_patient_notified_takes_the_time_and_caller_of_the_reached_attempt(office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    office.results.record_disposition(rid, Disposition.NOTIFY_PATIENT, provider_id=office.doctor_id)
    reached_at = office.clock.now() + timedelta(minutes=10)
    office.clock.current = reached_at
    office.services.chase.log_attempt(ChaseKind.RESULT_NOTICE, rid, channel=Channel.PHONE,
                                      outcome=Outcome.REACHED)
    office.clock.current += timedelta(minutes=30)
    caller = office.services.context.user
    office.services.context.user = "Ben Ortiz"  # another VMA records the step the caller's call did
    told, _ = office.results.advance(rid, S.PATIENT_NOTIFIED)
    office.services.context.user = caller
    assert told.events[-1].at == reached_at and told.events[-1].note == "reached by phone"
    assert (told.events[-1].by, told.events[-1].recorded_by) == (caller, "Ben Ortiz")
    [row] = office.results.open_results()
    assert row.chase.reached


def test_needs_visit_books_the_visit_in_one_action_linked_to_the_result(office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    office.results.record_disposition(rid, Disposition.NEEDS_VISIT, provider_id=office.doctor_id)
    draft = office.results.visit_draft(rid)
    assert draft.provider_id == office.doctor_id
    assert draft.reason == "Result: Lipid panel (provider asked for a visit)"
    before = office.audit_count()
    linked, visit, change = office.results.book_needed_visit(
        rid, Appointment(patient_id=draft.patient_id, provider_id=draft.provider_id, type_code="fu",
                         start=local(5, 10), minutes=15, reason=draft.reason))
    assert linked.visit_id == visit.id and change.kind is RecordKind.RESULT
    assert office.services.calendar.get(ident(visit.id)).patient_id == ident(office.patient.id)
    assert office.audit_count() == before + 2  # the booking's entry and the result's
    assert office.services.audit.page(0, 1)[0].action is AuditAction.UPDATE
    with pytest.raises(ValidationError) as twice:
        office.results.book_needed_visit(rid, Appointment(
            patient_id=draft.patient_id, provider_id=draft.provider_id, type_code="fu", start=local(6, 10),
            minutes=15))
    assert twice.value.field == "visit_id"


def test_a_refused_visit_booking_leaves_neither_the_visit_nor_the_link(office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    office.results.record_disposition(rid, Disposition.NEEDS_VISIT, provider_id=office.doctor_id)
    before = office.audit_count()
    with pytest.raises(ValidationError):  # a visit with no type: the calendar refuses it
        office.results.book_needed_visit(rid, Appointment(
            patient_id=ident(office.patient.id), provider_id=office.doctor_id, type_code="",
            start=local(5, 10), minutes=15))
    assert office.audit_count() == before and office.results.get(rid).visit_id is None


def test_a_step_is_taken_back_by_undo_and_a_closed_result_reopens(office: Office) -> None:
    rid = ident(office.to_provider(ident(office.expect().id)).id)
    before = office.results.get(rid)
    after, _ = office.results.record_disposition(rid, Disposition.OTHER, provider_id=office.doctor_id,
                                                 note="Repeat in three months")
    undone, _ = office.results.undo_step(before, after)
    assert undone.step is S.WITH_PROVIDER and undone.disposition is None
    assert office.results.get(rid).disposition is None
    with pytest.raises(ChangedSinceError):
        office.results.undo_step(before, after)
    office.results.record_disposition(rid, Disposition.NORMAL, provider_id=office.doctor_id)
    office.results.advance(rid, S.CLOSED)
    reopened, _ = office.results.reopen(rid, "Closed by mistake")
    assert reopened.step is S.DISPOSITION and office.results.get(rid).step is S.DISPOSITION


def test_the_patient_hub_shows_open_results_then_the_last_closed(office: Office) -> None:
    first = office.expect(test="CBC")
    office.results.advance(ident(first.id), S.CLOSED, note="Test cancelled")
    open_one = office.expect(test="TSH")
    office.expect(patient=ident(office.other.id))
    assert [r.id for r in office.results.of_patient(ident(office.patient.id))] == [open_one.id, first.id]


def test_the_open_results_list_reads_quickly_with_many_closed_results(office: Office) -> None:
    conn = office.services.context.conn
    pid = ident(office.patient.id)
    with office.services.context.transaction():
        conn.executemany(
            "INSERT INTO result(patient_id, test, ordered_by_id, expected_by, state, created_ts)"
            " VALUES (?, 'CBC', ?, '2024-01-01', ?, 0)",
            [(pid, office.doctor_id, "closed" if i % 50 else "awaited") for i in range(20_000)])
    start = time.perf_counter()
    rows = office.results.open_results()
    assert len(rows) == 400
    assert time.perf_counter() - start < 0.05


# --- the demo's results -------------------------------------------------------------------------

def demo_rows(office: Office, seed: int) -> tuple[int, list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Write the demo's results for the office's visits (then take them out again) and return the
    count `write` gave and the rows it wrote."""
    ctx = office.services.context
    demo_office = demo_refills.office(ctx, practice=office.services.practice.get(), anchor=date(2026, 3, 2),
                                      history_days=60, roster=(), refill_calls=())
    with ctx.transaction():
        written = demo_results.write(ctx, seed=seed, office=demo_office)
    results = ctx.conn.execute("SELECT * FROM result ORDER BY id").fetchall()
    events = ctx.conn.execute("SELECT * FROM result_event ORDER BY result_id, position").fetchall()
    with ctx.transaction():
        ctx.conn.execute("DELETE FROM result_event")
        ctx.conn.execute("DELETE FROM result")
    return written, results, events


def test_the_demo_writes_results_for_the_visits_the_same_for_the_same_seed(office: Office) -> None:
    patients = (ident(office.patient.id), ident(office.other.id))
    for week in range(1, 8):  # Monday physicals over the last weeks, arrived
        for hour in range(9, 17):
            start = local(2, hour) - timedelta(weeks=week)
            office.clock.current = start - timedelta(days=1)
            booked, _ = office.services.calendar.book(Appointment(
                patient_id=patients[hour % 2], provider_id=office.doctor_id, type_code="phys", start=start,
                minutes=30))
            office.clock.current = start + timedelta(minutes=5)
            office.services.calendar.set_status(ident(booked.id), VisitStatus.ARRIVED)
    office.clock.current = local(2, 9, 30)
    for day in (3, 4, 5, 6):  # follow-ups in the anchor week
        for hour in (9, 10, 11, 13, 14, 15):
            office.visit(day, hour, patient=patients[hour % 2])
    started = time.perf_counter()
    written, results, events = demo_rows(office, seed=3)
    assert time.perf_counter() - started < 1
    assert written == len(results) + len(events) and len(results) >= 10
    assert demo_rows(office, seed=3) == (written, results, events)
    assert demo_rows(office, seed=4)[1] != results
    states = {row[7] for row in results}
    assert "closed" in states and "awaited" in states
