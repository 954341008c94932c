"""The one wording of dates, times, durations and ages, at its edges: what the tabs, the PDFs and
the command line all print."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core import wording
from vma_desk.core.records import Patient

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(("span", "said"), [
    (timedelta(0), "0 min"),
    (timedelta(seconds=59), "0 min"),  # whole minutes gone by, as a clock counts them
    (timedelta(seconds=95), "1 min"),
    (timedelta(minutes=59), "59 min"),
    (timedelta(minutes=59, seconds=31), "59 min"),  # "1 h 00 min left" would overstate a time left
    (timedelta(hours=1), "1 h 00 min"),
    (timedelta(hours=3, minutes=5), "3 h 05 min"),
    (timedelta(hours=23, minutes=59), "23 h 59 min"),
    (timedelta(hours=23, minutes=59, seconds=59), "23 h 59 min"),
    (timedelta(days=1), "1 d 0 h"),
    (timedelta(days=2, hours=4, minutes=30), "2 d 4 h"),
    (timedelta(days=2, hours=4, minutes=59), "2 d 4 h"),  # the "2 d 4 h" here, "2 days 5 h" on paper
    (timedelta(minutes=-5), "0 min"),  # a clock a little ahead never says "-5 min"
])
def test_a_duration_reads_the_same_everywhere_in_whole_minutes(span, said):
    assert wording.duration_text(span) == said


@pytest.mark.parametrize(("span", "said"), [
    (timedelta(seconds=29), "0 min"), (timedelta(seconds=30), "1 min"), (timedelta(seconds=95), "2 min"),
    (timedelta(minutes=59, seconds=30), "1 h 00 min"),
])
def test_a_measured_length_is_rounded_to_the_nearest_minute(span, said):
    assert wording.duration_text(span, nearest=True) == said


def test_a_wait_under_a_minute_is_just_now_and_no_duration_is_a_dash():
    assert wording.waited(timedelta(seconds=59)) == "just now"  # not "1 min": it has not waited one
    assert wording.waited(timedelta(minutes=1)) == "1 min"
    assert wording.waited(timedelta(days=2, hours=4, minutes=30)) == "2 d 4 h"
    assert wording.duration_text(None) == "—"


def test_a_call_length_reads_like_its_timer():
    assert [wording.call_length(s) for s in (42, 725, 3723, -3)] == ["0:42", "12:05", "1:02:03", "0:00"]


def test_days_standing_still_and_days_ago():
    assert [wording.days_count(n) for n in (0, 1, 12)] == ["today", "1 day", "12 days"]
    assert [wording.days_ago(n) for n in (0, 1, 3)] == ["today", "1 day ago", "3 days ago"]
    assert wording.days_text(2.25) == "2.2 days" and wording.days_text(None) == "—"
    assert wording.percent_text(1 / 8) == "12.5%" and wording.plural(1204, "call") == "1,204 calls"


def test_a_date_shows_its_year_only_when_it_is_not_this_year():
    today = date(2026, 3, 2)
    assert wording.short_date(date(2026, 3, 3), today) == "Tue 03/03"
    assert wording.short_date(date(2026, 12, 31), today) == "Thu 12/31"
    assert wording.short_date(date(2025, 12, 5), today) == "Fri 12/05/2025"  # last year
    assert wording.short_date(date(2027, 1, 1), today) == "Fri 01/01/2027"  # next year
    assert wording.short_date(date(2026, 3, 3), None) == "Tue 03/03/2026"  # no "today" known: say it
    assert wording.date_text(date(2026, 3, 2)) == "03/02/2026"
    assert wording.long_day(date(2026, 3, 2)) == "Monday, March 2, 2026"


def test_times_are_the_practice_s_with_no_leading_zero():
    assert wording.clock(time(9, 5)) == "9:05 AM" and wording.clock(time(0, 0)) == "12:00 AM"
    assert wording.clock(time(12, 30)) == "12:30 PM" and wording.short_clock(time(13, 5)) == "1:05"
    # 13:05 UTC is 8:05 AM in Chicago after the change to daylight time, 7:05 AM before
    assert wording.clock_text(datetime(2026, 3, 9, 13, 5, tzinfo=UTC), CHICAGO) == "8:05 AM"
    assert wording.clock_text(datetime(2026, 3, 6, 13, 5, tzinfo=UTC), CHICAGO) == "7:05 AM"
    moment = datetime(2026, 3, 3, 15, 5, tzinfo=UTC)  # Tue 9:05 AM in Chicago
    assert wording.when_text(moment, CHICAGO) == "Tue 03/03/2026 9:05 AM"
    assert wording.when_in_year(moment, CHICAGO, date(2026, 3, 3)) == "9:05 AM"
    assert wording.when_in_year(moment, CHICAGO, date(2026, 3, 2)) == "Tue 03/03 9:05 AM"
    assert wording.when_in_year(moment, CHICAGO, date(2027, 1, 4)) == "Tue 03/03/2026 9:05 AM"
    later = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)
    assert wording.step_text(later, moment, CHICAGO) == "03/04 10:00 AM"
    assert wording.step_text(moment, moment, CHICAGO) == "9:05 AM"


@pytest.mark.parametrize(("born", "day", "years"), [
    (date(1960, 3, 2), date(2026, 3, 1), 65),  # the day before the birthday
    (date(1960, 3, 2), date(2026, 3, 2), 66),  # on the birthday
    (date(2000, 2, 29), date(2025, 2, 28), 24),  # a leap-day birthday: not yet on 28 February
    (date(2000, 2, 29), date(2025, 3, 1), 25),  # ... but on 1 March
    (date(2000, 2, 29), date(2024, 2, 29), 24),  # and on the day itself in a leap year
    (date(2026, 1, 5), date(2026, 3, 2), 0),
])
def test_an_age_counts_whole_years_and_a_leap_day_birthday_comes_on_1_march(born, day, years):
    assert wording.age_on(born, day) == years
    assert Patient("Ann", "Ames", born).age_on(day) == years  # the record asks the same function


def test_an_age_in_a_list():
    assert [wording.age_text(a) for a in (66, 0, None)] == ["66", "<1", "—"]


def test_free_text_is_one_line_and_clipped_with_an_ellipsis():
    assert wording.clip("  new rash\n since   yesterday ", 40) == "new rash since yesterday"
    assert wording.clip("chest pain radiating to the arm", 12) == "chest pain…"  # no space before '…'
    assert len(wording.clip("x" * 300, 240)) == 240
    assert wording.clip("exactly ten", 11) == "exactly ten"
