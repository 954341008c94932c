"""Demo tasks between staff, across the generated years: a few a business day, each about a record
the demo already holds (a referral whose consult report is chased, a prior authorisation to follow
up with the payer, a refill to check with the pharmacy, a message to return for someone, a result
to go over with the provider, a patient's form or insurance card), or about the office itself.

Each is written by one of the demo's VMAs and goes to a demo user who signs in, a staff member, or
anyone of a role ("clinical", "vma", "front_desk"), due one to four business days after it was
written. Older tasks were done by the user they went to (else by one of the demo's VMAs), or
cancelled with a reason; of the last
`RECENT_DAYS`, some are still open, a share of them overdue. Two weekly repeats (the Monday fax
backlog, the Friday supply order) run one row per occurrence, each linked to the one before, the
next one open. Nothing after the demo's "now" is written.

Titles name the record's kind and a word of it (a specialty, a medication, a test), never a patient.
Everything draws from one stream seeded by (seed, "tasks"), the linked records are read in id order
and the rows go in with one statement, in plain SQL in the caller's transaction: the same seed and
anchor give the same rows.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from vma_desk.core.tasks import TaskState
from vma_desk.demo.randomness import stream, weighted
from vma_desk.demo.refills import Office
from vma_desk.services.base import ServiceContext
from vma_desk.storage.calendar_repository import to_ts

#: tasks written on a business day: (how many, weight)
PER_DAY = ((0, 30), (1, 40), (2, 22), (3, 8))
#: tasks of these last days may still be open; older ones are all closed
RECENT_DAYS = 21
#: of the recent tasks: the share still open
OPEN_SHARE = 0.55
#: of the closed tasks: the share cancelled rather than done
CANCELLED = 0.08
CANCEL_REASONS = ("Done by the provider during the visit", "Patient moved to another practice",
                  "Duplicate of another task", "No longer needed: the payer approved it",
                  "Patient declined")
#: (link kind, weight, who it goes to: "user", "staff" or a role)
KINDS = (("referral", 22, ("user", "vma")), ("prior_auth", 18, ("user", "vma")),
         ("refill", 14, ("clinical", "staff")), ("message", 14, ("clinical", "user")),
         ("result", 12, ("clinical", "staff")), ("patient", 12, ("front_desk", "user")),
         ("", 8, ("vma", "front_desk")))
#: the office tasks linked to nothing
OFFICE_TITLES = ("Update the on-call list for next week", "Order printer toner and labels",
                 "Reconcile yesterday's fax log", "Check the portal's unanswered messages",
                 "Send the monthly no-show report to the manager")
PATIENT_TITLES = ("Scan the new insurance card", "Fill in the FMLA form for the provider to sign",
                  "Mail the school physical form", "Update the preferred pharmacy",
                  "Ask for the immunisation record")
#: the weekly repeats: (title, weekday, hour, assignee role, rule)
WEEKLY = (("Work the fax inbox backlog", 0, 9, "vma", "FREQ=WEEKLY;BYDAY=MO"),
          ("Place the weekly supply order", 4, 14, "front_desk", "FREQ=WEEKLY;BYDAY=FR"))

_INSERT = ("INSERT INTO task(id, title, assignee_user_id, assignee_staff_id, assignee_role, due_ts,"
           " link_kind, link_id, patient_id, rrule, repeats_id, note, state, created_ts, created_by,"
           " closed_ts, closed_by, cancel_reason)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True, order=True)
class _Record:
    """A record a task can link to: when it was made, its patient and a word of it."""

    at: int
    id: int
    patient_id: int | None
    word: str


class _Writer:
    def __init__(self, ctx: ServiceContext, office: Office, rng: random.Random) -> None:
        conn = ctx.conn
        self.office, self.rng = office, rng
        self.next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM task").fetchone()[0])
        self.users = [(int(i), str(n), str(r)) for i, n, r in conn.execute(
            "SELECT id, name, role FROM app_user WHERE active = 1"
            " AND role IN ('vma', 'front_desk', 'manager') ORDER BY id")]
        self.vmas = [name for _, name, role in self.users if role == "vma"] or \
            [name for _, name, _ in self.users] or ["VMA"]
        self.staff = [int(i) for (i,) in conn.execute(
            "SELECT id FROM staff WHERE active = 1 AND role IN ('clinical', 'provider', 'records', 'billing')"
            " ORDER BY id")]
        first = to_ts(office.at(office.first, time(0)))
        queries = {
            "referral": "SELECT created_ts, id, patient_id, specialty FROM referral",
            "refill": "SELECT received_ts, id, patient_id, medication FROM refill",
            "message": "SELECT created_ts, id, patient_id, '' FROM message WHERE patient_id IS NOT NULL",
            "result": "SELECT created_ts, id, patient_id, test FROM result",
        }
        self.records: dict[str, list[_Record]] = {
            kind: sorted(_Record(*row) for row in conn.execute(sql) if row[0] >= first)
            for kind, sql in queries.items()}
        self.records["prior_auth"] = sorted(
            _Record(to_ts(office.at(date.fromisoformat(day), time(12))), i, p, service)
            for day, i, p, service in conn.execute(
                "SELECT submitted_on, id, patient_id, service FROM prior_auth"))
        self.patients = [int(i) for (i,) in conn.execute("SELECT id FROM patient ORDER BY id")]
        self.rows: list[tuple[object, ...]] = []

    def record(self, kind: str, at: datetime) -> _Record | None:
        """One of the records of `kind` made in the month before `at` (None when there is none)."""
        found = self.records.get(kind, [])
        end = bisect.bisect_right(found, _Record(to_ts(at), 1 << 62, None, ""))
        start = bisect.bisect_left(found, _Record(to_ts(at) - 30 * 86400, 0, None, ""))
        return found[self.rng.randrange(start, end)] if end > start else None

    def assignee(self, who: str) -> tuple[int | None, int | None, str]:
        if who == "user" and self.users:
            return self.rng.choice(self.users)[0], None, ""
        if who == "staff" and self.staff:
            return None, self.rng.choice(self.staff), ""
        return None, None, who if who not in ("user", "staff") else "vma"

    def closer(self, user_id: int | None) -> str:
        """Who closed it: the user it went to, else one of the demo's VMAs (a named user)."""
        named = next((name for i, name, _ in self.users if i == user_id), "")
        return named or self.rng.choice(self.vmas)

    def add(self, title: str, who: tuple[int | None, int | None, str], created: datetime, due: datetime, *,
            link: tuple[str, int | None, int | None] = ("", None, None), rrule: str = "",
            repeats_id: int | None = None, keep_open: bool | None = None,
            closed_at: datetime | None = None) -> int:
        """One task; closed (done, or cancelled with a reason) unless it is recent and stays open,
        or its closing would fall after the demo's now."""
        rng, now = self.rng, self.office.now
        task_id, self.next_id = self.next_id, self.next_id + 1
        if keep_open is None:
            keep_open = now - created < timedelta(days=RECENT_DAYS) and rng.random() < OPEN_SHARE
        closed = due - timedelta(hours=rng.randint(0, 40)) if rng.random() < 0.85 else \
            due + timedelta(hours=rng.randint(1, 60))
        closed = closed_at or max(closed, created + timedelta(minutes=rng.randint(10, 120)))
        state, closed_by, reason = TaskState.OPEN, "", ""
        if not keep_open and closed <= now:
            cancelled = rng.random() < CANCELLED
            state = TaskState.CANCELLED if cancelled else TaskState.DONE
            closed_by = self.closer(who[0])
            reason = rng.choice(CANCEL_REASONS) if cancelled else ""
        self.rows.append((task_id, title, *who, to_ts(due), *link, rrule, repeats_id, "", state.value,
                          to_ts(created), rng.choice(self.vmas),
                          to_ts(closed) if state is not TaskState.OPEN else None, closed_by, reason))
        return task_id


def _title(kind: str, word: str, rng: random.Random) -> str:
    return {"referral": f"Chase the {word} consult report",
            "prior_auth": f"Follow up with the payer on the {word} authorisation",
            "refill": f"Check with the pharmacy about {word}",
            "message": "Return the call about the message for the provider",
            "result": f"Go over the {word} result with the provider",
            "patient": rng.choice(PATIENT_TITLES)}.get(kind) or rng.choice(OFFICE_TITLES)


def _one_offs(writer: _Writer, days: Sequence[date]) -> None:
    rng, office = writer.rng, writer.office
    for day in days:
        for _ in range(weighted(rng, PER_DAY)):
            created = office.at(day, time(rng.randint(8, 16), rng.randint(0, 59)))
            if created > office.now:
                return
            kind, who = weighted(rng, [((k, w), weight) for k, weight, w in KINDS])
            link: tuple[str, int | None, int | None] = ("", None, None)
            word = ""
            if kind == "patient" and writer.patients:
                patient_id = rng.choice(writer.patients)
                link = ("patient", patient_id, patient_id)
            elif kind:
                found = writer.record(kind, created)
                if found is None:
                    kind = ""
                else:
                    link, word = (kind, found.id, found.patient_id), found.word
            due_day = office.hours.next_day(day, rng.randint(1, 4))
            due = office.at(due_day, time(rng.choice((10, 12, 15, 17)), 0))
            writer.add(_title(kind, word, rng), writer.assignee(rng.choice(who)), created, due, link=link)


def _weekly(writer: _Writer) -> None:
    office = writer.office
    for title, weekday, hour, role, rule in WEEKLY:
        day = office.first + timedelta(days=(weekday - office.first.weekday()) % 7)
        previous: int | None = None
        closed_before = office.at(day, time(hour))
        while True:
            due = office.at(day, time(hour))
            # made when the one before was done (the first three days ahead)
            created = closed_before if previous is not None else due - timedelta(days=3)
            if created > office.now:
                break
            # each occurrence is made when the one before is done; the last one made stays open
            done_next = office.at(day, time(hour)) + timedelta(hours=writer.rng.randint(0, 6))
            last = done_next > office.now
            previous = writer.add(title, (None, None, role), created, due, rrule=rule, repeats_id=previous,
                                  keep_open=last, closed_at=done_next)
            if last:
                break
            closed_before = done_next
            day += timedelta(days=7)


def write(ctx: ServiceContext, *, seed: int, office: Office) -> int:
    """Write the demo's tasks in the caller's transaction; returns the number written."""
    rng = stream(seed, "tasks")
    writer = _Writer(ctx, office, rng)
    last = office.local_day(office.now)
    days = sorted(d for d in office.hours.days if office.first <= d <= last)
    _weekly(writer)
    _one_offs(writer, days)
    ctx.conn.executemany(_INSERT, writer.rows)
    return len(writer.rows)
