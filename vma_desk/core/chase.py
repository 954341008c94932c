"""Chasing: every outbound contact attempt, one log for every kind of chase, and the rules that say
when the next attempt is due and when to stop.

A VMA chases open loops (callbacks, voicemails, confirmations, eligibility calls, waitlist offers,
refill notices, recalls, rebooking, post-visit calls) by phone, text, email, portal or letter. Each
attempt records when, how, the outcome and who; the practice's `RetryPolicy` for the kind of chase
says when to try again after each outcome and after how many attempts to stop (send a letter, or
close as unreachable). A row stays quiet until its next attempt is due: nobody is called five times
in a morning, and nobody is forgotten.

Times are aware datetimes in UTC; the practice's business days and opening hours (local wall time)
place the next attempt within them. Wording stays scheduling: "due", never advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import Practice
from vma_desk.core.rules import callbacks


class ChaseKind(StrEnum):
    """What an attempt chases; `record_id` is the id of the record of that kind."""

    VOICEMAIL = "voicemail"  # a voicemail (voicemail.id)
    CALLBACK = "callback"  # a call logged "callback needed" (call.id)
    MESSAGE = "message"  # a message's callback (message.id)
    CONFIRMATION = "confirmation"  # a visit's confirmation call (appointment.id)
    ELIGIBILITY = "eligibility"  # a visit's eligibility call to the payer (appointment.id)
    WAITLIST_OFFER = "waitlist_offer"  # a freed slot offered to a waitlist patient (freed_slot.id)
    REFILL_NOTICE = "refill_notice"  # telling the patient of a refill decision (refill.id)
    RECALL = "recall"  # a patient with care gaps due and no visit booked (patient.id)
    REBOOK = "rebook"  # a no-show or cancellation to rebook (appointment.id)
    FOLLOW_UP = "follow_up"  # a post-visit follow-up call (appointment.id)
    INTAKE = "intake"  # a visit's intake forms not back (appointment.id)
    RESULT_NOTICE = "result_notice"  # telling the patient of a result's disposition (result.id)
    RECORDS_REQUEST = "records_request"  # records asked from elsewhere, not received (records_request.id)
    TASK = "task"  # a task between staff that needs someone reached (task.id)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ChaseKind.VOICEMAIL: "Voicemail", ChaseKind.CALLBACK: "Callback", ChaseKind.MESSAGE: "Message callback",
    ChaseKind.CONFIRMATION: "Confirmation", ChaseKind.ELIGIBILITY: "Eligibility call",
    ChaseKind.WAITLIST_OFFER: "Waitlist offer", ChaseKind.REFILL_NOTICE: "Refill notice",
    ChaseKind.RECALL: "Recall", ChaseKind.REBOOK: "Rebooking", ChaseKind.FOLLOW_UP: "Follow-up call",
    ChaseKind.INTAKE: "Intake forms", ChaseKind.RESULT_NOTICE: "Result notice",
    ChaseKind.RECORDS_REQUEST: "Records request", ChaseKind.TASK: "Task",
}


class Channel(StrEnum):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    PORTAL = "portal"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Outcome(StrEnum):
    REACHED = "reached"
    LEFT_VOICEMAIL = "left_voicemail"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    DECLINED = "declined"
    CALL_LATER = "call_later"  # asked to be called again later (the time they asked for)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def ends_chase(self) -> bool:
        """Reached or declined: the chase is over, nothing more is due."""
        return self in (Outcome.REACHED, Outcome.DECLINED)

    @property
    def counts_toward_limit(self) -> bool:
        """An attempt that did not reach anyone (a "call later" did: the patient asked for it)."""
        return self in (Outcome.LEFT_VOICEMAIL, Outcome.NO_ANSWER, Outcome.WRONG_NUMBER)


@dataclass(frozen=True)
class Attempt:
    kind: ChaseKind
    record_id: int
    at: datetime  # when the contact was made (UTC)
    channel: Channel
    outcome: Outcome
    by: str = ""  # the signed-in user who made it
    note: str = ""
    #: when to try again (UTC); None: nothing more is due (reached, declined, or the limit reached)
    next_at: datetime | None = None
    patient_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class RetryPolicy:
    """How a practice retries one kind of chase (a practice setting per kind)."""

    #: hours to the next attempt after each outcome that does not end the chase
    no_answer_hours: int = 2
    left_voicemail_hours: int = 24
    wrong_number_hours: int = 24
    call_later_hours: int = 2
    #: attempts that reached nobody before the chase asks for a letter or closing as unreachable
    max_attempts: int = 3
    #: the practice's opening hours (local), within which attempts are placed
    opens: time = time(8, 0)
    closes: time = time(17, 0)

    def hours_after(self, outcome: Outcome) -> int:
        return {Outcome.NO_ANSWER: self.no_answer_hours, Outcome.LEFT_VOICEMAIL: self.left_voicemail_hours,
                Outcome.WRONG_NUMBER: self.wrong_number_hours,
                Outcome.CALL_LATER: self.call_later_hours}.get(outcome, 0)


#: the default policy of every kind, until the practice sets its own
DEFAULT_POLICY = RetryPolicy()


def within_hours(moment: datetime, practice: Practice, zone: ZoneInfo, policy: RetryPolicy) -> datetime:
    """`moment`, or the next opening after it when it falls outside the practice's business days and
    opening hours (local wall time)."""
    local = moment.astimezone(zone)
    day = local.date()
    if practice.is_business_day(day) and local.time() < policy.opens:
        return datetime.combine(day, policy.opens, tzinfo=zone).astimezone(moment.tzinfo)
    if practice.is_business_day(day) and local.time() < policy.closes:
        return moment
    day += timedelta(days=1)
    for _ in range(366):
        if practice.is_business_day(day):
            break
        day += timedelta(days=1)
    return datetime.combine(day, policy.opens, tzinfo=zone).astimezone(moment.tzinfo)


def ends_chase(attempt: Attempt) -> bool:
    """The patient was reached or declined, or a letter went out: this chase is over."""
    return attempt.outcome.ends_chase or attempt.channel is Channel.LETTER


def current_chase(attempts: Sequence[Attempt]) -> tuple[Attempt, ...]:
    """The attempts of the chase going on (oldest first): those after the last attempt that ended
    an earlier chase, the newest attempt included. A patient recalled last year, or a slot offered
    again, starts a new count instead of inheriting the old attempts."""
    for index in range(len(attempts) - 2, -1, -1):
        if ends_chase(attempts[index]):
            return tuple(attempts[index + 1:])
    return tuple(attempts)


def next_attempt(attempt: Attempt, earlier: Sequence[Attempt], practice: Practice, zone: ZoneInfo,
                 policy: RetryPolicy = DEFAULT_POLICY) -> datetime | None:
    """When the next attempt is due after `attempt` (with the record's `earlier` attempts), by the
    policy; None when the chase is over (reached, declined, a letter) or the limit of unanswered
    attempts of this chase is reached (then the row asks for a letter or closing as unreachable)."""
    if ends_chase(attempt):
        return None
    unanswered = sum(1 for a in current_chase((*earlier, attempt)) if a.outcome.counts_toward_limit)
    if unanswered >= policy.max_attempts:
        return None
    return within_hours(attempt.at + timedelta(hours=policy.hours_after(attempt.outcome)), practice, zone,
                        policy)


@dataclass(frozen=True)
class ChaseState:
    """Where the chase of one record stands, from its attempts (oldest first, every chase of the
    record: the counts are the current chase's, `current_chase`)."""

    attempts: tuple[Attempt, ...] = ()
    max_attempts: int = DEFAULT_POLICY.max_attempts

    @property
    def current(self) -> tuple[Attempt, ...]:
        return current_chase(self.attempts)

    @property
    def count(self) -> int:
        return len(self.current)

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def reached(self) -> bool:
        return self.last is not None and self.last.outcome is Outcome.REACHED

    @property
    def declined(self) -> bool:
        return self.last is not None and self.last.outcome is Outcome.DECLINED

    @property
    def letter_sent(self) -> bool:
        """The last attempt was a letter (and did not reach anyone): nothing to do until the patient
        answers, or the row is closed."""
        last = self.last
        return last is not None and last.channel is Channel.LETTER and not last.outcome.ends_chase

    @property
    def ended(self) -> bool:
        return self.last is not None and ends_chase(self.last)

    @property
    def next_at(self) -> datetime | None:
        return self.last.next_at if self.last is not None else None

    @property
    def unanswered(self) -> int:
        return sum(1 for a in self.current if a.outcome.counts_toward_limit)

    @property
    def exhausted(self) -> bool:
        """The limit of unanswered attempts is reached: send a letter or close as unreachable."""
        return self.last is not None and not self.ended and self.unanswered >= self.max_attempts

    def quiet(self, now: datetime) -> bool:
        """Nothing to do now: the next attempt is not due yet, or a letter went out."""
        return self.letter_sent or (self.next_at is not None and self.next_at > now)

    def text(self, zone: ZoneInfo) -> str:
        """ "2 attempts · last: left voicemail 10:42" ("" before the first attempt)."""
        last = self.last
        if last is None:
            return ""
        when = last.at.astimezone(zone)
        count = f"{self.count} attempt{'' if self.count == 1 else 's'}"
        text = f"{count} · last: {last.outcome.label} {when:%H:%M}"
        if self.letter_sent:
            text = f"{count} · letter sent {when:%m/%d}"
        elif self.exhausted:
            text += " · send a letter or close"
        return text


@dataclass(frozen=True)
class AttemptProblem:
    """A refused attempt: the field it concerns ("at", "outcome", "next_at") and the message shown
    beside it."""

    field: str
    message: str


def check_attempt(attempt: Attempt, now: datetime, *, record_open: bool = True) -> list[AttemptProblem]:
    """What is wrong with an attempt before it is saved: in the future, a next attempt before it,
    an outcome that contradicts the record's state (a record already closed cannot be "reached")."""
    problems: list[AttemptProblem] = []
    if attempt.at > now + timedelta(minutes=1):
        problems.append(AttemptProblem("at", "An attempt cannot be in the future: enter when it was made."))
    if attempt.next_at is not None and attempt.next_at <= attempt.at:
        problems.append(AttemptProblem("next_at", "The next attempt must come after this one."))
    if not record_open and attempt.outcome is Outcome.REACHED:
        problems.append(AttemptProblem(
            "outcome", "This record is already closed: reopen it before logging that the patient was "
            "reached."))
    if len(attempt.note) > 500:
        problems.append(AttemptProblem("note", "Keep the note under 500 characters."))
    return problems


@dataclass(frozen=True)
class Voicemail:
    """One voicemail left in the practice's box: when it was left, heard and returned, its urgency
    (`communications.Urgency` value) and who it is from."""

    left_at: datetime
    caller_name: str = ""
    number: str = ""
    patient_id: int | None = None
    urgency: str = "routine"
    summary: str = ""
    heard_at: datetime | None = None
    heard_by: str = ""
    returned_at: datetime | None = None
    returned_by: str = ""
    id: int | None = None
    attempts: tuple[Attempt, ...] = field(default=(), compare=False)

    @property
    def returned(self) -> bool:
        return self.returned_at is not None


#: the response standard's defaults (the practice's own come from its message settings)
STANDARD = callbacks.CallbackPolicy()


def standard_due(since: datetime, urgency: Urgency, practice: Practice, zone: ZoneInfo,
                 policy: callbacks.CallbackPolicy = STANDARD) -> datetime:
    """When a callback asked for at `since` is due by the practice's response standard: the
    message callback clock of `core/rules/callbacks.callback_due` for that urgency."""
    stand_in = Message(caller_name="callback", contact_number="", reason="callback", recipient_id=0,
                       urgency=urgency, created_at=since)
    return callbacks.callback_due(stand_in, practice, zone, policy)


def voicemail_due(vm: Voicemail, practice: Practice, zone: ZoneInfo,
                  policy: callbacks.CallbackPolicy = STANDARD) -> datetime:
    """When a voicemail must be returned by: the standard for its urgency, from when it was left."""
    return standard_due(vm.left_at, Urgency(vm.urgency), practice, zone, policy)


def returned_within(vm: Voicemail, practice: Practice, zone: ZoneInfo,
                    policy: callbacks.CallbackPolicy = STANDARD) -> bool | None:
    """Whether a voicemail was returned by the standard (`voicemail_due`); None while it is not."""
    if vm.returned_at is None:
        return None
    return vm.returned_at <= voicemail_due(vm, practice, zone, policy)


#: how often the voicemail box is checked by default, in business hours
BOX_CHECK_HOURS = 3


def business_hours_between(start: datetime, end: datetime, practice: Practice, zone: ZoneInfo,
                           policy: RetryPolicy = DEFAULT_POLICY) -> timedelta:
    """The opening hours of business days between `start` and `end`."""
    if end <= start:
        return timedelta(0)
    total = timedelta(0)
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        if practice.is_business_day(day):
            opens = datetime.combine(day, policy.opens, tzinfo=zone)
            closes = datetime.combine(day, policy.closes, tzinfo=zone)
            span_start, span_end = max(opens, start), min(closes, end)
            if span_end > span_start:
                total += span_end - span_start
        day += timedelta(days=1)
    return total


def box_check_due(last_check: datetime | None, now: datetime, practice: Practice, zone: ZoneInfo,
                  cadence_hours: int = BOX_CHECK_HOURS, policy: RetryPolicy = DEFAULT_POLICY) -> bool:
    """The box has not been checked for `cadence_hours` of business hours. A workspace where no
    check was ever recorded says nothing: the practice has not started keeping its box in VMA Desk
    (the first "Box checked" starts the clock)."""
    if last_check is None:
        return False
    return business_hours_between(last_check, now, practice, zone, policy) >= timedelta(hours=cadence_hours)
