"""Referrals and prior authorisations through the service. Practice in Chicago; the clock starts
Monday 2026-03-02 09:30 local."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from vma_desk.core.communications import Call, CallReason, Direction, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Insurance, LastVisit, Patient, Phone, PlanType, Role, StaffMember
from vma_desk.core.referrals import Flag, PriorAuth, PriorAuthKind, PriorAuthStatus, Referral, ReferralState
from vma_desk.core.rules.referrals import AgingPolicy


@pytest.fixture
def desk(services):
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD"))
    ann, _ = services.patients.create(
        Patient(
            "Ann",
            "Ames",
            date(1960, 1, 1),
            phones=(Phone("3125550142"),),
            insurance=Insurance("Blue Cross", "XJ100200", PlanType.HMO),
            last_visits=(LastVisit(doc.id, date(2026, 2, 1)),),
        )
    )
    bob, _ = services.patients.create(
        Patient(
            "Bob",
            "Birch",
            date(1970, 5, 5),
            phones=(Phone("3125550143"),),
            insurance=Insurance("Aetna", "A9001234", PlanType.PPO),
        )
    )
    return services, doc, ann, bob


def referral(patient, doc, **kw) -> Referral:
    values = dict(
        patient_id=patient.id,
        referring_provider_id=doc.id,
        specialty="Cardiology",
        specialist_office="Heart Partners",
        specialist_contact="(312) 555-0199",
        reason="abnormal stress test",
        created_at=datetime(2026, 3, 2, 15, 30, tzinfo=UTC),
        records_sent=frozenset({"Referral letter", "Office notes"}),
    )
    values.update(kw)
    return Referral(**values)


def submit(services, patient, kind, service, submitted_on, follow_up_on):
    """A prior authorisation submitted to the patient's payer (Blue Cross)."""
    return services.referrals.add_prior_auth(
        PriorAuth(
            patient_id=patient.id,
            kind=kind,
            payer="Blue Cross",
            service=service,
            submitted_on=submitted_on,
            follow_up_on=follow_up_on,
        )
    )


def test_a_referral_runs_from_draft_to_the_report_and_closes(desk):
    services, doc, _ann, bob = desk
    saved, _ = services.referrals.create(referral(bob, doc))
    assert saved.state is ReferralState.DRAFT and not saved.auth_required
    assert saved.specialist_contact == "+13125550199"
    clock = services.context.clock
    visit = datetime(2026, 3, 7, 14, 0, tzinfo=UTC)
    for state, kw in (
        (ReferralState.SENT, {}),
        (ReferralState.SCHEDULED, {"appointment_at": visit}),
        (ReferralState.SEEN, {}),
        (ReferralState.REPORT_RECEIVED, {}),
        (ReferralState.CLOSED, {}),
    ):
        clock.advance(timedelta(days=2))
        services.referrals.move(saved.id, state, **kw)
    final = services.referrals.get(saved.id)
    assert [e.state for e in final.events] == [
        s.value
        for s in (
            ReferralState.DRAFT,
            ReferralState.SENT,
            ReferralState.SCHEDULED,
            ReferralState.SEEN,
            ReferralState.REPORT_RECEIVED,
            ReferralState.CLOSED,
        )
    ]
    assert final.appointment_at == visit and final.events[-1].by == "tester@desk"
    assert services.referrals.worklist() == []


def test_closing_without_a_report_needs_an_override_reason(desk):
    services, doc, _ann, bob = desk
    saved, _ = services.referrals.create(referral(bob, doc))
    services.referrals.move(saved.id, ReferralState.SENT)
    with pytest.raises(ValidationError) as caught:
        services.referrals.move(saved.id, ReferralState.CLOSED)
    assert caught.value.field == "note" and "override reason" in caught.value.message
    assert services.referrals.get(saved.id).state is ReferralState.SENT
    closed, _ = services.referrals.move(saved.id, ReferralState.CLOSED, note="patient moved out of state")
    assert closed.events[-1].note == "closed without a consult report: patient moved out of state"
    assert services.audit.page()[0].detail == "state: closed; override"
    with pytest.raises(ValidationError, match="already closed"):
        services.referrals.move(saved.id, ReferralState.SENT)


def test_illegal_moves_say_what_is_missing(desk):
    services, doc, ann, _bob = desk
    saved, _ = services.referrals.create(referral(ann, doc, records_sent=frozenset()))
    assert saved.auth_required  # HMO
    with pytest.raises(ValidationError, match="tick the records"):
        services.referrals.move(saved.id, ReferralState.SENT)
    services.referrals.update(replace(saved, records_sent=frozenset({"Referral letter"})))
    services.referrals.move(saved.id, ReferralState.SENT)
    with pytest.raises(ValidationError, match="can go on to"):
        services.referrals.move(saved.id, ReferralState.REPORT_RECEIVED)
    with pytest.raises(ValidationError) as caught:
        services.referrals.move(
            saved.id, ReferralState.SCHEDULED, appointment_at=datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
        )
    assert caught.value.field == "auth_number"


def test_stuck_and_expiring_flags_appear_as_time_passes(desk):
    services, doc, ann, bob = desk
    clock = services.context.clock
    routine, _ = services.referrals.create(referral(bob, doc))
    urgent, _ = services.referrals.create(
        referral(ann, doc, urgency=Urgency.URGENT, auth_number="AUTH-77", auth_valid_until=date(2026, 3, 31))
    )
    assert services.referrals.attention_count() == 0
    clock.advance(timedelta(days=3, hours=1))  # urgent: 3 days without movement
    rows = {row.referral.id: row for row in services.referrals.worklist()}
    assert rows[urgent.id].flags == (Flag.STUCK,) and rows[routine.id].flags == ()
    assert rows[urgent.id].days_in_state == 3
    clock.advance(timedelta(days=14))  # 2026-03-19: the authorisation ends within 14 days
    rows = {row.referral.id: row for row in services.referrals.worklist()}
    assert rows[urgent.id].flags == (Flag.STUCK, Flag.AUTH_EXPIRING) and rows[routine.id].flags == (
        Flag.STUCK,
    )
    services.referrals.move(routine.id, ReferralState.SENT)  # movement clears "stuck"
    rows = {row.referral.id: row for row in services.referrals.worklist()}
    assert rows[routine.id].flags == ()
    services.referrals.save_aging_policy(AgingPolicy(routine_days=30, urgent_days=30, emergency_days=1))
    assert {row.referral.id: row.flags for row in services.referrals.worklist()}[urgent.id] == (
        Flag.AUTH_EXPIRING,
    )


def test_prior_authorisations_follow_the_payer(desk):
    services, _doc, ann, _bob = desk
    clock = services.context.clock
    auth, _ = submit(
        services, ann, PriorAuthKind.PROCEDURE, "Cardiac MRI", date(2026, 3, 2), date(2026, 3, 6)
    )
    assert services.referrals.prior_auths()[0].flags == ()
    clock.advance(timedelta(days=5))
    assert services.referrals.prior_auths()[0].flags == (Flag.FOLLOW_UP_OVERDUE,)
    with pytest.raises(ValidationError) as caught:
        services.referrals.update_prior_auth(replace(auth, status=PriorAuthStatus.APPROVED))
    assert caught.value.field == "auth_number"
    with pytest.raises(ValidationError) as caught:
        services.referrals.update_prior_auth(replace(auth, status=PriorAuthStatus.DENIED))
    assert caught.value.field == "denial_reason"
    denied, _ = services.referrals.update_prior_auth(
        replace(auth, status=PriorAuthStatus.DENIED, denial_reason="not medically necessary")
    )
    appeal, _ = services.referrals.update_prior_auth(
        replace(denied, status=PriorAuthStatus.APPEAL, follow_up_on=date(2026, 3, 16))
    )
    approved, _ = services.referrals.update_prior_auth(
        replace(
            appeal,
            status=PriorAuthStatus.APPROVED,
            auth_number="PA-1",
            valid_from=date(2026, 3, 9),
            valid_until=date(2026, 3, 20),
        )
    )
    assert [e.state for e in approved.events] == ["pending", "denied", "appeal", "approved"]
    # a procedure's approval ending soon is watched like a medication's (issue 12, item 12)
    assert services.referrals.prior_auths()[0].flags == (Flag.AUTH_EXPIRING,)
    with pytest.raises(ValidationError):
        services.referrals.update_prior_auth(replace(approved, status=PriorAuthStatus.PENDING))


def approved_medication(services, patient, *, submitted: date, until: date) -> PriorAuth:
    auth, _ = submit(
        services,
        patient,
        PriorAuthKind.MEDICATION,
        "Semaglutide 1 mg",
        submitted,
        submitted + timedelta(days=5),
    )
    approved, _ = services.referrals.update_prior_auth(
        replace(
            auth, status=PriorAuthStatus.APPROVED, auth_number="PA-7", valid_from=submitted, valid_until=until
        )
    )
    return approved


def test_a_medication_approval_ending_soon_is_flagged_until_a_renewal_is_submitted(desk):
    services, _doc, ann, _bob = desk
    old = approved_medication(services, ann, submitted=date(2026, 2, 2), until=date(2026, 3, 10))
    assert [(r.auth.id, r.flags) for r in services.referrals.prior_auths()] == [
        (old.id, (Flag.AUTH_EXPIRING,))
    ]
    renewal, _ = submit(
        services, ann, PriorAuthKind.MEDICATION, "semaglutide 1 MG", date(2026, 3, 2), date(2026, 3, 9)
    )
    flags = {r.auth.id: r.flags for r in services.referrals.prior_auths()}
    assert flags == {old.id: (), renewal.id: ()}


def test_a_referral_started_from_a_call_keeps_the_link(desk):
    services, doc, ann, _bob = desk
    call, _ = services.communications.log_call(
        Call(
            started_at=datetime(2026, 3, 2, 15, 10, tzinfo=UTC),
            direction=Direction.INBOUND,
            caller_name="Ann Ames",
            reason=CallReason.GENERAL,
            patient_id=ann.id,
            notes="asks for a dermatology referral",
        )
    )
    draft = services.referrals.draft_from_call(call.id)
    assert (draft.patient_id, draft.referring_provider_id, draft.auth_required) == (ann.id, doc.id, True)
    saved, _ = services.referrals.create(replace(draft, specialty="Dermatology", specialist_office="Skin MD"))
    assert ("referral", saved.id) in services.communications.links(call.id)


def test_a_follow_up_note_without_a_new_status_is_kept_in_the_history(desk):
    services, _doc, ann, _bob = desk
    auth, _ = submit(
        services, ann, PriorAuthKind.MEDICATION, "Semaglutide", date(2026, 3, 2), date(2026, 3, 6)
    )
    services.context.clock.advance(timedelta(days=4))
    later, _ = services.referrals.update_prior_auth(
        replace(auth, follow_up_on=date(2026, 3, 10)), note="payer: still in clinical review"
    )
    assert later.status is PriorAuthStatus.PENDING and later.follow_up_on == date(2026, 3, 10)
    assert [(e.state, e.note) for e in later.events][-1] == ("pending", "payer: still in clinical review")


def test_a_draft_is_cancelled_not_closed(desk):
    services, doc, _ann, bob = desk
    saved, _ = services.referrals.create(referral(bob, doc))
    with pytest.raises(ValidationError, match="cancelled, not closed"):
        services.referrals.move(saved.id, ReferralState.CLOSED, note="never needed")
    services.referrals.move(saved.id, ReferralState.CANCELLED, note="patient declined before sending")
    assert not services.referrals.get(saved.id).is_open


def test_a_booked_visit_is_not_stuck_until_it_is_past(desk):
    services, doc, _ann, bob = desk
    clock = services.context.clock
    saved, _ = services.referrals.create(referral(bob, doc, urgency=Urgency.URGENT))
    services.referrals.move(saved.id, ReferralState.SENT)
    visit = clock.now() + timedelta(days=20)
    services.referrals.move(saved.id, ReferralState.SCHEDULED, appointment_at=visit)
    services.referrals.mark_patient_told(saved.id, "phone")
    clock.advance(timedelta(days=10))
    [row] = services.referrals.worklist()
    assert row.flags == () and row.days_in_state == 10
    with pytest.raises(ValidationError, match="has not happened yet"):
        services.referrals.move(saved.id, ReferralState.SEEN)
    clock.advance(timedelta(days=14))  # the visit was 4 days ago and nobody marked it seen
    assert services.referrals.worklist()[0].flags == (Flag.STUCK,)
    # back to sent: the visit is off
    back, _ = services.referrals.move(saved.id, ReferralState.SENT, note="specialist cancelled")
    assert back.appointment_at is None
    with pytest.raises(ValidationError) as caught:
        services.referrals.move(saved.id, ReferralState.SCHEDULED)
    assert caught.value.field == "appointment_at"


def test_a_visit_after_the_authorisation_ends_is_refused(desk):
    services, doc, ann, _bob = desk
    saved, _ = services.referrals.create(
        referral(ann, doc, auth_number="AUTH-9", auth_valid_until=date(2026, 3, 20))
    )
    services.referrals.move(saved.id, ReferralState.SENT)
    with pytest.raises(ValidationError, match="after the authorisation ends"):
        services.referrals.move(
            saved.id, ReferralState.SCHEDULED, appointment_at=datetime(2026, 4, 8, 15, tzinfo=UTC)
        )
    services.referrals.move(
        saved.id, ReferralState.SCHEDULED, appointment_at=datetime(2026, 3, 20, 15, tzinfo=UTC)
    )


def test_days_in_state_are_practice_calendar_days(desk):
    services, doc, _ann, bob = desk
    clock = services.context.clock
    clock.advance(timedelta(hours=6, minutes=30))  # 4 pm in Chicago
    services.referrals.create(referral(bob, doc))
    clock.advance(timedelta(hours=17))  # 9 am the next day
    assert services.referrals.worklist()[0].days_in_state == 1


def test_a_denied_authorisation_stays_listed_for_an_appeal(desk):
    services, _doc, ann, _bob = desk
    clock = services.context.clock
    auth, _ = submit(services, ann, PriorAuthKind.PROCEDURE, "MRI", date(2026, 3, 2), date(2026, 3, 6))
    clock.advance(timedelta(days=40))
    services.referrals.update_prior_auth(
        replace(auth, status=PriorAuthStatus.DENIED, denial_reason="not covered")
    )
    assert [row.auth.id for row in services.referrals.prior_auths()] == [auth.id]
    clock.advance(timedelta(days=31))
    assert services.referrals.prior_auths() == []


def test_edits_are_audited_with_field_names(desk):
    services, doc, ann, _bob = desk
    saved, _ = services.referrals.create(referral(ann, doc))
    services.referrals.update(replace(saved, auth_number="AUTH-1", auth_valid_until=date(2026, 6, 1)))
    assert services.audit.page()[0].detail == "fields: auth_number, auth_valid_until"


def test_the_default_follow_up_falls_on_a_business_day(desk):
    services, *_ = desk
    assert services.referrals.default_follow_up(date(2026, 3, 2)) == date(2026, 3, 9)  # Sat 7th → Mon 9th
    assert services.referrals.default_follow_up(date(2026, 3, 4)) == date(2026, 3, 9)


# --- issue 12, item 12: every authorisation that can run out is watched --------------------------
def approved_procedure(services, patient, kind=PriorAuthKind.PROCEDURE, service="Knee arthroscopy", **kw):
    auth, _ = submit(services, patient, kind, service, date(2026, 2, 2), date(2026, 2, 9))
    values = dict(status=PriorAuthStatus.APPROVED, auth_number="PA-31", valid_from=date(2026, 2, 5),
                  valid_until=date(2026, 3, 12))
    values.update(kw)
    approved, _ = services.referrals.update_prior_auth(replace(auth, **values))
    return approved


@pytest.mark.parametrize("kind", [PriorAuthKind.PROCEDURE, PriorAuthKind.IMAGING])
def test_a_procedure_or_imaging_approval_ending_in_10_days_is_flagged_until_done(desk, kind):
    services, _doc, ann, _bob = desk
    auth = approved_procedure(services, ann, kind)
    assert [(r.auth.id, r.flags) for r in services.referrals.prior_auths()] == [
        (auth.id, (Flag.AUTH_EXPIRING,))]
    done, _ = services.referrals.update_prior_auth(replace(auth, service_done_on=date(2026, 3, 2)))
    assert done.service_done_on == date(2026, 3, 2)
    assert [r.flags for r in services.referrals.prior_auths()] == [()]
    assert (done.events[-1].state, done.events[-1].note, done.events[-1].by) == (
        "service_done", "done 03/02/2026", "tester@desk")
    entry = services.audit.page()[0]
    assert (entry.user, entry.record_type, entry.record_id, entry.detail) == (
        "tester@desk", "prior_auth", str(auth.id), "fields: service_done_on")


def test_a_renewal_pointing_at_the_old_approval_stops_its_flag(desk):
    services, _doc, ann, _bob = desk
    old = approved_procedure(services, ann, PriorAuthKind.IMAGING, "MRI lumbar spine")
    renewal, _ = services.referrals.add_prior_auth(replace(
        old, id=None, status=PriorAuthStatus.PENDING, auth_number="", valid_from=None, valid_until=None,
        service="MRI L-spine w/o contrast", submitted_on=date(2026, 3, 2), follow_up_on=date(2026, 3, 9),
        renewal_of=old.id, events=()))
    assert services.referrals.get_prior_auth(renewal.id).renewal_of == old.id
    assert renewal.events[0].note == "submitted as a renewal of PA-31"
    assert services.audit.page()[0].detail == "imaging; renewal"
    flags = {r.auth.id: r.flags for r in services.referrals.prior_auths()}
    assert flags == {old.id: (), renewal.id: ()}
    assert services.referrals.prior_auth_row(old).flags == ()
    with pytest.raises(ValidationError) as caught:  # a renewal of another patient's authorisation
        services.referrals.add_prior_auth(replace(renewal, id=None, patient_id=_bob.id, events=()))
    assert caught.value.field == "renewal_of"


def test_visits_used_are_recorded_audited_and_flagged_when_nearly_used_up(desk):
    services, _doc, ann, _bob = desk
    auth = approved_procedure(services, ann, service="Physical therapy", units_authorised=10,
                              unit_label="Visits", valid_until=date(2026, 6, 30))
    assert auth.unit_label == "visits"
    used, _ = services.referrals.update_prior_auth(replace(auth, units_used=7))
    assert services.referrals.get_prior_auth(auth.id).units_used == 7
    assert services.referrals.prior_auths()[0].flags == ()
    used, _ = services.referrals.update_prior_auth(replace(used, units_used=9))
    assert [e.note for e in used.events][-2:] == ["7 of 10 visits used", "9 of 10 visits used"]
    assert services.referrals.prior_auths()[0].flags == (Flag.UNITS_LOW,)
    entry = services.audit.page()[0]
    assert (entry.user, entry.detail) == ("tester@desk", "fields: units_used")
    with pytest.raises(ValidationError) as caught:
        services.referrals.update_prior_auth(replace(used, units_used=11))
    assert caught.value.field == "units_used"
    assert services.referrals.get_prior_auth(auth.id).units_used == 9


# --- issue 12, item 15: a referral's "patient told" step -----------------------------------------
def test_telling_the_patient_is_a_recorded_audited_step_that_clears_the_flag(desk):
    services, doc, _ann, bob = desk
    saved, _ = services.referrals.create(referral(bob, doc))
    services.referrals.move(saved.id, ReferralState.SENT)
    visit = datetime(2026, 3, 12, 15, 0, tzinfo=UTC)
    services.referrals.move(saved.id, ReferralState.SCHEDULED, appointment_at=visit)
    [row] = services.referrals.worklist()
    assert Flag.PATIENT_NOT_TOLD in row.flags
    services.context.clock.advance(timedelta(minutes=20))
    told, _ = services.referrals.mark_patient_told(saved.id, "portal")
    again = services.referrals.get(saved.id)
    assert (again.patient_told_at, again.patient_told_by, again.patient_told_how) == (
        services.context.clock.now(), "tester@desk", "portal")
    assert again.state is ReferralState.SCHEDULED  # it moves nothing
    assert (again.events[-1].state, again.events[-1].note) == ("patient_told", "through the portal")
    assert Flag.PATIENT_NOT_TOLD not in services.referrals.worklist()[0].flags
    entry = services.audit.page()[0]
    assert (entry.user, entry.record_id, entry.detail) == (
        "tester@desk", str(saved.id), "step: patient_told; how")
    earlier = services.context.clock.now() - timedelta(minutes=10)
    told, _ = services.referrals.mark_patient_told(saved.id, "phone", at=earlier, by="Nora Nurse")
    assert (told.events[-1].by, told.events[-1].recorded_by, told.events[-1].at) == (
        "Nora Nurse", "tester@desk", earlier)
    with pytest.raises(ValidationError) as caught:
        services.referrals.mark_patient_told(saved.id, "fax")
    assert caught.value.field == "how"


def test_a_patient_told_step_is_no_state_to_reopen_to_or_to_undo_by_name(desk):
    services, doc, _ann, bob = desk
    saved, _ = services.referrals.create(referral(bob, doc))
    services.referrals.move(saved.id, ReferralState.SENT)
    services.referrals.mark_patient_told(saved.id, "letter")
    cancelled, _ = services.referrals.move(saved.id, ReferralState.CANCELLED, note="patient moved away")
    reopened, _ = services.referrals.reopen(saved.id, "patient is back")
    assert reopened.state is ReferralState.SENT
    sent = services.referrals.get(saved.id)
    services.referrals.mark_patient_told(saved.id, "phone")
    undone, _ = services.referrals.undo_move(sent)
    assert undone.events[-1].note.endswith(": patient told")
