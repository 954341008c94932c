"""Demo calls, voicemails and messages: `years` of a VMA's phone line, up to the demo's "now".

Every business day takes 40-80 calls (more on Mondays, after a closure and in the winter, fewer on
Fridays and in the summer): about three in four inbound, one in seven outbound, the rest voicemails.
At weekends and on holidays only voicemails come in, worked on the next business morning. About 40%
of the calls leave a message, with the link to the call kept both ways, and each morning the
answering service passes on a few more; a message's whole life is planned when it is taken
(`demo.message_life`). About once every three weeks a caller says something on the red-flag list:
the call is escalated and its message is an emergency, both with the action the VMA took. What the
calls and messages say comes from `demo.call_scripts`, who calls from `demo.callers`, and one day's
line from `demo.phone_line`.

Everything draws from one stream seeded by (seed, "communications") and is laid out from the anchor,
up to the end of the anchor day; what would happen after the clock's "now" (the anchor day's later
hours, when the demo is made that day) is left out, and a message keeps only the steps that have
happened by then. So the same seed and anchor give the same history, and the clock only decides how
much of it has happened yet. Records go in with one statement per table per batch of days, and into
the search index exactly as the service indexes them (`call_index_text`, `message_index_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.communications import Call, Message
from vma_desk.core.records import Practice
from vma_desk.core.rules.scheduling import local_to_utc
from vma_desk.demo.message_life import Hours, as_of
from vma_desk.demo.panel import Rostered
from vma_desk.demo.phone_line import Draft, Line
from vma_desk.demo.randomness import stream
from vma_desk.services.base import ServiceContext
from vma_desk.services.communications import (
    CommunicationsService,
    call_index_text,
    message_index_text,
)
from vma_desk.storage.communications_repository import CommunicationsRepository
from vma_desk.storage.repositories import StaffRepository

#: days generated per transaction (and per progress report)
BATCH_DAYS = 90
#: calls on a business day by weekday (Monday first), before the season and the day's own ups and downs
VOLUME = (65, 59, 56, 55, 50)
#: more calls on the first day after a closure, in winter, fewer in summer
AFTER_CLOSURE = 8
SEASON = {12: 4, 1: 5, 2: 4, 7: -3, 8: -3}
MIN_CALLS, MAX_CALLS = 40, 80
#: of a business day's calls: outbound, voicemails (low, high)
OUTBOUND, VOICEMAIL = (0.11, 0.17), (0.07, 0.13)
WEEKEND_VOICEMAILS = (2, 7)
#: the chance that a business day has a red-flag call
RED_FLAG_DAY = 0.06
ANSWERING_SERVICE = (0, 3)
#: when voicemails are left on a business day: (local hour, weight), before, during and after hours
VOICEMAIL_HOURS = ((6, 6), (7, 12), (8, 3), (10, 3), (12, 9), (13, 3), (15, 3), (17, 9), (18, 9),
                   (19, 6), (20, 4), (21, 2))
CLOSED_DAY_HOURS = tuple((h, 1.0) for h in range(7, 22))


def units(history_days: int) -> int:
    """Progress units of `write`: one per generated day."""
    return history_days + 1


@dataclass(frozen=True)
class Written:
    calls: int
    messages: int
    #: the voicemail box's checks, in order: every voicemail was heard at the first one after it was left
    checks: tuple[datetime, ...] = ()


def write(ctx: ServiceContext, *, seed: int, anchor: date, history_days: int, practice: Practice,
          roster: Sequence[Rostered], progress: Callable[[int], None]) -> Written:
    """Generate and write the calls and messages of a freshly generated demo practice."""
    rng = stream(seed, "communications")
    zone = ZoneInfo(practice.time_zone)
    first = anchor - timedelta(days=history_days)
    around = (first + timedelta(days=i) for i in range(-7, history_days + 60))
    hours = Hours([d for d in around if practice.is_business_day(d)], zone)
    now = min(ctx.clock.now(), local_to_utc(datetime.combine(anchor + timedelta(days=1), time(0)), zone))
    line = Line(rng, CommunicationsService(ctx), practice, hours, StaffRepository(ctx.conn).all(),
                roster, anchor)
    line.plan_checks(first, anchor)
    names = {r.id: f"{r.patient.first_name} {r.patient.last_name}" for r in roster}
    repo = CommunicationsRepository(ctx.conn)
    ids = _Ids()
    day, done = first, 0
    while day <= anchor:
        calls: list[tuple[Call, str]] = []
        messages: list[tuple[Message, str]] = []
        for _ in range(BATCH_DAYS):
            if day > anchor:
                break
            drafts, extra = _day(line, day)
            for draft in drafts:
                if draft.logged <= now:
                    call, message = ids.number(draft, now)
                    calls.append((call, call_index_text(call, names.get(call.patient_id or 0, ""))))
                    if message is not None:
                        messages.append((message, _text(message, names)))
            settled = (ids.settle(m, now) for m in extra if m.created_at <= now)
            messages += [(m, _text(m, names)) for m in settled]
            day += timedelta(days=1)
            done += 1
        with ctx.transaction():
            repo.insert_calls(calls)
            repo.insert_messages(messages)
        progress(done)
    return Written(ids.calls, ids.messages, tuple(line.checks))


def _text(message: Message, names: dict[int, str]) -> str:
    return message_index_text(message, names.get(message.patient_id or 0, ""))


class _Ids:
    """Numbers the calls and messages that have happened by `now`, in the order they are written."""

    def __init__(self) -> None:
        self.calls = self.messages = 0

    def number(self, draft: Draft, now: datetime) -> tuple[Call, Message | None]:
        self.calls += 1
        call = replace(draft.call, id=self.calls)
        message = draft.message
        if message is None or message.created_at > now:
            return call, None
        return call, self.settle(replace(message, call_id=call.id), now)

    def settle(self, message: Message, now: datetime) -> Message:
        """The message as it stands at `now`: the steps taken so far, and its state after them."""
        self.messages += 1
        events = as_of(message.events, now)
        return replace(message, id=self.messages, events=events, state=events[-1].state)


def _day(line: Line, day: date) -> tuple[list[Draft], list[Message]]:
    """One day's calls in time order, and the messages the answering service passed on."""
    rng = line.rng
    if day not in line.hours.days:
        left = [line.local_time(day, CLOSED_DAY_HOURS) for _ in range(rng.randint(*WEEKEND_VOICEMAILS))]
        return sorted((line.voicemail(at) for at in left), key=lambda d: d.call.started_at), []
    total = _volume(line, day)
    voicemails = round(total * rng.uniform(*VOICEMAIL))
    outbound = round(total * rng.uniform(*OUTBOUND))
    inbound = total - voicemails - outbound
    red_flag = rng.random() < RED_FLAG_DAY
    drafts = [line.inbound(day, red_flag=red_flag and i == 0) for i in range(inbound)]
    drafts += [line.outbound(day) for _ in range(outbound)]
    drafts += [line.voicemail(line.local_time(day, VOICEMAIL_HOURS)) for _ in range(voicemails)]
    extra = [line.answering_service(day) for _ in range(rng.randint(*ANSWERING_SERVICE))]
    return sorted(drafts, key=lambda d: d.call.started_at), extra


def _volume(line: Line, day: date) -> int:
    base = VOLUME[min(day.weekday(), len(VOLUME) - 1)] + SEASON.get(day.month, 0)
    before = day - timedelta(days=1)
    while before.weekday() >= 5:  # a Monday after a Friday closure is busy too
        before -= timedelta(days=1)
    if before not in line.hours.days:
        base += AFTER_CLOSURE
    return max(MIN_CALLS, min(MAX_CALLS, round(line.rng.gauss(base, 6))))
