"""The demo generator on a real SQLCipher workspace: deterministic, valid, and shaped like a practice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import holidays
import phonenumbers
import pytest

from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import KnownError
from vma_desk.core.records import AuditAction, ContactMethod, PlanType, Role, RouteCategory
from vma_desk.core.users import UserRole
from vma_desk.core.validation import validate_patient
from vma_desk.demo import generate
from vma_desk.demo.generator import PATIENTS_PER_YEAR
from vma_desk.services import Services
from vma_desk.services.users import DEMO_PIN
from vma_desk.storage import pins
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.repositories import PatientRepository
from vma_desk.storage.workspace import Workspace

ANCHOR = date(2026, 3, 2)  # a Monday
#: meta rows that differ between any two workspaces, demo or not
#: random per workspace by design (the audit chain's key, so its MACs differ too)
_PER_WORKSPACE = {"workspace_id", "created_at", "audit_chain_key"}

Make = Callable[..., Services]


@pytest.fixture
def make_demo(tmp_path: Path, keystore: KeyStore) -> Iterator[Make]:
    """Creates and generates workspaces in fresh folders; closes them and drops their keys after."""
    made: list[Workspace] = []

    def make(*, seed: int = 1, years: int = 1, anchor: date | None = ANCHOR,
             clock: FixedClock | None = None, **kwargs) -> Services:
        ws, _ = Workspace.create(tmp_path / f"ws{len(made)}", keystore)
        made.append(ws)
        clock = clock or FixedClock(datetime(2026, 3, 2, 15, 0, tzinfo=UTC))
        services = Services.for_workspace(ws, clock=clock, user="trainer@desk")
        generate(services, seed=seed, years=years, anchor=anchor, **kwargs)
        return services

    yield make
    for ws in made:
        ws.close()
        keystore.delete(ws.workspace_id)


def dump(ws: Workspace) -> dict[str, list[tuple]]:
    tables = [r[0] for r in ws.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {t: ws.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    out["meta"] = [row for row in out["meta"] if row[0] not in _PER_WORKSPACE]
    mac_column = [r[1] for r in ws.conn.execute("PRAGMA table_info(audit)")].index("mac")
    out["audit"] = [row[:mac_column] + row[mac_column + 1:] for row in out["audit"]]
    # a PIN hash has a random salt by design: what must agree is that it is the demo PIN's
    pin_column = [r[1] for r in ws.conn.execute("PRAGMA table_info(app_user)")].index("pin_hash")
    out["app_user"] = [(*row[:pin_column], pins.verify_pin(row[pin_column], DEMO_PIN), *row[pin_column + 1:])
                       for row in out["app_user"]]
    return out


def all_patients(services: Services) -> list:
    repo = PatientRepository(services.workspace.conn)
    ids = [r[0] for r in services.workspace.conn.execute("SELECT id FROM patient ORDER BY id")]
    return [repo.get(i) for i in ids]


def test_same_seed_and_anchor_give_identical_workspaces(make_demo: Make):
    first, second = make_demo(), make_demo()
    a, b = dump(first.workspace), dump(second.workspace)
    assert a == b
    assert len(a["patient"]) == PATIENTS_PER_YEAR and a["care_gap"] and a["holiday"]


def test_another_seed_gives_another_practice(make_demo: Make):
    one, two = dump(make_demo(seed=1).workspace), dump(make_demo(seed=2).workspace)
    assert one["patient"] != two["patient"]
    assert one["staff"] != two["staff"]


def test_people_depend_on_the_seed_only_and_dates_on_the_anchor(make_demo: Make):
    now, later = make_demo(), make_demo(anchor=ANCHOR + timedelta(days=200))
    who = "SELECT first_name, last_name, date_of_birth, payer, member_id, plan_type FROM patient"
    assert now.workspace.conn.execute(who).fetchall() == later.workspace.conn.execute(who).fetchall()
    assert [s.name for s in now.practice.staff()] == [s.name for s in later.practice.staff()]
    visits = "SELECT max(day) FROM patient_last_visit"
    assert now.workspace.conn.execute(visits).fetchone() != \
        later.workspace.conn.execute(visits).fetchone()
    assert later.workspace.meta("demo_anchor") == (ANCHOR + timedelta(days=200)).isoformat()


def test_counts_scale_with_years_and_earlier_patients_stay_the_same(make_demo: Make):
    one, two = make_demo(years=1), make_demo(years=2)
    assert one.patients.count() == PATIENTS_PER_YEAR
    assert two.patients.count() == 2 * PATIENTS_PER_YEAR
    who = "SELECT first_name, last_name, date_of_birth FROM patient WHERE id <= ? ORDER BY id"
    assert one.workspace.conn.execute(who, (PATIENTS_PER_YEAR,)).fetchall() == \
        two.workspace.conn.execute(who, (PATIENTS_PER_YEAR,)).fetchall()
    # two years of history cover more holidays
    assert len(two.practice.get().holidays) > len(one.practice.get().holidays)


def test_generated_patients_pass_core_validation_unchanged(make_demo: Make):
    services = make_demo()
    providers = {p.id for p in services.practice.providers()}
    for patient in all_patients(services):
        assert validate_patient(patient, today=ANCHOR) == patient
        assert {v.provider_id for v in patient.last_visits} <= providers
        assert all(patient.date_of_birth <= v.day < ANCHOR for v in patient.last_visits)


def test_patients_look_like_a_diverse_fictional_panel(make_demo: Make):
    people = all_patients(make_demo())
    assert len({p.last_name for p in people}) > 200
    assert len({p.first_name for p in people}) > 200
    assert any("'" in p.last_name for p in people) and any("-" in p.last_name for p in people)
    ages = [p.age_on(ANCHOR) for p in people]
    assert min(ages) < 5 and 90 <= max(ages) <= 97
    assert sum(a < 18 for a in ages) > 200 and sum(a >= 65 for a in ages) > 200
    numbers = [ph.number for p in people for ph in p.phones]
    assert all(re.fullmatch(r"\+1\d{3}55501\d\d", n) for n in numbers)
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(n)) for n in set(numbers))
    assert len({n[2:5] for n in numbers}) >= 8  # several area codes
    assert all(p.email.endswith(("@example.com", "@example.org", "@example.net"))
               for p in people if p.email)
    plans = {p.insurance.plan_type for p in people if p.insurance}
    assert plans == set(PlanType)
    seniors = [p for p in people if p.age_on(date(2025, 1, 1)) >= 65]
    medicare = sum(p.insurance.plan_type in (PlanType.MEDICARE, PlanType.MEDICARE_ADVANTAGE)
                   for p in seniors)
    assert medicare > 0.8 * len(seniors)
    assert sum(bool(p.preferred_pharmacy) for p in people) > 0.9 * len(people)
    assert {p.preferred_contact for p in people} == set(ContactMethod)
    assert sum(len(p.last_visits) == 2 for p in people) > 100


def test_care_gaps_are_dated_and_some_are_overdue(make_demo: Make):
    people = all_patients(make_demo())
    gaps = [(p, g) for p in people for g in p.care_gaps]
    overdue = [g for _, g in gaps if g.due < ANCHOR]
    upcoming = [g for _, g in gaps if g.due >= ANCHOR]
    assert len(overdue) > 300 and len(upcoming) > 100
    assert len(overdue) < 0.9 * len(gaps)
    kinds = {g.kind for _, g in gaps}
    assert {"Mammogram", "A1c", "Colonoscopy", "Flu shot"} <= kinds
    for patient, gap in gaps:
        if gap.kind == "Mammogram":
            assert 40 <= patient.age_on(ANCHOR) <= 74
        if gap.kind == "Well-child visit":
            assert patient.age_on(ANCHOR) < 18
        assert gap.note == "No record on file" or gap.note.startswith("Last done ")


def test_practice_calendar_and_roster(make_demo: Make):
    services = make_demo()
    practice = services.practice.get()
    assert practice.time_zone == "America/Chicago"
    assert practice.business_days == frozenset(range(5))
    days = {h.day for h in practice.holidays}
    us = holidays.US(years=ANCHOR.year)
    assert {d for d, n in us.items() if n in ("Thanksgiving Day", "Christmas Day", "Labor Day")} <= days
    assert any(h.name.startswith("Practice closed") for h in practice.holidays)
    assert min(days).year == ANCHOR.year - 1 and max(days).year == ANCHOR.year + 1

    providers = services.practice.providers()
    assert sorted(p.credentials for p in providers) == ["DO", "MD", "NP", "PA"]
    hours = {
        (p.credentials, d): sum(
            (datetime.combine(ANCHOR, s.end) - datetime.combine(ANCHOR, s.start)).seconds / 3600
            for s in p.working_hours if s.weekday == d)
        for p in providers for d in range(5)
    }
    assert any(0 < h <= 5 for h in hours.values())  # a half day
    assert all(h <= 9 for h in hours.values())

    staff = services.practice.staff()
    received = {c for s in staff for c in s.receives}
    assert received == set(RouteCategory)
    nurses = [s for s in staff if s.role is Role.CLINICAL]
    assert len(nurses) == 2
    for nurse in nurses:
        assert {RouteCategory.URGENT_MEDICAL, RouteCategory.TEST_RESULTS,
                RouteCategory.REFILLS} <= nurse.receives
    assert set().union(*(n.supports for n in nurses)) == {p.id for p in providers}
    assert {s.role for s in staff} == set(Role)


def test_last_visits_fall_on_days_the_provider_worked(make_demo: Make):
    services = make_demo()
    practice = services.practice.get()
    works = {p.id: {s.weekday for s in p.working_hours} for p in services.practice.providers()}
    for patient in all_patients(services)[:400]:
        for visit in patient.last_visits:
            assert practice.is_business_day(visit.day)
            assert visit.day.weekday() in works[visit.provider_id]


def test_marked_as_demo_and_audited_as_made_by_its_trainer(make_demo: Make):
    services = make_demo(seed=7)
    ws = services.workspace
    assert ws.is_demo
    assert (ws.meta("demo_seed"), ws.meta("demo_anchor"), ws.meta("demo_status")) == \
        ("7", ANCHOR.isoformat(), "complete")
    trainer = next(u for u in services.users.all() if u.role is UserRole.TRAINER)
    made, signed_in = services.audit.page()
    assert (signed_in.action, signed_in.user_id, signed_in.detail) == \
        (AuditAction.SIGN_IN, trainer.id, "demo generation")
    assert (made.action, made.record_type, made.user, made.user_id) == \
        (AuditAction.CREATE, "demo", trainer.name, trainer.id)
    assert made.workstation == signed_in.workstation != trainer.name
    assert "1600 patients" in made.detail and "6 users" in made.detail
    assert ws.integrity_problems() == []


def test_progress_reaches_the_total(make_demo: Make):
    seen: list[tuple[int, int, str]] = []
    make_demo(progress=lambda done, total, label: seen.append((done, total, label)))
    dones = [d for d, _, _ in seen]
    assert dones == sorted(dones) and dones[0] == 0
    assert seen[-1][0] == seen[-1][1]
    assert len({t for _, t, _ in seen}) == 1


def test_anchor_defaults_to_today_in_the_practice_zone(make_demo: Make):
    # 03:00 UTC on 2026-03-03 is still the evening of 2026-03-02 in Chicago
    services = make_demo(anchor=None, clock=FixedClock(datetime(2026, 3, 3, 3, 0, tzinfo=UTC)))
    assert services.workspace.meta("demo_anchor") == "2026-03-02"


def test_a_workspace_in_use_is_refused(services: Services):
    before = services.audit.count()
    with pytest.raises(KnownError, match="empty workspace"):
        generate(services, seed=1, anchor=ANCHOR)
    assert services.audit.count() == before
    assert not services.workspace.is_demo
