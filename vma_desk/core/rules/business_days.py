"""Business days and business-day deadlines, in the practice's time zone.

Every "same business day / next business day" rule (routine message callbacks, the refill noon
rule) is one deadline: something received before the day's cut-off on a business day is due at
that day's closing time; otherwise at the closing time of the next business day. Weekends and the
practice's holidays are skipped; the laptop's own time zone never enters.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.records import Practice
from vma_desk.core.rules.scheduling import local_to_utc


def next_business_day(practice: Practice, day: date) -> date:
    candidate = day + timedelta(days=1)
    for _ in range(366):
        if practice.is_business_day(candidate):
            return candidate
        candidate += timedelta(days=1)
    raise ValueError("the practice has no business day in a year")


def business_day_deadline(received: datetime, practice: Practice, zone: ZoneInfo, *,
                          cutoff: time, close: time) -> datetime:
    """When something received at `received` (UTC) is due, in UTC."""
    local = received.astimezone(zone)
    day = local.date()
    if not practice.is_business_day(day) or local.time() >= cutoff:
        day = next_business_day(practice, day)
    return local_to_utc(datetime.combine(day, close), zone)
