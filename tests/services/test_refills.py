"""Refill requests through the service as a VMA works them. Practice in Chicago; the clock starts
Monday 2026-03-02 09:30 local."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from vma_desk.core.communications import Call, CallReason, Direction, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import LastVisit, Patient, Phone, Role, StaffMember
from vma_desk.core.refills import Decision, LabCheck, RefillRequest, RefillSource, RefillStep
from vma_desk.core.rules.refills import DueState, next_steps


@pytest.fixture
def desk(services):
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD"))
    other, _ = services.practice.add_staff(StaffMember("Omar Ortiz", Role.PROVIDER, credentials="DO"))
    vma, _ = services.practice.add_staff(StaffMember("Val Front", Role.FRONT_DESK))
    ann, _ = services.patients.create(
        Patient(
            "Ann",
            "Ames",
            date(1960, 1, 1),
            phones=(Phone("3125550142"),),
            preferred_pharmacy="Walgreens Main St",
            last_visits=(LastVisit(doc.id, date(2025, 11, 3)),),
        )
    )
    bob, _ = services.patients.create(
        Patient(
            "Bob",
            "Birch",
            date(1970, 5, 5),
            phones=(Phone("3125550143"),),
            last_visits=(LastVisit(doc.id, date(2024, 6, 1)),),
        )
    )
    return services, doc, other, vma, ann, bob


def request(patient, prescriber, **kw) -> RefillRequest:
    values = dict(
        patient_id=patient.id,
        medication="Lisinopril",
        strength="10 mg",
        quantity="90",
        pharmacy="Walgreens Main St",
        source=RefillSource.PHARMACY_FAX,
        requested_by="Walgreens",
        prescriber_id=prescriber.id,
        received_at=datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        labs=(LabCheck("Kidney function (BMP)", 12, date(2025, 11, 3)),),
    )
    values.update(kw)
    return RefillRequest(**values)


def test_a_request_meeting_the_protocol_runs_to_pickup_and_close(desk):
    services, doc, _other, _vma, ann, _bob = desk
    saved, change = services.refills.create(request(ann, doc))
    assert change.ids == (saved.id,)
    assert saved.check.passed and not saved.needs_appointment and saved.stage == "To route"
    # received 09:00 Chicago, before noon: due today at closing time
    assert saved.due_at == datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    services.refills.route(saved.id)
    assert services.refills.get(saved.id).stage == "Waiting for provider"
    services.context.clock.advance(timedelta(hours=1))
    decided, _ = services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    assert decided.decided_at == services.context.clock.now() and decided.stage == "To notify"
    for step in (
        RefillStep.PHARMACY_NOTIFIED,
        RefillStep.PATIENT_NOTIFIED,
        RefillStep.PICKED_UP,
        RefillStep.CLOSED,
    ):
        services.context.clock.advance(timedelta(minutes=10))
        services.refills.advance(saved.id, step)
    final = services.refills.get(saved.id)
    assert [e.step for e in final.events] == list(RefillStep)
    assert final.events[-1].at == services.context.clock.now()
    assert "Approved by Dana Doyle, MD" in [e.note for e in final.events]
    assert services.refills.worklist() == []
    assert services.refills.closed_on(date(2026, 3, 2)) == [final]
    assert services.refills.closed_on(date(2026, 3, 3)) == []


def test_a_protocol_failure_becomes_needs_appointment_with_its_reason(desk):
    services, doc, _other, _vma, _ann, bob = desk
    saved, _ = services.refills.create(request(bob, doc, medication="Metformin", strength="500 mg", labs=()))
    assert saved.needs_appointment and saved.stage == "Needs appointment"
    reasons = " ".join(saved.check.reasons)
    assert "no visit with Dana Doyle, MD in 12 months (last 06/01/2024)" in reasons
    assert "A1c required every 6 months: no result on record" in reasons
    assert {lab.name for lab in saved.labs} == {"A1c", "Kidney function (BMP)"}
    # the VMA finds the labs but the visit is still missing
    again, _ = services.refills.recheck(
        saved.id,
        labs=(
            LabCheck("A1c", 6, date(2026, 1, 10)),
            LabCheck("Kidney function (BMP)", 12, date(2026, 1, 10)),
        ),
        refills_remaining=0,
    )
    assert again.needs_appointment and "A1c" not in " ".join(again.check.reasons)


def test_a_decision_needs_the_provider_and_a_routed_request(desk):
    services, doc, _other, vma, ann, _bob = desk
    saved, _ = services.refills.create(request(ann, doc))
    with pytest.raises(ValidationError, match="route the request"):
        services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    services.refills.route(saved.id)
    with pytest.raises(ValidationError) as caught:
        services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=None)
    assert caught.value.field == "decided_by" and "name of the provider" in caught.value.message
    with pytest.raises(ValidationError, match="not a provider"):  # the VMA never approves
        services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=vma.id)
    with pytest.raises(ValidationError) as caught:
        services.refills.record_decision(saved.id, Decision.DENIED, decided_by_id=doc.id, note="")
    assert caught.value.field == "decision_note"
    assert services.refills.get(saved.id).decision is None  # nothing half-saved


def test_steps_out_of_order_are_refused(desk):
    services, doc, _other, _vma, ann, _bob = desk
    saved, _ = services.refills.create(request(ann, doc))
    with pytest.raises(ValidationError, match="can go on to"):
        services.refills.advance(saved.id, RefillStep.PHARMACY_NOTIFIED)
    with pytest.raises(ValidationError, match="say why"):
        services.refills.advance(saved.id, RefillStep.CLOSED)
    services.refills.advance(saved.id, RefillStep.CLOSED, note="duplicate of the fax")
    assert not services.refills.get(saved.id).is_open


def test_a_denied_request_skips_pickup(desk):
    services, doc, _other, _vma, ann, _bob = desk
    saved, _ = services.refills.create(request(ann, doc))
    services.refills.route(saved.id)
    services.refills.record_decision(
        saved.id, Decision.NEEDS_VISIT, decided_by_id=doc.id, note="BP check first"
    )
    services.refills.advance(saved.id, RefillStep.PHARMACY_NOTIFIED)
    services.refills.advance(saved.id, RefillStep.PATIENT_NOTIFIED)
    with pytest.raises(ValidationError):
        services.refills.advance(saved.id, RefillStep.PICKED_UP)
    services.refills.advance(saved.id, RefillStep.CLOSED)


def test_due_states_and_the_badge_follow_the_clock(desk):
    services, doc, _other, _vma, ann, _bob = desk
    clock = services.context.clock
    early, _ = services.refills.create(request(ann, doc))  # received 09:00: due today 17:00
    clock.advance(timedelta(hours=2, minutes=30))  # noon in Chicago
    # received at noon (not before it): due the next business day, Tuesday 17:00
    late, _ = services.refills.create(request(ann, doc, received_at=clock.now()))
    assert late.due_at == datetime(2026, 3, 3, 23, 0, tzinfo=UTC)
    assert services.refills.attention_count() == 0
    clock.advance(timedelta(hours=3, minutes=30))  # 15:30 Chicago: 1.5 h left on the early one
    rows = services.refills.worklist()
    assert [(r.request.id, r.due_state) for r in rows] == [
        (early.id, DueState.NEAR_DUE),
        (late.id, DueState.ON_TIME),
    ]
    assert services.refills.attention_count(rows) == 1
    clock.advance(timedelta(hours=2))
    assert services.refills.worklist()[0].due_state is DueState.PAST_DUE
    # once the pharmacy is told, the clock stops
    services.refills.route(early.id)
    services.refills.record_decision(early.id, Decision.APPROVED, decided_by_id=doc.id)
    services.refills.advance(early.id, RefillStep.PHARMACY_NOTIFIED)
    assert services.refills.attention_count() == 0


def test_red_flags_in_refill_notes_need_the_action_taken(desk):
    services, doc, _other, _vma, ann, _bob = desk
    with pytest.raises(ValidationError) as caught:
        services.refills.create(request(ann, doc, notes="out of pills, now has chest pain"))
    assert caught.value.field == "escalation_action"
    saved, _ = services.refills.create(
        request(
            ann, doc, notes="out of pills, now has chest pain", escalation_action="transferred to the nurse"
        )
    )
    assert saved.urgency is Urgency.EMERGENCY


def test_a_request_started_from_a_call_keeps_the_link(desk):
    services, doc, _other, _vma, ann, _bob = desk
    call, _ = services.communications.log_call(
        Call(
            started_at=datetime(2026, 3, 2, 15, 10, tzinfo=UTC),
            direction=Direction.INBOUND,
            caller_name="Ann Ames",
            reason=CallReason.REFILL,
            patient_id=ann.id,
            notes="needs her lisinopril",
        )
    )
    draft = services.refills.draft_from_call(call.id)
    assert (draft.patient_id, draft.requested_by, draft.prescriber_id, draft.pharmacy, draft.source) == (
        ann.id,
        "Ann Ames",
        doc.id,
        "Walgreens Main St",
        RefillSource.PATIENT_CALL,
    )
    saved, _ = services.refills.create(replace(draft, medication="Lisinopril"))
    assert ("refill", saved.id) in services.communications.links(call.id)


def test_the_protocol_is_configurable(desk):
    services, doc, _other, _vma, ann, _bob = desk
    with pytest.raises(ValidationError, match="medication: lab, months"):
        services.refills.save_protocol(visit_months=12, lab_rules=["lisinopril BMP 12"])
    services.refills.save_protocol(visit_months=3, lab_rules=["lisinopril: Potassium, 6"])
    saved, _ = services.refills.create(request(ann, doc, labs=()))
    assert [lab.name for lab in saved.labs] == ["Potassium"]
    assert "no visit with Dana Doyle, MD in 3 months" in " ".join(saved.check.reasons)


def test_an_approval_must_reach_the_pharmacy_before_the_clock_stops_or_pickup(desk):
    services, doc, _other, _vma, ann, _bob = desk
    saved, _ = services.refills.create(request(ann, doc))
    services.refills.route(saved.id)
    services.refills.record_decision(saved.id, Decision.APPROVED, decided_by_id=doc.id)
    with pytest.raises(ValidationError, match="pharmacy notified"):
        services.refills.advance(saved.id, RefillStep.PATIENT_NOTIFIED)
    assert services.refills.get(saved.id).clock_running
    # a denial may go to the patient alone; the clock stops once they are told
    other, _ = services.refills.create(request(ann, doc, source=RefillSource.PATIENT_CALL))
    services.refills.route(other.id)
    services.refills.record_decision(other.id, Decision.NEEDS_VISIT, decided_by_id=doc.id)
    assert services.refills.get(other.id).clock_running
    told, _ = services.refills.advance(other.id, RefillStep.PATIENT_NOTIFIED)
    assert not told.clock_running and RefillStep.PICKED_UP not in next_steps(told)


def test_every_step_is_audited_without_values(desk):
    services, doc, _other, _vma, ann, _bob = desk
    saved, _ = services.refills.create(request(ann, doc, notes="wants 90 days"))
    services.refills.route(saved.id)
    services.refills.record_decision(saved.id, Decision.DENIED, decided_by_id=doc.id, note="stop the med")
    entries = [e for e in services.audit.page() if e.record_type == "refill"]
    assert [e.detail for e in reversed(entries)] == ["protocol passed", "step: routed", "decision: denied"]
    assert all(e.record_id == str(saved.id) and e.user == "tester@desk" for e in entries)
    for entry in entries:
        for value in ("Lisinopril", "Walgreens", "90 days", "stop the med", "Ames"):
            assert value not in entry.detail


def test_a_recheck_reads_only_the_chart_facts(desk):
    services, doc, _other, _vma, _ann, bob = desk
    saved, _ = services.refills.create(request(bob, doc, labs=()))
    # a red-flag phrase list edited after the request was saved does not block the re-check
    services.communications.settings.set("escalation.phrases", "lisinopril")
    again, _ = services.refills.recheck(saved.id, labs=(), refills_remaining=3)
    assert again.refills_remaining == 3 and again.check.notes == ("3 refill(s) remain at the pharmacy",)
    with pytest.raises(ValidationError) as caught:
        services.refills.recheck(
            saved.id, labs=(LabCheck("Kidney function (BMP)", 12, date(2027, 1, 1)),), refills_remaining=0
        )
    assert caught.value.field == "labs"
