"""The round trip the issue asks for: a week exported as FHIR from one workspace and imported into a
fresh one with the same providers gives the same visits at the same local times, with their
patients; importing it again changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.clock import FixedClock
from vma_desk.core.records import Patient, Phone, Practice, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.services.ehr import fhir_io
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

CHICAGO = ZoneInfo("America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def _visits(services: Services) -> list[tuple[str, datetime, int, str, VisitStatus]]:
    """(patient, local start, minutes, provider, status) of the week's visits, in time order."""
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    found = services.calendar.appointments([lee.id], local(2, 0), local(9, 0))
    names = services.patients.display_names(a.patient_id for a in found)
    return sorted((names[a.patient_id], a.start.astimezone(CHICAGO), a.minutes, "Dana Lee", a.status)
                  for a in found)


def test_a_week_exported_as_fhir_and_imported_elsewhere_gives_the_same_visits(
        services: Services, clock: FixedClock, tmp_path: Path, keystore: KeyStore) -> None:
    services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                            working_hours=HOURS))
    lee = next(s for s in services.practice.staff() if s.name == "Dana Lee")
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),)))
    bo, _ = services.patients.create(Patient("Bo", "Burr", date(1971, 2, 3), phones=(Phone("3125550177"),)))
    services.calendar.book(Appointment(ann.id, lee.id, "est", local(4, 9), 20))
    services.calendar.book(Appointment(bo.id, lee.id, "fu", local(5, 14, 30), 15))
    cancelled, _ = services.calendar.book(Appointment(ann.id, lee.id, "est", local(6, 11), 20))
    services.calendar.cancel(cancelled.id, reason="patient asked")
    bundle = json.dumps(fhir_io.export_bundle(services, date(2026, 3, 2), date(2026, 3, 8))).encode()
    before = _visits(services)  # the calendar's visits (the cancelled one is imported as cancelled)
    assert len(before) == 2

    folder = tmp_path / "elsewhere"
    other_ws, _ = Workspace.create(folder, keystore)
    try:
        other = Services.for_workspace(other_ws, clock=clock, user="tester@desk")
        other.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
        other.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                             working_hours=HOURS))
        path = tmp_path / "week.json"
        path.write_bytes(bundle)
        batch = other.ehr_import.read(path)
        outcome, _ = other.ehr_import.run(batch, source="week.json")
        assert outcome.plan.summary() == "Patients: 2 new · Visits: 3 new"
        assert _visits(other) == before
        again, _ = other.ehr_import.run(other.ehr_import.read(path))
        assert again.plan.summary() == "Patients: 2 matched · Visits: 3 unchanged"
    finally:
        other_ws.close()
        keystore.delete(other_ws.workspace_id)
