"""Call log and message records: calls and voicemails, "while you were out" messages and their
life cycle. Times are aware UTC datetimes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from vma_desk.core.records import RouteCategory


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
    GENERAL = "general"

    @property
    def label(self) -> str:
        return {"billing": "Billing / insurance", "test_results": "Test results"}.get(
            self.value, self.value.capitalize())

    @property
    def route(self) -> RouteCategory:
        """Where a call about this goes by default (the practice's routing rules)."""
        return {
            CallReason.APPOINTMENT: RouteCategory.APPOINTMENTS,
            CallReason.REFILL: RouteCategory.REFILLS,
            CallReason.BILLING: RouteCategory.BILLING,
            CallReason.RECORDS: RouteCategory.RECORDS,
            CallReason.TEST_RESULTS: RouteCategory.TEST_RESULTS,
            CallReason.GENERAL: RouteCategory.GENERAL,
        }[self]


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
