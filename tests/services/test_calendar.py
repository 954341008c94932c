"""The calendar's rules through its service: conflicts, DST-correct blocks, slots, waitlist,
late cancellations and the worklists. Practice in America/Chicago; the clock is Monday
2026-03-02 09:30 local (15:30 UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.calendar import (
    Appointment,
    Block,
    BlockKind,
    ConflictKind,
    Eligibility,
    EligibilityStatus,
    Slot,
    VisitStatus,
    WaitlistEntry,
)
from vma_desk.core.errors import ConflictError, ValidationError
from vma_desk.core.records import ContactMethod, Holiday, Patient, Phone, Practice, Role, Shift, StaffMember

CHICAGO = ZoneInfo("America/Chicago")


def local(y, m, d, hh, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CHICAGO).astimezone(UTC)


@pytest.fixture
def cal(services):
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago",
                                    holidays=(Holiday(date(2026, 3, 13), "Practice retreat"),)))
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    kim, _ = services.practice.add_staff(StaffMember("Sam Kim", Role.PROVIDER, credentials="NP",
                                                     working_hours=hours))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                              phones=(Phone("3125550101"),)))
    bob, _ = services.patients.create(Patient("Bob", "Burr", date(1970, 1, 1),
                                              phones=(Phone("3125550102"),)))
    services.calendar.add_block(Block(BlockKind.LUNCH, datetime(2026, 3, 2, 12), 60,
                                      provider_id=lee.id, title="lunch",
                                      rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
    return services, lee, kim, ann, bob


def visit(patient, provider, start, minutes=20, code="est") -> Appointment:
    return Appointment(patient_id=patient.id, provider_id=provider.id, type_code=code, start=start,
                       minutes=minutes)


def test_recurring_lunch_stays_at_noon_across_the_dst_change(cal):
    services, lee, *_ = cal
    occ = services.calendar.block_occurrences([lee.id], local(2026, 3, 6, 0), local(2026, 3, 10, 0))
    assert [o.start for o in occ] == [datetime(2026, 3, 6, 18, tzinfo=UTC),   # CST, UTC-6
                                      datetime(2026, 3, 9, 17, tzinfo=UTC)]   # CDT, UTC-5
    assert all(o.start.astimezone(CHICAGO).hour == 12 for o in occ)


def test_conflicts_say_which(cal):
    services, lee, _kim, ann, bob = cal
    services.calendar.book(visit(ann, lee, local(2026, 3, 4, 9)), authorised_by="Dr Lee")
    kinds = {
        "double": services.calendar.check(visit(bob, lee, local(2026, 3, 4, 9, 10))),
        "lunch": services.calendar.check(visit(bob, lee, local(2026, 3, 4, 12, 15))),
        "hours": services.calendar.check(visit(bob, lee, local(2026, 3, 4, 16, 50))),
        "closed": services.calendar.check(visit(bob, lee, local(2026, 3, 13, 10))),
    }
    assert [c.kind for c in kinds["double"]] == [ConflictKind.DOUBLE_BOOKING]
    assert "already has a visit 09:00-09:20" in kinds["double"][0].message
    assert [c.kind for c in kinds["lunch"]] == [ConflictKind.BLOCKED]
    assert "lunch 12:00-13:00" in kinds["lunch"][0].message
    assert [c.kind for c in kinds["hours"]] == [ConflictKind.OUTSIDE_HOURS]
    assert "08:00-17:00" in kinds["hours"][0].message
    assert kinds["closed"][0].kind is ConflictKind.CLOSED and "Practice retreat" in kinds["closed"][0].message


def test_conflict_is_refused_unless_deliberately_overridden(cal):
    services, lee, _kim, ann, bob = cal
    services.calendar.book(visit(ann, lee, local(2026, 3, 4, 9)), authorised_by="Dr Lee")
    with pytest.raises(ConflictError, match="already has a visit") as caught:
        services.calendar.book(visit(bob, lee, local(2026, 3, 4, 9)), authorised_by="Dr Lee")
    assert caught.value.conflicts[0].kind is ConflictKind.DOUBLE_BOOKING
    assert len(services.calendar.appointments([lee.id], local(2026, 3, 4, 0), local(2026, 3, 5, 0))) == 1
    booked, _ = services.calendar.book(visit(bob, lee, local(2026, 3, 4, 9)), authorised_by="Dr Lee",
                                       override_reason="work-in, patient in pain")
    assert booked.override_reason == "work-in, patient in pain"
    assert services.audit.page()[0].detail == "authorised; conflict overridden"


def test_authorisation_is_required(cal):
    services, lee, _kim, ann, _bob = cal
    with pytest.raises(ValidationError) as caught:
        services.calendar.book(visit(ann, lee, local(2026, 3, 4, 9)), authorised_by=" ")
    assert caught.value.field == "authorised_by"


def test_cancel_inside_the_notice_window_is_late_and_offers_the_waitlist(cal, clock):
    services, lee, _kim, ann, bob = cal
    tomorrow, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 3, 9)), authorised_by="VMA")
    later, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 10, 9)), authorised_by="VMA")
    entry, _ = services.calendar.add_to_waitlist(WaitlistEntry(
        bob.id, "est", added_at=clock.now(), days=frozenset({1}), earliest=time(8), latest=time(11)))
    cancelled, _, proposals = services.calendar.cancel(tomorrow.id, reason="car trouble",
                                                       authorised_by="patient")
    assert cancelled.late_cancel and cancelled.cancel_reason == "car trouble"
    assert [p.id for p in proposals] == [entry.id]  # Tuesday 9:00 suits Bob
    on_time, _, _ = services.calendar.cancel(later.id, reason="moving", authorised_by="patient")
    assert not on_time.late_cancel
    # booking Bob from the proposal takes him off the waitlist
    services.calendar.book(visit(bob, lee, local(2026, 3, 3, 9)), authorised_by="VMA")
    assert services.calendar.waitlist() == []


def test_waitlist_preferences_filter_proposals(cal, clock):
    services, lee, kim, ann, bob = cal
    services.calendar.add_to_waitlist(WaitlistEntry(ann.id, "est", clock.now(), provider_id=kim.id))
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", clock.now(), days=frozenset({4})))
    tuesday = Slot(lee.id, local(2026, 3, 3, 10), 20)
    assert services.calendar.proposals_for(tuesday) == []  # Ann wants Kim, Bob wants Fridays
    friday = Slot(lee.id, local(2026, 3, 6, 10), 20)
    assert [e.patient_id for e in services.calendar.proposals_for(friday)] == [bob.id]


def test_find_slots_honours_preferences_and_the_schedule(cal):
    services, lee, kim, ann, _bob = cal
    services.calendar.book(visit(ann, lee, local(2026, 3, 3, 14), minutes=40, code="new"),
                           authorised_by="VMA")
    slots = services.calendar.find_slots(minutes=40, provider_ids=[lee.id], after=local(2026, 3, 2, 9, 30),
                                         days=frozenset({1}), earliest=time(13, 30), latest=time(15),
                                         count=3)
    starts = [s.start.astimezone(CHICAGO).strftime("%a %m-%d %H:%M") for s in slots]
    # 13:30 would run into the 14:00 visit, which ends 14:40 plus the new-patient type's 5-minute
    # buffer; next Tuesday is free from 13:30
    assert starts == ["Tue 03-03 14:45", "Tue 03-03 15:00", "Tue 03-10 13:30"]
    anyone = services.calendar.find_slots(minutes=20, provider_ids=None, after=local(2026, 3, 2, 9, 30),
                                          count=4)
    assert {s.provider_id for s in anyone} == {lee.id, kim.id}
    assert anyone[0].start == local(2026, 3, 2, 9, 30)


def test_worklists_show_exactly_the_visits_due(cal, clock):
    services, lee, kim, ann, bob = cal
    now_plus = lambda hours: datetime(2026, 3, 2, 15, 30, tzinfo=UTC) + timedelta(hours=hours)  # noqa: E731
    book = lambda p, pr, h: services.calendar.book(visit(p, pr, now_plus(h)), authorised_by="VMA",  # noqa: E731
                                                    override_reason="test grid")[0]
    clock.advance(timedelta(days=-3))  # booked last week: its windows came and went
    too_soon = book(ann, lee, 20)
    clock.advance(timedelta(days=3))
    due_conf_and_elig = book(bob, lee, 30)
    due_conf_only = book(ann, kim, 60)
    too_far = book(bob, kim, 80)
    confirmed = book(ann, lee, 47)
    services.calendar.set_status(confirmed.id, VisitStatus.CONFIRMED, ContactMethod.TEXT)
    verified = book(bob, kim, 26)
    services.calendar.record_eligibility(verified.id, Eligibility(EligibilityStatus.VERIFIED, True, True,
                                                                  "copay $25"))
    assert {a.id for a in services.calendar.confirmation_worklist()} == {
        due_conf_and_elig.id, due_conf_only.id, verified.id}
    assert {a.id for a in services.calendar.eligibility_worklist()} == {due_conf_and_elig.id, confirmed.id}
    # 20 h and 80 h ahead are outside both windows (the sets above are exact)
    assert {too_soon.id, too_far.id}.isdisjoint(
        {a.id for a in services.calendar.confirmation_worklist() + services.calendar.eligibility_worklist()})
    # the agenda reads both from one read of the visits ahead: the same lists, in the same order
    assert services.calendar.worklists() == (services.calendar.confirmation_worklist(),
                                             services.calendar.eligibility_worklist())


def test_no_shows_are_counted_per_patient(cal):
    services, lee, _kim, ann, bob = cal
    first, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 2, 9)), authorised_by="VMA")
    services.calendar.set_status(first.id, VisitStatus.NO_SHOW)  # 9:00 and it is 9:30
    assert services.calendar.no_show_counts([ann.id, bob.id]) == {ann.id: 1, bob.id: 0}
    with pytest.raises(ValidationError, match="how the patient was reached"):
        services.calendar.set_status(first.id, VisitStatus.CONFIRMED)


def test_reschedule_moves_the_visit_and_offers_the_old_slot(cal, clock):
    services, lee, kim, ann, bob = cal
    booked, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 5, 10)), authorised_by="VMA")
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", clock.now()))
    moved, _, proposals = services.calendar.reschedule(booked.id, start=local(2026, 3, 5, 11),
                                                       provider_id=kim.id, authorised_by="Dr Lee")
    assert (moved.start, moved.provider_id) == (local(2026, 3, 5, 11), kim.id)
    assert [p.patient_id for p in proposals] == [bob.id]
    with pytest.raises(ConflictError, match="lunch"):
        services.calendar.reschedule(booked.id, start=local(2026, 3, 5, 12), provider_id=lee.id,
                                     authorised_by="Dr Lee")


def test_a_block_begun_years_ago_still_recurs_at_its_local_time(cal):
    services, lee, *_ = cal
    services.calendar.add_block(Block(BlockKind.MEETING, datetime(2019, 1, 1, 7, 30), 30,
                                      provider_id=lee.id, title="huddle",
                                      rrule="FREQ=WEEKLY;BYDAY=TU,TH"))
    services.calendar.add_block(Block(BlockKind.ADMIN, datetime(2019, 1, 2, 16), 60,
                                      provider_id=lee.id, title="charts",
                                      rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"))
    occ = services.calendar.block_occurrences([lee.id], local(2026, 3, 1, 0), local(2026, 3, 15, 0))
    mine = [(o.block.title, o.start.astimezone(CHICAGO).strftime("%a %m-%d %H:%M")) for o in occ
            if o.block.title != "lunch"]
    # 2019-01-02 was a Wednesday, 374 weeks before 2026-03-04: every other Wednesday lands there
    assert mine == [("huddle", "Tue 03-03 07:30"), ("charts", "Wed 03-04 16:00"),
                    ("huddle", "Thu 03-05 07:30"), ("huddle", "Tue 03-10 07:30"),
                    ("huddle", "Thu 03-12 07:30")]


def test_a_visit_keeps_its_own_buffer_whichever_is_booked_first(cal):
    services, lee, _kim, ann, bob = cal
    services.calendar.book(visit(ann, lee, local(2026, 3, 4, 9, 45)), authorised_by="VMA")
    procedure = visit(bob, lee, local(2026, 3, 4, 9, 0), minutes=45, code="proc")  # + 15 min buffer
    assert [c.kind for c in services.calendar.check(procedure)] == [ConflictKind.DOUBLE_BOOKING]


def test_moving_a_visit_needs_a_new_confirmation_and_history_stays_history(cal, clock):
    services, lee, _kim, ann, bob = cal
    booked, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 5, 10)), authorised_by="VMA")
    services.calendar.set_status(booked.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    moved, _, _ = services.calendar.reschedule(booked.id, start=local(2026, 3, 5, 11), authorised_by="VMA")
    assert moved.status is VisitStatus.UNCONFIRMED and moved.confirmation_method is None
    with pytest.raises(ValidationError, match="only once its time has come"):
        services.calendar.set_status(booked.id, VisitStatus.NO_SHOW)
    clock.current = local(2026, 3, 5, 11, 20)
    services.calendar.set_status(booked.id, VisitStatus.NO_SHOW)
    with pytest.raises(ValidationError, match="cannot be cancelled"):
        services.calendar.cancel(booked.id, reason="oops", authorised_by="VMA")
    with pytest.raises(ValidationError, match="cannot be moved"):
        services.calendar.reschedule(booked.id, start=local(2026, 3, 6, 11), authorised_by="VMA")


def test_the_waitlist_is_offered_only_free_time_and_only_living_patients(cal, clock):
    services, lee, _kim, ann, bob = cal
    first, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 5, 10)), authorised_by="VMA")
    services.calendar.add_to_waitlist(WaitlistEntry(bob.id, "est", clock.now()))
    # moved by a quarter hour: it still fills most of its old slot, so nothing is offered
    _, _, proposals = services.calendar.reschedule(first.id, start=local(2026, 3, 5, 10, 15),
                                                   authorised_by="VMA")
    assert proposals == []
    later, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 6, 10)), authorised_by="VMA")
    services.patients.delete(bob.id)
    _, _, proposals = services.calendar.cancel(later.id, reason="moving", authorised_by="patient")
    assert proposals == []  # Bob's record was deleted


def test_booking_one_visit_leaves_other_waitlist_wishes(cal, clock):
    services, lee, _kim, ann, _bob = cal
    services.calendar.add_to_waitlist(WaitlistEntry(ann.id, "proc", clock.now()))
    services.calendar.book(visit(ann, lee, local(2026, 3, 5, 10)), authorised_by="VMA")  # an "est"
    assert [e.type_code for e in services.calendar.waitlist()] == ["proc"]


def test_a_repeating_block_made_from_plain_choices(cal):
    from vma_desk.core.rules.scheduling import repeat_rule

    services, lee, *_ = cal
    first = datetime(2026, 3, 3, 8, 0)  # a Tuesday
    rule = repeat_rule("biweekly", first, until=date(2026, 3, 31))
    assert rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260331T235959"
    services.calendar.add_block(Block(BlockKind.MEETING, first, 60, provider_id=lee.id, title="QI",
                                      rrule=rule))
    occ = [o.start.astimezone(CHICAGO).strftime("%m-%d %H:%M")
           for o in services.calendar.block_occurrences([lee.id], local(2026, 3, 1, 0), local(2026, 5, 1, 0))
           if o.block.title == "QI"]
    assert occ == ["03-03 08:00", "03-17 08:00", "03-31 08:00"]
    assert repeat_rule("none", first, until=date(2026, 3, 31)) == ""


# --- issue 12 -------------------------------------------------------------------------------------
def test_a_patient_cannot_be_booked_in_two_places_unless_overridden_with_a_reason(cal):
    services, lee, kim, ann, bob = cal
    with_lee, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 4, 9)), authorised_by="VMA")
    with pytest.raises(ConflictError) as caught:
        services.calendar.book(visit(ann, kim, local(2026, 3, 4, 9, 10)), authorised_by="VMA")
    assert [(c.kind, c.message) for c in caught.value.conflicts] == [
        (ConflictKind.PATIENT_BUSY, "The patient already has a visit 09:00-09:20 with Dana Lee, MD.")]
    assert services.calendar.appointments([kim.id], local(2026, 3, 4, 0), local(2026, 3, 5, 0)) == []
    services.calendar.book(visit(bob, kim, local(2026, 3, 4, 9, 10)), authorised_by="VMA")  # Bob is free
    overridden, _ = services.calendar.book(visit(ann, kim, local(2026, 3, 4, 10)), authorised_by="VMA",
                                           override_reason="Lee's visit runs into the procedure")
    # moving a visit onto the patient's other one is the same conflict
    with pytest.raises(ConflictError, match="The patient already has a visit 09:00-09:20 with Dana Lee"):
        services.calendar.reschedule(overridden.id, start=local(2026, 3, 4, 9, 15), authorised_by="VMA")
    # a cancelled visit holds no time
    services.calendar.cancel(with_lee.id, reason="patient asked", authorised_by="patient")
    moved, _, _ = services.calendar.reschedule(overridden.id, start=local(2026, 3, 4, 9, 30),
                                               authorised_by="VMA")
    assert moved.override_reason == "" and services.audit.page()[0].user == "tester@desk"


def test_a_late_booking_is_due_for_confirmation_and_eligibility_at_once_until_done(cal, clock):
    services, lee, kim, ann, bob = cal
    late, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 2, 14)), authorised_by="VMA")
    ahead, _ = services.calendar.book(visit(bob, kim, local(2026, 3, 5, 14)), authorised_by="VMA")
    assert services.calendar.get(late.id).booked_at == clock.now()
    assert [a.id for a in services.calendar.confirmation_worklist()] == [late.id]
    assert [a.id for a in services.calendar.eligibility_worklist()] == [late.id]
    services.calendar.set_status(late.id, VisitStatus.CONFIRMED, ContactMethod.PHONE)
    assert services.calendar.confirmation_worklist() == []
    assert [a.id for a in services.calendar.eligibility_worklist()] == [late.id]
    services.calendar.record_eligibility(late.id, Eligibility(EligibilityStatus.VERIFIED, True, True))
    assert services.calendar.eligibility_worklist() == []
    clock.advance(timedelta(days=1))  # Tuesday 9:30: Thursday's visit enters its confirmation window
    assert [a.id for a in services.calendar.confirmation_worklist()] == [ahead.id]


def test_a_confirmed_visit_that_arrives_still_shows_it_was_confirmed(cal):
    services, lee, _kim, ann, _bob = cal
    booked, _ = services.calendar.book(visit(ann, lee, local(2026, 3, 2, 10)), authorised_by="VMA")
    services.calendar.set_status(booked.id, VisitStatus.CONFIRMED, ContactMethod.TEXT)
    services.calendar.set_status(booked.id, VisitStatus.ARRIVED)
    arrived = services.calendar.get(booked.id)
    assert (arrived.status, arrived.confirmation, arrived.confirmation_method) == (
        VisitStatus.ARRIVED, VisitStatus.CONFIRMED, ContactMethod.TEXT)
    # a confirmation recorded after the fact does not take the arrival back
    services.calendar.set_status(booked.id, VisitStatus.LEFT_MESSAGE, ContactMethod.PHONE)
    assert services.calendar.get(booked.id).status is VisitStatus.ARRIVED
    back, _ = services.calendar.clear_arrival(booked.id)
    assert (back.status, back.confirmation) == (VisitStatus.LEFT_MESSAGE, VisitStatus.LEFT_MESSAGE)
    entry = services.audit.page()[0]
    assert (entry.user, entry.detail) == ("tester@desk", "status: left_message (arrival taken back)")
