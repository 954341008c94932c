"""The day's agenda (the Today tab and the huddle sheet): one call that gathers what
`core.agenda.build_agenda` needs in a handful of queries.

Issue 16's loops come from their own services, made here the first time they are asked for (the
`Services` container makes its own too; both read the same workspace): the visits' intake forms
not back and results not back, and the tasks, urgent results and late records requests due."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from vma_desk.core.agenda import AgendaInputs, DayAgenda, VisitFlag, build_agenda
from vma_desk.core.chase import ChaseKind, ChaseState, Voicemail, standard_due, voicemail_due
from vma_desk.core.communications import Call, Urgency
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import Role
from vma_desk.core.records_requests import RecordsRequest
from vma_desk.core.results import URGENT_UNACTED, ExpectedResult
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.tasks import Task, assignee_text
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.practice import PracticeService
from vma_desk.services.referrals import ReferralService
from vma_desk.services.refills import RefillService
from vma_desk.storage.repositories import PatientRepository

if TYPE_CHECKING:
    from vma_desk.services.follow_up import FollowUpService
    from vma_desk.services.intake import IntakeService
    from vma_desk.services.records_requests import RecordsRequestService
    from vma_desk.services.results import ResultsService
    from vma_desk.services.tasks import TaskService


class AgendaService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, calendar: CalendarService,
                 communications: CommunicationsService, refills: RefillService,
                 referrals: ReferralService, chase: ChaseService) -> None:
        self.ctx = context
        self.chase = chase
        self._follow_ups: FollowUpService | None = None
        self._loops: tuple[TaskService, IntakeService, ResultsService, RecordsRequestService] | None = None
        self.practice, self.calendar, self.communications = practice, calendar, communications
        self.refills, self.referrals = refills, referrals

    def day(self, day: date | None = None, *, provider_id: int | None = None) -> DayAgenda:
        """The agenda of one practice-local day (today when not given), for every provider with
        visits that day or only `provider_id`'s."""
        ctx = self.ctx
        now, zone = ctx.clock.now(), ctx.practice_zone()
        day = day or now.astimezone(zone).date()
        practice = self.practice.get()
        # inactive providers too: a provider who has left may still have visits to hand over
        providers = [p for p in self.practice.staff(role=Role.PROVIDER, active_only=False)
                     if provider_id is None or p.id == provider_id]
        if provider_id is not None and not providers:
            raise NotFoundError("That provider is not on the staff list.")
        start = local_to_utc(datetime.combine(day, time(0)), zone)
        end = local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
        appointments = self.calendar.appointments([p.id for p in providers if p.id is not None], start, end)
        comms = self.communications
        open_messages = comms.open_messages()
        overdue = {m.id for m in comms.overdue(open_messages)}
        refills = [(row.request, row.due_state) for row in self.refills.worklist()]
        referrals = [(row.referral, row.flags, row.days_in_state) for row in self.referrals.worklist()]
        auths = [(row.auth, row.flags) for row in self.referrals.prior_auths()]
        today = day == ctx.today()
        confirmations, eligibility = self.calendar.worklists() if today else ([], [])
        chase = self.chase
        voicemails: list[tuple[Voicemail, datetime]] = []
        callbacks: list[tuple[Call, datetime]] = []
        if today:  # the standard read once; a row quiet until its next attempt is not due now
            policy = comms.callback_policy()
            vm_limit = chase.policy(ChaseKind.VOICEMAIL).max_attempts
            voicemails = [(vm, voicemail_due(vm, practice, zone, policy))
                          for vm in chase.unreturned_voicemails()
                          if not ChaseState(vm.attempts, vm_limit).quiet(now)]
            open_calls = chase.open_callbacks()
            states = chase.states(ChaseKind.CALLBACK, [c.id for c in open_calls if c.id is not None])
            callbacks = [(call, standard_due(call.started_at, Urgency.ROUTINE, practice, zone, policy))
                         for call in open_calls if not states[call.id or 0].quiet(now)]
        box_check = (chase.last_box_check(), chase.box_check_due()) if today else None
        follow_ups = [(c.appointment, c.due_at) for c in self._follow_up().due_calls(now)
                      if not c.chase.quiet(now)] if today else []
        visit_ids = [a.id for a in appointments if a.id is not None]
        tasks, intake, results, requests = self._loop_services()
        due_tasks = self._assigned(tasks.due_by(end)) if day >= ctx.today() else []
        urgent_results: list[ExpectedResult] = [row.result for row in results.flags(now)
                                                if URGENT_UNACTED in row.flags] if today else []
        late_requests: list[tuple[RecordsRequest, date]] = [
            (row.request, row.due_on) for row in requests.late(day)] if day >= ctx.today() else []
        repo = PatientRepository(ctx.conn)
        day_patients = {a.patient_id for a in appointments}
        patients = repo.get_many(sorted(day_patients))  # age and care gaps, the day's patients only
        mentioned = day_patients | {a.patient_id for a in confirmations + eligibility} \
            | {m.patient_id for m in open_messages if m.patient_id is not None} \
            | {r.patient_id for r, _ in refills} | {r.patient_id for r, _, _ in referrals} \
            | {a.patient_id for a, _ in auths} \
            | {vm.patient_id for vm, _ in voicemails if vm.patient_id is not None} \
            | {c.patient_id for c, _ in callbacks if c.patient_id is not None} \
            | {v.patient_id for v, _ in follow_ups} \
            | {t.patient_id for t, _ in due_tasks if t.patient_id is not None} \
            | {r.patient_id for r in urgent_results} | {r.patient_id for r, _ in late_requests}
        return build_agenda(AgendaInputs(
            day=day, now=now, practice_name=practice.name, time_zone=practice.time_zone,
            providers=providers, types={t.code: t for t in self.calendar.types(include_inactive=True)},
            appointments=appointments, patients=patients,
            names=repo.display_names(sorted(mentioned)),
            no_shows=self.calendar.no_show_counts(sorted(day_patients)),
            confirmations=confirmations, eligibility=eligibility,
            open_messages=[(m, comms.callback_due(m), m.id in overdue) for m in open_messages],
            refills=refills, referrals=referrals, prior_auths=auths,
            visit_refills=self.refills.for_visits(visit_ids),
            voicemails=voicemails, callbacks=callbacks, box_check=box_check, follow_ups=follow_ups,
            forms_incomplete=intake.incomplete_by_visit(visit_ids),
            labs_not_back={visit: [r.test for r in found]
                           for visit, found in results.not_back_by_visit(visit_ids).items()},
            tasks=due_tasks, urgent_results=urgent_results, late_requests=late_requests))

    def _assigned(self, tasks: list[Task]) -> list[tuple[Task, str]]:
        """Each task with who is to do it, as a list says it ("Any nurse / clinical staff")."""
        if not tasks:
            return []
        users = {u.id or 0: u.name for u in self._loop_services()[0].users.all()}
        staff = {s.id or 0: s.display_name for s in self.practice.staff(active_only=False)}
        return [(task, assignee_text(task, users, staff)) for task in tasks]

    def _loop_services(self) -> tuple[TaskService, IntakeService, ResultsService, RecordsRequestService]:
        """The tasks, intake, results and records requests services, made on first use."""
        if self._loops is None:
            from vma_desk.services.intake import IntakeService
            from vma_desk.services.records_requests import RecordsRequestService
            from vma_desk.services.results import ResultsService
            from vma_desk.services.tasks import TaskService
            from vma_desk.services.users import UserService

            ctx, practice, chase = self.ctx, self.practice, self.chase
            self._loops = (TaskService(ctx, users=UserService(ctx)),
                           IntakeService(ctx, practice=practice, calendar=self.calendar, chase=chase),
                           ResultsService(ctx, practice=practice, calendar=self.calendar, chase=chase),
                           RecordsRequestService(ctx, practice=practice, chase=chase))
        return self._loops

    def _follow_up(self) -> FollowUpService:
        if self._follow_ups is None:
            from vma_desk.services.follow_up import FollowUpService

            self._follow_ups = FollowUpService(self.ctx, practice=self.practice, chase=self.chase,
                                               communications=self.communications)
        return self._follow_ups

    def visit_flags(self, appointment_id: int) -> tuple[tuple[VisitFlag, str], ...]:
        """One visit's flags, (flag, detail) in the order of VisitFlag: the same `build_agenda`
        as Today and the huddle, over the visit's day and provider. None for a cancelled visit."""
        visit = self.calendar.get(appointment_id)
        day = visit.start.astimezone(self.ctx.practice_zone()).date()
        agenda = self.day(day, provider_id=visit.provider_id)
        return next((line.flags for provider in agenda.providers for line in provider.visits
                     if line.appointment.id == appointment_id), ())
