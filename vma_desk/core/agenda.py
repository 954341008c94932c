"""The day's agenda: what the Today tab shows and the huddle sheet prints, built once by
`build_agenda` from plain records (the service gathers them; the tab and the PDF only lay it out).

Per provider, each visit of the day with the flags a physician acts on (missing consult report,
insurance unverified, prior authorisation pending, unconfirmed, urgent message open, refill
pending, care gap due, no-show history, telehealth not ready, forms incomplete, labs not back);
across the app, everything due today (confirmations and eligibility checks, overdue and urgent
messages, refills near or past due, referrals stuck or awaiting their report, authorisations
expiring, follow-ups overdue, tasks due today or overdue, urgent results not acted on within an
hour, records requests running late).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, AppointmentType, EligibilityStatus, TechCheck, VisitStatus
from vma_desk.core.chase import Voicemail
from vma_desk.core.communications import Call, Message, Urgency
from vma_desk.core.intake import INCOMPLETE
from vma_desk.core.records import Patient, StaffMember
from vma_desk.core.records_requests import Direction, RecordsRequest
from vma_desk.core.referrals import Flag, PriorAuth, Referral, ReferralState
from vma_desk.core.refills import RefillRequest
from vma_desk.core.results import NOT_BACK, URGENT_UNACTED, URGENT_WITHIN, ExpectedResult
from vma_desk.core.rules.callbacks import listing_key
from vma_desk.core.rules.refills import DueState
from vma_desk.core.rules.scheduling import booked_late
from vma_desk.core.tasks import Task
from vma_desk.core.wording import date_text


class VisitFlag(StrEnum):
    MISSING_REPORT = "missing_report"
    #: a result of the patient's still awaited after the day it was expected by
    LABS_NOT_BACK = "labs_not_back"
    INSURANCE_UNVERIFIED = "insurance_unverified"
    PRIOR_AUTH_PENDING = "prior_auth_pending"
    UNCONFIRMED = "unconfirmed"
    #: the visit's intake packet has an item not back (`core.intake.INCOMPLETE`)
    FORMS_INCOMPLETE = "forms_incomplete"
    URGENT_MESSAGE = "urgent_message"
    PENDING_REFILL = "pending_refill"
    #: the visit was booked because the provider decided a refill "needs visit"
    REFILL_NEEDS_VISIT = "refill_needs_visit"
    CARE_GAP = "care_gap"
    NO_SHOW_HISTORY = "no_show_history"
    TELEHEALTH_NOT_READY = "telehealth_not_ready"

    @property
    def label(self) -> str:
        return _FLAG_LABELS[self]

    @property
    def severity(self) -> int:
        """How much the flag makes its visit stand out: `SEVERE`, `WARNING` or `NOTE`."""
        return FLAG_SEVERITY[self]


_FLAG_LABELS = {
    VisitFlag.MISSING_REPORT: "Consult report missing",
    VisitFlag.LABS_NOT_BACK: NOT_BACK,
    VisitFlag.INSURANCE_UNVERIFIED: "Insurance not verified",
    VisitFlag.PRIOR_AUTH_PENDING: "Prior auth pending",
    VisitFlag.UNCONFIRMED: "Unconfirmed",
    VisitFlag.FORMS_INCOMPLETE: INCOMPLETE.capitalize(),
    VisitFlag.URGENT_MESSAGE: "Urgent message open",
    VisitFlag.PENDING_REFILL: "Refill pending",
    VisitFlag.REFILL_NEEDS_VISIT: "Refill needs visit",
    VisitFlag.CARE_GAP: "Care gap",
    VisitFlag.NO_SHOW_HISTORY: "No-show history",
    VisitFlag.TELEHEALTH_NOT_READY: "Telehealth not ready",
}

#: how much a visit flag makes its visit stand out, said once for the Today tab (the row's colour)
#: and the huddle sheet (the flag's colour): SEVERE a patient waiting on the team now (red);
#: WARNING something to settle before or at the visit (amber); NOTE worth knowing, colouring
#: nothing (care gaps, no-show history: most patients have one)
SEVERE, WARNING, NOTE = 2, 1, 0
FLAG_SEVERITY: Mapping[VisitFlag, int] = {
    VisitFlag.URGENT_MESSAGE: SEVERE,
    VisitFlag.MISSING_REPORT: WARNING, VisitFlag.INSURANCE_UNVERIFIED: WARNING,
    VisitFlag.PRIOR_AUTH_PENDING: WARNING, VisitFlag.UNCONFIRMED: WARNING, VisitFlag.PENDING_REFILL: WARNING,
    VisitFlag.TELEHEALTH_NOT_READY: WARNING, VisitFlag.REFILL_NEEDS_VISIT: WARNING,
    VisitFlag.LABS_NOT_BACK: WARNING, VisitFlag.FORMS_INCOMPLETE: WARNING,
    VisitFlag.CARE_GAP: NOTE, VisitFlag.NO_SHOW_HISTORY: NOTE,
}

#: the "needs attention" block's lines, most pressing first: (flag, singular, plural)
_ATTENTION = (
    (VisitFlag.URGENT_MESSAGE, "patient with an urgent message open",
     "patients with an urgent message open"),
    (VisitFlag.MISSING_REPORT, "consult report missing", "consult reports missing"),
    (VisitFlag.LABS_NOT_BACK, "patient with labs not back", "patients with labs not back"),
    (VisitFlag.PRIOR_AUTH_PENDING, "prior authorisation pending", "prior authorisations pending"),
    (VisitFlag.INSURANCE_UNVERIFIED, "visit with insurance not verified",
     "visits with insurance not verified"),
    (VisitFlag.UNCONFIRMED, "visit unconfirmed", "visits unconfirmed"),
    (VisitFlag.FORMS_INCOMPLETE, f"visit with {INCOMPLETE}", f"visits with {INCOMPLETE}"),
    (VisitFlag.PENDING_REFILL, "refill waiting for a decision", "refills waiting for a decision"),
    (VisitFlag.REFILL_NEEDS_VISIT, "visit booked for a refill", "visits booked for refills"),
    (VisitFlag.TELEHEALTH_NOT_READY, "telehealth visit not ready", "telehealth visits not ready"),
    (VisitFlag.CARE_GAP, "patient with a care gap due", "patients with a care gap due"),
    (VisitFlag.NO_SHOW_HISTORY, "patient with no-show history", "patients with no-show history"),
)


#: flags about the visit itself (counted per visit); the others are the patient's (counted once)
_PER_VISIT = frozenset({VisitFlag.INSURANCE_UNVERIFIED, VisitFlag.UNCONFIRMED,
                        VisitFlag.TELEHEALTH_NOT_READY, VisitFlag.REFILL_NEEDS_VISIT,
                        VisitFlag.FORMS_INCOMPLETE})


class ItemKind(StrEnum):
    """What a "due today" row is, and so which record it opens."""

    CONFIRMATION = "appointment"
    ELIGIBILITY = "eligibility"
    MESSAGE = "message"
    REFILL = "refill"
    REFERRAL = "referral"
    PRIOR_AUTH = "prior_auth"
    #: the voicemail box not checked for longer than the practice's cadence (record id 0)
    VOICEMAIL_BOX = "voicemail_box"
    VOICEMAIL = "voicemail"
    #: a call logged "callback needed" whose callback is not done
    CALLBACK = "callback"
    #: a post-visit follow-up call due (record: the visit)
    FOLLOW_UP = "follow_up"
    #: a task between staff due today or overdue (record: the task; the Worklists tab opens it)
    TASK = "task"
    #: a result the provider marked urgent, not acted on within an hour
    RESULT = "result"
    #: a records request past its business-day clock
    RECORDS_REQUEST = "records_request"

    @property
    def label(self) -> str:
        return {"appointment": "Confirmation", "eligibility": "Eligibility", "message": "Message",
                "refill": "Refill", "referral": "Referral", "prior_auth": "Prior auth",
                "voicemail_box": "Voicemail box", "voicemail": "Voicemail",
                "callback": "Callback", "follow_up": "Follow-up call", "task": "Task",
                "result": "Result", "records_request": "Records request"}[self.value]


URGENT, SOON, ROUTINE = 2, 1, 0  # how a due row stands out: overdue/past due, near, on time
#: the detail of a confirmation or eligibility row of a visit booked less than 24 hours ahead
LATE = "booked late: due now"


@dataclass(frozen=True)
class VisitLine:
    appointment: Appointment
    patient_name: str
    age: int | None
    type_name: str
    new_patient: bool
    telehealth: bool
    #: (flag, detail) e.g. (CARE_GAP, "A1c due 03/01/2026"), in the order of VisitFlag
    flags: tuple[tuple[VisitFlag, str], ...]

    def has(self, flag: VisitFlag) -> bool:
        return any(f is flag for f, _ in self.flags)

    @property
    def severity(self) -> int:
        """Its most severe flag's severity (`NOTE` without flags)."""
        return max((f.severity for f, _detail in self.flags), default=NOTE)


@dataclass(frozen=True)
class ProviderDay:
    provider: StaffMember
    visits: tuple[VisitLine, ...]

    def attention(self) -> tuple[str, ...]:
        """"3 visits unconfirmed"-style lines for the top of the provider's huddle page."""
        visits = Counter(flag for visit in self.visits for flag, _ in visit.flags)
        patients = {flag: len({v.appointment.patient_id for v in self.visits if v.has(flag)})
                    for flag in visits}
        lines = []
        for flag, one, many in _ATTENTION:
            count = visits[flag] if flag in _PER_VISIT else patients.get(flag, 0)
            if count:
                lines.append(f"{count} {one if count == 1 else many}")
        return tuple(lines)


@dataclass(frozen=True)
class DueItem:
    kind: ItemKind
    record_id: int
    title: str
    detail: str
    severity: int  # URGENT, SOON or ROUTINE
    patient_id: int | None = None
    patient_name: str = ""
    due_at: datetime | None = None


@dataclass(frozen=True)
class DayAgenda:
    day: date
    practice_name: str
    time_zone: str
    generated_at: datetime
    providers: tuple[ProviderDay, ...]
    due: tuple[DueItem, ...]

    @property
    def visit_count(self) -> int:
        return sum(len(p.visits) for p in self.providers)

    def provider(self, provider_id: int) -> ProviderDay | None:
        return next((p for p in self.providers if p.provider.id == provider_id), None)


@dataclass(frozen=True)
class AgendaInputs:
    """Everything `build_agenda` reads, gathered by the service in a handful of queries."""

    day: date
    now: datetime
    practice_name: str
    time_zone: str
    providers: Sequence[StaffMember]
    types: Mapping[str, AppointmentType]
    appointments: Sequence[Appointment]  # the day's, not cancelled
    patients: Mapping[int, Patient]  # the day's patients and those named by the due rows
    names: Mapping[int, str]  # display names of every patient mentioned
    no_shows: Mapping[int, int]
    confirmations: Sequence[Appointment]  # confirmation calls due now
    eligibility: Sequence[Appointment]  # eligibility checks due now
    open_messages: Sequence[tuple[Message, datetime, bool]]  # (message, callback due, overdue)
    refills: Sequence[tuple[RefillRequest, DueState | None]]
    referrals: Sequence[tuple[Referral, tuple[Flag, ...], int]]  # (referral, flags, days in state)
    prior_auths: Sequence[tuple[PriorAuth, tuple[Flag, ...]]]
    #: the refill requests each visit was booked for ("needs visit" decisions), by appointment id
    visit_refills: Mapping[int, Sequence[RefillRequest]] = field(default_factory=dict)
    #: voicemails not returned, each with when the practice's standard wants it returned
    voicemails: Sequence[tuple[Voicemail, datetime]] = ()
    #: calls logged "callback needed" not done, each with its callback due by the standard
    callbacks: Sequence[tuple[Call, datetime]] = ()
    #: when the voicemail box was last checked, and whether a check is due now (None: not shown)
    box_check: tuple[datetime | None, bool] | None = None
    #: post-visit follow-up calls due now and not quiet: (the visit, when the call fell due)
    follow_ups: Sequence[tuple[Appointment, datetime]] = ()
    #: the items not back of each visit whose intake packet is incomplete, by appointment id
    forms_incomplete: Mapping[int, Sequence[str]] = field(default_factory=dict)
    #: the tests still awaited past their expected day for each visit's patient, by appointment id
    labs_not_back: Mapping[int, Sequence[str]] = field(default_factory=dict)
    #: open tasks due by the end of the day (overdue ones too), each with who is to do it
    tasks: Sequence[tuple[Task, str]] = ()
    #: open results marked urgent by the provider and not acted on within an hour
    urgent_results: Sequence[ExpectedResult] = ()
    #: open records requests past their due day, each with that day
    late_requests: Sequence[tuple[RecordsRequest, date]] = ()


def build_agenda(data: AgendaInputs) -> DayAgenda:
    per_patient = _patient_facts(data)
    by_provider: dict[int, list[VisitLine]] = {}
    for appointment in sorted(data.appointments, key=lambda a: (a.start, a.id or 0)):
        by_provider.setdefault(appointment.provider_id, []).append(
            _visit_line(appointment, data, per_patient.get(appointment.patient_id, {})))
    providers = tuple(ProviderDay(p, tuple(by_provider.get(p.id or 0, ())))
                      for p in data.providers if p.id in by_provider)
    return DayAgenda(day=data.day, practice_name=data.practice_name, time_zone=data.time_zone,
                     generated_at=data.now, providers=providers, due=tuple(_due_items(data)))


def _patient_facts(data: AgendaInputs) -> dict[int, dict[VisitFlag, str]]:
    """What the open records say about each patient: report missing, prior auth pending, urgent
    message, refill pending (with a short detail each)."""
    facts: dict[int, dict[VisitFlag, str]] = {}

    def note(patient_id: int, flag: VisitFlag, detail: str) -> None:
        facts.setdefault(patient_id, {}).setdefault(flag, detail)

    for referral, _flags, _days in data.referrals:
        waiting = referral.state is ReferralState.SEEN or (
            referral.state is ReferralState.SCHEDULED and referral.appointment_at is not None
            and referral.appointment_at < data.now)
        if waiting:
            note(referral.patient_id, VisitFlag.MISSING_REPORT, f"{referral.specialty} consult note")
    for auth, _flags in data.prior_auths:
        if auth.status.awaiting_payer:
            note(auth.patient_id, VisitFlag.PRIOR_AUTH_PENDING, f"{auth.service} ({auth.payer})")
    for message, _due, _overdue in data.open_messages:
        if message.patient_id is not None and message.urgency is not Urgency.ROUTINE \
                and message.awaiting_callback:
            note(message.patient_id, VisitFlag.URGENT_MESSAGE, message.urgency.value)
    for request, _state in data.refills:
        if request.decision is None:
            strength = f" {request.strength}" if request.strength else ""
            note(request.patient_id, VisitFlag.PENDING_REFILL, f"{request.medication}{strength}")
    return facts


def _visit_line(a: Appointment, data: AgendaInputs, facts: Mapping[VisitFlag, str]) -> VisitLine:
    patient = data.patients.get(a.patient_id)
    kind = data.types.get(a.type_code)
    flags: dict[VisitFlag, str] = dict(facts)
    refills = data.visit_refills.get(a.id or 0, ())
    tests = data.labs_not_back.get(a.id or 0, ())
    if tests:
        flags[VisitFlag.LABS_NOT_BACK] = ", ".join(tests)
    missing = data.forms_incomplete.get(a.id or 0, ())
    if missing:
        flags[VisitFlag.FORMS_INCOMPLETE] = ", ".join(missing)
    if refills:
        flags[VisitFlag.REFILL_NEEDS_VISIT] = ", ".join(r.drug for r in refills)
    if a.eligibility.status is not EligibilityStatus.VERIFIED:
        problem = a.eligibility.status is EligibilityStatus.PROBLEM
        flags[VisitFlag.INSURANCE_UNVERIFIED] = "problem" if problem else "not checked"
    if a.arrival is None and a.confirmation is not VisitStatus.CONFIRMED:
        flags[VisitFlag.UNCONFIRMED] = a.confirmation.label.lower()
    gaps = [g for g in (patient.care_gaps if patient else ()) if g.due <= data.day and g.done is None]
    if gaps:
        flags[VisitFlag.CARE_GAP] = ", ".join(g.kind for g in gaps)
    if data.no_shows.get(a.patient_id):
        count = data.no_shows[a.patient_id]
        flags[VisitFlag.NO_SHOW_HISTORY] = f"{count} no-show{'s' if count != 1 else ''}"
    telehealth = bool(kind and kind.telehealth)
    if telehealth and (not a.telehealth_link or a.tech_check is not TechCheck.PASSED):
        flags[VisitFlag.TELEHEALTH_NOT_READY] = "no link" if not a.telehealth_link else \
            f"tech check {a.tech_check.value.replace('_', ' ')}"
    ordered = tuple((flag, flags[flag]) for flag in VisitFlag if flag in flags)
    return VisitLine(appointment=a, patient_name=data.names.get(a.patient_id, f"patient #{a.patient_id}"),
                     age=patient.age_on(data.day) if patient else None,
                     type_name=kind.name if kind else a.type_code,
                     new_patient=bool(kind and kind.new_patient), telehealth=telehealth, flags=ordered)


def _due_items(data: AgendaInputs) -> list[DueItem]:
    names, zone = data.names, ZoneInfo(data.time_zone)
    items: list[DueItem] = []
    message_order: dict[int, tuple[object, ...]] = {}  # messages keep their one listing order

    def name(pid: int | None) -> str:
        return names.get(pid, "") if pid is not None else ""

    # a late booking (less than 24 h ahead) is due now: it stands out until done
    for a in data.confirmations:
        late = booked_late(a)
        items.append(DueItem(ItemKind.CONFIRMATION, a.id or 0, "Confirm the visit", LATE if late else "",
                             SOON if late else ROUTINE, a.patient_id, name(a.patient_id), a.start))
    for a in data.eligibility:
        late = booked_late(a)
        items.append(DueItem(ItemKind.ELIGIBILITY, a.id or 0, "Verify insurance", LATE if late else "",
                             SOON if late else ROUTINE, a.patient_id, name(a.patient_id), a.start))
    for message, due, overdue in data.open_messages:
        if not message.awaiting_callback:
            continue
        urgent = message.urgency is not Urgency.ROUTINE
        if not (overdue or urgent or due.astimezone(zone).date() <= data.day):
            continue
        # an emergency is urgent before its minutes run out (the practice may give it a few)
        now_first = overdue or message.urgency is Urgency.EMERGENCY
        items.append(DueItem(ItemKind.MESSAGE, message.id or 0,
                             "Callback: " + textwrap.shorten(message.reason, 60, placeholder="…"),
                             "overdue" if overdue else f"{message.urgency.value}",
                             URGENT if now_first else SOON if urgent else ROUTINE,
                             message.patient_id, name(message.patient_id) or message.caller_name, due))
        message_order[message.id or 0] = listing_key(message, due)
    items.extend(_chase_items(data, name))
    items.extend(_loop_items(data, name))
    for request, state in data.refills:
        if state not in (DueState.NEAR_DUE, DueState.PAST_DUE):
            continue
        items.append(DueItem(ItemKind.REFILL, request.id or 0, f"Refill: {request.medication}",
                             state.label.lower(), URGENT if state is DueState.PAST_DUE else SOON,
                             request.patient_id, name(request.patient_id), request.due_at))
    for referral, flags, days in data.referrals:
        shown = [f for f in flags if f in (Flag.STUCK, Flag.AUTH_EXPIRING, Flag.AUTH_EXPIRED,
                                           Flag.PATIENT_NOT_TOLD)]
        if referral.state is ReferralState.SEEN and Flag.STUCK not in shown:
            detail = f"report awaited, {days} day{'s' if days != 1 else ''}"
        elif shown:
            detail = ", ".join(f.label.lower() for f in shown)
        else:
            continue
        items.append(DueItem(ItemKind.REFERRAL, referral.id or 0, f"Referral: {referral.specialty}", detail,
                             URGENT if Flag.STUCK in shown or Flag.AUTH_EXPIRED in shown else SOON,
                             referral.patient_id, name(referral.patient_id), None))
    for auth, flags in data.prior_auths:
        if not flags:
            continue
        items.append(DueItem(ItemKind.PRIOR_AUTH, auth.id or 0, f"Prior auth: {auth.service}",
                             ", ".join(f.label.lower() for f in flags),
                             URGENT if {Flag.FOLLOW_UP_OVERDUE, Flag.AUTH_EXPIRED, Flag.UNITS_USED_UP}
                             & set(flags) else SOON,
                             auth.patient_id, name(auth.patient_id), None))
    return sorted(items, key=lambda i: (-i.severity, list(ItemKind).index(i.kind),
                                        message_order.get(i.record_id, ()) if i.kind is ItemKind.MESSAGE
                                        else (), i.due_at or data.now, i.record_id))


def _chase_items(data: AgendaInputs, name: Callable[[int | None], str]) -> list[DueItem]:
    """The box check when due, voicemails and "callback needed" calls due today or overdue."""
    zone = ZoneInfo(data.time_zone)
    items: list[DueItem] = []
    if data.box_check is not None and data.box_check[1]:
        last = data.box_check[0]
        detail = f"last checked {last.astimezone(zone):%a %H:%M}" if last is not None else ""
        items.append(DueItem(ItemKind.VOICEMAIL_BOX, 0, "Check the voicemail box", detail, SOON))
    for vm, due in data.voicemails:
        overdue = due < data.now
        urgent = vm.urgency != Urgency.ROUTINE.value
        if not (overdue or urgent or due.astimezone(zone).date() <= data.day):
            continue
        items.append(DueItem(ItemKind.VOICEMAIL, vm.id or 0, "Return the voicemail",
                             "overdue" if overdue else vm.urgency, URGENT if overdue else SOON if urgent
                             else ROUTINE, vm.patient_id, name(vm.patient_id) or vm.caller_name, due))
    for call, due in data.callbacks:
        overdue = due < data.now
        if not (overdue or due.astimezone(zone).date() <= data.day):
            continue
        items.append(DueItem(ItemKind.CALLBACK, call.id or 0, f"Call back: {call.reason.label.lower()}",
                             "overdue" if overdue else "", URGENT if overdue else ROUTINE,
                             call.patient_id, name(call.patient_id) or call.caller_name, due))
    for visit, due in data.follow_ups:
        kind = data.types.get(visit.type_code)
        items.append(DueItem(ItemKind.FOLLOW_UP, visit.id or 0, "Follow-up call after the visit",
                             f"{kind.name if kind else visit.type_code} {visit.start.astimezone(zone):%m/%d}",
                             ROUTINE, visit.patient_id, name(visit.patient_id), due))
    return items


def _loop_items(data: AgendaInputs, name: Callable[[int | None], str]) -> list[DueItem]:
    """Tasks due today or overdue, urgent results not acted on within an hour, records requests
    running late."""
    items: list[DueItem] = []
    for task, assignee in data.tasks:
        overdue = task.overdue(data.now)
        detail = f"overdue · for {assignee}" if overdue else f"for {assignee}"
        items.append(DueItem(ItemKind.TASK, task.id or 0,
                             "Task: " + textwrap.shorten(task.title, 60, placeholder="…"), detail,
                             URGENT if overdue else ROUTINE, task.patient_id, name(task.patient_id),
                             task.due_at))
    for result in data.urgent_results:
        due = result.urgent_at + URGENT_WITHIN if result.urgent_at is not None else None
        items.append(DueItem(ItemKind.RESULT, result.id or 0, f"Result: {result.test}",
                             URGENT_UNACTED.removeprefix("Urgent: "), URGENT, result.patient_id,
                             name(result.patient_id), due))
    for request, due_day in data.late_requests:
        way = "to" if request.direction is Direction.OUTGOING else "from"
        items.append(DueItem(ItemKind.RECORDS_REQUEST, request.id or 0,
                             f"Records request {way} " + textwrap.shorten(request.party, 50, placeholder="…"),
                             f"late · was due {date_text(due_day)}", URGENT, request.patient_id,
                             name(request.patient_id)))
    return items
