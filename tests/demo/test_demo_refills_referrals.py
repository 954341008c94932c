"""Demo refill requests, referrals and prior authorisations, as a trainer meets them through the
services: a worklist at every stage on the anchor afternoon (near and past due, needing an
appointment, waiting for the provider, to notify), referrals in every state with a few stuck ones and
authorisations about to expire or expired, prior authorisations with overdue follow-ups; a year of
history that the app itself would have accepted, decided by providers, linked to the calls it came
from, and the same for the same seed.

One one-year demo (anchor Monday 2026-03-02, the clock at 15:30 that afternoon in Chicago) is made
for the module; the determinism test makes two more.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.agenda import VisitFlag
from vma_desk.core.communications import CallReason, Urgency
from vma_desk.core.records import AuditAction, Role
from vma_desk.core.referrals import (
    PATIENT_TOLD,
    RECORDS_CHECKLIST,
    SERVICE_DONE,
    Flag,
    PriorAuth,
    PriorAuthKind,
    PriorAuthStatus,
    Referral,
    ReferralState,
    TellMethod,
    is_move,
)
from vma_desk.core.refills import Decision, RefillRequest, RefillSource, RefillStep
from vma_desk.core.rules import referrals as referral_rules
from vma_desk.core.rules import refills as refill_rules
from vma_desk.core.rules.refills import DueState
from vma_desk.core.validation import normalize_phone
from vma_desk.services import Services

ANCHOR = date(2026, 3, 2)  # a Monday
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=CHICAGO).astimezone(UTC)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
TABLES = ("refill", "refill_lab", "refill_event", "referral", "referral_event", "prior_auth",
          "prior_auth_event", "call_link")



@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, module_demos: Demos) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("demo") / "ws", now=NOW)


@pytest.fixture(scope="module")
def refills(demo: Services) -> list[RefillRequest]:
    return demo.refills.received_between(EPOCH, NOW + timedelta(days=1))


@pytest.fixture(scope="module")
def referrals(demo: Services) -> list[Referral]:
    return demo.referrals.created_between(EPOCH, NOW + timedelta(days=1))


@pytest.fixture(scope="module")
def auths(demo: Services) -> list[PriorAuth]:
    ids = [r[0] for r in demo.workspace.conn.execute("SELECT id FROM patient ORDER BY id")]
    return [a for i in ids for a in demo.referrals.prior_auths_for_patient(i)]


def local(moment: datetime) -> datetime:
    return moment.astimezone(CHICAGO)


# --- refills -------------------------------------------------------------------------------------

def test_the_refills_worklist_on_the_anchor_afternoon_has_every_stage(demo: Services):
    rows = demo.refills.worklist()
    assert 12 <= len(rows) <= 40
    due = Counter(row.due_state for row in rows)
    assert due[DueState.NEAR_DUE] >= 1 and 1 <= due[DueState.PAST_DUE] <= 6
    assert demo.refills.attention_count(rows) == due[DueState.NEAR_DUE] + due[DueState.PAST_DUE]
    assert rows[0].due_state is DueState.PAST_DUE  # most pressing first
    stages = Counter(row.request.stage for row in rows)
    assert stages["Needs appointment"] >= 1
    assert stages["Waiting for provider"] >= 2
    assert stages["Needs appointment"] + stages["To route"] + stages["Waiting for provider"] < len(rows)
    for row in rows:
        request = row.request
        assert NOW - request.received_at < timedelta(days=4), request  # nothing old is left open
        assert all(e.at <= NOW for e in request.events)
        if request.needs_appointment:
            assert not request.check.passed and request.check.reasons
    past = [row.request for row in rows if row.due_state is DueState.PAST_DUE]
    assert all(r.due_at < NOW and r.clock_running for r in past)


def test_a_year_of_requests_from_realistic_sources_and_hours(demo: Services, refills: list[RefillRequest]):
    assert 3200 <= len(refills) <= 4600  # about 3,800 a year
    sources = [source for source, _ in Counter(r.source for r in refills).most_common()]
    assert sources == [RefillSource.PHARMACY_EREQUEST, RefillSource.PHARMACY_FAX, RefillSource.PATIENT_CALL,
                       RefillSource.PORTAL, RefillSource.NURSE_RELAY]
    practice = demo.practice.get()
    received = [local(r.received_at) for r in refills]
    in_hours = sum(practice.is_business_day(t.date()) and time(8) <= t.time() < time(17) for t in received)
    assert 0.7 < in_hours / len(refills) < 0.9  # some come in the evening or at the weekend
    medicines = Counter(r.medication for r in refills)
    assert len(medicines) >= 15
    assert {"Metformin", "Lisinopril", "Atorvastatin", "Levothyroxine", "Albuterol HFA inhaler"} \
        <= set(medicines)
    assert all(r.pharmacy and r.requested_by and r.quantity for r in refills)
    assert 0.02 < sum(r.urgency is Urgency.URGENT for r in refills) / len(refills) < 0.12
    # no note makes the app raise the urgency to an emergency
    assert not [n for n in {r.notes for r in refills} if demo.communications.check_red_flags(n).found]


def test_one_in_eight_needs_an_appointment_and_most_are_approved(refills: list[RefillRequest]):
    failed = [r for r in refills if not r.check.passed]
    assert 0.08 < len(failed) / len(refills) < 0.16
    reasons = " ".join(reason for r in failed for reason in r.check.reasons)
    assert "in 12 months" in reasons and "A1c" in reasons and "Kidney function (BMP)" in reasons
    decided = [r for r in refills if r.decision is not None]
    decisions = Counter(r.decision for r in decided)
    assert decisions[Decision.APPROVED] > 0.8 * len(decided)
    assert decisions[Decision.DENIED] > 20 and decisions[Decision.NEEDS_VISIT] > 100
    # a failed check mostly ends in "come in first"; a passed one rarely does
    needs_visit = Counter(r.check.passed for r in decided if r.decision is Decision.NEEDS_VISIT)
    assert needs_visit[False] > needs_visit[True]
    assert all(r.decision_note for r in decided if r.decision is Decision.DENIED)
    # mostly on time, but a history of late ones exists
    told = [(r, r.reached(RefillStep.PHARMACY_NOTIFIED)) for r in refills]
    late = sum(event.at > r.due_at for r, event in told if event is not None)
    assert 0.02 < late / len(refills) < 0.12


def test_every_closed_request_was_decided_by_a_provider_step_by_step(demo: Services,
                                                                    refills: list[RefillRequest]):
    providers = {p.id: p for p in demo.practice.staff(role=Role.PROVIDER)}
    practice, zone = demo.practice.get(), demo.context.practice_zone()
    closed = [r for r in refills if not r.is_open]
    assert len(refills) - len(closed) == len(demo.refills.worklist())
    for r in closed:
        assert r.decision is not None and r.decided_by_id in providers, r
        assert r.decided_at == r.reached(RefillStep.DECIDED).at >= r.received_at
        assert providers[r.decided_by_id].display_name in r.reached(RefillStep.DECIDED).note
    for r in refills:
        assert r.prescriber_id in providers
        assert r.due_at == refill_rules.due_for(r.received_at, r.urgency, practice, zone)
        steps = [e.step for e in r.events]
        assert steps[:2] == [RefillStep.RECEIVED, RefillStep.CHECKED] and r.step is steps[-1]
        assert r.events[1].note == r.check.verdict
        walked = replace(r, step=RefillStep.CHECKED, decision=None)
        for step in steps[2:]:
            if step is RefillStep.DECIDED:
                assert walked.step is RefillStep.ROUTED
                walked = replace(walked, step=step, decision=r.decision)
                continue
            assert step in refill_rules.next_steps(walked), (r.id, steps)
            walked = replace(walked, step=step)
        times = [e.at for e in r.events]
        assert times == sorted(times) and times[0] == r.received_at and times[-1] <= NOW
    assert {r.reached(RefillStep.PICKED_UP) is not None for r in closed} == {True, False}


def test_the_chart_check_is_the_core_rule_on_the_chart(demo: Services, refills: list[RefillRequest]):
    """Today's requests were checked against the patient's last visit with the prescriber (the
    patient record) and their lab dates, with the practice's protocol, as the service checks them."""
    protocol = demo.refills.protocol()
    providers = {p.id: p for p in demo.practice.providers()}
    today = [r for r in refills if local(r.reached(RefillStep.CHECKED).at).date() == ANCHOR]
    assert len(today) >= 5
    for r in today:
        patient = demo.patients.get(r.patient_id)
        visits = [v.day for v in patient.last_visits if v.provider_id == r.prescriber_id]
        assert visits, "the prescriber is a provider the patient has seen"
        assert [lab.name for lab in r.labs] == [lab for lab, _ in protocol.labs_for(r.medication)]
        assert all(lab.last_done is None or lab.last_done < ANCHOR for lab in r.labs)
        assert r.check == refill_rules.chart_check(
            protocol, medication=r.medication, last_visit=max(visits),
            prescriber=providers[r.prescriber_id].display_name, labs=r.labs,
            refills_remaining=r.refills_remaining, today=ANCHOR)


def test_the_latest_needs_visit_decisions_have_their_visit_booked_and_shown(demo: Services,
                                                                         refills: list[RefillRequest]):
    linked = [r for r in refills if r.visit is not None]
    assert 1 <= len(linked) <= 3
    for request in linked:
        assert request.decision is Decision.NEEDS_VISIT and request.visit_booked
        visit = demo.calendar.get(request.visit.id)
        assert (visit.patient_id, visit.provider_id) == (request.patient_id, request.prescriber_id)
        assert request.decided_at is not None and visit.start > request.decided_at
        day = demo.agenda.day(local(visit.start).date(), provider_id=visit.provider_id)
        [line] = [v for p in day.providers for v in p.visits if v.appointment.id == visit.id]
        assert (VisitFlag.REFILL_NEEDS_VISIT, request.drug) in line.flags


def test_requests_taken_on_the_phone_keep_the_call(demo: Services, refills: list[RefillRequest]):
    comms = demo.communications
    taken = [r for r in refills if r.call_id is not None]
    assert 0.1 * len(refills) < len(taken) < 0.3 * len(refills)
    assert all(r.source is RefillSource.PATIENT_CALL for r in taken)
    assert all(r.call_id is None for r in refills if r.source is not RefillSource.PATIENT_CALL)
    for r in taken[::25]:
        call = comms.get_call(r.call_id)
        assert call.reason is CallReason.REFILL and call.patient_id == r.patient_id
        assert r.requested_by == call.caller_name and r.received_at == call.started_at
        assert r.medication.split()[0].lower() in call.notes.lower()
        assert ("refill", r.id) in comms.links(r.call_id)


# --- referrals -----------------------------------------------------------------------------------

def test_the_referrals_worklist_shows_every_state_and_its_black_holes(demo: Services):
    rows = demo.referrals.worklist()
    assert 35 <= len(rows) <= 90
    states = {row.referral.state for row in rows}
    assert states == {ReferralState.DRAFT, ReferralState.SENT, ReferralState.SCHEDULED, ReferralState.SEEN,
                      ReferralState.REPORT_RECEIVED}
    flags = Counter(flag for row in rows for flag in row.flags)
    assert 3 <= flags[Flag.STUCK] <= 10  # a few
    assert flags[Flag.AUTH_EXPIRING] >= 2 and flags[Flag.AUTH_EXPIRED] >= 1
    policy = demo.referrals.aging_policy()
    for row in rows:
        if Flag.STUCK in row.flags:
            assert row.days_in_state >= policy.limit(row.referral.urgency)
        if Flag.AUTH_EXPIRING in row.flags:
            assert 0 <= (row.referral.auth_valid_until - ANCHOR).days <= 14
    assert any(row.referral.urgency is Urgency.URGENT and Flag.STUCK in row.flags for row in rows)
    for row in rows:  # the visit as the service writes it, in practice time
        if row.referral.state is ReferralState.SCHEDULED:
            visit = local(row.referral.appointment_at)
            clock = f"{visit:%I:%M %p}".lstrip("0")
            booking = [e for e in row.referral.events if is_move(e)][-1]
            assert booking.note.endswith(f"specialist visit {visit:%a %m/%d/%Y} {clock}")
    assert rows[0].flags  # flagged first
    assert demo.referrals.attention_count() >= sum(bool(row.flags) for row in rows)


def test_referrals_are_what_the_app_would_hold(demo: Services, referrals: list[Referral]):
    assert 1000 <= len(referrals) <= 1450  # about 1,200 a year
    providers = {p.id for p in demo.practice.providers()}
    finals = Counter(r.state for r in referrals)
    assert finals[ReferralState.CLOSED] > 0.8 * len(referrals)
    assert finals[ReferralState.CANCELLED] > 20 and finals[ReferralState.DECLINED] > 5
    assert len({r.specialty for r in referrals}) >= 12
    assert 0.8 < sum(r.urgency is Urgency.ROUTINE for r in referrals) / len(referrals) < 0.95
    patients = {}
    for r in referrals:
        assert r.referring_provider_id in providers
        assert normalize_phone("specialist_contact", r.specialist_contact) == r.specialist_contact
        assert r.specialist_contact[5:10] == "55501"
        plan = patients.setdefault(r.patient_id, demo.patients.get(r.patient_id)).insurance
        assert r.auth_required == bool(plan and plan.plan_type.needs_referral_authorisation)
        assert r.records_sent <= set(RECORDS_CHECKLIST)
        assert bool(r.records_sent) == any(e.state == ReferralState.SENT.value for e in r.events)
        moves = [e for e in r.events if is_move(e)]
        assert r.state.value == moves[-1].state and r.state_since == moves[-1].at <= NOW
        assert bool(r.auth_number) == (r.auth_valid_until is not None)
        _walk(r)
    closed_early = [r for r in referrals if r.state is ReferralState.CLOSED
                    and r.events[-2].state != ReferralState.REPORT_RECEIVED.value]
    assert closed_early and all(r.events[-1].note.startswith("closed without a consult report: ")
                                for r in closed_early)


def _walk(r: Referral) -> None:
    """Replays a referral's events through the core rule, as `move` would have checked them then:
    each booking's visit read back from its note, "seen" after the visit, no visit after the
    authorisation ends."""
    moves = [e for e in r.events if is_move(e)]
    states = [ReferralState(e.state) for e in moves]
    assert states[0] is ReferralState.DRAFT
    current = replace(r, state=ReferralState.DRAFT, appointment_at=None)
    for state, event in zip(states[1:], moves[1:], strict=True):
        note, visit = event.note.removeprefix("closed without a consult report: "), None
        if state is ReferralState.SCHEDULED:
            note, _, written = note.partition("specialist visit ")
            visit = datetime.strptime(written, "%a %m/%d/%Y %I:%M %p").replace(tzinfo=CHICAGO)
        referral_rules.check_referral_move(current, state, note=note, appointment_at=visit, now=event.at,
                                           zone=CHICAGO)
        if state in (ReferralState.CANCELLED, ReferralState.DECLINED):
            assert note
        booked = None if state is ReferralState.SENT else visit or current.appointment_at
        current = replace(current, state=state, appointment_at=booked)
    assert r.appointment_at == current.appointment_at
    if r.state is ReferralState.SCHEDULED:
        assert moves[-1].at < r.appointment_at


# --- prior authorisations ------------------------------------------------------------------------

def test_prior_authorisations_turn_around_in_days_mostly_approved(demo: Services, auths: list[PriorAuth]):
    assert 380 <= len(auths) <= 650  # about 500 a year
    status = Counter(a.status for a in auths)
    assert status[PriorAuthStatus.APPROVED] > 0.7 * len(auths)
    assert status[PriorAuthStatus.DENIED] > 20 and status[PriorAuthStatus.WITHDRAWN] > 3
    appealed = [a for a in auths if any(e.state == PriorAuthStatus.APPEAL.value for e in a.events)]
    assert len(appealed) > 10
    assert {a.kind for a in auths} == set(PriorAuthKind)
    answers = [(a, next(e for e in a.events if e.state != PriorAuthStatus.PENDING.value)) for a in auths
               if a.status is not PriorAuthStatus.PENDING]
    assert 3 <= statistics.median((local(e.at).date() - a.submitted_on).days for a, e in answers) <= 7
    # slow payers were followed up, each call a note under the same status
    followed = [e for a in auths for e in a.events[1:] if e.state == PriorAuthStatus.PENDING.value]
    assert len(followed) > 10 and all(e.note for e in followed)
    for a in auths[::20]:
        assert a.payer == demo.patients.get(a.patient_id).insurance.payer
    for a in auths:
        referral_rules.check_prior_auth(a, a.status)
        answers = [e for e in a.events if e.state != SERVICE_DONE]
        assert a.events[0].state == PriorAuthStatus.PENDING.value and answers[-1].state == a.status.value
        assert all(e.at <= NOW for e in a.events)
        if a.status is PriorAuthStatus.APPROVED:
            assert a.auth_number and a.valid_from <= a.valid_until
        if a.status is PriorAuthStatus.DENIED:
            assert a.denial_reason


def test_open_prior_authorisations_wait_with_follow_ups(demo: Services):
    rows = demo.referrals.prior_auths()
    waiting = [row for row in rows if row.auth.status.awaiting_payer]
    assert 3 <= len(waiting) <= 25
    assert all(row.auth.follow_up_on >= row.auth.submitted_on for row in waiting)
    flags = Counter(flag for row in rows for flag in row.flags)
    assert 1 <= flags[Flag.FOLLOW_UP_OVERDUE] <= 8
    assert flags[Flag.AUTH_EXPIRING] >= 1
    expiring = [row.auth for row in rows if Flag.AUTH_EXPIRING in row.flags]
    assert all(0 <= (a.valid_until - ANCHOR).days <= 14 for a in expiring)
    assert all(a.service_done_on is None for a in expiring)


def test_procedures_are_done_and_visits_counted_and_patients_told(demo: Services, auths: list[PriorAuth],
                                                                  referrals: list[Referral]):
    """Issue 12, items 12 and 15: what the trainer shows of authorisations watched and the patient told."""
    approved = [a for a in auths
                if a.status is PriorAuthStatus.APPROVED and a.kind is not PriorAuthKind.MEDICATION]
    done = [a for a in approved if a.service_done_on is not None]
    assert 0.6 * len(approved) < len(done) < len(approved)
    assert all(a.events[-1].state == SERVICE_DONE and a.valid_from <= a.service_done_on <= ANCHOR
               for a in done)
    counted = [a for a in auths if a.units_authorised is not None]
    assert counted and all(a.unit_label == "visits" and a.units_used <= a.units_authorised for a in counted)
    assert any(0 < a.units_used for a in counted)
    scheduled = [e for r in referrals for e in r.events if e.state == ReferralState.SCHEDULED.value]
    told = [r for r in referrals if r.patient_told_at is not None]
    assert 0.8 * len(scheduled) < sum(e.state == PATIENT_TOLD for r in referrals for e in r.events)
    assert all(r.patient_told_how in {m.value for m in TellMethod} and r.patient_told_by for r in told)
    flagged = [row for row in demo.referrals.worklist() if Flag.PATIENT_NOT_TOLD in row.flags]
    assert 1 <= len(flagged) <= 4


# --- the whole --------------------------------------------------------------------------------------

def test_one_audit_entry_counts_them_and_the_workspace_checks_clean(demo: Services,
                                                                   refills: list[RefillRequest],
                                                                   referrals: list[Referral]):
    entries = demo.audit.page()  # the trainer's sign-in, then the generation's one entry
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.SIGN_IN]
    assert f"{len(refills)} refill requests, {len(referrals)} referrals" in entries[0].detail
    assert demo.workspace.integrity_problems() == []


def test_same_seed_gives_the_same_records_and_another_seed_others(tmp_path: Path, demos: Demos,
                                                                  demo: Services):
    again = demos.make(tmp_path / "again", now=NOW)
    other = demos.make(tmp_path / "other", now=NOW, seed=2)
    for table in TABLES:
        sql = f"SELECT * FROM {table} ORDER BY 1, 2, 3"
        rows = demo.workspace.conn.execute(sql).fetchall()
        assert rows and rows == again.workspace.conn.execute(sql).fetchall(), table
        assert rows != other.workspace.conn.execute(sql).fetchall(), table
