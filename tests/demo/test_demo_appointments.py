"""Demo appointments: deterministic, about 20 a day per provider, never double-booked, plausible
statuses around the anchor day, blocks and a waitlist, and last visits that match the calendar.

One one-year demo (anchor Monday 2026-03-02, the clock at 09:30 that morning in Chicago) is made
for the module; the determinism test makes two more.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.calendar import Appointment, BlockKind, EligibilityStatus, TechCheck, VisitStatus
from vma_desk.demo.appointments import HORIZON_DAYS
from vma_desk.services import Services

ANCHOR = date(2026, 3, 2)
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)



@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, module_demos: Demos) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("demo") / "ws", now=NOW)


def local(day: date, at: time = time(0)) -> datetime:
    return datetime.combine(day, at, tzinfo=CHICAGO).astimezone(UTC)


def everything(services: Services) -> list[Appointment]:
    ids = [p.id for p in services.practice.providers()]
    return services.calendar.appointments(ids, local(ANCHOR - timedelta(days=400)),
                                          local(ANCHOR + timedelta(days=HORIZON_DAYS + 7)),
                                          include_cancelled=True)


def test_same_seed_and_anchor_give_the_same_calendar(tmp_path: Path, demos: Demos):
    first, second = (demos.make(tmp_path / name, now=NOW) for name in ("a", "b"))
    for table in ("appointment", "schedule_block", "waitlist", "patient_last_visit"):
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"
        rows = first.workspace.conn.execute(sql).fetchall()
        assert rows == second.workspace.conn.execute(sql).fetchall(), table
        assert rows, table


def test_about_twenty_visits_a_day_per_provider_on_business_days(demo: Services):
    practice = demo.practice.get()
    per_day: dict[tuple[int, date], int] = Counter()
    for a in everything(demo):
        day = a.start.astimezone(CHICAGO).date()
        assert practice.is_business_day(day)
        if a.status.holds_slot and day < ANCHOR:
            per_day[(a.provider_id, day)] += 1
    providers = demo.practice.providers()
    assert {p for p, _ in per_day} == {p.id for p in providers}
    for provider in providers:
        counts = [n for (p, _), n in per_day.items() if p == provider.id]
        assert 16 <= statistics.median(counts) <= 24, provider.credentials
        assert len(counts) > 150  # about a year of working days, less vacations


def test_no_visit_conflicts_with_another_hours_or_blocks_around_the_dst_change(demo: Services):
    """Every visit of March 2026 (clocks change on the 8th) passes the service's own conflict check,
    and starts on the same wall-clock grid before and after the change."""
    ids = [p.id for p in demo.practice.providers()]
    month = demo.calendar.appointments(ids, local(date(2026, 3, 1)), local(date(2026, 4, 1)))
    assert len(month) > 600
    for visit in month:
        assert demo.calendar.check(visit) == [], visit
    walls = {(a.start.astimezone(CHICAGO).hour, a.start.astimezone(CHICAGO).minute % 5)
             for a in month}
    assert {m for _, m in walls} == {0}
    assert min(h for h, _ in walls) >= 7 and max(h for h, _ in walls) < 18


def test_no_double_bookings_in_the_whole_year(demo: Services):
    buffers = {t.code: t.buffer_minutes for t in demo.calendar.types(include_inactive=True)}
    by_provider: dict[int, list[Appointment]] = defaultdict(list)
    for a in everything(demo):
        if a.status.holds_slot:
            by_provider[a.provider_id].append(a)
    for visits in by_provider.values():
        visits.sort(key=lambda a: a.start)
        for before, after in zip(visits, visits[1:], strict=False):
            assert before.end + timedelta(minutes=buffers[before.type_code]) <= after.start


def test_statuses_before_and_after_the_anchor_day(demo: Services):
    visits = everything(demo)
    now = local(ANCHOR)
    past = [a for a in visits if a.start < now]
    ahead = [a for a in visits if a.start >= now]
    share = Counter(a.status for a in past)
    assert share[VisitStatus.ARRIVED] > 0.8 * len(past)
    assert 0.03 < share[VisitStatus.NO_SHOW] / len(past) < 0.07
    assert 0.07 < share[VisitStatus.CANCELLED] / len(past) < 0.12
    cancelled = [a for a in visits if a.status is VisitStatus.CANCELLED]
    assert all(a.cancel_reason and a.cancelled_at and a.cancelled_at < a.start for a in cancelled)
    assert all(a.cancelled_at <= now for a in cancelled)
    late = [a for a in cancelled if a.late_cancel]
    assert 0.15 * len(cancelled) < len(late) < 0.5 * len(cancelled)
    assert all(a.start - a.cancelled_at < timedelta(hours=24) for a in late)
    assert not {VisitStatus.ARRIVED, VisitStatus.NO_SHOW} & {a.status for a in ahead}

    def unconfirmed(days: range) -> float:
        some = [a for a in ahead if a.status.holds_slot
                and (a.start.astimezone(CHICAGO).date() - ANCHOR).days in days]
        return sum(a.status is VisitStatus.UNCONFIRMED for a in some) / len(some)

    assert unconfirmed(range(0, 1)) < unconfirmed(range(1, 3)) < unconfirmed(range(14, 56))
    assert all(a.confirmation_method for a in ahead
               if a.status in (VisitStatus.CONFIRMED, VisitStatus.LEFT_MESSAGE))
    # booking further ahead thins out
    assert len([a for a in ahead if a.start < now + timedelta(days=7)]) > \
        len([a for a in ahead if a.start >= now + timedelta(days=49)])


def test_eligibility_and_telehealth(demo: Services):
    visits = [a for a in everything(demo) if a.status.holds_slot]
    now = local(ANCHOR)
    checked_before = [a for a in visits if a.start < now - timedelta(hours=48)]
    verified = [a for a in checked_before if a.eligibility.status is not EligibilityStatus.UNVERIFIED]
    assert len(verified) > 0.9 * len(checked_before)
    assert all(a.eligibility.checked_at and a.eligibility.checked_by
               and a.eligibility.checked_at < a.start for a in verified)
    assert any(a.eligibility.status is EligibilityStatus.PROBLEM for a in verified)
    tele = [a for a in visits if a.type_code == "tele"]
    assert tele and all(a.telehealth_link.startswith("https://") for a in tele)
    assert all(a.tech_check is not TechCheck.NOT_NEEDED for a in tele)
    assert all(not a.telehealth_link and a.tech_check is TechCheck.NOT_NEEDED
               for a in visits if a.type_code != "tele")
    assert {a.type_code for a in visits} == {"new", "est", "fu", "phys", "proc", "tele"}


def test_the_anchor_mornings_worklists_have_work(demo: Services):
    confirm = demo.calendar.confirmation_worklist()
    eligibility = demo.calendar.eligibility_worklist()
    assert 5 <= len(confirm) and 5 <= len(eligibility)
    ahead = [a for a in everything(demo) if a.status.holds_slot
             and timedelta(hours=24) <= a.start - NOW <= timedelta(hours=48)]
    assert len(eligibility) < len(ahead)  # some were already checked


def test_blocks_recur_and_vacations_empty_the_day(demo: Services):
    blocks = demo.calendar.blocks()
    providers = demo.practice.providers()
    kinds = Counter(b.kind for b in blocks)
    assert kinds[BlockKind.LUNCH] == len(providers) and kinds[BlockKind.MEETING] == 1
    assert kinds[BlockKind.ADMIN] == len(providers) and kinds[BlockKind.VACATION] >= len(providers)
    assert all(b.rrule for b in blocks if b.kind is not BlockKind.VACATION)
    md = next(p for p in providers if p.credentials == "MD")
    lunches = [o for o in demo.calendar.block_occurrences([md.id], local(date(2026, 3, 6)),
                                                          local(date(2026, 3, 10)))
               if o.block.kind is BlockKind.LUNCH]
    assert [o.start.astimezone(CHICAGO).time() for o in lunches] == [time(12)] * 2
    assert lunches[1].start - lunches[0].start == timedelta(days=3, hours=-1)  # across the change
    visits = everything(demo)
    for block in blocks:
        if block.kind is BlockKind.VACATION:
            start = block.start.replace(tzinfo=CHICAGO)
            end = start + timedelta(minutes=block.minutes)
            assert not [a for a in visits if a.provider_id == block.provider_id
                        and start <= a.start < end], block.title


def test_waitlist_of_patients_with_preferences(demo: Services):
    entries = demo.calendar.waitlist()
    assert 15 <= len(entries) <= 30
    assert len({e.patient_id for e in entries}) == len(entries)
    assert all(e.days and e.earliest < e.latest and e.added_at < NOW for e in entries)
    assert any(e.provider_id is None for e in entries) and any(e.provider_id for e in entries)
    assert any(e.type_code == "new" for e in entries)
    assert all(demo.patients.get(e.patient_id) for e in entries)


def test_patients_come_from_the_panel_and_last_visits_match(demo: Services):
    visits = everything(demo)
    seen = {a.patient_id for a in visits}
    assert len(seen) > 0.8 * demo.patients.count()
    last: dict[tuple[int, int], date] = {}
    for a in visits:
        if a.status is VisitStatus.ARRIVED:
            key = (a.patient_id, a.provider_id)
            last[key] = max(last.get(key, date.min), a.start.astimezone(CHICAGO).date())
    first_day = ANCHOR - timedelta(days=365)
    for patient_id in sorted(seen)[::10]:
        patient = demo.patients.get(patient_id)
        stored = {(patient_id, v.provider_id): v.day for v in patient.last_visits}
        assert {k: d for k, d in stored.items() if d >= first_day} == \
            {k: d for k, d in last.items() if k[0] == patient_id}
        # a new-patient visit is the patient's first
        own = sorted((a for a in visits if a.patient_id == patient_id), key=lambda a: a.start)
        assert all(a.type_code != "new" for a in own[1:] if a.status is not VisitStatus.CANCELLED)


def test_booking_times_late_bookings_and_kept_confirmations(demo: Services):
    visits = everything(demo)
    assert all(a.booked_at is not None and a.booked_at <= NOW and a.booked_at < a.start for a in visits)
    assert all(a.booked_at < a.cancelled_at for a in visits if a.cancelled_at is not None)
    # a few of today's visits were booked this morning: their calls are due now on the worklists
    late = {a.id for a in visits if a.status.holds_slot and a.start > NOW
            and a.start - a.booked_at < timedelta(hours=24)}
    assert 1 <= len(late) and late <= {a.id for a in demo.calendar.confirmation_worklist()}
    # visits that came after a confirmation call still say they were confirmed
    arrived = [a for a in visits if a.status is VisitStatus.ARRIVED]
    assert all((a.confirmation is VisitStatus.CONFIRMED) == (a.confirmation_method is not None)
               for a in arrived)
    assert sum(a.confirmation is VisitStatus.CONFIRMED for a in arrived) > 0.7 * len(arrived)


def test_some_patients_have_a_secondary_insurance_verified_with_the_details(demo: Services):
    from vma_desk.core.records import PlanType
    from vma_desk.core.validation import validate_eligibility, validate_patient
    from vma_desk.demo import catalog

    visits = [a for a in everything(demo) if a.status.holds_slot]
    patients = demo.patients.repo.get_many({a.patient_id for a in visits})
    secondary = [p for p in patients.values() if p.secondary_insurance is not None]
    medicare = [p for p in patients.values() if p.insurance and p.insurance.plan_type is PlanType.MEDICARE]
    assert 0.4 * len(medicare) < sum(p in secondary for p in medicare) < 0.8 * len(medicare)
    assert any(p.secondary_insurance.subscriber for p in secondary)  # a spouse's plan
    fictional = {payer for plans in catalog.SECONDARY_PAYERS.values() for payer, _prefix, _plan in plans}
    assert {p.secondary_insurance.payer for p in secondary} <= fictional
    for p in secondary:
        assert validate_patient(p, today=ANCHOR) == p
    checked = [a for a in visits if a.eligibility.checked_at and a.start < local(ANCHOR)]
    assert all(validate_eligibility(a.eligibility) == a.eligibility for a in checked)
    assert any(a.eligibility.deductible_remaining and a.eligibility.coinsurance for a in checked)
    theirs = [a for a in checked if a.patient_id in {p.id for p in secondary}
              and a.eligibility.status is EligibilityStatus.VERIFIED]
    assert theirs and sum(a.eligibility.secondary_status is EligibilityStatus.VERIFIED for a in theirs) \
        > 0.5 * len(theirs)
