"""iCalendar (RFC 5545) export of one provider's schedule, written with the `icalendar` package.

One VEVENT per visit that holds its slot, in the practice's time zone (a VTIMEZONE built from
zoneinfo for the years exported, so a client that does not know the zone still places every visit
right across a DST change). A visit says what kind of visit it is and a short reference; the
patient's name only when asked for, and never the reason, notes, phone or telehealth link. Each
export is written to the audit trail (who, which provider, which dates, whether names were in it).
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime, time, timedelta

import icalendar

from vma_desk import __version__
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Role, StaffMember
from vma_desk.core.rules import scheduling
from vma_desk.services import Services

PRODID = f"-//VMA Desk//VMA Desk {__version__}//EN"
AUDIT_RECORD = "calendar"
#: the longest range one export may cover
MAX_DAYS = 3 * 366
#: a visit the patient has confirmed (or attended) is CONFIRMED; one still to confirm is TENTATIVE
_CONFIRMED = frozenset({VisitStatus.CONFIRMED, VisitStatus.ARRIVED, VisitStatus.NO_SHOW})


def visit_reference(workspace_id: str, appointment_id: int) -> str:
    """Five characters that tell a workspace's visits apart without naming the patient."""
    digest = hashlib.sha256(f"{workspace_id}:appointment:{appointment_id}".encode()).digest()
    return base64.b32encode(digest).decode()[:5]


def provider_by_name(services: Services, name: str) -> StaffMember:
    """The provider called `name`, with or without credentials ("Dana Lee" or "dana lee, md")."""
    wanted = _folded(name)
    if not wanted:
        raise ValidationError("provider", "give the provider's name")
    providers = services.practice.staff(role=Role.PROVIDER, active_only=False)
    found = [p for p in providers if wanted in (_folded(p.name), _folded(p.display_name))]
    if len(found) == 1:
        return found[0]
    if found:
        raise ValidationError("provider", f'{len(found)} providers are called "{name.strip()}"; '
                                          "add the credentials to tell them apart")
    known = "; ".join(p.display_name for p in providers) or "none yet"
    raise ValidationError("provider", f'no provider is called "{name.strip()}" (providers: {known})')


def _folded(text: str) -> str:
    """Case, spacing and the comma before the credentials do not matter."""
    return " ".join(text.replace(",", " ").split()).casefold()


def export_ics(services: Services, *, provider_id: int, start: date, end: date,
               include_names: bool = False) -> bytes:
    """The provider's visits from `start` to `end` (practice-local dates, both included) as an
    iCalendar file; cancelled visits are left out. Audited."""
    data = ics_calendar(services, provider_id=provider_id, start=start, end=end, include_names=include_names)
    record_ics_export(services, provider_id=provider_id, start=start, end=end, include_names=include_names)
    return data


def ics_calendar(services: Services, *, provider_id: int, start: date, end: date,
                 include_names: bool = False) -> bytes:
    """`export_ics`'s file without its audit entry: it only reads, so the window makes it on a
    worker thread and records the export (`record_ics_export`) when it writes the file."""
    if end < start:
        raise ValidationError("to", "must be on or after the first day")
    if (end - start).days >= MAX_DAYS:
        raise ValidationError("to", f"an export covers at most {MAX_DAYS} days")
    providers = {p.id: p for p in services.practice.staff(role=Role.PROVIDER, active_only=False)}
    provider = providers.get(provider_id)
    if provider is None:
        raise ValidationError("provider_id", "is not a provider of this practice")
    ctx = services.context
    zone = ctx.practice_zone()
    window_start = scheduling.local_to_utc(datetime.combine(start, time(0)), zone)
    window_end = scheduling.local_to_utc(datetime.combine(end + timedelta(days=1), time(0)), zone)
    visits = [a for a in services.calendar.appointments([provider_id], window_start, window_end)
              if a.start >= window_start]
    type_names = {t.code: t.name for t in services.calendar.types(include_inactive=True)}
    names = _patient_names(services, visits) if include_names else {}
    stamp = ctx.clock.now()
    workspace_id = services.workspace.workspace_id

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{provider.display_name} ({start.isoformat()} to {end.isoformat()})")
    cal.add("x-wr-timezone", zone.key)
    cal.add_component(icalendar.Timezone.from_tzinfo(
        zone, tzid=zone.key, first_date=date(start.year, 1, 1), last_date=date(end.year + 1, 1, 1)))
    for visit in visits:
        assert visit.id is not None
        what = type_names.get(visit.type_code, visit.type_code)
        who = names[visit.patient_id] if include_names else \
            f"ref {visit_reference(workspace_id, visit.id)}"
        event = icalendar.Event()
        event.add("uid", f"appt-{visit.id}@{workspace_id}")
        event.add("dtstamp", stamp)
        event.add("dtstart", visit.start.astimezone(zone))
        event.add("dtend", visit.end.astimezone(zone))
        event.add("summary", f"{what} · {who}")
        event.add("status", "CONFIRMED" if visit.status in _CONFIRMED else "TENTATIVE")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return bytes(cal.to_ical())


def record_ics_export(services: Services, *, provider_id: int, start: date, end: date,
                      include_names: bool) -> None:
    """The export's audit entry (ids and dates, whether names were included)."""
    ctx = services.context
    with ctx.transaction():
        ctx.audit(AuditAction.EXPORT, AUDIT_RECORD, provider_id,
                  f"ics: provider {provider_id}, {start.isoformat()}..{end.isoformat()}, "
                  f"names: {'yes' if include_names else 'no'}")


def _patient_names(services: Services, visits: list[Appointment]) -> dict[int, str]:
    names: dict[int, str] = {}
    for patient_id in sorted({a.patient_id for a in visits}):
        try:
            names[patient_id] = services.patients.get(patient_id).display_name
        except NotFoundError:  # deleted since the visit was booked
            names[patient_id] = "(removed patient)"
    return names

