"""Test results expected for a patient, and the rules of their life cycle.

A result is expected once a provider ordered a test (a CBC, a lipid panel, an imaging report): the
VMA records the test, who ordered it, the date it should be back by and the visit it is for. It then
goes awaited -> received -> with the provider -> the provider's disposition recorded -> patient
notified -> closed, one time-stamped event per step (who, when, who recorded it). The disposition is
the provider's, recorded with their name; the VMA records it and never interprets the result, so the
words here stay front-office ("labs not back", "needs visit"), never medical.

Two flags draw attention: "labs not back" (still awaited after the date it was expected by, on the
Today tab and on the huddle sheet for the patient's visit) and an urgent result (marked so by the
provider) that nobody acted on within an hour. Undo and reopening add events, as for refills
(`core/history.py`); nothing recorded is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from vma_desk.core import history, wording
from vma_desk.core.errors import ValidationError

#: an urgent result must be acted on within this long of being marked urgent
URGENT_WITHIN = timedelta(hours=1)
#: the flag texts, said once (Today, the worklist, the huddle sheet)
NOT_BACK = "Labs not back"
URGENT_UNACTED = "Urgent: not acted on within an hour"


class ResultStep(StrEnum):
    """The life cycle, in order. Each step reached is a time-stamped event."""

    AWAITED = "awaited"
    RECEIVED = "received"
    WITH_PROVIDER = "with_provider"
    DISPOSITION = "disposition"
    PATIENT_NOTIFIED = "patient_notified"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"with_provider": "With the provider", "disposition": "Disposition recorded"}.get(
            self.value, self.value.replace("_", " ").capitalize())


class Disposition(StrEnum):
    """What the provider said to do with the result, as the VMA records it (never their own reading)."""

    NORMAL = "normal"
    NOTIFY_PATIENT = "notify_patient"
    NEEDS_VISIT = "needs_visit"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"other": "Other (see the provider's note)"}.get(
            self.value, self.value.replace("_", " ").capitalize())

    @property
    def patient_must_be_told(self) -> bool:
        """The provider asked for the patient to be told (or to come in): the result does not close
        before "patient notified"."""
        return self in (Disposition.NOTIFY_PATIENT, Disposition.NEEDS_VISIT)


@dataclass(frozen=True)
class ResultEvent:
    step: ResultStep
    at: datetime
    by: str
    note: str = ""
    #: who entered the step when someone else did the act ("" means `by` recorded it themself)
    recorded_by: str = ""
    #: "" a step; "undo" a step taken back (the step is the one returned to); "reopen"; "urgent"
    #: the provider marked it urgent (the step is where it stood)
    action: str = ""


#: an event that marks the result urgent: not a step, so `history.standing` leaves it aside
URGENT = "urgent"


@dataclass(frozen=True)
class ExpectedResult:
    patient_id: int
    test: str
    expected_by: date
    ordered_by_id: int | None
    ordered_on: date | None = None
    #: the visit the result is for (its huddle sheet shows "labs not back"), when there is one
    appointment_id: int | None = None
    step: ResultStep = ResultStep.AWAITED
    urgent: bool = False
    #: when the provider marked it urgent (UTC): the hour to act on it runs from then
    urgent_at: datetime | None = None
    urgent_by_id: int | None = None
    disposition: Disposition | None = None
    disposition_by_id: int | None = None
    disposition_note: str = ""
    #: the visit booked because the provider said "needs visit"
    visit_id: int | None = None
    events: tuple[ResultEvent, ...] = field(default=())
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.step is not ResultStep.CLOSED

    def reached(self, step: ResultStep) -> ResultEvent | None:
        """When the result reached `step`, if that step still stands (not taken back by an undo or
        a reopening)."""
        for event in standing_steps(self.events):
            if event.step is step:
                return event
        return None

    @property
    def awaiting_visit(self) -> bool:
        """The provider said "needs visit" and no visit is booked for it yet."""
        return self.is_open and self.disposition is Disposition.NEEDS_VISIT and self.visit_id is None


def standing_steps(events: Sequence[ResultEvent]) -> list[ResultEvent]:
    """The steps that still stand (undo and reopening take back the steps after their state; an
    urgent mark is not a step)."""
    order = list(ResultStep)
    steps = [e for e in events if e.action != URGENT]
    return history.standing(steps, lambda e: order.index(e.step))


# --- the life cycle -------------------------------------------------------------------------------

def next_steps(result: ExpectedResult) -> tuple[ResultStep, ...]:
    """The steps a user may take next from where the result stands (closing early is a withdrawal:
    the test was cancelled, the result came in elsewhere, and needs a reason)."""
    step = result.step
    if step is ResultStep.AWAITED:
        return (ResultStep.RECEIVED, ResultStep.CLOSED)
    if step is ResultStep.RECEIVED:
        return (ResultStep.WITH_PROVIDER, ResultStep.CLOSED)
    if step is ResultStep.WITH_PROVIDER:
        return (ResultStep.DISPOSITION, ResultStep.CLOSED)
    if step is ResultStep.DISPOSITION:
        if result.disposition is not None and result.disposition.patient_must_be_told:
            return (ResultStep.PATIENT_NOTIFIED,)
        return (ResultStep.PATIENT_NOTIFIED, ResultStep.CLOSED)
    if step is ResultStep.PATIENT_NOTIFIED:
        return (ResultStep.CLOSED,)
    return ()


def check_step(result: ExpectedResult, step: ResultStep, *, note: str = "") -> None:
    """Refuse a step that does not follow from where the result stands, with the reason. Steps go
    forward one at a time; only an undo or a reopening goes back."""
    if step is ResultStep.DISPOSITION:
        raise ValidationError("step", "record the provider's disposition with the provider's name")
    allowed = next_steps(result)
    if step not in allowed:
        if not result.is_open:
            raise ValidationError("step", "the result is closed: reopen it first")
        if step is ResultStep.CLOSED and result.step is ResultStep.DISPOSITION:
            raise ValidationError("step", "the provider asked for the patient to be told: record that the "
                                          "patient was notified first")
        if step is ResultStep.PATIENT_NOTIFIED and result.step in (
                ResultStep.AWAITED, ResultStep.RECEIVED, ResultStep.WITH_PROVIDER):
            raise ValidationError("step", "the patient is notified once the provider's disposition is "
                                          "recorded")
        wanted = ", ".join(s.label.lower() for s in allowed) or "nothing"
        raise ValidationError("step", f"a result that is {result.step.label.lower()} can go on to: {wanted}")
    if step is ResultStep.CLOSED and not note.strip():
        if result.step in (ResultStep.AWAITED, ResultStep.RECEIVED, ResultStep.WITH_PROVIDER):
            raise ValidationError("note", "say why the result is closed before the provider's disposition "
                                          "(e.g. test cancelled)")
        if result.awaiting_visit:
            raise ValidationError("note", "the provider asked for a visit and none is booked: book it, or "
                                          "say why the result is closed without one")


def check_disposition(result: ExpectedResult, disposition: Disposition, *, provider_id: int | None,
                      note: str) -> None:
    """Refuse a disposition recorded at the wrong step, without the provider who gave it, or an
    "other" without the provider's instruction."""
    if provider_id is None:
        raise ValidationError("provider_id", "is required: name the provider who gave the disposition")
    if result.step is not ResultStep.WITH_PROVIDER:
        raise ValidationError("step", "the result is closed: reopen it first" if not result.is_open
                              else "the disposition has already been recorded" if result.disposition
                              else "send the result to the provider before recording a disposition")
    if disposition is Disposition.OTHER and not note.strip():
        raise ValidationError("disposition_note", "is required for \"other\": write the provider's "
                                                  "instruction as given")


def check_visit_booking(result: ExpectedResult, patient_id: int) -> None:
    """Refuse a visit for a result whose provider did not ask for one, that has one, or for another
    patient."""
    if result.disposition is not Disposition.NEEDS_VISIT:
        raise ValidationError("disposition", "a visit is booked from a result once the provider said it "
                                             "needs a visit")
    if result.visit_id is not None:
        raise ValidationError("visit_id", "a visit is already booked for this result")
    if not result.is_open:
        raise ValidationError("step", "the result is closed: reopen it first")
    if patient_id != result.patient_id:
        raise ValidationError("patient_id", "the visit must be for the result's patient")


def visit_reason(result: ExpectedResult) -> str:
    """The booked visit's reason: 'Result: Lipid panel (provider asked for a visit)'."""
    return f"Result: {result.test} (provider asked for a visit)"


# --- flags ----------------------------------------------------------------------------------------

def not_back(result: ExpectedResult, today: date) -> bool:
    """"Labs not back": still awaited after the day it was expected by."""
    return result.step is ResultStep.AWAITED and result.expected_by < today


def acted_on_since(result: ExpectedResult, since: datetime,
                   attempts_at: Sequence[datetime] = ()) -> bool:
    """Someone acted on the result after `since`: a step taken (an undo is not acting), a visit
    booked for it, or a contact attempt to tell the patient."""
    if result.visit_id is not None or any(at > since for at in attempts_at):
        return True
    return any(e.at > since and not e.action for e in result.events)


def urgent_unacted(result: ExpectedResult, now: datetime, attempts_at: Sequence[datetime] = ()) -> bool:
    """Marked urgent by the provider an hour ago or more, still open, and nothing done since
    (`attempts_at`: when the patient was called or written to about it)."""
    if not (result.urgent and result.is_open and result.urgent_at is not None):
        return False
    return now - result.urgent_at >= URGENT_WITHIN and not acted_on_since(result, result.urgent_at,
                                                                          attempts_at)


def flag_texts(result: ExpectedResult, *, today: date, now: datetime,
               attempts_at: Sequence[datetime] = ()) -> tuple[str, ...]:
    """The flags a row shows, most pressing first: 'Urgent: not acted on within an hour', 'Labs not
    back (expected by 02/27/2026)'."""
    found: list[str] = []
    if urgent_unacted(result, now, attempts_at):
        found.append(URGENT_UNACTED)
    if not_back(result, today):
        found.append(f"{NOT_BACK} (expected by {wording.date_text(result.expected_by)})")
    return tuple(found)
