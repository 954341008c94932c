"""What every tab and its forms look up, built once per signed-in window and shared by all the tabs
(`TabContext`): the services, patients by id (`PatientBook`, each read once), the staff and the
providers, the appointment types, and the practice's zone and clock.

Staff, providers and types change rarely: they are read once and again only when a `Change` names
them (`forget_changed`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import AppointmentType
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import Change, Patient, RecordKind, StaffMember
from vma_desk.services import Services


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

    def get_many(self, patient_ids: Iterable[int]) -> dict[int, Patient | None]:
        """Many patients, those not yet held read in one go (a list's first load); None for a
        patient deleted since, as `get` says."""
        wanted = set(patient_ids)
        missing = [pid for pid in wanted if pid not in self._patients]
        if missing:
            found = self._services.patients.get_many(missing)
            self._patients.update((pid, found.get(pid)) for pid in missing)
        return {pid: self._patients[pid] for pid in wanted}

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


class TabContext:
    """The lookups every tab shares. The main window builds one when its tabs are built; a tab
    built alone (a test) makes its own."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.comms = services.communications
        self.calendar = services.calendar
        self.patients = PatientBook(services)
        self._staff: dict[int, StaffMember] | None = None
        self._providers: dict[int, StaffMember] | None = None
        self._types: dict[str, AppointmentType] | None = None

    # people -------------------------------------------------------------------------------------
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

    @property
    def providers(self) -> dict[int, StaffMember]:
        """The active providers by id, in the service's order."""
        if self._providers is None:
            self._providers = {p.id: p for p in self.services.practice.providers() if p.id is not None}
        return self._providers

    # the practice's reference data --------------------------------------------------------------
    @property
    def types(self) -> dict[str, AppointmentType]:
        """The active appointment types by code, in the service's order (by name)."""
        if self._types is None:
            self._types = {t.code: t for t in self.calendar.types()}
        return self._types

    # forgetting ---------------------------------------------------------------------------------
    def forget_staff(self) -> None:
        self._staff = None

    def forget_reference_data(self) -> None:
        """Forget the providers and the appointment types (read again when next asked)."""
        self._types = None
        self._providers = None

    def forget_changed(self, change: Change) -> None:
        """Forget what a change made stale: the staff list, or the patients it names."""
        if change.kind in (RecordKind.STAFF, RecordKind.PRACTICE):
            self.forget_staff()
            self.forget_reference_data()
        elif change.kind is RecordKind.APPOINTMENT_TYPE:
            self.forget_reference_data()
        elif change.kind is RecordKind.PATIENT:
            self.patients.forget(change.ids)

    # the practice's zone and clock --------------------------------------------------------------
    def zone(self) -> ZoneInfo:
        return self.services.context.practice_zone()

    def now(self) -> datetime:
        return self.services.context.clock.now()

    def today(self) -> date:
        return self.services.context.today()
