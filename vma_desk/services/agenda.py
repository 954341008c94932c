"""The day's agenda (the Today tab and the huddle sheet): one call that gathers what
`core.agenda.build_agenda` needs in a handful of queries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from vma_desk.core.agenda import AgendaInputs, DayAgenda, VisitFlag, build_agenda
from vma_desk.core.chase import ChaseKind, ChaseState, Voicemail, standard_due, voicemail_due
from vma_desk.core.communications import Call, Urgency
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import Role
from vma_desk.core.rules.scheduling import local_to_utc
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


class AgendaService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, calendar: CalendarService,
                 communications: CommunicationsService, refills: RefillService,
                 referrals: ReferralService, chase: ChaseService) -> None:
        self.ctx = context
        self.chase = chase
        self._follow_ups: FollowUpService | None = None
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
        repo = PatientRepository(ctx.conn)
        day_patients = {a.patient_id for a in appointments}
        patients = repo.get_many(sorted(day_patients))  # age and care gaps, the day's patients only
        mentioned = day_patients | {a.patient_id for a in confirmations + eligibility} \
            | {m.patient_id for m in open_messages if m.patient_id is not None} \
            | {r.patient_id for r, _ in refills} | {r.patient_id for r, _, _ in referrals} \
            | {a.patient_id for a, _ in auths} \
            | {vm.patient_id for vm, _ in voicemails if vm.patient_id is not None} \
            | {c.patient_id for c, _ in callbacks if c.patient_id is not None} \
            | {v.patient_id for v, _ in follow_ups}
        return build_agenda(AgendaInputs(
            day=day, now=now, practice_name=practice.name, time_zone=practice.time_zone,
            providers=providers, types={t.code: t for t in self.calendar.types(include_inactive=True)},
            appointments=appointments, patients=patients,
            names=repo.display_names(sorted(mentioned)),
            no_shows=self.calendar.no_show_counts(sorted(day_patients)),
            confirmations=confirmations, eligibility=eligibility,
            open_messages=[(m, comms.callback_due(m), m.id in overdue) for m in open_messages],
            refills=refills, referrals=referrals, prior_auths=auths,
            visit_refills=self.refills.for_visits([a.id for a in appointments if a.id is not None]),
            voicemails=voicemails, callbacks=callbacks, box_check=box_check, follow_ups=follow_ups))

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
