"""Records requests' pure rules: the business-day clock (weekends and holidays skipped, late after
the due day), what a release needs before it is sent (an authorisation signed, dated, not expired),
and what may be saved, closed or reopened. No database, no Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from vma_desk.core.records import Holiday, Practice
from vma_desk.core.records_requests import (
    DEFAULT_DAYS,
    Direction,
    RecordsRequest,
    RequestState,
    Timing,
    accounting_start,
    check_cancel,
    check_days,
    check_release,
    check_reopen,
    check_request,
    due_on,
    is_late,
    timing,
)

# Good Friday-style closure: Friday 2026-03-06 is a holiday
PRACTICE = Practice("Lakeside", "America/Chicago", holidays=(Holiday(date(2026, 3, 6), "Staff day"),))
MONDAY = date(2026, 3, 2)
RELEASE = RecordsRequest(Direction.OUTGOING, patient_id=1, party="Harbor Mutual Insurance", asked_on=MONDAY,
                         items="Visit notes 2025", purpose="Life insurance application",
                         authorization_on=date(2026, 2, 27), authorization_expires=date(2026, 8, 27))
ASKED = RecordsRequest(Direction.INCOMING, patient_id=1, party="St. Mary's Hospital ER", asked_on=MONDAY,
                       items="ER visit notes and imaging report")


def test_the_default_clock_is_five_business_days() -> None:
    assert DEFAULT_DAYS == 5
    assert due_on(RELEASE, Practice("Plain", "America/Chicago")) == date(2026, 3, 9)  # the next Monday


def test_a_release_due_in_five_business_days_across_a_holiday_is_due_a_day_later() -> None:
    # Tue 3, Wed 4, Thu 5, (Fri 6 holiday), (weekend), Mon 9, Tue 10
    assert due_on(RELEASE, PRACTICE, 5) == date(2026, 3, 10)


def test_it_is_late_only_from_the_day_after_its_due_day() -> None:
    assert timing(RELEASE, date(2026, 3, 9), PRACTICE) is Timing.ON_TIME
    assert timing(RELEASE, date(2026, 3, 10), PRACTICE) is Timing.DUE_TODAY
    assert not is_late(RELEASE, date(2026, 3, 10), PRACTICE)
    assert is_late(RELEASE, date(2026, 3, 11), PRACTICE)


def test_a_request_asked_on_a_weekend_counts_from_the_next_business_day() -> None:
    saturday = replace(ASKED, asked_on=date(2026, 2, 28))
    assert due_on(saturday, PRACTICE, 1) == MONDAY


def test_the_clock_stops_once_a_request_is_done_or_cancelled() -> None:
    late_day = date(2026, 4, 1)
    assert is_late(ASKED, late_day, PRACTICE)
    for state in (RequestState.RECEIVED, RequestState.CANCELLED):
        assert timing(replace(ASKED, state=state), late_day, PRACTICE) is None


def test_the_setting_is_between_one_and_thirty_business_days() -> None:
    assert check_days(1) is None and check_days(30) is None
    for wrong in (0, 31):
        problem = check_days(wrong)
        assert problem is not None and problem.field == "days"


def test_a_release_with_a_valid_authorisation_may_be_sent() -> None:
    assert check_release(RELEASE, MONDAY) is None
    assert check_release(RELEASE, date(2026, 8, 27)) is None  # the last day it is valid


def test_a_release_with_an_expired_authorisation_is_refused_with_the_reason() -> None:
    problem = check_release(RELEASE, date(2026, 8, 28))
    assert problem is not None and problem.field == "authorization_expires"
    assert "expired" in problem.message and "new one" in problem.message


def test_a_release_without_an_authorisation_is_refused_naming_what_is_missing() -> None:
    problem = check_release(replace(RELEASE, authorization_on=None, authorization_expires=None), MONDAY)
    assert problem is not None and problem.field == "authorization_on"
    assert "signed authorisation" in problem.message
    undated_expiry = check_release(replace(RELEASE, authorization_expires=None), MONDAY)
    assert undated_expiry is not None and undated_expiry.field == "authorization_expires"
    signed_later = check_release(replace(RELEASE, authorization_on=date(2026, 3, 3)), MONDAY)
    assert signed_later is not None and signed_later.field == "authorization_on"


def test_only_an_open_release_is_sent_and_records_asked_for_are_never_sent() -> None:
    sent = check_release(replace(RELEASE, state=RequestState.SENT), MONDAY)
    assert sent is not None and sent.field == "state"
    incoming = check_release(ASKED, MONDAY)
    assert incoming is not None and incoming.field == "direction"


def test_a_request_needs_who_what_and_for_a_release_why() -> None:
    problems = check_request(replace(RELEASE, party="", items="", purpose=""), MONDAY)
    assert [p.field for p in problems] == ["party", "items", "purpose"]
    assert check_request(replace(ASKED, purpose=""), MONDAY) == []


def test_a_request_asked_in_the_future_or_with_dates_out_of_order_is_refused() -> None:
    future = check_request(replace(ASKED, asked_on=date(2026, 3, 3)), MONDAY)
    assert [p.field for p in future] == ["asked_on"] and "cannot be in the future" in future[0].message
    reversed_dates = check_request(replace(RELEASE, authorization_expires=date(2026, 2, 1)), MONDAY)
    assert [p.field for p in reversed_dates] == ["authorization_expires"]
    signed_tomorrow = check_request(replace(RELEASE, authorization_on=date(2026, 3, 3)), MONDAY)
    assert [p.field for p in signed_tomorrow] == ["authorization_on"]


def test_closing_needs_a_reason_and_a_sent_release_is_never_reopened() -> None:
    assert check_cancel(ASKED, "") is not None
    assert check_cancel(ASKED, "Duplicate of an earlier request") is None
    assert check_cancel(replace(ASKED, state=RequestState.RECEIVED), "Duplicate") is not None
    assert check_reopen(replace(ASKED, state=RequestState.RECEIVED)) is None
    assert check_reopen(replace(RELEASE, state=RequestState.CANCELLED)) is None
    sent = check_reopen(replace(RELEASE, state=RequestState.SENT))
    assert sent is not None and "accounting of disclosures" in sent.message
    assert check_reopen(ASKED) is not None


def test_the_accounting_covers_the_six_years_before_the_day_it_is_made() -> None:
    assert accounting_start(MONDAY) == date(2020, 3, 2)
    assert accounting_start(date(2028, 2, 29)) == date(2022, 2, 28)
