"""How the day's agenda is written (Qt-free, for the Today tab and any report): flags, visit
facts, due rows, days and headings.

Everything is worded from what `core.agenda` put in the `DayAgenda` (labels, details, severities);
nothing here decides whether a flag is raised or a row is due. Times, days and ages are
`core.wording`'s ("9:05 AM", "Tue 03/03", "<1"), in the practice's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from vma_desk.core.agenda import ROUTINE, SOON, URGENT, DueItem, ItemKind, ProviderDay, VisitFlag, VisitLine
from vma_desk.core.wording import WEEKDAY_NAMES, age_text, clock, long_day, month_day, short_date

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"
SEVERITY_LABELS = {URGENT: "Urgent", SOON: "Soon", ROUTINE: "Routine"}
SEVERITY_TIPS = {
    URGENT: "Late now: emergency and overdue callbacks, refills past due, stuck referrals, "
            "expired authorisations, overdue payer follow-ups, overdue tasks, urgent results not "
            "acted on within an hour, records requests running late",
    SOON: "Needs doing soon: urgent callbacks, refills near due, consult reports awaited, "
          "authorisations expiring",
    ROUTINE: "Due today: confirmation calls, eligibility checks, routine callbacks, tasks",
}


def flag(found: VisitFlag, detail: str) -> str:
    """'Unconfirmed', 'Unconfirmed: left message', 'Care gap: A1c, Flu shot'."""
    if not detail or detail.casefold() == found.label.casefold():
        return found.label
    return f"{found.label}: {detail}"


def flags(found: Iterable[tuple[VisitFlag, str]]) -> str:
    return unbroken_hyphens(" · ".join(flag(f, detail) for f, detail in found))


def unbroken_hyphens(said: str) -> str:
    """A wrapped line never ends in 'No-' with 'show' on the next: hyphens that do not break."""
    return said.replace("-", NB_HYPHEN)


def visit_time(line: VisitLine, zone: ZoneInfo) -> str:
    return clock(line.appointment.start.astimezone(zone))


def age(line: VisitLine) -> str:
    return age_text(line.age)


def new_or_established(line: VisitLine) -> str:
    return "New" if line.new_patient else "Est."


def telehealth(line: VisitLine) -> str:
    return "Video" if line.telehealth else ""


def visit_tip(line: VisitLine, zone: ZoneInfo) -> str:
    """Everything about a visit row, one fact a line (the flags in full, each on its own)."""
    kind = "new patient" if line.new_patient else "established patient"
    where = ", telehealth" if line.telehealth else ""
    lines = [f"{visit_time(line, zone)} {line.patient_name} ({age(line)}) · {line.type_name}, {kind}{where}",
             f"Status: {line.appointment.status.label}"]
    lines += [f"• {flag(f, detail)}" for f, detail in line.flags]
    return "\n".join(lines)


def provider_heading(day: ProviderDay) -> str:
    count = len(day.visits)
    return f"{day.provider.display_name} · {count} visit{'s' if count != 1 else ''}"


def attention(lines: Iterable[str]) -> str:
    """'Needs attention: 3 visits unconfirmed · 1 consult report missing' ("" when nothing does)."""
    found = list(lines)
    return unbroken_hyphens(f"Needs attention: {' · '.join(found)}") if found else ""


def day_heading(day: date, today: date) -> str:
    """'Monday, March 2, 2026 (today)'."""
    relative = {0: " (today)", 1: " (tomorrow)", -1: " (yesterday)"}.get((day - today).days, "")
    return f"{long_day(day)}{relative}"


def weekday_day(day: date) -> str:
    """'Sunday 11/22'."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {month_day(day)}"


def no_visits(day: date, provider: str | None = None) -> str:
    whose = f" for {provider}" if provider else ""
    return f"No visits{whose} on {weekday_day(day)}."


def visits_heading(providers: int, visits: int) -> str:
    if not visits:
        return "Visits"
    with_whom = f" with {providers} provider{'s' if providers != 1 else ''}" if providers > 1 else ""
    return f"Visits · {visits}{with_whom}"


def due_heading(day: date, today: date, items: Iterable[DueItem]) -> str:
    """'Due today · 3 urgent, 2 soon, 12 routine' (or 'Due by Tue 03/03 ...' for another day)."""
    counts = {level: 0 for level in SEVERITY_LABELS}
    for item in items:
        counts[item.severity] = counts.get(item.severity, 0) + 1
    shown = ", ".join(f"{counts[level]} {label.lower()}" for level, label in SEVERITY_LABELS.items()
                      if counts[level])
    when = "Due today" if day == today else f"Due by {short_date(day, today)}"
    return f"{when} · {shown}" if shown else when


def severity_heading(level: int, count: int) -> str:
    return f"{SEVERITY_LABELS.get(level, str(level))} ({count})"


def due_title(item: DueItem) -> str:
    """The row's title (the agenda shortens a message's reason at a word, with "…")."""
    return item.title


def due_status(item: DueItem, zone: ZoneInfo, today: date) -> str:
    """Where it stands and when it is due, practice time: 'Overdue · due Fri 11/20 5:00 PM',
    'Report awaited, 7 days', 'Visit Tue 11/24 9:35 AM' (a confirmation or an eligibility check)."""
    parts = [item.detail] if item.detail else []
    if item.due_at is not None:
        what = "visit" if item.kind in (ItemKind.CONFIRMATION, ItemKind.ELIGIBILITY) else "due"
        # a wrapped line breaks between the day and the time only: 'due Fri 11/20' '5:00 PM'
        local = item.due_at.astimezone(zone)
        time_of_day = clock(local).replace(" ", NBSP)
        parts.append(f"{what}{NBSP}{time_of_day}" if local.date() == today else
                     f"{what}{NBSP}{short_date(local.date(), today).replace(' ', NBSP)} {time_of_day}")
    said = " · ".join(parts)
    return said[:1].upper() + said[1:]


def due_tip(item: DueItem, zone: ZoneInfo, today: date) -> str:
    lines = [f"{SEVERITY_LABELS.get(item.severity, '')} · {item.kind.label}", due_title(item)]
    if item.patient_name:
        lines.append(f"Patient: {item.patient_name}")
    if status := due_status(item, zone, today):
        lines.append(status)
    lines.append("Enter opens it.")
    return "\n".join(lines)


def generated(moment: datetime, zone: ZoneInfo) -> str:
    """'As of 9:30 AM'."""
    return f"As of {clock(moment.astimezone(zone))}"
