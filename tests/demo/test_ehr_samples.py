"""Sample EHR files from the demo's schedule: owner-only files in the folder the user names, which
the readers take back as the same visits at the same times as the workspace's calendar.

One one-year demo (anchor Monday 2026-03-02, the clock at 09:30 that morning in Chicago) is made
for the module: the next business day is Tuesday 2026-03-03.
"""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.demo.ehr_samples import write_samples
from vma_desk.services import Services
from vma_desk.services.ehr.csv_io import load_profile, read_csv
from vma_desk.services.ehr.fhir_io import read_bundle
from vma_desk.services.ehr.ics_io import read_ics

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
TUESDAY = date(2026, 3, 3)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, module_demos: Demos) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("demo") / "ws", now=NOW)


def calendar_day(services: Services, day: date) -> list[Appointment]:
    start = datetime.combine(day, time(0), CHICAGO).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), CHICAGO).astimezone(UTC)
    ids = [p.id for p in services.practice.providers() if p.id is not None]
    return [a for a in services.calendar.appointments(ids, start, end, include_cancelled=True)
            if a.start >= start]


def as_an_ehr_says(status: VisitStatus) -> VisitStatus:
    """An EHR has no "left message": the sample says scheduled for it."""
    return VisitStatus.UNCONFIRMED if status is VisitStatus.LEFT_MESSAGE else status


def test_the_next_business_days_schedule_as_owner_only_files(demo: Services, tmp_path: Path):
    out = tmp_path / "samples" / "for-training"
    paths = write_samples(demo, out)

    names = [p.name for p in paths]
    assert names[0] == "schedule.csv" and names[2] == "schedule.fhir.json"
    assert names[1].startswith("schedule-") and names[1].endswith(".ics")
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700

    batch = read_csv(paths[0].read_bytes(), load_profile("generic"), zone=CHICAGO, name=names[0])
    visits = calendar_day(demo, TUESDAY)
    assert len(visits) > 20  # several providers' full day, cancelled visits too
    assert {v.source_id: (v.start, v.end, v.status) for v in batch.visits} == {
        str(a.id): (a.start, a.end, as_an_ehr_says(a.status)) for a in visits}
    patients = demo.patients.get_many(a.patient_id for a in visits)
    by_id = {str(a.id): a for a in visits}
    for read in batch.visits:
        patient = patients[by_id[read.source_id].patient_id]
        assert (read.patient.last_name, read.patient.first_name, read.patient.date_of_birth) == (
            patient.last_name, patient.first_name, patient.date_of_birth)


def test_the_ics_sample_is_one_providers_day(demo: Services, tmp_path: Path):
    paths = write_samples(demo, tmp_path, TUESDAY)
    ics = paths[1]
    providers = {p.id: p for p in demo.practice.providers()}
    (provider,) = [p for p in providers.values() if ics.name == f"schedule-{slug_of(p.name)}.ics"]

    batch = read_ics(ics.read_bytes(), provider_name=provider.display_name, zone=CHICAGO, name=ics.name)
    mine = [a for a in calendar_day(demo, TUESDAY) if a.provider_id == provider.id]
    assert mine
    assert {v.source_id: (v.start, v.end, v.status is VisitStatus.CANCELLED) for v in batch.visits} == {
        f"visit-{a.id}@demo.vma-desk.example": (a.start, a.end, a.status is VisitStatus.CANCELLED)
        for a in mine}
    names = {demo.patients.get(a.patient_id).display_name for a in mine}
    assert {f"{v.patient.last_name}, {v.patient.first_name}" for v in batch.visits} == names


def test_the_fhir_sample_holds_the_same_visits(demo: Services, tmp_path: Path):
    paths = write_samples(demo, tmp_path, TUESDAY)
    batch = read_bundle(paths[2].read_bytes(), paths[2].name)
    visits = calendar_day(demo, TUESDAY)
    assert sorted((v.start, v.end) for v in batch.visits) == sorted((a.start, a.end) for a in visits)


def test_a_day_without_visits_still_gives_the_files(demo: Services, tmp_path: Path):
    sunday = date(2026, 3, 8)
    paths = write_samples(demo, tmp_path, sunday)
    assert read_csv(paths[0].read_bytes(), load_profile("generic"), zone=CHICAGO).visits == ()
    assert len(paths) == 3


def slug_of(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
