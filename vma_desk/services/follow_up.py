"""Post-visit follow-up calls: the calls due (arrived visits whose type asks for one, or marked
"call after"), their answers recorded by the script, and a patient's question passed on to the
clinical staff as a message linked to the visit (`follow_up_call.message_id`).

A due call is derived from the visits, never stored ahead: a `follow_up_call` row is written when
its answers are recorded. The attempts to reach the patient go to the chase log (kind FOLLOW_UP,
record id the visit's id). Every change is one transaction with one audit entry (never the answers'
words) and returns a `Change`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import ChaseKind, Outcome
from vma_desk.core.communications import CallReason, Message
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.follow_up import FollowUpAnswers, FollowUpCall, call_due_at, check_answers
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.validation import clean_text, require_aware
from vma_desk.services.base import ServiceContext
from vma_desk.services.chase import ChaseService
from vma_desk.services.communications import CommunicationsService
from vma_desk.services.practice import PracticeService
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.follow_up_repository import FollowUpRepository
from vma_desk.storage.repositories import PatientRepository

#: the worklist reads the visits of this many days back (a call is due at most 30 business days
#: after its visit; one still not made after that has waited long enough to drop off the list)
LOOKBACK = timedelta(days=60)
#: the audit's record type of a follow-up call (keyed by its visit's id)
AUDIT_RECORD = "follow_up_call"


class FollowUpService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, chase: ChaseService,
                 communications: CommunicationsService) -> None:
        self.ctx = context
        self.practice = practice
        self.chase = chase
        self.communications = communications
        self.repo = FollowUpRepository(context.conn)
        self.calendar = CalendarRepository(context.conn)

    def _visit(self, appointment_id: int) -> Appointment:
        visit = self.calendar.get(appointment_id)
        if visit is None:
            raise NotFoundError(f"Appointment {appointment_id} does not exist.")
        return visit

    def _due_at(self, visit: Appointment) -> datetime | None:
        types = {t.code: t for t in self.calendar.types()}
        return call_due_at(visit, types.get(visit.type_code), self.practice.get(), self.ctx.practice_zone())

    # --- marking a visit ----------------------------------------------------------------------------
    def set_call_after(self, appointment_id: int, on: bool) -> tuple[Appointment, Change]:
        """Mark a visit "call after" (a follow-up call once it has taken place, whatever its type
        says), or take the mark off. Refused for a cancelled visit and once its call is done."""
        visit = self._visit(appointment_id)
        if visit.status is VisitStatus.CANCELLED:
            raise ValidationError("call_after", "this visit is cancelled")
        done = self.repo.get(appointment_id)
        if done is not None and done.done:
            raise ValidationError("call_after", "this visit's follow-up call is already done")
        updated = replace(visit, call_after=on)
        with self.ctx.transaction():
            self.calendar.update(updated)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.APPOINTMENT, appointment_id,
                           f"call after: {'on' if on else 'off'}")
        return updated, Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (appointment_id,))

    # --- the worklist ------------------------------------------------------------------------------
    def due_calls(self, now: datetime | None = None) -> list[FollowUpCall]:
        """The Follow-up calls worklist: arrived visits of the last `LOOKBACK` days whose call is
        due at `now` (default: the clock's now) and not done, oldest due first, each with its chase
        state. A call the patient declined, or closed as unreachable, leaves the list."""
        when = require_aware("now", now) if now is not None else self.ctx.clock.now()
        visits = self.repo.candidates(when - LOOKBACK, when)
        if not visits:
            return []
        types = {t.code: t for t in self.calendar.types()}
        practice, zone = self.practice.get(), self.ctx.practice_zone()
        calls = []
        for visit in visits:
            due = call_due_at(visit, types.get(visit.type_code), practice, zone)
            if due is not None and due <= when:
                calls.append(FollowUpCall(appointment=visit, due_at=due))
        states = self.chase.states(ChaseKind.FOLLOW_UP, [c.appointment_id for c in calls])
        found = [replace(c, chase=states[c.appointment_id]) for c in calls]
        closed = self.chase.closed(ChaseKind.FOLLOW_UP, [c.appointment_id for c in found])
        kept = [c for c in found if (c.chase.last is None or c.chase.last.outcome is not Outcome.DECLINED)
                and c.appointment_id not in closed]
        return sorted(kept, key=lambda c: (c.due_at, c.appointment_id))

    def get(self, appointment_id: int) -> FollowUpCall | None:
        """A visit's follow-up call, done or not (with its chase state); None when the visit asks
        for none or did not take place."""
        call = self.repo.get(appointment_id)
        if call is None:
            visit = self._visit(appointment_id)
            due = self._due_at(visit)
            if due is None:
                return None
            call = FollowUpCall(appointment=visit, due_at=due)
        return replace(call, chase=self.chase.states(ChaseKind.FOLLOW_UP, [appointment_id])[appointment_id])

    # --- the call made -----------------------------------------------------------------------------
    def record_answers(self, appointment_id: int, answers: FollowUpAnswers, *,
                       escalation_action: str = "") -> tuple[FollowUpCall, Change, Change | None]:
        """The patient's answers to the script: the call is done. A question goes to the clinical
        staff (a nurse, else the visit's provider, by the practice's routing of clinical questions)
        as a message taken in the same transaction; its id is kept with the call. Returns the call,
        the visit's change and the message's (None without a question). `escalation_action`: what
        was done when the question mentions a red flag (the message needs it then). Refused with a
        `ValidationError` naming the field; nothing is saved then."""
        visit = self._visit(appointment_id)
        due = self._due_at(visit)
        if due is None:
            raise ValidationError("appointment_id", "this visit has no follow-up call (it did not take "
                                                    "place, or neither its type nor the visit asks for one)")
        existing = self.repo.get(appointment_id)
        if existing is not None and existing.done:
            raise ValidationError("done", "this follow-up call's answers are already recorded")
        for problem in check_answers(answers):
            raise ValidationError(problem.field, problem.message)
        question = clean_text("question", answers.question, required=bool(answers.has_question), limit=2000)
        now = self.ctx.clock.now()
        call = FollowUpCall(appointment=visit, due_at=due, answers=replace(answers, question=question),
                            done_at=now, done_by=self.ctx.user)
        with self.ctx.all_or_nothing():
            message_change = None
            if answers.has_question:
                message, message_change = self.communications.take_message(
                    self._question_message(visit, question, escalation_action))
                call = replace(call, message_id=message.id)
            self.repo.save(call)
            sent = "; question sent to clinical staff" if message_change else ""
            self.ctx.audit(AuditAction.UPDATE, AUDIT_RECORD, appointment_id, "answers recorded" + sent)
        states = self.chase.states(ChaseKind.FOLLOW_UP, [appointment_id])
        return (replace(call, chase=states[appointment_id]),
                Change(RecordKind.APPOINTMENT, AuditAction.UPDATE, (appointment_id,)), message_change)

    def _question_message(self, visit: Appointment, question: str, escalation_action: str) -> Message:
        patient = PatientRepository(self.ctx.conn).get(visit.patient_id)
        if patient is None:
            raise ValidationError("patient_id", "is not a patient in this workspace")
        if not patient.phones:
            raise ValidationError("contact_number", "the patient has no phone number on file to call back")
        recipient = self.communications.route_for(CallReason.CLINICAL_QUESTION, provider_id=visit.provider_id)
        if recipient is None or recipient.id is None:
            raise ValidationError("recipient_id", "nobody on the clinical staff receives questions: add a "
                                                  "nurse in Practice settings")
        local = visit.start.astimezone(self.ctx.practice_zone())
        return Message(caller_name=f"{patient.first_name} {patient.last_name}",
                       contact_number=patient.phones[0].number,
                       reason=f"Question from the follow-up call after the visit of {local:%b} {local.day}",
                       recipient_id=recipient.id, created_at=self.ctx.clock.now(), patient_id=patient.id,
                       questions=question, escalation_action=escalation_action)

    # --- the figures -------------------------------------------------------------------------------
    def follow_ups_between(self, start: datetime, end: datetime) -> list[FollowUpCall]:
        """The follow-up calls done (answers recorded) in [start, end), in that order: the activity
        figures count them and their questions."""
        if require_aware("end", end) <= require_aware("start", start):
            raise ValidationError("end", "must be after the start")
        return self.repo.done_between(start, end)
