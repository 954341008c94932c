"""Reading what the calendar shows from the services: the visible window, and patients by id.

`ScheduleSource.load` asks for the window's appointments and block occurrences once each and for
each column's working hours once, then builds the grid; nothing is asked per cell. `PatientBook`
remembers the patients already shown, so paging back and forth reads each patient once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from vma_desk.core.calendar import AppointmentType
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import Patient, Practice, StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.grid import NOT_WORKING, Column, ScheduleGrid, build_grid, day_window


class PatientBook:
    """Patients by id, read once each; forgotten again when a `Change` says they changed."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._patients: dict[int, Patient | None] = {}
        self._names: dict[int, str] = {}  # names read in bulk, without the whole record

    def get(self, patient_id: int) -> Patient | None:
        """The patient, or None when the record was deleted since."""
        if patient_id not in self._patients:
            try:
                self._patients[patient_id] = self._services.patients.get(patient_id)
            except NotFoundError:
                self._patients[patient_id] = None
        return self._patients[patient_id]

    def name(self, patient_id: int) -> str:
        if patient_id in self._names:
            return self._names[patient_id]
        patient = self.get(patient_id)
        return patient.display_name if patient else f"(deleted patient #{patient_id})"

    def names(self, patient_ids: Iterable[int]) -> dict[int, str]:
        """Names of many patients, those not yet known read in one query (a list's first load)."""
        wanted = set(patient_ids)
        missing = [pid for pid in wanted if pid not in self._names and pid not in self._patients]
        if missing:
            self._names.update(self._services.patients.display_names(missing))
        return {pid: self.name(pid) for pid in wanted}

    def remembered(self) -> int:
        """How many patients (or their names) are held."""
        return len(self._patients.keys() | self._names.keys())

    def forget(self, patient_ids: Iterable[int] = ()) -> None:
        """Forget these patients (all of them when none are named)."""
        ids = list(patient_ids)
        if not ids:
            self._patients.clear()
            self._names.clear()
        for pid in ids:
            self._patients.pop(pid, None)
            self._names.pop(pid, None)


@dataclass(frozen=True)
class Schedule:
    """One load: the grid, and the names and types its cells need to show."""

    grid: ScheduleGrid
    names: dict[int, str]
    types: dict[str, AppointmentType]
    today: date


def closed_reason(practice: Practice, day: date) -> str:
    """Why the practice is closed that day ("Thanksgiving Day", "Closed"), or "" when open."""
    holiday = next((h.name for h in practice.holidays if h.day == day), "")
    if holiday:
        name = holiday.removeprefix("Practice closed: ")
        return name[:1].upper() + name[1:]
    return "" if day.weekday() in practice.business_days else "Closed"


class ScheduleSource:
    def __init__(self, services: Services, patients: PatientBook) -> None:
        self._services = services
        self._patients = patients

    def load(self, days: Sequence[date], providers: Sequence[StaffMember],
             types: dict[str, AppointmentType]) -> Schedule:
        services = self._services
        calendar = services.calendar
        zone = services.context.practice_zone()
        practice = services.practice.get()
        ids = [p.id for p in providers if p.id is not None]
        start, end = day_window(days, zone)
        columns = []
        for day in days:
            closed = closed_reason(practice, day)
            for provider in providers:
                assert provider.id is not None
                hours = () if closed else tuple(calendar.working_hours(provider.id, day))
                columns.append(Column(day, provider, hours,
                                      closed or ("" if hours else NOT_WORKING)))
        appointments = calendar.appointments(ids, start, end) if ids else []
        blocks = calendar.block_occurrences(ids, start, end) if ids else []
        grid = build_grid(columns, appointments, blocks, zone)
        names = self._patients.names(a.patient_id for a in appointments)
        return Schedule(grid, names, types, services.context.today())
