"""A refill or a referral started from a call names the provider the patient saw last, the same way."""

from __future__ import annotations

from datetime import UTC, date, datetime

from vma_desk.core.communications import Call, CallReason, Direction
from vma_desk.core.records import LastVisit, Patient, Phone, Role, StaffMember


def test_both_drafts_name_the_provider_seen_last_not_a_nurse_or_an_older_visit(services):
    older, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD"))
    recent, _ = services.practice.add_staff(StaffMember("Lee Lane", Role.PROVIDER, credentials="NP"))
    nurse, _ = services.practice.add_staff(StaffMember("Nia Nash", Role.CLINICAL, credentials="RN"))
    ann, _ = services.patients.create(Patient(
        "Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550142"),),
        last_visits=(LastVisit(older.id, date(2025, 11, 3)), LastVisit(recent.id, date(2026, 1, 12)),
                     LastVisit(nurse.id, date(2026, 2, 20)))))
    bob, _ = services.patients.create(Patient("Bob", "Birch", date(1970, 5, 5),
                                              phones=(Phone("3125550143"),)))

    def call_from(patient):
        call, _ = services.communications.log_call(Call(
            started_at=datetime(2026, 3, 2, 15, 10, tzinfo=UTC), direction=Direction.INBOUND,
            caller_name=patient.display_name, reason=CallReason.GENERAL, patient_id=patient.id))
        return call.id

    ann_call, bob_call = call_from(ann), call_from(bob)
    assert services.refills.draft_from_call(ann_call).prescriber_id == recent.id
    assert services.referrals.draft_from_call(ann_call).referring_provider_id == recent.id
    # no visit on record: nobody is chosen for the user
    assert services.refills.draft_from_call(bob_call).prescriber_id == 0
    assert services.referrals.draft_from_call(bob_call).referring_provider_id == 0
