"""The activity summary read back (`pdftotext -layout`) as the practice manager reads it: every
figure on paper is the one the summary service computed for the same period (never a number
written here), the chart is there with its title and bars a reader can tell apart, a demo's pages
carry the DEMO mark and an empty period says so. The demo is a one-year workspace anchored on
Monday 2026-03-02, read at 09:30 Chicago time."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime

import pytest

from tests.demo.conftest import ANCHOR, Demos
from tests.reports.test_patient_summary import flat, pdf_text
from tests.services.test_summaries import CHASE_WEEK, VERA, make_chasing
from vma_desk.core.activity import ActivitySummary, Grain, Timeliness, VisitRates, VmaFigures, VmaRow
from vma_desk.core.errors import ValidationError
from vma_desk.core.wording import days_text, duration_text, percent_text, plural
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
    pdf = activity.build(demo, *FEBRUARY)
    text = pdf_text(pdf)
    assert_figures(text, summary)
    words = flat(text)
    assert "Activity summary" in words and "02/01/2026 to 02/28/2026 · 28 days" in words
    assert "Calls per day" in words and "referral aging is as of the end of 02/28/2026" in words
    pages = text.split("\f")[:-1]
    assert summary.vmas and len(pages) == 3 + len(summary.vmas) and all(DEMO_TEXT in page for page in pages)
    raw = raw_text(pdf)
    assert_chasing(raw, summary, raw=True)
    for page, vma in zip(raw.split("\f")[3:-1], summary.vmas, strict=True):
        assert_vma_page(page, vma, raw=True)


def raw_text(pdf: bytes) -> str:
    """The text in the order it was drawn (`pdftotext -raw`): a demo's watermark, drawn across the
    middle of the page, breaks up the layout of what lies under it, not this order."""
    return subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")


def tiles(text: str, tiles: list[tuple[str, str, str]], *, raw: bool) -> None:
    """Key figures three to a row: laid out, the labels in a line, the figures in the next, each
    note said; drawn (`raw`), each tile's label, figure and note in that order."""
    words = flat(text)
    for i in range(0, len(tiles), 3):
        row = tiles[i:i + 3]
        if raw:
            assert all(" ".join(t) in words for t in row), row
            continue
        assert cells(*(t[0] for t in row)).search(text), row
        assert cells(*(t[1] for t in row)).search(text), row
        assert all(t[2] in words for t in row), row


def figures_row(text: str, values: Sequence[str], *, raw: bool) -> bool:
    return " ".join(values) in flat(text) if raw else bool(cells(*values).search(text))


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def assert_chasing(text: str, summary: ActivitySummary, *, raw: bool = False) -> None:
    """The chasing figures on paper, written from the core's figures (the wording's own helpers)."""
    c = summary.chasing
    vm = c.voicemail
    tiles(text, [
        ("Voicemails returned on time", percent_text(vm.within_share),
         f"{vm.returned:,} of {vm.left:,} returned · median {duration_text(vm.median)}"),
        ("Box checks per business day", ratio(vm.checks_per_day),
         f"{plural(vm.box_checks, 'check')} · {plural(vm.business_days, 'business day')}"),
        ("Attempts per record reached", ratio(c.per_reached),
         f"{plural(c.attempts, 'attempt')} · {c.reached:,} reached"),
        ("Waitlist fill rate", percent_text(c.fill_rate),
         f"{c.slots_filled:,} of {c.slots_freed:,} filled · sources 60-80%"),
        ("No-shows rebooked", percent_text(c.rebook_rate),
         f"{c.rebooked:,} of {plural(c.no_shows, 'no-show')}"),
        ("Recall completed", percent_text(c.recall_rate),
         f"{c.recall_done:,} of {plural(c.recall_patients, 'patient')} called")], raw=raw)
    words = flat(text)
    assert f"Voicemails not returned yet: {vm.unreturned:,} ({vm.past_due:,} past due)." in words
    assert f"Visits confirmed: {percent_text(summary.visits.confirmation_rate)}" in words
    assert (f"Follow-up calls made: {c.follow_ups:,} ({c.follow_up_questions:,} with a question for the "
            "clinical staff).") in words
    for k in c.by_kind:
        assert figures_row(text, (k.kind.label, f"{k.attempts:,}", f"{k.reached:,}", ratio(k.per_reached)),
                           raw=raw), k
    assert figures_row(text, ("All chasing", f"{c.attempts:,}", f"{c.reached:,}", ratio(c.per_reached)),
                       raw=raw)


def vma_cells(row: VmaRow) -> tuple[str, ...]:
    return (row.label, f"{row.calls:,}", f"{row.callbacks:,}", f"{row.on_time:,}", f"{row.attempts:,}",
            f"{row.reached:,}", f"{row.voicemails_returned:,}", f"{row.box_checks:,}", f"{row.offered:,}",
            f"{row.filled:,}")


def assert_vma_page(page: str, vma: VmaFigures, *, raw: bool = False) -> None:
    t = vma.total
    assert f"VMA: {vma.name}" in flat(page)
    tiles(page, [
        ("Calls handled", f"{t.calls:,}", "calls they took"),
        ("Callbacks on time", percent_text(t.on_time_share),
         f"{t.on_time:,} of {plural(t.callbacks, 'callback')}"),
        ("Attempts logged", f"{t.attempts:,}", f"{t.reached:,} reached the patient"),
        ("Fill rate of slots offered", percent_text(t.fill_rate),
         f"{t.filled:,} of {plural(t.offered, 'slot')}"),
        ("Voicemails returned", f"{t.voicemails_returned:,}", "of those left in the period"),
        ("Box checks", f"{t.box_checks:,}", "voicemail box checked")], raw=raw)
    for row in (*vma.rows, t):
        assert figures_row(page, vma_cells(row), raw=raw), row


def test_the_chasing_of_a_week_on_paper_is_what_the_week_made(services):
    make_chasing(services)
    summary = services.summaries.activity(*CHASE_WEEK)
    text = pdf_text(activity.build(services, *CHASE_WEEK))
    assert_chasing(text, summary)
    pages = text.split("\f")[:-1]
    assert [v.name for v in summary.vmas] == ["tester@desk", VERA]
    practice_pages = len(pages) - len(summary.vmas)
    for page, vma in zip(pages[practice_pages:], summary.vmas, strict=True):
        assert_vma_page(page, vma)
    # the figures the service test counted by hand, as printed
    words = flat(text)
    assert "Waitlist fill rate" in words and "1 of 2 filled · sources 60-80%" in words
    assert "2 of 3 no-shows" in words and "1 of 2 patients called" in words
    assert "Voicemails not returned yet: 1 (1 past due)." in words
    assert "Follow-up calls made: 2 (1 with a question for the clinical staff)." in words
    assert cells("Week of 02/23", "0", "2", "1", "3", "2", "0", "1", "2", "1").search(pages[-1])
    # no patient's name on the practice's figures or a VMA's page
    assert not any(name in words for name in ("Ames", "Birch", "Cole", "Dunn", "Ely", "Caller"))


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
