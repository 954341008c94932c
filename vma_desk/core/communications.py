"""Call log and message records: calls and voicemails, "while you were out" messages and their
life cycle. Times are aware UTC datetimes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from vma_desk.core import history
from vma_desk.core.records import Role, RouteCategory, StaffMember


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    VOICEMAIL = "voicemail"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class CallReason(StrEnum):
    APPOINTMENT = "appointment"
    REFILL = "refill"
    BILLING = "billing"
    RECORDS = "records"
    TEST_RESULTS = "test_results"
    #: a medical question for the clinical staff ("can I take ibuprofen with it?"): the VMA never answers
    CLINICAL_QUESTION = "clinical_question"
    GENERAL = "general"

    @property
    def label(self) -> str:
        return {"billing": "Billing / insurance", "test_results": "Test results",
                "clinical_question": "Clinical question"}.get(self.value, self.value.capitalize())

    @property
    def clinical(self) -> bool:
        """Only clinical staff (a nurse, else the provider) receive it, never the front desk."""
        return self in (CallReason.TEST_RESULTS, CallReason.CLINICAL_QUESTION)

    @property
    def route(self) -> RouteCategory:
        """Where a call about this goes by default (the practice's routing rules)."""
        return {
            CallReason.APPOINTMENT: RouteCategory.APPOINTMENTS,
            CallReason.REFILL: RouteCategory.REFILLS,
            CallReason.BILLING: RouteCategory.BILLING,
            CallReason.RECORDS: RouteCategory.RECORDS,
            CallReason.TEST_RESULTS: RouteCategory.TEST_RESULTS,
            CallReason.CLINICAL_QUESTION: RouteCategory.PROVIDER_STAFF,
            CallReason.GENERAL: RouteCategory.GENERAL,
        }[self]


#: the roles that may receive a clinical call (a nurse or medical assistant, a provider)
CLINICAL_ROLES = frozenset({Role.CLINICAL, Role.PROVIDER})


def route_call(reason: CallReason, staff: Iterable[StaffMember], *, provider_id: int | None = None,
               urgent_medical: bool = False) -> StaffMember | None:
    """Who receives a call about `reason` by the practice's routing rules: the active staff who
    receive its category (urgent medical when a red flag was said), the patient's provider's own
    staff first. A clinical call (urgent medical, a clinical question, test results) goes only to
    clinical staff: when none of them receives its category, the first nurse, else the patient's
    provider; never the front desk. None when nobody fits (the VMA chooses)."""
    active = [s for s in staff if s.active]
    clinical = urgent_medical or reason.clinical
    category = RouteCategory.URGENT_MEDICAL if urgent_medical else reason.route
    receivers = [s for s in active if category in s.receives and (not clinical or s.role in CLINICAL_ROLES)]
    if not receivers and clinical:
        receivers = [s for s in active if s.role is Role.CLINICAL]
    if provider_id is not None:
        own = [s for s in receivers if provider_id in s.supports]
        if own:
            return own[0]
    if receivers:
        return receivers[0]
    if clinical and provider_id is not None:
        return next((s for s in active if s.id == provider_id and s.role is Role.PROVIDER), None)
    return None


class CallOutcome(StrEnum):
    RESOLVED = "resolved"
    MESSAGE_TAKEN = "message_taken"
    TRANSFERRED = "transferred"
    SCHEDULED = "scheduled"
    CALLBACK_NEEDED = "callback_needed"
    LEFT_VOICEMAIL = "left_voicemail"
    NO_ANSWER = "no_answer"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Urgency(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return {"routine": 0, "urgent": 1, "emergency": 2}[self.value]


class MessageState(StrEnum):
    NEW = "new"
    DELIVERED = "delivered"
    ACKNOWLEDGED = "acknowledged"
    CALLBACK_DONE = "callback_done"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def next(self) -> MessageState | None:
        order = list(MessageState)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


@dataclass(frozen=True)
class Call:
    started_at: datetime
    direction: Direction
    caller_name: str
    reason: CallReason
    number: str = ""  # E.164, "" when withheld
    patient_id: int | None = None
    duration_seconds: int = 0
    outcome: CallOutcome = CallOutcome.RESOLVED
    routed_to: int | None = None  # staff id
    notes: str = ""
    taken_by: str = ""
    #: what was done about a red flag ("" when none was found)
    escalation_action: str = ""
    id: int | None = None


def attribution(by: str | None, user: str) -> tuple[str, str]:
    """(by, recorded_by) of a step the signed-in `user` enters: `by` is `user` unless it names someone
    else (a nurse who acknowledged, a provider who decided); then `user` is kept as who recorded it.
    recorded_by is "" when the person who acted recorded it themself."""
    who = " ".join((by or "").split())
    if not who or who.casefold() == " ".join(user.split()).casefold():
        return user, ""
    return who, user


def by_words(by: str, recorded_by: str = "") -> str:
    """"Nurse Joy (recorded by Ann Lee)" when someone else recorded the act, else just "Nurse Joy"."""
    if recorded_by and recorded_by.casefold() != by.casefold():
        return f"{by} (recorded by {recorded_by})"
    return by


@dataclass(frozen=True)
class MessageEvent:
    state: MessageState
    at: datetime
    by: str
    #: who entered the step when someone else did the act ("" means `by` recorded it themself)
    recorded_by: str = ""
    #: why (a reopening's reason, what an undo took back)
    note: str = ""
    #: "" a step; "undo" a step taken back (the state is the one returned to); "reopen"
    action: str = ""


@dataclass(frozen=True)
class Message:
    caller_name: str
    contact_number: str
    reason: str
    recipient_id: int
    created_at: datetime
    urgency: Urgency = Urgency.ROUTINE
    patient_id: int | None = None
    callback_at: datetime | None = None  # the best time to call back, when the caller gave one
    questions: str = ""
    call_id: int | None = None
    state: MessageState = MessageState.NEW
    escalation_action: str = ""
    events: tuple[MessageEvent, ...] = ()
    id: int | None = None

    def reached(self, state: MessageState) -> MessageEvent | None:
        """When the message reached `state`, if that step still stands (not taken back by an undo
        or a reopening)."""
        order = list(MessageState)
        return next((e for e in history.standing(self.events, lambda e: order.index(e.state))
                     if e.state is state), None)

    @property
    def is_open(self) -> bool:
        return self.state is not MessageState.CLOSED

    @property
    def awaiting_callback(self) -> bool:
        return self.state in (MessageState.NEW, MessageState.DELIVERED, MessageState.ACKNOWLEDGED)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "call" or "message"
    record_id: int
    at: datetime
    title: str
    snippet: str  # with the matched words between [ and ]
    rank: float
