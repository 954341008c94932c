"""ICS export read back with vobject, an independent parser: the events are what was booked, in the
practice's zone across the March DST change, without patient names unless asked, and audited.
The clock is Monday 2026-03-02 09:30 in Chicago."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import vobject

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, ContactMethod, Patient, Phone, Role, Shift, StaffMember
from vma_desk.services.ics import export_ics, provider_by_name, visit_reference

CHICAGO = ZoneInfo("America/Chicago")
FRI, MON = date(2026, 3, 6), date(2026, 3, 9)  # clocks go forward on Sunday the 8th


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@pytest.fixture
def booked(services):
    """Dr Lee's visits on both sides of the change, one cancelled, one confirmed, one elsewhere."""
    weekdays = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, kim = (services.practice.add_staff(StaffMember(name, Role.PROVIDER, credentials=creds,
                                                        working_hours=weekdays))[0]
                for name, creds in (("Dana Lee", "MD"), ("Sam Kim", "NP")))
    ann, bob = (services.patients.create(Patient(first, last, born, phones=(Phone(phone),)))[0]
                for first, last, born, phone in (("Ann", "Ames", date(1960, 1, 1), "3125550101"),
                                                 ("Bob", "Burr", date(1970, 1, 1), "3125550102")))

    def book(patient, provider, start, code="est", minutes=20):
        visit, _ = services.calendar.book(
            Appointment(patient.id, provider.id, code, start, minutes, reason="Knee pain",
                        notes="Call the mobile first"), authorised_by="Patient (phone call)")
        return visit

    kept = [book(ann, lee, at(FRI, 9)), book(bob, lee, at(FRI, 14, 30), "new", 40),
            book(ann, lee, at(MON, 9)), book(bob, lee, at(MON, 16, 40))]
    services.calendar.set_status(kept[0].id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    dropped = book(bob, lee, at(MON, 11))
    services.calendar.cancel(dropped.id, reason="Schedule conflict", authorised_by="Patient")
    book(ann, kim, at(MON, 10))  # another provider
    book(ann, lee, at(date(2026, 3, 16), 9))  # after the range
    return services, lee, kept


def read(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def test_events_are_what_was_booked_across_the_dst_change(booked):
    services, lee, kept = booked
    data = export_ics(services, provider_id=lee.id, start=date(2026, 3, 2), end=date(2026, 3, 13))
    cal = read(data)
    events = sorted(cal.vevent_list, key=lambda e: e.dtstart.value)
    assert len(events) == len(kept)
    workspace_id = services.workspace.workspace_id
    for event, visit in zip(events, kept, strict=True):
        assert event.dtstart.value == visit.start and event.dtend.value == visit.end
        assert event.uid.value == f"appt-{visit.id}@{workspace_id}"
        assert event.dtstamp.value == datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    # written as practice wall time: 09:00 on both sides of the change, an hour apart in UTC
    assert b"DTSTART;TZID=America/Chicago:20260306T090000" in data
    assert b"DTSTART;TZID=America/Chicago:20260309T090000" in data
    assert [e.dtstart.value.hour for e in events] == [9, 14, 9, 16]
    assert [e.dtstart.value.utcoffset().total_seconds() / 3600 for e in events] == [-6, -6, -5, -5]
    assert [e.status.value for e in events] == ["CONFIRMED", "TENTATIVE", "TENTATIVE", "TENTATIVE"]
    assert cal.vtimezone.tzid.value == "America/Chicago"
    assert cal.prodid.value.startswith("-//VMA Desk//") and cal.version.value == "2.0"


def test_no_names_reason_notes_or_phone_unless_names_are_asked_for(booked):
    services, lee, kept = booked
    data = export_ics(services, provider_id=lee.id, start=FRI, end=MON)
    summaries = sorted((e.dtstart.value, e.summary.value) for e in read(data).vevent_list)
    workspace_id = services.workspace.workspace_id
    assert [s for _, s in summaries] == [
        f"Established visit · ref {visit_reference(workspace_id, kept[0].id)}",
        f"New patient · ref {visit_reference(workspace_id, kept[1].id)}",
        f"Established visit · ref {visit_reference(workspace_id, kept[2].id)}",
        f"Established visit · ref {visit_reference(workspace_id, kept[3].id)}",
    ]
    # the phone numbers in full: a bare "555" can stand in the random workspace id of a UID
    for secret in (b"Ames", b"Burr", b"Knee", b"mobile", b"5550101", b"5550102", b"Schedule conflict"):
        assert secret not in data

    named = export_ics(services, provider_id=lee.id, start=FRI, end=MON, include_names=True)
    summaries = [e.summary.value for e in sorted(read(named).vevent_list, key=lambda e: e.dtstart.value)]
    assert summaries == ["Established visit · Ames, Ann", "New patient · Burr, Bob",
                         "Established visit · Ames, Ann", "Established visit · Burr, Bob"]
    assert b"Knee" not in named and b"5550101" not in named and b"5550102" not in named


def test_each_export_is_audited_without_patient_values(booked):
    services, lee, _ = booked
    export_ics(services, provider_id=lee.id, start=FRI, end=MON, include_names=True)
    entry = services.audit.page()[0]
    assert (entry.action, entry.record_type, entry.record_id, entry.user) == \
        (AuditAction.EXPORT, "calendar", str(lee.id), "tester@desk")
    assert entry.detail == f"ics: provider {lee.id}, 2026-03-06..2026-03-09, names: yes"


def test_uids_are_stable_and_an_empty_range_is_still_a_calendar(booked):
    services, lee, _ = booked
    once = read(export_ics(services, provider_id=lee.id, start=FRI, end=MON))
    again = read(export_ics(services, provider_id=lee.id, start=FRI, end=MON))
    assert sorted(e.uid.value for e in once.vevent_list) == sorted(e.uid.value for e in again.vevent_list)
    empty = read(export_ics(services, provider_id=lee.id, start=date(2026, 3, 7), end=date(2026, 3, 8)))
    assert not hasattr(empty, "vevent_list") or not empty.vevent_list
    assert empty.vtimezone.tzid.value == "America/Chicago"


def test_refused_ranges_and_providers(booked):
    services, lee, _ = booked
    with pytest.raises(ValidationError, match="on or after"):
        export_ics(services, provider_id=lee.id, start=MON, end=FRI)
    with pytest.raises(ValidationError, match="at most"):
        export_ics(services, provider_id=lee.id, start=date(2020, 1, 1), end=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="not a provider"):
        export_ics(services, provider_id=9999, start=FRI, end=MON)


def test_provider_by_name_with_or_without_credentials(booked):
    services, lee, _ = booked
    for text in ("Dana Lee", "dana  lee", "Dana Lee, MD", "DANA LEE MD"):
        assert provider_by_name(services, text).id == lee.id
    with pytest.raises(ValidationError, match=r'no provider is called "Nobody".*Dana Lee, MD'):
        provider_by_name(services, "Nobody")
    other, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="NP"))
    with pytest.raises(ValidationError, match="2 providers are called"):
        provider_by_name(services, "dana lee")
    assert provider_by_name(services, "Dana Lee, NP").id == other.id
