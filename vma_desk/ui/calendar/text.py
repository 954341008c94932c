"""How the calendar writes times, days, statuses and visits: one place, in the practice's zone.

Times are always converted with the practice's `ZoneInfo`, never with the laptop's zone, and
written the US way a front office reads them ("9:00 AM", "Tue 03/03").
"""

from __future__ import annotations

from datetime import date, datetime, time
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
from vma_desk.core.wording import WEEKDAY_NAMES

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


def clock(moment: datetime | time) -> str:
    """'9:00 AM', '12:30 PM' (no leading zero, whatever the platform's strftime does)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def short_clock(moment: datetime | time) -> str:
    """'9:00', '12:30': for the grid's rows, where AM/PM is plain from the position."""
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}"


def short_day(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day:%m/%d}"


def short_date(day: date, today: date | None) -> str:
    """'Tue 03/03' this year, 'Fri 12/05/2025' any other year (or when `today` is not known): the
    day a list shows, never ambiguous about its year."""
    if today is not None and day.year == today.year:
        return short_day(day)
    return f"{short_day(day)}/{day.year}"


def long_day(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day:%B} {day.day}, {day.year}"


def when(moment: datetime, zone: ZoneInfo) -> str:
    """'Tue 03/03 9:00 AM' in the practice's zone."""
    local = moment.astimezone(zone)
    return f"{short_day(local.date())} {clock(local)}"


def span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """'Tue 03/03 9:00-9:40 AM'."""
    first, last = start.astimezone(zone), end.astimezone(zone)
    return f"{short_day(first.date())} {short_clock(first)}-{clock(last)}"


def zone_label(zone: ZoneInfo, moment: datetime) -> str:
    """'America/Chicago (CST)': the zone the calendar shows, with its abbreviation then."""
    return f"{zone.key} ({moment.astimezone(zone).tzname()})"


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
            f"Wants {wants} · waiting since {waiting:%m/%d}{note}")
