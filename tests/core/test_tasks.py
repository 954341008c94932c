"""Task rules without a database: one assignee, a repeat understood and worked out in the
practice's wall time (across a DST change), "overdue", and a repeat said in words."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from vma_desk.core.records import RecordKind
from vma_desk.core.tasks import Task, check_task, is_mine, late_warning, next_due, repeat_text

CHICAGO = ZoneInfo("America/Chicago")


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO).astimezone(UTC)


def test_a_task_names_exactly_one_assignee_and_a_title():
    fields = {p.field for p in check_task(Task("  ", local(3, 2, 9)))}
    assert fields == {"title", "assignee"}
    two = Task("Call the payer", local(3, 2, 9), assignee_user_id=1, assignee_role="clinical")
    assert [p.field for p in check_task(two)] == ["assignee"]
    assert check_task(Task("Call the payer", local(3, 2, 9), assignee_role="clinical")) == []
    assert [p.field for p in check_task(Task("x", local(3, 2, 9), assignee_role="janitor"))] == ["assignee"]


def test_a_link_needs_both_its_kind_and_its_record():
    half = Task("Chase the PA", local(3, 2, 9), assignee_role="vma", link_kind=RecordKind.PRIOR_AUTH)
    assert [p.field for p in check_task(half)] == ["link"]
    whole = Task("Chase the PA", local(3, 2, 9), assignee_role="vma", link_kind=RecordKind.PRIOR_AUTH,
                 link_id=4)
    assert check_task(whole) == []


def test_every_monday_comes_back_at_the_same_wall_time_across_the_dst_change():
    task = Task("Send the weekly recall letters", local(3, 2, 9), assignee_role="vma",
                rrule="FREQ=WEEKLY;BYDAY=MO")
    first = next_due(task, CHICAGO)
    assert first == local(3, 9, 9)  # DST began on Sunday 03/08: still 9:00 in Chicago
    assert first is not None and first.astimezone(CHICAGO).hour == 9
    assert next_due(Task("once", local(3, 2, 9), assignee_role="vma"), CHICAGO) is None
    ended = Task("twice", local(3, 2, 9), assignee_role="vma", rrule="FREQ=DAILY;COUNT=1")
    assert next_due(ended, CHICAGO) is None


def test_a_repeat_it_cannot_read_is_refused_beside_the_repeat():
    bad = Task("x", local(3, 2, 9), assignee_role="vma", rrule="EVERY MONDAY")
    assert [p.field for p in check_task(bad)] == ["rrule"]
    with_start = Task("x", local(3, 2, 9), assignee_role="vma", rrule="DTSTART:20260302T090000\nFREQ=DAILY")
    assert [p.field for p in check_task(with_start)] == ["rrule"]


def test_a_task_made_already_due_is_allowed_with_a_warning():
    now = local(3, 2, 10)
    late = Task("Fax the records", local(3, 2, 9), assignee_role="records")
    assert check_task(late) == [] and late.overdue(now)
    assert late_warning(late, now) == "This is already past due: the task will show as overdue."
    assert late_warning(Task("x", local(3, 2, 11), assignee_role="vma"), now) == ""


def test_mine_is_mine_by_name_or_by_role():
    assert is_mine(Task("x", local(3, 2, 9), assignee_user_id=7), 7, "vma")
    assert is_mine(Task("x", local(3, 2, 9), assignee_role="vma"), 7, "vma")
    assert not is_mine(Task("x", local(3, 2, 9), assignee_role="clinical"), 7, "vma")
    assert not is_mine(Task("x", local(3, 2, 9), assignee_user_id=8), 7, "vma")


def test_a_repeat_in_words():
    assert repeat_text("FREQ=WEEKLY;BYDAY=MO") == "Every week on Monday"
    assert repeat_text("FREQ=MONTHLY;INTERVAL=3") == "Every 3 months"
    assert repeat_text("FREQ=WEEKLY;BYDAY=MO;COUNT=4") == "FREQ=WEEKLY;BYDAY=MO;COUNT=4"
    assert repeat_text("") == ""


def test_a_repeat_that_never_comes_back_is_not_searched_for_ever_and_until_in_utc_is_understood():
    import time

    never = Task("x", local(3, 2, 9), assignee_role="vma", rrule="FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    start = time.perf_counter()
    assert next_due(never, CHICAGO) is None
    assert time.perf_counter() - start < 1.0
    assert [(p.field, p.message) for p in check_task(never)] == [
        ("rrule", "This repeat never comes back: no month has that day.")]
    rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T150000Z"  # the 16th at 10:00 in Chicago, in UTC
    until = Task("x", local(3, 2, 9), assignee_role="vma", rrule=rule)
    assert check_task(until) == []
    assert next_due(until, CHICAGO) == local(3, 9, 9)
    last = Task("x", local(3, 16, 9), assignee_role="vma", rrule=rule)
    assert next_due(last, CHICAGO) is None
    yearly = Task("x", local(3, 2, 9), assignee_role="vma", rrule="FREQ=YEARLY;INTERVAL=2")
    assert next_due(yearly, CHICAGO) == local(3, 2, 9).replace(year=2028)
