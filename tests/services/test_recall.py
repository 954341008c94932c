"""The Recall list through its service, on a real workspace, as a VMA meets it: patients with a care
gap due or overdue and no visit booked that closes it, the visit type and provider to book, a booking
or a recorded completion date taking the row off, the practice's settings, refusals by field.

The practice is in America/Chicago; the clock is Monday 2026-03-02 09:30 local (15:30 UTC).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.services.worklist_support import CHICAGO, Desk, local, make_desk
from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ValidationError
from vma_desk.core.recall import RecallBooking, RecallFilter, RecallPage, RecallSettings, gap_kinds
from vma_desk.core.records import (
    AuditAction,
    CareGap,
    Change,
    LastVisit,
    Patient,
    Phone,
    RecordKind,
)
from vma_desk.services import Services


def test_a_recorded_completion_date_survives_an_edit_of_the_patient(services: Services) -> None:
    patient, _ = services.patients.create(Patient(
        "Rosa", "Diaz", date(1968, 7, 1), phones=(Phone("3125550111"),),
        care_gaps=(CareGap("Mammogram", date(2026, 1, 10), done=date(2026, 2, 20)),
                   CareGap("A1c", date(2026, 3, 20)))))
    assert patient.id is not None
    services.patients.update(replace(services.patients.get(patient.id), notes="Prefers mornings."))
    gaps = services.patients.get(patient.id).care_gaps
    assert [(g.kind, g.done) for g in gaps] == [("Mammogram", date(2026, 2, 20)), ("A1c", None)]


@pytest.fixture
def desk(services: Services) -> Desk:
    return make_desk(services)


def test_an_overdue_mammogram_with_no_visit_is_on_recall_until_the_matching_type_is_booked(
        desk: Desk) -> None:
    assert desk.kim.id is not None
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)),
                        seen=(LastVisit(desk.kim.id, date(2025, 11, 3)),))
    row, = desk.recall.due()
    assert row.patient_id == rosa and row.overdue(date(2026, 3, 2))
    assert row.due_text(date(2026, 3, 2)) == "Mammogram overdue since 01/10/2026"
    assert (row.type_code, row.provider_id) == ("phys", desk.kim.id)  # the annual physical, with who saw her

    booking = desk.recall.booking_for(row)
    assert booking == RecallBooking(rosa, "phys", 30, desk.kim.id)
    slot = desk.services.calendar.find_slots(minutes=booking.minutes, provider_ids=[desk.kim.id],
                                             after=desk.services.context.clock.now())[0]
    desk.book(rosa, booking.type_code, slot.start, desk.kim)
    assert desk.recall.due() == []


def test_only_a_visit_to_come_of_the_closing_type_holding_its_slot_takes_the_row_off(
        desk: Desk, clock: FixedClock) -> None:
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 2, 1)))
    desk.book(rosa, "est", local(3, 10, 9))  # another type
    cancelled = desk.book(rosa, "phys", local(3, 11, 9))
    desk.services.calendar.cancel(cancelled, reason="Car trouble")
    assert list(desk.listed()) == [rosa]

    visit = desk.book(rosa, "phys", local(3, 12, 9))
    assert desk.listed() == {}
    clock.current = local(3, 12, 9, 30)  # the visit's time has come and she did not come
    desk.services.calendar.set_status(visit, VisitStatus.NO_SHOW)
    assert list(desk.listed()) == [rosa]


def test_a_gap_falling_due_within_the_practices_window_is_listed_and_later_ones_are_not(desk: Desk) -> None:
    soon = desk.patient("Soon", CareGap("Flu shot", date(2026, 3, 20)))
    later = desk.patient("Later", CareGap("Colonoscopy", date(2026, 4, 21)))  # in 50 days
    desk.patient("Done", CareGap("Lipid panel", date(2026, 2, 1), done=date(2026, 2, 10)))
    assert list(desk.listed()) == [soon]
    assert desk.recall.due()[0].due_text(date(2026, 3, 2)) == "Flu shot due 03/20/2026"

    desk.recall.save_settings(RecallSettings(within_days=60))
    assert list(desk.listed()) == [soon, later]


def test_the_practice_maps_a_gap_to_the_visit_type_that_closes_it(desk: Desk) -> None:
    desk.recall.save_settings(RecallSettings(types={" a1C ": "fu"}))
    ben = desk.patient("Ben", CareGap("A1c", date(2026, 2, 1)), CareGap("Mammogram", date(2026, 2, 20)))
    row, = desk.recall.due()
    assert row.type_code == "fu"  # the gap due first, when each type closes one
    assert desk.recall.booking_for(row).minutes == 15

    desk.book(ben, "fu", local(3, 10, 9))
    row, = desk.recall.due()
    assert [g.kind for g in row.gaps] == ["Mammogram"] and row.type_code == "phys"


def test_a_recorded_completion_date_takes_the_gap_off(desk: Desk) -> None:
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)),
                        CareGap("Flu shot", date(2026, 2, 1)))
    change = desk.recall.record_done(rosa, "mammogram", date(2026, 2, 27))
    assert change == Change(RecordKind.PATIENT, AuditAction.UPDATE, (rosa,))
    assert desk.listed() == {rosa: ["Flu shot"]}
    assert desk.services.patients.get(rosa).care_gaps[0].done == date(2026, 2, 27)
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.user, entry.action, entry.record_type, entry.record_id) == \
        ("Test VMA", AuditAction.UPDATE, "patient", str(rosa))
    assert "Mammogram" not in entry.detail

    desk.recall.record_done(rosa, "Flu shot", date(2026, 3, 2))
    assert desk.listed() == {}


@pytest.mark.parametrize(("kind", "day", "field"), [
    ("Mammogram", date(2026, 3, 3), "day"),  # tomorrow
    ("Colonoscopy", date(2026, 2, 1), "kind"),  # not one of her gaps
    ("", date(2026, 2, 1), "kind"),
])
def test_a_completion_date_is_refused_by_field_and_nothing_is_saved(desk: Desk, kind: str, day: date,
                                                                     field: str) -> None:
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)))
    before = desk.services.audit.count()
    with pytest.raises(ValidationError) as refused:
        desk.recall.record_done(rosa, kind, day)
    assert refused.value.field == field
    assert list(desk.listed()) == [rosa]
    assert desk.services.audit.count() == before
    with pytest.raises(ValidationError, match="patient_id"):
        desk.recall.record_done(rosa + 100, "Mammogram", date(2026, 2, 1))


def test_the_list_narrows_by_gap_provider_attempts_and_last_contact(desk: Desk, clock: FixedClock) -> None:
    assert desk.lee.id is not None and desk.kim.id is not None
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)),
                        seen=(LastVisit(desk.lee.id, date(2025, 6, 1)),
                              LastVisit(desk.kim.id, date(2025, 9, 1))))
    ben = desk.patient("Ben", CareGap("A1c", date(2026, 2, 1)),
                       seen=(LastVisit(desk.lee.id, date(2025, 5, 1)),))
    cole = desk.patient("Cole", CareGap("Flu shot", date(2026, 2, 15)))
    clock.current = local(2, 27, 10)
    desk.services.chase.log_attempt(ChaseKind.RECALL, ben, channel=Channel.PHONE, outcome=Outcome.NO_ANSWER,
                                    patient_id=ben)
    clock.current = local(3, 2, 9, 30)

    assert list(desk.listed()) == [rosa, ben, cole]  # the longest overdue first
    assert list(desk.listed(RecallFilter(gap_kind="a1c"))) == [ben]
    assert list(desk.listed(RecallFilter(provider_id=desk.kim.id))) == [rosa]  # the one she saw last
    assert list(desk.listed(RecallFilter(provider_id=0))) == [cole]  # nobody on record
    assert list(desk.listed(RecallFilter(min_attempts=1))) == [ben]
    assert list(desk.listed(RecallFilter(max_attempts=0))) == [rosa, cole]
    assert list(desk.listed(RecallFilter(contacted_before=local(2, 27, 0)))) == [rosa, cole]  # or never
    ben_row = next(r for r in desk.recall.due() if r.patient_id == ben)
    assert ben_row.last_contact == local(2, 27, 10)
    assert ben_row.chase.text(CHICAGO) == "1 attempt · last: no answer 10:00"
    assert gap_kinds(desk.recall.due()) == ["A1c", "Flu shot", "Mammogram"]


def test_a_deleted_patient_is_not_recalled(desk: Desk) -> None:
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)))
    desk.services.patients.delete(rosa)
    assert desk.recall.due() == []


def test_the_settings_are_kept_refused_by_field_and_audited(desk: Desk) -> None:
    for bad, field in ((RecallSettings(within_days=0), "within_days"),
                       (RecallSettings(within_days=366), "within_days"),
                       (RecallSettings(types={"A1c": "labs"}), "types"),
                       (RecallSettings(types={"  ": "fu"}), "types")):
        with pytest.raises(ValidationError) as refused:
            desk.recall.save_settings(bad)
        assert refused.value.field == field
    assert desk.recall.settings() == RecallSettings()

    desk.recall.save_settings(RecallSettings(within_days=45, types={"Diabetic eye exam": "est"}))
    assert desk.recall.settings() == RecallSettings(45, {"diabetic eye exam": "est"})
    entry = desk.services.audit.page(0, 1)[0]
    assert (entry.user, entry.record_type, entry.record_id) == ("Test VMA", "setting", "recall")
    assert "eye" not in entry.detail


def test_a_provider_who_left_is_not_offered_the_one_seen_before_is(desk: Desk) -> None:
    assert desk.lee.id is not None and desk.kim.id is not None
    seen = (LastVisit(desk.lee.id, date(2025, 6, 1)), LastVisit(desk.kim.id, date(2025, 9, 1)))
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)), seen=seen)
    desk.services.practice.update_staff(replace(desk.kim, active=False))
    row, = desk.recall.due()
    assert (row.patient_id, row.provider_id) == (rosa, desk.lee.id)
    assert desk.recall.booking_for(row).provider_id == desk.lee.id


def test_the_list_comes_in_pages_the_longest_overdue_first_with_its_counts(desk: Desk,
                                                                           clock: FixedClock) -> None:
    made = [desk.patient(f"P{n}", CareGap("Mammogram" if n % 2 else "A1c", date(2026, 1, 1 + n)))
            for n in range(5)]
    clock.current = local(3, 2, 9, 0)
    desk.services.chase.log_attempt(ChaseKind.RECALL, made[4], channel=Channel.PHONE,
                                    outcome=Outcome.NO_ANSWER, patient_id=made[4])  # quiet until tomorrow
    clock.current = local(3, 2, 9, 30)
    first = desk.recall.page(limit=2)
    assert [r.patient_id for r in first.rows] == made[:2] and (first.total, first.due_now) == (5, 4)
    rest = desk.recall.page(offset=2, limit=2)
    assert [r.patient_id for r in rest.rows] == made[2:4] and rest.total == 5
    assert desk.recall.page(offset=10, limit=2) == RecallPage((), 5, 4)  # past the end: the counts still
    mammograms = desk.recall.page(RecallFilter(gap_kind="MAMMOGRAM"), limit=1)
    assert [r.patient_id for r in mammograms.rows] == [made[1]] and mammograms.total == 2
    assert desk.recall.kinds() == ["A1c", "Mammogram"]


def test_the_rows_whose_calls_are_exhausted_are_found_for_a_letter(desk: Desk, clock: FixedClock) -> None:
    rosa = desk.patient("Rosa", CareGap("Mammogram", date(2026, 1, 10)))
    ben = desk.patient("Ben", CareGap("A1c", date(2026, 2, 1)))
    limit = desk.services.chase.policy(ChaseKind.RECALL).max_attempts
    for day in range(limit):
        clock.current = local(2, 20 + day, 10)
        desk.services.chase.log_attempt(ChaseKind.RECALL, rosa, channel=Channel.PHONE,
                                        outcome=Outcome.NO_ANSWER, patient_id=rosa)
    clock.current = local(3, 2, 9, 30)
    assert list(desk.listed(RecallFilter(exhausted=True))) == [rosa]
    assert list(desk.listed(RecallFilter(max_attempts=0))) == [ben]
