"""One provider's schedule read from an iCalendar feed: its times whatever way they are written,
cancelled events, where the patient is found, and the events and files that are refused."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.ehr import MAX_BYTES, ImportFileError
from vma_desk.services.ehr.ics_io import read_ics

CHICAGO = ZoneInfo("America/Chicago")


def feed(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\nDTSTAMP:20260301T120000Z\r\n{e.strip()}\r\nEND:VEVENT\r\n"
                   for e in events)
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test EHR//EN\r\n" + body
            + "END:VCALENDAR\r\n").encode()


TZID_EVENT = """UID:visit-1@ehr
DTSTART;TZID=America/New_York:20260304T093000
DTEND;TZID=America/New_York:20260304T095000
SUMMARY:Follow-up
ATTENDEE;CN=Dana Lee;ROLE=CHAIR:mailto:dlee@clinic.example
ATTENDEE;CN="Alvarez, Maria";ROLE=REQ-PARTICIPANT:mailto:maria@example.com"""
UTC_EVENT = """UID:visit-2@ehr
DTSTART:20260304T160000Z
DURATION:PT40M
SUMMARY:Brooks, Tom - New patient
STATUS:CANCELLED"""
FLOATING_EVENT = """UID:visit-3@ehr
DTSTART:20260304T110000
DTEND:20260304T111500
ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@clinic.example
ATTENDEE;CN=Amy Chu:mailto:amy@example.com
STATUS:CONFIRMED
SUMMARY:Physical"""


def test_tzid_utc_and_floating_times_and_a_cancelled_event():
    batch = read_ics(feed(TZID_EVENT, UTC_EVENT, FLOATING_EVENT), provider_name=" Dana  Lee ",
                     zone=CHICAGO)

    assert batch.system == "ics:Dana Lee"
    by_id = {v.source_id: v for v in batch.visits}
    assert list(by_id) == ["visit-1@ehr", "visit-2@ehr", "visit-3@ehr"]
    tz, utc, floating = by_id.values()
    # 9:30 New York time is 14:30 UTC
    assert (tz.start, tz.end) == (datetime(2026, 3, 4, 14, 30, tzinfo=UTC),
                                  datetime(2026, 3, 4, 14, 50, tzinfo=UTC))
    assert (tz.patient.last_name, tz.patient.first_name, tz.type_text) == ("Alvarez", "Maria", "Follow-up")
    assert tz.status is VisitStatus.UNCONFIRMED
    # UTC as written, DURATION for the end; the patient from the SUMMARY
    assert (utc.start, utc.minutes) == (datetime(2026, 3, 4, 16, 0, tzinfo=UTC), 40)
    assert utc.status is VisitStatus.CANCELLED
    assert (utc.patient.last_name, utc.patient.first_name, utc.type_text) == ("Brooks", "Tom", "New patient")
    # floating: the practice's zone (CST, UTC-6); the room is not the patient
    assert floating.start == datetime(2026, 3, 4, 17, 0, tzinfo=UTC)
    assert (floating.patient.last_name, floating.patient.first_name) == ("Chu", "Amy")
    assert floating.status is VisitStatus.UNCONFIRMED
    assert all(v.practitioner is not None and v.practitioner.name == "Dana Lee" for v in batch.visits)
    assert [v.ref for v in batch.visits] == ["VEVENT 1", "VEVENT 2", "VEVENT 3"]
    assert len(batch.patients) == 3 and len(batch.practitioners) == 1


def test_an_all_day_event_is_left_out():
    all_day = "UID:away@ehr\nDTSTART;VALUE=DATE:20260305\nSUMMARY:Out of office"
    batch = read_ics(feed(UTC_EVENT, all_day), provider_name="Dana Lee", zone=CHICAGO)
    assert [v.source_id for v in batch.visits] == ["visit-2@ehr"]


def test_an_event_with_no_patient_is_refused_with_its_number():
    lunch = "UID:lunch@ehr\nDTSTART:20260304T180000Z\nDTEND:20260304T190000Z\nSUMMARY:Lunch"
    with pytest.raises(ImportFileError) as caught:
        read_ics(feed(TZID_EVENT, UTC_EVENT, lunch), provider_name="Dana Lee", zone=CHICAGO)
    assert caught.value.message == ("VEVENT 3: no patient (an ATTENDEE with CN, or a SUMMARY "
                                    "'Last, First - Type')")


@pytest.mark.parametrize(("event", "message"), [
    ("UID:x\nDTSTART:20260304T160000Z\nDTEND:20260304T150000Z\nSUMMARY:Chu, Amy",
     "VEVENT 1: the visit ends before it starts"),
    ("UID:x\nDTSTART:20260304T160000Z\nSUMMARY:Chu, Amy", "VEVENT 1: no DTEND or DURATION"),
    ("DTSTART:20260304T160000Z\nDURATION:PT10M\nSUMMARY:Chu, Amy", "VEVENT 1: no UID"),
    ("UID:x\nDTSTART:20260304T160000Z\nDURATION:PT10M\nRRULE:FREQ=WEEKLY\nSUMMARY:Chu, Amy",
     "VEVENT 1: a repeating event"),
])
def test_events_that_are_not_visits_are_refused(event: str, message: str):
    with pytest.raises(ImportFileError) as caught:
        read_ics(feed(event), provider_name="Dana Lee", zone=CHICAGO)
    assert caught.value.message.startswith(message)


def test_the_same_uid_twice_is_refused():
    with pytest.raises(ImportFileError, match="VEVENT 2: UID visit-2@ehr is also VEVENT 1's"):
        read_ics(feed(UTC_EVENT, UTC_EVENT), provider_name="Dana Lee", zone=CHICAGO)


@pytest.mark.parametrize("data", [b"", b"not a calendar at all", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
                                  b"\xff\xfe\x00garbage"])
def test_malformed_files_are_refused(data: bytes):
    with pytest.raises(ImportFileError, match="feed.ics is not an iCalendar file"):
        read_ics(data, provider_name="Dana Lee", zone=CHICAGO, name="feed.ics")


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(ImportFileError, match="big.ics is 50 MB"):
        read_ics(b" " * (MAX_BYTES + 1), provider_name="Dana Lee", zone=CHICAGO, name="big.ics")
