"""Records requests through the services, on a real workspace with a fixed clock: releases refused
without a valid authorisation (nothing saved), sent by a secure channel and kept as disclosures,
records asked for received, the business-day clock (a setting) flagging the late ones across a
holiday, closing and reopening with a reason, and one audit entry per change that never names the
patient, the party or the items.

Practice in America/Chicago, open Monday to Friday, Friday 6 March 2026 a holiday; the clock starts
Monday 2026-03-02 09:30.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from tests.services.march_in_chicago import ident, local
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import Holiday, Patient, Phone, Practice, RecordKind
from vma_desk.core.records_requests import Direction, RecordsRequest, RequestState, SecureChannel, Timing
from vma_desk.services import Services

MONDAY = date(2026, 3, 2)


@pytest.fixture
def office(services: Services) -> Services:
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago",
                                    holidays=(Holiday(date(2026, 3, 6), "Staff training day"),)))
    return services


def patient(services: Services, first: str = "Ann", last: str = "Ames") -> int:
    made, _ = services.patients.create(Patient(first, last, date(1960, 1, 1), phones=(Phone("3125550101"),)))
    return ident(made.id)


def release(patient_id: int, **changes: object) -> RecordsRequest:
    base = RecordsRequest(Direction.OUTGOING, patient_id=patient_id, party="Harbor Mutual Insurance",
                          asked_on=MONDAY, items="Visit notes 2025", purpose="Life insurance application",
                          authorization_on=date(2026, 2, 27), authorization_expires=date(2026, 8, 27))
    return replace(base, **changes)  # type: ignore[arg-type]


def asked(patient_id: int, **changes: object) -> RecordsRequest:
    base = RecordsRequest(Direction.INCOMING, patient_id=patient_id, party="St. Mary's Hospital ER",
                          asked_on=MONDAY, items="ER visit notes and imaging report")
    return replace(base, **changes)  # type: ignore[arg-type]


def state_of(services: Services) -> tuple[int, list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The audit count and every records-request row and event: what a refusal must leave as it was."""
    conn = services.workspace.conn
    return (services.audit.count(), conn.execute("SELECT * FROM records_request ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM records_request_event ORDER BY rowid").fetchall())


def test_a_release_is_recorded_open_with_one_audit_entry_that_names_nobody(office: Services):
    pid = patient(office)
    before = office.audit.count()
    made, change = office.records_requests.add(release(pid, party="  Harbor   Mutual Insurance "))
    assert change.kind is RecordKind.RECORDS_REQUEST and change.ids == (ident(made.id),)
    stored = office.records_requests.get(ident(made.id))
    assert stored.party == "Harbor Mutual Insurance" and stored.state is RequestState.OPEN
    assert stored.created_by == "tester@desk" and stored.events[0].note == "asked"
    assert office.audit.count() == before + 1
    entry = office.audit.page(0, 1)[0]
    assert entry.record_type == "records_request"
    assert entry.detail == "created: outgoing; authorisation on file"


def test_a_release_sent_by_a_secure_channel_is_kept_with_who_and_when(office: Services, clock: FixedClock):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid))
    clock.current = local(10, 10)
    sent, change = office.records_requests.mark_sent(ident(made.id), SecureChannel.SECURE_FAX,
                                                     by="Rita Records")
    assert change.ids == (ident(made.id),)
    again = office.records_requests.get(ident(made.id))
    assert again == sent
    assert again.state is RequestState.SENT and again.channel is SecureChannel.SECURE_FAX
    assert again.sent_at == local(10, 10) and again.sent_by == "Rita Records"
    assert again.events[-1].recorded_by == "tester@desk"
    assert office.audit.page(0, 1)[0].detail == "sent: secure_fax"


def test_a_release_with_an_expired_authorisation_is_refused_with_the_reason_and_nothing_saved(
        office: Services, clock: FixedClock):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid, authorization_expires=date(2026, 3, 1)))
    before = state_of(office)
    with pytest.raises(ValidationError) as refused:
        office.records_requests.mark_sent(ident(made.id), SecureChannel.DIRECT)
    assert refused.value.field == "authorization_expires"
    assert "expired" in refused.value.message
    assert state_of(office) == before


def test_a_release_without_an_authorisation_is_refused_until_one_is_recorded(office: Services):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid, authorization_on=None, authorization_expires=None))
    before = state_of(office)
    with pytest.raises(ValidationError) as refused:
        office.records_requests.mark_sent(ident(made.id), SecureChannel.PORTAL)
    assert refused.value.field == "authorization_on" and "signed authorisation" in refused.value.message
    assert state_of(office) == before
    office.records_requests.record_authorisation(ident(made.id), MONDAY, date(2027, 3, 1))
    assert office.audit.page(0, 1)[0].detail == "authorisation recorded"
    sent, _ = office.records_requests.mark_sent(ident(made.id), SecureChannel.PORTAL)
    assert sent.state is RequestState.SENT


def test_sending_needs_a_channel_and_a_time_that_is_not_in_the_future(office: Services):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid))
    before = state_of(office)
    with pytest.raises(ValidationError) as no_channel:
        office.records_requests.mark_sent(ident(made.id), None)
    assert no_channel.value.field == "channel"
    with pytest.raises(ValidationError) as future:
        office.records_requests.mark_sent(ident(made.id), SecureChannel.MAIL, at=local(4, 9))
    assert future.value.field == "at" and "cannot be in the future" in future.value.message
    assert state_of(office) == before


def test_bad_input_names_the_field_and_saves_nothing(office: Services):
    pid = patient(office)
    unsigned, _ = office.records_requests.add(release(pid, authorization_on=None, authorization_expires=None))
    before = state_of(office)
    cases = [(release(pid, purpose=" "), "purpose"), (asked(pid, party=""), "party"),
             (asked(pid, asked_on=date(2026, 3, 3)), "asked_on"),
             (replace(asked(pid), patient_id=999), "patient_id"),
             (release(pid, authorization_expires=date(2026, 1, 1)), "authorization_expires"),
             (asked(pid, items="x" * 501), "items")]
    for request, field in cases:
        with pytest.raises(ValidationError) as refused:
            office.records_requests.add(request)
        assert refused.value.field == field
    with pytest.raises(ValidationError) as reversed_dates:
        office.records_requests.record_authorisation(ident(unsigned.id), MONDAY, date(2026, 2, 1))
    assert reversed_dates.value.field == "authorization_expires"
    with pytest.raises(ValidationError) as signed_tomorrow:
        office.records_requests.record_authorisation(ident(unsigned.id), date(2026, 3, 3), date(2026, 9, 1))
    assert signed_tomorrow.value.field == "authorization_on"
    assert state_of(office) == before


def test_a_release_due_in_five_business_days_across_a_holiday_is_flagged_late_on_the_right_day(
        office: Services, clock: FixedClock):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid))
    # Tue 3, Wed 4, Thu 5, (Fri 6 holiday, weekend), Mon 9, Tue 10: due Tuesday the 10th
    rows = office.records_requests.open_requests()
    assert rows[0].due_on == date(2026, 3, 10) and rows[0].timing is Timing.ON_TIME
    assert office.records_requests.late(date(2026, 3, 10)) == []
    assert office.records_requests.open_requests(date(2026, 3, 10))[0].timing is Timing.DUE_TODAY
    clock.current = local(11, 8)
    late = office.records_requests.late()
    assert [row.request.id for row in late] == [made.id]
    # sent: the clock stops and it leaves the list
    office.records_requests.mark_sent(ident(made.id), SecureChannel.SECURE_FAX)
    assert office.records_requests.late() == [] and office.records_requests.open_requests() == []


def test_the_worklist_puts_the_late_first_and_shows_the_chase_of_records_asked_for(
        office: Services, clock: FixedClock):
    pid = patient(office)
    fresh, _ = office.records_requests.add(release(pid))
    old, _ = office.records_requests.add(asked(pid, asked_on=date(2026, 2, 16)))
    office.chase.log_attempt(ChaseKind.RECORDS_REQUEST, ident(old.id), channel=Channel.PHONE,
                             outcome=Outcome.LEFT_VOICEMAIL, patient_id=pid)
    rows = office.records_requests.open_requests()
    assert [r.request.id for r in rows] == [old.id, fresh.id]
    assert rows[0].late and rows[0].chase.count == 1 and rows[1].chase.count == 0
    received, _ = office.records_requests.mark_received(ident(old.id))
    assert received.state is RequestState.RECEIVED and received.received_by == "tester@desk"
    assert [r.request.id for r in office.records_requests.open_requests()] == [fresh.id]


def test_the_business_day_clock_is_a_setting_between_one_and_thirty_days(office: Services):
    pid = patient(office)
    office.records_requests.add(asked(pid))
    assert office.records_requests.settings() == 5
    before = state_of(office)
    for wrong in (0, 31):
        with pytest.raises(ValidationError) as refused:
            office.records_requests.save_settings(wrong)
        assert refused.value.field == "days"
    assert state_of(office) == before
    change = office.records_requests.save_settings(3)
    assert change.kind is RecordKind.SETTING and office.records_requests.settings() == 3
    assert office.audit.page(0, 1)[0].record_type == "setting"
    assert office.records_requests.open_requests()[0].due_on == date(2026, 3, 5)


def test_closing_needs_a_reason_and_reopening_puts_it_back_on_the_list(office: Services):
    pid = patient(office)
    made, _ = office.records_requests.add(asked(pid))
    before = state_of(office)
    with pytest.raises(ValidationError) as no_reason:
        office.records_requests.close(ident(made.id), "  ")
    assert no_reason.value.field == "reason"
    assert state_of(office) == before
    closed, _ = office.records_requests.close(ident(made.id), "Hospital has no visit under that name")
    assert closed.state is RequestState.CANCELLED and office.records_requests.open_requests() == []
    assert office.audit.page(0, 1)[0].detail == "cancelled"
    reopened, _ = office.records_requests.reopen(ident(made.id), "Seen under her maiden name")
    assert reopened.state is RequestState.OPEN and reopened.closed_reason == ""
    assert reopened.events[-1].action == "reopen" and reopened.events[-1].note == "Seen under her maiden name"
    assert [r.request.id for r in office.records_requests.open_requests()] == [made.id]


def test_a_sent_release_cannot_be_reopened_or_corrected(office: Services):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid))
    office.records_requests.mark_sent(ident(made.id), SecureChannel.SECURE_EMAIL)
    before = state_of(office)
    with pytest.raises(ValidationError) as reopen:
        office.records_requests.reopen(ident(made.id), "Sent by mistake")
    assert reopen.value.field == "state" and "accounting of disclosures" in reopen.value.message
    with pytest.raises(ValidationError) as edit:
        office.records_requests.update(replace(made, purpose="Something else"))
    assert edit.value.field == "state"
    assert state_of(office) == before


def test_an_open_request_is_corrected_with_the_changed_fields_named_in_the_audit(office: Services):
    pid = patient(office)
    made, _ = office.records_requests.add(asked(pid))
    updated, _ = office.records_requests.update(replace(made, items="Discharge summary", party="Mercy ER"))
    assert office.records_requests.get(ident(made.id)) == updated
    assert office.audit.page(0, 1)[0].detail == "fields: party, items"
    with pytest.raises(ValidationError) as direction:
        office.records_requests.update(replace(updated, direction=Direction.OUTGOING))
    assert direction.value.field == "direction"


def test_disclosures_list_every_release_sent_of_the_patient_only(office: Services, clock: FixedClock):
    ann, bob = patient(office), patient(office, "Bob", "Burns")
    first, _ = office.records_requests.add(release(ann))
    second, _ = office.records_requests.add(release(ann, party="Lakeview Orthopedics",
                                                    purpose="Continuity of care"))
    office.records_requests.add(release(ann, party="Not sent yet"))
    bobs, _ = office.records_requests.add(release(bob))
    incoming, _ = office.records_requests.add(asked(ann))
    clock.current = local(3, 10)
    office.records_requests.mark_sent(ident(second.id), SecureChannel.DIRECT)
    office.records_requests.mark_received(ident(incoming.id))
    clock.current = local(4, 10)
    office.records_requests.mark_sent(ident(first.id), SecureChannel.SECURE_FAX)
    office.records_requests.mark_sent(ident(bobs.id), SecureChannel.SECURE_FAX)
    found = office.records_requests.disclosures(ann)
    assert [d.id for d in found] == [second.id, first.id]
    assert [d.party for d in found] == ["Lakeview Orthopedics", "Harbor Mutual Insurance"]
    assert office.records_requests.disclosures(ann, date(2026, 3, 4), date(2026, 3, 4))[0].id == first.id
    assert len(office.records_requests.of_patient(ann)) == 4
    with pytest.raises(NotFoundError):
        office.records_requests.disclosures(999)


def test_no_audit_detail_carries_a_name_a_party_or_the_items(office: Services, clock: FixedClock):
    pid = patient(office)
    made, _ = office.records_requests.add(release(pid))
    office.records_requests.update(replace(made, items="Immunisation record"))
    office.records_requests.mark_sent(ident(made.id), SecureChannel.MAIL,
                                      at=datetime(2026, 3, 2, 15, 0, tzinfo=UTC))
    other, _ = office.records_requests.add(asked(pid))
    office.records_requests.close(ident(other.id), "Duplicate of a request from last week")
    details = " ".join(e.detail for e in office.audit.page(0, 20))
    for secret in ("Ann", "Ames", "Harbor", "Immunisation", "Visit notes", "Life insurance", "St. Mary",
                   "Duplicate"):
        assert secret not in details
