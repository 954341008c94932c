"""The one order messages are listed in (the Messages tab, Today's due rows, the shift handoff):
emergencies first, then urgent, then routine; within each, the callback due soonest first (a
message whose callback is done has none: last), then the one taken first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.agenda import URGENT, AgendaInputs, ItemKind, build_agenda
from vma_desk.core.communications import Message, MessageState, Urgency
from vma_desk.core.records import Practice
from vma_desk.core.rules.callbacks import CallbackPolicy, callback_due, listing_key, listing_order

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # Monday 9:30 in Chicago
PRACTICE = Practice("Lakeside Family Medicine", "America/Chicago")
CHICAGO = ZoneInfo("America/Chicago")


def message(record_id: int, urgency: Urgency, taken: datetime, **kw: object) -> Message:
    values: dict[str, object] = dict(caller_name=f"Caller {record_id}", contact_number="3125550142",
                                     reason=f"reason {record_id}", recipient_id=1, created_at=taken,
                                     urgency=urgency, id=record_id)
    values.update(kw)
    return Message(**values)  # type: ignore[arg-type]


WEEK_OLD_ROUTINE = message(1, Urgency.ROUTINE, NOW - timedelta(days=7))
EMERGENCY_NOW = message(2, Urgency.EMERGENCY, NOW - timedelta(minutes=1))
URGENT_HOUR_AGO = message(3, Urgency.URGENT, NOW - timedelta(minutes=50))
ROUTINE_TODAY = message(4, Urgency.ROUTINE, NOW - timedelta(minutes=20))
OLD_EMERGENCY_CALLED_BACK = message(5, Urgency.EMERGENCY, NOW - timedelta(hours=3),
                                    state=MessageState.CALLBACK_DONE)
EMERGENCY_EARLIER = message(6, Urgency.EMERGENCY, NOW - timedelta(minutes=30))


def due(m: Message) -> datetime:
    return callback_due(m, PRACTICE, CHICAGO)


def test_an_emergency_taken_a_minute_ago_comes_before_a_week_old_routine_callback():
    assert due(WEEK_OLD_ROUTINE) < due(EMERGENCY_NOW)  # the routine one is due (and late) first
    emergency = listing_key(EMERGENCY_NOW, due(EMERGENCY_NOW))
    assert emergency < listing_key(WEEK_OLD_ROUTINE, due(WEEK_OLD_ROUTINE))


def test_urgency_then_callback_due_then_taken_and_no_callback_due_last():
    shuffled = [ROUTINE_TODAY, OLD_EMERGENCY_CALLED_BACK, WEEK_OLD_ROUTINE, URGENT_HOUR_AGO, EMERGENCY_NOW,
                EMERGENCY_EARLIER]
    ordered = listing_order([(m, due(m)) for m in shuffled])
    assert [m.id for m, _ in ordered] == [6, 2, 5, 3, 1, 4]


def test_the_same_callback_due_is_broken_by_the_time_taken():
    first = message(7, Urgency.ROUTINE, NOW - timedelta(hours=2))
    second = message(8, Urgency.ROUTINE, NOW - timedelta(hours=1))
    same = NOW + timedelta(hours=3)
    assert [m.id for m, _ in listing_order([(second, same), (first, same)])] == [7, 8]


def test_todays_due_rows_list_the_emergency_first():
    messages = [(m, due(m), NOW > due(m)) for m in (WEEK_OLD_ROUTINE, ROUTINE_TODAY, EMERGENCY_NOW)]
    agenda = build_agenda(AgendaInputs(
        day=date(2026, 3, 2), now=NOW, practice_name=PRACTICE.name, time_zone=PRACTICE.time_zone,
        providers=(), types={}, appointments=(), patients={}, names={}, no_shows={}, confirmations=(),
        eligibility=(), open_messages=messages, refills=(), referrals=(), prior_auths=()))
    rows = [(i.kind, i.record_id) for i in agenda.due]
    assert rows[0] == (ItemKind.MESSAGE, EMERGENCY_NOW.id)
    assert rows.index((ItemKind.MESSAGE, 2)) < rows.index((ItemKind.MESSAGE, 1))
    assert agenda.due[0].severity == URGENT


def test_an_emergency_given_minutes_by_the_practice_is_still_among_the_urgent_rows():
    policy = CallbackPolicy(emergency_minutes=10)
    fresh = message(9, Urgency.EMERGENCY, NOW - timedelta(minutes=1))
    fresh_due = callback_due(fresh, PRACTICE, CHICAGO, policy)
    late = (WEEK_OLD_ROUTINE, due(WEEK_OLD_ROUTINE), True)
    agenda = build_agenda(AgendaInputs(
        day=date(2026, 3, 2), now=NOW, practice_name=PRACTICE.name, time_zone=PRACTICE.time_zone,
        providers=(), types={}, appointments=(), patients={}, names={}, no_shows={}, confirmations=(),
        eligibility=(), open_messages=(late, (fresh, fresh_due, False)), refills=(), referrals=(),
        prior_auths=()))
    assert [(i.record_id, i.severity) for i in agenda.due] == [(9, URGENT), (1, URGENT)]
