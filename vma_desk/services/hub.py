"""The patient hub (`core/hub.py`): a patient's whole picture in one call, its opening audited as
a record viewed (which view, never a value).

The loops of the areas the hub does not know (intake forms, results, records requests) come from
`loops`: callables each giving a patient's open ones as (kind, line) pairs, registered by
`Services` so that a new area adds itself without the hub importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vma_desk.core.errors import NotFoundError
from vma_desk.core.hub import SHOWN, PatientHub, last_eligibility, open_prior_auth
from vma_desk.core.records import AuditAction
from vma_desk.services.base import ServiceContext
from vma_desk.services.tasks import TaskService
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.hub_repository import HubRepository
from vma_desk.storage.referrals_repository import ReferralRepository
from vma_desk.storage.refills_repository import RefillRepository
from vma_desk.storage.repositories import PatientRepository

#: the audit's record type of an opening (as the patient editor's)
RECORD = "patient"
#: a patient's open loops of one area, as (kind, line) pairs ("Result", "CBC · expected 03/04")
Loops = Callable[[int], Sequence[tuple[str, str]]]


class HubService:
    def __init__(self, context: ServiceContext, *, tasks: TaskService, loops: Sequence[Loops] = ()) -> None:
        self.ctx = context
        self.tasks = tasks
        self.loops = tuple(loops)
        self.repo = HubRepository(context.conn)

    def read(self, patient_id: int) -> PatientHub:
        """The patient's hub, read (not audited: `open` is what a view calls)."""
        patient = PatientRepository(self.ctx.conn).get(patient_id)
        if patient is None:
            raise NotFoundError(f"Patient {patient_id} does not exist.")
        now = self.ctx.clock.now()
        upcoming = self.repo.visits_from(patient_id, now, SHOWN)
        recent = self.repo.visits_before(patient_id, now, SHOWN)
        referrals = ReferralRepository(self.ctx.conn)
        return PatientHub(
            patient=patient, today=self.ctx.today(), upcoming=tuple(upcoming), recent=tuple(recent),
            no_shows=CalendarRepository(self.ctx.conn).no_show_counts([patient_id])[patient_id],
            eligibility=last_eligibility([v for v in (self.repo.last_checked(patient_id),) if v is not None]),
            messages=tuple(self.repo.open_messages(patient_id)),
            refills=tuple(r for r in RefillRepository(self.ctx.conn).for_patient(patient_id) if r.is_open),
            referrals=tuple(r for r in referrals.referrals_for_patient(patient_id) if r.is_open),
            prior_auths=tuple(a for a in referrals.auths_for_patient(patient_id) if open_prior_auth(a)),
            tasks=tuple(self.tasks.of_patient(patient_id)),
            other_loops=tuple(line for loops in self.loops for line in loops(patient_id)),
            calls=tuple(self.repo.last_calls(patient_id, SHOWN)),
            attempts=tuple(self.repo.last_attempts(patient_id, SHOWN)))

    def open(self, patient_id: int, where: str = "hub") -> PatientHub:
        """The hub of a patient, shown: audited as an opening by the signed-in user (`where` names
        the view, never a value of the record)."""
        hub = self.read(patient_id)
        with self.ctx.transaction():
            self.ctx.audit(AuditAction.OPEN, RECORD, patient_id, where)
        return hub
