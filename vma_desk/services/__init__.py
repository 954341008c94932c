"""Services: the one API the UI, the CLI and the reports call.

Each call validates with core rules, writes through repositories in one transaction, appends the
audit entry and returns a `Change` saying what changed.

The services a start does not call (exports, summaries, the handoff, workspace security) are made,
and their modules imported, the first time they are asked for: a start imports what it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from vma_desk.core.clock import Clock, SystemClock
from vma_desk.services.agenda import AgendaService
from vma_desk.services.audit import AuditService
from vma_desk.services.backups import BackupService
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.drafts import DraftService
from vma_desk.services.patients import PatientService
from vma_desk.services.practice import PracticeService
from vma_desk.services.referrals import ReferralService
from vma_desk.services.refills import RefillService
from vma_desk.services.users import UserService
from vma_desk.storage.audit import workstation_user
from vma_desk.storage.workspace import Workspace

if TYPE_CHECKING:  # imported where first asked for (`Services.exports` ...)
    from vma_desk.services.ehr_import import ImportService
    from vma_desk.services.exports import ExportService
    from vma_desk.services.follow_up import FollowUpService
    from vma_desk.services.freed_slots import FreedSlotService
    from vma_desk.services.handoff import HandoffService
    from vma_desk.services.hub import HubService
    from vma_desk.services.intake import IntakeService
    from vma_desk.services.rebooking import RebookingService
    from vma_desk.services.recall import RecallService
    from vma_desk.services.records_requests import RecordsRequestService
    from vma_desk.services.results import ResultsService
    from vma_desk.services.security import SecurityService
    from vma_desk.services.summaries import SummaryService
    from vma_desk.services.tasks import TaskService


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
    users: UserService
    backups: BackupService
    drafts: DraftService
    chase: ChaseService

    @classmethod
    def for_workspace(
        cls, workspace: Workspace, *, clock: Clock | None = None, user: str | None = None
    ) -> Services:
        context = ServiceContext(workspace, clock or SystemClock(), user or workstation_user())
        communications = CommunicationsService(context)
        practice, calendar = PracticeService(context), CalendarService(context)
        refills, referrals = RefillService(context, communications), ReferralService(context, communications)
        patients, users = PatientService(context), UserService(context)
        chase = ChaseService(context, practice=practice, communications=communications)
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
                                 refills=refills, referrals=referrals, chase=chase),
            users=users,
            backups=BackupService(context),
            drafts=DraftService(context),
            chase=chase,
        )

    @cached_property
    def exports(self) -> ExportService:
        from vma_desk.services.exports import ExportService

        return ExportService(self.context)

    @cached_property
    def summaries(self) -> SummaryService:
        from vma_desk.services.summaries import SummaryService

        return SummaryService(self.context, practice=self.practice, communications=self.communications,
                              referrals=self.referrals)

    @cached_property
    def handoff(self) -> HandoffService:
        from vma_desk.services.handoff import HandoffService

        return HandoffService(self.context, practice=self.practice, patients=self.patients,
                              calendar=self.calendar, communications=self.communications,
                              refills=self.refills, referrals=self.referrals, users=self.users)

    @cached_property
    def recall(self) -> RecallService:
        from vma_desk.services.recall import RecallService

        return RecallService(self.context, calendar=self.calendar, chase=self.chase)

    @cached_property
    def rebooking(self) -> RebookingService:
        from vma_desk.services.rebooking import RebookingService

        return RebookingService(self.context, calendar=self.calendar, chase=self.chase)

    @cached_property
    def follow_up(self) -> FollowUpService:
        from vma_desk.services.follow_up import FollowUpService

        return FollowUpService(self.context, practice=self.practice, chase=self.chase,
                               communications=self.communications)

    @cached_property
    def freed_slots(self) -> FreedSlotService:
        from vma_desk.services.freed_slots import FreedSlotService

        return FreedSlotService(self.context, chase=self.chase)

    @cached_property
    def security(self) -> SecurityService:
        from vma_desk.services.security import SecurityService

        return SecurityService(self.context)

    @cached_property
    def tasks(self) -> TaskService:
        from vma_desk.services.tasks import TaskService

        return TaskService(self.context, users=self.users)

    @cached_property
    def ehr_import(self) -> ImportService:
        from vma_desk.services.ehr_import import ImportService

        return ImportService(self.context)

    @cached_property
    def hub(self) -> HubService:
        from vma_desk.services.hub import HubService

        return HubService(self.context, tasks=self.tasks,
                          loops=(self.intake.open_loops, self.results.open_loops,
                                 self.records_requests.open_loops))

    @cached_property
    def intake(self) -> IntakeService:
        from vma_desk.services.intake import IntakeService

        return IntakeService(self.context, practice=self.practice, calendar=self.calendar, chase=self.chase)

    @cached_property
    def results(self) -> ResultsService:
        from vma_desk.services.results import ResultsService

        return ResultsService(self.context, practice=self.practice, calendar=self.calendar, chase=self.chase)

    @cached_property
    def records_requests(self) -> RecordsRequestService:
        from vma_desk.services.records_requests import RecordsRequestService

        return RecordsRequestService(self.context, practice=self.practice, chase=self.chase)

    @property
    def workspace(self) -> Workspace:
        return self.context.workspace


__all__ = ["Services", "ServiceContext"]
