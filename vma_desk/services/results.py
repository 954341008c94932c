"""Test results expected for a patient: recorded when a provider orders a test, then received, sent
to the provider, the provider's disposition recorded with their name (the VMA records it, never
interprets), the patient notified, closed; each step a time-stamped event, one audit entry and one
`Change` per change. Reads the flags the Today tab and the huddle sheet show ("labs not back", an
urgent result not acted on within an hour) and books the visit a "needs visit" asks for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from vma_desk.core import history
from vma_desk.core import results as rules
from vma_desk.core.calendar import Appointment
from vma_desk.core.chase import Attempt, ChaseKind, ChaseState, Outcome
from vma_desk.core.communications import attribution
from vma_desk.core.errors import ChangedSinceError, NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind, StaffMember
from vma_desk.core.results import Disposition, ExpectedResult, ResultEvent, ResultStep
from vma_desk.core.validation import clean_text
from vma_desk.services.base import ServiceContext
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.services.practice import PracticeService
from vma_desk.storage.repositories import PatientRepository, StaffRepository
from vma_desk.storage.results_repository import ResultRepository

RECORD = RecordKind.RESULT
#: the appointment type a "needs visit" books (the dialog's own default when it is gone)
VISIT_TYPE = "fu"
#: how many closed results the patient hub shows under the open ones
LAST_CLOSED = 5
TEST_LIMIT = 120
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class ResultRow:
    """One open result as a worklist shows it: its flags (most pressing first) and where the chase
    to tell the patient stands."""

    result: ExpectedResult
    flags: tuple[str, ...]
    chase: ChaseState

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


class ResultsService:
    def __init__(self, context: ServiceContext, *, practice: PracticeService, calendar: CalendarService,
                 chase: ChaseService) -> None:
        self.ctx = context
        self.practice = practice
        self.calendar = calendar
        self.chase = chase
        self.repo = ResultRepository(context.conn)

    # --- reading ---------------------------------------------------------------------------------
    def get(self, result_id: int) -> ExpectedResult:
        found = self.repo.get(result_id)
        if found is None:
            raise NotFoundError(f"Result {result_id} does not exist.")
        return found

    def rows(self, results: Sequence[ExpectedResult], now: datetime | None = None) -> list[ResultRow]:
        """The results with their flags and chase, flagged first (urgent ones first of all), then by
        the date they are expected by."""
        now = now or self.ctx.clock.now()
        today = now.astimezone(self.ctx.practice_zone()).date()
        chases = self.chase.states(ChaseKind.RESULT_NOTICE, [r.id or 0 for r in results])
        rows = [ResultRow(r, rules.flag_texts(r, today=today, now=now,
                                              attempts_at=[a.at for a in chases[r.id or 0].attempts]),
                          chases[r.id or 0]) for r in results]
        return sorted(rows, key=lambda row: (rules.URGENT_UNACTED not in row.flags, not row.flagged,
                                             row.result.expected_by, row.result.id or 0))

    def open_results(self) -> list[ResultRow]:
        """The worklist: every open result, flagged first."""
        return self.rows(self.repo.open_results())

    def flags(self, now: datetime | None = None) -> list[ResultRow]:
        """The open results the Today tab flags ("labs not back", urgent and not acted on within an
        hour), most pressing first."""
        return [row for row in self.rows(self.repo.open_results(), now) if row.flagged]

    def of_patient(self, patient_id: int) -> list[ExpectedResult]:
        """For the patient hub: the patient's open results, then the last few closed."""
        return self.repo.of_patient(patient_id, closed=LAST_CLOSED)

    def not_back_by_visit(self, appointment_ids: Sequence[int]) -> dict[int, list[ExpectedResult]]:
        """For the huddle sheet: each visit's patient's results still awaited after the day they were
        expected by, as of the visit's day but never further ahead than tomorrow (a sheet printed the
        evening before shows what is expected today and not back), by visit id; a visit with none is
        left out."""
        zone, tomorrow = self.ctx.practice_zone(), self.ctx.today() + timedelta(days=1)
        visits = self.repo.visits(appointment_ids)
        awaited: dict[int, list[ExpectedResult]] = {}
        for result in self.repo.awaited_of(sorted({patient for patient, _ in visits.values()})):
            awaited.setdefault(result.patient_id, []).append(result)
        found: dict[int, list[ExpectedResult]] = {}
        for visit_id, (patient_id, start) in visits.items():
            day = min(start.astimezone(zone).date(), tomorrow)
            late = [r for r in awaited.get(patient_id, []) if rules.not_back(r, day)]
            if late:
                found[visit_id] = late
        return found

    # --- validating ------------------------------------------------------------------------------
    def _provider(self, provider_id: int | None, field: str, missing: str) -> StaffMember:
        if provider_id is None:
            raise ValidationError(field, missing)
        provider = StaffRepository(self.ctx.conn).providers().get(provider_id)
        if provider is None:
            raise ValidationError(field, "is not a provider of this practice")
        return provider

    def _validated(self, result: ExpectedResult) -> ExpectedResult:
        if not result.patient_id or not PatientRepository(self.ctx.conn).exists(result.patient_id):
            raise ValidationError("patient_id", "is required: choose the patient")
        test = clean_text("test", result.test, required=True, limit=TEST_LIMIT)
        self._provider(result.ordered_by_id, "ordered_by_id",
                       "is required: choose the provider who ordered it")
        today = self.ctx.today()
        ordered_on = result.ordered_on or today
        if ordered_on > today:
            raise ValidationError("ordered_on", "cannot be in the future: enter when it was ordered")
        if result.expected_by < ordered_on:
            raise ValidationError("expected_by", "cannot be before the day it was ordered")
        if result.appointment_id is not None and \
                self.repo.appointment_patient(result.appointment_id) != result.patient_id:
            raise ValidationError("appointment_id", "must be a visit of the same patient")
        return replace(result, test=test, ordered_on=ordered_on)

    # --- changing --------------------------------------------------------------------------------
    def expect(self, result: ExpectedResult) -> tuple[ExpectedResult, Change]:
        """Record a result expected for a patient (awaited). Its step, flags and disposition start
        empty whatever `result` carries: those are recorded as they happen."""
        clean = self._validated(result)
        now = self.ctx.clock.now()
        clean = replace(clean, id=None, step=ResultStep.AWAITED, urgent=False, urgent_at=None,
                        urgent_by_id=None, disposition=None, disposition_by_id=None, disposition_note="",
                        visit_id=None, events=(ResultEvent(ResultStep.AWAITED, now, self.ctx.user),))
        with self.ctx.transaction():
            result_id = self.repo.insert(clean, created_at=now, created_by=self.ctx.user)
            self.ctx.audit(AuditAction.CREATE, RECORD, result_id, "expected")
        return replace(clean, id=result_id), Change(RECORD, AuditAction.CREATE, (result_id,))

    def _save(self, updated: ExpectedResult, events: tuple[ResultEvent, ...], detail: str
              ) -> tuple[ExpectedResult, Change]:
        with self.ctx.transaction():
            self.repo.update(updated)
            self.repo.add_events(updated.id or 0, events)
            self.ctx.audit(AuditAction.UPDATE, RECORD, updated.id, detail)
        return updated, Change(RECORD, AuditAction.UPDATE, (updated.id or 0,))

    def advance(self, result_id: int, step: ResultStep, *, note: str = "",
                by: str | None = None) -> tuple[ExpectedResult, Change]:
        """Received, with the provider, patient notified or closed (closing before a disposition is a
        withdrawal and needs a reason). `by` is who did it (the signed-in user unless named; the
        signed-in user is then kept as who recorded it). "Patient notified" with nobody named and a
        "reached" logged on the result's notice chase since the disposition takes that attempt's time
        and caller."""
        result = self.get(result_id)
        rules.check_step(result, step, note=note)
        text = clean_text("note", note, required=False, limit=500)
        who, recorder = attribution(by, self.ctx.user)
        when = self.ctx.clock.now()
        if step is ResultStep.WITH_PROVIDER and not text and result.ordered_by_id is not None:
            text = self._provider(result.ordered_by_id, "ordered_by_id", "").display_name
        if step is ResultStep.PATIENT_NOTIFIED and by is None:
            reached = self._reached_since(result)
            if reached is not None:
                when = reached.at  # the caller did it; the signed-in user, if another, recorded it
                who, recorder = attribution(reached.by or None, self.ctx.user)
                text = text or f"reached by {reached.channel.label.lower()}"
        event = ResultEvent(step, when, who, text, recorder)
        updated = replace(result, step=step, events=result.events + (event,))
        return self._save(updated, (event,), f"step: {step.value}")

    def _reached_since(self, result: ExpectedResult) -> Attempt | None:
        """The last "reached" on the result's notice chase since its disposition."""
        decided = result.reached(ResultStep.DISPOSITION)
        attempts = self.chase.attempts(ChaseKind.RESULT_NOTICE, result.id or 0)
        reached = [a for a in attempts if a.outcome is Outcome.REACHED
                   and (decided is None or a.at >= decided.at)]
        return reached[-1] if reached else None

    def record_disposition(self, result_id: int, disposition: Disposition, *, provider_id: int | None,
                           note: str = "", urgent: bool = False) -> tuple[ExpectedResult, Change]:
        """Record what the provider said to do with the result, with the provider's name (refused
        without it), and whether they marked it urgent. The VMA records it, never interprets it."""
        result = self.get(result_id)
        rules.check_disposition(result, disposition, provider_id=provider_id, note=note)
        provider = self._provider(provider_id, "provider_id", "is required")
        text = clean_text("disposition_note", note, required=False, limit=NOTE_LIMIT)
        now = self.ctx.clock.now()
        who, recorder = attribution(provider.display_name, self.ctx.user)
        event = ResultEvent(ResultStep.DISPOSITION, now, who,
                            f"{disposition.label} by {provider.display_name}", recorder)
        updated = replace(result, step=ResultStep.DISPOSITION, disposition=disposition,
                          disposition_by_id=provider.id, disposition_note=text,
                          events=result.events + (event,))
        if urgent and not result.urgent:
            updated = replace(updated, urgent=True, urgent_at=now, urgent_by_id=provider.id)
        return self._save(updated, (event,), f"disposition: {disposition.value}"
                          + ("; urgent" if urgent and not result.urgent else ""))

    def mark_urgent(self, result_id: int, *, provider_id: int | None) -> tuple[ExpectedResult, Change]:
        """The provider marked the result urgent (e.g. on seeing it, before a disposition): it must be
        acted on within the hour."""
        result = self.get(result_id)
        provider = self._provider(provider_id, "provider_id", "is required: name the provider who marked it "
                                                              "urgent")
        if not result.is_open:
            raise ValidationError("step", "the result is closed: reopen it first")
        if result.urgent:
            raise ValidationError("urgent", "the result is already marked urgent")
        now = self.ctx.clock.now()
        who, recorder = attribution(provider.display_name, self.ctx.user)
        event = ResultEvent(result.step, now, who, f"marked urgent by {provider.display_name}", recorder,
                            action=rules.URGENT)
        updated = replace(result, urgent=True, urgent_at=now, urgent_by_id=provider.id,
                          events=result.events + (event,))
        return self._save(updated, (event,), "marked urgent")

    def undo_step(self, before: ExpectedResult,
                  after: ExpectedResult | None = None) -> tuple[ExpectedResult, Change]:
        """Take back the step that moved a result on from `before` (Edit → Undo right after it): the
        result is again as it was (a disposition taken back clears it), and an "undo" event records
        that; the step stays in the history. Refused when it changed since."""
        current = self.get(before.id or 0)
        taken = history.steps_to_undo(current.events, before.events, after.events if after else None)
        if current.visit_id is not None and current.visit_id != before.visit_id:
            raise ChangedSinceError("A visit was booked for this result since: cancel the visit first, "
                                    "then take the step back.")
        what = ", ".join(e.step.label.lower() for e in taken)
        event = ResultEvent(before.step, self.ctx.clock.now(), self.ctx.user, f"took back: {what}",
                            action=history.UNDO)
        updated = replace(before, events=current.events + (event,))
        return self._save(updated, (event,), f"undo: step {current.step.value} -> {before.step.value}")

    def reopen(self, result_id: int, reason: str) -> tuple[ExpectedResult, Change]:
        """Open a closed result again, with the reason: back to the step it had before it closed."""
        result = self.get(result_id)
        if result.is_open:
            raise ValidationError("step", "is not closed: only a closed result can be reopened")
        text = history.reopen_reason(reason)
        back = ResultStep(history.state_before_closing(
            [e for e in result.events if e.action != rules.URGENT], lambda e: e.step.value,
            lambda s: s == ResultStep.CLOSED.value))
        event = ResultEvent(back, self.ctx.clock.now(), self.ctx.user, text, action=history.REOPEN)
        updated = replace(result, step=back, events=result.events + (event,))
        return self._save(updated, (event,), f"reopened: step {back.value}")

    # --- the visit a "needs visit" asks for -------------------------------------------------------
    def visit_draft(self, result_id: int) -> Appointment:
        """The visit to book (not saved): the patient, the provider who gave the disposition, a
        follow-up and the reason; the time is the user's."""
        result = self.get(result_id)
        rules.check_visit_booking(result, result.patient_id)
        types = {t.code for t in self.calendar.types()}
        return Appointment(patient_id=result.patient_id,
                           provider_id=result.disposition_by_id or result.ordered_by_id or 0,
                           type_code=VISIT_TYPE if VISIT_TYPE in types else "",
                           start=self.ctx.clock.now(), minutes=0, reason=rules.visit_reason(result))

    def book_needed_visit(self, result_id: int, appointment: Appointment, *, authorised_by: str | None = None,
                          override_reason: str = "") -> tuple[ExpectedResult, Appointment, Change]:
        """Book the visit the provider asked for and link it to the result, in one action: both or
        neither. The booking is audited as any booking and the link as the result's update."""
        with self.ctx.all_or_nothing():
            result = self.get(result_id)
            rules.check_visit_booking(result, appointment.patient_id)
            booked, _booking = self.calendar.book(appointment, authorised_by=authorised_by,
                                                  override_reason=override_reason)
            assert booked.id is not None
            self.repo.link_visit(result_id, booked.id)
            self.ctx.audit(AuditAction.UPDATE, RECORD, result_id, f"visit booked: appointment {booked.id}")
        return self.get(result_id), booked, Change(RECORD, AuditAction.UPDATE, (result_id,))

    def open_loops(self, patient_id: int) -> list[tuple[str, str]]:
        """The patient hub's lines: each open result ("Result", "CBC · received · labs not back")."""
        lines = []
        for row in self.rows([r for r in self.of_patient(patient_id) if r.is_open]):
            flags = "".join(f" · {flag}" for flag in row.flags)
            lines.append(("Result", f"{row.result.test} · {row.result.step.label.lower()}{flags}"))
        return lines
