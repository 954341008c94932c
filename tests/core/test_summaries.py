"""The summaries' arithmetic, proven on small hand-made inputs: periods, call volume, message and
refill turnaround, referral aging, visit rates, and which records a patient's history holds. The
practice is in Chicago (UTC-6 until Sunday 2026-03-08, UTC-5 after), open Monday to Friday,
closing at 5 PM."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.activity import (
    CallFact,
    Grain,
    Period,
    VisitFact,
    call_volume,
    message_timeliness,
    referral_aging,
    refill_clock_stop,
    refill_timeliness,
    visit_rates,
)
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.core.communications import (
    Call,
    CallOutcome,
    CallReason,
    Direction,
    Message,
    MessageEvent,
    MessageState,
    Urgency,
)
from vma_desk.core.errors import ValidationError
from vma_desk.core.patient_history import EntryKind, HistoryInputs, patient_history
from vma_desk.core.records import ContactMethod, Holiday, Patient, Practice
from vma_desk.core.referrals import Referral, ReferralState, StateEvent
from vma_desk.core.refills import ChartCheck, Decision, RefillEvent, RefillRequest, RefillSource, RefillStep
from vma_desk.core.rules.callbacks import CallbackPolicy
from vma_desk.core.rules.referrals import AgingPolicy
from vma_desk.core.wording import duration_text, percent_text

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside Family Medicine", "America/Chicago")
POLICY = CallbackPolicy()
STAFF = {1: "Dana Doyle, MD", 2: "Omar Ortiz, DO", 3: "Nora Nurse, RN"}


def local(*args: int) -> datetime:
    """A Chicago wall-clock time as UTC."""
    return datetime(*args, tzinfo=CHICAGO).astimezone(UTC)


# --- periods and words ---------------------------------------------------------------------------

def test_a_period_is_checked_and_spans_local_midnights_across_a_clock_change():
    with pytest.raises(ValidationError) as caught:
        Period.checked(date(2026, 3, 2), date(2026, 3, 1))
    assert caught.value.field == "end"
    with pytest.raises(ValidationError, match="at most 31 days"):
        Period.checked(date(2026, 3, 1), date(2026, 4, 1), max_days=31)
    period = Period.checked(date(2026, 3, 8), date(2026, 3, 8))
    lo, hi = period.bounds(CHICAGO)
    assert (lo, hi) == (datetime(2026, 3, 8, 6, tzinfo=UTC), datetime(2026, 3, 9, 5, tzinfo=UTC))
    assert period.days == 1 and period.text == "03/08/2026"
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).text == "03/01/2026 to 03/31/2026"


def test_figures_are_written_plainly():
    assert duration_text(timedelta(minutes=45)) == "45 min"
    assert duration_text(timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert duration_text(timedelta(hours=4)) == "4 h 00 min"  # the screen's wording (was "4 h")
    assert duration_text(timedelta(days=2, hours=5)) == "2 d 5 h"  # (was "2 days 5 h")
    assert duration_text(None) == "—"
    assert percent_text(1 / 8) == "12.5%" and percent_text(None) == "—"


# --- calls ---------------------------------------------------------------------------------------

def test_calls_count_on_their_local_day_and_only_within_the_period():
    period = Period(date(2026, 3, 2), date(2026, 3, 8))  # Monday to Sunday
    calls = [
        CallFact(local(2026, 3, 1, 23, 50), Direction.INBOUND),  # Sunday before: outside
        CallFact(local(2026, 3, 2, 8, 0), Direction.INBOUND),
        CallFact(local(2026, 3, 2, 23, 30), Direction.VOICEMAIL),  # 05:30 UTC on the 3rd: still Monday
        CallFact(local(2026, 3, 3, 10, 0), Direction.OUTBOUND),
        CallFact(local(2026, 3, 3, 11, 0), Direction.INBOUND),
        CallFact(local(2026, 3, 6, 9, 0), Direction.INBOUND),
        CallFact(local(2026, 3, 9, 0, 10), Direction.INBOUND),  # Monday after: outside
    ]
    holiday = Practice("Lakeside", "America/Chicago", holidays=(Holiday(date(2026, 3, 4), "Closed"),))
    volume = call_volume(calls, period, CHICAGO, holiday)
    assert volume.grain is Grain.DAY
    assert [b.count for b in volume.bars] == [2, 2, 0, 0, 1, 0, 0]
    assert [b.label for b in volume.bars] == ["03/02", "3", "4", "5", "6", "7", "8"]
    assert volume.total == 5
    assert dict(volume.by_direction) == {Direction.INBOUND: 3, Direction.OUTBOUND: 1, Direction.VOICEMAIL: 1}
    assert volume.business_days == 4  # Mon, Tue, Thu, Fri: Wednesday is a holiday
    assert volume.per_business_day == 5 / 4
    assert volume.busiest == (date(2026, 3, 2), 2)  # a tie goes to the earlier day
    # a period not yet over: the average is over the business days so far
    assert call_volume(calls, period, CHICAGO, holiday, date(2026, 3, 3)).business_days == 2


def test_longer_periods_get_weekly_then_monthly_bars():
    weeks = Period(date(2026, 1, 1), date(2026, 3, 1))  # Thursday to Sunday, 60 days
    calls = [CallFact(local(2026, 1, day, 9), Direction.INBOUND) for day in (1, 4, 5)]
    calls.append(CallFact(local(2026, 3, 1, 9), Direction.INBOUND))
    volume = call_volume(calls, weeks, CHICAGO, PRACTICE)
    assert volume.grain is Grain.WEEK
    # the first bar starts on the period's first day, the others on Mondays
    assert [b.start for b in volume.bars[:3]] == [date(2026, 1, 1), date(2026, 1, 5), date(2026, 1, 12)]
    assert [b.count for b in volume.bars[:2]] == [2, 1] and volume.bars[-1].count == 1
    assert len(volume.bars) == 9 and volume.bars[1].label == "01/05"
    year = Period(date(2025, 3, 1), date(2026, 2, 28))
    monthly = call_volume(calls, year, CHICAGO, PRACTICE)
    assert monthly.grain is Grain.MONTH and len(monthly.bars) == 12
    assert monthly.bars[0].label == "Mar 2025" and monthly.bars[10].label == "Jan 2026"
    assert monthly.bars[10].count == 3 and monthly.total == 3  # 03/01/2026 is after the period


# --- messages ------------------------------------------------------------------------------------

def message(created: datetime, urgency: Urgency = Urgency.ROUTINE, called_back: datetime | None = None,
            callback_at: datetime | None = None, **kw) -> Message:
    events = [MessageEvent(MessageState.NEW, created, "vma")]
    if called_back is not None:
        events.append(MessageEvent(MessageState.CALLBACK_DONE, called_back, "nurse"))
    values = dict(caller_name="Ann Ames", contact_number="+13125550142", reason="question", recipient_id=3,
                  created_at=created, urgency=urgency, callback_at=callback_at, events=tuple(events),
                  state=MessageState.CALLBACK_DONE if called_back else MessageState.NEW, id=1)
    values.update(kw)
    return Message(**values)


def test_message_turnaround_and_the_late_share_follow_the_callback_rule():
    now = local(2026, 3, 3, 13, 0)  # Tuesday 1 PM
    messages = [
        # routine, Monday 10 AM, due 5 PM: called back 4 PM -> on time, 6 h
        message(local(2026, 3, 2, 10, 0), called_back=local(2026, 3, 2, 16, 0)),
        # routine, Monday 4:30 PM, due 5 PM the same day: called back Tuesday 9 AM -> late, 16 h 30 min
        message(local(2026, 3, 2, 16, 30), called_back=local(2026, 3, 3, 9, 0)),
        # urgent, Tuesday 10 AM, due 11 AM: called back 10:30 -> on time, 30 min
        message(local(2026, 3, 3, 10, 0), Urgency.URGENT, called_back=local(2026, 3, 3, 10, 30)),
        # urgent, Tuesday 11 AM, due noon, not called back at 1 PM -> late (overdue)
        message(local(2026, 3, 3, 11, 0), Urgency.URGENT),
        # routine, Tuesday noon, due 5 PM, not called back -> waiting, left out of the share
        message(local(2026, 3, 3, 12, 0)),
        # routine, Monday 1 PM, the caller asked for Tuesday noon: called back then -> on time, 23 h
        message(local(2026, 3, 2, 13, 0), callback_at=local(2026, 3, 3, 12, 0),
                called_back=local(2026, 3, 3, 12, 0)),
    ]
    whole, rows = message_timeliness(messages, PRACTICE, CHICAGO, POLICY, now)
    assert (whole.count, whole.done, whole.judged, whole.late, whole.waiting) == (6, 4, 5, 2, 1)
    # the median of 30 min, 6 h, 16 h 30 min and 23 h: the middle two averaged
    assert whole.median == timedelta(hours=11, minutes=15)
    assert whole.late_share == 2 / 5 and whole.on_time_share == 3 / 5
    assert [r.label for r in rows] == ["Urgent", "Routine"]
    urgent = rows[0]
    assert (urgent.count, urgent.done, urgent.late, urgent.judged, urgent.median) == (
        2, 1, 1, 2, timedelta(minutes=30))


# --- refills -------------------------------------------------------------------------------------

def refill(received: datetime, due: datetime, steps: list[tuple[RefillStep, datetime]], *,
           decision: Decision | None = None, prescriber: int = 1, rid: int = 1) -> RefillRequest:
    events = tuple(RefillEvent(step, at, "vma") for step, at in steps)
    return RefillRequest(patient_id=1, medication="Lisinopril", strength="10 mg", quantity="90",
                         pharmacy="Walgreens", source=RefillSource.PHARMACY_FAX, requested_by="Walgreens",
                         prescriber_id=prescriber, received_at=received, due_at=due, decision=decision,
                         decided_by_id=prescriber if decision else None, events=events,
                         step=events[-1].step if events else RefillStep.RECEIVED, id=rid)


def test_refill_turnaround_stops_the_clock_where_the_rule_says():
    mon_close, tue_close = local(2026, 3, 2, 17), local(2026, 3, 3, 17)
    received = local(2026, 3, 2, 9)
    approved = refill(received, mon_close, [(RefillStep.DECIDED, local(2026, 3, 2, 11)),
                                            (RefillStep.PHARMACY_NOTIFIED, local(2026, 3, 2, 12))],
                      decision=Decision.APPROVED)
    # a denial no pharmacy asked about: the clock stops when the patient is told (late here)
    denied = refill(received, mon_close, [(RefillStep.DECIDED, local(2026, 3, 2, 15)),
                                          (RefillStep.PATIENT_NOTIFIED, local(2026, 3, 2, 18))],
                    decision=Decision.DENIED, prescriber=2)
    withdrawn = refill(received, mon_close, [(RefillStep.CLOSED, local(2026, 3, 2, 10))])
    running = refill(local(2026, 3, 2, 13), tue_close, [(RefillStep.ROUTED, local(2026, 3, 2, 14))])
    overdue = refill(received, mon_close, [(RefillStep.ROUTED, local(2026, 3, 2, 10))], prescriber=2)
    assert refill_clock_stop(approved).step is RefillStep.PHARMACY_NOTIFIED
    assert refill_clock_stop(denied).step is RefillStep.PATIENT_NOTIFIED
    assert refill_clock_stop(withdrawn).step is RefillStep.CLOSED
    assert refill_clock_stop(running) is None
    now = local(2026, 3, 3, 9)
    whole, rows = refill_timeliness([approved, denied, withdrawn, running, overdue], now, STAFF)
    # done after 3 h, 9 h, 1 h; judged: those three and the overdue one; late: the denial, the overdue
    assert (whole.count, whole.done, whole.judged, whole.late, whole.waiting) == (5, 3, 4, 2, 1)
    assert whole.median == timedelta(hours=3) and whole.on_time_share == 0.5
    assert [(r.label, r.count, r.late) for r in rows] == [("Dana Doyle, MD", 3, 0), ("Omar Ortiz, DO", 2, 2)]


# --- referrals -----------------------------------------------------------------------------------

def referral(rid: int, moves: list[tuple[str, datetime]], *, provider: int = 1,
             urgency: Urgency = Urgency.ROUTINE) -> Referral:
    created = moves[0][1]
    events = tuple(StateEvent(state, at, "vma") for state, at in moves)
    return Referral(patient_id=1, referring_provider_id=provider, specialty="Cardiology",
                    specialist_office="Heart Partners", reason="chest pain", created_at=created,
                    urgency=urgency, state=ReferralState(moves[-1][0]), state_since=moves[-1][1],
                    events=events, id=rid)


def test_referral_aging_is_a_snapshot_at_the_period_end_with_report_turnaround():
    lo, hi = local(2026, 2, 1), local(2026, 3, 1)
    as_of = hi
    day = timedelta(days=1)
    referrals = [
        # sent 10 days before the snapshot: 8-14 days, not stuck (routine allows 14)
        referral(1, [("draft", hi - 11 * day), ("sent", hi - 10 * day)]),
        # sent 20 days before: 15-30 days, stuck
        referral(2, [("draft", hi - 21 * day), ("sent", hi - 20 * day)], provider=2),
        # urgent, sent 5 days before: 0-7 days but stuck (urgent allows 3)
        referral(3, [("draft", hi - 6 * day), ("sent", hi - 5 * day)], urgency=Urgency.URGENT),
        # seen 40 days before, report received after the snapshot: seen then, over 30 days, stuck
        referral(4, [("draft", hi - 50 * day), ("sent", hi - 45 * day), ("seen", hi - 40 * day),
                     ("report_received", hi + 2 * day)], provider=2),
        # closed before the snapshot: not open; its report came in the period 12.5 days after sending
        referral(5, [("draft", lo), ("sent", lo + day), ("report_received", lo + 13.5 * day),
                     ("closed", lo + 14 * day)]),
        # created after the snapshot: not there yet
        referral(6, [("draft", hi + day)]),
        # a report before the period: not counted in the turnaround
        referral(7, [("draft", lo - 20 * day), ("sent", lo - 19 * day), ("report_received", lo - day)]),
        # on the buckets' edges: 7 days and 14 days
        referral(8, [("draft", hi - 9 * day), ("scheduled", hi - 7 * day)]),
        referral(9, [("draft", hi - 15 * day), ("scheduled", hi - 14 * day)]),
    ]
    aging = referral_aging(referrals, as_of=as_of, bounds=(lo, hi), zone=CHICAGO, policy=AgingPolicy(),
                           providers=STAFF)
    by_state = {row.state: row for row in aging.rows}
    assert by_state[ReferralState.SENT].counts == (1, 1, 1, 0) and by_state[ReferralState.SENT].stuck == 2
    assert by_state[ReferralState.SEEN].counts == (0, 0, 0, 1)
    # referral 7 still waits to be closed: report received, 20 days
    assert by_state[ReferralState.REPORT_RECEIVED].counts == (0, 0, 1, 0)
    assert by_state[ReferralState.SCHEDULED].counts == (1, 1, 0, 0)
    assert aging.open == 7 and aging.stuck == 3 and aging.totals == (2, 2, 2, 1)
    assert aging.reports == 1 and aging.median_days == 12.5
    assert [(p.provider, p.open, p.stuck, p.reports) for p in aging.per_provider] == [
        ("Dana Doyle, MD", 5, 1, 1), ("Omar Ortiz, DO", 2, 2, 0)]


# --- visits --------------------------------------------------------------------------------------

def test_confirmation_and_no_show_rates_are_of_the_visits_that_took_place():
    now = local(2026, 3, 5, 12)
    past, future = local(2026, 3, 4, 9), local(2026, 3, 6, 9)
    visits = [
        VisitFact(1, past, VisitStatus.ARRIVED, ContactMethod.PHONE, False),  # confirmed
        VisitFact(1, past, VisitStatus.ARRIVED, None, False),  # walked in unconfirmed
        VisitFact(1, past, VisitStatus.NO_SHOW, ContactMethod.TEXT, False),  # confirmed, then no-show
        VisitFact(2, past, VisitStatus.NO_SHOW, None, False),
        VisitFact(2, past, VisitStatus.CONFIRMED, ContactMethod.EMAIL, False),  # never marked arrived
        VisitFact(2, past, VisitStatus.CANCELLED, None, True),
        VisitFact(2, future, VisitStatus.LEFT_MESSAGE, ContactMethod.PHONE, False),
        VisitFact(1, future, VisitStatus.CANCELLED, None, False),
    ]
    whole, rows = visit_rates(visits, now, STAFF)
    assert (whole.booked, whole.cancelled, whole.late_cancelled, whole.past, whole.confirmed, whole.no_shows,
            whole.upcoming) == (8, 2, 1, 5, 3, 2, 1)
    assert whole.confirmation_rate == 3 / 5 and whole.no_show_rate == 2 / 5
    assert [(r.label, r.past, r.confirmed, r.no_shows) for r in rows] == [
        ("Dana Doyle, MD", 3, 2, 1), ("Omar Ortiz, DO", 2, 1, 1)]


# --- a patient's history -------------------------------------------------------------------------

ANN = Patient("Ann", "Ames", date(1960, 1, 1), id=7)


def history(**records):
    data = HistoryInputs(patient=ANN, period=Period(date(2026, 3, 2), date(2026, 3, 3)), zone=CHICAGO,
                         now=local(2026, 3, 4, 9), practice=PRACTICE, callback_policy=POLICY, staff=STAFF,
                         type_names={"est": "Established visit"}, **records)
    return patient_history(data)


def test_a_history_holds_each_record_of_the_period_once_in_time_order():
    call = Call(local(2026, 3, 2, 9, 20), Direction.INBOUND, "Ann Ames", CallReason.TEST_RESULTS, id=11,
                duration_seconds=95, outcome=CallOutcome.MESSAGE_TAKEN, routed_to=3, taken_by="vma",
                notes="asks about her A1c " + "and more " * 60)
    early_call = Call(local(2026, 3, 1, 23, 59), Direction.INBOUND, "Ann Ames", CallReason.GENERAL, id=10)
    taken = message(local(2026, 3, 2, 9, 25), Urgency.URGENT, called_back=local(2026, 3, 2, 11, 0), id=21,
                    call_id=11, reason="A1c result")
    # taken the Friday before, closed on Monday: listed at its close, marked as begun earlier
    older = message(local(2026, 2, 27, 15, 0), id=20, events=(
        MessageEvent(MessageState.NEW, local(2026, 2, 27, 15, 0), "vma"),
        MessageEvent(MessageState.CALLBACK_DONE, local(2026, 2, 27, 16, 0), "nurse"),
        MessageEvent(MessageState.CLOSED, local(2026, 3, 2, 8, 0), "nurse")), state=MessageState.CLOSED)
    # all its steps before the period: not listed
    done_before = message(local(2026, 2, 20, 9, 0), id=19, called_back=local(2026, 2, 20, 10, 0))
    request = refill(local(2026, 3, 3, 8, 0), local(2026, 3, 3, 17), [
        (RefillStep.RECEIVED, local(2026, 3, 3, 8, 0)), (RefillStep.ROUTED, local(2026, 3, 3, 8, 30)),
        (RefillStep.DECIDED, local(2026, 3, 3, 9, 0)),
        (RefillStep.PHARMACY_NOTIFIED, local(2026, 3, 3, 18, 0))],
        decision=Decision.APPROVED, rid=31)
    request = replace(request, check=ChartCheck(True), decided_at=local(2026, 3, 3, 9))
    sent = referral(41, [("draft", local(2026, 3, 2, 14, 0)), ("sent", local(2026, 3, 2, 15, 0))])
    visit = Appointment(7, 1, "est", local(2026, 3, 3, 10, 0), 20, id=51, status=VisitStatus.CANCELLED,
                        cancel_reason="travelling", cancelled_at=local(2026, 3, 2, 16, 0), late_cancel=True)
    seen = Appointment(7, 2, "est", local(2026, 3, 2, 11, 0), 20, id=50, status=VisitStatus.ARRIVED,
                       confirmation_method=ContactMethod.PHONE)
    after = Appointment(7, 1, "est", local(2026, 3, 4, 10, 0), 20, id=52)
    at_midnight_after = referral(42, [("draft", local(2026, 3, 4, 0, 0))])
    made = history(calls=[early_call, call], messages=[taken, older, done_before], refills=[request],
                   referrals=[sent, at_midnight_after], appointments=[visit, after, seen])
    assert [(e.kind, e.record_id) for e in made.entries] == [
        (EntryKind.MESSAGE, 20), (EntryKind.CALL, 11), (EntryKind.MESSAGE, 21), (EntryKind.APPOINTMENT, 50),
        (EntryKind.REFERRAL, 41), (EntryKind.REFILL, 31), (EntryKind.APPOINTMENT, 51)]
    assert made.counts_text == "1 call · 2 messages · 1 refill request · 1 referral · 2 visits"
    older_entry, call_entry, message_entry, seen_entry, referral_entry, refill_entry, visit_entry = \
        made.entries
    assert seen_entry.details == ("With Omar Ortiz, DO · 20 min", "Confirmed by phone")
    assert (seen_entry.what, seen_entry.outcome) == ("Visit · Established visit", "Arrived")
    assert older_entry.at == local(2026, 3, 2, 8, 0) and older_entry.began == local(2026, 2, 27, 15, 0)
    assert call_entry.what == "Inbound call · Test results" and call_entry.outcome == "Message taken"
    assert "Caller: Ann Ames · taken by vma · 2 min" in call_entry.details
    assert "Routed to Nora Nurse, RN" in call_entry.details
    notes = next(d for d in call_entry.details if d.startswith("Notes:"))
    assert len(notes) <= len("Notes: ") + 240 and notes.endswith("…")
    assert message_entry.what == "Message for Nora Nurse, RN · Urgent"
    # urgent, due within the hour (10:25 AM); called back 11:00 AM
    assert "From Ann Ames, taken during the call at 9:20 AM · taken by vma" in message_entry.details
    assert "Called back 11:00 AM after 1 h 35 min (late: due 10:25 AM)" in message_entry.details
    assert "Steps: sent 3:00 PM (vma)" in referral_entry.details and referral_entry.outcome == "Sent"
    assert "Due 5:00 PM: pharmacy notified 6:00 PM (late)" in refill_entry.details
    assert refill_entry.outcome == "Approved" and "Decision: Approved by Dana Doyle, MD 9:00 AM" in \
        refill_entry.details
    assert "Cancelled Mon 03/02/2026 4:00 PM (late cancellation): travelling" in visit_entry.details


def test_an_empty_history_is_empty():
    made = history()
    assert made.entries == () and made.counts_text == (
        "0 calls · 0 messages · 0 refill requests · 0 referrals · 0 visits")


def test_telling_the_patient_moves_nothing_in_the_aging_and_is_a_step_in_the_history():
    """Issue 12, item 15: "patient told" is a step kept in the referral's events, not a state."""
    hi, day = local(2026, 3, 1), timedelta(days=1)
    told = referral(10, [("draft", hi - 25 * day), ("sent", hi - 24 * day), ("scheduled", hi - 20 * day)])
    told = replace(told, events=told.events + (StateEvent("patient_told", hi - 10 * day, "vma", "by phone"),))
    aging = referral_aging([told], as_of=hi, bounds=(hi - 30 * day, hi), zone=CHICAGO, policy=AgingPolicy(),
                           providers=STAFF)
    by_state = {row.state: row for row in aging.rows}
    assert by_state[ReferralState.SCHEDULED].counts == (0, 0, 1, 0)  # 20 days since the booking
    steps = referral(43, [("draft", local(2026, 3, 2, 14, 0)), ("sent", local(2026, 3, 2, 15, 0))])
    steps = replace(steps, events=steps.events + (
        StateEvent("patient_told", local(2026, 3, 2, 15, 30), "vma", "by phone"),))
    [entry] = history(referrals=[steps]).entries
    assert "Steps: sent 3:00 PM (vma); patient told 3:30 PM (vma): by phone" in entry.details
    assert entry.outcome == "Sent"
