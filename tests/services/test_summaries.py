"""The summary service on a small workspace made through the services, as a VMA's days make it:
one patient's history of a week, and the practice's activity figures. Practice in Chicago; the
clock starts Monday 2026-03-02 09:30 local. `make_history` is shared with the report tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.activity import Grain
from vma_desk.core.calendar import Appointment
from vma_desk.core.communications import Call, CallReason, Direction, Message, MessageState, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.patient_history import EntryKind
from vma_desk.core.records import (
    Insurance,
    LastVisit,
    Patient,
    Phone,
    PlanType,
    Role,
    RouteCategory,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.refills import Decision, LabCheck, RefillRequest, RefillSource, RefillStep

CHICAGO = ZoneInfo("America/Chicago")
WEEK = (date(2026, 3, 2), date(2026, 3, 6))


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHICAGO).astimezone(UTC)


@dataclass
class History:
    """What `make_history` made: the ids of Ann's records, in the order her summary lists them,
    and the texts that tell each one apart on paper."""

    services: object
    ann: Patient
    bob: Patient
    listed: list[tuple[EntryKind, int, str]]  # (kind, id, a text only that record shows)
    not_listed: list[str]  # texts of records outside the period or of another patient


def make_history(services) -> History:
    clock = services.context.clock
    start = clock.now()
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    nurse, _ = services.practice.add_staff(StaffMember(
        "Nora Nurse", Role.CLINICAL, credentials="RN",
        receives=frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS,
                            RouteCategory.REFILLS})))
    ann, _ = services.patients.create(Patient(
        "Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),),
        insurance=Insurance("Blue Cross", "XJ100200", PlanType.PPO, "GRP-77"),
        preferred_pharmacy="Walgreens Main St", last_visits=(LastVisit(doc.id, date(2025, 11, 3)),)))
    bob, _ = services.patients.create(Patient("Bob", "Birch", date(1970, 5, 5),
                                              phones=(Phone("3125550143"),)))
    comms = services.communications

    def call(patient, started, notes, **kw):
        name = f"{patient.first_name} {patient.last_name}"
        saved, _ = comms.log_call(Call(started, Direction.INBOUND, name, kw.pop("reason", CallReason.GENERAL),
                                       number="(312) 555-0142", patient_id=patient.id, duration_seconds=120,
                                       notes=notes, **kw))
        return saved

    # the Friday before: a call, and a message the nurse closes on Monday
    clock.current = local(2026, 2, 27, 15, 0)
    call(ann, local(2026, 2, 27, 14, 50), "friday question about parking")
    friday_message, _ = comms.take_message(Message("Ann Ames", "3125550142", "friday message about a form",
                                                   nurse.id, clock.now(), patient_id=ann.id))
    clock.current = start
    # Monday 9:00: Ann calls about her results; a message for the nurse is taken from the call
    results_call = call(ann, local(2026, 3, 2, 9, 0), "asks about her A1c result",
                        reason=CallReason.TEST_RESULTS)
    call(bob, local(2026, 3, 2, 9, 10), "bob asks about billing")
    draft = comms.message_from_call(results_call.id, reason="wants the A1c result explained",
                                    urgency=Urgency.URGENT, recipient_id=nurse.id)
    message, _ = comms.take_message(draft)
    # a refill faxed at 9:05, routed, approved, pharmacy told at 11:00
    refill, _ = services.refills.create(RefillRequest(
        patient_id=ann.id, medication="Lisinopril", strength="10 mg", quantity="90",
        pharmacy="Walgreens Main St", source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
        prescriber_id=doc.id, received_at=local(2026, 3, 2, 9, 5),
        labs=(LabCheck("Kidney function (BMP)", 12, date(2025, 11, 3)),)))
    services.refills.route(refill.id)
    clock.current = local(2026, 3, 2, 10, 0)
    comms.advance(friday_message.id, MessageState.CLOSED, by="Nora Nurse")
    comms.advance(message.id, MessageState.CALLBACK_DONE, by="Nora Nurse")  # within the hour: on time
    services.refills.record_decision(refill.id, Decision.APPROVED, decided_by_id=doc.id)
    clock.current = local(2026, 3, 2, 11, 0)
    services.refills.advance(refill.id, RefillStep.PHARMACY_NOTIFIED)
    # Monday 2 PM: a cardiology referral, sent at 2:30
    clock.current = local(2026, 3, 2, 14, 0)
    referral, _ = services.referrals.create(Referral(
        patient_id=ann.id, referring_provider_id=doc.id, specialty="Cardiology",
        specialist_office="Heart Partners", specialist_contact="(312) 555-0199",
        reason="abnormal stress test", created_at=clock.now(),
        records_sent=frozenset({"Referral letter", "Office notes"})))
    clock.current = local(2026, 3, 2, 14, 30)
    services.referrals.move(referral.id, ReferralState.SENT)
    # a visit on Wednesday, and one the week after
    book = services.calendar.book
    visit, _ = book(Appointment(ann.id, doc.id, "est", local(2026, 3, 4, 10, 0), 20,
                                reason="blood pressure follow-up"), authorised_by="Dr Doyle")
    book(Appointment(ann.id, doc.id, "est", local(2026, 3, 10, 10, 0), 20, reason="next week's lipid review"),
         authorised_by="Dr Doyle")
    clock.current = local(2026, 3, 2, 15, 0)
    return History(services, ann, bob, listed=[
        (EntryKind.CALL, results_call.id, "asks about her A1c result"),
        (EntryKind.REFILL, refill.id, "Lisinopril 10 mg"),
        (EntryKind.MESSAGE, message.id, "wants the A1c result explained"),
        (EntryKind.MESSAGE, friday_message.id, "friday message about a form"),
        (EntryKind.REFERRAL, referral.id, "abnormal stress test"),
        (EntryKind.APPOINTMENT, visit.id, "blood pressure follow-up"),
    ], not_listed=["friday question about parking", "bob asks about billing", "next week's lipid review"])


@pytest.fixture
def made(services) -> History:
    return make_history(services)


def test_a_patients_history_holds_the_weeks_records_once_in_time_order(made):
    history = made.services.summaries.patient_history(made.ann.id, *WEEK)
    assert [(e.kind, e.record_id) for e in history.entries] == [(k, i) for k, i, _t in made.listed]
    assert history.patient_name == "Ann Ames" and history.date_of_birth == date(1960, 1, 1)
    assert history.counts_text == "1 call · 2 messages · 1 refill request · 1 referral · 1 visit"
    friday = history.entries[3]
    assert friday.began == local(2026, 2, 27, 15, 0) and friday.at == local(2026, 3, 2, 10, 0)
    _call, refill, message = history.entries[:3]
    assert message.outcome == "Callback done"
    assert "Called back 10:00 AM after 30 min (on time)" in message.details
    assert "taken during the call at 9:00 AM" in message.details[0]
    assert refill.outcome == "Approved"
    assert "Due 5:00 PM: pharmacy notified 11:00 AM (on time)" in refill.details
    # the Friday alone: the call of that day, and the message at its taking
    friday = date(2026, 2, 27)
    friday_only = made.services.summaries.patient_history(made.ann.id, friday, friday)
    assert [e.kind for e in friday_only.entries] == [EntryKind.CALL, EntryKind.MESSAGE]
    assert friday_only.entries[1].began is None


def test_bad_requests_name_the_field(made):
    service = made.services.summaries
    with pytest.raises(ValidationError) as caught:
        service.patient_history(9999, *WEEK)
    assert caught.value.field == "patient"
    with pytest.raises(ValidationError) as caught:
        service.patient_history(made.ann.id, date(2026, 3, 6), date(2026, 3, 2))
    assert caught.value.field == "end"
    with pytest.raises(ValidationError) as caught:
        service.activity(date(2025, 1, 1), date(2026, 3, 1))
    assert caught.value.field == "end" and "366 days" in caught.value.message


def test_the_activity_of_the_week_counts_what_the_days_made(made):
    activity = made.services.summaries.activity(*WEEK)
    calls = activity.calls
    assert calls.grain is Grain.DAY and calls.total == 2 and [b.count for b in calls.bars] == [2, 0, 0, 0, 0]
    assert calls.business_days == 1  # the week is not over: Monday so far
    messages = activity.messages  # the Friday message belongs to last week
    assert (messages.count, messages.done, messages.late, messages.median) == (1, 1, 0, timedelta(minutes=30))
    refills = activity.refills
    assert (refills.count, refills.done, refills.on_time_share, refills.median) == (
        1, 1, 1.0, timedelta(hours=1, minutes=55))
    assert [r.label for r in activity.refills_by_prescriber] == ["Dana Doyle, MD"]
    aging = activity.referrals
    assert aging.as_of == local(2026, 3, 2, 15, 0)  # the week is not over: now
    assert {row.state: row.total for row in aging.rows}[ReferralState.SENT] == 1 and aging.open == 1
    visits = activity.visits
    assert (visits.booked, visits.past, visits.upcoming) == (1, 0, 1) and visits.confirmation_rate is None


def test_last_weeks_activity_judges_the_friday_message_late(made):
    activity = made.services.summaries.activity(date(2026, 2, 23), date(2026, 2, 27))
    messages = activity.messages
    # taken Friday 3 PM, routine, due at 5 PM; called back Monday 10 AM
    assert (messages.count, messages.done, messages.late, messages.late_share) == (1, 1, 1, 1.0)
    assert activity.calls.total == 1 and activity.calls.business_days == 5
    assert activity.referrals.open == 0 and activity.referrals.as_of == local(2026, 2, 28, 0, 0)
