"""Every date a list shows carries its year when it is not this year: in January, December's calls,
messages and refills are not taken for next December's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tests.ui.comms_support import CHICAGO
from vma_desk.core import agenda_text as today_text
from vma_desk.core import wording
from vma_desk.core.agenda import URGENT, DueItem, ItemKind
from vma_desk.core.wording import short_date

NEW_YEAR = date(2026, 1, 5)  # a Monday
LAST_DECEMBER = datetime(2025, 12, 30, 15, 5, tzinfo=UTC)  # Tue 12/30/2025 9:05 AM in Chicago


def test_short_date_leaves_out_only_this_years_year():
    assert short_date(date(2026, 3, 3), NEW_YEAR) == "Tue 03/03"
    assert short_date(date(2025, 12, 30), NEW_YEAR) == "Tue 12/30/2025"
    assert short_date(date(2027, 1, 4), NEW_YEAR) == "Mon 01/04/2027"
    assert short_date(date(2026, 3, 3), None) == "Tue 03/03/2026"  # no today: never ambiguous


def test_calls_messages_search_and_refills_show_last_years_dates_with_the_year():
    assert wording.when_in_year(LAST_DECEMBER, CHICAGO, NEW_YEAR) == "Tue 12/30/2025 9:05 AM"
    assert (wording.when_in_year(datetime(2026, 1, 2, 15, 5, tzinfo=UTC), CHICAGO, NEW_YEAR)
            == "Fri 01/02 9:05 AM")
    assert wording.when_in_year(datetime(2026, 1, 5, 15, 5, tzinfo=UTC), CHICAGO, NEW_YEAR) == "9:05 AM"
    assert wording.near_day_clock(LAST_DECEMBER, CHICAGO, NEW_YEAR) == "Tue 12/30/2025 9:05 AM"
    yesterday = datetime(2026, 1, 4, 15, 5, tzinfo=UTC)
    assert wording.near_day_clock(yesterday, CHICAGO, NEW_YEAR) == "Yesterday 9:05 AM"


def test_todays_due_rows_show_last_years_dates_with_the_year():
    overdue = DueItem(ItemKind.MESSAGE, 1, "Callback", "Overdue", URGENT, due_at=LAST_DECEMBER)
    assert today_text.due_status(overdue, CHICAGO, NEW_YEAR) == \
        "Overdue · due\u00a0Tue\u00a012/30/2025 9:05\u00a0AM"
    assert today_text.due_heading(date(2025, 12, 30), NEW_YEAR, [overdue]).startswith("Due by Tue 12/30/2025")
