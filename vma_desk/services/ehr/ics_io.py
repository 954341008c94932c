"""Reading one provider's schedule from an iCalendar (RFC 5545) feed (issue 17).

An EHR or a calendar that publishes a provider's day as .ics gives one VEVENT per visit; the
provider is the one the VMA chose at import (a feed does not say it in a way every system
agrees on). Each VEVENT becomes one visit:

- its id is the event's UID (an event that repeats, RRULE, is not a visit and refuses the file);
- its start and end are DTSTART and DTEND (or DTSTART + DURATION), with their TZID, in UTC
  ("Z"), or floating (no zone: the practice's zone, `zone`); an all-day event (a date, no time)
  is not a visit and is left out;
- STATUS:CANCELLED is a cancelled visit; any other status, or none, a scheduled one;
- the patient is the first ATTENDEE with a CN (a person: not a room or resource, nor the provider
  himself), written "Last, First" or "First Last"; then SUMMARY is the visit type as text;
- without such an ATTENDEE, SUMMARY must be "Last, First - Type" (a dash with a space either side;
  " - Type" may be left out): the feed puts the patient there. An event with neither is refused
  with its number.

Patients from a feed carry no id of their own ("") and no date of birth: matching them is the
import's (by name). The batch's system is "ics:" and the provider's name.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.ehr import (
    ImportBatch,
    ImportFileError,
    SourcePatient,
    SourcePractitioner,
    SourceVisit,
    check_size,
    check_times,
)

#: the dash between the patient and the visit type in a SUMMARY ("Alvarez, Maria - Follow-up")
_TYPE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")
_NOT_A_PERSON = frozenset({"RESOURCE", "ROOM", "GROUP"})
NO_PATIENT = "no patient (an ATTENDEE with CN, or a SUMMARY 'Last, First - Type')"


def read_ics(data: bytes, *, provider_name: str, zone: ZoneInfo, name: str = "the file") -> ImportBatch:
    """The visits of `provider_name`'s schedule in an iCalendar file; floating times are in `zone`."""
    check_size(len(data), name)
    provider = " ".join(provider_name.split())
    if not provider:
        raise ImportFileError("an iCalendar feed is one provider's schedule: choose the provider")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # noqa: BLE001 - the parser raises ValueError, KeyError, IndexError...
        raise ImportFileError(f"{name} is not an iCalendar file ({exc})") from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise ImportFileError(f"{name} is not an iCalendar file (no VCALENDAR)")
    practitioner = SourcePractitioner(source_id="", name=provider)
    visits: list[SourceVisit] = []
    patients: dict[tuple[str, str], SourcePatient] = {}
    seen: dict[str, int] = {}
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    for number, event in enumerate(events, start=1):
        ref = f"VEVENT {number}"
        visit = _visit(event, ref, zone, practitioner)
        if visit is None:
            continue
        if visit.source_id in seen:
            raise ImportFileError(f"{ref}: UID {visit.source_id} is also VEVENT {seen[visit.source_id]}'s")
        seen[visit.source_id] = number
        key = (visit.patient.last_name.casefold(), visit.patient.first_name.casefold())
        patient = patients.setdefault(key, visit.patient)
        visits.append(SourceVisit(source_id=visit.source_id, status=visit.status, start=visit.start,
                                  end=visit.end, patient=patient, practitioner=practitioner,
                                  type_text=visit.type_text, ref=ref))
    return ImportBatch(system=f"ics:{provider}", visits=tuple(visits), patients=tuple(patients.values()),
                       practitioners=(practitioner,) if visits else ())


def _visit(event: Any, ref: str, zone: ZoneInfo, practitioner: SourcePractitioner) -> SourceVisit | None:
    """One VEVENT as a visit; None for an all-day event."""
    uid = str(event.get("UID", "")).strip()
    if not uid:
        raise ImportFileError(f"{ref}: no UID (each visit needs its id)")
    if "RRULE" in event or "RDATE" in event:
        raise ImportFileError(f"{ref}: a repeating event (RRULE) is not a visit")
    if "DTSTART" not in event:
        raise ImportFileError(f"{ref}: no DTSTART")
    start = _moment(event, "DTSTART", ref)
    if not isinstance(start, datetime):
        return None
    if "DTEND" in event:
        end = _moment(event, "DTEND", ref)
        if not isinstance(end, datetime):
            raise ImportFileError(f"{ref}: DTEND is a date but DTSTART a time")
    elif "DURATION" in event:
        length = _decoded(event, "DURATION", ref)
        if not isinstance(length, timedelta):
            raise ImportFileError(f"{ref}: DURATION is not a length of time")
        end = start + length
    else:
        raise ImportFileError(f"{ref}: no DTEND or DURATION (how long the visit is)")
    start, end = _utc(start, zone), _utc(end, zone)
    check_times(start, end, ref)
    summary = " ".join(str(event.get("SUMMARY", "")).split())
    patient, type_text = _patient(event, summary, practitioner.name, ref)
    status = VisitStatus.CANCELLED if str(event.get("STATUS", "")).strip().upper() == "CANCELLED" \
        else VisitStatus.UNCONFIRMED
    return SourceVisit(source_id=uid, status=status, start=start, end=end, patient=patient,
                       practitioner=practitioner, type_text=type_text, ref=ref)


def _decoded(event: Any, key: str, ref: str) -> Any:
    try:
        return event.decoded(key)
    except Exception as exc:  # noqa: BLE001 - a value the parser cannot read, whatever it raises
        raise ImportFileError(f"{ref}: {key} cannot be read ({exc})") from None


def _moment(event: Any, key: str, ref: str) -> datetime | date:
    value = _decoded(event, key, ref)
    if not isinstance(value, date):
        raise ImportFileError(f"{ref}: {key} is not a date or time")
    return value


def _utc(moment: datetime, zone: ZoneInfo) -> datetime:
    """A TZID or UTC time as it is, a floating one in `zone`; in UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _patient(event: Any, summary: str, provider: str, ref: str) -> tuple[SourcePatient, str]:
    """The event's patient and its visit type text, by the convention in the module's docstring."""
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        params = getattr(attendee, "params", {})
        cn = " ".join(str(params.get("CN", "")).split())
        if not cn or str(params.get("CUTYPE", "")).upper() in _NOT_A_PERSON or \
                cn.casefold() == provider.casefold():
            continue
        named = _name(cn)
        if named:
            return SourcePatient(source_id="", last_name=named[0], first_name=named[1],
                                 date_of_birth=None, ref=ref), summary
    parts = _TYPE_DASH.split(summary, maxsplit=1)
    who, type_text = parts[0].strip(), parts[1].strip() if len(parts) == 2 else ""
    if "," in who:
        last, first = (part.strip() for part in who.split(",", 1))
        if last and first:
            return SourcePatient(source_id="", last_name=last, first_name=first, date_of_birth=None,
                                 ref=ref), type_text
    raise ImportFileError(f"{ref}: {NO_PATIENT}")


def _name(cn: str) -> tuple[str, str] | None:
    """(last, first) from "Last, First" or "First Last"; None for one word alone."""
    if "," in cn:
        last, first = (part.strip() for part in cn.split(",", 1))
    else:
        first, _, last = cn.rpartition(" ")
    return (last.strip(), first.strip()) if last.strip() and first.strip() else None
