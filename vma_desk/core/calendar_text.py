"""How the calendar writes statuses, visits, slots and waitlist entries, in the practice's zone
(Qt-free, so the Calendar tab and any report say them alike). Times and days are `core.wording`'s
("9:00 AM", "Tue 03/03"), always converted with the practice's `ZoneInfo`, never the laptop's.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import (
    Appointment,
    AppointmentType,
    EligibilityStatus,
    Slot,
    TechCheck,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.records import ContactMethod, Patient, StaffMember
from vma_desk.core.validation import format_phone
from vma_desk.core.wording import WEEKDAY_NAMES, clock, month_day, short_clock, short_day

STATUS_LABELS = {status: status.label for status in VisitStatus}
METHOD_LABELS = {
    ContactMethod.PHONE: "Phone", ContactMethod.TEXT: "Text message", ContactMethod.EMAIL: "E-mail",
    ContactMethod.PORTAL: "Patient portal",
}
ELIGIBILITY_LABELS = {
    EligibilityStatus.UNVERIFIED: "Not verified yet",
    EligibilityStatus.VERIFIED: "Verified: active, covered, in network",
    EligibilityStatus.PROBLEM: "Problem (inactive, out of network, not found...)",
}
SECONDARY_ELIGIBILITY_LABELS = {
    EligibilityStatus.UNVERIFIED: "Secondary not verified yet",
    EligibilityStatus.VERIFIED: "Secondary verified: active, covered",
    EligibilityStatus.PROBLEM: "Secondary has a problem (inactive, not found...)",
}
#: the secondary's verification in a worklist line
SECONDARY_STATE = {EligibilityStatus.UNVERIFIED: "not verified", EligibilityStatus.VERIFIED: "verified",
                   EligibilityStatus.PROBLEM: "problem"}
TECH_CHECK_LABELS = {
    TechCheck.NOT_NEEDED: "Not needed", TechCheck.PENDING: "Pending", TechCheck.PASSED: "Passed",
    TechCheck.FAILED: "Failed",
}


def when(moment: datetime, zone: ZoneInfo) -> str:
    """'Tue 03/03 9:00 AM' in the practice's zone."""
    local = moment.astimezone(zone)
    return f"{short_day(local.date())} {clock(local)}"


def span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """'Tue 03/03 9:00-9:40 AM'."""
    first, last = start.astimezone(zone), end.astimezone(zone)
    return f"{short_day(first.date())} {short_clock(first)}-{clock(last)}"


def type_name(types: dict[str, AppointmentType], code: str) -> str:
    found = types.get(code)
    return found.name if found else code


def phone_suffix(patient: Patient | None) -> str:
    """' · (312) 555-0142' for a patient's first phone ("" without one); it never breaks a line."""
    if patient is None or not patient.phones:
        return ""
    return " · " + format_phone(patient.phones[0].number).replace(" ", "\u00a0")


def days_text(days: frozenset[int]) -> str:
    if days == frozenset(range(5)):
        return "weekdays"
    return ", ".join(WEEKDAY_NAMES[d][:3] for d in sorted(days))


def provider_name(providers: dict[int, StaffMember], provider_id: int | None) -> str:
    if provider_id is None:
        return "any provider"
    found = providers.get(provider_id)
    return found.display_name if found else f"provider #{provider_id}"


def short_name(provider: StaffMember) -> str:
    """'Taylor-Brooks, MD': for narrow columns (the full name is in the tooltip)."""
    last = provider.name.split()[-1] if provider.name.split() else provider.name
    return f"{last}, {provider.credentials}" if provider.credentials else last


def visit_summary(a: Appointment, name: str, types: dict[str, AppointmentType],
                  providers: dict[int, StaffMember], zone: ZoneInfo) -> str:
    """'O'Neil, Ann · New patient · Tue 03/03 9:00-9:40 AM with Dana Lee, MD'."""
    return (f"{name} · {type_name(types, a.type_code)} · {span(a.start, a.end, zone)} with "
            f"{provider_name(providers, a.provider_id)}")


def slot_line(slot: Slot, providers: dict[int, StaffMember], zone: ZoneInfo) -> str:
    return f"{when(slot.start, zone)} · {provider_name(providers, slot.provider_id)} ({slot.minutes} min)"


def waitlist_line(entry: WaitlistEntry, name: str, types: dict[str, AppointmentType],
                  providers: dict[int, StaffMember], zone: ZoneInfo) -> str:
    """Two lines: who and what; then their preferences and since when they wait."""
    wants = (f"{days_text(entry.days)} {clock(entry.earliest)}-{clock(entry.latest)}, "
             f"{provider_name(providers, entry.provider_id)}")
    waiting = entry.added_at.astimezone(zone).date()
    note = f" · {entry.note}" if entry.note else ""
    return (f"{name} · {type_name(types, entry.type_code)}\n"
            f"Wants {wants} · waiting since {month_day(waiting)}{note}")
