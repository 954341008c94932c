"""Referral moves, aging and expiry flags, and prior-authorisation statuses, without a workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from vma_desk.core.communications import Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.referrals import Flag, PriorAuth, PriorAuthKind, PriorAuthStatus, Referral, ReferralState
from vma_desk.core.rules.referrals import (
    AgingPolicy,
    check_patient_told,
    check_prior_auth,
    check_referral_move,
    prior_auth_flags,
    referral_flags,
)

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
TODAY = date(2026, 3, 2)


def referral(**kw) -> Referral:
    values = dict(
        patient_id=1,
        referring_provider_id=1,
        specialty="Cardiology",
        specialist_office="Heart",
        reason="murmur",
        created_at=NOW,
        state=ReferralState.SENT,
        state_since=NOW,
        records_sent=frozenset({"Referral letter"}),
    )
    values.update(kw)
    return Referral(**values)


@pytest.mark.parametrize(
    ("urgency", "days", "stuck"),
    [
        (Urgency.ROUTINE, 14, False),
        (Urgency.ROUTINE, 15, True),
        (Urgency.URGENT, 3, False),
        (Urgency.URGENT, 4, True),
        (Urgency.EMERGENCY, 1, False),
        (Urgency.EMERGENCY, 2, True),
    ],
)
def test_aging_by_urgency(urgency, days, stuck):
    moved = NOW - timedelta(days=days)
    flags = referral_flags(referral(urgency=urgency, state_since=moved), NOW, TODAY)
    assert (Flag.STUCK in flags) is stuck


def test_a_referral_waiting_to_be_filed_is_not_stuck_and_closed_ones_have_no_flags():
    old = NOW - timedelta(days=60)
    assert referral_flags(referral(state=ReferralState.REPORT_RECEIVED, state_since=old), NOW, TODAY) == ()
    assert referral_flags(referral(state=ReferralState.CLOSED, state_since=old), NOW, TODAY) == ()


@pytest.mark.parametrize(
    ("valid_until", "flag"),
    [
        (TODAY + timedelta(days=15), None),
        (TODAY + timedelta(days=14), Flag.AUTH_EXPIRING),
        (TODAY, Flag.AUTH_EXPIRING),
        (TODAY - timedelta(days=1), Flag.AUTH_EXPIRED),
    ],
)
def test_authorisation_expiry_is_flagged_from_14_days_before(valid_until, flag):
    flags = referral_flags(referral(auth_number="A-1", auth_valid_until=valid_until), NOW, TODAY)
    assert flags == ((flag,) if flag else ())


def test_an_hmo_referral_without_an_authorisation_is_flagged_and_cannot_be_scheduled():
    hmo = referral(auth_required=True)
    assert Flag.AUTH_MISSING in referral_flags(hmo, NOW, TODAY)
    with pytest.raises(ValidationError) as caught:
        check_referral_move(hmo, ReferralState.SCHEDULED, appointment_at=NOW + timedelta(days=7))
    assert caught.value.field == "auth_number"
    check_referral_move(replace(hmo, auth_number="A-1"), ReferralState.SCHEDULED, appointment_at=NOW)


def test_moves_out_of_order_and_closing_without_a_report():
    with pytest.raises(ValidationError, match="can go on to"):
        check_referral_move(referral(), ReferralState.SEEN)
    with pytest.raises(ValidationError, match="override reason"):
        check_referral_move(referral(state=ReferralState.SEEN), ReferralState.CLOSED)
    check_referral_move(referral(state=ReferralState.SEEN), ReferralState.CLOSED, note="specialist closed")
    check_referral_move(referral(state=ReferralState.REPORT_RECEIVED), ReferralState.CLOSED)
    with pytest.raises(ValidationError, match="say why"):
        check_referral_move(referral(), ReferralState.DECLINED)
    with pytest.raises(ValidationError, match="tick the records"):
        check_referral_move(referral(state=ReferralState.DRAFT, records_sent=frozenset()), ReferralState.SENT)
    policy = AgingPolicy(routine_days=30)
    assert policy.limit(Urgency.ROUTINE) == 30


def auth(**kw) -> PriorAuth:
    values = dict(
        patient_id=1,
        kind=PriorAuthKind.MEDICATION,
        payer="Aetna",
        service="Semaglutide",
        submitted_on=TODAY,
        follow_up_on=TODAY + timedelta(days=5),
    )
    values.update(kw)
    return PriorAuth(**values)


def test_prior_authorisation_statuses_need_what_the_payer_said():
    check_prior_auth(auth(), None)
    with pytest.raises(ValidationError, match="starts as pending"):
        check_prior_auth(auth(status=PriorAuthStatus.APPROVED, auth_number="X"), None)
    with pytest.raises(ValidationError, match="cannot become"):
        check_prior_auth(auth(status=PriorAuthStatus.APPEAL), PriorAuthStatus.PENDING)
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(
            auth(
                status=PriorAuthStatus.APPROVED,
                auth_number="PA-9",
                valid_from=TODAY,
                valid_until=TODAY - timedelta(days=1),
            ),
            PriorAuthStatus.PENDING,
        )
    assert caught.value.field == "valid_until"
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(auth(follow_up_on=TODAY - timedelta(days=1)), None)
    assert caught.value.field == "follow_up_on"


def test_prior_authorisation_flags():
    assert prior_auth_flags(auth(), TODAY + timedelta(days=5)) == ()
    assert prior_auth_flags(auth(), TODAY + timedelta(days=6)) == (Flag.FOLLOW_UP_OVERDUE,)
    approved = auth(
        status=PriorAuthStatus.APPROVED,
        auth_number="PA-1",
        valid_from=TODAY,
        valid_until=TODAY + timedelta(days=90),
    )
    assert prior_auth_flags(approved, TODAY + timedelta(days=75)) == ()
    assert prior_auth_flags(approved, TODAY + timedelta(days=76)) == (Flag.AUTH_EXPIRING,)
    assert prior_auth_flags(approved, TODAY + timedelta(days=91)) == (Flag.AUTH_EXPIRED,)


# --- issue 12, item 12: every authorisation that can run out is watched --------------------------
def approved(**kw) -> PriorAuth:
    values: dict = dict(status=PriorAuthStatus.APPROVED, auth_number="PA-9",
                        valid_from=TODAY - timedelta(days=30), valid_until=TODAY + timedelta(days=10))
    values.update(kw)
    return auth(**values)


@pytest.mark.parametrize("kind", [PriorAuthKind.PROCEDURE, PriorAuthKind.IMAGING, PriorAuthKind.MEDICATION])
def test_an_approval_ending_in_10_days_is_flagged_whatever_its_kind(kind):
    assert prior_auth_flags(approved(kind=kind), TODAY) == (Flag.AUTH_EXPIRING,)
    assert prior_auth_flags(approved(kind=kind), TODAY + timedelta(days=11)) == (Flag.AUTH_EXPIRED,)
    assert prior_auth_flags(approved(kind=kind, valid_until=TODAY + timedelta(days=15)), TODAY) == ()


@pytest.mark.parametrize("kind", [PriorAuthKind.PROCEDURE, PriorAuthKind.IMAGING])
def test_a_done_service_or_a_submitted_renewal_is_not_watched_any_more(kind):
    assert prior_auth_flags(approved(kind=kind, service_done_on=TODAY - timedelta(days=2)), TODAY) == ()
    assert prior_auth_flags(approved(kind=kind), TODAY, renewed=True) == ()
    assert prior_auth_flags(approved(kind=PriorAuthKind.MEDICATION), TODAY, renewed=True) == ()


@pytest.mark.parametrize(
    ("authorised", "used", "flag"),
    [
        (10, 7, None),
        (10, 8, Flag.UNITS_LOW),  # 2 left: a fifth
        (10, 9, Flag.UNITS_LOW),
        (10, 10, Flag.UNITS_USED_UP),
        (3, 1, None),
        (3, 2, Flag.UNITS_LOW),  # 1 left: at least one is always "nearly"
        (30, 23, None),
        (30, 24, Flag.UNITS_LOW),
        (1, 0, Flag.UNITS_LOW),
    ],
)
def test_units_or_visits_nearly_used_up_are_flagged(authorised, used, flag):
    far = TODAY + timedelta(days=60)
    flags = prior_auth_flags(approved(units_authorised=authorised, units_used=used, unit_label="visits",
                                      valid_until=far), TODAY)
    assert flags == ((flag,) if flag else ())


def test_units_flag_beside_expiry_and_not_once_done_or_renewed():
    nearly = approved(units_authorised=10, units_used=9, unit_label="visits")
    assert prior_auth_flags(nearly, TODAY) == (Flag.AUTH_EXPIRING, Flag.UNITS_LOW)
    assert prior_auth_flags(nearly, TODAY, renewed=True) == ()
    assert prior_auth_flags(replace(nearly, service_done_on=TODAY), TODAY) == ()
    unlimited = approved(valid_until=TODAY + timedelta(days=60))
    assert prior_auth_flags(unlimited, TODAY) == ()


def test_units_and_service_done_need_what_makes_sense():
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(approved(units_authorised=10, units_used=11), PriorAuthStatus.APPROVED)
    assert caught.value.field == "units_used"
    assert "more than the 10 units authorised" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(approved(units_authorised=0), PriorAuthStatus.APPROVED)
    assert caught.value.field == "units_authorised"
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(approved(kind=PriorAuthKind.MEDICATION, service_done_on=TODAY),
                         PriorAuthStatus.APPROVED)
    assert caught.value.field == "service_done_on"
    with pytest.raises(ValidationError) as caught:
        check_prior_auth(auth(kind=PriorAuthKind.IMAGING, service_done_on=TODAY), PriorAuthStatus.PENDING)
    assert caught.value.field == "service_done_on"
    check_prior_auth(approved(kind=PriorAuthKind.PROCEDURE, units_authorised=10, units_used=10,
                              service_done_on=TODAY), PriorAuthStatus.APPROVED)


# --- issue 12, item 15: a referral's "patient told" step -----------------------------------------
def test_a_scheduled_referral_is_flagged_until_the_patient_is_told_after_the_booking():
    booked = referral(state=ReferralState.SCHEDULED, state_since=NOW - timedelta(hours=2),
                      appointment_at=NOW + timedelta(days=9))
    assert Flag.PATIENT_NOT_TOLD in referral_flags(booked, NOW, TODAY)
    told = replace(booked, patient_told_at=NOW - timedelta(hours=1), patient_told_by="tester",
                   patient_told_how="phone")
    assert Flag.PATIENT_NOT_TOLD not in referral_flags(told, NOW, TODAY)
    told_before_booking = replace(told, patient_told_at=NOW - timedelta(hours=3))
    assert Flag.PATIENT_NOT_TOLD in referral_flags(told_before_booking, NOW, TODAY)
    assert Flag.PATIENT_NOT_TOLD not in referral_flags(referral(), NOW, TODAY)  # sent: nothing to tell yet


def test_the_patient_is_told_of_a_sent_referral_not_a_draft_and_not_in_the_future():
    check_patient_told(referral(), "phone", NOW, NOW)
    for state in (ReferralState.DRAFT, ReferralState.CLOSED):
        with pytest.raises(ValidationError) as caught:
            check_patient_told(referral(state=state), "phone", NOW, NOW)
        assert caught.value.field == "state"
    with pytest.raises(ValidationError) as caught:
        check_patient_told(referral(), "phone", NOW + timedelta(minutes=5), NOW)
    assert caught.value.field == "at"
    with pytest.raises(ValidationError) as caught:
        check_patient_told(referral(), "", NOW, NOW)
    assert caught.value.field == "how"
