"""How the Refills tab writes a request's times, due state and history, in the practice's zone.

Due and received times name their day ("Today 5:00 PM", "Tue 03/03 5:00 PM"): a refill's clock
spans business days, so a bare time of day would be ambiguous.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.refills import LabCheck, RefillRequest, RefillStep
from vma_desk.core.rules.refills import DueState
from vma_desk.ui.calendar.text import clock, short_date
from vma_desk.ui.calls.text import age

_NEAR_DAYS = {0: "Today", 1: "Tomorrow", -1: "Yesterday"}


def moment(when: datetime, zone: ZoneInfo, today: date) -> str:
    """'Today 5:00 PM', 'Tomorrow 5:00 PM', 'Tue 03/03 5:00 PM' (practice time)."""
    local = when.astimezone(zone)
    day = _NEAR_DAYS.get((local.date() - today).days) or short_date(local.date(), today)
    return f"{day} {clock(local)}"


def due_state(state: DueState | None, due: datetime | None, now: datetime) -> str:
    """'Past due 1 h 20 min', 'Near due: 1 h 30 min left', 'On time', or '—' once the clock stopped."""
    if state is None or due is None:
        return "—"
    if state is DueState.PAST_DUE:
        late = now - due
        return f"Past due {age(late)}" if late >= timedelta(minutes=1) else "Past due"
    if state is DueState.NEAR_DUE:
        return f"Near due: {age(due - now)} left"
    return "On time"


def medication(request: RefillRequest) -> str:
    return " ".join(part for part in (request.medication, request.strength) if part)


def request_for(request: RefillRequest, patient: str) -> str:
    """'Lisinopril 10 mg for Ames, Ann'."""
    return f"{medication(request)} for {patient}"


def day(value: date) -> str:
    return f"{value:%m/%d/%Y}"


def lab_line(lab: LabCheck) -> str:
    """'A1c (every 6 months): last 01/10/2026'."""
    last = f"last {day(lab.last_done)}" if lab.last_done else "no result on record"
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
    return f"{step.label} — {moment(at, zone, today)}{said} ({who} {by})"
