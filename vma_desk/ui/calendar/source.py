"""Reading what the calendar shows from the services: the visible window, and patients by id.

`ScheduleSource.load` asks for the window's appointments and block occurrences once each and for
each column's working hours once, then builds the grid; nothing is asked per cell. The shared
`PatientBook` remembers the patients already shown, so paging back and forth reads each patient once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from vma_desk.core.calendar import AppointmentType
from vma_desk.core.records import Practice, StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.grid import NOT_WORKING, Column, ScheduleGrid, build_grid, day_window
from vma_desk.ui.shared.context import PatientBook


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
