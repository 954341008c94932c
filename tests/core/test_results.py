"""The results tracker's rules, without a database: which step may follow which, what a disposition
needs, and the two flags ("labs not back", urgent and not acted on within an hour)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from vma_desk.core.errors import ValidationError
from vma_desk.core.results import (
    NOT_BACK,
    URGENT_UNACTED,
    Disposition,
    ExpectedResult,
    ResultEvent,
    ResultStep,
    check_disposition,
    check_step,
    check_visit_booking,
    flag_texts,
    next_steps,
    not_back,
    standing_steps,
    urgent_unacted,
)

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
TODAY = date(2026, 3, 2)


def result(step: ResultStep = ResultStep.AWAITED, **changes: object) -> ExpectedResult:
    base = ExpectedResult(patient_id=1, test="Lipid panel", expected_by=date(2026, 3, 1), ordered_by_id=7,
                          ordered_on=date(2026, 2, 20), step=step, id=1)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_result_past_its_expected_date_and_not_received_shows_labs_not_back() -> None:
    late = result()
    assert not_back(late, TODAY)
    assert flag_texts(late, today=TODAY, now=NOW) == (f"{NOT_BACK} (expected by 03/01/2026)",)


def test_a_result_due_today_or_already_received_is_not_flagged_as_not_back() -> None:
    assert not not_back(result(expected_by=TODAY), TODAY)
    assert not not_back(result(ResultStep.RECEIVED), TODAY)
    assert flag_texts(result(ResultStep.RECEIVED), today=TODAY, now=NOW) == ()


def test_steps_go_forward_one_at_a_time() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step(result(), ResultStep.WITH_PROVIDER)
    assert caught.value.field == "step"
    assert "can go on to: received, closed" in str(caught.value)
    check_step(result(), ResultStep.RECEIVED)
    check_step(result(ResultStep.RECEIVED), ResultStep.WITH_PROVIDER)


def test_the_disposition_is_only_recorded_with_the_provider_and_never_as_a_plain_step() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step(result(ResultStep.WITH_PROVIDER), ResultStep.DISPOSITION)
    assert "provider's name" in str(caught.value)
    with pytest.raises(ValidationError) as early:
        check_disposition(result(ResultStep.RECEIVED), Disposition.NORMAL, provider_id=7, note="")
    assert "send the result to the provider" in str(early.value)


def test_a_disposition_without_a_provider_is_refused_beside_the_provider() -> None:
    with pytest.raises(ValidationError) as caught:
        check_disposition(result(ResultStep.WITH_PROVIDER), Disposition.NORMAL, provider_id=None, note="")
    assert caught.value.field == "provider_id"


def test_an_other_disposition_needs_the_providers_instruction() -> None:
    with pytest.raises(ValidationError) as caught:
        check_disposition(result(ResultStep.WITH_PROVIDER), Disposition.OTHER, provider_id=7, note="  ")
    assert caught.value.field == "disposition_note"
    check_disposition(result(ResultStep.WITH_PROVIDER), Disposition.OTHER, provider_id=7,
                      note="Repeat the test in 3 months")


def test_the_patient_is_notified_only_after_a_disposition() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step(result(ResultStep.WITH_PROVIDER), ResultStep.PATIENT_NOTIFIED)
    assert "once the provider's disposition is recorded" in str(caught.value)


def test_a_result_the_provider_asked_to_tell_the_patient_does_not_close_before_they_are_told() -> None:
    told = result(ResultStep.DISPOSITION, disposition=Disposition.NOTIFY_PATIENT)
    assert next_steps(told) == (ResultStep.PATIENT_NOTIFIED,)
    with pytest.raises(ValidationError) as caught:
        check_step(told, ResultStep.CLOSED, note="done")
    assert "record that the patient was notified first" in str(caught.value)
    normal = result(ResultStep.DISPOSITION, disposition=Disposition.NORMAL)
    check_step(normal, ResultStep.CLOSED)  # a normal result may close without a call


def test_closing_before_the_disposition_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step(result(), ResultStep.CLOSED)
    assert caught.value.field == "note"
    check_step(result(), ResultStep.CLOSED, note="Test cancelled by the provider")


def test_closing_a_needs_visit_result_without_a_visit_booked_needs_a_reason() -> None:
    told = result(ResultStep.PATIENT_NOTIFIED, disposition=Disposition.NEEDS_VISIT)
    with pytest.raises(ValidationError) as caught:
        check_step(told, ResultStep.CLOSED)
    assert "none is booked" in str(caught.value)
    check_step(replace(told, visit_id=12), ResultStep.CLOSED)


def test_a_closed_result_takes_no_step_until_reopened() -> None:
    with pytest.raises(ValidationError) as caught:
        check_step(result(ResultStep.CLOSED), ResultStep.RECEIVED)
    assert "reopen it first" in str(caught.value)


def test_a_visit_is_booked_only_for_a_needs_visit_disposition_and_only_once() -> None:
    with pytest.raises(ValidationError) as caught:
        check_visit_booking(result(ResultStep.DISPOSITION, disposition=Disposition.NORMAL), 1)
    assert caught.value.field == "disposition"
    needs = result(ResultStep.DISPOSITION, disposition=Disposition.NEEDS_VISIT)
    with pytest.raises(ValidationError) as other:
        check_visit_booking(needs, 2)
    assert other.value.field == "patient_id"
    with pytest.raises(ValidationError) as twice:
        check_visit_booking(replace(needs, visit_id=5), 1)
    assert twice.value.field == "visit_id"
    check_visit_booking(needs, 1)


def urgent_result(marked: datetime, *later: ResultEvent) -> ExpectedResult:
    events = (ResultEvent(ResultStep.DISPOSITION, marked, "Dr Lee", "Needs visit by Dr Lee"), *later)
    return result(ResultStep.DISPOSITION, disposition=Disposition.NEEDS_VISIT, urgent=True, urgent_at=marked,
                  events=events)


def test_an_urgent_result_not_acted_on_within_an_hour_is_flagged() -> None:
    marked = NOW - timedelta(minutes=61)
    assert urgent_unacted(urgent_result(marked), NOW)
    assert flag_texts(urgent_result(marked), today=TODAY, now=NOW) == (URGENT_UNACTED,)
    assert not urgent_unacted(urgent_result(NOW - timedelta(minutes=59)), NOW)


def test_an_urgent_result_acted_on_is_not_flagged() -> None:
    marked = NOW - timedelta(hours=3)
    notified = ResultEvent(ResultStep.PATIENT_NOTIFIED, marked + timedelta(minutes=20), "Ann")
    assert not urgent_unacted(urgent_result(marked, notified), NOW)
    assert not urgent_unacted(urgent_result(marked), NOW, attempts_at=(marked + timedelta(minutes=5),))
    assert not urgent_unacted(replace(urgent_result(marked), visit_id=9), NOW)


def test_an_undo_takes_a_step_back_without_counting_as_acting_on_an_urgent_result() -> None:
    marked = NOW - timedelta(hours=3)
    undo = ResultEvent(ResultStep.WITH_PROVIDER, marked + timedelta(minutes=1), "Ann", action="undo")
    taken = urgent_result(marked, undo)
    assert [e.step for e in standing_steps(taken.events)] == []
    assert urgent_unacted(taken, NOW)


def test_step_labels_are_front_office_words() -> None:
    assert [s.label for s in ResultStep] == ["Awaited", "Received", "With the provider",
                                             "Disposition recorded", "Patient notified", "Closed"]
    assert [d.label for d in Disposition] == ["Normal", "Notify patient", "Needs visit",
                                              "Other (see the provider's note)"]
