"""Services: the one API the UI, the CLI and the reports call.

Each call validates with core rules, writes through repositories in one transaction, appends the
audit entry and returns a `Change` saying what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from vma_desk.core.clock import Clock, SystemClock
from vma_desk.services.agenda import AgendaService
from vma_desk.services.audit import AuditService
from vma_desk.services.backups import BackupService
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.drafts import DraftService
from vma_desk.services.exports import ExportService
from vma_desk.services.handoff import HandoffService
from vma_desk.services.patients import PatientService
from vma_desk.services.practice import PracticeService
from vma_desk.services.referrals import ReferralService
from vma_desk.services.refills import RefillService
from vma_desk.services.security import SecurityService
from vma_desk.services.summaries import SummaryService
from vma_desk.services.users import UserService
from vma_desk.storage.audit import workstation_user
from vma_desk.storage.workspace import Workspace


@dataclass
class Services:
    context: ServiceContext
    practice: PracticeService
    patients: PatientService
    audit: AuditService
    calendar: CalendarService
    communications: CommunicationsService
    refills: RefillService
    referrals: ReferralService
    agenda: AgendaService
    exports: ExportService
    summaries: SummaryService
    users: UserService
    handoff: HandoffService
    backups: BackupService
    security: SecurityService
    drafts: DraftService

    @classmethod
    def for_workspace(
        cls, workspace: Workspace, *, clock: Clock | None = None, user: str | None = None
    ) -> Services:
        context = ServiceContext(workspace, clock or SystemClock(), user or workstation_user())
        communications = CommunicationsService(context)
        practice, calendar = PracticeService(context), CalendarService(context)
        refills, referrals = RefillService(context, communications), ReferralService(context, communications)
        patients, users = PatientService(context), UserService(context)
        return cls(
            context=context,
            practice=practice,
            patients=patients,
            audit=AuditService(context),
            calendar=calendar,
            communications=communications,
            refills=refills,
            referrals=referrals,
            agenda=AgendaService(context, practice=practice, calendar=calendar, communications=communications,
                                 refills=refills, referrals=referrals),
            exports=ExportService(context),
            summaries=SummaryService(context, practice=practice, communications=communications,
                                     referrals=referrals),
            users=users,
            handoff=HandoffService(context, practice=practice, patients=patients, calendar=calendar,
                                   communications=communications, refills=refills, referrals=referrals,
                                   users=users),
            backups=BackupService(context),
            security=SecurityService(context),
            drafts=DraftService(context),
        )

    @property
    def workspace(self) -> Workspace:
        return self.context.workspace


__all__ = ["Services", "ServiceContext"]
