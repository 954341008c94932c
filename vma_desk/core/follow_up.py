"""Post-visit follow-up calls: a fixed, non-clinical script, its answers, and when the call is due.

An appointment type may ask for a follow-up call a number of business days after an arrived visit
(`AppointmentType.follow_up_days`, off by default), and any visit may be marked "call after"
(`Appointment.call_after`; `DEFAULT_DAYS` business days when its type sets none). The call is due
at the practice's opening time (8:00 local) of the Nth business day after the visit's local day:
weekends and the practice's holidays are skipped.

The VMA reads the script and records what the patient says; a question is never answered on the
call: it goes to the clinical staff as a message. Wording stays scheduling: the script asks whether
things were done, never about health.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, AppointmentType, VisitStatus
from vma_desk.core.chase import ChaseState
from vma_desk.core.records import Practice
from vma_desk.core.rules.business_days import next_business_day
from vma_desk.core.rules.scheduling import local_to_utc

#: business days after the visit when a visit is marked "call after" and its type sets none
DEFAULT_DAYS = 2
#: the range a practice may set for a type (`AppointmentType.follow_up_days`)
MIN_DAYS, MAX_DAYS = 1, 30
#: the call is due from the practice's opening time (local)
OPENS = time(8, 0)
#: the longest a question may be (it becomes a message's question text)
QUESTION_LIMIT = 2000


@dataclass(frozen=True)
class ScriptLine:
    """One question of the script: the answer's field name and what the VMA reads out."""

    field: str
    text: str


#: the follow-up call's script, read in this order; each answer is yes, no or not asked
SCRIPT = (
    ScriptLine("understood", "Were the instructions you were given at your visit clear?"),
    ScriptLine("follow_up_booked", "Is your next visit booked, if you were asked to book one?"),
    ScriptLine("prescription_picked_up", "Have you picked up your prescription, if you were given one?"),
    ScriptLine("has_question", "Do you have any questions for the care team? I will pass them on."),
)


@dataclass(frozen=True)
class FollowUpAnswers:
    """What the patient said to each line of `SCRIPT` (None: not asked or no answer), and their
    question in their words when they have one (it goes to the clinical staff)."""

    understood: bool | None = None
    follow_up_booked: bool | None = None
    prescription_picked_up: bool | None = None
    has_question: bool | None = None
    question: str = ""

    @property
    def given(self) -> tuple[bool | None, ...]:
        return (self.understood, self.follow_up_booked, self.prescription_picked_up, self.has_question)


@dataclass(frozen=True)
class AnswerProblem:
    """A refused set of answers: the field it concerns and the message shown beside it."""

    field: str
    message: str


def check_answers(answers: FollowUpAnswers) -> list[AnswerProblem]:
    """What is wrong with the answers before they are saved: none given, a question marked without
    its words, words without the question marked."""
    problems: list[AnswerProblem] = []
    question = answers.question.strip()
    if all(answer is None for answer in answers.given):
        problems.append(AnswerProblem("answers", "Record at least one answer (the patient was reached)."))
    if answers.has_question and not question:
        problems.append(AnswerProblem("question", "Write down the patient's question to pass it on."))
    if question and not answers.has_question:
        problems.append(AnswerProblem(
            "has_question", "Mark that the patient has a question, or clear the question text."))
    if len(question) > QUESTION_LIMIT:
        problems.append(AnswerProblem("question", f"Keep the question under {QUESTION_LIMIT} characters."))
    return problems


def follow_up_days(appointment: Appointment, appointment_type: AppointmentType | None) -> int | None:
    """The business days after the visit when its follow-up call is due; None: no call. The type's
    setting, else `DEFAULT_DAYS` for a visit marked "call after"."""
    days = appointment_type.follow_up_days if appointment_type is not None else None
    if days is not None:
        return days
    return DEFAULT_DAYS if appointment.call_after else None


def due_at(visit_start: datetime, days: int, practice: Practice, zone: ZoneInfo) -> datetime:
    """When the follow-up call of a visit starting at `visit_start` is due (UTC): 8:00 local on the
    `days`-th business day after the visit's local day."""
    day = visit_start.astimezone(zone).date()
    for _ in range(days):
        day = next_business_day(practice, day)
    return local_to_utc(datetime.combine(day, OPENS), zone)


def call_due_at(appointment: Appointment, appointment_type: AppointmentType | None, practice: Practice,
                zone: ZoneInfo) -> datetime | None:
    """When the visit's follow-up call is due; None when the visit asks for none or did not take
    place (only an arrived visit is called)."""
    days = follow_up_days(appointment, appointment_type)
    if days is None or appointment.status is not VisitStatus.ARRIVED:
        return None
    return due_at(appointment.start, days, practice, zone)


@dataclass(frozen=True)
class FollowUpCall:
    """One visit's follow-up call: due, or done with its answers. `message_id` is the message to
    the clinical staff a question became; `chase` the call attempts (kind FOLLOW_UP, the visit's id)."""

    appointment: Appointment
    due_at: datetime
    answers: FollowUpAnswers = FollowUpAnswers()
    done_at: datetime | None = None
    done_by: str = ""
    message_id: int | None = None
    chase: ChaseState = ChaseState()

    @property
    def appointment_id(self) -> int:
        return self.appointment.id or 0

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def is_due(self, now: datetime) -> bool:
        return not self.done and self.due_at <= now
