"""One patient's communication history over a period, computed from plain lists (the service
gathers them; the PDF only lays them out). Times are aware UTC datetimes; periods are
practice-local days, both ends included.

The history holds each call, message, refill request, referral and visit of the period once, in
time order. Calls and visits belong to the period by their time; a message, refill request or
referral by when it began, or, when it began earlier, by its first step within the period (it is
then listed at that step, marked as begun earlier). Each entry shows its steps to date, so the
outcome is known. Times and durations are written by `core.wording`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from vma_desk.core import history
from vma_desk.core.activity import Period, refill_clock_stop, was_confirmed
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import Call, Direction, Message, MessageState, Urgency
from vma_desk.core.records import Patient, Practice
from vma_desk.core.referrals import PATIENT_TOLD, Referral, ReferralState, step_label
from vma_desk.core.refills import RefillRequest, RefillStep
from vma_desk.core.rules.callbacks import CallbackPolicy, callback_due
from vma_desk.core.wording import clip, date_text, duration_text, plural, step_text, when_text

#: how much of a free-text field (call notes, a message's reason) a summary line carries
CLIP = 240


# --- a patient's history -------------------------------------------------------------------------

class EntryKind(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    REFILL = "refill"
    REFERRAL = "referral"
    APPOINTMENT = "appointment"

    @property
    def label(self) -> str:
        return {"refill": "Refill request", "appointment": "Visit"}.get(self.value, self.value.capitalize())

    def count_text(self, count: int) -> str:
        return plural(count, self.label.lower())


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # when it began, or its first step in the period
    kind: EntryKind
    record_id: int
    what: str  # "Inbound call · Appointment"
    details: tuple[str, ...]  # who, what was said or asked, each step with its time
    outcome: str  # "Message taken", "Closed", "Approved", "Arrived"
    began: datetime | None = None  # set when the record began before the period


@dataclass(frozen=True)
class PatientHistory:
    patient_name: str
    date_of_birth: date
    period: Period
    time_zone: str
    generated_at: datetime
    entries: tuple[HistoryEntry, ...]
    #: "Primary: Northwind PPO · Secondary: Harbor Mutual": payers and plans, never member numbers
    insurance: str = ""

    def counts(self) -> dict[EntryKind, int]:
        found = Counter(e.kind for e in self.entries)
        return {kind: found[kind] for kind in EntryKind}

    @property
    def counts_text(self) -> str:
        """"2 calls · 1 message · 0 refill requests · 0 referrals · 1 visit"."""
        return " · ".join(kind.count_text(n) for kind, n in self.counts().items())


@dataclass(frozen=True)
class HistoryInputs:
    """What `patient_history` reads: the patient's calls and visits of the period, and their
    messages, refill requests and referrals begun before the period's end (the rule keeps those
    of the period)."""

    patient: Patient
    period: Period
    zone: ZoneInfo
    now: datetime
    practice: Practice
    callback_policy: CallbackPolicy
    staff: Mapping[int, str]  # display names by staff id
    type_names: Mapping[str, str]  # appointment type code -> name
    calls: Sequence[Call] = ()
    messages: Sequence[Message] = ()
    refills: Sequence[RefillRequest] = ()
    referrals: Sequence[Referral] = ()
    appointments: Sequence[Appointment] = ()


def patient_history(data: HistoryInputs) -> PatientHistory:
    lo, hi = data.period.bounds(data.zone)
    entries: list[HistoryEntry] = []
    calls = {c.id: c for c in data.calls}
    for call in data.calls:
        if lo <= call.started_at < hi:
            entries.append(_call_entry(call, data))
    for appointment in data.appointments:
        if lo <= appointment.start < hi:
            entries.append(_visit_entry(appointment, data))
    for message in data.messages:
        at = _placed(message.created_at, (e.at for e in message.events), lo, hi)
        if at is not None:
            entries.append(_message_entry(message, at, calls, data))
    for request in data.refills:
        at = _placed(request.received_at, (e.at for e in request.events), lo, hi)
        if at is not None:
            entries.append(_refill_entry(request, at, data))
    for referral in data.referrals:
        at = _placed(referral.created_at, (e.at for e in referral.events), lo, hi)
        if at is not None:
            entries.append(_referral_entry(referral, at, data))
    order = list(EntryKind)
    entries.sort(key=lambda e: (e.at, order.index(e.kind), e.record_id))
    patient = data.patient
    return PatientHistory(patient_name=f"{patient.first_name} {patient.last_name}",
                          date_of_birth=patient.date_of_birth, period=data.period, time_zone=data.zone.key,
                          generated_at=data.now, entries=tuple(entries), insurance=patient.insurance_text)


def _placed(began: datetime, steps: Iterable[datetime], lo: datetime, hi: datetime) -> datetime | None:
    """Where a record with steps stands in the period's list: when it began, or its first step
    within the period; None when it has nothing in the period."""
    if lo <= began < hi:
        return began
    if began >= hi:
        return None
    return min((at for at in steps if lo <= at < hi), default=None)


def _began(began: datetime, at: datetime) -> datetime | None:
    return began if began != at else None


def _name(data: HistoryInputs, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return data.staff.get(staff_id, f"staff #{staff_id}")


def _steps(steps: Sequence[tuple[str, datetime, str, str]], since: datetime, zone: ZoneInfo) -> str:
    """"Steps: delivered 9:35 AM (Sofia Chen); closed 03/04 10:00 AM (Juan Davis): duplicate"."""
    parts = []
    for label, at, by, note in steps:
        text = f"{label} {step_text(at, since, zone)}" + (f" ({by})" if by else "")
        parts.append(text + (f": {clip(note, 120)}" if note else ""))
    return "Steps: " + "; ".join(parts)


def _call_entry(call: Call, data: HistoryInputs) -> HistoryEntry:
    what = "Voicemail" if call.direction is Direction.VOICEMAIL else f"{call.direction.label} call"
    who = [f"Caller: {call.caller_name}"]
    if call.taken_by:
        who.append(f"taken by {call.taken_by}")
    if call.duration_seconds:
        length = timedelta(seconds=call.duration_seconds)
        who.append(duration_text(length, nearest=True) if call.duration_seconds >= 60
                   else f"{call.duration_seconds} s")
    details = [" · ".join(who)]
    if call.routed_to is not None:
        details.append(f"Routed to {_name(data, call.routed_to)}")
    if call.notes:
        details.append(f"Notes: {clip(call.notes, CLIP)}")
    if call.escalation_action:
        details.append(f"Red flag: {clip(call.escalation_action, CLIP)}")
    return HistoryEntry(call.started_at, EntryKind.CALL, call.id or 0, f"{what} · {call.reason.label}",
                        tuple(details), call.outcome.label)


def _message_entry(message: Message, at: datetime, calls: Mapping[int | None, Call],
                   data: HistoryInputs) -> HistoryEntry:
    zone, created = data.zone, message.created_at
    taken = next((e for e in message.events if e.state is MessageState.NEW), None)
    first = f"From {message.caller_name}"
    call = calls.get(message.call_id) if message.call_id is not None else None
    if call is not None:
        first += f", taken during the call at {step_text(call.started_at, at, zone)}"
    if taken is not None and taken.by:
        first += f" · taken by {taken.by}"
    details = [first, f"Reason: {clip(message.reason, CLIP)}"]
    if message.escalation_action:
        details.append(f"Red flag: {clip(message.escalation_action, CLIP)}")
    due = callback_due(message, data.practice, zone, data.callback_policy)
    done = message.reached(MessageState.CALLBACK_DONE)
    due_text = step_text(due, at, zone)
    if done is not None:
        timing = f"late: due {due_text}" if done.at > due else "on time"
        details.append(f"Called back {step_text(done.at, at, zone)} after "
                       f"{duration_text(done.at - created)} ({timing})")
    else:
        details.append(f"Callback due {due_text}" + (", overdue" if data.now > due else ""))
    steps = [(history.line_prefix(e.action) + e.state.label.lower(), e.at, e.by, e.note if e.action else "")
             for e in message.events if e.state is not MessageState.NEW or e.action]
    if steps:
        details.append(_steps(steps, at, zone))
    urgency = "" if message.urgency is Urgency.ROUTINE else f" · {message.urgency.value.capitalize()}"
    return HistoryEntry(at, EntryKind.MESSAGE, message.id or 0,
                        f"Message for {_name(data, message.recipient_id)}{urgency}", tuple(details),
                        message.state.label, _began(created, at))


def _refill_entry(request: RefillRequest, at: datetime, data: HistoryInputs) -> HistoryEntry:
    zone, received = data.zone, request.received_at
    order = [request.source.label + (f" from {request.requested_by}" if request.requested_by else "")]
    if request.quantity:
        order.append(f"quantity {request.quantity}")
    if request.pharmacy:
        order.append(request.pharmacy)
    details = [" · ".join(order),
               f"Prescriber: {_name(data, request.prescriber_id)}"
               + ("" if request.urgency is Urgency.ROUTINE else f" · {request.urgency.value}")]
    if request.check is not None:
        details.append(f"Chart check: {clip(request.check.verdict, CLIP)}")
    if request.decision is not None:
        when = f" {step_text(request.decided_at, at, zone)}" if request.decided_at else ""
        note = f": {clip(request.decision_note, 160)}" if request.decision_note else ""
        decider = _name(data, request.decided_by_id)
        details.append(f"Decision: {request.decision.label} by {decider}{when}{note}")
    stop = refill_clock_stop(request)
    if request.due_at is not None:
        due = step_text(request.due_at, at, zone)
        if stop is not None:
            timing = "on time" if stop.at <= request.due_at else "late"
            stopped = f"{stop.step.label.lower()} {step_text(stop.at, at, zone)}"
            details.append(f"Due {due}: {stopped} ({timing})")
        elif request.is_open:
            details.append(f"Due {due}" + (", past due" if data.now > request.due_at else ""))
    shown = (RefillStep.RECEIVED, RefillStep.CHECKED, RefillStep.DECIDED)  # told above
    steps = [(history.line_prefix(e.action) + e.step.label.lower(), e.at, e.by,
              e.note if e.step is RefillStep.CLOSED or e.action else "")
             for e in request.events if e.step not in shown or e.action]
    if steps:
        details.append(_steps(steps, at, zone))
    strength = f" {request.strength}" if request.strength else ""
    if request.decision is not None:
        outcome = request.decision.label + ("" if request.is_open else ", closed")
    else:
        outcome = "Withdrawn" if not request.is_open else request.stage
    return HistoryEntry(at, EntryKind.REFILL, request.id or 0,
                        f"Refill request · {request.medication}{strength}", tuple(details), outcome,
                        _began(received, at))


def _referral_entry(referral: Referral, at: datetime, data: HistoryInputs) -> HistoryEntry:
    zone, created = data.zone, referral.created_at
    first = [referral.specialist_office, f"referred by {_name(data, referral.referring_provider_id)}"]
    if referral.urgency is not Urgency.ROUTINE:
        first.append(referral.urgency.value)
    details = [" · ".join(first), f"Reason: {clip(referral.reason, CLIP)}"]
    if referral.appointment_at is not None:
        details.append(f"Specialist visit {when_text(referral.appointment_at, zone)}")
    if referral.auth_required:
        if referral.auth_number:
            valid = referral.auth_valid_until
            until = f", valid until {date_text(valid)}" if valid else ""
            details.append(f"Authorisation on file{until}")
        else:
            details.append("Authorisation required, none on file")
    moves = [(history.line_prefix(e.action) + step_label(e.state).lower(), e.at, e.by,
              e.note if e.state in ("cancelled", "declined", "closed", PATIENT_TOLD) or e.action else "")
             for e in referral.events if e.state != ReferralState.DRAFT.value]
    if moves:
        details.append(_steps(moves, at, zone))
    return HistoryEntry(at, EntryKind.REFERRAL, referral.id or 0, f"Referral · {referral.specialty}",
                        tuple(details), referral.state.label, _began(created, at))


def _visit_entry(a: Appointment, data: HistoryInputs) -> HistoryEntry:
    zone = data.zone
    details = [f"With {_name(data, a.provider_id)} · {a.minutes} min"]
    if a.reason:
        details.append(f"Reason: {clip(a.reason, 160)}")
    if a.confirmation_method is not None and was_confirmed(a):
        details.append(f"Confirmed by {a.confirmation_method.value}")
    elif a.status is VisitStatus.LEFT_MESSAGE and a.confirmation_method is not None:
        details.append(f"Message left by {a.confirmation_method.value}, not yet confirmed")
    if a.status is VisitStatus.CANCELLED:
        when = f" {when_text(a.cancelled_at, zone)}" if a.cancelled_at else ""
        late = " (late cancellation)" if a.late_cancel else ""
        reason = f": {clip(a.cancel_reason, 160)}" if a.cancel_reason else ""
        details.append(f"Cancelled{when}{late}{reason}")
    type_name = data.type_names.get(a.type_code, a.type_code)
    return HistoryEntry(a.start, EntryKind.APPOINTMENT, a.id or 0, f"Visit · {type_name}", tuple(details),
                        a.status.label)
