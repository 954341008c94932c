"""The practice's activity figures for a period, computed from plain lists (the service gathers
them; the PDF only lays them out). Times are aware UTC datetimes; periods are practice-local days,
both ends included.

The figures follow the practice's own rules: a message is late when its callback came after
`callbacks.callback_due`; a refill request is on time when its clock stopped (the pharmacy told;
for a denial or "needs visit" no pharmacy asked about, the patient told; for a withdrawal, closed)
by its `due_at` (the noon rule); a referral is stuck by `referral_flags`. A record still waiting
past its due time counts as late; one not yet due is left out of the shares. How the figures are
written is `core.wording`'s.

The chasing figures (`chase_figures`) read the contact-attempt log and what it chases: voicemails
returned by the response standard (`chase.returned_within`, the message callback clock for the
voicemail's urgency), attempts per record reached, the waitlist's fill rate of freed slots, no-shows
rebooked, recalls completed and follow-up calls made. A page per VMA (`vma_figures`) counts one
user's work by the names on the records, a row a week (a month, for periods over three months).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.chase import (
    Attempt,
    ChaseKind,
    Outcome,
    Voicemail,
    returned_within,
    standard_due,
    voicemail_due,
)
from vma_desk.core.communications import Direction, Message, MessageState, Urgency
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import ContactMethod, Practice
from vma_desk.core.referrals import REFERRAL_PATH, Flag, Referral, ReferralState, is_move
from vma_desk.core.refills import Decision, RefillEvent, RefillRequest, RefillStep
from vma_desk.core.rules.callbacks import CallbackPolicy, callback_due
from vma_desk.core.rules.referrals import AgingPolicy, days_in_state, referral_flags
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.core.wording import MONTH_NAMES, date_text, month_day

#: the longest period an activity summary covers
MAX_ACTIVITY_DAYS = 366


# --- periods -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """Practice-local days from `start` to `end`, both included."""

    start: date
    end: date

    @classmethod
    def checked(cls, start: date, end: date, *, max_days: int | None = None) -> Period:
        if end < start:
            raise ValidationError("end", "is before the start date")
        period = cls(start, end)
        if max_days is not None and period.days > max_days:
            raise ValidationError("end", f"a summary covers at most {max_days} days: choose a shorter period")
        return period

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[first midnight, the midnight after the last day) in UTC."""
        return (local_to_utc(datetime.combine(self.start, time(0)), zone),
                local_to_utc(datetime.combine(self.end + timedelta(days=1), time(0)), zone))

    @property
    def text(self) -> str:
        """"03/01/2026 to 03/31/2026", or one date."""
        if self.start == self.end:
            return date_text(self.start)
        return f"{date_text(self.start)} to {date_text(self.end)}"


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _median_span(spans: Sequence[timedelta]) -> timedelta | None:
    seconds = _median([s.total_seconds() for s in spans])
    return None if seconds is None else timedelta(seconds=seconds)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# --- activity: calls -----------------------------------------------------------------------------

class CallLike(Protocol):
    """What the call volume reads of a call (a `Call` has it)."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def direction(self) -> Direction: ...

    @property
    def taken_by(self) -> str: ...


@dataclass(frozen=True)
class CallFact:
    """A call as the activity summary needs it, read without the rest of the record."""

    started_at: datetime
    direction: Direction
    taken_by: str = ""


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def grain_for(period: Period) -> Grain:
    """Bars a reader can still tell apart: a bar a day up to about a month and a half, a bar a
    week up to about half a year, else a bar a month."""
    if period.days <= 45:
        return Grain.DAY
    return Grain.WEEK if period.days <= 190 else Grain.MONTH


@dataclass(frozen=True)
class Bar:
    start: date  # the first day of the period the bar counts
    label: str  # the axis label: "2" (a day), "03/02" (a week's Monday), "Mar 2025" (a month)
    count: int


@dataclass(frozen=True)
class CallVolume:
    grain: Grain
    bars: tuple[Bar, ...]
    total: int
    by_direction: tuple[tuple[Direction, int], ...]
    business_days: int  # in the period up to today: the days the calls could come in so far
    busiest: tuple[date, int] | None  # the day with the most calls

    @property
    def per_business_day(self) -> float | None:
        return self.total / self.business_days if self.business_days else None


def _bucket_start(day: date, grain: Grain, period: Period) -> date:
    if grain is Grain.DAY:
        return day
    first = day - timedelta(days=day.weekday()) if grain is Grain.WEEK else day.replace(day=1)
    return max(first, period.start)


def _bucket_starts(period: Period, grain: Grain) -> list[date]:
    """The first day of each bar (or row) of the period, in order."""
    starts: list[date] = []
    day = period.start
    while day <= period.end:
        bucket = _bucket_start(day, grain, period)
        if not starts or starts[-1] != bucket:
            starts.append(bucket)
        day += timedelta(days=1)
    return starts


def _bar_label(start: date, grain: Grain, period: Period) -> str:
    if grain is Grain.MONTH:
        return f"{MONTH_NAMES[start.month - 1][:3]} {start.year}"
    if grain is Grain.WEEK:
        return month_day(start)
    return month_day(start) if start == period.start or start.day == 1 else str(start.day)


def call_volume(calls: Sequence[CallLike], period: Period, zone: ZoneInfo, practice: Practice,
                today: date | None = None) -> CallVolume:
    """Calls per bar, by direction, the busiest day, and the business days of the period up to
    `today` (all of them when not given) for the average per business day."""
    grain = grain_for(period)
    starts = _bucket_starts(period, grain)
    per_day: Counter[date] = Counter()
    for call in calls:
        per_day[call.started_at.astimezone(zone).date()] += 1
    per_day = Counter({d: n for d, n in per_day.items() if period.start <= d <= period.end})
    per_bucket: Counter[date] = Counter()
    for d, n in per_day.items():
        per_bucket[_bucket_start(d, grain, period)] += n
    directions = Counter(c.direction for c in calls
                         if period.start <= c.started_at.astimezone(zone).date() <= period.end)
    busiest = max(per_day.items(), key=lambda item: (item[1], -item[0].toordinal()), default=None)
    last = min(period.end, today or period.end)
    business = sum(1 for i in range((last - period.start).days + 1)
                   if practice.is_business_day(period.start + timedelta(days=i)))
    return CallVolume(grain=grain,
                      bars=tuple(Bar(s, _bar_label(s, grain, period), per_bucket[s]) for s in starts),
                      total=sum(per_day.values()),
                      by_direction=tuple((d, directions[d]) for d in Direction),
                      business_days=business, busiest=busiest)


# --- activity: turnaround ------------------------------------------------------------------------

@dataclass(frozen=True)
class Timeliness:
    """How fast a kind of work was done against its due times.

    `count` records came in during the period; `done` of them are done (median time from coming in
    to done: `median`); `judged` are those done or already past due, of which `late` were done
    after their due time or are still waiting past it; `waiting` are not done and not yet due."""

    label: str
    count: int
    done: int
    median: timedelta | None
    judged: int
    late: int
    waiting: int

    @property
    def late_share(self) -> float | None:
        return _share(self.late, self.judged)

    @property
    def on_time_share(self) -> float | None:
        share = self.late_share
        return None if share is None else 1 - share


#: (came in, due or None when no due time is known, done or None)
_Clocked = tuple[datetime, datetime | None, datetime | None]


def _timeliness(label: str, items: Sequence[_Clocked], now: datetime) -> Timeliness:
    done = [(came, due, at) for came, due, at in items if at is not None]
    judged = late = waiting = 0
    for _came, due, at in items:
        if due is None:
            continue
        if at is not None:
            judged += 1
            late += at > due
        elif now > due:
            judged += 1
            late += 1
        else:
            waiting += 1
    return Timeliness(label, len(items), len(done), _median_span([at - came for came, _d, at in done]),
                      judged, late, waiting)


def _grouped(label: str, items: Sequence[tuple[str, _Clocked]], now: datetime,
             order: Callable[[str], str | int] = str) -> tuple[Timeliness, tuple[Timeliness, ...]]:
    """The whole, and one row per group in `order`."""
    groups: dict[str, list[_Clocked]] = {}
    for group, item in items:
        groups.setdefault(group, []).append(item)
    rows = tuple(_timeliness(g, groups[g], now) for g in sorted(groups, key=order))
    return _timeliness(label, [item for _g, item in items], now), rows


def callback_done_at(message: Message) -> datetime | None:
    done = message.reached(MessageState.CALLBACK_DONE)
    return done.at if done is not None else None


def message_timeliness(messages: Sequence[Message], practice: Practice, zone: ZoneInfo,
                       policy: CallbackPolicy, now: datetime) -> tuple[Timeliness, tuple[Timeliness, ...]]:
    """All the period's messages, and one row per urgency (emergency first)."""
    ranks = {u.value.capitalize(): -u.rank for u in Urgency}
    items = [(m.urgency.value.capitalize(),
              (m.created_at, callback_due(m, practice, zone, policy), callback_done_at(m))) for m in messages]
    return _grouped("All messages", items, now, order=lambda g: ranks[g])


def refill_clock_stop(request: RefillRequest) -> RefillEvent | None:
    """The step that stopped a request's clock: the pharmacy told; for a denial or "needs visit"
    no pharmacy was told of, the patient told; for a request closed without either (withdrawn),
    its closing. None while the clock runs."""
    told = request.reached(RefillStep.PHARMACY_NOTIFIED)
    if told is not None:
        return told
    if request.decision is not None and request.decision is not Decision.APPROVED:
        patient = request.reached(RefillStep.PATIENT_NOTIFIED)
        if patient is not None:
            return patient
    return request.reached(RefillStep.CLOSED)


def refill_timeliness(requests: Sequence[RefillRequest], now: datetime, prescribers: Mapping[int, str]
                      ) -> tuple[Timeliness, tuple[Timeliness, ...]]:
    """All the period's requests, and one row per prescriber (by name)."""
    items = []
    for r in requests:
        stop = refill_clock_stop(r)
        items.append((prescribers.get(r.prescriber_id, f"staff #{r.prescriber_id}"),
                      (r.received_at, r.due_at, stop.at if stop is not None else None)))
    return _grouped("All requests", items, now)


# --- activity: referrals -------------------------------------------------------------------------

#: (first day, last day or None) of each days-in-state column
AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 14), (15, 30), (31, None))
OPEN_STATES = tuple(s for s in REFERRAL_PATH if not s.is_final)


def bucket_label(bucket: tuple[int, int | None]) -> str:
    first, last = bucket
    return f"over {first - 1} days" if last is None else f"{first}–{last} days"


def _bucket_of(days: int) -> int:
    return next(i for i, (first, last) in enumerate(AGE_BUCKETS)
                if days >= first and (last is None or days <= last))


@dataclass(frozen=True)
class AgingRow:
    state: ReferralState
    counts: tuple[int, ...]  # per AGE_BUCKETS
    stuck: int

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ReferralProviderRow:
    provider: str
    open: int
    stuck: int
    reports: int  # consult reports received in the period
    median_days: float | None  # sent -> report received


@dataclass(frozen=True)
class ReferralAging:
    as_of: datetime
    rows: tuple[AgingRow, ...]  # per open state, in the path's order
    reports: int
    median_days: float | None
    per_provider: tuple[ReferralProviderRow, ...]

    @property
    def open(self) -> int:
        return sum(r.total for r in self.rows)

    @property
    def stuck(self) -> int:
        return sum(r.stuck for r in self.rows)

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(r.counts[i] for r in self.rows) for i in range(len(AGE_BUCKETS)))


def referral_at(referral: Referral, moment: datetime) -> Referral | None:
    """The referral as it stood at `moment` (its state and since when); None before it existed."""
    if referral.created_at > moment:
        return None
    moves = [e for e in referral.events if e.at <= moment and is_move(e)]
    if not moves:
        return replace(referral, state=ReferralState.DRAFT, state_since=referral.created_at)
    last = moves[-1]
    return replace(referral, state=ReferralState(last.state), state_since=last.at)


def report_days(referral: Referral, lo: datetime, hi: datetime) -> float | None:
    """Days from sending to the consult report, for a report received in [lo, hi)."""
    report = next((e for e in referral.events if e.state == ReferralState.REPORT_RECEIVED.value), None)
    if report is None or not lo <= report.at < hi:
        return None
    sent = next((e.at for e in referral.events if e.state == ReferralState.SENT.value), referral.created_at)
    return (report.at - sent).total_seconds() / 86_400


def referral_aging(referrals: Sequence[Referral], *, as_of: datetime, bounds: tuple[datetime, datetime],
                   zone: ZoneInfo, policy: AgingPolicy, providers: Mapping[int, str]) -> ReferralAging:
    """Open referrals as they stood at `as_of` by state and days in that state (practice-local
    calendar days, as the Referrals tab counts them), with how many were stuck then; and the
    consult reports received within `bounds`, with the median days from sending."""
    today = as_of.astimezone(zone).date()
    counts = {s: [0] * len(AGE_BUCKETS) for s in OPEN_STATES}
    stuck: Counter[ReferralState] = Counter()
    per_provider: dict[int, list[float]] = {}
    open_by: Counter[int] = Counter()
    stuck_by: Counter[int] = Counter()
    durations: list[float] = []
    for referral in referrals:
        then = referral_at(referral, as_of)
        if then is not None and then.is_open:
            counts[then.state][_bucket_of(days_in_state(then, today, zone))] += 1
            open_by[referral.referring_provider_id] += 1
            if Flag.STUCK in referral_flags(then, as_of, today, policy):
                stuck[then.state] += 1
                stuck_by[referral.referring_provider_id] += 1
        days = report_days(referral, *bounds)
        if days is not None:
            durations.append(days)
            per_provider.setdefault(referral.referring_provider_id, []).append(days)
    ids = sorted(set(open_by) | set(per_provider), key=lambda i: providers.get(i, f"staff #{i}"))
    return ReferralAging(
        as_of=as_of,
        rows=tuple(AgingRow(s, tuple(counts[s]), stuck[s]) for s in OPEN_STATES),
        reports=len(durations), median_days=_median(durations),
        per_provider=tuple(ReferralProviderRow(providers.get(i, f"staff #{i}"), open_by[i], stuck_by[i],
                                               len(per_provider.get(i, [])), _median(per_provider.get(i, [])))
                           for i in ids))


# --- activity: visits ----------------------------------------------------------------------------

class VisitLike(Protocol):
    """What the visit rates read of a visit (an `Appointment` has it)."""

    @property
    def provider_id(self) -> int: ...

    @property
    def start(self) -> datetime: ...

    @property
    def status(self) -> VisitStatus: ...

    @property
    def confirmation_method(self) -> ContactMethod | None: ...

    @property
    def late_cancel(self) -> bool: ...


@dataclass(frozen=True)
class VisitFact:
    """A visit as the activity summary needs it, read without the rest of the record."""

    provider_id: int
    start: datetime
    status: VisitStatus
    confirmation_method: ContactMethod | None
    late_cancel: bool


def was_confirmed(visit: VisitLike) -> bool:
    """Confirmed before it took place: marked confirmed, or arrived / no-show with the way the
    patient was reached on record (a left message alone does not confirm)."""
    return visit.status is VisitStatus.CONFIRMED or (
        visit.status in (VisitStatus.ARRIVED, VisitStatus.NO_SHOW) and visit.confirmation_method is not None)


@dataclass(frozen=True)
class VisitRates:
    """The period's visits: `booked` all, `cancelled` of them (`late_cancelled` inside the notice
    window); of those not cancelled, `past` have taken place (or should have) by the time of
    printing, `upcoming` not yet. The rates are of the past visits."""

    label: str
    booked: int
    cancelled: int
    late_cancelled: int
    past: int
    confirmed: int
    no_shows: int
    upcoming: int

    @property
    def confirmation_rate(self) -> float | None:
        return _share(self.confirmed, self.past)

    @property
    def no_show_rate(self) -> float | None:
        return _share(self.no_shows, self.past)


def _rates(label: str, visits: Sequence[VisitLike], now: datetime) -> VisitRates:
    cancelled = [v for v in visits if v.status is VisitStatus.CANCELLED]
    kept = [v for v in visits if v.status is not VisitStatus.CANCELLED]
    past = [v for v in kept if v.start <= now]
    return VisitRates(label, len(visits), len(cancelled), sum(1 for v in cancelled if v.late_cancel),
                      len(past), sum(1 for v in past if was_confirmed(v)),
                      sum(1 for v in past if v.status is VisitStatus.NO_SHOW), len(kept) - len(past))


def visit_rates(visits: Sequence[VisitLike], now: datetime, providers: Mapping[int, str]
                ) -> tuple[VisitRates, tuple[VisitRates, ...]]:
    """All the period's visits, and one row per provider (by name)."""
    by: dict[int, list[VisitLike]] = {}
    for v in visits:
        by.setdefault(v.provider_id, []).append(v)
    ids = sorted(by, key=lambda i: providers.get(i, f"staff #{i}"))
    return _rates("All providers", visits, now), tuple(
        _rates(providers.get(i, f"staff #{i}"), by[i], now) for i in ids)


# --- chasing -------------------------------------------------------------------------------------

#: the share of freed slots a good waitlist fills, as the sources put it (60-80%)
SOURCE_FILL_RANGE = (0.6, 0.8)


@dataclass(frozen=True)
class CallbackCallFact:
    """A call logged "callback needed": when it began, who took it, when and by whom its callback
    was done (None: not yet)."""

    started_at: datetime
    taken_by: str
    done_at: datetime | None
    done_by: str


@dataclass(frozen=True)
class BoxCheckFact:
    at: datetime
    by: str


@dataclass(frozen=True)
class FreedSlotFact:
    """A slot freed by a cancellation, a move or a no-show: when it starts, when it was freed and
    whether a waitlist patient filled it."""

    id: int
    start: datetime
    freed_at: datetime
    filled: bool


@dataclass(frozen=True)
class NoShowFact:
    appointment_id: int
    patient_id: int
    start: datetime
    decided_rebooked: bool  # a rebooking decision "rebooked" is on record


@dataclass(frozen=True)
class LaterVisitFact:
    """A visit of a patient who has a no-show or a recall attempt in the period (cancelled ones too)."""

    patient_id: int
    start: datetime
    status: VisitStatus
    booked_at: datetime | None


@dataclass(frozen=True)
class GapDoneFact:
    patient_id: int
    done: date  # the practice-local day the care gap was marked done


@dataclass(frozen=True)
class FollowUpFact:
    done_at: datetime
    done_by: str
    has_question: bool


@dataclass(frozen=True)
class ChaseInputs:
    """What the chasing figures read, gathered by the service with one range query per kind."""

    attempts: Sequence[Attempt] = ()  # made in the period
    voicemails: Sequence[Voicemail] = ()  # left in the period
    box_checks: Sequence[BoxCheckFact] = ()  # in the period
    callback_calls: Sequence[CallbackCallFact] = ()  # calls begun in the period, logged "callback needed"
    freed_slots: Sequence[FreedSlotFact] = ()  # freed in the period, and those offered in the period
    no_shows: Sequence[NoShowFact] = ()  # visits starting in the period marked no-show
    later_visits: Sequence[LaterVisitFact] = ()  # of the no-show and recall patients, from the period on
    gaps_done: Sequence[GapDoneFact] = ()  # care gaps marked done, of the recall patients
    follow_ups: Sequence[FollowUpFact] = ()  # follow-up calls done in the period


@dataclass(frozen=True)
class VoicemailFigures:
    """Voicemails left in the period: `returned` of them (median `median` from left to returned,
    `within` by the response standard), `unreturned` still waiting (`past_due` of those past the
    standard); and the box's checks against the business days so far."""

    left: int
    returned: int
    within: int
    median: timedelta | None
    unreturned: int
    past_due: int
    box_checks: int
    business_days: int

    @property
    def within_share(self) -> float | None:
        return _share(self.within, self.returned)

    @property
    def checks_per_day(self) -> float | None:
        return self.box_checks / self.business_days if self.business_days else None


@dataclass(frozen=True)
class KindAttempts:
    kind: ChaseKind
    attempts: int
    reached: int  # distinct records of the kind reached in the period

    @property
    def per_reached(self) -> float | None:
        return self.attempts / self.reached if self.reached else None


@dataclass(frozen=True)
class ChaseFigures:
    """The practice's chasing over the period; every share is None when there is nothing to divide."""

    voicemail: VoicemailFigures
    by_kind: tuple[KindAttempts, ...]  # kinds with an attempt in the period, in `ChaseKind` order
    attempts: int
    reached: int  # distinct (kind, record) reached in the period
    slots_freed: int  # freed in the period before their start
    slots_filled: int
    no_shows: int
    rebooked: int
    recall_patients: int
    recall_done: int  # booked after the attempt, or a care gap marked done after it
    follow_ups: int
    follow_up_questions: int

    @property
    def per_reached(self) -> float | None:
        return self.attempts / self.reached if self.reached else None

    @property
    def fill_rate(self) -> float | None:
        return _share(self.slots_filled, self.slots_freed)

    @property
    def rebook_rate(self) -> float | None:
        return _share(self.rebooked, self.no_shows)

    @property
    def recall_rate(self) -> float | None:
        return _share(self.recall_done, self.recall_patients)


def _in(moment: datetime, bounds: tuple[datetime, datetime]) -> bool:
    return bounds[0] <= moment < bounds[1]


def voicemail_figures(voicemails: Sequence[Voicemail], checks: Sequence[BoxCheckFact], business_days: int,
                      practice: Practice, zone: ZoneInfo, policy: CallbackPolicy, now: datetime
                      ) -> VoicemailFigures:
    """Return time (returned - left) and the share returned by `chase.returned_within` (the
    message callback standard for the voicemail's urgency), of voicemails left in the period."""
    returned = [vm for vm in voicemails if vm.returned_at is not None]
    waiting = [vm for vm in voicemails if vm.returned_at is None]
    return VoicemailFigures(
        left=len(voicemails), returned=len(returned),
        within=sum(1 for vm in returned if returned_within(vm, practice, zone, policy)),
        median=_median_span([vm.returned_at - vm.left_at for vm in returned if vm.returned_at is not None]),
        unreturned=len(waiting),
        past_due=sum(1 for vm in waiting if now > voicemail_due(vm, practice, zone, policy)),
        box_checks=len(checks), business_days=business_days)


def reached_records(attempts: Sequence[Attempt]) -> set[tuple[ChaseKind, int]]:
    return {(a.kind, a.record_id) for a in attempts if a.outcome is Outcome.REACHED}


def rebooked_no_shows(no_shows: Sequence[NoShowFact], visits: Sequence[LaterVisitFact]) -> int:
    """No-shows whose patient has a later visit holding its slot (not cancelled), or a rebooking
    decision "rebooked"."""
    later: dict[int, list[datetime]] = {}
    for v in visits:
        if v.status is not VisitStatus.CANCELLED:
            later.setdefault(v.patient_id, []).append(v.start)
    return sum(1 for n in no_shows
               if n.decided_rebooked or any(s > n.start for s in later.get(n.patient_id, ())))


def recall_completion(attempts: Sequence[Attempt], visits: Sequence[LaterVisitFact],
                      gaps_done: Sequence[GapDoneFact], zone: ZoneInfo) -> tuple[int, int]:
    """(patients attempted, of them done): a RECALL attempt's record is the patient; done when a
    visit not cancelled was booked at or after the patient's first recall attempt of the period, or
    a care gap was marked done on that day or later."""
    first: dict[int, datetime] = {}
    for a in attempts:
        if a.kind is ChaseKind.RECALL and (a.record_id not in first or a.at < first[a.record_id]):
            first[a.record_id] = a.at
    booked: dict[int, list[datetime]] = {}
    for v in visits:
        if v.status is not VisitStatus.CANCELLED and v.booked_at is not None:
            booked.setdefault(v.patient_id, []).append(v.booked_at)
    done: dict[int, list[date]] = {}
    for g in gaps_done:
        done.setdefault(g.patient_id, []).append(g.done)
    completed = sum(1 for pid, at in first.items()
                    if any(b >= at for b in booked.get(pid, ()))
                    or any(d >= at.astimezone(zone).date() for d in done.get(pid, ())))
    return len(first), completed


def chase_figures(data: ChaseInputs, bounds: tuple[datetime, datetime], business_days: int,
                  practice: Practice, zone: ZoneInfo, policy: CallbackPolicy, now: datetime) -> ChaseFigures:
    """The practice's chasing in [bounds): see `ChaseFigures` and the functions it calls."""
    attempts = [a for a in data.attempts if _in(a.at, bounds)]
    reached = reached_records(attempts)
    per_kind = Counter(a.kind for a in attempts)
    reached_kind = Counter(kind for kind, _id in reached)
    freed = [s for s in data.freed_slots if _in(s.freed_at, bounds) and s.freed_at < s.start]
    recall_patients, recall_done = recall_completion(attempts, data.later_visits, data.gaps_done, zone)
    follow_ups = [f for f in data.follow_ups if _in(f.done_at, bounds)]
    return ChaseFigures(
        voicemail=voicemail_figures(data.voicemails, data.box_checks, business_days, practice, zone, policy,
                                    now),
        by_kind=tuple(KindAttempts(k, per_kind[k], reached_kind[k]) for k in ChaseKind if per_kind[k]),
        attempts=len(attempts), reached=len(reached),
        slots_freed=len(freed), slots_filled=sum(1 for s in freed if s.filled),
        no_shows=len(data.no_shows), rebooked=rebooked_no_shows(data.no_shows, data.later_visits),
        recall_patients=recall_patients, recall_done=recall_done,
        follow_ups=len(follow_ups), follow_up_questions=sum(1 for f in follow_ups if f.has_question))


# --- one VMA's work ------------------------------------------------------------------------------

@dataclass(frozen=True)
class VmaRow:
    """One VMA's work over a week or a month of the period (or the whole of it).

    `callbacks` are the calls logged "callback needed" they called back, `on_time` of them done by
    the standard; `offered` the freed slots they offered to the waitlist,
    `filled` of those filled."""

    label: str
    calls: int = 0
    callbacks: int = 0
    on_time: int = 0
    attempts: int = 0
    reached: int = 0
    voicemails_returned: int = 0
    box_checks: int = 0
    offered: int = 0
    filled: int = 0

    @property
    def on_time_share(self) -> float | None:
        return _share(self.on_time, self.callbacks)

    @property
    def fill_rate(self) -> float | None:
        return _share(self.filled, self.offered)


@dataclass(frozen=True)
class VmaFigures:
    name: str
    grain: Grain
    rows: tuple[VmaRow, ...]  # one per week (or month) of the period, in order
    total: VmaRow


def vma_grain(period: Period) -> Grain:
    """A row a week up to about three months, else a row a month."""
    return Grain.WEEK if period.days <= 92 else Grain.MONTH


#: (user, when, field of `VmaRow`, count)
_Tally = tuple[str, datetime, str, int]


def _tallies(calls: Sequence[CallLike], data: ChaseInputs, practice: Practice, zone: ZoneInfo,
             policy: CallbackPolicy) -> list[_Tally]:
    out: list[_Tally] = []
    for call in calls:
        if call.taken_by:
            out.append((call.taken_by, call.started_at, "calls", 1))
    for cb in data.callback_calls:
        if cb.done_at is not None and cb.done_by:
            due = standard_due(cb.started_at, Urgency.ROUTINE, practice, zone, policy)
            out += [(cb.done_by, cb.started_at, "callbacks", 1),
                    (cb.done_by, cb.started_at, "on_time", int(cb.done_at <= due))]
    for a in data.attempts:
        if a.by:
            out += [(a.by, a.at, "attempts", 1), (a.by, a.at, "reached", int(a.outcome is Outcome.REACHED))]
    for vm in data.voicemails:
        if vm.returned_at is not None and vm.returned_by:
            out.append((vm.returned_by, vm.left_at, "voicemails_returned", 1))
    for check in data.box_checks:
        if check.by:
            out.append((check.by, check.at, "box_checks", 1))
    filled = {s.id: s.filled for s in data.freed_slots}
    offers: dict[tuple[str, int], datetime] = {}
    for a in data.attempts:
        if a.kind is ChaseKind.WAITLIST_OFFER and a.by:
            key = (a.by, a.record_id)
            offers[key] = min(a.at, offers.get(key, a.at))
    for (by, slot), at in offers.items():
        out += [(by, at, "offered", 1), (by, at, "filled", int(filled.get(slot, False)))]
    return out


def vma_figures(calls: Sequence[CallLike], data: ChaseInputs, period: Period, practice: Practice,
                zone: ZoneInfo, policy: CallbackPolicy) -> tuple[VmaFigures, ...]:
    """One page's figures per user who did anything in the period (by the names on the records),
    in name order, with a row per week or month (`vma_grain`). Calls handled: calls they took;
    callbacks: calls logged "callback needed" they called back (due by the routine standard from
    the call, as `ChaseService.callback_due` says; a message's callback is the clinical staff's and
    is counted on the practice's pages); attempts logged and
    reached; voicemails returned; box checks; freed slots they offered (first offer in the period)
    and how many of those were filled."""
    grain = vma_grain(period)
    bounds = period.bounds(zone)
    counts: dict[str, dict[date, Counter[str]]] = {}
    for by, at, name, n in _tallies(calls, data, practice, zone, policy):
        if not _in(at, bounds):
            continue
        bucket = _bucket_start(at.astimezone(zone).date(), grain, period)
        counts.setdefault(by, {}).setdefault(bucket, Counter())[name] += n
    starts = _bucket_starts(period, grain)

    def row(label: str, tally: Counter[str]) -> VmaRow:
        return VmaRow(label, **{f: tally[f] for f in _VMA_FIELDS})

    pages = []
    for name in sorted(counts, key=str.casefold):
        buckets = counts[name]
        whole: Counter[str] = Counter()
        for tally in buckets.values():
            whole.update(tally)
        pages.append(VmaFigures(name, grain, tuple(row(_row_label(s, grain), buckets.get(s, Counter()))
                                                   for s in starts), row("Whole period", whole)))
    return tuple(pages)


def _row_label(start: date, grain: Grain) -> str:
    """"Week of 03/02" (the week's Monday, or the period's first day), "Mar 2025"."""
    return f"{MONTH_NAMES[start.month - 1][:3]} {start.year}" if grain is Grain.MONTH \
        else f"Week of {month_day(start)}"


_VMA_FIELDS = ("calls", "callbacks", "on_time", "attempts", "reached", "voicemails_returned", "box_checks",
               "offered", "filled")


# --- activity: the whole -------------------------------------------------------------------------

@dataclass(frozen=True)
class ActivityInputs:
    """What `activity_summary` reads, gathered by the service with one range query per kind."""

    period: Period
    zone: ZoneInfo
    now: datetime
    practice: Practice
    callback_policy: CallbackPolicy
    aging_policy: AgingPolicy
    staff: Mapping[int, str]  # display names by staff id
    calls: Sequence[CallLike]  # begun in the period
    messages: Sequence[Message]  # taken in the period, with their events
    refills: Sequence[RefillRequest]  # received in the period, with their events
    referrals: Sequence[Referral]  # open at the period's end (or now), or with a report in the period
    visits: Sequence[VisitLike]  # starting in the period, cancelled ones too
    chasing: ChaseInputs = field(default_factory=lambda: ChaseInputs())


@dataclass(frozen=True)
class ActivitySummary:
    practice_name: str
    time_zone: str
    period: Period
    generated_at: datetime
    calls: CallVolume
    messages: Timeliness
    messages_by_urgency: tuple[Timeliness, ...]
    refills: Timeliness
    refills_by_prescriber: tuple[Timeliness, ...]
    referrals: ReferralAging
    visits: VisitRates
    visits_by_provider: tuple[VisitRates, ...]
    chasing: ChaseFigures
    vmas: tuple[VmaFigures, ...]  # a page per user who did anything in the period


def activity_as_of(period: Period, zone: ZoneInfo, now: datetime) -> datetime:
    """The moment the referral snapshot is taken: the period's end, or now when that is sooner."""
    return min(now, period.bounds(zone)[1])


def activity_summary(data: ActivityInputs) -> ActivitySummary:
    zone, now = data.zone, data.now
    messages, by_urgency = message_timeliness(data.messages, data.practice, zone, data.callback_policy, now)
    refills, by_prescriber = refill_timeliness(data.refills, now, data.staff)
    visits, by_provider = visit_rates(data.visits, now, data.staff)
    calls = call_volume(data.calls, data.period, zone, data.practice, now.astimezone(zone).date())
    bounds = data.period.bounds(zone)
    return ActivitySummary(
        practice_name=data.practice.name, time_zone=zone.key, period=data.period, generated_at=now,
        calls=calls,
        messages=messages, messages_by_urgency=by_urgency,
        refills=refills, refills_by_prescriber=by_prescriber,
        referrals=referral_aging(data.referrals, as_of=activity_as_of(data.period, zone, now),
                                 bounds=data.period.bounds(zone), zone=zone, policy=data.aging_policy,
                                 providers=data.staff),
        visits=visits, visits_by_provider=by_provider,
        chasing=chase_figures(data.chasing, bounds, calls.business_days, data.practice, zone,
                              data.callback_policy, now),
        vmas=vma_figures(data.calls, data.chasing, data.period, data.practice, zone, data.callback_policy))
