"""How VMA Desk writes dates, times, durations, counts and ages: said once here, used by the tabs,
the PDFs and the command line alike (pure, no Qt, no I/O).

The house style is the US front office's: "9:05 AM" (no leading zero), "03/02/2026",
"Tue 03/03" for a day of this year and "Fri 12/05/2025" for one of another year (a list never
leaves the year in doubt), "Monday, March 2, 2026" for a heading. Times are always converted with
the practice's zone, never the laptop's.

Durations are the screen's compact wording, on paper too: "12 min", "3 h 05 min", "2 d 4 h". They
are rounded to the nearest minute (half a minute up), as the printed sheets always did: a 95-second
call is "2 min", and a median of many spans is not biased down by a minute. From a day on, the
minutes are not written ("2 d 4 h" for 2 d 4 h 59 min): the hours are whole hours of the span.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

#: what an empty value reads as, on screen and on paper
NONE = "—"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


# --- times of day ---------------------------------------------------------------------------------

def clock(moment: datetime | time) -> str:
    """'9:00 AM', '12:30 PM' (no leading zero, whatever the platform's strftime does)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def short_clock(moment: datetime | time) -> str:
    """'9:00', '12:30': where AM/PM is plain from the position (a calendar grid's rows)."""
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}"


def clock_text(moment: datetime, zone: ZoneInfo) -> str:
    """'9:05 AM' in the practice's zone."""
    return clock(moment.astimezone(zone))


def zone_label(zone: ZoneInfo, moment: datetime) -> str:
    """'America/Chicago (CST)': the zone times are shown in, with its abbreviation then."""
    return f"{zone.key} ({moment.astimezone(zone).tzname()})"


def near_day_clock(moment: datetime, zone: ZoneInfo, today: date) -> str:
    """'Today 5:00 PM', 'Tomorrow 5:00 PM', 'Yesterday 5:00 PM', else 'Tue 03/03 5:00 PM' (with
    its year when not this year), practice time: a time whose day must never be in doubt."""
    local = moment.astimezone(zone)
    day = _NEAR_DAYS.get((local.date() - today).days) or short_date(local.date(), today)
    return f"{day} {clock(local)}"


_NEAR_DAYS = {0: "Today", 1: "Tomorrow", -1: "Yesterday"}


# --- days -----------------------------------------------------------------------------------------

def date_text(day: date | None) -> str:
    """'03/02/2026'; '—' for no day."""
    return NONE if day is None else f"{day.month:02d}/{day.day:02d}/{day.year}"


def month_day(day: date) -> str:
    """'03/02'."""
    return f"{day.month:02d}/{day.day:02d}"


def short_day(day: date) -> str:
    """'Tue 03/03' (no year: for a week the reader already sees)."""
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {month_day(day)}"


def short_date(day: date, today: date | None) -> str:
    """'Tue 03/03' this year, 'Fri 12/05/2025' any other year (or when `today` is not known): the
    day a list shows, never ambiguous about its year."""
    if today is not None and day.year == today.year:
        return short_day(day)
    return f"{short_day(day)}/{day.year}"


def weekday_date(day: date) -> str:
    """'Mon 03/02/2026': a day that stands alone (a printed sheet, a specialist visit)."""
    return f"{short_day(day)}/{day.year}"


def long_day(day: date) -> str:
    """'Monday, March 2, 2026'."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def when_text(moment: datetime, zone: ZoneInfo) -> str:
    """'Mon 03/02/2026 9:05 AM' in the practice's zone."""
    local = moment.astimezone(zone)
    return f"{weekday_date(local.date())} {clock(local)}"


def when_in_year(moment: datetime, zone: ZoneInfo, today: date | None = None) -> str:
    """'9:05 AM' on `today`, 'Tue 03/03 9:05 AM' on any other day of its year, 'Fri 12/05/2025
    9:05 AM' in another year (practice time)."""
    local = moment.astimezone(zone)
    if today is not None and local.date() == today:
        return clock(local)
    return f"{short_date(local.date(), today)} {clock(local)}"


def step_text(moment: datetime, since: datetime, zone: ZoneInfo) -> str:
    """A step's time, as short as it stays clear beside `since` (the time its entry is listed
    at): '9:35 AM' the same day, '03/04 9:35 AM' the same year, else the full date."""
    local, first = moment.astimezone(zone), since.astimezone(zone)
    if local.date() == first.date():
        return clock(local)
    day = month_day(local) if local.year == first.year else date_text(local)
    return f"{day} {clock(local)}"


# --- durations and counts -------------------------------------------------------------------------

def duration_text(span: timedelta | None, *, nearest: bool = False) -> str:
    """'0 min', '59 min', '1 h 00 min', '23 h 59 min', '1 d 0 h', '2 d 4 h'; '—' for none.
    Whole minutes gone by, as a clock counts them: an age, a time left, a median on paper (59 min
    50 s is '59 min', so a time left is never overstated); `nearest` rounds half a minute up instead,
    for a measured length (a call of 95 s is '2 min'). From a day on, the leftover minutes are
    dropped."""
    if span is None:
        return NONE
    seconds = span.total_seconds() + (30 if nearest else 0)
    minutes = max(int(seconds // 60), 0)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def waited(span: timedelta) -> str:
    """How long something has waited: 'just now' under a minute, else `duration_text`."""
    return "just now" if span < timedelta(minutes=1) else duration_text(span)


def call_length(seconds: int) -> str:
    """A call's length as its timer shows it: '0:42', '12:05', '1:02:03'."""
    minutes, secs = divmod(max(int(seconds), 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def days_count(count: int) -> str:
    """'today', '1 day', '12 days': how long something has stood still."""
    if count <= 0:
        return "today"
    return "1 day" if count == 1 else f"{count} days"


def days_ago(count: int) -> str:
    """'today', '1 day ago', '3 days ago'."""
    return "today" if count <= 0 else f"{days_count(count)} ago"


def days_text(days: float | None) -> str:
    """A median or mean in days: '2.5 days'; '—' for none."""
    return NONE if days is None else f"{days:.1f} days"


def percent_text(share: float | None) -> str:
    return NONE if share is None else f"{100 * share:.1f}%"


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 call', '1,204 calls', '2 replies' (with `many`)."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


# --- ages -----------------------------------------------------------------------------------------

def age_on(born: date, day: date) -> int:
    """Whole years from `born` to `day`. A 29 February birthday comes on 1 March in other years."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_text(years: int | None) -> str:
    """A patient's age in a list: '66', '<1' for a baby, '—' when not known."""
    if years is None:
        return NONE
    return "<1" if years < 1 else str(years)


# --- free text ------------------------------------------------------------------------------------

def clip(text: str, limit: int) -> str:
    """Free text (a note, a reason) on one line, cut to `limit` characters with '…' when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
