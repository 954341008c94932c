"""The patient communication summary read back as a colleague taking over would read it
(`pdftotext -layout`): the patient and the period on top with the counts, every call, message,
refill request, referral and visit of the period once and in time order, nothing from outside the
period or about another patient, no phone or insurance numbers (the insurances by payer and plan
only), and a clear line for an empty period. The workspace is made through the services
(tests/services/test_summaries.py); the clock starts Monday 2026-03-02 09:30 in Chicago."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.services.test_summaries import WEEK, make_history
from vma_desk.core.communications import Call, CallReason, Direction
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Insurance, PlanType
from vma_desk.reports import patient_summary
from vma_desk.reports.pdf import DEMO_TEXT


def pdf_text(pdf: bytes) -> str:
    """The document's text as `pdftotext -layout` lays it out, pages split by form feeds."""
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


def row(text: str, marker: str) -> list[str]:
    """The first three lines of the table row whose first line holds `marker`, cells split on the
    layout's runs of spaces."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if marker in line)
    return [re.split(r"\s{2,}", line.strip()) for line in lines[first:first + 3]]


def test_the_week_reads_in_time_order_with_each_record_once(services):
    made = make_history(services)
    layout = pdf_text(patient_summary.build(services, made.ann.id, *WEEK))
    text = flat(layout)
    assert text.startswith("Lakeside Family Medicine · Patient communication summary")
    assert "Patient Ann Ames" in text and "Date of birth 01/01/1960" in text
    assert "Period 03/02/2026 to 03/06/2026 (practice time, America/Chicago)" in text
    assert "In this period 1 call · 2 messages · 1 refill request · 1 referral · 1 visit" in text
    places = []
    for _kind, _id, marker in made.listed:
        assert text.count(marker) == 1, marker
        places.append(text.index(marker))
    assert places == sorted(places)
    for marker in made.not_listed:
        assert marker not in text
    # when, what, who and outcome, in the practice's time
    assert row(layout, "Caller: Ann Ames")[:2] == [
        ["Mon 03/02/2026", "Inbound call · Test", "Caller: Ann Ames · taken by tester@desk · 2 min",
         "Resolved"],
        ["9:00 AM", "results", "Notes: asks about her A1c result"]]
    assert row(layout, "From Ann Ames, taken during")[1][:2] == ["9:30 AM", "Nurse, RN · Urgent"]
    assert "Called back 10:00 AM after 30 min (on time)" in text
    assert "Decision: Approved by Dana Doyle, MD 10:00 AM" in text
    visit = row(layout, "With Dana Doyle, MD")
    assert visit[0][0] == "Wed 03/04/2026" and visit[0][-1] == "Unconfirmed" and visit[1][0] == "10:00 AM"
    # the message taken on Friday and closed on Monday is listed at its close, marked as begun before,
    # its steps timed against the day it is listed on
    friday = row(layout, "From Ann Ames · taken by")
    assert friday[0][-1] == "Closed"
    assert friday[1][:3] == ["10:00 AM", "Nurse, RN", "Reason: friday message about a form"]
    assert friday[2][0] == "began 02/27/2026"
    assert "after 2 d 19 h (late: due 02/27 5:00 PM)" in text  # the screen's wording (was "2 days 19 h")
    # minimum necessary: no phone, member, group or specialist numbers; the insurance by payer and plan
    assert "Insurance Primary: Blue Cross PPO" in text
    for secret in ("555-0142", "5550142", "XJ100200", "GRP-77", "555-0199"):
        assert secret not in text
    assert DEMO_TEXT not in text


def test_a_long_history_runs_onto_more_pages_naming_the_patient_again(services):
    made = make_history(services)
    clock = services.context.clock
    clock.current = datetime(2026, 3, 6, 23, 0, tzinfo=UTC)
    for n in range(40):
        services.communications.log_call(Call(
            datetime(2026, 3, 5, 14, 0, tzinfo=UTC) + timedelta(minutes=10 * n), Direction.INBOUND,
            "Ann Ames", CallReason.GENERAL, patient_id=made.ann.id,
            notes=f"follow-up question number {n:02d}"))
    pages = pdf_text(patient_summary.build(services, made.ann.id, *WEEK)).split("\f")[:-1]
    assert len(pages) >= 2
    for page in pages:
        assert "Oldest first · Ann Ames, born 01/01/1960 · 03/02/2026 to 03/06/2026" in flat(page)
        assert "When What Details Outcome" in flat(page)
    text = flat(" ".join(pages))
    places = [text.index(f"follow-up question number {n:02d}") for n in range(40)]
    assert places == sorted(places) and all(text.count(f"number {n:02d}") == 1 for n in range(40))
    assert "41 calls" in text and f"Page {len(pages)} of {len(pages)}" in text


def test_an_empty_period_says_so(services):
    made = make_history(services)
    text = flat(pdf_text(patient_summary.build(services, made.bob.id, date(2026, 2, 23), date(2026, 2, 27))))
    assert "Bob Birch" in text and "0 calls · 0 messages · 0 refill requests · 0 referrals · 0 visits" in text
    assert "Nothing was recorded for this patient in this period" in text


def test_bad_input_is_refused_with_the_field(services):
    made = make_history(services)
    with pytest.raises(ValidationError) as caught:
        patient_summary.build(services, 424242, *WEEK)
    assert caught.value.field == "patient"
    with pytest.raises(ValidationError) as caught:
        patient_summary.build(services, made.ann.id, date(2026, 3, 6), date(2026, 3, 2))
    assert caught.value.field == "end"


def test_the_paper_shows_what_the_service_returns(services):
    made = make_history(services)
    history = services.summaries.patient_history(made.ann.id, *WEEK)
    text = flat(pdf_text(patient_summary.build(services, made.ann.id, *WEEK)))
    for entry in history.entries:
        assert entry.outcome in text
        for line in entry.details:
            assert line.split(" · ")[0][:40] in text


def test_the_secondary_insurance_is_named_after_the_primary(services):
    made = make_history(services)
    ann = services.patients.get(made.ann.id)
    services.patients.update(replace(ann, secondary_insurance=Insurance(
        "Harbor Mutual", "HM-778812", PlanType.MEDICARE, "G-55", subscriber="Jim Ames")))
    text = flat(pdf_text(patient_summary.build(services, made.ann.id, *WEEK)))
    assert "Insurance Primary: Blue Cross PPO · Secondary: Harbor Mutual Medicare" in text
    for secret in ("HM-778812", "G-55", "XJ100200"):
        assert secret not in text
