"""Demo chasing: the voicemail box and its checks, and every kind of outbound attempt the demo's VMAs
made over the generated years, laid over the calendar and the phone line already written.

- **Voicemail.** Each voicemail the phone line took becomes a voicemail record, heard at the box
  check after it was left (the line's checks: at opening, then every 2-4 hours, by a VMA on shift),
  and called back: mostly within the practice's response standard, a share late; the last day's
  ones partly not yet. Each check is recorded with how many new voicemails it found.
- **Callbacks.** Calls logged "callback needed" are called back and marked done, the newest not yet.
- **Confirmations.** Visits ahead that are confirmed or have a message left were called, texted or
  e-mailed 24-72 hours ahead, by the method on the visit.
- **Recall.** A share of the patients with a care gap overdue and no physical booked were called
  over the last weeks; some of those calls are due again on the anchor day. A few gaps are recorded
  done at a physical the patient had since.
- **Rebooking.** Past no-shows are called: those with a visit booked after it are "rebooked" (that
  visit), some are "won't rebook" with a reason, the last month's others are still on the list.
- **Follow-up calls.** Procedures and new-patient visits get a call two business days after
  (`appointment_type.follow_up_days`), as do a few visits marked "call after"; arrived visits have
  the call made with its answers, a few with a question for clinical staff.
- **Freed slots.** Every cancellation and no-show frees its slot; a cancelled slot the calendar gave
  to someone else is filled by that visit, after waitlist offers logged as attempts.

Each attempt's next attempt is the app's own rule (`core/chase.next_attempt` with the default retry
policy), within the practice's hours. Nothing after the demo's "now" is written. Every part draws
from its own stream seeded by (seed, "chasing-<part>"), and the rows go in with one statement per
table, so the same seed and anchor give the same rows.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, TypeVar

from vma_desk.core.chase import (
    DEFAULT_POLICY,
    Attempt,
    Channel,
    ChaseKind,
    Outcome,
    next_attempt,
    standard_due,
    within_hours,
)
from vma_desk.core.communications import Urgency
from vma_desk.core.records import Practice
from vma_desk.demo.randomness import stream
from vma_desk.demo.refills import Office
from vma_desk.services.base import ServiceContext
from vma_desk.storage.database import Db

T = TypeVar("T")
K, Out, C = ChaseKind, Outcome, Channel
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)

#: the business days after a procedure or a new patient's visit when its follow-up call is due
FOLLOW_UP_DAYS = 2
FOLLOW_UP_TYPES = ("proc", "new")
#: of the other arrived visits, the share a provider marked "call after"
CALL_AFTER = 0.003
#: how a chase's call goes: (outcome, weight), by who is called
RETURNING = ((Out.REACHED, 64), (Out.LEFT_VOICEMAIL, 23), (Out.NO_ANSWER, 11), (Out.WRONG_NUMBER, 1),
             (Out.CALL_LATER, 1))  # a caller who just called us
REACHING_OUT = ((Out.REACHED, 48), (Out.LEFT_VOICEMAIL, 30), (Out.NO_ANSWER, 16), (Out.WRONG_NUMBER, 2),
                (Out.DECLINED, 2), (Out.CALL_LATER, 2))  # a patient who did not expect the call
RECALLING = ((Out.REACHED, 34), (Out.LEFT_VOICEMAIL, 36), (Out.NO_ANSWER, 20), (Out.WRONG_NUMBER, 3),
             (Out.DECLINED, 5), (Out.CALL_LATER, 2))
#: a slot freed this many hours or less before it starts is offered to the waitlist
LAST_MINUTE = 72
#: the attempts before the one that reached someone
UNANSWERED = ((Out.LEFT_VOICEMAIL, 55), (Out.NO_ANSWER, 45))
MISSED = ((Out.REACHED, 30), (Out.LEFT_VOICEMAIL, 35), (Out.NO_ANSWER, 25), (Out.DECLINED, 10))
OFFERING = ((Out.DECLINED, 45), (Out.NO_ANSWER, 25), (Out.LEFT_VOICEMAIL, 25), (Out.CALL_LATER, 5))
#: how long after it is heard a voicemail's first return call is made: most within the hour or two,
#: some at the end of the day, a few the next business day (late)
RETURN_DELAY = (("soon", 80), ("later", 15), ("next day", 5))
#: of the patients with a care gap overdue and no physical booked: called so far, of them lately
RECALLED, RECALLED_LATELY = 0.3, 0.3
RECALL_WEEKS = 9
#: of the overdue gaps of a patient who had a physical in the last RECALL_WEEKS: recorded done
GAP_DONE = 0.5
#: the follow-up call's answers: instructions understood, follow-up booked, a question (each a
#: share), prescription picked up (yes, no, none prescribed)
UNDERSTOOD, BOOKED, ASKS = 0.96, 0.7, 0.08
PICKED_UP: tuple[tuple[int | None, float], ...] = ((1, 55), (0, 5), (None, 40))
#: a later visit booked this many days after a no-show was its rebooking (through the list)
REBOOKED_WITHIN = 14
#: a missed visit stays on the To rebook list this long; older ones unanswered are closed
REBOOK_DAYS = 30
WONT_REBOOK = ("Feeling better: will call when needed", "Seeing a specialist for this now",
               "Moving out of the area", "Will book after the new insurance starts",
               "Prefers to book online later", "Transferring care to another practice")
UNREACHABLE = "Unreachable after 3 attempts: letter sent"
QUESTIONS = ("Asks when the dressing can come off", "Asks whether the lab results are back yet",
             "Asks for a copy of the visit summary", "Asks about a work note for the procedure day",
             "Asks which pharmacy the prescription went to", "Asks when the stitches come out",
             "Asks whether the referral was sent", "Asks about the bill for the visit")
NOTES: dict[tuple[ChaseKind, Outcome], str] = {
    (K.VOICEMAIL, Out.REACHED): "Returned the voicemail; caller helped.",
    (K.CALLBACK, Out.REACHED): "Called back; question answered or passed on.",
    (K.CONFIRMATION, Out.REACHED): "Confirmed date, time and provider.",
    (K.CONFIRMATION, Out.LEFT_VOICEMAIL): "Left a reminder with date and time; asked to call to confirm.",
    (K.CONFIRMATION, Out.NO_ANSWER): "Reminder sent; no reply yet.",
    (K.RECALL, Out.REACHED): "Told the patient they are due; will call to book.",
    (K.RECALL, Out.LEFT_VOICEMAIL): "Left a message that they are due for a visit.",
    (K.RECALL, Out.DECLINED): "Does not want to book now.",
    (K.REBOOK, Out.REACHED): "Reached about the missed visit.",
    (K.REBOOK, Out.LEFT_VOICEMAIL): "Left a message to call and rebook the missed visit.",
    (K.FOLLOW_UP, Out.REACHED): "Post-visit call made; answers recorded.",
    (K.WAITLIST_OFFER, Out.REACHED): "Accepted the open slot; booked.",
    (K.WAITLIST_OFFER, Out.DECLINED): "Cannot make that time.",
}
_GENERIC = {Out.LEFT_VOICEMAIL: "Left a voicemail to call back.", Out.NO_ANSWER: "No answer.",
            Out.WRONG_NUMBER: "Number not in service or wrong person.",
            Out.CALL_LATER: "Asked to be called later today.", Out.DECLINED: "Declined."}
#: a voicemail is returned once the caller is reached or a message is left for them
LEFT_MESSAGE = frozenset({Out.LEFT_VOICEMAIL})
_CHANNELS = {"phone": C.PHONE, "text": C.TEXT, "email": C.EMAIL, "portal": C.PORTAL}


@dataclass(frozen=True)
class Written:
    voicemails: int
    checks: int
    attempts: int
    freed_slots: int
    follow_up_calls: int
    rebook_decisions: int


class _Visit(NamedTuple):
    id: int
    patient_id: int
    provider_id: int
    type_code: str
    start: int  # epoch seconds, as stored
    end: int
    status: str
    method: str | None
    cancelled_at: int | None
    booked: int | None


_VISITS = ("SELECT id, patient_id, provider_id, type_code, start_ts, end_ts, status, confirmation_method,"
           " cancelled_at, booked_ts FROM appointment")


def _visits(conn: Db, where: str, *params: Any) -> list[_Visit]:
    """The visits that `where` selects, in time order."""
    rows = conn.execute(f"{_VISITS} WHERE {where} ORDER BY start_ts, id", params)
    return [_Visit._make(row) for row in rows]


class _OpenDays(Practice):
    """The practice, its business days in the generated window looked up in a set: the retry rule
    asks many thousand times, and `Practice.is_business_day` walks the holidays each time."""

    days: frozenset[date]
    first: date
    last: date

    def __init__(self, practice: Practice, days: frozenset[date]) -> None:
        super().__init__(practice.name, practice.time_zone, practice.business_days, practice.holidays,
                         practice.phone)
        object.__setattr__(self, "days", days)
        object.__setattr__(self, "first", min(days))
        object.__setattr__(self, "last", max(days))

    def is_business_day(self, day: date) -> bool:
        if self.first <= day <= self.last:
            return day in self.days
        return super().is_business_day(day)


_CUMULATIVE: dict[int, tuple[list[float], Sequence[Any]]] = {}


def _draw(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    """One value from ``[(value, weight), ...]`` (one draw, as `randomness.weighted`; the running
    totals of each table kept, as the demo draws from a few tables many thousand times)."""
    if len(table) == 1:
        return table[0][0]
    found = _CUMULATIVE.get(id(table))
    if found is None or found[1] is not table:
        totals = list(itertools.accumulate(w for _, w in table))
        found = _CUMULATIVE[id(table)] = (totals, table)
    totals = found[0]
    at = min(bisect.bisect_right(totals, rng.random() * totals[-1]), len(table) - 1)
    return table[at][0]


def _between(rng: random.Random, low: int, high: int) -> int:
    """A whole number from `low` to `high` (both included), from one draw."""
    return low + int(rng.random() * (high - low + 1))


def _ts(moment: datetime) -> int:
    return int(moment.timestamp())


def _dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


def _when(row: tuple[Any, ...]) -> tuple[int, str, int]:
    return row[3], row[0], row[1]


class _Log:
    """The attempts as rows of `contact_attempt`, each with the next attempt the app would set."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.zone = office.zone
        self.practice = _OpenDays(office.practice, office.hours.days)
        self.shifts: dict[date, tuple[str, ...]] = {}
        self.rows: list[tuple[Any, ...]] = []

    def ordered(self) -> list[tuple[Any, ...]]:
        """The attempts in the order they were made (ties: by kind and record)."""
        return sorted(self.rows, key=_when)

    def one(self, rng: random.Random, kind: ChaseKind, record_id: int, patient_id: int | None,
            at: datetime, outcome: Outcome, *, channel: Channel = C.PHONE, by: str | None = None) -> str:
        """A single attempt at `at` (a waitlist offer: the next one goes to someone else); returns
        who made it."""
        return self._attempt(rng, kind, record_id, patient_id, at, channel, outcome, by, [])[1]

    def place(self, moment: datetime) -> datetime:
        return within_hours(moment, self.practice, self.zone, DEFAULT_POLICY)

    def vma(self, rng: random.Random, at: datetime) -> str:
        """One of the VMAs on shift that day (who took the day's calls)."""
        day = at.astimezone(self.zone).date()
        names = self.shifts.get(day)
        if names is None:
            names = self.shifts[day] = self.office.vmas.get(day) or self.office.everyone
        return names[int(rng.random() * len(names))]

    def _attempt(self, rng: random.Random, kind: ChaseKind, record_id: int, patient_id: int | None,
                 at: datetime, channel: Channel, outcome: Outcome, by: str | None,
                 earlier: list[Attempt]) -> tuple[datetime | None, str]:
        """Record one attempt; returns the next attempt the app would set, and who made it."""
        who = by or self.vma(rng, at)
        after = None
        if not outcome.ends_chase:  # next_attempt's answer for those, without building the attempt
            attempt = Attempt(kind, record_id, at, channel, outcome, who, patient_id=patient_id)
            after = next_attempt(attempt, earlier, self.practice, self.zone, DEFAULT_POLICY)
            earlier.append(attempt)
        stamp = _ts(at)
        self.rows.append((kind.value, record_id, patient_id, stamp, channel.value, outcome.value, who,
                          NOTES.get((kind, outcome)) or _GENERIC.get(outcome, ""),
                          None if after is None else _ts(after), stamp + int(rng.random() * 180)))
        return after, who

    def chase(self, rng: random.Random, kind: ChaseKind, record_id: int, patient_id: int | None,
              start: datetime, table: Sequence[tuple[Outcome, float]], *, channel: Channel = C.PHONE,
              last: Outcome | None = None, last_at: datetime | None = None, by: str | None = None,
              closes: frozenset[Outcome] = frozenset(), tries: int = 2,
              until: datetime | None = None) -> tuple[datetime | None, Outcome | None, str]:
        """Attempts from `start`, each outcome drawn from `table`, until one ends the chase or the
        retry policy stops. With `last`, the chase ends with that outcome: at once, or (with
        `last_at`) at that time after up to `tries` unanswered attempts before it. Nothing after "now" is
        made (nor after `until`). `closes`: outcomes that end this chase too (a message left returns a
        voicemail). Returns when the chase ended (None: still open at "now"), how, and by whom."""
        now = self.office.now if until is None else min(until, self.office.now)
        at = self.place(start)
        earlier: list[Attempt] = []
        previous: datetime | None = None
        while True:
            final = False
            if last is None:
                outcome = _draw(rng, table)
            elif last_at is None or at >= last_at or len(earlier) >= tries:
                outcome, final = last, True
                if last_at is not None:
                    at = last_at if previous is None else max(last_at, previous + MINUTE)
            else:
                outcome = _draw(rng, UNANSWERED)
            if at > now:
                return None, None, ""
            after, who = self._attempt(rng, kind, record_id, patient_id, at, channel, outcome, by, earlier)
            if after is None or final or outcome in closes:
                return at, outcome, who
            previous = at
            at = self.place(after + MINUTE * int(rng.random() * 50))


def write(ctx: ServiceContext, *, seed: int, office: Office, checks: Sequence[datetime]) -> Written:
    """Generate and write the chasing of a freshly generated demo practice."""
    conn = ctx.conn
    log = _Log(office)
    now = _ts(office.now)
    voicemails, box = _voicemails(ctx, stream(seed, "chasing-voicemail"), log, [c for c in checks
                                                                                if c <= office.now])
    callbacks = _callbacks(ctx, stream(seed, "chasing-callbacks"), log)
    _confirmations(stream(seed, "chasing-confirmations"), log, conn, now)
    gaps_done = _recall(stream(seed, "chasing-recall"), log, conn, now)
    decisions = _rebook(stream(seed, "chasing-rebook"), log, conn, now)
    follow_ups, marked = _follow_ups(stream(seed, "chasing-follow-up"), log, conn, now)
    freed = _freed(stream(seed, "chasing-waitlist"), log, conn, now)
    with ctx.transaction():
        conn.executemany(
            "INSERT INTO voicemail(id, left_ts, caller_name, number, patient_id, urgency, summary, heard_ts,"
            " heard_by, returned_ts, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", voicemails)
        conn.executemany("INSERT INTO voicemail_check(at_ts, by_user, found) VALUES (?, ?, ?)", box)
        conn.executemany("UPDATE call SET callback_done_ts = ?, callback_done_by = ? WHERE id = ?", callbacks)
        conn.executemany("UPDATE care_gap SET done = ? WHERE patient_id = ? AND position = ?", gaps_done)
        conn.executemany(
            "INSERT INTO rebook_decision(appointment_id, decision, reason, new_appointment_id, by_user,"
            " at_ts) VALUES (?, ?, ?, ?, ?, ?)", decisions)
        conn.execute(f"UPDATE appointment_type SET follow_up_days = {FOLLOW_UP_DAYS} WHERE code IN"
                     f" ({', '.join(repr(c) for c in FOLLOW_UP_TYPES)})")
        conn.executemany("UPDATE appointment SET call_after = 1 WHERE id = ?", [(i,) for i in marked])
        conn.executemany(
            "INSERT INTO follow_up_call(appointment_id, due_ts, done_ts, done_by, understood,"
            " follow_up_booked, prescription_picked_up, has_question, question)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", follow_ups)
        conn.executemany(
            "INSERT INTO freed_slot(id, appointment_id, provider_id, type_code, start_ts, minutes, freed_ts,"
            " why, filled_appointment_id, filled_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", freed)
        conn.executemany(
            "INSERT INTO contact_attempt(kind, record_id, patient_id, at_ts, channel, outcome, by_user, note,"
            " next_ts, recorded_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            log.ordered())
    return Written(len(voicemails), len(box), len(log.rows), len(freed), len(follow_ups), len(decisions))


# --- voicemail and callbacks ---------------------------------------------------------------------

def _voicemails(ctx: ServiceContext, rng: random.Random, log: _Log,
                checks: list[datetime]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The phone line's voicemails as voicemail records, and the box checks that found them."""
    office = log.office
    rows = ctx.conn.execute(
        "SELECT c.id, c.started_ts, c.caller_name, c.number, c.patient_id, c.notes, c.taken_by, m.urgency"
        " FROM call c LEFT JOIN message m ON m.call_id = c.id WHERE c.direction = 'voicemail'"
        " ORDER BY c.started_ts, c.id").fetchall()
    stamps = [_ts(c) for c in checks]
    found = [0] * len(checks)
    checkers: list[str] = [""] * len(checks)
    out: list[tuple[Any, ...]] = []
    for number, (_, left_ts, caller, phone, patient_id, notes, taken_by, urgency) in enumerate(rows, 1):
        at = bisect.bisect_left(stamps, left_ts)
        if at == len(stamps):
            continue  # not heard yet
        found[at] += 1
        checkers[at] = checkers[at] or taken_by
        heard = checks[at]
        level = Urgency(urgency or "routine")
        if level is Urgency.EMERGENCY:
            level = Urgency.URGENT
        delay = _draw(rng, RETURN_DELAY)
        if level is Urgency.URGENT:
            first = heard + MINUTE * _between(rng, 3, 40)
        elif delay == "soon":
            first = heard + MINUTE * _between(rng, 5, 110)
        elif delay == "later":
            first = office.at(office.local_day(heard), time(16, _between(rng, 0, 55)))
            first = max(first, heard + MINUTE * 20)
        else:
            first = office.at(office.hours.next_day(office.local_day(heard)), time(_between(rng, 8, 15),
                                                                                   _between(rng, 0, 59)))
        done, _, by = log.chase(rng, K.VOICEMAIL, number, patient_id, first, RETURNING,
                                by=taken_by if rng.random() < 0.7 else None, closes=LEFT_MESSAGE)
        summary = notes.split(": ", 1)[1] if ": " in notes else notes
        out.append((number, left_ts, caller, phone, patient_id, level.value, summary, stamps[at], taken_by,
                    None if done is None else _ts(done), by))
    box = []
    for at, stamp in enumerate(stamps):
        who = checkers[at] or log.vma(rng, checks[at])
        box.append((stamp, who, found[at]))
    return out, box


def _callbacks(ctx: ServiceContext, rng: random.Random, log: _Log) -> list[tuple[Any, ...]]:
    """Calls logged "callback needed", called back (within the routine standard, mostly)."""
    office = log.office
    out = []
    for call_id, started, patient_id, taken_by in ctx.conn.execute(
            "SELECT id, started_ts, patient_id, taken_by FROM call WHERE outcome = 'callback_needed'"
            " ORDER BY started_ts, id").fetchall():
        start = _dt(started)
        due = standard_due(start, Urgency.ROUTINE, log.practice, office.zone)
        first = start + MINUTE * _between(rng, 30, 240)
        if rng.random() < 0.1:
            first = due + HOUR * _between(rng, 1, 20)  # late
        done, _, by = log.chase(rng, K.CALLBACK, call_id, patient_id, min(first, max(due, first)),
                                REACHING_OUT, by=taken_by if rng.random() < 0.6 else None)
        if done is not None:
            out.append((_ts(done), by, call_id))
    return out


# --- visits --------------------------------------------------------------------------------------

def _confirmations(rng: random.Random, log: _Log, conn: Db, now: int) -> None:
    """Visits ahead confirmed, or with a message left, by the method on the visit, 24-72 h ahead."""
    for v in _visits(conn, "start_ts >= ? AND status IN ('confirmed', 'left_message')"
                           " AND confirmation_method IS NOT NULL", now):
        channel = _CHANNELS.get(v.method or "", C.PHONE)
        at = log.place(_dt(v.start) - HOUR * rng.uniform(24, 72))
        if at > log.office.now:
            at = log.office.now - HOUR * rng.uniform(1, 30)
        if v.booked is not None and _ts(at) < v.booked:
            continue
        if v.status == "confirmed":
            log.chase(rng, K.CONFIRMATION, v.id, v.patient_id, at, REACHING_OUT, channel=channel,
                      last=Out.REACHED)
        else:
            log.one(rng, K.CONFIRMATION, v.id, v.patient_id, at,
                    Out.LEFT_VOICEMAIL if channel is C.PHONE else Out.NO_ANSWER, channel=channel)


def _recall(rng: random.Random, log: _Log, conn: Db, now: int) -> list[tuple[Any, ...]]:
    """Recall calls to a share of the patients with an overdue gap and no physical booked; gaps
    recorded done at a physical the patient had lately. Returns the gaps done."""
    office = log.office
    anchor = office.anchor
    booked = {row[0] for row in conn.execute(
        "SELECT DISTINCT patient_id FROM appointment WHERE start_ts >= ? AND type_code = 'phys'"
        " AND status NOT IN ('cancelled', 'no_show')", (now,))}
    physical = {v.patient_id: v.start for v in _visits(
        conn, "start_ts >= ? AND start_ts < ? AND type_code = 'phys' AND status = 'arrived'",
        now - RECALL_WEEKS * 7 * 86400, now)}
    overdue: dict[int, list[int]] = {}
    for patient_id, position in conn.execute(
            "SELECT patient_id, position FROM care_gap WHERE done IS NULL AND due < ?"
            " ORDER BY patient_id, position", (anchor.isoformat(),)):
        overdue.setdefault(patient_id, []).append(position)
    done: list[tuple[Any, ...]] = []
    days = sorted(d for d in office.hours.days if anchor - timedelta(weeks=RECALL_WEEKS) <= d < anchor)
    morning = office.at(anchor, time(0))  # the anchor day's recall calls are still to make
    for patient_id, gaps in overdue.items():
        seen = physical.get(patient_id)
        if seen is not None:
            seen_day = office.local_day(_dt(seen)).isoformat()
            done += [(seen_day, patient_id, position) for position in gaps if rng.random() < GAP_DONE]
            continue
        if patient_id in booked or rng.random() >= RECALLED:
            continue
        day = rng.choice(days[-3:] if rng.random() < RECALLED_LATELY else days)
        start = office.at(day, time(_between(rng, 9, 15), _between(rng, 0, 59)))
        log.chase(rng, K.RECALL, patient_id, patient_id, start, RECALLING, until=morning)
    return done


def _rebook(rng: random.Random, log: _Log, conn: Db, now: int) -> list[tuple[Any, ...]]:
    """Past no-shows called to rebook: a visit booked within REBOOKED_WITHIN days answers it
    ("rebooked", that visit; booked before the first call: the patient called first); some are
    "won't rebook"; the last month's others stay on the list."""
    office = log.office
    out: list[tuple[Any, ...]] = []
    for missed_id, patient_id, start, new_id, booked in conn.execute(
            "SELECT n.id, n.patient_id, n.start_ts, b.id, b.booked_ts FROM appointment n"
            " LEFT JOIN appointment b ON b.id = (SELECT l.id FROM appointment l WHERE l.patient_id ="
            " n.patient_id AND l.start_ts > n.start_ts AND l.status != 'cancelled' AND l.booked_ts >"
            " n.start_ts AND l.booked_ts <= ? AND l.booked_ts < n.start_ts + ? ORDER BY l.start_ts, l.id"
            " LIMIT 1) WHERE n.status = 'no_show' AND n.start_ts < ? ORDER BY n.start_ts, n.id",
            (now, REBOOKED_WITHIN * 86400, now)):
        missed = _dt(start)
        if rng.random() < 0.6:  # the same afternoon, else the next business morning
            first = missed + HOUR * rng.uniform(1, 4)
        else:
            first = office.at(office.hours.next_day(office.local_day(missed)), time(_between(rng, 8, 11)))
        if new_id is not None:
            rebooked = _dt(booked)
            if rebooked <= first:
                by = log.vma(rng, rebooked)
            else:
                done, _, by = log.chase(rng, K.REBOOK, missed_id, patient_id, first, REACHING_OUT,
                                        last=Out.REACHED, last_at=rebooked - MINUTE * _between(rng, 1, 8),
                                        tries=rng.choice((0, 1, 1, 2)))
            out.append((missed_id, "rebooked", "", new_id, by, booked))
            continue
        done, outcome, by = log.chase(rng, K.REBOOK, missed_id, patient_id, first, MISSED)
        if done is None:
            continue
        if outcome in (Out.REACHED, Out.DECLINED):
            out.append((missed_id, "wont_rebook", rng.choice(WONT_REBOOK), None, by, _ts(done) + 60))
        elif now - start > REBOOK_DAYS * 86400:
            out.append((missed_id, "wont_rebook", UNREACHABLE, None, by, _ts(done) + 3600))
    return out


def _follow_ups(rng: random.Random, log: _Log, conn: Db,
                now: int) -> tuple[list[tuple[Any, ...]], list[int]]:
    """Arrived procedures, new patients' visits and a few marked "call after": their follow-up call,
    due two business days later, made with its answers. Returns the calls and the visits marked."""
    office = log.office
    out: list[tuple[Any, ...]] = []
    types = ", ".join(repr(c) for c in FOLLOW_UP_TYPES)
    others = [row[0] for row in conn.execute(
        f"SELECT id FROM appointment WHERE status = 'arrived' AND start_ts < ? AND type_code NOT IN ({types})"
        " ORDER BY start_ts, id", (now,))]
    marked = sorted(rng.sample(others, round(len(others) * CALL_AFTER)))
    ids = ", ".join(str(i) for i in marked) or "NULL"
    for visit_id, patient_id, start in conn.execute(
            "SELECT id, patient_id, start_ts FROM appointment WHERE status = 'arrived' AND start_ts < ? AND"
            f" (type_code IN ({types}) OR id IN ({ids}))"
            " ORDER BY start_ts, id", (now,)).fetchall():
        day = office.hours.next_day(office.local_day(_dt(start)), FOLLOW_UP_DAYS)
        due = office.at(day, DEFAULT_POLICY.opens)
        done, outcome, by = log.chase(rng, K.FOLLOW_UP, visit_id, patient_id,
                                      due + MINUTE * _between(rng, 30, 420), REACHING_OUT)
        # as the app: a row only once answers are recorded (a call still due, declined or never
        # reached leaves none: the Follow-up calls list derives it from the visit)
        if done is not None and outcome is Out.REACHED:
            question = rng.choice(QUESTIONS) if rng.random() < ASKS else ""
            picked = _draw(rng, PICKED_UP)
            out.append((visit_id, _ts(due), _ts(done), by, int(rng.random() < UNDERSTOOD),
                        int(rng.random() < BOOKED), picked, int(bool(question)), question))
    return out, marked


def _freed(rng: random.Random, log: _Log, conn: Db, now: int) -> list[tuple[Any, ...]]:
    """Each cancellation's and no-show's freed slot, with the waitlist offers made for it; a cancelled
    slot the calendar gave to another visit is filled by it."""
    taken = {row[0]: row[1:] for row in conn.execute(
        "SELECT a.id, b.id, b.patient_id, b.booked_ts FROM appointment a JOIN appointment b"
        " ON b.provider_id = a.provider_id AND b.start_ts = a.start_ts AND b.status != 'cancelled'"
        " WHERE a.status = 'cancelled' ORDER BY a.id, b.id")}
    patients = [row[0] for row in conn.execute("SELECT id FROM patient ORDER BY id")]
    out: list[tuple[Any, ...]] = []
    for v in _visits(conn, "status IN ('cancelled', 'no_show')"):
        if v.status == "cancelled" and v.cancelled_at is not None and v.cancelled_at <= now:
            freed, why = v.cancelled_at, "cancelled"
        elif v.status == "no_show" and v.start + 900 <= now:
            freed, why = v.start + 900, "no_show"
        else:
            continue
        slot_id = len(out) + 1
        filler = taken.get(v.id) if why == "cancelled" else None
        filled: tuple[int, int] | None = None  # (visit, when)
        if filler is not None:
            when = max(freed + 60 * _between(rng, 10, 240), filler[2] or 0)
            when = min(when, v.start - 300) if v.start - 300 > freed else freed + 60
            filled = (filler[0], when) if when <= now else None
        last = v.start if filled is None else filled[1]
        if v.start - freed > LAST_MINUTE * 3600:
            offers = 0  # freed well ahead: booked again the usual way, no offers needed
        elif filled:
            offers = rng.choice((0, 0, 1, 1, 2))
        else:
            offers = _between(rng, 1, 3) if why == "cancelled" or rng.random() < 0.3 else 0
        made = _dt(freed)
        at = log.place(made + MINUTE * _between(rng, 5, 60)) if offers else made
        for _ in range(offers):
            if _ts(at) >= last or at > log.office.now:
                break
            log.one(rng, K.WAITLIST_OFFER, slot_id, rng.choice(patients), at, _draw(rng, OFFERING))
            made, at = at, log.place(at + MINUTE * _between(rng, 3, 25))
        if filled is not None and filler is not None and v.start - freed <= LAST_MINUTE * 3600:
            accepted = max(_dt(filled[1]) - MINUTE * _between(rng, 1, 5), made + MINUTE)
            log.one(rng, K.WAITLIST_OFFER, slot_id, filler[1], accepted, Out.REACHED)
        out.append((slot_id, v.id, v.provider_id, v.type_code, v.start, (v.end - v.start) // 60, freed, why,
                    None if filled is None else filled[0], None if filled is None else filled[1]))
    return out


def units() -> int:
    """Progress units of `write`: one."""
    return 1
