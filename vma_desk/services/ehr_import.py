"""Importing the practice's schedule and patients from its EHR (issue 17): read a file with the
reader of its format (`services/ehr/`), plan what it would change (`core/ehr_plan.py`), and apply
the plan in one transaction with one audit entry (counts and the source, never a value): all or
nothing. A dry run plans and writes nothing.

New patients and visits are written through the repositories, as the demo generator does: the EHR
owns the schedule, so an imported visit that overlaps another is saved and flagged (`source_link.
note`), not refused as a booking made here would be. Every record made or matched keeps where it
came from (`source_link`), so the same file imported again changes nothing, and a later file moves
and cancels the visits it moved and cancelled.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from vma_desk.core.ehr import ImportBatch, ImportFileError, check_size
from vma_desk.core.ehr_plan import (
    Action,
    ImportPlan,
    Workspace,
    name_key,
    new_patient,
    patient_key,
    plan_import,
    provider_key,
    source_key,
)
from vma_desk.core.records import AuditAction, Change, Patient, RecordKind, Role, StaffMember
from vma_desk.core.validation import validate_patient, validate_staff
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.repositories import PatientRepository, StaffRepository
from vma_desk.storage.source_repository import SourceRepository

#: the audit's record type of an import (its record id: the source system)
AUDIT_RECORD = "import"
FORMATS = ("fhir", "csv", "ics")


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did (or, for a dry run, would do): its plan, and the ids it wrote."""

    plan: ImportPlan
    applied: bool
    patient_ids: tuple[int, ...] = ()
    visit_ids: tuple[int, ...] = ()


def guess_format(path: Path) -> str:
    """The format a file's name says: .json → fhir, .csv/.txt → csv, .ics → ics."""
    suffix = path.suffix.lower()
    found = {".json": "fhir", ".csv": "csv", ".txt": "csv", ".ics": "ics"}.get(suffix)
    if found is None:
        raise ImportFileError(f"{path.name}: say which format it is (--format fhir, csv or ics)")
    return found


class ImportService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context

    # --- reading ----------------------------------------------------------------------------------
    def read(self, path: Path, fmt: str | None = None, *, profile: str = "generic",
             provider: str = "") -> ImportBatch:
        """A file read into a batch by its format's reader (refused as a whole with
        `ImportFileError` when it cannot be read). `provider`: the practitioner an iCalendar feed is
        the schedule of (ICS only)."""
        fmt = fmt or guess_format(path)
        if fmt not in FORMATS:
            raise ImportFileError(f"{fmt!r} is not a format VMA Desk imports (fhir, csv or ics)")
        try:
            size = path.stat().st_size
            check_size(size, path.name)
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFileError(f"{path}: {exc.strerror or 'cannot be read'}") from exc
        try:
            return self._read(data, fmt, path.name, profile, provider)
        except ImportFileError:
            raise
        except (ValueError, OverflowError, OSError, KeyError, TypeError) as exc:
            # what a reader did not foresee in a damaged file: refused as a whole, never a traceback
            raise ImportFileError(f"{path.name} could not be read as {fmt.upper()}: {exc}") from exc

    def _read(self, data: bytes, fmt: str, name: str, profile: str, provider: str) -> ImportBatch:
        path = Path(name)
        zone = self.ctx.practice_zone()
        if fmt == "fhir":
            from vma_desk.services.ehr import fhir_io

            return fhir_io.read_bundle(data, path.name)
        if fmt == "csv":
            from vma_desk.services.ehr import csv_io

            return csv_io.read_csv(data, csv_io.load_profile(profile), zone=zone, name=path.name)
        from vma_desk.services.ehr import ics_io

        if not provider.strip():
            raise ImportFileError("an iCalendar feed is one provider's schedule: say whose (--provider NAME)")
        return ics_io.read_ics(data, provider_name=provider, zone=zone, name=path.name)

    # --- planning ---------------------------------------------------------------------------------
    def plan(self, batch: ImportBatch, *, add_providers: bool = False,
             choices: dict[str, int] | None = None) -> ImportPlan:
        """What importing `batch` would do, read against the workspace in a few queries.
        `choices`: for patients the source matched to two of ours, the patient the VMA picked (by
        the source patient's `core.ehr_plan.source_key`)."""
        conn = self.ctx.conn
        sources = SourceRepository(conn)
        patient_links = sources.links("patient", batch.system)
        for key, patient_id in (choices or {}).items():
            patient_links[key] = patient_id
        visit_links = sources.links("appointment", batch.system)
        self._own_records(batch, patient_links, visit_links)
        all_patients = [v.patient for v in batch.visits] + list(batch.patients)
        keys = [k for k in (patient_key(p) for p in all_patients) if k is not None]
        by_key: dict[tuple[str, str, date], list[Patient]] = defaultdict(list)
        for patient in sources.patients_named(keys):
            by_key[(name_key(patient.last_name), name_key(patient.first_name), patient.date_of_birth)].append(
                patient)
        by_name: dict[tuple[str, str], list[Patient]] = {}
        patients = PatientRepository(conn)
        for p in all_patients:
            if p.date_of_birth is None and p.last_name.strip() and p.first_name.strip():
                wanted = (name_key(p.last_name), name_key(p.first_name))
                if wanted not in by_name:
                    by_name[wanted] = [c for c in patients.search(f"{p.last_name}, {p.first_name}", 20)
                                       if (name_key(c.last_name), name_key(c.first_name)) == wanted]
        if batch.visits:
            first = min(v.start for v in batch.visits) - timedelta(days=1)
            last = max(v.end for v in batch.visits) + timedelta(days=1)
            nearby = CalendarRepository(conn).between(first, last)
        else:
            nearby = []
        staff = StaffRepository(conn).all()
        here = Workspace(
            patient_links=patient_links,
            visit_links=visit_links, staff_links=sources.links("staff", batch.system), by_name_dob=by_key,
            providers=[m for m in staff if m.role is Role.PROVIDER and m.active],
            types=[t for t in CalendarRepository(conn).types() if t.active],
            linked_visits=sources.visits(list(visit_links.values())), nearby=nearby, by_name=by_name)
        return plan_import(batch, here, now=self.ctx.clock.now(), add_providers=add_providers,
                           zone=self.ctx.practice_zone())

    def _own_records(self, batch: ImportBatch, patient_links: dict[str, int],
                     visit_links: dict[str, int]) -> None:
        """A bundle this workspace exported (`fhir_io.own_system`): its patients and visits are
        this workspace's own, by their ids, so importing it back changes only what changed since."""
        workspace_id = self.ctx.workspace.workspace_id
        own = {kind: f"urn:vma-desk:{workspace_id}:{kind}|" for kind in ("patient", "appointment")}
        patients = PatientRepository(self.ctx.conn)
        for p in [*batch.patients, *(v.patient for v in batch.visits)]:
            if p.source_id.startswith(own["patient"]) and p.source_id not in patient_links:
                found = p.source_id.removeprefix(own["patient"])
                if found.isdigit() and patients.exists(int(found)):
                    patient_links[p.source_id] = int(found)
        ids = {v.source_id: v.source_id.removeprefix(own["appointment"]) for v in batch.visits
               if v.source_id.startswith(own["appointment"]) and v.source_id not in visit_links}
        existing = SourceRepository(self.ctx.conn).visits([int(i) for i in ids.values() if i.isdigit()])
        for source_id, found in ids.items():
            if found.isdigit() and int(found) in existing:
                visit_links[source_id] = int(found)

    # --- applying ---------------------------------------------------------------------------------
    def run(self, batch: ImportBatch, *, dry_run: bool = False, add_providers: bool = False,
            choices: dict[str, int] | None = None, source: str = "") -> tuple[ImportOutcome, Change]:
        """Plan and (unless `dry_run`) apply `batch`: one transaction, one audit entry with the
        counts and `source` (the file's name), never a value. Rows the plan refuses are not written;
        the rest are (the preview shows which)."""
        plan = self.plan(batch, add_providers=add_providers, choices=choices)
        if dry_run:
            return ImportOutcome(plan, applied=False), Change(RecordKind.APPOINTMENT, AuditAction.UPDATE)
        now = self.ctx.clock.now()
        today = self.ctx.today()
        conn = self.ctx.conn
        sources, patients = SourceRepository(conn), PatientRepository(conn)
        calendar, staff = CalendarRepository(conn), StaffRepository(conn)
        patient_ids: list[int] = []
        visit_ids: list[int] = []
        with self.ctx.transaction():
            made: dict[str, int] = {}
            for p in plan.patients:
                key = source_key(p.source)
                if p.action is Action.NEW:
                    patient = validate_patient(new_patient(p.source), today=today)
                    made[key] = patients.insert(patient)
                    patient_ids.append(made[key])
                elif p.action is Action.MATCHED and p.patient_id is not None:
                    made[key] = p.patient_id
                if key in made and p.source.source_id:
                    sources.link("patient", plan.system, p.source.source_id, made[key], now)
            providers: dict[str, int] = {}
            for pr in plan.providers:
                pkey = provider_key(pr.source)
                if pr.action is Action.NEW:
                    providers[pkey] = staff.insert(validate_staff(StaffMember(pr.source.name.strip(),
                                                                              Role.PROVIDER)))
                elif pr.staff_id is not None:
                    providers[pkey] = pr.staff_id
                if pkey in providers and pr.source.source_id:
                    sources.link("staff", plan.system, pr.source.source_id, providers[pkey], now)
            for v in plan.visits:
                if v.action is Action.REFUSED or v.visit is None:
                    continue
                visit = v.visit
                if not visit.patient_id:
                    visit = replace(visit, patient_id=made[source_key(v.source.patient)])
                if not visit.provider_id and v.source.practitioner is not None:
                    prac = v.source.practitioner
                    visit = replace(visit, provider_id=providers[provider_key(prac)])
                if v.action is Action.CANCELLED:
                    visit = replace(visit, cancelled_at=now, cancel_reason="cancelled in the EHR")
                if v.action is Action.NEW:
                    visit = replace(visit, entered_by=self.ctx.user, authorised_by="EHR import")
                    visit_id = calendar.insert(visit)
                elif v.action is not Action.UNCHANGED:
                    calendar.update(visit)
                    visit_id = visit.id or 0
                else:
                    visit_id = visit.id or 0
                if v.action is not Action.UNCHANGED:
                    visit_ids.append(visit_id)
                if v.source.source_id:
                    sources.link("appointment", plan.system, v.source.source_id, visit_id, now, v.note)
            # the source system and the counts: never the file's name (a name may be a patient's)
            self.ctx.audit(AuditAction.UPDATE, AUDIT_RECORD, plan.system, plan.summary())
        return (ImportOutcome(plan, True, tuple(patient_ids), tuple(visit_ids)),
                Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, tuple(visit_ids)))

    def origin(self, appointment_id: int) -> tuple[str, str, str] | None:
        """Where a visit came from: (source system, its id there, what the import flagged); None for
        a visit booked here."""
        return SourceRepository(self.ctx.conn).origin("appointment", appointment_id)
