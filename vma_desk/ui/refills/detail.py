"""What the Refills tab's detail pane says about one request: every field, the due time, the chart
check with each reason and the labs' dates, the provider's decision (who and when) and the attempts
to tell the patient, and each step with its time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core import history, wording
from vma_desk.core import refill_text as text
from vma_desk.core.communications import Urgency
from vma_desk.core.refills import Decision, RefillRequest, RefillStep
from vma_desk.core.rules.refills import DueState
from vma_desk.ui.refills.model import RefillTableRow


def title(row: RefillTableRow) -> str:
    request = row.request
    return f"{row.patient} · {text.medication(request)} · {request.stage}"


def due(row: RefillTableRow, state: DueState | None, now: datetime, zone: ZoneInfo) -> str:
    """'Due Today 5:00 PM — NEAR DUE: 1 h 30 min left', or why the clock no longer runs."""
    request = row.request
    today = now.astimezone(zone).date()
    if request.due_at is None:
        return "No due time."
    when = f"Due {wording.near_day_clock(request.due_at, zone, today)}"
    if state is None:
        if not request.is_open:
            return f"{when} — closed."
        told = "the pharmacy" if request.reached(RefillStep.PHARMACY_NOTIFIED) else "the patient"
        return f"{when} — the clock stopped when {told} was told."
    said = text.due_state(state, request.due_at, now)
    return f"{when} — {said.lower()}" if state is DueState.ON_TIME else f"\u26a0 {when} — {said}"


def body(row: RefillTableRow, zone: ZoneInfo, today: date) -> str:
    r = row.request
    lines = [f"Patient: {row.patient}",
             f"Medication: {text.medication(r)}" + (f", quantity {r.quantity}" if r.quantity else ""),
             f"Pharmacy: {r.pharmacy}",
             f"Received {wording.near_day_clock(r.received_at, zone, today)} from {r.source.label.lower()}, "
             f"requested by {r.requested_by}",
             f"Urgency: {r.urgency.value.capitalize()}"
             + (" (red flag in the notes)" if r.urgency is Urgency.EMERGENCY and r.escalation_action else ""),
             f"Prescriber: {row.prescriber}",
             "Refills left: " + ("not known" if r.refills_remaining is None else str(r.refills_remaining))]
    if r.notes:
        lines.append(f"Notes: {r.notes}")
    if r.escalation_action:
        lines.append(f"Red flag — what was done: {r.escalation_action}")
    if r.call_id is not None:
        lines.append("Started from a logged call (linked).")
    return "\n".join(lines)


def check(request: RefillRequest) -> str:
    """'Passed', or 'Needs appointment:' and each reason; then the labs with their last dates."""
    failures, notes = text.check_findings(request)
    if request.check is None:
        lines = ["Not checked yet."]
    elif request.check.passed:
        lines = ["Passed: the request meets the practice's protocol."]
    else:
        lines = ["Needs appointment:" if request.decision is None else "Did not meet the protocol:",
                 *(f"• {reason}" for reason in failures)]
    lines += [f"Note: {note}" for note in notes]
    lines += ["Labs:", *(f"• {text.lab_line(lab)}" for lab in request.labs)] if request.labs \
        else ["No labs required for this medication."]
    return "\n".join(lines)


def decision(request: RefillRequest, provider: str, zone: ZoneInfo, today: date,
             staff_name: Callable[[int | None], str] | None = None) -> str:
    if request.decision is None or request.decided_at is None:
        return ("Not decided yet. The prescriber decides; once they have, record what they decided "
                "and who decided.")
    when = wording.near_day_clock(request.decided_at, zone, today)
    lines = [f"{request.decision.label} by {provider}, {when}"]
    if request.decision_note:
        lines.append(f"Note: {request.decision_note}")
    if request.decision is Decision.NEEDS_VISIT:
        lines.append(visit(request, zone, today, staff_name or (lambda _id: "")))
    return "\n".join(lines)


def notice(row: RefillTableRow, zone: ZoneInfo, today: date) -> str:
    """The attempts to tell the patient the decision: 'Telling the patient: 1 attempt · last: no
    answer 09:30 · next Today 11:30 AM', that none is logged yet while the patient is still to be
    told, or "" (no decision yet, or told with no attempt logged)."""
    request, state = row.request, row.notice
    if request.decision is None:
        return ""
    to_tell = notice_open(request)
    if not state.count:
        return "Telling the patient: no attempt yet (Ctrl+Shift+L logs one)" if to_tell else ""
    line = f"Telling the patient: {state.text(zone)}"
    if to_tell and state.next_at is not None:
        line += f" · next {wording.near_day_clock(state.next_at, zone, today)}"
    return line


def notice_open(request: RefillRequest) -> bool:
    """The patient is still to be told the decision (the request open, not marked patient notified)."""
    return request.is_open and request.reached(RefillStep.PATIENT_NOTIFIED) is None


def visit(request: RefillRequest, zone: ZoneInfo, today: date,
          staff_name: Callable[[int | None], str]) -> str:
    """The visit a "needs visit" decision asks for: booked (when, with whom), fallen through, or not
    booked yet."""
    booked = request.visit
    if booked is None:
        return "Needs visit — not booked. Book visit… (Alt+B) books it, linked to this request."
    when = f"{wording.near_day_clock(booked.start, zone, today)} with {staff_name(booked.provider_id)}"
    if booked.cancelled:
        return f"Needs visit — not booked: the visit {when} was cancelled or missed. Book visit… (Alt+B)."
    return f"Visit booked: {when}. Open booked visit (Alt+B) shows it in the calendar."


def timeline(request: RefillRequest, zone: ZoneInfo, today: date) -> str:
    return "\n".join(history.line_prefix(e.action)
                     + text.event_line(e.step, e.at, e.by, e.note, zone, today, e.recorded_by)
                     for e in request.events) or "No steps recorded."
