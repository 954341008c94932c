"""The refill rules: the due clock, the chart check against the practice's protocol, and which step
may follow which.

The clock: a routine request received by noon is due the same business day, one received at noon or
later (or on a closed day) the next business day, at the practice's closing time, in the practice's
time zone. An urgent request is due the same business day when it came in before closing time. A
request "near due" has less than `NEAR` left.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Practice
from vma_desk.core.refills import ChartCheck, Decision, LabCheck, RefillProtocol, RefillRequest, RefillStep
from vma_desk.core.rules.business_days import business_day_deadline

NOON = time(12, 0)
CLOSE = time(17, 0)
NEAR = timedelta(hours=2)


class DueState(StrEnum):
    ON_TIME = "on_time"
    NEAR_DUE = "near_due"
    PAST_DUE = "past_due"

    @property
    def label(self) -> str:
        return {"on_time": "On time", "near_due": "Near due", "past_due": "Past due"}[self.value]


def refill_due(received: datetime, practice: Practice, zone: ZoneInfo, *, cutoff: time = NOON,
               close: time = CLOSE) -> datetime:
    return business_day_deadline(received, practice, zone, cutoff=cutoff, close=close)


def due_for(received: datetime, urgency: Urgency, practice: Practice, zone: ZoneInfo, *,
            close: time = CLOSE) -> datetime:
    """The due time of a request by its urgency: routine by the noon rule, urgent (and emergency)
    the same business day when received before closing."""
    cutoff = NOON if urgency is Urgency.ROUTINE else close
    return refill_due(received, practice, zone, cutoff=cutoff, close=close)


def due_state(due: datetime, now: datetime, near: timedelta = NEAR) -> DueState:
    if now > due:
        return DueState.PAST_DUE
    return DueState.NEAR_DUE if due - now <= near else DueState.ON_TIME


def request_due_state(request: RefillRequest, now: datetime, near: timedelta = NEAR) -> DueState | None:
    """None once the clock has stopped (the pharmacy has been told) or when no due time is known."""
    if request.due_at is None or not request.clock_running:
        return None
    return due_state(request.due_at, now, near)


# --- chart check ---------------------------------------------------------------------------------
def required_labs(protocol: RefillProtocol, medication: str,
                  known: tuple[LabCheck, ...] = ()) -> tuple[LabCheck, ...]:
    """The labs the protocol asks for this medication, keeping dates already entered."""
    dates = {lab.name: lab.last_done for lab in known}
    return tuple(LabCheck(name, months, dates.get(name)) for name, months in protocol.labs_for(medication))


def chart_check(protocol: RefillProtocol, *, medication: str, last_visit: date | None,
                prescriber: str, labs: tuple[LabCheck, ...], refills_remaining: int | None,
                today: date) -> ChartCheck:
    """Does the request meet the protocol? Failing reasons say what is missing, in plain words."""
    failures: list[str] = []
    notes: list[str] = []
    if last_visit is None:
        failures.append(f"no visit with {prescriber} on record")
    elif last_visit < today - relativedelta(months=protocol.visit_months):
        failures.append(f"no visit with {prescriber} in {protocol.visit_months} months "
                        f"(last {wording.date_text(last_visit)})")
    entered = {lab.name: lab for lab in labs}
    for name, months in protocol.labs_for(medication):
        lab = entered.get(name)
        if lab is None or lab.last_done is None:
            failures.append(f"{name} required every {months} months: no result on record")
        elif lab.last_done < today - relativedelta(months=months):
            last = wording.date_text(lab.last_done)
            failures.append(f"{name} due (last {last}, required every {months} months)")
    if refills_remaining:
        notes.append(f"{refills_remaining} refill(s) remain at the pharmacy")
    return ChartCheck(passed=not failures, reasons=tuple(failures), notes=tuple(notes))


# --- life cycle ----------------------------------------------------------------------------------
def next_steps(request: RefillRequest) -> tuple[RefillStep, ...]:
    """The steps a user may take next from where the request stands."""
    step = request.step
    if step in (RefillStep.RECEIVED, RefillStep.CHECKED):
        return (RefillStep.ROUTED, RefillStep.CLOSED)  # closing early is a withdrawal (needs a reason)
    if step is RefillStep.ROUTED:
        return (RefillStep.DECIDED, RefillStep.CLOSED)
    if step is RefillStep.DECIDED:
        # an approval must reach the pharmacy first; a denial may go to the patient alone
        return (RefillStep.PHARMACY_NOTIFIED,) if request.decision is Decision.APPROVED \
            else (RefillStep.PHARMACY_NOTIFIED, RefillStep.PATIENT_NOTIFIED)
    if step is RefillStep.PHARMACY_NOTIFIED:
        return (RefillStep.PATIENT_NOTIFIED,)
    if step is RefillStep.PATIENT_NOTIFIED:
        return (RefillStep.PICKED_UP, RefillStep.CLOSED) if request.decision is Decision.APPROVED \
            else (RefillStep.CLOSED,)
    if step is RefillStep.PICKED_UP:
        return (RefillStep.CLOSED,)
    return ()


def check_step(request: RefillRequest, step: RefillStep, *, note: str = "") -> None:
    """Refuse a step that does not follow from where the request stands, with the reason."""
    if step is RefillStep.DECIDED:
        raise ValidationError("step", "record the provider's decision with record_decision")
    allowed = next_steps(request)
    if step not in allowed:
        if not request.is_open:
            raise ValidationError("step", "the request is closed")
        wanted = ", ".join(s.label.lower() for s in allowed) or "nothing"
        raise ValidationError(
            "step", f"a request that is {request.step.label.lower()} can go on to: {wanted}")
    early = request.step in (RefillStep.RECEIVED, RefillStep.CHECKED, RefillStep.ROUTED)
    if step is RefillStep.CLOSED and early and not note.strip():
        raise ValidationError("note", "say why the request is closed before a decision (e.g. duplicate)")


# --- the visit a "needs visit" decision asks for ---------------------------------------------------
def visit_reason(request: RefillRequest) -> str:
    """The booked visit's reason: 'Refill: Metformin 500 mg needs visit'."""
    return f"Refill: {request.drug} needs visit"


def check_visit_booking(request: RefillRequest, patient_id: int) -> None:
    """Refuse a visit for a request that does not need one, already has one, or for another patient."""
    if request.decision is not Decision.NEEDS_VISIT:
        raise ValidationError("decision", "a visit is booked from a refill once the provider decided it "
                                          "needs a visit")
    if request.visit_booked:
        raise ValidationError("visit_id", "a visit is already booked for this request")
    if patient_id != request.patient_id:
        raise ValidationError("patient_id", "the visit must be for the request's patient")
