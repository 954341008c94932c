"""The schedule grid without Qt: what each row and column of the schedule table is, and where each
appointment and block lands.

Rows are 15-minute steps of the practice's wall clock (9:00 is the same row on every day shown,
also across a DST change); columns are (day, provider) pairs, day-major. `build_grid` takes what
the service returned for the visible window and places it in one pass; the table model only reads
the result. Nothing here knows the laptop's time zone: every conversion names the practice's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vma_desk.core.calendar import Appointment, BlockOccurrence
from vma_desk.core.records import StaffMember

SLOT_MINUTES = 15
#: the rows shown when nobody in view works that day (a weekend, a holiday)
DEFAULT_HOURS = (8 * 60, 17 * 60)
_DAY_MINUTES = 24 * 60

#: `Column.closed` of a provider who does not work that day (the practice is open)
NOT_WORKING = "Not working"

Cell = tuple[int, int]  # (row, column)
Interval = tuple[datetime, datetime]


def local_to_utc(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of a practice wall-clock time (minutes after midnight) on `day`."""
    # aware + timedelta is wall-clock arithmetic in Python: 9:00 stays 9:00 on a DST day, and
    # minute 1440 is the next midnight
    return (datetime.combine(day, time(0), tzinfo=zone) + timedelta(minutes=minute)).astimezone(UTC)


def local_minute(moment: datetime, zone: ZoneInfo, day: date) -> int:
    """Minutes after the practice's midnight of `day`, clipped to that day (0 ... 1440)."""
    local = moment.astimezone(zone)
    if local.date() < day:
        return 0
    if local.date() > day:
        return _DAY_MINUTES
    return local.hour * 60 + local.minute


def day_window(days: Sequence[date], zone: ZoneInfo) -> Interval:
    """The UTC range from the practice's midnight before the first day to the one after the last."""
    return local_to_utc(days[0], 0, zone), local_to_utc(days[-1] + timedelta(days=1), 0, zone)


@dataclass(frozen=True)
class Column:
    day: date
    provider: StaffMember
    #: the provider's working hours that day, UTC; empty when not working or closed
    hours: tuple[Interval, ...] = ()
    #: why nobody can be booked that day ("Thanksgiving Day", "Not working"); "" when open
    closed: str = ""

    @property
    def closed_label(self) -> str:
        """The header's short word for a closed column."""
        if not self.closed:
            return ""
        return "Not working" if self.closed == NOT_WORKING else "Closed"


@dataclass(frozen=True)
class Visit:
    """The appointments at one head cell: usually one; several when they start in the same
    15-minute row (back-to-back short visits, or a conflict that was deliberately overridden)."""

    row: int
    column: int
    span: int
    appointments: tuple[Appointment, ...]

    @property
    def first(self) -> Appointment:
        return self.appointments[0]

    @property
    def overlapping(self) -> bool:
        """Do any two of the visits overlap in time (only an override books that)?"""
        ordered = sorted(self.appointments, key=lambda a: a.start)
        end = ordered[0].end
        for a in ordered[1:]:
            if a.start < end:
                return True
            end = max(end, a.end)
        return False


@dataclass
class ScheduleGrid:
    zone: ZoneInfo
    first_minute: int  # practice wall-clock minute of row 0
    rows: int
    columns: list[Column]
    visits: dict[Cell, Visit] = field(default_factory=dict)  # by head cell
    covered: dict[Cell, Cell] = field(default_factory=dict)  # spanned cell -> its head cell
    blocks: dict[Cell, BlockOccurrence] = field(default_factory=dict)
    block_heads: set[Cell] = field(default_factory=set)  # the first cell of a block in a column
    open_cells: set[Cell] = field(default_factory=set)  # inside the provider's working hours

    # geometry -----------------------------------------------------------------------------------
    def minute_of(self, row: int) -> int:
        return self.first_minute + row * SLOT_MINUTES

    def start_of(self, row: int, column: int) -> datetime:
        """The UTC start of one cell."""
        return local_to_utc(self.columns[column].day, self.minute_of(row), self.zone)

    def column_of(self, day: date, provider_id: int) -> int | None:
        for index, column in enumerate(self.columns):
            if column.day == day and column.provider.id == provider_id:
                return index
        return None

    def cell_of(self, moment: datetime, provider_id: int) -> Cell | None:
        """The cell a UTC instant falls in for one provider, or None when it is not in view."""
        local = moment.astimezone(self.zone)
        column = self.column_of(local.date(), provider_id)
        if column is None:
            return None
        row = (local.hour * 60 + local.minute - self.first_minute) // SLOT_MINUTES
        return (row, column) if 0 <= row < self.rows else None

    def visit_at(self, cell: Cell) -> Visit | None:
        return self.visits.get(self.covered.get(cell, cell))

    @property
    def appointment_count(self) -> int:
        return sum(len(v.appointments) for v in self.visits.values())


def _row_range(columns: Sequence[Column], appointments: Iterable[Appointment],
               zone: ZoneInfo) -> tuple[int, int]:
    """First and last wall-clock minute to show: every working hour and every visit in view."""
    spans = [(local_minute(s, zone, c.day), local_minute(e, zone, c.day))
             for c in columns for s, e in c.hours]
    days = {c.day for c in columns}
    for a in appointments:
        day = a.start.astimezone(zone).date()
        if day in days:
            spans.append((local_minute(a.start, zone, day), local_minute(a.end, zone, day)))
    if not spans:
        return DEFAULT_HOURS
    first = min(s for s, _ in spans) // SLOT_MINUTES * SLOT_MINUTES
    last = -(-max(e for _, e in spans) // SLOT_MINUTES) * SLOT_MINUTES
    return first, max(last, first + SLOT_MINUTES)


def _rows_between(grid: ScheduleGrid, start: int, end: int, *, whole: bool) -> range:
    """Rows inside wall-clock minutes [start, end): whole slots only, or every slot touched."""
    offset_start, offset_end = start - grid.first_minute, end - grid.first_minute
    if whole:
        first, last = -(-offset_start // SLOT_MINUTES), offset_end // SLOT_MINUTES
    else:
        first, last = offset_start // SLOT_MINUTES, -(-offset_end // SLOT_MINUTES)
    return range(max(first, 0), min(last, grid.rows))


def _place_column(grid: ScheduleGrid, column: int, found: list[Appointment]) -> None:
    """Give a column's visits their head cells and spans, without two spans sharing a row.

    Visits are not aligned to the 15-minute rows (a 20-minute visit at 10:00 is followed by one at
    10:20), so a visit runs from the row its start falls in to the row its end falls in, but
    stops where the next visit's row begins. Visits starting in the same row share one cell.
    """
    day, zone = grid.columns[column].day, grid.zone
    heads: list[tuple[range, list[Appointment]]] = []
    for a in sorted(found, key=lambda a: (a.start, a.id or 0)):
        start = local_minute(a.start, zone, day)
        rows = _rows_between(grid, start, max(local_minute(a.end, zone, day), start + 1), whole=False)
        if not rows:
            continue
        if heads and heads[-1][0][0] == rows[0]:
            previous, group = heads[-1]
            heads[-1] = (range(previous.start, max(previous.stop, rows.stop)), group + [a])
        else:
            heads.append((rows, [a]))
    for number, (rows, group) in enumerate(heads):
        stop = min(rows.stop, heads[number + 1][0].start) if number + 1 < len(heads) else rows.stop
        head = (rows.start, column)
        grid.visits[head] = Visit(rows.start, column, stop - rows.start, tuple(group))
        grid.covered.update(((row, column), head) for row in range(rows.start + 1, stop))


def build_grid(columns: Sequence[Column], appointments: Sequence[Appointment],
               blocks: Sequence[BlockOccurrence], zone: ZoneInfo) -> ScheduleGrid:
    """Place the window's appointments and blocks on the grid of `columns` (one pass each)."""
    first, last = _row_range(columns, appointments, zone)
    grid = ScheduleGrid(zone, first, (last - first) // SLOT_MINUTES, list(columns))
    by_key = {(c.day, c.provider.id): i for i, c in enumerate(columns)}
    by_day: dict[date, list[int]] = defaultdict(list)
    for index, column in enumerate(columns):
        by_day[column.day].append(index)
        for start, end in column.hours:
            rows = _rows_between(grid, local_minute(start, zone, column.day),
                                 local_minute(end, zone, column.day), whole=True)
            grid.open_cells.update((row, index) for row in rows)

    bounds = {day: day_window([day], zone) for day in by_day}
    for occurrence in blocks:
        for day, (day_start, day_end) in bounds.items():
            if not (occurrence.start < day_end and occurrence.end > day_start):
                continue
            targets = by_day.get(day, []) if occurrence.provider_id is None else [
                i for i in by_day.get(day, []) if columns[i].provider.id == occurrence.provider_id]
            rows = _rows_between(grid, local_minute(occurrence.start, zone, day),
                                 local_minute(occurrence.end, zone, day), whole=False)
            for index in targets:
                for row in rows:
                    grid.blocks.setdefault((row, index), occurrence)
                if rows:
                    grid.block_heads.add((rows[0], index))

    per_column: dict[int, list[Appointment]] = defaultdict(list)
    for a in appointments:
        at = by_key.get((a.start.astimezone(zone).date(), a.provider_id))
        if at is not None:
            per_column[at].append(a)
    for index, found in per_column.items():
        _place_column(grid, index, found)
    return grid


def week_days(anchor: date, business_days: Iterable[int]) -> list[date]:
    """The practice's business days (0 = Monday) of the week holding `anchor`, Mon-Fri if none."""
    monday = anchor - timedelta(days=anchor.weekday())
    chosen = sorted(set(business_days)) or list(range(5))
    return [monday + timedelta(days=d) for d in chosen]


def step_day(anchor: date, step: int, business_days: Iterable[int]) -> date:
    """The next (step=1) or previous (-1) business day; any day when none are set."""
    allowed = set(business_days) or set(range(7))
    day = anchor + timedelta(days=step)
    while day.weekday() not in allowed:
        day += timedelta(days=step)
    return day
