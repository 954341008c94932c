"""Who did what, as a practice with two signed-in users sees it afterwards: each one's changes carry
their name in the audit trail and in the records' "by" fields; where the VMA records someone else's
act (a nurse acknowledged, a provider decided, a manager authorised), the record keeps both. Practice
in Chicago; the clock starts Monday 2026-03-02 09:30 local."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import Message, MessageState
from vma_desk.core.records import (
    ContactMethod,
    LastVisit,
    Patient,
    Phone,
    Role,
    RouteCategory,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.core.refills import Decision, RefillRequest, RefillSource, RefillStep
from vma_desk.core.users import UserRole


@pytest.fixture
def office(services):
    """Ann Lee, the practice manager (first user), adds Ben Ortiz, a VMA; both can sign in."""
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    nurse, _ = services.practice.add_staff(StaffMember(
        "Nora Nurse", Role.CLINICAL, credentials="RN",
        receives=frozenset({RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS})))
    pat, _ = services.patients.create(Patient("Pat", "Page", date(1960, 1, 1), phones=(Phone("3125550142"),),
                                              last_visits=(LastVisit(doc.id, date(2025, 11, 3)),)))
    ann, _ = services.users.create_first("Ann Lee", "135790")
    ben, _ = services.users.add("Ben Ortiz", UserRole.VMA, "246802")
    return services, ann, ben, doc, nurse, pat


def take_message(services, nurse) -> Message:
    saved, _ = services.communications.take_message(Message(
        caller_name="Pat Page", contact_number="3125550142", reason="asks about her lab result",
        recipient_id=nurse.id, created_at=services.context.clock.now()))
    return saved


def test_each_users_changes_carry_their_name_in_the_audit_trail_and_the_records(office):
    services, ann, ben, _doc, nurse, _pat = office
    by_ann = take_message(services, nurse)
    services.communications.advance(by_ann.id, MessageState.DELIVERED)
    assert services.context.user == "Ann Lee"
    entry = services.audit.page()[0]
    assert (entry.user, entry.user_id, entry.record_type) == ("Ann Lee", ann.id, "message")
    assert entry.workstation == services.context.workstation != ""

    services.users.sign_in(ben.id, "246802")
    services.context.clock.advance(timedelta(minutes=5))
    by_ben = take_message(services, nurse)
    services.communications.advance(by_ben.id, MessageState.DELIVERED)
    entry = services.audit.page()[0]
    assert (entry.user, entry.user_id, entry.record_type, entry.detail) == (
        "Ben Ortiz", ben.id, "message", "state: delivered")
    assert entry.workstation == services.context.workstation

    first = services.communications.get_message(by_ann.id).events
    second = services.communications.get_message(by_ben.id).events
    assert [(e.state, e.by, e.recorded_by) for e in first] == [
        (MessageState.NEW, "Ann Lee", ""), (MessageState.DELIVERED, "Ann Lee", "")]
    assert [(e.state, e.by, e.recorded_by) for e in second] == [
        (MessageState.NEW, "Ben Ortiz", ""), (MessageState.DELIVERED, "Ben Ortiz", "")]
    # typing one's own name (any spacing or case) is not "someone else's act"
    services.communications.advance(by_ben.id, MessageState.ACKNOWLEDGED, by="  ben   ORTIZ ")
    acked = services.communications.get_message(by_ben.id).events[-1]
    assert (acked.by, acked.recorded_by) == ("Ben Ortiz", "")


def test_a_nurses_acknowledgement_recorded_by_the_vma_keeps_both(office):
    services, _ann, ben, _doc, nurse, _pat = office
    services.users.sign_in(ben.id, "246802")
    message = take_message(services, nurse)
    services.communications.advance(message.id, MessageState.DELIVERED)
    services.communications.advance(message.id, MessageState.ACKNOWLEDGED, by="Nurse Joy")
    events = services.communications.get_message(message.id).events  # as stored, read back
    assert [(e.state, e.by, e.recorded_by) for e in events] == [
        (MessageState.NEW, "Ben Ortiz", ""),
        (MessageState.DELIVERED, "Ben Ortiz", ""),
        (MessageState.ACKNOWLEDGED, "Nurse Joy", "Ben Ortiz"),
    ]
    entry = services.audit.page()[0]
    assert (entry.user, entry.user_id, entry.detail) == ("Ben Ortiz", ben.id, "state: acknowledged")


def test_a_refill_decision_is_the_providers_recorded_by_the_vma(office):
    services, _ann, ben, doc, _nurse, pat = office
    services.users.sign_in(ben.id, "246802")
    saved, _ = services.refills.create(RefillRequest(
        patient_id=pat.id, medication="Lisinopril", strength="10 mg", quantity="90",
        pharmacy="Walgreens Main St", source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
        prescriber_id=doc.id, received_at=datetime(2026, 3, 2, 15, 0, tzinfo=UTC)))
    services.refills.route(saved.id)
    services.context.clock.advance(timedelta(hours=1))
    services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    services.refills.advance(saved.id, RefillStep.PHARMACY_NOTIFIED)
    services.refills.advance(saved.id, RefillStep.PATIENT_NOTIFIED, by="Nora Nurse")
    request = services.refills.get(saved.id)
    assert request.decided_by_id == doc.id
    assert [(e.step, e.by, e.recorded_by) for e in request.events] == [
        (RefillStep.RECEIVED, "Ben Ortiz", ""),
        (RefillStep.CHECKED, "Ben Ortiz", ""),
        (RefillStep.ROUTED, "Ben Ortiz", ""),
        (RefillStep.DECIDED, "Dana Doyle, MD", "Ben Ortiz"),
        (RefillStep.PHARMACY_NOTIFIED, "Ben Ortiz", ""),
        (RefillStep.PATIENT_NOTIFIED, "Nora Nurse", "Ben Ortiz"),
    ]
    decided = [e for e in services.audit.page() if e.detail == "decision: approved"]
    assert [(e.user, e.user_id) for e in decided] == [("Ben Ortiz", ben.id)]


def test_a_referral_move_names_who_made_it_and_who_recorded_it(office):
    services, _ann, ben, doc, _nurse, pat = office
    services.users.sign_in(ben.id, "246802")
    saved, _ = services.referrals.create(Referral(
        patient_id=pat.id, referring_provider_id=doc.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="abnormal stress test",
        records_sent=frozenset({"Referral letter"}), created_at=datetime(2026, 3, 2, 15, 30, tzinfo=UTC)))
    services.referrals.move(saved.id, ReferralState.SENT)
    services.referrals.move(saved.id, ReferralState.DECLINED, note="patient prefers to wait",
                            by="Dr Heart's office")
    events = services.referrals.get(saved.id).events
    assert [(e.state, e.by, e.recorded_by) for e in events] == [
        ("draft", "Ben Ortiz", ""), ("sent", "Ben Ortiz", ""), ("declined", "Dr Heart's office", "Ben Ortiz")]


def test_a_schedule_change_keeps_who_entered_it_and_who_authorised_it(office):
    services, ann, ben, doc, _nurse, pat = office
    start = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # Wednesday 9:00 Chicago
    booked, _ = services.calendar.book(Appointment(patient_id=pat.id, provider_id=doc.id, type_code="est",
                                                   start=start, minutes=20))
    stored = services.calendar.get(booked.id)
    assert (stored.entered_by, stored.authorised_by) == ("Ann Lee", "Ann Lee")  # her own decision

    services.users.sign_in(ben.id, "246802")
    services.calendar.reschedule(booked.id, start=start + timedelta(hours=1), authorised_by="Ann Lee")
    moved = services.calendar.get(booked.id)
    assert (moved.entered_by, moved.authorised_by) == ("Ben Ortiz", "Ann Lee")
    entry = services.audit.page()[0]
    assert (entry.user, entry.user_id, entry.detail) == ("Ben Ortiz", ben.id, "rescheduled; authorised")

    services.users.sign_in(ann.id, "135790")
    services.calendar.set_status(booked.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    assert services.calendar.get(booked.id).entered_by == "Ann Lee"

    services.users.sign_in(ben.id, "246802")
    services.calendar.cancel(booked.id, reason="patient is travelling", authorised_by="Dr Doyle")
    cancelled = services.calendar.get(booked.id)
    assert (cancelled.status, cancelled.entered_by, cancelled.authorised_by) == (
        VisitStatus.CANCELLED, "Ben Ortiz", "Dr Doyle")
    assert (services.audit.page()[0].user, services.audit.page()[0].user_id) == ("Ben Ortiz", ben.id)
