"""What the Referrals tab's detail panes say: every field of the selected referral or prior
authorisation, why it stands out, and its history (each state with when, who and the note).

Times are the practice's (the service writes a specialist visit into its event note in practice
time too).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from vma_desk.core import history as undo_history
from vma_desk.core import referral_text as text
from vma_desk.core import wording
from vma_desk.core.communications import by_words
from vma_desk.core.referrals import (
    PATIENT_TOLD,
    SERVICE_DONE,
    Flag,
    PriorAuthStatus,
    Referral,
    ReferralState,
    StateEvent,
    TellMethod,
)
from vma_desk.core.validation import format_phone
from vma_desk.ui.referrals.model import PriorAuthEntry, ReferralEntry


def referral_title(entry: ReferralEntry) -> str:
    referral = entry.referral
    return f"{entry.patient} · {referral.specialty} · {referral.state.label}"


def referral_flags(entry: ReferralEntry) -> str:
    """'Stuck: no movement for 5 days · Authorisation expiring 03/31/2026', or ''."""
    referral = entry.referral
    said = {
        Flag.STUCK: f"Stuck: no movement for {wording.days_count(entry.days_in_state)}",
        Flag.AUTH_MISSING: "Authorisation missing: the patient's plan needs one before the specialist visit",
        Flag.AUTH_EXPIRING: f"Authorisation expiring {wording.date_text(referral.auth_valid_until)}",
        Flag.AUTH_EXPIRED: f"Authorisation expired {wording.date_text(referral.auth_valid_until)}",
        Flag.PATIENT_NOT_TOLD: "Patient not told: the specialist visit is booked, tell them (Ctrl+Shift+T)",
    }
    return " · ".join(said.get(flag, flag.label) for flag in entry.flags)


def patient_told(referral: Referral, zone: ZoneInfo, today: date) -> str:
    """'9:50 AM through the portal, by tester@desk', or 'not yet'."""
    if referral.patient_told_at is None:
        return "not yet"
    how = TellMethod(referral.patient_told_how).words if referral.patient_told_how else ""
    said = " ".join(filter(None, (wording.when_in_year(referral.patient_told_at, zone, today), how)))
    return f"{said}, by {referral.patient_told_by}"


def referral_body(entry: ReferralEntry, zone: ZoneInfo, today: date) -> str:
    referral = entry.referral
    since = referral.state_since or referral.created_at
    contact = format_phone(referral.specialist_contact) if referral.specialist_contact else wording.NONE
    if referral.auth_number:
        authorisation = f"{referral.auth_number}, valid until {wording.date_text(referral.auth_valid_until)}"
    else:
        authorisation = ("required by the patient's plan, none yet" if referral.auth_required
                         else "not required")
    visit = (wording.when_in_year(referral.appointment_at, zone, today) if referral.appointment_at
             else "not scheduled yet")
    lines = [
        f"Patient: {entry.patient}",
        f"Referred by: {entry.provider}",
        f"Specialty: {referral.specialty}",
        f"Specialist office: {referral.specialist_office}",
        f"Contact: {contact}",
        f"Urgency: {text.urgency(referral.urgency)}",
        f"Reason: {referral.reason}",
        f"Authorisation: {authorisation}",
        f"Specialist appointment: {visit}",
        f"Patient told: {patient_told(referral, zone, today)}",
        f"{referral.state.label} since {wording.when_in_year(since, zone, today)} "
        f"({wording.days_count(entry.days_in_state)})",
        f"Created {wording.when_in_year(referral.created_at, zone, today)}",
    ]
    if referral.notes:
        lines.append(f"Notes: {referral.notes}")
    if referral.call_id is not None:
        lines.append("Started from a logged call (linked).")
    return "\n".join(lines)


def history(events: tuple[StateEvent, ...], labels: dict[str, str], zone: ZoneInfo, today: date) -> str:
    """'Sent — Tue 03/03 9:30 AM by tester@desk: note' for each change, oldest first."""
    lines = []
    for event in events:
        note = event.note
        when = wording.when_in_year(event.at, zone, today)
        label = labels.get(event.state, event.state)
        if event.action:
            label = undo_history.line_prefix(event.action) + undo_history.lower_first(label)
        said = f"{label} — {when} by {by_words(event.by, event.recorded_by)}"
        lines.append(f"{said}: {note}" if note else said)
    return "\n".join(lines) or "Nothing recorded yet."


REFERRAL_LABELS = {**{state.value: state.label for state in ReferralState}, PATIENT_TOLD: "Patient told"}
AUTH_LABELS = {**{status.value: status.label for status in PriorAuthStatus}, SERVICE_DONE: "Service done"}


def auth_title(entry: PriorAuthEntry) -> str:
    auth = entry.auth
    return f"{entry.patient} · {auth.service} · {auth.status.label}"


def auth_flags(entry: PriorAuthEntry) -> str:
    auth = entry.auth
    said = {
        Flag.FOLLOW_UP_OVERDUE: f"Follow-up overdue: due {wording.date_text(auth.follow_up_on)}, "
                                "ask the payer",
        Flag.AUTH_EXPIRING: f"Authorisation expiring {wording.date_text(auth.valid_until)}",
        Flag.AUTH_EXPIRED: f"Authorisation expired {wording.date_text(auth.valid_until)}",
        Flag.UNITS_LOW: f"{text.flag_label(Flag.UNITS_LOW, auth.units_word)}: {text.units(auth)}",
        Flag.UNITS_USED_UP: f"{text.flag_label(Flag.UNITS_USED_UP, auth.units_word)}: {text.units(auth)}, "
                            "ask the payer for more",
    }
    return " · ".join(said.get(flag, text.flag_label(flag, auth.units_word)) for flag in entry.flags)


def auth_body(entry: PriorAuthEntry) -> str:
    auth = entry.auth
    lines = [
        f"Patient: {entry.patient}",
        f"Kind: {auth.kind.label}",
        f"Payer: {auth.payer}",
        f"Service: {auth.service}",
        f"Submitted: {wording.date_text(auth.submitted_on)}",
        f"Status: {auth.status.label}",
    ]
    if auth.status.awaiting_payer:
        lines.append(f"Follow up on: {wording.date_text(auth.follow_up_on)}")
    if auth.auth_number:
        lines.append(f"Authorisation number: {auth.auth_number}")
    if auth.valid_from or auth.valid_until:
        lines.append(f"Valid: {wording.date_text(auth.valid_from)} to {wording.date_text(auth.valid_until)}")
    if auth.units_authorised is not None:
        lines.append(f"Authorised for {auth.units_authorised} {auth.units_word}: {auth.units_used} used")
    if auth.service_done_on:
        lines.append(f"Service done: {wording.date_text(auth.service_done_on)}")
    if auth.renewal_of is not None:
        lines.append(f"Renews authorisation #{auth.renewal_of}.")
    if auth.denial_reason:
        lines.append(f"Denial reason: {auth.denial_reason}")
    if auth.notes:
        lines.append(f"Notes: {auth.notes}")
    if auth.referral_id is not None:
        lines.append(f"For referral #{auth.referral_id}.")
    return "\n".join(lines)
