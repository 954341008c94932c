"""When a message's callback is due, and whether it is overdue.

Emergency: at once (configurable minutes, default 0). Urgent: within an hour (configurable).
Routine: by the end of the business day it came in on, in the practice's time zone; after closing
time or on a closed day, by the end of the next business day. A caller's "best time to call back"
later than that moves the due time to it (never for an emergency).

Wherever messages are listed (the Messages tab, Today's due rows, the shift handoff) they follow
one order, `listing_key`: emergencies first, then urgent, then routine; within each, the callback
due soonest first (a message whose callback is done has none: after those still waiting), then
the one taken first. An emergency taken a minute ago is above a routine callback late for a week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.communications import Message, Urgency
from vma_desk.core.records import Practice
from vma_desk.core.rules.business_days import business_day_deadline


@dataclass(frozen=True)
class CallbackPolicy:
    emergency_minutes: int = 0
    urgent_minutes: int = 60
    close_time: time = time(17, 0)


def callback_due(message: Message, practice: Practice, zone: ZoneInfo,
                 policy: CallbackPolicy = CallbackPolicy()) -> datetime:
    created = message.created_at
    if message.urgency is Urgency.EMERGENCY:
        return created + timedelta(minutes=policy.emergency_minutes)
    if message.urgency is Urgency.URGENT:
        due = created + timedelta(minutes=policy.urgent_minutes)
    else:
        due = business_day_deadline(created, practice, zone, cutoff=policy.close_time,
                                    close=policy.close_time)
    if message.callback_at is not None and message.callback_at > due:
        due = message.callback_at
    return due


def is_overdue(message: Message, now: datetime, practice: Practice, zone: ZoneInfo,
               policy: CallbackPolicy = CallbackPolicy()) -> bool:
    return message.awaiting_callback and now > callback_due(message, practice, zone, policy)


def listing_key(message: Message, due: datetime) -> tuple[int, bool, float, float, int]:
    """The order messages are listed in: urgency (emergency first), then callback due (none, once
    the callback is done, last), then the time taken. `due` is the message's `callback_due`."""
    waiting = message.awaiting_callback
    return (-message.urgency.rank, not waiting, due.timestamp() if waiting else 0.0,
            message.created_at.timestamp(), message.id or 0)


def listing_order(rows: Iterable[tuple[Message, datetime]]) -> list[tuple[Message, datetime]]:
    """(message, callback due) pairs in `listing_key` order."""
    return sorted(rows, key=lambda row: listing_key(*row))
