"""How calls and messages are written on screen: durations, ages, times of day, links.

Times are in the practice's zone (the calendar's `text.clock` style: "9:05 AM").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from vma_desk.ui.calendar.text import clock, short_date

#: what a link's kind is called in the call log
LINK_LABELS = {"message": "Message", "appointment": "Appointment", "refill": "Refill", "referral": "Referral"}


def duration(seconds: int) -> str:
    """'0:42', '12:05', '1:02:03'."""
    minutes, secs = divmod(max(int(seconds), 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def age(delta: timedelta) -> str:
    """'just now', '12 min', '3 h 05 min', '2 d 4 h': how long a message has waited."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def time_of_day(moment: datetime, zone: ZoneInfo) -> str:
    return clock(moment.astimezone(zone))


def when(moment: datetime, zone: ZoneInfo, today: date | None = None) -> str:
    """'9:05 AM' on `today`, 'Tue 03/03 9:05 AM' on any other day of its year, 'Fri 12/05/2025 9:05 AM'
    in another year (practice time)."""
    local = moment.astimezone(zone)
    if today is not None and local.date() == today:
        return clock(local)
    return f"{short_date(local.date(), today)} {clock(local)}"


def links(found: list[tuple[str, int]]) -> str:
    """'Message, Appointment' for what became of a call."""
    return ", ".join(LINK_LABELS.get(kind, kind.capitalize()) for kind, _id in found)
