"""One day of the demo practice's phone line: inbound and outbound calls, voicemails, and the messages
they become, drafted in practice-local time and converted to UTC.

Inbound calls are mostly from a patient or their family, some from pharmacies, payers, specialist
offices, hospitals and labs about a patient, a few from people who are nobody's patient. The VMA
resolves what they can; the rest is transferred or becomes a message, routed by the practice's own
rules (`CommunicationsService.route_for`), a share of the clinical ones straight to the provider.
Outbound calls are confirmations and callbacks. Voicemails are left overnight, at weekends or while
the line is busy, and worked at checks every 2-4 hours; the overnight answering service leaves a
few messages of its own each morning.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Direction,
    Message,
    Urgency,
)
from vma_desk.core.records import Practice, Role, StaffMember
from vma_desk.core.rules import callbacks
from vma_desk.demo import call_scripts as scripts
from vma_desk.demo import names
from vma_desk.demo.callers import Caller, Callers, phone
from vma_desk.demo.message_life import MINUTE, Hours, plan
from vma_desk.demo.panel import Rostered
from vma_desk.demo.randomness import weighted
from vma_desk.services.communications import CommunicationsService

A, R, B = CallReason.APPOINTMENT, CallReason.REFILL, CallReason.BILLING
RE, T, G = CallReason.RECORDS, CallReason.TEST_RESULTS, CallReason.GENERAL
C = CallReason.CLINICAL_QUESTION  # not drawn: a general call about a clinical question (scripts.reason_of)
Out = CallOutcome

REASONS = ((A, 38), (R, 18), (B, 11), (RE, 8), (T, 12), (G, 13))
OUTBOUND_REASONS = ((A, 45), (R, 14), (B, 6), (RE, 7), (T, 18), (G, 10))
INBOUND_OUTCOMES: dict[CallReason, tuple[tuple[CallOutcome, float], ...]] = {
    A: ((Out.SCHEDULED, 60), (Out.RESOLVED, 22), (Out.MESSAGE_TAKEN, 13), (Out.TRANSFERRED, 5)),
    R: ((Out.MESSAGE_TAKEN, 62), (Out.RESOLVED, 24), (Out.TRANSFERRED, 14)),
    B: ((Out.MESSAGE_TAKEN, 36), (Out.TRANSFERRED, 37), (Out.RESOLVED, 27)),
    RE: ((Out.MESSAGE_TAKEN, 46), (Out.RESOLVED, 44), (Out.TRANSFERRED, 10)),
    T: ((Out.MESSAGE_TAKEN, 70), (Out.TRANSFERRED, 22), (Out.CALLBACK_NEEDED, 8)),
    G: ((Out.RESOLVED, 64), (Out.MESSAGE_TAKEN, 24), (Out.TRANSFERRED, 12)),
}
OUTBOUND_OUTCOMES = ((Out.RESOLVED, 55), (Out.LEFT_VOICEMAIL, 30), (Out.NO_ANSWER, 15))
#: outcomes that leave something for someone else: the call is routed, and most make a message
ROUTED = frozenset({Out.TRANSFERRED, Out.MESSAGE_TAKEN, Out.CALLBACK_NEEDED, Out.ESCALATED})
MESSAGES = frozenset({Out.MESSAGE_TAKEN, Out.CALLBACK_NEEDED, Out.ESCALATED})
#: how long a call about each reason typically lasts, in minutes
MINUTES = {A: 3.5, R: 2.5, B: 5.0, RE: 3.0, T: 3.0, G: 2.0}
#: the phone line's busy hours: (local hour, weight)
BUSY_HOURS = ((8, 17), (9, 16), (10, 13), (11, 11), (12, 6), (13, 11), (14, 10), (15, 9), (16, 7))
#: who is on an inbound call: a patient or family, an organisation about a patient, a vendor, others
CALLER_MIX = (("patient", 86), ("organisation", 8), ("vendor", 1.5), ("stranger", 4.5))
ORGANISATION_MIX = (("payer", 3), ("specialist", 3), ("hospital", 1), ("lab", 2))
PHARMACY_CALLS = 0.25  # of refill calls
URGENT_SHARE, BEST_TIME_SHARE, QUESTION_SHARE, TO_PROVIDER, WITHHELD = 0.12, 0.2, 0.35, 0.12, 0.03
VOICEMAIL_DONE = 0.25
OPEN, CLOSE = time(8, 0), time(17, 0)


@dataclass(frozen=True)
class Draft:
    """A call, when it was documented (a voicemail: when it was heard), and its message if any
    (without ids, its whole planned life in `events`)."""

    call: Call
    logged: datetime
    message: Message | None = None


class Line:
    def __init__(self, rng: random.Random, service: CommunicationsService, practice: Practice,
                 hours: Hours, staff: Sequence[StaffMember], roster: Sequence[Rostered],
                 anchor: date) -> None:
        self.rng, self.service, self.practice, self.hours = rng, service, practice, hours
        self.policy = service.callback_policy()
        self.callers = Callers(rng, roster, anchor)
        self.staff = {s.id: s for s in staff}
        self.provider_ids = sorted(s.id or 0 for s in staff if s.role is Role.PROVIDER)
        self.routes: dict[tuple[CallReason, int | None, bool], int] = {}
        self.vmas = [f"{names.first_name(rng, sex, 1990)} {names.surname(rng)}" for sex in "FMF"]
        self.checks: list[datetime] = []

    # --- the day's shape -------------------------------------------------------------------------
    def plan_checks(self, first: date, last: date) -> None:
        """Voicemail checks on every business day from `first` to the one after `last`: at opening,
        then every 2 to 4 hours until closing."""
        day = first
        end = self.hours.next_day(last)
        while day <= end:
            if day in self.hours.days:
                at = self.hours.at(day, OPEN) + MINUTE * self.rng.randint(0, 10)
                closing = self.hours.at(day, CLOSE)
                while at < closing:
                    self.checks.append(at)
                    at += MINUTE * self.rng.randint(120, 240)
            day += timedelta(days=1)

    def on_duty(self, day: date) -> str:
        """Two of the three VMAs work each day, taking turns."""
        pair = day.toordinal() % 3
        return self.vmas[(pair + self.rng.randint(0, 1)) % 3]

    def local_time(self, day: date, hour_table: Sequence[tuple[int, float]] = BUSY_HOURS) -> datetime:
        hour = weighted(self.rng, hour_table)
        naive = datetime.combine(day, time(hour, self.rng.randint(0, 59), self.rng.randint(0, 59)))
        return self.hours.at(naive.date(), naive.time())

    # --- calls -----------------------------------------------------------------------------------
    def inbound(self, day: date, red_flag: bool = False) -> Draft:
        rng = self.rng
        at, vma = self.local_time(day), self.on_duty(day)
        kind = "patient" if red_flag else weighted(rng, CALLER_MIX)
        urgent, action = False, ""
        if kind == "patient":
            r = self.callers.patient(day)
            if red_flag:
                reason, template = rng.choice(scripts.RED_FLAGS)
                caller, outcome = self.callers.about(r, day), Out.ESCALATED
            else:
                reason = weighted(rng, REASONS)
                pharmacy = reason is R and rng.random() < PHARMACY_CALLS
                caller = self.callers.pharmacy(r) if pharmacy else self.callers.about(r, day)
                outcome = Out.MESSAGE_TAKEN if pharmacy else weighted(rng, INBOUND_OUTCOMES[reason])
                urgent = outcome is Out.MESSAGE_TAKEN and reason in scripts.URGENT and \
                    not pharmacy and rng.random() < URGENT_SHARE
                template = rng.choice(scripts.PHARMACY if pharmacy else scripts.URGENT[reason] if urgent
                                      else scripts.MESSAGE[reason] if outcome in MESSAGES
                                      else scripts.DONE[reason][outcome])
        elif kind == "organisation":
            org = weighted(rng, ORGANISATION_MIX)
            caller = self.callers.organisation(org, self.callers.patient(day))
            reason, template = rng.choice(scripts.ORGANISATIONS[org])
            outcome = Out.MESSAGE_TAKEN if rng.random() < 0.75 else Out.TRANSFERRED
        else:
            caller = self.callers.organisation(kind, None) if kind == "vendor" else self.callers.stranger()
            reason, template = rng.choice(scripts.STRANGERS[caller.kind])
            outcome = Out.MESSAGE_TAKEN if kind == "vendor" and rng.random() < 0.5 else Out.RESOLVED
        known = self.known(caller.patient)
        gist = scripts.fill(rng, template, known)
        if red_flag:
            action = scripts.fill(rng, rng.choice(scripts.ACTIONS), known)
        seconds = rng.randint(180, 540) if red_flag else self.seconds(reason, outcome)
        reason = scripts.reason_of(reason, template)
        number = "" if caller.kind in ("patient", "family") and rng.random() < WITHHELD else caller.number
        routed = self.route(reason, caller.patient, urgent or red_flag) if outcome in ROUTED else None
        extra = scripts.fill(rng, "{extra}", known) if caller.patient else ""
        call = Call(started_at=at, direction=Direction.INBOUND, caller_name=caller.name, reason=reason,
                    number=number, patient_id=caller.patient.id if caller.patient else None,
                    duration_seconds=seconds, outcome=outcome, routed_to=routed,
                    notes=f"{gist} {extra}".strip(), taken_by=vma, escalation_action=action)
        logged = at + timedelta(seconds=seconds)
        message = None
        if outcome in MESSAGES:
            urgency = Urgency.EMERGENCY if red_flag else Urgency.URGENT if urgent else Urgency.ROUTINE
            message = self.message(caller, reason, gist, urgency, routed, action, known,
                                   logged + timedelta(seconds=rng.randint(20, 180)), vma)
        return Draft(call, logged, message)

    def outbound(self, day: date) -> Draft:
        rng = self.rng
        at, vma = self.local_time(day), self.on_duty(day)
        r = self.callers.patient(day)
        caller = self.callers.about(r, day)
        reason = weighted(rng, OUTBOUND_REASONS)
        outcome = weighted(rng, OUTBOUND_OUTCOMES)
        note = scripts.fill(rng, rng.choice(scripts.OUTBOUND[reason]), self.known(r))
        if outcome is Out.RESOLVED:
            seconds = self.seconds(reason, outcome, scale=0.6)
        else:
            note += " Left a voicemail to call back." if outcome is Out.LEFT_VOICEMAIL else " No answer."
            seconds = rng.randint(25, 75) if outcome is Out.LEFT_VOICEMAIL else rng.randint(15, 40)
        call = Call(started_at=at, direction=Direction.OUTBOUND, caller_name=caller.name, reason=reason,
                    number=caller.number or phone(r), patient_id=r.id, duration_seconds=seconds,
                    outcome=outcome, notes=note, taken_by=vma)
        return Draft(call, at + timedelta(seconds=seconds))

    def voicemail(self, left: datetime) -> Draft:
        """A voicemail left at `left`, worked at the next check."""
        rng = self.rng
        heard = self.checks[min(bisect.bisect_left(self.checks, left), len(self.checks) - 1)]
        vma = self.on_duty(self.hours.local(heard).date())
        day = self.hours.local(left).date()
        r = self.callers.patient(day)
        caller = self.callers.pharmacy(r) if rng.random() < 0.04 else self.callers.about(r, day)
        known = self.known(r)
        if caller.kind != "pharmacy" and rng.random() < VOICEMAIL_DONE:
            reason, template = rng.choice(scripts.VOICEMAIL_DONE)
            outcome, urgent = Out.RESOLVED, False
        else:
            reason = R if caller.kind == "pharmacy" else weighted(rng, REASONS)
            urgent = caller.kind != "pharmacy" and reason in scripts.URGENT and rng.random() < URGENT_SHARE
            outcome = Out.MESSAGE_TAKEN
            template = rng.choice(scripts.PHARMACY if caller.kind == "pharmacy" else
                                  scripts.URGENT[reason] if urgent else scripts.MESSAGE[reason])
        gist = scripts.fill(rng, template, known)
        reason = scripts.reason_of(reason, template)
        routed = self.route(reason, r, urgent) if outcome in ROUTED else None
        call = Call(started_at=left, direction=Direction.VOICEMAIL, caller_name=caller.name,
                    reason=reason, number=caller.number, patient_id=r.id,
                    duration_seconds=rng.randint(15, 150), outcome=outcome, routed_to=routed,
                    notes=f"Left {_when(self.hours, left, heard)}, heard {_when(self.hours, heard, left)}: "
                          f"{gist}", taken_by=vma)
        message = None
        if outcome in MESSAGES:
            message = self.message(caller, reason, gist, Urgency.URGENT if urgent else Urgency.ROUTINE,
                                   routed, "", known, heard + MINUTE * rng.randint(1, 20), vma)
        return Draft(call, heard, message)

    def answering_service(self, day: date) -> Message:
        """A message the overnight answering service took, passed on at the first check."""
        rng = self.rng
        first = self.checks[bisect.bisect_left(self.checks, self.hours.at(day, time(0)))]
        r = self.callers.patient(day)
        caller = self.callers.about(r, day)
        reason = weighted(rng, REASONS)
        urgent = reason in scripts.URGENT and rng.random() < URGENT_SHARE
        known = self.known(r)
        opening = rng.choice(scripts.ANSWERING_SERVICE)
        template = rng.choice(scripts.URGENT[reason] if urgent else scripts.MESSAGE[reason])
        gist = opening + scripts.fill(rng, template, known)
        reason = scripts.reason_of(reason, template)
        return self.message(caller, reason, gist, Urgency.URGENT if urgent else Urgency.ROUTINE,
                            self.route(reason, r, urgent), "", known, first + MINUTE * rng.randint(0, 15),
                            self.on_duty(day))

    def seconds(self, reason: CallReason, outcome: CallOutcome, scale: float = 1.0) -> int:
        typical = MINUTES[reason] * 60 * scale * (0.5 if outcome is Out.TRANSFERRED else 1.0)
        return max(20, min(1800, int(self.rng.lognormvariate(math.log(typical), 0.45))))

    # --- messages --------------------------------------------------------------------------------
    def message(self, caller: Caller, reason: CallReason, gist: str, urgency: Urgency, routed: int | None,
                action: str, known: dict[str, str], created: datetime, vma: str) -> Message:
        rng, r = self.rng, caller.patient
        recipient = routed or self.route(reason, r, False)
        clinical = reason in (R, T, C, G) and urgency is Urgency.ROUTINE
        if r is not None and clinical and rng.random() < TO_PROVIDER:
            recipient = self.provider_of(r)
        best = self.best_time(created) if urgency is Urgency.ROUTINE and rng.random() < BEST_TIME_SHARE \
            else None
        questions = scripts.fill(rng, rng.choice(scripts.QUESTIONS[reason]), known) \
            if urgency is not Urgency.EMERGENCY and rng.random() < QUESTION_SHARE else ""
        created = created.replace(microsecond=0)
        message = Message(caller_name=caller.name, contact_number=caller.number or (phone(r) if r else "")
                          or "+13125550199", reason=gist, recipient_id=recipient, created_at=created,
                          urgency=urgency, patient_id=r.id if r else None, callback_at=best,
                          questions=questions, escalation_action=action)
        due = callbacks.callback_due(message, self.practice, self.hours.zone, self.policy)
        events = plan(rng, self.hours, created, urgency, due, best, vma, self.staff[recipient].name)
        return replace(message, events=events, state=events[-1].state)

    def best_time(self, created: datetime) -> datetime:
        """The caller's "best time to call back": this afternoon, or a time the next business day."""
        local = self.hours.local(created)
        if local.time() < time(13, 0) and local.date() in self.hours.days:
            return self.hours.at(local.date(), time(self.rng.choice((14, 15, 16)), 0))
        return self.hours.at(self.hours.next_day(local.date()), time(self.rng.choice((9, 10, 11, 12)), 0))

    # --- who -------------------------------------------------------------------------------------
    def provider_of(self, r: Rostered) -> int:
        return self.provider_ids[r.person.primary % len(self.provider_ids)]

    def route(self, reason: CallReason, r: Rostered | None, urgent_medical: bool) -> int:
        provider = self.provider_of(r) if r is not None else None
        key = (reason, provider, urgent_medical)
        if key not in self.routes:
            member = self.service.route_for(reason, provider_id=provider, urgent_medical=urgent_medical) \
                or self.service.route_for(CallReason.GENERAL)
            assert member is not None and member.id is not None, "the demo roster routes every call"
            self.routes[key] = member.id
        return self.routes[key]

    def known(self, r: Rostered | None) -> dict[str, str]:
        """The slots a text about this patient takes from the records (about nobody's patient:
        any provider; the rest is drawn when the text asks)."""
        provider_id = self.provider_of(r) if r else self.rng.choice(self.provider_ids)
        nurse = self.staff[self.route(R, r, False)]
        known = {"provider": _provider_label(self.staff[provider_id]), "nurse": nurse.display_name}
        if r is not None and r.patient.preferred_pharmacy:
            known["pharmacy"] = r.patient.preferred_pharmacy
        if r is not None and r.patient.insurance is not None and r.patient.insurance.payer:
            known["payer"] = r.patient.insurance.payer
        return known


def _provider_label(member: StaffMember) -> str:
    if member.credentials in ("MD", "DO"):
        return f"Dr. {member.name.split()[-1]}"
    return member.display_name


def _when(hours: Hours, moment: datetime, other: datetime) -> str:
    """"7:12 PM", or "Sat 7:12 PM" when `other` is on another day."""
    local, other_local = hours.local(moment), hours.local(other)
    clock = f"{local.hour % 12 or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"
    return clock if local.date() == other_local.date() else f"{local:%a} {clock}"
