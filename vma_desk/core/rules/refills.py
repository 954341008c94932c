"""The refill clock: a routine request received by noon is due the same business day, one received
at noon or later (or on a closed day) the next business day, at the practice's closing time, in
the practice's time zone. A request "near due" has less than `NEAR` left."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from vma_desk.core.records import Practice
from vma_desk.core.rules.business_days import business_day_deadline

NOON = time(12, 0)
CLOSE = time(17, 0)
NEAR = timedelta(hours=2)


class DueState(StrEnum):
    ON_TIME = "on_time"
    NEAR_DUE = "near_due"
    PAST_DUE = "past_due"


def refill_due(received: datetime, practice: Practice, zone: ZoneInfo, *, cutoff: time = NOON,
               close: time = CLOSE) -> datetime:
    return business_day_deadline(received, practice, zone, cutoff=cutoff, close=close)


def due_state(due: datetime, now: datetime, near: timedelta = NEAR) -> DueState:
    if now > due:
        return DueState.PAST_DUE
    return DueState.NEAR_DUE if due - now <= near else DueState.ON_TIME
