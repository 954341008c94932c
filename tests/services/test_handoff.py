"""The shift handoff through the services, on a real workspace: Ann's shift (open items she owns or
touched, what she changed, the notable changes), her note saved and audited, and at Ben's next
sign-in the note and Ann's changes since Ben signed out.

The practice is in America/Chicago. Ben works the night before and signs out at 6:30 AM on Monday
2026-03-02; Ann signs in at 7:00 AM and works until 3:00 PM. `make_shift` is shared with the
report's and the dialogs' tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.calendar import Appointment
from vma_desk.core.clock import FixedClock
from vma_desk.core.communications import Message, MessageState, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.handoff import validate_note
from vma_desk.core.records import (
    AuditAction,
    Patient,
    Phone,
    RecordKind,
    Role,
    RouteCategory,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, Referral, ReferralState
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.core.users import User, UserRole
from vma_desk.services import Services
from vma_desk.services.users import NotAllowedError

CHICAGO = ZoneInfo("America/Chicago")
MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)
PIN = "135790"
NOTE = "Cal Cruz's rash: Nora calls back before 4.\nEve's MRI auth: Blue Cross said Wednesday."


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class Made:
    services: Services
    clock: FixedClock
    ann: User
    ben: User
    patients: dict[str, Patient]
    lee: StaffMember
    cal_message: Message  # urgent, awaiting callback: open, Ann took it
    dee_message: Message  # chest pain, escalated and closed: notable, not open
    gus_message: Message  # taken before anyone signed in: not Ann's
    refill: RefillRequest  # Eve's, routed by Ann: open
    referral: Referral  # Bob's, sent by Ann: open
    auth: PriorAuth  # Eve's, pending: open
    tuesday: Appointment  # Ann Ames's, booked by Ann, unconfirmed: open
    early: Appointment  # Bob's, booked outside hours with an override: notable
    late: Appointment  # Cal's, cancelled late by Ann: notable


def make_shift(services: Services, clock: FixedClock, *, end_shift: bool = False) -> Made:
    """Ben's night, then Ann's day shift up to 3:00 PM (signed in, her shift not ended unless
    `end_shift`, when she leaves `NOTE` for whoever comes next and signs out)."""
    practice, calendar, comms = services.practice, services.calendar, services.communications
    clock.current = at(date(2026, 2, 27), 8)
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD", working_hours=hours))
    nurse, _ = practice.add_staff(StaffMember(
        "Nora Nurse", Role.CLINICAL, credentials="RN",
        receives=frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS})))
    patients = {}
    for number, (first, last) in enumerate((("Ann", "Ames"), ("Bob", "Birch"), ("Cal", "Cruz"),
                                             ("Dee", "Diaz"), ("Eve", "Ennis"), ("Gus", "Gray"))):
        patients[first], _ = services.patients.create(Patient(
            first, last, date(1960 + number, 1, 1), phones=(Phone(f"31255501{number:02d}"),)))
    gus, _ = comms.take_message(Message("Gus Gray", "3125550105", "question about a bill", nurse.id,
                                        clock.now(), patient_id=patients["Gus"].id))
    cal_visit, _ = calendar.book(Appointment(patients["Cal"].id, lee.id, "est", at(MONDAY, 10), 20),
                                 authorised_by="front desk")
    # Sunday night: the first user, then Ben's shift
    clock.current = at(MONDAY, 5)
    ann, _ = services.users.create_first("Ann Lee", PIN)
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, PIN)
    services.users.sign_in(ben.id, PIN)
    clock.current = at(MONDAY, 6, 30)
    services.users.sign_out("end of shift")
    # Ann's day
    clock.current = at(MONDAY, 7)
    services.users.sign_in(ann.id, PIN)
    clock.current = at(MONDAY, 8)
    cal_message, _ = comms.take_message(Message(
        "Cal Cruz", "3125550102", "rash spreading since last night", nurse.id, clock.now(), Urgency.URGENT,
        patient_id=patients["Cal"].id))
    cal_message, _ = comms.advance(cal_message.id, MessageState.DELIVERED)
    clock.current = at(MONDAY, 9)
    dee_message, _ = comms.take_message(Message(
        "Dee Diaz", "3125550103", "chest pain when climbing stairs", nurse.id, clock.now(),
        patient_id=patients["Dee"].id, escalation_action="Transferred to Nora at once"))
    dee_message, _ = comms.advance(dee_message.id, MessageState.CLOSED)
    late, _, _ = calendar.cancel(cal_visit.id, reason="car trouble", authorised_by="patient")
    clock.current = at(MONDAY, 10)
    refill, _ = services.refills.create(RefillRequest(
        patient_id=patients["Eve"].id, medication="Atorvastatin", strength="20 mg", quantity="90",
        pharmacy="Walgreens, N Clark St", source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
        prescriber_id=lee.id, received_at=clock.now()))
    refill, _ = services.refills.route(refill.id)
    referral, _ = services.referrals.create(Referral(
        patients["Bob"].id, lee.id, "Cardiology", "Heart Partners", "abnormal stress test", clock.now(),
        records_sent=frozenset({"Referral letter"})))
    referral, _ = services.referrals.move(referral.id, ReferralState.SENT)
    clock.current = at(MONDAY, 11)
    auth, _ = services.referrals.add_prior_auth(PriorAuth(
        patients["Eve"].id, PriorAuthKind.PROCEDURE, "Blue Cross", "Cardiac MRI", submitted_on=MONDAY,
        follow_up_on=MONDAY + timedelta(days=3)))
    tuesday, _ = calendar.book(Appointment(patients["Ann"].id, lee.id, "est", at(TUESDAY, 10), 20),
                               authorised_by="Dr Lee")
    early, _ = calendar.book(Appointment(patients["Bob"].id, lee.id, "est", at(TUESDAY, 7, 20), 20),
                             authorised_by="Dr Lee", override_reason="Dr Lee comes in early on Tuesday")
    clock.current = at(MONDAY, 15)
    made = Made(services, clock, ann, ben, patients, lee, cal_message, dee_message, gus, refill, referral,
                auth, tuesday, early, late)
    if end_shift:
        services.handoff.end_shift(NOTE)
        services.users.sign_out("end of shift")
    return made


@pytest.fixture
def made(services: Services, clock: FixedClock) -> Made:
    return make_shift(services, clock)


def test_anns_open_items_are_the_records_she_owns_or_touched(made: Made):
    summary = made.services.handoff.shift_summary()
    assert summary.user_name == "Ann Lee" and summary.shift_start == at(MONDAY, 7)
    assert summary.practice_name == "Lakeside Family Medicine"
    rows = [(i.kind, i.record_id) for i in summary.open_items]
    assert rows == [("message", made.cal_message.id), ("refill", made.refill.id),
                    ("referral", made.referral.id), ("prior_auth", made.auth.id),
                    ("appointment", made.early.id), ("appointment", made.tuesday.id)]
    by_kind = {i.kind: i for i in summary.open_items}
    assert by_kind["message"].title == "Cruz, Cal"
    assert by_kind["message"].detail.startswith("Urgent · delivered · callback due 9:00 AM (overdue)")
    assert by_kind["refill"].detail.startswith("Atorvastatin 20 mg · waiting for provider")
    assert by_kind["referral"].detail.startswith("Cardiology · sent today")
    assert by_kind["prior_auth"].detail == "Cardiac MRI · pending · follow up 03/05/2026"
    visit = next(i for i in summary.open_items if (i.kind, i.record_id) == ("appointment", made.tuesday.id))
    assert (visit.title, visit.detail) == ("Ames, Ann", "Tue 03/03 10:00 AM with Dana Lee, MD · unconfirmed")
    # nobody's phone numbers, and not Gus's message (taken before anyone signed in)
    assert made.gus_message.id not in [i.record_id for i in summary.open_items if i.kind == "message"]
    assert not any("555" in i.detail or "555" in i.title for i in summary.open_items)


def test_what_changed_during_the_shift_by_kind_and_the_notable_changes(made: Made):
    summary = made.services.handoff.shift_summary()
    counts = {c.kind: (c.created, c.updated) for c in summary.counts}
    assert counts == {"message": (2, 0), "refill": (1, 0), "referral": (1, 0), "prior_auth": (1, 0),
                      "appointment": (2, 1)}
    assert summary.counts_text.startswith("Messages: 2 new; Refill requests: 1 new")
    assert "Visits: 2 new · 1 updated" in summary.counts_text
    notable = [(i.kind, i.record_id, i.detail.split(":")[0]) for i in summary.notable]
    assert notable == [("message", made.dee_message.id, "Escalated"),
                       ("appointment", made.late.id, "Late cancellation"),
                       ("appointment", made.early.id, "Conflict overridden")]
    assert summary.notable[0].detail == "Escalated: Transferred to Nora at once"
    assert summary.notable[1].detail == "Late cancellation: visit 10:00 AM with Dana Lee, MD"
    assert "Dr Lee comes in early on Tuesday" in summary.notable[2].detail


def test_an_unlock_does_not_start_a_new_shift(made: Made):
    services = made.services
    services.users.record_lock("idle")
    made.clock.current = at(MONDAY, 15, 5)
    _user, new = services.users.sign_in(made.ann.id, PIN)
    assert not new
    summary = services.handoff.shift_summary()
    assert summary.shift_start == at(MONDAY, 7)
    assert len(summary.open_items) == 6


def test_the_note_is_saved_with_its_audit_entry_and_ben_sees_it_with_anns_changes(made: Made):
    services = made.services
    handoff, change = services.handoff.end_shift(NOTE + "\n\n")
    assert change.kind is RecordKind.HANDOFF and change.action is AuditAction.CREATE
    assert handoff.note == NOTE and handoff.from_name == "Ann Lee" and handoff.to_user_id is None
    assert handoff.shift_start == at(MONDAY, 7) and handoff.created_at == at(MONDAY, 15)
    entry = services.audit.page(0, 1)[0]
    assert (entry.action, entry.record_type, entry.record_id, entry.user_id) == \
        (AuditAction.CREATE, "handoff", str(handoff.id), made.ann.id)
    assert entry.detail == "for whoever comes next; with a note"  # never the note itself
    services.users.sign_out("end of shift")
    made.clock.current = at(MONDAY, 15, 30)
    _ben, new = services.users.sign_in(made.ben.id, PIN)
    assert new
    since = services.handoff.since_last_shift(made.ben.id)
    assert since.since == at(MONDAY, 6, 30) and since.has_content
    assert [n.note for n in since.notes] == [NOTE]
    assert since.notes[0].from_name == "Ann Lee" and since.notes[0].for_text == "for whoever comes next"
    rows = {(c.kind, c.record_id): c for c in since.changes}
    assert set(rows) == {("message", made.cal_message.id), ("message", made.dee_message.id),
                         ("refill", made.refill.id), ("referral", made.referral.id),
                         ("prior_auth", made.auth.id), ("appointment", made.tuesday.id),
                         ("appointment", made.early.id), ("appointment", made.late.id)}
    assert all(c.by == "Ann Lee" for c in since.changes)
    # newest first; each record once, with what was last done
    assert (since.changes[0].kind, since.changes[0].record_id) == ("appointment", made.early.id)
    dee = rows[("message", made.dee_message.id)]
    assert dee.title == "Diaz, Dee"
    assert dee.detail == "Message · emergency · closed by Ann Lee · 2 changes · 9:00 AM"
    assert rows[("appointment", made.late.id)].detail.startswith(
        "Visit 10:00 AM · cancelled · cancelled late")
    # Gus's message, from before Ben signed out, is not news
    assert ("message", made.gus_message.id) not in rows


def test_a_note_for_one_user_is_theirs_and_nobody_sees_their_own(made: Made):
    services = made.services
    cy, _ = services.users.add("Cy Park", UserRole.VMA, PIN)
    services.handoff.end_shift("Ben: the fax machine is out of toner.", to_user_id=made.ben.id)
    assert [n.note for n in services.handoff.since_last_shift(made.ben.id).notes] == [
        "Ben: the fax machine is out of toner."]
    assert services.handoff.since_last_shift(made.ben.id).notes[0].for_text == "for Ben Ortiz"
    assert services.handoff.since_last_shift(cy.id).notes == ()  # never signed out: the last day, not Ben's
    assert services.handoff.since_last_shift(made.ann.id).notes == ()
    assert [h.to_user_id for h in services.handoff.handoffs_by(made.ann.id)] == [made.ben.id]


def test_an_empty_note_is_saved_but_not_shown_and_nothing_new_means_no_content(made: Made):
    services = made.services
    services.handoff.end_shift("   \n ")
    services.users.sign_out("end of shift")
    assert services.audit.page(0, 2)[1].detail == "for whoever comes next; no note"
    made.clock.current = at(MONDAY, 16)
    services.users.sign_in(made.ann.id, PIN)
    since = services.handoff.since_last_shift(made.ann.id)
    assert since.notes == () and since.changes == () and not since.has_content


def test_refusals(made: Made, services: Services):
    with pytest.raises(ValidationError) as refused:
        services.handoff.end_shift("x", to_user_id=made.ann.id)
    assert refused.value.field == "to_user_id"
    with pytest.raises(ValidationError):
        services.handoff.end_shift("x", to_user_id=999)
    with pytest.raises(ValidationError):
        validate_note("x" * 4001)
    services.users.sign_out()
    with pytest.raises(NotAllowedError):
        services.handoff.end_shift("x")
    with pytest.raises(NotAllowedError):
        services.handoff.shift_summary()
