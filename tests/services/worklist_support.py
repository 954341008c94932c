"""What the worklist tests share (Recall, To rebook): a signed-in desk with two providers working
8:00-17:00 Monday to Friday, the recall and rebooking services made as the app makes them, and
patients created and visits booked through the services as a VMA would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from tests.conftest import signed_in
from vma_desk.core.calendar import Appointment
from vma_desk.core.recall import RecallFilter
from vma_desk.core.records import CareGap, LastVisit, Patient, Phone, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.services.rebooking import RebookingService
from vma_desk.services.recall import RecallService

CHICAGO = ZoneInfo("America/Chicago")
HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Desk:
    services: Services
    recall: RecallService
    rebooking: RebookingService
    lee: StaffMember
    kim: StaffMember

    def patient(self, first: str, *gaps: CareGap, seen: tuple[LastVisit, ...] = ()) -> int:
        made, _ = self.services.patients.create(Patient(first, "Lakes", date(1965, 4, 2),
                                                        phones=(Phone("3125550142"),), care_gaps=gaps,
                                                        last_visits=seen))
        assert made.id is not None
        return made.id

    def book(self, patient_id: int, code: str, start: datetime, provider: StaffMember | None = None) -> int:
        provider = provider or self.lee
        assert provider.id is not None
        minutes = {t.code: t.minutes for t in self.services.calendar.types()}[code]
        booked, _ = self.services.calendar.book(Appointment(patient_id, provider.id, code, start, minutes),
                                                authorised_by="Dr Lee")
        assert booked.id is not None
        return booked.id

    def listed(self, chosen: RecallFilter | None = None) -> dict[int, list[str]]:
        return {row.patient_id: [g.kind for g in row.gaps] for row in self.recall.due(chosen)}


def make_desk(services: Services) -> Desk:
    """The desk of a test's `desk` fixture."""
    signed_in(services)
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=HOURS))
    kim, _ = services.practice.add_staff(StaffMember("Sam Kim", Role.PROVIDER, credentials="NP",
                                                     working_hours=HOURS))
    ctx, calendar, chase = services.context, services.calendar, services.chase
    return Desk(services, RecallService(ctx, calendar=calendar, chase=chase),
                RebookingService(ctx, calendar=calendar, chase=chase), lee, kim)
