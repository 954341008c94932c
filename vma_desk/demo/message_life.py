"""How a demo message moves: new → delivered → acknowledged → callback done → closed, with who and when.

Each message gets its whole planned life when it is taken: delivered within minutes by the VMA, then
acknowledged, called back and closed by its recipient in business hours. Emergencies are done within
minutes, urgent messages mostly within the hour; a routine callback mostly happens the same business
day, after the caller's best time when they gave one, but about one in ten runs into the next
morning and a few are forgotten for days. The writer keeps the steps that have happened by the
demo's "now", so the last days hold open messages, some of them overdue, and older ones are closed.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.communications import MessageEvent, MessageState, Urgency
from vma_desk.core.rules.scheduling import local_to_utc

MINUTE = timedelta(minutes=1)
OPEN, LAST_CALLBACK = time(8, 0), time(17, 30)
#: routine callbacks: on time, the next morning, or days later
ROUTINE_LATE, ROUTINE_FORGOTTEN = 0.10, 0.02
URGENT_LATE = 0.15
#: closed at once after the callback, or left at "callback done" for a day or more
CLOSE_LATER = 0.05


class Hours:
    """The practice's business days and the hours its staff work messages, in its time zone."""

    def __init__(self, business_days: Collection[date], zone: ZoneInfo) -> None:
        self.days = frozenset(business_days)
        self.zone = zone

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def at(self, day: date, clock: time) -> datetime:
        return local_to_utc(datetime.combine(day, clock), self.zone)

    def next_day(self, day: date, count: int = 1) -> date:
        """The `count`-th business day after `day`."""
        for _ in range(count):
            day += timedelta(days=1)
            for _ in range(30):
                if day in self.days:
                    break
                day += timedelta(days=1)
        return day

    def working(self, moment: datetime, rng: random.Random) -> datetime:
        """`moment` if staff work then, else a few minutes into the next business morning."""
        local = self.local(moment)
        day = local.date()
        if day in self.days and OPEN <= local.time() < LAST_CALLBACK:
            return moment
        if day not in self.days or local.time() >= LAST_CALLBACK:
            day = self.next_day(day)
        return self.at(day, OPEN) + MINUTE * rng.randint(2, 40)


def plan(rng: random.Random, hours: Hours, created: datetime, urgency: Urgency, due: datetime,
         best_time: datetime | None, vma: str, recipient: str) -> tuple[MessageEvent, ...]:
    """The whole planned life of a message taken at `created` whose callback is due at `due`."""
    minutes = rng.randint
    if urgency is Urgency.EMERGENCY:
        delivered = created + MINUTE * minutes(0, 1)
        acknowledged = delivered + MINUTE * minutes(0, 3)
        called = acknowledged + MINUTE * minutes(1, 10)
    else:
        delivered = created + MINUTE * minutes(1, 8)
        if urgency is Urgency.URGENT:
            acknowledged = hours.working(delivered + MINUTE * minutes(2, 25), rng)
            late = rng.random() < URGENT_LATE
            called = created + MINUTE * (minutes(70, 300) if late else minutes(15, 58))
            called = hours.working(max(called, acknowledged + MINUTE * minutes(3, 10)), rng)
        else:
            acknowledged = min(delivered + MINUTE * minutes(5, 90), due - MINUTE * minutes(15, 40))
            acknowledged = hours.working(max(acknowledged, delivered + MINUTE * minutes(1, 3)), rng)
            called = _routine_callback(rng, hours, acknowledged, due)
        if best_time is not None and called < best_time:
            called = best_time + MINUTE * minutes(0, 10)
    closed = called + MINUTE * minutes(2, 60)
    if rng.random() < CLOSE_LATER:
        closed = hours.working(closed + timedelta(days=minutes(1, 5)), rng)
    by = (vma, vma, recipient, recipient, recipient)
    moments = (created, delivered, acknowledged, called, closed)
    return tuple(MessageEvent(state, at.replace(microsecond=0), who)
                 for state, at, who in zip(MessageState, moments, by, strict=True))


def _routine_callback(rng: random.Random, hours: Hours, acknowledged: datetime, due: datetime) -> datetime:
    draw = rng.random()
    if draw < ROUTINE_FORGOTTEN:
        day = hours.next_day(hours.local(due).date(), rng.randint(2, 4))
        return hours.at(day, OPEN) + MINUTE * rng.randint(30, 420)
    if draw < ROUTINE_FORGOTTEN + ROUTINE_LATE:
        day = hours.next_day(hours.local(due).date())
        return hours.at(day, OPEN) + MINUTE * rng.randint(20, 240)
    called = min(acknowledged + MINUTE * rng.randint(10, 200), due - MINUTE * rng.randint(0, 15))
    return max(called, acknowledged + MINUTE * rng.randint(2, 5))


def as_of(events: tuple[MessageEvent, ...], now: datetime) -> tuple[MessageEvent, ...]:
    """The steps that have happened by `now` (the first, the message being taken, always has)."""
    return tuple(e for e in events if e.at <= now) or events[:1]
