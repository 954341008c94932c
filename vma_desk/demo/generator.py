"""`generate`: fills an empty workspace with a fictional practice, one area module after another.

Everything is written through the repositories in a few large transactions (the practice and staff
in one, patients in batches; appointments, calls and messages, refill requests, referrals and prior
authorisations in batches of days; then the chasing laid over them, in plain SQL, in one:
`demo/chasing.py`), with a single audit entry for the whole generation; going through the
per-record services would cost one transaction and one audit entry per record. The workspace is
marked as a demo in the first transaction and as complete in the last, so an interrupted
generation is recognisable (`ensure_demo_workspace` starts it again).

The first transaction also adds the demo's users (`demo/users.py`, all with the published
`DEMO_PIN`) and signs in their trainer (`act_as`, audited), so the audit says who made the demo.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Practice
from vma_desk.core.validation import validate_patient, validate_practice, validate_staff
from vma_desk.demo import (
    appointments,
    catalog,
    chasing,
    communications,
    intake,
    patients,
    practice,
    referrals,
    refills,
)
from vma_desk.demo import records_requests as demo_records_requests
from vma_desk.demo import results as demo_results
from vma_desk.demo import tasks as demo_tasks
from vma_desk.demo import users as demo_users
from vma_desk.demo.panel import Rostered
from vma_desk.demo.randomness import stream
from vma_desk.demo.slices import let_go, no_cycle_collection
from vma_desk.services import Services
from vma_desk.services.base import ServiceContext
from vma_desk.storage.repositories import PatientRepository, PracticeRepository, StaffRepository
from vma_desk.storage.users_repository import UserRepository

Progress = Callable[[int, int, str], None]

PATIENTS_PER_YEAR = 1600
MAX_YEARS = 10
#: patients written per transaction (and per progress report)
BATCH = 400
#: the earliest and latest anchors for which every generated record is valid (patients are born
#: before the first; the oldest would pass the 125-year limit after the second)
FIRST_ANCHOR = patients.REFERENCE_DAY
LAST_ANCHOR = date(2049, 12, 31)

RECORD_TYPE = "demo"
STATUS_GENERATING = "generating"
STATUS_COMPLETE = "complete"


@dataclass(frozen=True)
class DemoSummary:
    practice: str
    staff: int
    patients: int
    seed: int
    years: int
    anchor: date
    #: users who sign in, all with the published DEMO_PIN
    users: int = 0


def check_options(seed: int, years: int, anchor: date | None) -> None:
    """Raise ValidationError naming the option that is out of range."""
    if not isinstance(seed, int) or seed < 0:
        raise ValidationError("seed", "must be a whole number, 0 or more")
    if not isinstance(years, int) or not 1 <= years <= MAX_YEARS:
        raise ValidationError("years", f"must be from 1 to {MAX_YEARS}")
    if anchor is not None and not FIRST_ANCHOR <= anchor <= LAST_ANCHOR:
        raise ValidationError("anchor", f"must be between {FIRST_ANCHOR} and {LAST_ANCHOR}")


def generate(
    workspace_services: Services,
    *,
    seed: int = 1,
    years: int = 1,
    anchor: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty workspace with the demo practice for `seed`, its dated records laid out around
    `anchor` (default: today in the practice's time zone). Same seed and anchor, same workspace."""
    check_options(seed, years, anchor)
    ctx = workspace_services.context
    if PracticeRepository(ctx.conn).get() is not None or StaffRepository(ctx.conn).count() or \
            PatientRepository(ctx.conn).count() or UserRepository(ctx.conn).count():
        raise KnownError("The demo generator only fills a new, empty workspace; this one already "
                         "has a practice, staff, patients or users. Nothing was changed.")
    if anchor is None:
        anchor = ctx.clock.now().astimezone(ZoneInfo(catalog.TIME_ZONE)).date()
        check_options(seed, years, anchor)
    report: Progress = progress or (lambda done, total, label: None)
    count = PATIENTS_PER_YEAR * years
    history_days = years * 365
    total = count + 2 + appointments.units(history_days) + communications.units(history_days) + \
        refills.units(history_days) + referrals.units(history_days) + chasing.units()

    report(0, total, "practice and staff")
    the_practice = validate_practice(practice.practice(seed, anchor, history_days))
    with ctx.transaction():
        cal, staff_count = _write_practice(ctx, the_practice, seed, anchor, history_days)
        for key, value in (("demo", "1"), ("demo_status", STATUS_GENERATING), ("demo_seed", str(seed)),
                           ("demo_years", str(years)), ("demo_anchor", anchor.isoformat())):
            workspace_services.workspace.set_meta(key, value)
        users = demo_users.write(UserRepository(ctx.conn), seed, ctx.clock.now())
        trainer = demo_users.trainer(users)
        assert trainer is not None
        workspace_services.users.act_as(trainer, detail="demo generation")
    report(1, total, "patients")
    roster = _write_patients(ctx, seed, count, cal, lambda done: report(1 + done, total, "patients"))
    calendar = appointments.write(
        ctx, seed=seed, anchor=anchor, history_days=history_days, practice=the_practice,
        roster=roster, progress=lambda done: report(1 + count + done, total, "appointments"))
    calls_done = 1 + count + appointments.units(history_days)
    phone = communications.write(
        ctx, seed=seed, anchor=anchor, history_days=history_days, practice=the_practice,
        roster=roster, progress=lambda done: report(calls_done + done, total, "calls and messages"))
    refills_done = calls_done + communications.units(history_days)
    referrals_done = refills_done + refills.units(history_days)
    with no_cycle_collection():  # also when called alone (tests, benchmarks)
        calls = refills.refill_calls(ctx, anchor, history_days, ZoneInfo(the_practice.time_zone))
        office = refills.office(ctx, practice=the_practice, anchor=anchor, history_days=history_days,
                                roster=roster, refill_calls=calls)
        asked = refills.write(
            ctx, seed=seed, office=office, roster=roster, calls=calls, history_days=history_days,
            progress=lambda done: report(refills_done + done, total, "refill requests"))
        referred = referrals.write(
            ctx, seed=seed, office=office, roster=roster, history_days=history_days,
            progress=lambda done: report(referrals_done + done, total, "referrals and prior authorisations"))
        report(total - 1, total, "chasing: voicemails, attempts, follow-up calls")
        chased = chasing.write(ctx, seed=seed, office=office, checks=phone.checks)
        # issue 16's loops, laid over the same office (each its own stream of the seed), in one
        # transaction: each writes plain SQL in its caller's
        with ctx.transaction():
            intake_forms = intake.write(ctx, seed=seed, office=office)
            records_asked = demo_records_requests.write(ctx, seed=seed, office=office)
            results_expected = demo_results.write(ctx, seed=seed, office=office)
            tasks_written = demo_tasks.write(ctx, seed=seed, office=office)

    with ctx.transaction():
        workspace_services.workspace.set_meta("demo_status", STATUS_COMPLETE)
        ctx.audit(AuditAction.CREATE, RECORD_TYPE, seed,
                  f"demo workspace: seed {seed}, years {years}, anchor {anchor.isoformat()}, "
                  f"{staff_count} staff, {len(users)} users, {count} patients, "
                  f"{calendar.appointments} appointments, "
                  f"{phone.calls} calls, {phone.messages} messages, {asked.refills} refill requests, "
                  f"{referred.referrals} referrals, {referred.prior_auths} prior authorisations, "
                  f"{chased.voicemails} voicemails, {chased.attempts} contact attempts, "
                  f"{intake_forms} intake forms, {records_asked} records requests, "
                  f"{results_expected} result rows, {tasks_written} tasks")
    report(total, total, "done")
    let_go(calls, roster, office.visits, office.seen_on)
    return DemoSummary(the_practice.name, staff_count, count, seed, years, anchor, len(users))


def _write_practice(
    ctx: ServiceContext, the_practice: Practice, seed: int, anchor: date, history_days: int
) -> tuple[patients.Calendar, int]:
    """The practice and its roster; returns the calendar patients' dates are laid out on."""
    PracticeRepository(ctx.conn).save(the_practice)
    staff = StaffRepository(ctx.conn)
    providers = [validate_staff(p) for p in practice.providers(seed)]
    provider_ids = [staff.insert(p) for p in providers]
    support = [staff.insert(validate_staff(s)) for s in practice.support_staff(seed, provider_ids)]
    cal = patients.Calendar(
        anchor=anchor, history_days=history_days,
        closed=frozenset(h.day for h in the_practice.holidays), provider_ids=provider_ids,
        provider_days=[frozenset(s.weekday for s in p.working_hours) for p in providers],
    )
    return cal, len(provider_ids) + len(support)


def _write_patients(
    ctx: ServiceContext, seed: int, count: int, cal: patients.Calendar, done: Callable[[int], None]
) -> list[Rostered]:
    """The patients, written in batches; returns them with their ids for the appointments."""
    history = stream(seed, "patient-history")
    repo = PatientRepository(ctx.conn)
    people = patients.identities(seed, count)
    roster: list[Rostered] = []
    while len(roster) < count:
        # validation is cheap next to the writes, and keeps every seed's patients canonical
        batch = [
            (person, validate_patient(patients.with_history(history, person, cal), today=cal.anchor))
            for person in itertools.islice(people, BATCH)
        ]
        with ctx.transaction():
            roster += [Rostered(repo.insert(patient), patient, person) for person, patient in batch]
        done(len(roster))
    return roster
