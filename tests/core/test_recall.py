"""The recall rules, pure: which gaps are on recall, the visit type to book, the provider seen last,
and the list's filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from vma_desk.core.chase import Attempt, Channel, ChaseKind, ChaseState, Outcome
from vma_desk.core.errors import ValidationError
from vma_desk.core.recall import (
    RecallFilter,
    RecallSettings,
    check_within_days,
    filtered,
    on_recall,
    recall_row,
    recall_rows,
    within_days_from,
)
from vma_desk.core.records import CareGap

TODAY = date(2026, 3, 2)
A1C_FU = RecallSettings(types={"a1c": "fu"})


def test_a_gap_is_on_recall_when_not_done_due_soon_and_no_closing_visit_is_booked() -> None:
    overdue, soon, far = (CareGap("Mammogram", date(2026, 1, 10)), CareGap("Mammogram", date(2026, 4, 1)),
                          CareGap("Mammogram", date(2026, 4, 2)))
    assert on_recall(overdue, TODAY, RecallSettings(), set())
    assert on_recall(soon, TODAY, RecallSettings(), set())  # due in 30 days: the default window
    assert not on_recall(far, TODAY, RecallSettings(), set())
    assert not on_recall(overdue, TODAY, RecallSettings(), {"phys"})
    assert on_recall(overdue, TODAY, RecallSettings(), {"est", "fu"})  # neither closes it
    done = CareGap("Mammogram", date(2026, 1, 10), done=date(2026, 2, 1))
    assert not on_recall(done, TODAY, RecallSettings(), set())


def test_the_practices_map_decides_the_closing_type_whatever_the_kinds_spelling() -> None:
    assert A1C_FU.visit_type("  A1C ") == "fu"
    assert A1C_FU.visit_type("Colonoscopy") == "phys"
    assert not on_recall(CareGap("A1c", date(2026, 2, 1)), TODAY, A1C_FU, {"fu"})


def test_the_row_books_the_type_that_closes_most_of_its_gaps_with_the_provider_seen_last() -> None:
    gaps = (CareGap("A1c", date(2026, 2, 1)), CareGap("Mammogram", date(2026, 2, 5)),
            CareGap("Flu shot", date(2026, 2, 9)), CareGap("Colonoscopy", date(2027, 1, 1)))
    row = recall_row(7, gaps, TODAY, A1C_FU, set(), 4)
    assert row is not None
    assert [g.kind for g in row.gaps] == ["A1c", "Mammogram", "Flu shot"]
    assert (row.type_code, row.provider_id) == ("phys", 4)
    assert recall_row(7, gaps[-1:], TODAY, A1C_FU, set(), 3) is None


def test_the_whole_list_is_the_rows_of_each_patient_the_gap_due_first_first() -> None:
    gaps = {1: [CareGap("Flu shot", date(2026, 2, 20)), CareGap("A1c", date(2026, 3, 25))],
            2: [CareGap("A1c", date(2026, 1, 5)), CareGap("Mammogram", date(2026, 2, 1))],
            3: [CareGap("Colonoscopy", date(2026, 6, 1))],
            4: [CareGap("Mammogram", date(2026, 1, 1))]}
    booked, seen = {2: {"fu"}, 4: {"phys"}}, {1: 5}
    rows = recall_rows(gaps, TODAY, A1C_FU, booked, seen)
    expected = [recall_row(pid, gaps[pid], TODAY, A1C_FU, booked.get(pid, set()), seen.get(pid, 0))
                for pid in (2, 1)]
    assert rows == expected
    assert [(r.patient_id, r.type_code, r.provider_id, len(r.gaps)) for r in rows] == \
        [(2, "phys", 0, 1), (1, "phys", 5, 2)]  # 2's A1c is closed by the follow-up booked


def test_the_filters_narrow_by_gap_provider_attempts_and_last_contact() -> None:
    tried = ChaseState((Attempt(ChaseKind.RECALL, 1, datetime(2026, 2, 27, 16, tzinfo=UTC), Channel.PHONE,
                                Outcome.NO_ANSWER),))
    first = recall_row(1, (CareGap("A1c", date(2026, 2, 1)),), TODAY, A1C_FU, set(), 3)
    second = recall_row(2, (CareGap("Mammogram", date(2026, 2, 1)),), TODAY, A1C_FU, set())
    assert first is not None and second is not None
    first = replace(first, chase=tried)
    assert first.last_contact == tried.attempts[0].at and second.last_contact is None
    rows = [first, second]
    assert filtered(rows, RecallFilter()) == rows
    assert filtered(rows, RecallFilter(gap_kind="a1C")) == [first]
    assert filtered(rows, RecallFilter(provider_id=3)) == [first]
    assert filtered(rows, RecallFilter(min_attempts=1)) == [first]
    assert filtered(rows, RecallFilter(max_attempts=0)) == [second]
    assert filtered(rows, RecallFilter(contacted_before=datetime(2026, 2, 27, tzinfo=UTC))) == [second]
    assert filtered(rows, RecallFilter(contacted_before=datetime(2026, 2, 28, tzinfo=UTC))) == rows


def test_within_days_is_a_day_to_a_year_and_a_damaged_setting_falls_back() -> None:
    assert check_within_days(365) == 365
    for bad in (0, 366, -3):
        with pytest.raises(ValidationError, match="within_days"):
            check_within_days(bad)
    assert within_days_from("45", 30) == 45
    assert within_days_from("400", 30) == within_days_from("x", 30) == within_days_from(None, 30) == 30
