"""Late bookings on the Today tab: a visit booked this morning for this afternoon is too late for
the 24-72 h confirmation window and the 24-48 h eligibility window, so both calls are due now, and
stand out, until they are done."""

from __future__ import annotations

from tests.ui.today.support import (  # noqa: F401 - fixtures
    MONDAY,
    at,
    cells,
    groups,
    huddle_fixture,
    today_tab_fixture,
)
from vma_desk.core.calendar import Appointment, Eligibility, EligibilityStatus, VisitStatus
from vma_desk.core.records import ContactMethod


def soon_rows(today_tab) -> list[tuple[str, ...]]:
    return [cells(today_tab.due_view, i) for heading, rows in groups(today_tab.due_view)
            if heading.startswith("Soon") for i in rows]


def test_a_visit_booked_this_morning_for_this_afternoon_is_due_now_until_done(today_tab, huddle):
    services = huddle.services
    gus = huddle.patients["Gus"]
    late, change = services.calendar.book(Appointment(gus.id, huddle.lee.id, "est", at(MONDAY, 15, 30), 20),
                                          authorised_by="front desk")  # it is 9:30
    today_tab.apply_change(change)
    assert [row for row in soon_rows(today_tab) if row[0] == "Gray, Gus"] == [
        ("Gray, Gus", "Confirm the visit", "Booked late: due now · visit 3:30 PM"),
        ("Gray, Gus", "Verify insurance", "Booked late: due now · visit 3:30 PM")]
    _, change, _ = services.calendar.set_status(late.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    today_tab.apply_change(change)
    assert [row[1] for row in soon_rows(today_tab) if row[0] == "Gray, Gus"] == ["Verify insurance"]
    _, change = services.calendar.record_eligibility(late.id, Eligibility(EligibilityStatus.VERIFIED,
                                                                          True, True))
    today_tab.apply_change(change)
    assert [row for row in soon_rows(today_tab) if row[0] == "Gray, Gus"] == []
