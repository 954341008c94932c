"""Sample EHR files made from the demo workspace's schedule (issue 17): something to try the
imports on without a real EHR at hand.

`write_samples` writes one day of the demo's calendar (the next business day unless told) as an
EHR would hand it over: `schedule.csv` in the built-in "generic" profile's layout,
`schedule-<provider>.ics` (one provider's feed, the one with the most visits that day) and
`schedule.fhir.json` (a FHIR R4 bundle, `services.ehr.fhir_io.export_bundle`). Reading them back
(`read_csv` with the generic profile, `read_ics` with that provider, `read_bundle`) gives the same
visits at the same times. The files are owner-only (0600) in the folder the user names, written
only on request: the demo's patients are fictional, but the files are still a schedule.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from vma_desk import __version__
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.records import Patient, Role, StaffMember
from vma_desk.core.rules.business_days import next_business_day
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.services import Services
from vma_desk.services.ehr.csv_io import Profile, load_profile
from vma_desk.services.ehr.fhir_io import export_bundle
from vma_desk.storage.files import make_private_dir, write_private

CSV_NAME = "schedule.csv"
FHIR_NAME = "schedule.fhir.json"
PRODID = f"-//VMA Desk//VMA Desk {__version__} sample EHR feed//EN"
#: where the sample's own ids live (visit UIDs in the feed)
UID_DOMAIN = "demo.vma-desk.example"


def write_samples(services: Services, out: Path, day: date | None = None) -> list[Path]:
    """Write `day`'s schedule (the next business day after today by default) into the folder `out`
    (made owner-only if it is missing) as CSV, iCalendar and FHIR; the files written, in that order.
    Files of the same names in the folder are replaced."""
    zone = services.context.practice_zone()
    if day is None:
        today = services.context.clock.now().astimezone(zone).date()
        day = next_business_day(services.practice.get(), today)
    providers = {p.id: p for p in services.practice.staff(role=Role.PROVIDER, active_only=False)}
    visits = _day_visits(services, day, zone, providers)
    patients = services.patients.get_many(a.patient_id for a in visits)
    visits = [a for a in visits if a.patient_id in patients]  # a removed patient is left out
    type_names = {t.code: t.name for t in services.calendar.types(include_inactive=True)}

    out = Path(out)
    make_private_dir(out)
    written: list[Path] = []

    def write(name: str, data: bytes) -> None:
        write_private(out / name, data, replace=True)
        written.append(out / name)

    write(CSV_NAME, schedule_csv(visits, patients, providers, type_names, zone, load_profile("generic")))
    busiest = Counter(a.provider_id for a in visits).most_common(1)
    provider = providers[busiest[0][0]] if busiest else next(iter(providers.values()), None)
    if provider is not None:
        mine = [a for a in visits if a.provider_id == provider.id]
        write(f"schedule-{slug(provider.name)}.ics",
              schedule_ics(mine, patients, type_names, zone, day, services.context.clock.now()))
    bundle = export_bundle(services, day, day)
    write(FHIR_NAME, json.dumps(bundle, indent=2, ensure_ascii=False).encode("utf-8"))
    return written


def _day_visits(services: Services, day: date, zone: ZoneInfo,
                providers: dict[int | None, StaffMember]) -> list[Appointment]:
    start = local_to_utc(datetime.combine(day, time(0)), zone)
    end = local_to_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
    ids = sorted(i for i in providers if i is not None)
    visits = services.calendar.appointments(ids, start, end, include_cancelled=True)
    return sorted((a for a in visits if start <= a.start < end), key=lambda a: (a.start, a.id or 0))


def slug(name: str) -> str:
    """A file-name-safe form of a name: "Dana Lee" -> "dana-lee"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "provider"


def schedule_csv(visits: list[Appointment], patients: dict[int, Patient],
                 providers: dict[int | None, StaffMember], type_names: dict[str, str], zone: ZoneInfo,
                 profile: Profile) -> bytes:
    """The visits as an EHR's CSV report in `profile`'s layout (its columns, formats and words)."""
    named = profile.columns.named()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if profile.separator == "auto" else profile.separator,
                        lineterminator="\r\n")
    writer.writerow([header for _, header in named])
    for visit in visits:
        patient = patients[visit.patient_id]
        provider = providers.get(visit.provider_id)
        start, end = visit.start.astimezone(zone), visit.end.astimezone(zone)
        values = {
            "visit_id": str(visit.id),
            "patient_id": f"P{visit.patient_id}",
            "last_name": patient.last_name,
            "first_name": patient.first_name,
            "date_of_birth": patient.date_of_birth.strftime(profile.date_of_birth_format),
            "phone": patient.phones[0].number if patient.phones else "",
            "provider_id": f"D{visit.provider_id}",
            "provider_name": provider.display_name if provider else "",
            "visit_type": type_names.get(visit.type_code, visit.type_code),
            "status": profile.word_for(visit.status),
            "start": start.strftime(profile.datetime_format),
            "start_date": start.strftime(profile.date_format),
            "start_time": start.strftime(profile.time_format),
            "end_time": end.strftime(profile.time_format),
            "minutes": str(visit.minutes),
        }
        writer.writerow([values[item] for item, _ in named])
    return buffer.getvalue().encode("utf-8")


def schedule_ics(visits: list[Appointment], patients: dict[int, Patient], type_names: dict[str, str],
                 zone: ZoneInfo, day: date, stamp: datetime) -> bytes:
    """One provider's visits as an EHR's iCalendar feed: the patient as the ATTENDEE's CN ("Last,
    First"), the visit type as SUMMARY, times with their TZID; cancelled visits as
    STATUS:CANCELLED."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add_component(icalendar.Timezone.from_tzinfo(
        zone, tzid=zone.key, first_date=date(day.year, 1, 1), last_date=date(day.year + 1, 1, 1)))
    for visit in visits:
        patient = patients[visit.patient_id]
        event = icalendar.Event()
        event.add("uid", f"visit-{visit.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", visit.start.astimezone(zone))
        event.add("dtend", visit.end.astimezone(zone))
        event.add("summary", type_names.get(visit.type_code, visit.type_code))
        attendee = icalendar.vCalAddress(f"urn:{UID_DOMAIN}:patient:{visit.patient_id}")
        attendee.params["CN"] = icalendar.vText(patient.display_name)
        attendee.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=False)
        event.add("status", "CANCELLED" if visit.status is VisitStatus.CANCELLED else "CONFIRMED")
        cal.add_component(event)
    return bytes(cal.to_ical())
