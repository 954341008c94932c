"""How a refill request's due state, labs and history are written, in the practice's zone
(Qt-free, for the Refills tab and any report).

Due and received times name their day (`core.wording.near_day_clock`: "Today 5:00 PM", "Tue 03/03
5:00 PM"): a refill's clock spans business days, so a bare time of day would be ambiguous.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.refills import LabCheck, RefillRequest, RefillStep
from vma_desk.core.rules.refills import DueState
from vma_desk.core.wording import date_text, near_day_clock, waited


def due_state(state: DueState | None, due: datetime | None, now: datetime) -> str:
    """'Past due 1 h 20 min', 'Near due: 1 h 30 min left', 'On time', or '—' once the clock stopped."""
    if state is None or due is None:
        return "—"
    if state is DueState.PAST_DUE:
        late = now - due
        return f"Past due {waited(late)}" if late >= timedelta(minutes=1) else "Past due"
    if state is DueState.NEAR_DUE:
        return f"Near due: {waited(due - now)} left"
    return "On time"


def medication(request: RefillRequest) -> str:
    return " ".join(part for part in (request.medication, request.strength) if part)


def request_for(request: RefillRequest, patient: str) -> str:
    """'Lisinopril 10 mg for Ames, Ann'."""
    return f"{medication(request)} for {patient}"


def lab_line(lab: LabCheck) -> str:
    """'A1c (every 6 months): last 01/10/2026'."""
    last = f"last {date_text(lab.last_done)}" if lab.last_done else "no result on record"
    return f"{lab.name} (every {lab.every_months} months): {last}"


def check_findings(request: RefillRequest) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The chart check's (failures, notes)."""
    check = request.check
    return ((), ()) if check is None else (check.reasons, check.notes)


def event_line(step: RefillStep, at: datetime, by: str, note: str, zone: ZoneInfo, today: date,
               recorded_by: str = "") -> str:
    """'Routed to prescriber — Today 9:41 AM: Dana Lee, MD (by tester@desk)'; 'Pickup confirmed — …
    (by Nurse Joy, recorded by Ann Lee)' when the user recorded someone else's act. The decision is
    the provider's (its note names them); the user named is who recorded it."""
    who = "recorded by" if step is RefillStep.DECIDED else "entered by" if step is RefillStep.RECEIVED \
        else "by"
    if step is RefillStep.DECIDED:
        by = recorded_by or by  # older decisions kept the recorder in `by`
    elif recorded_by and recorded_by.casefold() != by.casefold():
        by = f"{by}, recorded by {recorded_by}"
    if step is RefillStep.CHECKED:
        # the reasons stand under "Chart check"; the history keeps the verdict
        parts = note.split(": ")
        note = ": ".join(parts[:2] if parts[0] == "re-checked" else parts[:1])
    said = f": {note}" if note else ""
    return f"{step.label} — {near_day_clock(at, zone, today)}{said} ({who} {by})"
