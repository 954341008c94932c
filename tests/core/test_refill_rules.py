"""The refill chart check, the urgent clock and the order of steps, without a workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from vma_desk.core.communications import Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import Holiday, Practice
from vma_desk.core.refills import (
    DEFAULT_LAB_RULES,
    Decision,
    LabCheck,
    RefillProtocol,
    RefillRequest,
    RefillSource,
    RefillStep,
)
from vma_desk.core.rules.refills import chart_check, check_step, due_for, next_steps, required_labs

CHICAGO = ZoneInfo("America/Chicago")
PROTOCOL = RefillProtocol(visit_months=12, lab_rules=DEFAULT_LAB_RULES)
TODAY = date(2026, 3, 2)


def check(medication="Metformin ER", last_visit=date(2025, 9, 1), labs=(), refills=None):
    return chart_check(
        PROTOCOL,
        medication=medication,
        last_visit=last_visit,
        prescriber="Dr Lee",
        labs=labs,
        refills_remaining=refills,
        today=TODAY,
    )


@pytest.mark.parametrize(
    ("last_visit", "passed"),
    [
        (date(2025, 3, 2), True),  # exactly 12 months ago
        (date(2025, 3, 1), False),  # a day more
        (None, False),
    ],
)
def test_the_visit_rule_at_its_edge(last_visit, passed):
    result = check(medication="Amlodipine", last_visit=last_visit)
    assert result.passed is passed
    if last_visit is None:
        assert result.reasons == ("no visit with Dr Lee on record",)


def test_labs_are_required_by_medication_and_their_age():
    labs = required_labs(PROTOCOL, "Metformin ER 500 mg")
    assert [(lab.name, lab.every_months) for lab in labs] == [("A1c", 6), ("Kidney function (BMP)", 12)]
    fresh = (LabCheck("A1c", 6, date(2025, 12, 1)), LabCheck("Kidney function (BMP)", 12, date(2025, 6, 1)))
    assert check(labs=fresh).passed
    stale = (LabCheck("A1c", 6, date(2025, 8, 1)), fresh[1])
    result = check(labs=stale)
    assert not result.passed
    assert result.reasons == ("A1c due (last 08/01/2025, required every 6 months)",)
    missing = check(labs=())
    assert [r.split(" required")[0] for r in missing.reasons] == ["A1c", "Kidney function (BMP)"]


def test_refills_left_at_the_pharmacy_are_noted_not_failed():
    result = check(medication="Amlodipine", refills=2)
    assert result.passed and result.reasons == () and result.notes == ("2 refill(s) remain at the pharmacy",)


def test_urgent_requests_are_due_the_same_business_day_until_closing():
    practice = Practice("Lakeside", "America/Chicago")
    at_one = datetime(2026, 3, 2, 13, 0, tzinfo=CHICAGO).astimezone(UTC)
    routine = due_for(at_one, Urgency.ROUTINE, practice, CHICAGO)
    urgent = due_for(at_one, Urgency.URGENT, practice, CHICAGO)
    assert routine.astimezone(CHICAGO).day == 3 and urgent.astimezone(CHICAGO).day == 2
    after_close = datetime(2026, 3, 2, 17, 30, tzinfo=CHICAGO).astimezone(UTC)
    assert due_for(after_close, Urgency.URGENT, practice, CHICAGO).astimezone(CHICAGO).day == 3


def test_public_holidays_from_the_holidays_library_are_skipped():
    us = holidays.country_holidays("US", years=2026)
    practice = Practice(
        "Lakeside", "America/Chicago", holidays=tuple(Holiday(day, name) for day, name in sorted(us.items()))
    )
    friday_before_memorial_day = datetime(2026, 5, 22, 14, 0, tzinfo=CHICAGO).astimezone(UTC)
    due = due_for(friday_before_memorial_day, Urgency.ROUTINE, practice, CHICAGO)
    assert due.astimezone(CHICAGO).date() == date(2026, 5, 26)  # Tuesday: Monday is Memorial Day


def _request(**kw) -> RefillRequest:
    values = dict(
        patient_id=1,
        medication="Amlodipine",
        strength="5 mg",
        quantity="90",
        pharmacy="CVS",
        source=RefillSource.PORTAL,
        requested_by="patient",
        prescriber_id=1,
        received_at=datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        step=RefillStep.CHECKED,
    )
    values.update(kw)
    return RefillRequest(**values)


def test_steps_follow_the_decision():
    assert next_steps(_request()) == (RefillStep.ROUTED, RefillStep.CLOSED)
    approved = _request(step=RefillStep.PATIENT_NOTIFIED, decision=Decision.APPROVED)
    denied = replace(approved, decision=Decision.DENIED)
    assert RefillStep.PICKED_UP in next_steps(approved) and RefillStep.PICKED_UP not in next_steps(denied)
    with pytest.raises(ValidationError, match="record_decision"):
        check_step(_request(step=RefillStep.ROUTED), RefillStep.DECIDED)
    with pytest.raises(ValidationError, match="is closed"):
        check_step(_request(step=RefillStep.CLOSED), RefillStep.ROUTED)
    check_step(_request(step=RefillStep.ROUTED), RefillStep.CLOSED, note="duplicate")
