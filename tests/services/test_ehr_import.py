"""Importing from the EHR, from a batch as any reader gives it: new patients and visits made, the
same file again changes nothing, a visit moved or cancelled in the EHR is moved or cancelled here
keeping the confirmation recorded here, an ambiguous patient refused with both named (and taken
when the VMA chooses), an unknown practitioner refused unless providers may be added, an overlap
imported and flagged, a dry run writing nothing, one audit entry with counts and no names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.ehr import ImportBatch, SourcePatient, SourcePractitioner, SourceVisit
from vma_desk.core.ehr_plan import Action, source_key
from vma_desk.core.records import ContactMethod, Patient, Phone, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.services.ehr_import import ImportService

CHICAGO = ZoneInfo("America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))
ANN = SourcePatient("MRN-1", "Ann", "Ames", date(1960, 1, 1), ("3125550142",), "Patient/1")
LEE = SourcePractitioner("NPI-9", "Lee, Dana", "Practitioner/9")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def visit(source_id: str, day: int, hour: int, *, minutes: int = 20,
          status: VisitStatus = VisitStatus.UNCONFIRMED, patient: SourcePatient = ANN,
          practitioner: SourcePractitioner = LEE) -> SourceVisit:
    start = local(day, hour)
    return SourceVisit(source_id, status, start, start + timedelta(minutes=minutes), patient, practitioner,
                       "Established visit", f"Appointment/{source_id}")


@pytest.fixture
def importer(services: Services) -> ImportService:
    services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=HOURS))
    return ImportService(services.context)


def test_a_week_imported_makes_patients_and_visits_and_the_same_file_again_changes_nothing(
        services: Services, importer: ImportService) -> None:
    batch = ImportBatch("fhir:urn:ehr", (visit("a1", 4, 9), visit("a2", 5, 10, minutes=40)), (ANN,), (LEE,))
    entries = services.audit.count()
    outcome, change = importer.run(batch, source="week.json")
    plan = outcome.plan
    assert plan.summary() == "Patients: 1 new · Visits: 2 new"
    [ann] = services.patients.search("ames")
    lee = services.practice.staff()[0]
    visits = sorted(services.calendar.appointments([lee.id], local(4, 0), local(6, 0)), key=lambda a: a.start)
    assert [(v.start, v.minutes, v.patient_id) for v in visits] == [(local(4, 9), 20, ann.id),
                                                                     (local(5, 10), 40, ann.id)]
    assert set(change.ids) == {v.id for v in visits}
    assert services.audit.count() == entries + 1
    entry = services.audit.page(0, 1)[0]
    assert entry.record_type == "import" and entry.detail == "Patients: 1 new · Visits: 2 new"
    assert entry.record_id == "fhir:urn:ehr"  # the source, never the file's name
    assert "Ames" not in entry.detail
    assert ImportService(services.context).origin(visits[0].id) == ("fhir:urn:ehr", "a1", "")

    again, _ = importer.run(batch, source="week.json")
    assert again.plan.summary() == "Patients: 1 matched · Visits: 2 unchanged"
    assert again.visit_ids == () and len(services.patients.search("ames")) == 1


def test_a_visit_moved_and_one_cancelled_in_the_ehr_keep_the_confirmation_recorded_here(
        services: Services, importer: ImportService) -> None:
    first = ImportBatch("csv:generic", (visit("a1", 4, 9), visit("a2", 5, 10)))
    outcome, _ = importer.run(first)
    moved_id, cancelled_id = outcome.visit_ids
    services.calendar.set_status(moved_id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    later = ImportBatch("csv:generic", (visit("a1", 4, 11), visit("a2", 5, 10, status=VisitStatus.CANCELLED)))
    outcome, _ = importer.run(later)
    assert [v.action for v in outcome.plan.visits] == [Action.MOVED, Action.CANCELLED]
    moved, cancelled = services.calendar.get(moved_id), services.calendar.get(cancelled_id)
    assert moved.start == local(4, 11) and moved.status is VisitStatus.CONFIRMED  # the VMA's work kept
    assert moved.confirmation_method is ContactMethod.PHONE
    assert cancelled.status is VisitStatus.CANCELLED and cancelled.cancel_reason == "cancelled in the EHR"


def test_an_ambiguous_patient_is_refused_with_both_named_and_taken_once_chosen(
        services: Services, importer: ImportService) -> None:
    one, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550101"),)))
    two, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550102"),)))
    nameless = replace(ANN, source_id="")
    batch = ImportBatch("csv:generic", (visit("a1", 4, 9, patient=nameless),))
    plan = importer.plan(batch)
    [(where, why)] = [r for r in plan.refusals() if r[0] == "Patient/1"]
    assert f"patient {one.id}" in why and f"patient {two.id}" in why and "matches two patients" in why
    assert plan.visits[0].action is Action.REFUSED
    outcome, _ = importer.run(batch, choices={source_key(nameless): two.id})
    assert outcome.plan.visits[0].action is Action.NEW
    assert services.calendar.get(outcome.visit_ids[0]).patient_id == two.id


def test_an_unknown_practitioner_is_refused_unless_providers_may_be_added(
        services: Services, importer: ImportService) -> None:
    stranger = SourcePractitioner("NPI-7", "Dr Omar Okafor", "Practitioner/7")
    batch = ImportBatch("csv:generic", (visit("a1", 4, 9, practitioner=stranger),))
    plan = importer.plan(batch)
    assert plan.visits[0].action is Action.REFUSED
    assert plan.visits[0].reason.startswith('unknown practitioner "Dr Omar Okafor"')
    outcome, _ = importer.run(batch, add_providers=True)
    assert outcome.plan.summary() == "Patients: 1 new · Providers: 1 new · Visits: 1 new"
    assert any(s.name == "Dr Omar Okafor" and s.role is Role.PROVIDER for s in services.practice.staff())


def test_an_overlap_is_imported_and_flagged_and_a_dry_run_writes_nothing(
        services: Services, importer: ImportService) -> None:
    batch = ImportBatch("csv:generic", (visit("a1", 4, 9, minutes=30), visit("a2", 4, 9)))
    entries = services.audit.count()
    dry, _ = importer.run(batch, dry_run=True)
    assert not dry.applied and dry.plan.count("visits", Action.NEW) == 2
    assert services.audit.count() == entries and services.patients.search("ames") == []
    outcome, _ = importer.run(batch)
    note = outcome.plan.visits[1].note
    assert note == "overlaps the provider's visit at 09:00 AM (imported: the EHR owns the schedule)"
    assert ImportService(services.context).origin(outcome.visit_ids[1])[2].startswith("overlaps")


def test_a_calendar_feeds_patient_without_a_birth_date_is_matched_by_name_when_only_one_has_it(
        services: Services, importer: ImportService) -> None:
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550101"),)))
    from_feed = SourcePatient("", "Ann", "Ames", None, (), "VEVENT 1")
    stranger = SourcePatient("", "Zed", "Zane", None, (), "VEVENT 2")
    batch = ImportBatch("ics:dana-lee", (visit("u1", 4, 9, patient=from_feed),
                                         visit("u2", 4, 10, patient=stranger)))
    plan = importer.plan(batch)
    assert [(p.action, p.patient_id) for p in plan.patients] == [(Action.MATCHED, ann.id),
                                                                  (Action.REFUSED, None)]
    assert plan.patients[1].reason.startswith("no patient of that name")
    services.patients.create(Patient("Ann", "Ames", date(1971, 5, 5), phones=(Phone("3125550102"),)))
    # two of that name and no birth date to tell them apart: refused, both offered in the preview
    assert importer.plan(batch).patients[0].action is Action.REFUSED


def test_a_bad_phone_refuses_its_patient_by_row_and_two_spellings_of_a_new_provider_are_one(
        services: Services, importer: ImportService) -> None:
    bad = SourcePatient("MRN-2", "Bo", "Burr", date(1971, 2, 3), ("12",), "Patient/2")
    okafor, dr_okafor = (SourcePractitioner("", "Omar Okafor", "Practitioner/7"),
                         SourcePractitioner("", "Dr Omar Okafor", "Practitioner/8"))
    batch = ImportBatch("csv:generic", (visit("a1", 4, 9, patient=bad),
                                        visit("a2", 4, 10, practitioner=okafor),
                                        visit("a3", 4, 11, practitioner=dr_okafor)))
    outcome, _ = importer.run(batch, add_providers=True)
    [refusal] = [r for r in outcome.plan.refusals() if r[0] == "Patient/2"]
    assert refusal[1].startswith("phones[0]")
    assert [v.action for v in outcome.plan.visits] == [Action.REFUSED, Action.NEW, Action.NEW]
    assert len({services.calendar.get(i).provider_id for i in outcome.visit_ids}) == 1
