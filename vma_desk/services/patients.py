"""Patients: create, update, soft delete (undoable), look up and search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, Patient, RecordKind
from vma_desk.core.validation import validate_patient
from vma_desk.services.base import ServiceContext, changed_fields, record_search
from vma_desk.storage.repositories import PatientRepository, StaffRepository

RECORD = RecordKind.PATIENT


class PatientService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = PatientRepository(context.conn)

    def _validated(self, patient: Patient) -> Patient:
        clean = validate_patient(patient, today=self.ctx.today())
        if clean.last_visits:
            known = {s.id for s in StaffRepository(self.ctx.conn).all()}
            if any(v.provider_id not in known for v in clean.last_visits):
                raise ValidationError("last_visits", "names a provider who is not on the staff list")
        return clean

    def create(self, patient: Patient) -> tuple[Patient, Change]:
        clean = self._validated(replace(patient, id=None))
        with self.ctx.transaction():
            patient_id = self.repo.insert(clean)
            self.ctx.audit(AuditAction.CREATE, RECORD, patient_id)
        return replace(clean, id=patient_id), Change(RECORD, AuditAction.CREATE, (patient_id,))

    def update(self, patient: Patient) -> tuple[Patient, Change]:
        if patient.id is None:
            raise ValidationError("id", "an unsaved patient cannot be updated")
        before = self.get(patient.id)
        clean = self._validated(patient)
        changed = changed_fields(before, clean)
        if not changed:  # nothing to write, and no empty entry in the audit trail
            return before, Change(RECORD, AuditAction.UPDATE, ())
        with self.ctx.transaction():
            self.repo.update(clean)
            # field names only: the audit trail never holds patient values
            self.ctx.audit(AuditAction.UPDATE, RECORD, patient.id, changed)
        return clean, Change(RECORD, AuditAction.UPDATE, (patient.id,))

    def delete(self, patient_id: int) -> Change:
        """Soft delete: the record disappears from lists and search, and `restore` undoes it."""
        self.get(patient_id)
        with self.ctx.transaction():
            self.repo.set_deleted(patient_id, self.ctx.clock.now())
            self.ctx.audit(AuditAction.DELETE, RECORD, patient_id)
        return Change(RECORD, AuditAction.DELETE, (patient_id,))

    def restore(self, patient_id: int) -> Change:
        if not self.repo.exists(patient_id, include_deleted=True):
            raise NotFoundError(f"Patient {patient_id} does not exist.")
        with self.ctx.transaction():
            self.repo.set_deleted(patient_id, None)
            self.ctx.audit(AuditAction.UPDATE, RECORD, patient_id, "restored after delete")
        return Change(RECORD, AuditAction.UPDATE, (patient_id,))

    def get(self, patient_id: int) -> Patient:
        patient = self.repo.get(patient_id)
        if patient is None:
            raise NotFoundError(f"Patient {patient_id} does not exist.")
        return patient

    def open(self, patient_id: int, where: str) -> Patient:
        """One patient's record for a view that shows it (the editor, a summary): audited as an
        opening by the signed-in user, `where` naming the view (never a value of the record). Lists
        that show many patients at once read with `get`/`search` and are not an opening."""
        patient = self.get(patient_id)
        with self.ctx.transaction():
            self.ctx.audit(AuditAction.OPEN, RECORD, patient_id, where)
        return patient

    def record_search(self, where: str, results: int) -> None:
        """Audit that a patient search was made (once per search the user ran, not per keystroke;
        the caller decides when): where, and how many were found, never the words typed."""
        record_search(self.ctx, "patients", where, results)

    def get_many(self, patient_ids: Iterable[int]) -> dict[int, Patient]:
        """Many patients by id, whole, in a few queries (deleted ones are left out): a list that
        shows their phones or plans, without a read per row."""
        return self.repo.get_many(sorted(set(patient_ids)))

    def display_names(self, patient_ids: Iterable[int]) -> dict[int, str]:
        """"Last, First" by id for many patients at once (deleted ones are left out)."""
        return self.repo.display_names(sorted(set(patient_ids)))

    def search(self, text: str, limit: int = 50) -> list[Patient]:
        return self.repo.search(text, limit)

    def count(self) -> int:
        return self.repo.count()
