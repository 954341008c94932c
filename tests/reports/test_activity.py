"""The activity summary read back (`pdftotext -layout`) as the practice manager reads it: every
figure on paper is the one the summary service computed for the same period (never a number
written here), the chart is there with its title and bars a reader can tell apart, a demo's pages
carry the DEMO mark and an empty period says so. The demo is a one-year workspace anchored on
Monday 2026-03-02, read at 09:30 Chicago time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from tests.demo.conftest import ANCHOR, Demos
from tests.reports.test_patient_summary import flat, pdf_text
from vma_desk.core.activity import ActivitySummary, Grain, Timeliness, VisitRates
from vma_desk.core.errors import ValidationError
from vma_desk.core.wording import days_text, duration_text, percent_text
from vma_desk.reports import activity, patient_summary
from vma_desk.reports.pdf import DEMO_TEXT
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    demos = Demos(KeyStore.from_environment())
    try:
        yield demos.make(tmp_path_factory.mktemp("activity") / "demo", now=NOW, anchor=ANCHOR)
    finally:
        demos.close()


def cells(*values: str) -> re.Pattern[str]:
    """A table row of these cells, in order, as the layout spaces them (pdftotext may close up
    the space inside a narrow right-aligned cell: "3 h" comes out as "3h")."""
    def cell(value: str) -> str:
        return r"\s*".join(re.escape(word) for word in value.split())
    return re.compile(r"(?m)^\s*" + r"\s+".join(cell(v) for v in values) + r"\s*$")


def timeliness_row(t: Timeliness, share: float | None) -> re.Pattern[str]:
    return cells(t.label, f"{t.count:,}", f"{t.done:,}", duration_text(t.median), f"{t.late:,}",
                 percent_text(share), f"{t.waiting:,}")


def visits_row(v: VisitRates) -> re.Pattern[str]:
    return cells(v.label, f"{v.booked:,}", f"{v.cancelled:,}", f"{v.late_cancelled:,}", f"{v.past:,}",
                 percent_text(v.confirmation_rate), f"{v.no_shows:,}", percent_text(v.no_show_rate),
                 f"{v.upcoming:,}")


def assert_figures(text: str, summary: ActivitySummary) -> None:
    calls, messages, refills = summary.calls, summary.messages, summary.refills
    aging, visits = summary.referrals, summary.visits
    words = flat(text)
    # the key figures on top, three to a row under their labels
    assert cells("Calls", "Messages called back late", "Refill requests on time").search(text)
    assert cells(f"{calls.total:,}", percent_text(messages.late_share),
                 percent_text(refills.on_time_share)).search(text)
    assert cells("Open referrals", "Visits confirmed", "No-shows").search(text)
    assert cells(f"{aging.open:,}", percent_text(visits.confirmation_rate), percent_text(visits.no_show_rate)
                 ).search(text)
    assert f"{calls.per_business_day:.1f} per business day ({calls.business_days})" in words
    assert f"median {duration_text(messages.median)} to callback" in words
    assert f"median {duration_text(refills.median)} from receipt" in words
    assert f"{aging.stuck:,} stuck · median {days_text(aging.median_days)} to the report" in words
    # call volume
    directions = " · ".join(f"{d.label} {n:,}" for d, n in calls.by_direction)
    assert f"{calls.total:,} calls: {directions}." in words
    day, count = calls.busiest
    assert f"Busiest day: {day:%a %m/%d/%Y} ({count:,} calls)" in words
    # the tables, row by row
    for row in (*summary.messages_by_urgency, messages):
        assert timeliness_row(row, row.late_share).search(text), row
    for row in (*summary.refills_by_prescriber, refills):
        assert timeliness_row(row, row.on_time_share).search(text), row
    for state_row in aging.rows:
        assert cells(state_row.state.label, *(f"{n:,}" for n in state_row.counts), f"{state_row.total:,}",
                     f"{state_row.stuck:,}").search(text), state_row
    assert cells("All open", *(f"{n:,}" for n in aging.totals), f"{aging.open:,}",
                 f"{aging.stuck:,}").search(text)
    for p in aging.per_provider:
        assert cells(p.provider, f"{p.open:,}", f"{p.stuck:,}", f"{p.reports:,}",
                     days_text(p.median_days)).search(text), p
    for row in (*summary.visits_by_provider, visits):
        assert visits_row(row).search(text), row


def test_a_months_figures_on_paper_are_the_services(demo):
    summary = demo.summaries.activity(*FEBRUARY)
    assert summary.calls.grain is Grain.DAY and summary.calls.total > 0 and summary.referrals.open > 0
    text = pdf_text(activity.build(demo, *FEBRUARY))
    assert_figures(text, summary)
    words = flat(text)
    assert "Activity summary" in words and "02/01/2026 to 02/28/2026 · 28 days" in words
    assert "Calls per day" in words and "referral aging is as of the end of 02/28/2026" in words
    pages = text.split("\f")[:-1]
    assert len(pages) == 2 and all(DEMO_TEXT in page for page in pages)


def test_a_year_has_a_bar_a_month(demo):
    start, end = date(2025, 3, 1), date(2026, 2, 28)
    summary = demo.summaries.activity(start, end)
    assert summary.calls.grain is Grain.MONTH and len(summary.calls.bars) == 12
    text = pdf_text(activity.build(demo, start, end))
    assert_figures(text, summary)
    words = flat(text)
    assert "Calls per month" in words
    assert all(bar.label in words for bar in summary.calls.bars)
    assert [bar.label for bar in summary.calls.bars][::11] == ["Mar 2025", "Feb 2026"]


def test_a_period_still_running_counts_the_referrals_now(demo):
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    summary = demo.summaries.activity(start, end)
    assert summary.referrals.as_of == NOW
    words = flat(pdf_text(activity.build(demo, start, end)))
    assert "referral aging is as of Mon 03/02/2026 9:30 AM" in words
    # a month running: only Monday 03/02 has passed among its business days
    assert summary.calls.business_days == 1
    assert f"{summary.calls.per_business_day:.1f} per business day (1)" in words


def test_a_demo_patients_summary_is_marked_demo_on_every_page(demo):
    day = demo.agenda.day(ANCHOR)
    patient_id = day.providers[0].visits[0].appointment.patient_id
    pages = pdf_text(patient_summary.build(demo, patient_id, date(2025, 3, 1), ANCHOR)).split("\f")[:-1]
    assert pages and all(DEMO_TEXT in page for page in pages)


def test_an_empty_period_says_so_and_is_not_marked_demo(services):
    layout = pdf_text(activity.build(services, date(2026, 2, 2), date(2026, 2, 6)))
    assert cells("0", "—", "—").search(layout) and cells("0", "—", "—").search(layout)
    text = flat(layout)
    assert "No calls were logged in this period." in text
    assert text.count("None in this period.") == 2  # messages and refill requests
    assert "No consult report was received in the period." in text and "No visits in this period." in text
    assert DEMO_TEXT not in text


def test_bad_periods_are_refused_with_the_field(services):
    with pytest.raises(ValidationError) as caught:
        activity.build(services, date(2026, 3, 2), date(2026, 3, 1))
    assert caught.value.field == "end"
    with pytest.raises(ValidationError) as caught:
        activity.build(services, date(2024, 1, 1), date(2026, 3, 1))
    assert caught.value.field == "end"
