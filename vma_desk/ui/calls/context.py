"""What the Calls and Messages tabs and their forms share: the services, the staff by id, the
patients already read, and the practice's zone and clock.

Staff change rarely: they are read once and again only when a `Change` names them. Patients come
from the calendar's `PatientBook`, which reads each one once.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import SignalInstance

from vma_desk.core.records import Change, StaffMember
from vma_desk.services import Services
from vma_desk.ui.calendar.source import PatientBook


class OwnChanges:
    """Sends a tab's own `Change` to the window, and knows it again when the window fans it back
    to every tab (the tab has already shown it)."""

    def __init__(self, signal: SignalInstance) -> None:
        self._signal = signal
        self._sending: Change | None = None

    def send(self, change: Change) -> None:
        self._sending = change
        try:
            self._signal.emit(change)
        finally:
            self._sending = None

    def is_own(self, change: Change) -> bool:
        return change is self._sending


class CommsContext:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.comms = services.communications
        self.patients = PatientBook(services)
        self._staff: dict[int, StaffMember] | None = None

    @property
    def staff(self) -> dict[int, StaffMember]:
        """Everyone on the staff list by id, inactive members too (old calls name them)."""
        if self._staff is None:
            self._staff = {s.id: s for s in self.services.practice.staff(active_only=False)
                           if s.id is not None}
        return self._staff

    def active_staff(self) -> list[StaffMember]:
        return [s for s in self.staff.values() if s.active]

    def staff_name(self, staff_id: int | None) -> str:
        if staff_id is None:
            return ""
        member = self.staff.get(staff_id)
        return member.display_name if member else f"staff #{staff_id}"

    def patient_name(self, patient_id: int | None) -> str:
        return "" if patient_id is None else self.patients.name(patient_id)

    def forget_staff(self) -> None:
        self._staff = None

    def forget_changed(self, change: Change) -> None:
        """Forget what a change made stale: the staff list, or the patients it names."""
        if change.record_type in ("staff", "practice"):
            self.forget_staff()
        elif change.record_type == "patient":
            self.patients.forget(change.ids)

    def zone(self) -> ZoneInfo:
        return self.services.context.practice_zone()

    def now(self) -> datetime:
        return self.services.context.clock.now()

    def today(self) -> date:
        return self.services.context.today()
