"""Refill requests: received, chart-checked against the practice's protocol, routed to the
prescriber, decided by the provider (recorded with who and when: the VMA never approves), then the
pharmacy and the patient told, pickup confirmed and closed; each step time-stamped and audited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from vma_desk.core import history
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Urgency, attribution
from vma_desk.core.errors import ChangedSinceError, NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind, StaffMember
from vma_desk.core.refills import (
    DEFAULT_LAB_RULES,
    ChartCheck,
    Decision,
    LabCheck,
    LabRule,
    RefillEvent,
    RefillProtocol,
    RefillRequest,
    RefillSource,
    RefillStep,
)
from vma_desk.core.rules import refills as rules
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.validation import clean_text
from vma_desk.services.base import ServiceContext, last_seen_provider
from vma_desk.services.calendar import CalendarService
from vma_desk.services.communications import CommunicationsService
from vma_desk.storage.refills_repository import RefillRepository
from vma_desk.storage.repositories import (
    PatientRepository,
    PracticeRepository,
    SettingRepository,
    StaffRepository,
)

RECORD = RecordKind.REFILL
#: the appointment type a "needs visit" decision books (the dialog's own default when it is gone)
VISIT_TYPE = "fu"
VISIT_MONTHS_KEY = "refills.visit_months"
LAB_RULES_KEY = "refills.lab_rules"


@dataclass(frozen=True)
class RefillRow:
    """One open request as the Refills tab shows it."""

    request: RefillRequest
    due_state: rules.DueState | None


def format_lab_rules(lab_rules: Sequence[LabRule]) -> list[str]:
    return [f"{r.medication}: {r.lab}, {r.months}" for r in lab_rules]


def parse_lab_rules(lines: Sequence[str]) -> tuple[LabRule, ...]:
    """Lines such as "metformin: A1c, 6" (medication: lab, every how many months)."""
    found: list[LabRule] = []
    for number, line in enumerate((raw.strip() for raw in lines), start=1):
        if not line:
            continue
        medication, colon, rest = line.partition(":")
        lab, comma, months = rest.rpartition(",")
        months = months.strip()
        if not (colon and comma and medication.strip() and lab.strip() and months.isdigit()):
            raise ValidationError("lab_rules", f"line {number}: write it as \"medication: lab, months\"")
        if not 1 <= int(months) <= 60:
            raise ValidationError("lab_rules", f"line {number}: months must be between 1 and 60")
        found.append(LabRule(medication.strip(), lab.strip(), int(months)))
    return tuple(found)


class RefillService:
    def __init__(self, context: ServiceContext, communications: CommunicationsService,
                 calendar: CalendarService | None = None) -> None:
        self.ctx = context
        self.repo = RefillRepository(context.conn)
        self.settings = SettingRepository(context.conn)
        self.communications = communications
        self.calendar = calendar or CalendarService(context)

    # --- protocol --------------------------------------------------------------------------------
    def protocol(self) -> RefillProtocol:
        months = self.settings.get(VISIT_MONTHS_KEY)
        lab_rules = self.settings.get(LAB_RULES_KEY)
        return RefillProtocol(
            visit_months=int(months) if months else 12,
            lab_rules=parse_lab_rules(lab_rules.splitlines()) if lab_rules is not None else DEFAULT_LAB_RULES)

    def save_protocol(self, *, visit_months: int, lab_rules: Sequence[str]) -> Change:
        if not 1 <= visit_months <= 60:
            raise ValidationError("visit_months", "must be between 1 and 60 months")
        parsed = parse_lab_rules(lab_rules)
        with self.ctx.transaction():
            self.settings.set(VISIT_MONTHS_KEY, str(visit_months))
            self.settings.set(LAB_RULES_KEY, "\n".join(format_lab_rules(parsed)))
            self.ctx.audit(AuditAction.UPDATE, "setting", "refills", "settings: visit_months, lab_rules")
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    def required_labs(self, medication: str, known: tuple[LabCheck, ...] = ()) -> tuple[LabCheck, ...]:
        return rules.required_labs(self.protocol(), medication, known)

    # --- reading ---------------------------------------------------------------------------------
    def get(self, refill_id: int) -> RefillRequest:
        found = self.repo.get(refill_id)
        if found is None:
            raise NotFoundError(f"Refill request {refill_id} does not exist.")
        return found

    def worklist(self) -> list[RefillRow]:
        """Every open request with its due state, most pressing first."""
        return self.in_order(self.repo.open_requests())

    def in_order(self, requests: Iterable[RefillRequest]) -> list[RefillRow]:
        """Requests with their due state, most pressing first (the worklist's order)."""
        now = self.ctx.clock.now()
        rows = [RefillRow(r, rules.request_due_state(r, now)) for r in requests]
        pressing = {rules.DueState.PAST_DUE: 0, rules.DueState.NEAR_DUE: 1, rules.DueState.ON_TIME: 2,
                    None: 3}
        return sorted(rows, key=lambda row: (pressing[row.due_state], row.request.due_at or now))

    def attention_count(self, rows: Sequence[RefillRow] | None = None) -> int:
        """How many open requests are near or past due (the tab's badge)."""
        return sum(1 for row in (self.worklist() if rows is None else rows)
                   if row.due_state in (rules.DueState.NEAR_DUE, rules.DueState.PAST_DUE))

    def for_patient(self, patient_id: int) -> list[RefillRequest]:
        return self.repo.for_patient(patient_id)

    def received_between(self, start: datetime, end: datetime) -> list[RefillRequest]:
        return self.repo.received_between(start, end)

    def awaiting_visit(self) -> list[RefillRequest]:
        """"Needs visit — not booked": decided "needs visit" with no visit standing (open requests,
        and closed ones whose booked visit was cancelled or missed), oldest decision first."""
        return self.repo.awaiting_visit()

    def for_visits(self, visit_ids: Sequence[int]) -> dict[int, list[RefillRequest]]:
        """The requests each visit was booked for (the visit's side of the link), by visit id."""
        return self.repo.for_visits(visit_ids)

    def closed_on(self, day: date) -> list[RefillRequest]:
        """The requests closed on one practice-local day."""
        zone = self.ctx.practice_zone()
        start = local_to_utc(datetime.combine(day, time(0)), zone)
        end = local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
        return self.repo.closed_between(start, end)

    # --- staff -----------------------------------------------------------------------------------
    def _provider(self, provider_id: int | None, field: str, missing: str) -> StaffMember:
        if provider_id is None:
            raise ValidationError(field, missing)
        provider = StaffRepository(self.ctx.conn).providers().get(provider_id)
        if provider is None:
            raise ValidationError(field, "is not a provider of this practice")
        return provider

    # --- creating --------------------------------------------------------------------------------
    def draft_from_call(self, call_id: int) -> RefillRequest:
        """A new request with the call's patient, caller and notes filled in (not saved)."""
        call = self.communications.get_call(call_id)
        patient = PatientRepository(self.ctx.conn).get(call.patient_id) if call.patient_id else None
        prescriber = last_seen_provider(self.ctx, patient)
        return RefillRequest(
            patient_id=call.patient_id or 0, medication="", strength="", quantity="",
            pharmacy=patient.preferred_pharmacy if patient else "",
            source=RefillSource.PATIENT_CALL,
            requested_by=call.caller_name, prescriber_id=prescriber, received_at=call.started_at,
            notes=call.notes, call_id=call.id)

    def _validated(self, request: RefillRequest, now: datetime) -> RefillRequest:
        patients = PatientRepository(self.ctx.conn)
        if not request.patient_id or not patients.exists(request.patient_id):
            raise ValidationError("patient_id", "choose the patient")
        medication = clean_text("medication", request.medication, required=True)
        strength = clean_text("strength", request.strength, required=False)
        quantity = clean_text("quantity", request.quantity, required=False)
        pharmacy = clean_text("pharmacy", request.pharmacy, required=True)
        requested_by = clean_text("requested_by", request.requested_by, required=True)
        self._provider(request.prescriber_id or None, "prescriber_id", "choose the prescribing provider")
        if request.received_at > now + timedelta(minutes=5):
            raise ValidationError("received_at", "is in the future")
        self._validate_chart_facts(request.labs, request.refills_remaining,
                                   now.astimezone(self.ctx.practice_zone()).date())
        if request.call_id is not None:
            self.communications.get_call(request.call_id)
        notes = clean_text("notes", request.notes, required=False, limit=2000)
        urgency, action = request.urgency, " ".join(request.escalation_action.split())
        found = self.communications.check_red_flags(notes)
        if found.found:
            urgency = Urgency.EMERGENCY
            if not action:
                raise ValidationError("escalation_action",
                                      f"the notes mention \"{found.hits[0].said}\": say what was done")
        return replace(request, medication=medication, strength=strength, quantity=quantity,
                       pharmacy=pharmacy,
                       requested_by=requested_by, notes=notes, urgency=urgency, escalation_action=action)

    @staticmethod
    def _validate_chart_facts(labs: Sequence[LabCheck], refills_remaining: int | None, today: date) -> None:
        """What the chart check reads from the chart: lab dates and refills left."""
        if refills_remaining is not None and not 0 <= refills_remaining <= 99:
            raise ValidationError("refills_remaining", "must be between 0 and 99")
        for lab in labs:
            if lab.last_done is not None and lab.last_done > today:
                raise ValidationError("labs", f"{lab.name}: the last result is dated in the future")

    def _check(self, request: RefillRequest, today: date) -> ChartCheck:
        patient = PatientRepository(self.ctx.conn).get(request.patient_id)
        visits = [v.day for v in (patient.last_visits if patient else ())
                  if v.provider_id == request.prescriber_id]
        prescriber = StaffRepository(self.ctx.conn).providers()[request.prescriber_id]
        return rules.chart_check(self.protocol(), medication=request.medication,
                                 last_visit=max(visits) if visits else None,
                                 prescriber=prescriber.display_name,
                                 labs=request.labs, refills_remaining=request.refills_remaining, today=today)

    def _due(self, received: datetime, urgency: Urgency) -> datetime:
        practice = PracticeRepository(self.ctx.conn).get()
        if practice is None:
            raise NotFoundError("The workspace has no practice set up yet.")
        return rules.due_for(received, urgency, practice, self.ctx.practice_zone(),
                             close=self.communications.callback_policy().close_time)

    def create(self, request: RefillRequest) -> tuple[RefillRequest, Change]:
        """Record a new request, run the chart check and start its clock."""
        now = self.ctx.clock.now()
        received = request.received_at or now
        labs = self.required_labs(request.medication, request.labs)
        clean = self._validated(replace(request, id=None, received_at=received, labs=labs), now)
        check = self._check(clean, self.ctx.today())
        events = (RefillEvent(RefillStep.RECEIVED, received, self.ctx.user, clean.source.label),
                  RefillEvent(RefillStep.CHECKED, now, self.ctx.user, check.verdict))
        clean = replace(clean, check=check, step=RefillStep.CHECKED,
                        due_at=self._due(received, clean.urgency),
                        decision=None, decided_by_id=None, decided_at=None, decision_note="", events=events)
        with self.ctx.transaction():
            refill_id = self.repo.insert(clean)
            if clean.call_id is not None:
                self.communications.repo.link(clean.call_id, RECORD, refill_id)
            self.ctx.audit(AuditAction.CREATE, RECORD, refill_id,
                           "needs appointment" if not check.passed else "protocol passed")
        return replace(clean, id=refill_id), Change(RECORD, AuditAction.CREATE, (refill_id,))

    def recheck(self, refill_id: int, *, labs: tuple[LabCheck, ...],
                refills_remaining: int | None) -> tuple[RefillRequest, Change]:
        """Enter lab dates or refills found later and run the chart check again (before a decision)."""
        request = self.get(refill_id)
        if request.decision is not None or not request.is_open:
            raise ValidationError("step", "the provider has already decided: the chart check is closed")
        now, today = self.ctx.clock.now(), self.ctx.today()
        self._validate_chart_facts(labs, refills_remaining, today)
        updated = replace(request, labs=self.required_labs(request.medication, labs),
                          refills_remaining=refills_remaining)
        check = self._check(updated, today)
        event = RefillEvent(RefillStep.CHECKED, now, self.ctx.user, "re-checked: " + check.verdict)
        updated = replace(updated, check=check, events=request.events + (event,))
        return self._save(updated, (event,), "chart re-checked")

    # --- moving on -------------------------------------------------------------------------------
    def _save(self, updated: RefillRequest, events: tuple[RefillEvent, ...], detail: str
              ) -> tuple[RefillRequest, Change]:
        with self.ctx.transaction():
            self.repo.update(updated)
            self.repo.add_events(updated.id or 0, events)
            self.ctx.audit(AuditAction.UPDATE, RECORD, updated.id, detail)
        return updated, Change(RECORD, AuditAction.UPDATE, (updated.id or 0,))

    def route(self, refill_id: int, *, prescriber_id: int | None = None) -> tuple[RefillRequest, Change]:
        """Send the request to the prescribing provider (optionally another one) for a decision."""
        request = self.get(refill_id)
        rules.check_step(request, RefillStep.ROUTED)
        provider = self._provider(prescriber_id or request.prescriber_id, "prescriber_id",
                                  "choose the prescribing provider")
        event = RefillEvent(RefillStep.ROUTED, self.ctx.clock.now(), self.ctx.user, provider.display_name)
        updated = replace(request, prescriber_id=provider.id or 0, step=RefillStep.ROUTED,
                          events=request.events + (event,))
        return self._save(updated, (event,), "step: routed")

    def record_decision(self, refill_id: int, decision: Decision, *, decided_by_id: int | None,
                        decided_at: datetime | None = None, note: str = "") -> tuple[RefillRequest, Change]:
        """Record what the provider decided, who decided and when. The VMA only records it."""
        request = self.get(refill_id)
        if request.step is not RefillStep.ROUTED:
            raise ValidationError("step", "route the request to the provider before recording a decision"
                                  if request.step in (RefillStep.RECEIVED, RefillStep.CHECKED)
                                  else "the decision has already been recorded")
        provider = self._provider(decided_by_id, "decided_by",
                                  "a decision needs the name of the provider who made it")
        now = self.ctx.clock.now()
        when = decided_at or now
        if when > now + timedelta(minutes=5):
            raise ValidationError("decided_at", "is in the future")
        if when < request.received_at:
            raise ValidationError("decided_at", "is before the request was received")
        text = clean_text("decision_note", note, required=decision is Decision.DENIED, limit=1000)
        who, recorder = attribution(provider.display_name, self.ctx.user)
        event = RefillEvent(RefillStep.DECIDED, when, who, f"{decision.label} by {provider.display_name}",
                            recorder)
        updated = replace(request, step=RefillStep.DECIDED, decision=decision, decided_by_id=provider.id,
                          decided_at=when, decision_note=text, events=request.events + (event,))
        return self._save(updated, (event,), f"decision: {decision.value}")

    def advance(self, refill_id: int, step: RefillStep, *, note: str = "",
                by: str | None = None) -> tuple[RefillRequest, Change]:
        """Pharmacy notified, patient notified, pickup confirmed or closed (closing before a decision
        is a withdrawal and needs a reason). `by` is who did it (the signed-in user unless named; the
        signed-in user is then kept as who recorded it)."""
        request = self.get(refill_id)
        rules.check_step(request, step, note=note)
        text = clean_text("note", note, required=False, limit=500)
        who, recorder = attribution(by, self.ctx.user)
        event = RefillEvent(step, self.ctx.clock.now(), who, text, recorder)
        updated = replace(request, step=step, events=request.events + (event,))
        return self._save(updated, (event,), f"step: {step.value}")

    def undo_step(self, before: RefillRequest,
                  after: RefillRequest | None = None) -> tuple[RefillRequest, Change]:
        """Take back the step that moved a request on from `before` (Edit → Undo right after it): the
        request is again as it was (a decision taken back clears the decision), and an "undo" event
        records that; the step itself stays in the history. Refused when it changed since."""
        current = self.get(before.id or 0)
        taken = history.steps_to_undo(current.events, before.events, after.events if after else None)
        if current.visit is not None and (before.visit is None or before.visit.id != current.visit.id):
            raise ChangedSinceError("A visit was booked for this request since: cancel the visit first, "
                                    "then take the step back.")
        what = ", ".join(e.step.label.lower() for e in taken)
        event = RefillEvent(before.step, self.ctx.clock.now(), self.ctx.user, f"took back: {what}",
                            action=history.UNDO)
        updated = replace(before, events=current.events + (event,))
        return self._save(updated, (event,), f"undo: step {current.step.value} -> {before.step.value}")

    def reopen(self, refill_id: int, reason: str) -> tuple[RefillRequest, Change]:
        """Open a closed request again, with the reason: back to the step it had before it closed."""
        request = self.get(refill_id)
        if request.is_open:
            raise ValidationError("step", "is not closed: only a closed request can be reopened")
        text = history.reopen_reason(reason)
        back = RefillStep(history.state_before_closing(
            request.events, lambda e: e.step.value, lambda s: s == RefillStep.CLOSED.value))
        event = RefillEvent(back, self.ctx.clock.now(), self.ctx.user, text, action=history.REOPEN)
        updated = replace(request, step=back, events=request.events + (event,))
        return self._save(updated, (event,), f"reopened: step {back.value}")

    # --- the visit a "needs visit" decision asks for ----------------------------------------------
    def visit_draft(self, refill_id: int) -> Appointment:
        """The visit to book (not saved): the patient, the provider who decided (else the prescriber),
        a follow-up and the reason "Refill: <medication> needs visit"; the time is the user's."""
        request = self.get(refill_id)
        rules.check_visit_booking(request, request.patient_id)
        types = {t.code for t in self.calendar.types()}
        return Appointment(patient_id=request.patient_id,
                           provider_id=request.decided_by_id or request.prescriber_id,
                           type_code=VISIT_TYPE if VISIT_TYPE in types else "",
                           start=self.ctx.clock.now(), minutes=0, reason=rules.visit_reason(request))

    def book_visit(self, refill_id: int, appointment: Appointment, *, authorised_by: str | None = None,
                   override_reason: str = "") -> tuple[RefillRequest, Appointment, Change]:
        """Book the visit and link it to the request in one transaction: both or neither. The booking
        is audited as any booking (the appointment's entry) and the link as the request's update."""
        with self.ctx.transaction():
            request = self.get(refill_id)
            rules.check_visit_booking(request, appointment.patient_id)
            booked, _booking = self.calendar.book(appointment, authorised_by=authorised_by,
                                                  override_reason=override_reason)
            assert booked.id is not None
            self.repo.link_visit(refill_id, booked.id)
            self.ctx.audit(AuditAction.UPDATE, RECORD, refill_id, f"visit booked: appointment {booked.id}")
        linked = self.get(refill_id)
        return linked, booked, Change(RECORD, AuditAction.UPDATE, (refill_id,))
