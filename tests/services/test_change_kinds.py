"""Every `Change` the services return names its kind with a `RecordKind` member, never a bare word
(issue 13 item 4): a day's work through the services, with `Change` watched as it is made."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from tests.conftest import signed_in
from vma_desk.core.calendar import Appointment, Block, BlockKind, WaitlistEntry
from vma_desk.core.communications import Call, CallReason, Direction, Message, MessageState
from vma_desk.core.records import (
    AuditAction,
    Change,
    LastVisit,
    Patient,
    Phone,
    Practice,
    RecordKind,
    Role,
    Shift,
    StaffMember,
)
from vma_desk.core.referrals import PriorAuth, PriorAuthKind, Referral
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.core.rules.callbacks import CallbackPolicy
from vma_desk.core.rules.referrals import AgingPolicy

HOURS = tuple(Shift(d, time(8), time(17)) for d in range(5))


@pytest.fixture(name="made")
def made_fixture(monkeypatch):
    """The type of each kind as the caller passed it to `Change` (nothing converts it)."""
    passed: list[type] = []
    init = Change.__init__

    def watch(self: Change, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)
        passed.append(type(self.kind))

    monkeypatch.setattr(Change, "__init__", watch)
    return passed


def test_every_change_the_services_return_names_a_record_kind(services, made):
    changes: dict[str, Change] = {}

    def keep(what: str, result):
        parts = result if isinstance(result, tuple) else (result,)
        changes[what] = next(r for r in parts if isinstance(r, Change))
        return result

    signed_in(services, "Vera Voss")
    user = services.users.current()
    keep("user", services.users.reset_pin(user.id, "246810"))
    keep("practice", services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago")))
    doc, _ = keep("staff", services.practice.add_staff(
        StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD", working_hours=HOURS)))
    nurse, _ = services.practice.add_staff(StaffMember("Nora Nurse", Role.CLINICAL))
    pat, _ = keep("patient", services.patients.create(Patient(
        "Philippa", "Quarrington", date(1958, 7, 19), phones=(Phone("(312) 555-0177"),),
        last_visits=(LastVisit(doc.id, date(2025, 11, 3)),))))
    now = services.context.clock.now()
    call, _ = keep("call", services.communications.log_call(Call(
        started_at=now, direction=Direction.INBOUND, reason=CallReason.REFILL, caller_name="Philippa Q",
        number="3125550177", patient_id=pat.id)))
    message, _ = keep("message", services.communications.take_message(Message(
        caller_name="Philippa Q", contact_number="3125550177", reason="wants a callback",
        recipient_id=nurse.id, patient_id=pat.id, created_at=now)))
    keep("message advanced", services.communications.advance(message.id, MessageState.DELIVERED))
    keep("messages setting", services.communications.save_settings(
        red_flags=["crushing chest pain"], step="Call 911 first", policy=CallbackPolicy(5, 45, time(17))))
    booked, _ = keep("appointment", services.calendar.book(Appointment(
        patient_id=pat.id, provider_id=doc.id, type_code="est", start=datetime(2026, 3, 3, 15, tzinfo=UTC),
        minutes=20, reason="follow-up")))
    keep("call linked", services.communications.link_call(call.id, RecordKind.APPOINTMENT, booked.id))
    types = services.calendar.types(include_inactive=True)
    keep("appointment types", services.calendar.save_settings(types, 36))
    block, _ = keep("block", services.calendar.add_block(Block(
        provider_id=doc.id, kind=BlockKind.LUNCH, title="Lunch", start=datetime(2026, 3, 2, 12), minutes=60,
        rrule="FREQ=WEEKLY;BYDAY=MO")))
    keep("block removed", services.calendar.remove_block(block.id))
    entry, _ = keep("waitlist", services.calendar.add_to_waitlist(WaitlistEntry(pat.id, "est", now)))
    keep("waitlist removed", services.calendar.remove_from_waitlist(entry.id))
    keep("refill", services.refills.create(RefillRequest(
        patient_id=pat.id, medication="Lisinopril", strength="10 mg", quantity="90", pharmacy="Walgreens",
        source=RefillSource.PHARMACY_FAX, requested_by="Walgreens", prescriber_id=doc.id, received_at=now)))
    keep("refill protocol", services.refills.save_protocol(visit_months=9, lab_rules=["Metformin: A1c, 6"]))
    keep("referral", services.referrals.create(Referral(
        patient_id=pat.id, referring_provider_id=doc.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="stress test", records_sent=frozenset({"Referral letter"}),
        created_at=now)))
    keep("prior auth", services.referrals.add_prior_auth(PriorAuth(
        patient_id=pat.id, kind=PriorAuthKind.IMAGING, payer="Blue Cross", service="MRI",
        submitted_on=date(2026, 3, 2), follow_up_on=date(2026, 3, 9))))
    keep("aging policy", services.referrals.save_aging_policy(AgingPolicy(routine_days=11, urgent_days=3,
                                                                          emergency_days=1)))
    keep("patient updated", services.patients.update(replace(pat, notes="prefers mornings")))
    keep("handoff", services.handoff.end_shift("Ms Q's MRI is pending."))

    assert made and set(made) == {RecordKind}  # every service passed a member, not a word
    assert all(isinstance(c.kind, RecordKind) for c in changes.values())
    assert {what: c.kind for what, c in changes.items()} == {
        "user": RecordKind.USER, "practice": RecordKind.PRACTICE, "staff": RecordKind.STAFF,
        "patient": RecordKind.PATIENT, "call": RecordKind.CALL, "message": RecordKind.MESSAGE,
        "message advanced": RecordKind.MESSAGE, "messages setting": RecordKind.SETTING,
        "appointment": RecordKind.APPOINTMENT, "call linked": RecordKind.CALL,
        "appointment types": RecordKind.APPOINTMENT_TYPE, "block": RecordKind.SCHEDULE_BLOCK,
        "block removed": RecordKind.SCHEDULE_BLOCK, "waitlist": RecordKind.WAITLIST,
        "waitlist removed": RecordKind.WAITLIST, "refill": RecordKind.REFILL,
        "refill protocol": RecordKind.SETTING, "referral": RecordKind.REFERRAL,
        "prior auth": RecordKind.PRIOR_AUTH, "aging policy": RecordKind.SETTING,
        "patient updated": RecordKind.PATIENT, "handoff": RecordKind.HANDOFF,
    }
    assert {c.origin for c in changes.values()} == {""}  # the services leave the origin to their caller
    # the audit trail still stores the words it always did
    stored = {(e.action, e.record_type) for e in services.audit.page(0, 500)}
    assert {(AuditAction.CREATE, "prior_auth"), (AuditAction.CREATE, "call"),
            (AuditAction.UPDATE, "call")} <= stored
    assert services.audit.verify().ok  # the MACs made when writing hold for the words read back
    assert services.communications.links(call.id) == [("appointment", booked.id)]
