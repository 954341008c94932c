"""Demo appointments: `years` of visits for the demo providers up to the anchor day and about eight
weeks after it, their schedule blocks, and a waitlist.

Each provider-day is filled on its own: the provider's shifts minus the day's block occurrences
(lunch, the weekly meeting, admin time, vacations) give free spans, and visits are laid one after
another in them in practice-local wall time, then converted to UTC. So a 09:00 visit is at 09:00 on
both sides of a DST change, and no two visits that hold a slot overlap (buffers included). A
cancelled visit keeps its row; its slot is often given to another patient, as good waitlist work
does.

Visits before the anchor day mostly arrived, with no-shows and cancellations (some late); later ones
carry confirmation statuses that thin out with distance, eligibility checks done for most visits
up to 48 hours ahead, and telehealth links with their tech check (`demo.visit_details`). Patients
come from the practice's own panel (`demo.panel`). Everything draws from one stream seeded by
(seed, "appointments") and is laid out from the anchor, so the same seed and anchor give the same
calendar.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import (
    Appointment,
    AppointmentType,
    Block,
    BlockKind,
    VisitStatus,
)
from vma_desk.core.records import Practice, Role, StaffMember
from vma_desk.core.rules import scheduling
from vma_desk.demo import visit_details
from vma_desk.demo.panel import Panel, Rostered
from vma_desk.demo.randomness import stream, weighted
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import CalendarRepository
from vma_desk.storage.repositories import PatientRepository, StaffRepository

#: how far after the anchor day visits are booked
HORIZON_DAYS = 56
#: days generated per transaction (and per progress report)
BATCH_DAYS = 60
#: visits start on this grid; every type's length and buffer is a multiple of it
GRID = timedelta(minutes=5)
#: (type code, weight) of a slot; "new" goes to a newcomer when there is one, else becomes "est"
TYPE_MIX: tuple[tuple[str, float], ...] = (
    ("est", 44), ("fu", 22), ("tele", 14), ("phys", 9), ("new", 7), ("proc", 4),
)
#: the chance that a gap of 15 minutes is left before a visit (a late patient, a phone call)
GAP = 0.03
#: the chance that a cancelled slot was given to someone else (the waitlist at work), by lateness;
#: ahead of the anchor day, half the cancelled slots are taken again so far
REFILLED = {True: 0.65, False: 0.85}
REFILLED_AHEAD = 0.5

def units(history_days: int) -> int:
    """Progress units of `write`: one per generated day."""
    return history_days + HORIZON_DAYS


@dataclass(frozen=True)
class Window:
    """The days generated and the moment that separates past visits from future ones."""

    first: date
    anchor: date
    zone: ZoneInfo

    @property
    def end(self) -> date:  # exclusive
        return self.anchor + timedelta(days=HORIZON_DAYS)

    @property
    def now(self) -> datetime:
        """The start of the anchor day, practice time: what is before it has happened."""
        return scheduling.local_to_utc(datetime.combine(self.anchor, time(0)), self.zone)

    def utc(self, day: date, at: time | datetime) -> datetime:
        naive = at if isinstance(at, datetime) else datetime.combine(day, at)
        return scheduling.local_to_utc(naive, self.zone)


# --- schedule blocks -----------------------------------------------------------------------------

#: per provider slot (MD, DO, NP, PA): (title, first local time, minutes, RRULE)
_ADMIN = (
    ("Admin time", time(15, 0), 120, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
    ("Chart review", time(8, 30), 60, "FREQ=MONTHLY;BYDAY=1TH"),
    ("Admin time", time(17, 0), 60, "FREQ=WEEKLY;BYDAY=MO"),
    ("Chart review", time(15, 0), 60, "FREQ=WEEKLY;BYDAY=WE"),
)
_MEETING = ("Clinical team meeting", time(16, 0), 60, "FREQ=WEEKLY;BYDAY=TU")
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def blocks(rng: random.Random, providers: Sequence[StaffMember], window: Window) -> list[Block]:
    """Lunch between each provider's shifts, the weekly meeting for everyone, admin time, and a few
    vacations and conferences a year; recurring ones start on the first generated day."""
    first = datetime.combine(window.first, time(0))
    out: list[Block] = []
    for slot, provider in enumerate(providers):
        lunches: dict[tuple[time, time], list[int]] = {}
        for day in range(7):
            shifts = sorted((s.start, s.end) for s in provider.working_hours if s.weekday == day)
            for (_, end), (start, _) in zip(shifts, shifts[1:], strict=False):
                lunches.setdefault((end, start), []).append(day)
        for (start, end), days in sorted(lunches.items()):
            minutes = (datetime.combine(window.first, end)
                       - datetime.combine(window.first, start)).seconds // 60
            out.append(Block(BlockKind.LUNCH, datetime.combine(window.first, start), minutes,
                             provider_id=provider.id, title="Lunch",
                             rrule="FREQ=WEEKLY;BYDAY=" + ",".join(_BYDAY[d] for d in days)))
        title, at, minutes, rule = _ADMIN[slot % len(_ADMIN)]
        out.append(Block(BlockKind.ADMIN, first.replace(hour=at.hour, minute=at.minute), minutes,
                         provider_id=provider.id, title=title, rrule=rule))
    title, at, minutes, rule = _MEETING
    out.append(Block(BlockKind.MEETING, first.replace(hour=at.hour, minute=at.minute), minutes,
                     title=title, rrule=rule))
    for year in range(window.first.year, window.end.year + 1):
        for slot, provider in enumerate(providers):
            out += [b for b in _time_off(rng, year, slot, provider)
                    if b.start.date() < window.end and b.start.date() >= window.first]
    return out


def _time_off(rng: random.Random, year: int, slot: int, provider: StaffMember) -> list[Block]:
    """A summer week (staggered between providers), a long weekend in spring, a CME conference."""
    def monday_of_week(week: int) -> date:
        return date.fromisocalendar(year, week, 1)

    summer = monday_of_week(24 + 3 * slot + rng.randint(0, 2))
    spring = monday_of_week(rng.randint(10, 17)) + timedelta(days=rng.choice((0, 4)))  # Mon or Fri
    autumn = monday_of_week(rng.randint(38, 45)) + timedelta(days=3)  # Thursday and Friday
    return [
        Block(BlockKind.VACATION, datetime.combine(summer, time(0)), 5 * 1440,
              provider_id=provider.id, title="Vacation"),
        Block(BlockKind.VACATION, datetime.combine(spring, time(0)), 1440,
              provider_id=provider.id, title="Day off"),
        Block(BlockKind.VACATION, datetime.combine(autumn, time(0)), 2 * 1440,
              provider_id=provider.id, title="CME conference"),
    ]


def busy_by_day(found: Sequence[Block], window: Window) -> dict[tuple[int | None, date],
                                                                  list[tuple[datetime, datetime]]]:
    """Every block occurrence in the window, cut into practice-local (naive) spans per day."""
    start = window.utc(window.first, time(0))
    end = window.utc(window.end, time(0))
    out: dict[tuple[int | None, date], list[tuple[datetime, datetime]]] = {}
    for occ in scheduling.block_occurrences(found, start, end, window.zone):
        local_start = occ.start.astimezone(window.zone).replace(tzinfo=None)
        local_end = occ.end.astimezone(window.zone).replace(tzinfo=None)
        day = local_start.date()
        while datetime.combine(day, time(0)) < local_end:
            midnight = datetime.combine(day + timedelta(days=1), time(0))
            out.setdefault((occ.provider_id, day), []).append(
                (max(local_start, datetime.combine(day, time(0))), min(local_end, midnight)))
            day += timedelta(days=1)
    return out


def free_spans(shifts: Sequence[tuple[datetime, datetime]],
               busy: Sequence[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The parts of `shifts` not covered by `busy` (both sorted or not, local naive times)."""
    spans = sorted(shifts)
    for b_start, b_end in sorted(busy):
        cut: list[tuple[datetime, datetime]] = []
        for s, e in spans:
            if b_end <= s or e <= b_start:
                cut.append((s, e))
                continue
            if s < b_start:
                cut.append((s, b_start))
            if b_end < e:
                cut.append((b_end, e))
        spans = cut
    return spans


# --- the visits ----------------------------------------------------------------------------------

class _Day:
    """Fills one provider-day and turns its slots into appointments."""

    def __init__(self, rng: random.Random, panel: Panel, types: dict[str, AppointmentType],
                 details: visit_details.Details, window: Window) -> None:
        self.rng, self.panel, self.types, self.details, self.window = rng, panel, types, details, window
        self.shortest = min(types, key=lambda c: types[c].minutes)

    def fill(self, slot: int, provider_id: int, day: date,
             spans: Sequence[tuple[datetime, datetime]]) -> list[Appointment]:
        rng, types = self.rng, self.types
        booked_share = _booked_share((day - self.window.anchor).days)
        today: set[int] = set()
        out: list[Appointment] = []
        self.panel.start_day(slot, day)
        for span_start, span_end in spans:
            cursor = span_start
            while cursor + timedelta(minutes=types[self.shortest].minutes) <= span_end:
                if rng.random() < GAP:
                    cursor += 3 * GRID
                    continue
                code = weighted(rng, TYPE_MIX)
                if cursor + timedelta(minutes=types[code].minutes) > span_end:
                    code = self.shortest  # the end of a shift
                chosen = self.panel.pick(slot, day, today, code) \
                    if rng.random() < booked_share else None
                if chosen is None:  # left open
                    cursor += timedelta(minutes=types[code].minutes)
                    continue
                who, code, must_attend = chosen
                out += self._visits(slot, provider_id, day, cursor, code, who, must_attend, today)
                kind = types[code]
                cursor += timedelta(minutes=kind.minutes + kind.buffer_minutes)
        self.panel.end_day(slot)
        return out

    def _visits(self, slot: int, provider_id: int, day: date, at: datetime, code: str, who: int,
                must_attend: bool, today: set[int]) -> list[Appointment]:
        """The visit in one slot and, when it was cancelled, perhaps the one that took its place
        (of the same type, or an established visit in a newcomer's longer slot)."""
        start = self.window.utc(day, at)
        first = self._visit(slot, provider_id, day, start, code, who, must_attend=must_attend)
        today.add(who)
        if first.status is not VisitStatus.CANCELLED:
            return [first]
        refill = REFILLED[first.late_cancel] if start < self.window.now else REFILLED_AHEAD
        chosen = self.panel.pick(slot, day, today, "est" if code == "new" else code) \
            if self.rng.random() < refill else None
        if chosen is None:
            return [first]
        other, other_code, must = chosen
        today.add(other)
        return [first, self._visit(slot, provider_id, day, start, other_code, other,
                                   must_attend=must, may_cancel=False)]

    def _visit(self, slot: int, provider_id: int, day: date, start: datetime, code: str, who: int,
               *, must_attend: bool, may_cancel: bool = True) -> Appointment:
        visit = self.details.appointment(who, self.panel.patient(who), provider_id, self.types[code],
                                         start, must_attend=must_attend, may_cancel=may_cancel)
        self.panel.booked(who, slot, day, attended=visit.status is VisitStatus.ARRIVED)
        return visit


def _booked_share(days_ahead: int) -> float:
    """Past days are full; the next week nearly so; eight weeks out, about a third is booked."""
    if days_ahead < 7:
        return 0.97
    return max(0.3, 0.97 - 0.67 * (days_ahead - 7) / (HORIZON_DAYS - 7))


@dataclass(frozen=True)
class Written:
    appointments: int
    blocks: int
    waitlist: int


def write(ctx: ServiceContext, *, seed: int, anchor: date, history_days: int, practice: Practice,
          roster: Sequence[Rostered], progress: Callable[[int], None]) -> Written:
    """Generate and write the calendar of a freshly generated demo practice."""
    rng = stream(seed, "appointments")
    zone = ZoneInfo(practice.time_zone)
    window = Window(anchor - timedelta(days=history_days), anchor, zone)
    staff = StaffRepository(ctx.conn).all()
    # in roster order, which is the order they were written in
    providers = sorted((s for s in staff if s.role is Role.PROVIDER and s.id is not None),
                       key=lambda s: s.id or 0)
    repo = CalendarRepository(ctx.conn)
    types = {t.code: t for t in repo.types() if t.active}
    the_blocks = blocks(rng, providers, window)
    busy = busy_by_day(the_blocks, window)
    panel = Panel(rng, roster, [p.id or 0 for p in providers], window.first, anchor)
    details = visit_details.Details(rng, window.now, staff, zone)
    filler = _Day(rng, panel, types, details, window)
    closed = {h.day for h in practice.holidays}

    with ctx.transaction():
        for block in the_blocks:
            repo.insert_block(block)
    count, day, done = 0, window.first, 0
    while day < window.end:
        batch: list[Appointment] = []
        for _ in range(BATCH_DAYS):
            if day >= window.end:
                break
            if day.weekday() in practice.business_days and day not in closed:
                for slot, provider in enumerate(providers):
                    shifts = [(datetime.combine(day, s.start), datetime.combine(day, s.end))
                              for s in provider.working_hours if s.weekday == day.weekday()]
                    if not shifts:
                        continue
                    spans = free_spans(shifts, busy.get((provider.id, day), [])
                                       + busy.get((None, day), []))
                    batch += filler.fill(slot, provider.id or 0, day, spans)
            day += timedelta(days=1)
            done += 1
        with ctx.transaction():
            repo.insert_many(batch)
        count += len(batch)
        progress(done)

    working_days = {p.id or 0: frozenset(s.weekday for s in p.working_hours) for p in providers}
    entries = visit_details.waitlist(rng, panel, details.ahead, window.now, working_days)
    with ctx.transaction():
        for entry in entries:
            repo.insert_waitlist(entry)
        patients = PatientRepository(ctx.conn)
        for patient in panel.changed_last_visits():
            patients.update(patient)
    return Written(count, len(the_blocks), len(entries))
