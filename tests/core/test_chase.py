"""The chase's pure rules: the next attempt inside business hours (across a DST change), the count
of the chase going on (a new chase after a reached, declined or letter), what a letter and a
"declined" leave the row saying, and the box check's business hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.chase import (
    DEFAULT_POLICY,
    Attempt,
    Channel,
    ChaseKind,
    ChaseState,
    Outcome,
    business_hours_between,
    current_chase,
    next_attempt,
    within_hours,
)
from vma_desk.core.records import Holiday, Practice

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside", "America/Chicago", holidays=(Holiday(date(2026, 3, 9), "Staff day"),))


def local(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def attempt(at: datetime, outcome: Outcome = Outcome.NO_ANSWER, channel: Channel = Channel.PHONE,
            next_at: datetime | None = None) -> Attempt:
    return Attempt(ChaseKind.RECALL, 7, at, channel, outcome, next_at=next_at)


def test_the_next_attempt_moves_into_the_next_opening_across_the_dst_change() -> None:
    # Friday 6 March 16:30 + 24 h: Saturday; Monday the 9th is a holiday; DST starts on Sunday the 8th
    due = within_hours(local(3, 6, 16, 30) + timedelta(hours=24), PRACTICE, CHICAGO, DEFAULT_POLICY)
    assert due == local(3, 10, 8, 0)
    assert due.astimezone(CHICAGO).hour == 8  # 8:00 local after the change, not 7:00 or 9:00
    assert within_hours(local(3, 2, 6, 15), PRACTICE, CHICAGO, DEFAULT_POLICY) == local(3, 2, 8, 0)


def test_a_new_chase_after_one_that_ended_counts_from_nothing() -> None:
    last_year = [attempt(local(3, 2, 9, 0, 2025)), attempt(local(3, 3, 9, 0, 2025)),
                 attempt(local(3, 4, 9, 0, 2025), Outcome.REACHED)]
    first = attempt(local(3, 2, 9, 0))
    assert current_chase((*last_year, first)) == (first,)
    assert next_attempt(first, last_year, PRACTICE, CHICAGO) == local(3, 2, 11, 0)
    state = ChaseState((*last_year, first))
    assert (state.count, state.unanswered, state.exhausted) == (1, 1, False)
    assert state.text(CHICAGO) == "1 attempt · last: no answer 09:00"


def test_three_unanswered_attempts_ask_for_a_letter_and_the_letter_quiets_the_row() -> None:
    tries = [attempt(local(3, 2, 9, 0)), attempt(local(3, 2, 11, 0)), attempt(local(3, 2, 13, 0))]
    assert next_attempt(tries[2], tries[:2], PRACTICE, CHICAGO) is None
    state = ChaseState(tuple(tries))
    assert state.exhausted and not state.quiet(local(3, 2, 14, 0))
    letter = attempt(local(3, 2, 14, 0), Outcome.NO_ANSWER, Channel.LETTER)
    sent = ChaseState((*tries, letter))
    assert sent.letter_sent and not sent.exhausted and sent.quiet(local(3, 20, 9, 0))
    assert sent.text(CHICAGO) == "4 attempts · letter sent 03/02"


def test_declined_is_not_reached() -> None:
    state = ChaseState((attempt(local(3, 2, 9, 0), Outcome.DECLINED),))
    assert state.declined and state.ended and not state.reached and not state.exhausted


def test_business_hours_count_only_opening_hours_of_business_days() -> None:
    # Friday 16:00 to Tuesday 9:00: one hour on Friday, the weekend and Monday's holiday skipped
    hours = business_hours_between(local(3, 6, 16, 0), local(3, 10, 9, 0), PRACTICE, CHICAGO)
    assert hours == timedelta(hours=2)
