"""Demo results: the tests the demo's providers ordered at visits over the generated years, and the
labs ordered ahead of visits to come, each worked through its steps as the app would.

- **Ordered at a visit.** A share of arrived visits (most annual physicals, some follow-ups and
  established visits) has one or two tests ordered by the visit's provider, expected back a few
  business days later by the test's usual turnaround. Each is received about then, sent to the
  provider within the hour or two, and the provider's disposition recorded at their next review
  (normal, notify patient, needs visit, other with the provider's note). The patient is told when
  the provider asked for it (and for half of the normal ones), then the result is closed. A "needs
  visit" is linked to the patient's next visit when one was booked within a month.
- **Ahead of a visit.** Follow-ups and physicals in the days around the anchor have labs ordered
  two weeks before, expected a few business days before the visit and linked to it; a share is late:
  "labs not back" on the anchor week's huddle sheets.
- **Urgent.** A few results were marked urgent by the provider with the disposition; they were acted
  on within the hour, except a couple on the anchor day that nobody has acted on yet (flagged on
  Today).

Nothing after the demo's "now" is written: a result's steps stop there, and its state is its last
step. Everything draws from one stream seeded by (seed, "results"), visits are read in order and the
rows go in with one statement per table, so the same seed and anchor give the same rows.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from vma_desk.core.results import Disposition, ResultStep
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.refills import Office
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import from_ts
from vma_desk.storage.database import Db
from vma_desk.storage.results_repository import EVENT_INSERT

MINUTE = timedelta(minutes=1)
#: the tests the demo orders: (name, business days to come back, weight)
TESTS = (("CBC", 1, 20), ("Basic metabolic panel", 1, 14), ("Lipid panel", 2, 16), ("A1c", 2, 12),
         ("TSH", 3, 9), ("Urinalysis", 1, 8), ("Vitamin D", 4, 5), ("Urine culture", 3, 4),
         ("Chest X-ray report", 2, 4), ("Ultrasound report", 5, 4), ("Mammogram report", 5, 4))
#: the share of arrived visits of each type with tests ordered
ORDERED, OTHER_TYPES = {"phys": 0.4, "fu": 0.08, "est": 0.05, "new": 0.2}, 0.015
#: a second test ordered at the same visit
SECOND = 0.3
#: of the visits to come around the anchor: the share with labs ordered ahead, and of those late
AHEAD_TYPES = ("fu", "phys")
AHEAD, AHEAD_LATE = 0.3, 0.35
AHEAD_DAYS = (-3, 10)
DISPOSITIONS = ((Disposition.NORMAL, 62), (Disposition.NOTIFY_PATIENT, 22), (Disposition.NEEDS_VISIT, 11),
                (Disposition.OTHER, 5))
OTHER_NOTES = ("Repeat the test in three months.", "Send a copy to the cardiologist.",
               "Discuss at the next scheduled visit.", "Repeat the test in six weeks.")
#: a normal result the patient is told of anyway (the practice's letter), a result that is late
NORMAL_TOLD, LATE = 0.5, 0.04
URGENT = 0.02
#: results urgent and not acted on, disposition recorded this long before the demo's "now"
UNACTED = (timedelta(minutes=75), timedelta(minutes=140))
#: why a "needs visit" with no visit booked was closed
NO_VISIT = "Patient will call to book the visit."
#: a "needs visit" is linked to the patient's next visit booked within this long
LINK_WITHIN = timedelta(days=30)


def _ts(moment: datetime) -> int:
    """Epoch seconds of an aware time (`to_ts` without its check: the demo's times are all aware,
    and it is called a hundred thousand times)."""
    return int(moment.timestamp())


def _between(rng: random.Random, low: int, high: int) -> int:
    """`_between(rng, low, high)`, several times faster (one draw)."""
    return low + int(rng.random() * (high - low + 1))


_TESTS = [((name, days), weight) for name, days, weight in TESTS]


class _Writer:
    """The rows of one generation, with the office's calendar and people."""

    def __init__(self, conn: Db, office: Office, rng: random.Random, first_id: int) -> None:
        self.conn, self.office, self.rng = conn, office, rng
        self.results: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.next_id = first_id
        self.names = {i: s.display_name for i, s in office.staff.items()}

    def at(self, day: date, hour: int, minute: int) -> datetime:
        return self.office.at(day, time(hour, minute))

    def vma(self, day: date) -> str:
        """One of the VMAs on shift that (local) day."""
        return self.rng.choice(self.office.vmas.get(day) or self.office.everyone)

    def test(self) -> tuple[str, int]:
        return weighted(self.rng, _TESTS)

    def next_visit(self, patient_id: int, after: datetime) -> int | None:
        """The patient's next visit (not cancelled) booked within `LINK_WITHIN` of `after`."""
        row = self.conn.execute(
            "SELECT id FROM appointment WHERE patient_id = ? AND start_ts > ? AND start_ts <= ?"
            " AND status != 'cancelled' ORDER BY start_ts, id LIMIT 1",
            (patient_id, _ts(after), _ts(after + LINK_WITHIN))).fetchone()
        return None if row is None else int(row[0])

    def add(self, test: str, *, patient_id: int, provider_id: int, ordered: datetime, expected_by: date,
            appointment_id: int | None, late: bool, unacted: timedelta | None = None) -> None:
        """One result ordered at `ordered`, worked through its steps up to the demo's "now"."""
        office, rng = self.office, self.rng
        result_id = self.next_id
        self.next_id += 1
        ordered_on = office.local_day(ordered)
        steps: list[tuple[ResultStep, datetime, str, str, str]] = [
            (ResultStep.AWAITED, ordered + MINUTE * _between(rng, 5, 90), self.vma(ordered_on), "", "")]
        back = office.hours.next_day(expected_by, _between(rng, 1, 3)) if late else expected_by
        received = self.at(back, _between(rng, 8, 15), _between(rng, 0, 59))
        with_provider = received + MINUTE * _between(rng, 10, 150)  # the same day (by 17:30)
        review = office.business_day(back + timedelta(days=_between(rng, 0, 1)))
        decided = max(self.at(review, rng.choice((11, 15)), _between(rng, 15, 59)),
                      with_provider + MINUTE * 20)
        disposition = weighted(rng, DISPOSITIONS)
        urgent = unacted is not None or rng.random() < URGENT
        if unacted is not None:
            decided = office.now - unacted
            with_provider = min(with_provider, decided - MINUTE * 30)
            received = min(received, with_provider - MINUTE * 15)
            disposition = rng.choice((Disposition.NOTIFY_PATIENT, Disposition.NEEDS_VISIT))
        provider = self.names.get(provider_id, "Provider")
        vma = self.vma(back)  # the same VMA works it through (fewer draws: the demo is big)
        steps += [(ResultStep.RECEIVED, received, vma, "", ""),
                  (ResultStep.WITH_PROVIDER, with_provider, vma, provider, ""),
                  (ResultStep.DISPOSITION, decided, provider, f"{disposition.label} by {provider}", vma)]
        visit_id = (self.next_visit(patient_id, decided)
                    if disposition is Disposition.NEEDS_VISIT and unacted is None else None)
        told = decided + (MINUTE * _between(rng, 10, 50) if urgent else MINUTE * _between(rng, 30, 60 * 26))
        if unacted is None:
            if disposition.patient_must_be_told or rng.random() < NORMAL_TOLD:
                steps.append((ResultStep.PATIENT_NOTIFIED, told, vma, "reached by phone", ""))
            closing = told + MINUTE * _between(rng, 1, 30)
            why = NO_VISIT if disposition is Disposition.NEEDS_VISIT and visit_id is None else ""
            steps.append((ResultStep.CLOSED, closing, vma, why, ""))
        done = [s for s in steps if s[1] <= office.now]
        if not done:  # ordered after the demo's "now" (a visit under way): nothing to write yet
            return
        state = done[-1][0]
        decided_yet = ResultStep.DISPOSITION in {s[0] for s in done}
        if not decided_yet:
            visit_id = None
        self.results.append((
            result_id, patient_id, test, provider_id, ordered_on.isoformat(),
            expected_by.isoformat(), appointment_id, state.value, int(urgent and decided_yet),
            _ts(decided) if urgent and decided_yet else None, provider_id if urgent and decided_yet else None,
            disposition.value if decided_yet else "", provider_id if decided_yet else None,
            rng.choice(OTHER_NOTES) if decided_yet and disposition is Disposition.OTHER else "", visit_id,
            _ts(done[0][1]), done[0][2]))
        self.events += [(result_id, i, step.value, _ts(at), by, recorded_by, note, "")
                        for i, (step, at, by, note, recorded_by) in enumerate(done)]


def write(ctx: ServiceContext, *, seed: int, office: Office) -> int:
    """Generate and write the demo's results in the caller's transaction; returns the rows written
    (results and their events)."""
    conn = ctx.conn
    rng = stream(seed, "results")
    first_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM result").fetchone()[0])
    now = _ts(office.now)
    ahead = (_ts(office.at(office.anchor + timedelta(days=AHEAD_DAYS[0]), time(0))),
             _ts(office.at(office.anchor + timedelta(days=AHEAD_DAYS[1]), time(0))))
    types = ", ".join(repr(t) for t in AHEAD_TYPES)
    rows = conn.execute(
        # read through the table, not the start index: nearly every row is wanted (the index's
        # lookups, one per row, take several times longer on an encrypted file)
        "SELECT id, patient_id, provider_id, type_code, start_ts, status FROM appointment NOT INDEXED"
        " WHERE start_ts >= ? AND (status = 'arrived' AND start_ts < ? OR status != 'cancelled'"
        f" AND type_code IN ({types}) AND start_ts >= ? AND start_ts < ?) ORDER BY start_ts, id",
        (_ts(office.at(office.first, time(0))), now, *ahead)).fetchall()
    writer = _Writer(conn, office, rng, first_id)
    for visit_id, patient_id, provider_id, type_code, start, status in rows:
        if status == "arrived" and start < now and rng.random() < ORDERED.get(type_code, OTHER_TYPES):
            start_at = from_ts(start)
            day = office.local_day(start_at)
            for _ in range(2 if rng.random() < SECOND else 1):
                test, days = writer.test()
                writer.add(test, patient_id=patient_id, provider_id=provider_id,
                           ordered=start_at + MINUTE * 25, expected_by=office.hours.next_day(day, days),
                           appointment_id=None, late=rng.random() < LATE)
        elif type_code in AHEAD_TYPES and ahead[0] <= start < ahead[1] and rng.random() < AHEAD:
            day = office.local_day(from_ts(start))
            expected_by = office.previous_business_day(office.previous_business_day(day))
            ordered_day = office.previous_business_day(day - timedelta(days=14))
            writer.add(writer.test()[0], patient_id=patient_id, provider_id=provider_id,
                       ordered=office.at(ordered_day, time(_between(rng, 9, 15), _between(rng, 0, 59))),
                       expected_by=expected_by, appointment_id=visit_id, late=rng.random() < AHEAD_LATE)
    _unacted(writer, rows, now)
    conn.executemany(
        "INSERT INTO result(id, patient_id, test, ordered_by_id, ordered_on, expected_by, appointment_id,"
        " state, urgent, urgent_ts, urgent_by_id, disposition, disposition_by_id, disposition_note, visit_id,"
        " created_ts, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", writer.results)
    conn.executemany(EVENT_INSERT, writer.events)
    return len(writer.results) + len(writer.events)


def _unacted(writer: _Writer, rows: Sequence[tuple[Any, ...]], now: int) -> None:
    """A couple of urgent results the provider marked on the anchor day that nobody acted on yet."""
    office = writer.office
    recent = [r for r in rows if r[5] == "arrived" and now - 86400 * 10 < r[4] < now - 86400 * 3]
    for row, since in zip(writer.rng.sample(recent, min(len(recent), len(UNACTED))), UNACTED, strict=False):
        ordered = from_ts(row[4]) + MINUTE * 25
        writer.add(writer.test()[0], patient_id=row[1], provider_id=row[2], ordered=ordered,
                   expected_by=office.hours.next_day(office.local_day(ordered), 1), appointment_id=None,
                   late=False, unacted=since)
