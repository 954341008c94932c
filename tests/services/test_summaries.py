"""The summary service on a small workspace made through the services, as a VMA's days make it:
one patient's history of a week, and the practice's activity figures. Practice in Chicago; the
clock starts Monday 2026-03-02 09:30 local. `make_history` is shared with the report tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.activity import Grain
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome, Voicemail
from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Direction,
    Message,
    MessageState,
    Urgency,
)
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
from vma_desk.services import Services
from vma_desk.storage.calendar_repository import to_ts

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


# --- chasing ---------------------------------------------------------------------------------------

#: the week the chasing is made in (Monday to Friday, all over by the time the figures are read)
CHASE_WEEK = (date(2026, 2, 23), date(2026, 2, 27))
VERA = "Vera Vance"


def insert_rows(services, table: str, rows: list[dict[str, object]]) -> None:
    """Rows of the tables whose services are not on main yet (freed slots, rebooking decisions,
    follow-up calls), written straight to the workspace."""
    ctx = services.context
    with ctx.transaction():
        for row in rows:
            names = ", ".join(row)
            ctx.conn.execute(f"INSERT INTO {table}({names}) VALUES ({', '.join('?' * len(row))})",
                             tuple(to_ts(v) if isinstance(v, datetime) else v for v in row.values()))


@dataclass
class Chasing:
    services: object  # tester@desk's
    vera: object  # the same workspace, signed in as Vera Vance


def make_chasing(services) -> Chasing:
    """A week of chasing by two users: tester@desk (voicemails, recalls of Ann and Eve, two calls)
    and Vera Vance (a confirmation, callbacks, waitlist offers); the no-shows, freed slots and follow-up calls
    around them. The expected figures are in `test_the_chasing_figures_count_what_the_week_made`."""
    clock = services.context.clock
    vera = Services.for_workspace(services.workspace, clock=clock, user=VERA)
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    doc, _ = services.practice.add_staff(StaffMember("Dana Doyle", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    people = {}
    for first, last in (("Ann", "Ames"), ("Bob", "Birch"), ("Cy", "Cole"), ("Dee", "Dunn"), ("Eve", "Ely")):
        people[first], _ = services.patients.create(Patient(first, last, date(1970, 1, 1),
                                                            phones=(Phone("3125550150"),)))
    ann, bob, cy, dee, eve = (people[n].id for n in ("Ann", "Bob", "Cy", "Dee", "Eve"))

    def visit(patient_id: int, start: datetime) -> int:
        saved, _ = services.calendar.book(Appointment(patient_id, doc.id, "est", start, 20),
                                          authorised_by="Dr Doyle")
        return saved.id

    chase, vchase = services.chase, vera.chase
    # Monday: two voicemails heard at 9:00, the box checked twice; tester takes a call needing a callback
    clock.current = local(2026, 2, 23, 9, 0)
    routine, _ = chase.record_voicemail(Voicemail(local(2026, 2, 23, 8, 30), caller_name="Caller One"))
    urgent, _ = chase.record_voicemail(Voicemail(local(2026, 2, 23, 8, 30), caller_name="Caller Two",
                                                 urgency="urgent"))
    chase.check_box(2)
    monday_call, _ = services.communications.log_call(Call(
        local(2026, 2, 23, 8, 50), Direction.INBOUND, "Bob Birch", CallReason.BILLING, patient_id=bob,
        outcome=CallOutcome.CALLBACK_NEEDED))
    x_visit = visit(cy, local(2026, 2, 26, 9, 0))  # Cy's Thursday visit, confirmed by Vera
    bob_no_show, cy_no_show = visit(bob, local(2026, 2, 25, 10, 0)), visit(cy, local(2026, 2, 26, 10, 0))
    dee_no_show = visit(dee, local(2026, 2, 25, 11, 0))
    clock.current = local(2026, 2, 23, 10, 0)
    chase.log_attempt(ChaseKind.RECALL, ann, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER, patient_id=ann)
    chase.mark_returned(routine.id)  # left 8:30, returned 10:00: 1 h 30 (routine: due at 17:00)
    clock.current = local(2026, 2, 23, 10, 30)
    chase.log_attempt(ChaseKind.RECALL, eve, channel=Channel.PHONE, outcome=Outcome.LEFT_VOICEMAIL,
                      patient_id=eve)
    chase.mark_returned(urgent.id)  # 2 h: late (urgent: within the hour)
    clock.current = local(2026, 2, 23, 12, 0)
    chase.check_box(0)
    clock.current = local(2026, 2, 23, 14, 0)
    chase.log_attempt(ChaseKind.RECALL, ann, channel=Channel.PHONE, outcome=Outcome.REACHED, patient_id=ann)
    clock.current = local(2026, 2, 23, 16, 0)
    vchase.mark_callback_done(monday_call.id)  # due at 17:00: on time
    # Tuesday: Vera checks the box, confirms Cy's visit, offers two freed slots; Ann books (recall done)
    clock.current = local(2026, 2, 24, 9, 0)
    vchase.check_box(0)
    vchase.log_attempt(ChaseKind.CONFIRMATION, x_visit, channel=Channel.PHONE, outcome=Outcome.REACHED,
                       patient_id=cy)
    visit(ann, local(2026, 3, 10, 9, 0))
    insert_rows(services, "freed_slot", [
        {"id": 1, "provider_id": doc.id, "type_code": "est", "start_ts": local(2026, 2, 26, 14, 0),
         "minutes": 20, "freed_ts": local(2026, 2, 23, 11, 0), "why": "cancelled",
         "filled_appointment_id": x_visit, "filled_ts": local(2026, 2, 24, 9, 30)},
        {"id": 2, "provider_id": doc.id, "type_code": "est", "start_ts": local(2026, 2, 27, 14, 0),
         "minutes": 20, "freed_ts": local(2026, 2, 24, 8, 0), "why": "cancelled"},
        {"id": 3, "provider_id": doc.id, "type_code": "est", "start_ts": local(2026, 2, 25, 11, 0),
         "minutes": 20, "freed_ts": local(2026, 2, 25, 11, 20), "why": "no_show"}])  # freed after its start
    clock.current = local(2026, 2, 24, 9, 30)
    vchase.log_attempt(ChaseKind.WAITLIST_OFFER, 1, channel=Channel.PHONE, outcome=Outcome.REACHED,
                       patient_id=eve)
    vchase.log_attempt(ChaseKind.WAITLIST_OFFER, 2, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
                       patient_id=eve)
    clock.current = local(2026, 2, 24, 16, 30)
    chase.record_voicemail(Voicemail(local(2026, 2, 24, 15, 0), caller_name="Caller Three"))  # never returned
    tuesday_call, _ = services.communications.log_call(Call(
        local(2026, 2, 24, 16, 30), Direction.INBOUND, "Dee Dunn", CallReason.GENERAL, patient_id=dee,
        outcome=CallOutcome.CALLBACK_NEEDED))
    # Wednesday: Vera calls Dee back (late); Bob and Dee do not come; Bob books again
    clock.current = local(2026, 2, 25, 9, 0)
    vchase.mark_callback_done(tuesday_call.id)
    clock.current = local(2026, 2, 25, 12, 0)
    services.calendar.set_status(bob_no_show, VisitStatus.NO_SHOW)
    services.calendar.set_status(dee_no_show, VisitStatus.NO_SHOW)
    visit(bob, local(2026, 3, 11, 9, 0))
    # Thursday: Cy does not come to the 10:00 visit; a rebooking decision is on record for it
    clock.current = local(2026, 2, 26, 12, 0)
    services.calendar.set_status(cy_no_show, VisitStatus.NO_SHOW)
    insert_rows(services, "rebook_decision", [{"appointment_id": cy_no_show, "decision": "rebooked",
                                               "by_user": VERA, "at_ts": clock.now()}])
    insert_rows(services, "follow_up_call", [
        {"appointment_id": x_visit, "due_ts": local(2026, 2, 27, 9, 0),
         "done_ts": local(2026, 2, 27, 10, 0), "done_by": VERA, "has_question": 1, "question": "pharmacy?"},
        {"appointment_id": bob_no_show, "due_ts": local(2026, 2, 27, 9, 0),
         "done_ts": local(2026, 2, 27, 11, 0), "done_by": VERA, "has_question": 0},
        {"appointment_id": dee_no_show, "due_ts": local(2026, 3, 2, 9, 0),
         "done_ts": local(2026, 3, 2, 9, 0), "done_by": VERA, "has_question": 0}])  # done the week after
    clock.current = local(2026, 3, 2, 9, 30)
    return Chasing(services, vera)


def test_the_chasing_figures_count_what_the_week_made(services):
    make_chasing(services)
    summary = services.summaries.activity(*CHASE_WEEK)
    c = summary.chasing
    vm = c.voicemail
    assert (vm.left, vm.returned, vm.within, vm.median, vm.unreturned, vm.past_due) == (
        3, 2, 1, timedelta(hours=1, minutes=45), 1, 1)
    assert (vm.box_checks, vm.business_days, vm.checks_per_day) == (3, 5, 0.6)
    assert [(k.kind, k.attempts, k.reached) for k in c.by_kind] == [
        (ChaseKind.CONFIRMATION, 1, 1), (ChaseKind.WAITLIST_OFFER, 2, 1), (ChaseKind.RECALL, 3, 1)]
    assert (c.attempts, c.reached, c.per_reached) == (6, 3, 2.0)
    assert (c.slots_freed, c.slots_filled, c.fill_rate) == (2, 1, 0.5)  # slot 3 was freed after its start
    assert (c.no_shows, c.rebooked) == (3, 2)  # Bob booked again, Cy decided; Dee not
    assert (c.recall_patients, c.recall_done) == (2, 1)  # Ann booked after her recall; Eve did not
    assert (c.follow_ups, c.follow_up_questions) == (2, 1)
    assert summary.visits.confirmation_rate == 0.0  # the confirmation rate is the visits' own
    assert [v.name for v in summary.vmas] == ["tester@desk", VERA]
    tester, vera = summary.vmas
    assert [r.label for r in tester.rows] == ["Week of 02/23"]
    t = tester.total
    assert (t.calls, t.callbacks, t.attempts, t.reached, t.voicemails_returned, t.box_checks, t.offered) == (
        2, 0, 3, 1, 2, 2, 0)
    v = vera.total
    assert (v.calls, v.callbacks, v.on_time, v.attempts, v.reached, v.box_checks, v.offered, v.filled) == (
        0, 2, 1, 3, 2, 1, 2, 1)
    assert v.fill_rate == 0.5 and v.on_time_share == 0.5


def test_a_week_with_no_chasing_has_no_figures_and_no_vma_page(services):
    summary = services.summaries.activity(*CHASE_WEEK)
    c = summary.chasing
    assert (c.attempts, c.per_reached, c.fill_rate, c.rebook_rate, c.recall_rate) == (
        0, None, None, None, None)
    assert c.voicemail.within_share is None and c.voicemail.checks_per_day == 0.0
    assert summary.vmas == ()
