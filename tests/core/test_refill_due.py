"""The refill noon rule at its edges, in Chicago, whatever the laptop's own time zone."""

from __future__ import annotations

import time as systime
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.records import Holiday, Practice
from vma_desk.core.rules.refills import DueState, due_state, refill_due

CHICAGO = ZoneInfo("America/Chicago")
PRACTICE = Practice("Lakeside", "America/Chicago", holidays=(
    Holiday(date(2026, 7, 3), "Independence Day (observed)"),
    Holiday(date(2026, 11, 26), "Thanksgiving"),
    Holiday(date(2026, 11, 27), "Day after Thanksgiving"),
))


def received(y, m, d, hh, mm=0, ss=0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=CHICAGO).astimezone(UTC)


@pytest.mark.parametrize(("when", "due"), [
    # the noon line on an ordinary Monday
    ((2026, 3, 2, 11, 59, 59), "Mon 03-02 17:00"),
    ((2026, 3, 2, 12, 0, 0), "Tue 03-03 17:00"),
    ((2026, 3, 2, 0, 0, 0), "Mon 03-02 17:00"),
    ((2026, 3, 2, 23, 59, 0), "Tue 03-03 17:00"),
    # Friday morning and afternoon, and the weekend
    ((2026, 3, 6, 11, 30, 0), "Fri 03-06 17:00"),
    ((2026, 3, 6, 15, 0, 0), "Mon 03-09 17:00"),
    ((2026, 3, 7, 9, 0, 0), "Mon 03-09 17:00"),
    ((2026, 3, 8, 11, 0, 0), "Mon 03-09 17:00"),
    # the day before a holiday, and a holiday itself
    ((2026, 7, 2, 14, 0, 0), "Mon 07-06 17:00"),
    ((2026, 7, 2, 10, 0, 0), "Thu 07-02 17:00"),
    ((2026, 7, 3, 9, 0, 0), "Mon 07-06 17:00"),
    ((2026, 11, 25, 13, 0, 0), "Mon 11-30 17:00"),
    # DST: spring forward (Sun 03-08) and fall back (Sun 11-01), local noon still the line
    ((2026, 3, 9, 11, 59, 0), "Mon 03-09 17:00"),
    ((2026, 3, 9, 12, 1, 0), "Tue 03-10 17:00"),
    ((2026, 10, 30, 16, 0, 0), "Mon 11-02 17:00"),
    ((2026, 11, 2, 11, 0, 0), "Mon 11-02 17:00"),
])
def test_due_time_table(when, due):
    got = refill_due(received(*when), PRACTICE, CHICAGO)
    assert got.astimezone(CHICAGO).strftime("%a %m-%d %H:%M") == due


def test_the_utc_offset_of_the_due_time_follows_dst():
    before = refill_due(received(2026, 3, 6, 9), PRACTICE, CHICAGO)   # Fri, CST
    after = refill_due(received(2026, 3, 9, 9), PRACTICE, CHICAGO)    # Mon, CDT
    assert (before.hour, after.hour) == (23, 22)  # 17:00 local is 23:00 UTC, then 22:00 UTC


def test_the_laptop_time_zone_does_not_matter(monkeypatch):
    expected = refill_due(received(2026, 3, 6, 15), PRACTICE, CHICAGO)
    for laptop in ("Asia/Manila", "Pacific/Kiritimati", "America/Los_Angeles"):
        monkeypatch.setenv("TZ", laptop)
        systime.tzset()
        assert refill_due(received(2026, 3, 6, 15), PRACTICE, CHICAGO) == expected
    monkeypatch.delenv("TZ")
    systime.tzset()


def test_near_and_past_due():
    due = refill_due(received(2026, 3, 2, 9), PRACTICE, CHICAGO)
    assert due_state(due, due - timedelta(hours=3)) is DueState.ON_TIME
    assert due_state(due, due - timedelta(hours=2)) is DueState.NEAR_DUE
    assert due_state(due, due) is DueState.NEAR_DUE
    assert due_state(due, due + timedelta(seconds=1)) is DueState.PAST_DUE
