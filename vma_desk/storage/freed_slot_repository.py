"""Freed slots' rows (`freed_slot` <-> `FreedSlot`), and the calendar's one hook into them.

`follow` is called by every calendar change inside its transaction: the rules of what a change
frees and takes live in `core/freed_slots.py`; this module only reads and writes the rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vma_desk.core.calendar import Appointment
from vma_desk.core.freed_slots import FreedSlot, FreedWhy, freed_by, takes_time
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id

_SELECT = ("SELECT id, appointment_id, provider_id, type_code, start_ts, minutes, freed_ts, why,"
           " filled_appointment_id, filled_ts FROM freed_slot")
#: a freed slot overlapping a visit of the same provider ([start, end) of each)
_OVERLAPS = "provider_id = ? AND start_ts < ? AND start_ts + minutes * 60 > ?"


def _slot(row: tuple[Any, ...]) -> FreedSlot:
    return FreedSlot(id=row[0], appointment_id=row[1], provider_id=row[2], type_code=row[3],
                     start=from_ts(row[4]), minutes=row[5], freed_at=from_ts(row[6]), why=FreedWhy(row[7]),
                     filled_appointment_id=row[8], filled_at=from_ts(row[9]))


class FreedSlotRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- the calendar's hook --------------------------------------------------------------------
    def follow(self, before: Appointment | None, after: Appointment, now: datetime, *,
               undo: bool = False) -> None:
        """Record what one schedule change (`before` -> `after`; `before` None for a booking) did to
        the freed slots, inside the change's transaction: the slot it frees (cancelled, moved,
        no-show), and the freed slot its new time fills (the earliest unfilled one of the provider
        that the visit overlaps). A change taken back (`undo`, or a cancellation or no-show
        reverted) takes back the slots the visit itself freed there instead of counting them."""
        freed = None if undo else freed_by(before, after, now)
        if freed is not None:
            self.insert(freed)
        if not takes_time(before, after) or after.id is None:
            return
        where = (after.provider_id, to_ts(after.end), to_ts(after.start))
        if undo or (before is not None and not before.status.holds_slot):
            self.conn.execute("DELETE FROM freed_slot WHERE appointment_id = ?"
                              f" AND filled_appointment_id IS NULL AND {_OVERLAPS}", (after.id, *where))
        row = self.conn.execute(
            f"SELECT id FROM freed_slot WHERE filled_appointment_id IS NULL AND {_OVERLAPS}"
            " AND (appointment_id IS NULL OR appointment_id != ?) ORDER BY start_ts, id LIMIT 1",
            (*where, after.id)).fetchone()
        if row is not None:
            self.conn.execute("UPDATE freed_slot SET filled_appointment_id = ?, filled_ts = ? WHERE id = ?",
                              (after.id, to_ts(now), row[0]))

    # --- rows -----------------------------------------------------------------------------------
    def insert(self, slot: FreedSlot) -> int:
        cursor = self.conn.execute(
            "INSERT INTO freed_slot(appointment_id, provider_id, type_code, start_ts, minutes, freed_ts, why,"
            " filled_appointment_id, filled_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (slot.appointment_id, slot.provider_id, slot.type_code, to_ts(slot.start), slot.minutes,
             to_ts(slot.freed_at), slot.why.value, slot.filled_appointment_id,
             None if slot.filled_at is None else to_ts(slot.filled_at)))
        return inserted_id(cursor)

    def get(self, slot_id: int) -> FreedSlot | None:
        row = self.conn.execute(f"{_SELECT} WHERE id = ?", (slot_id,)).fetchone()
        return _slot(row) if row else None

    def freed_between(self, start: datetime, end: datetime) -> list[FreedSlot]:
        """The slots freed in [start, end), in the order they were freed."""
        return [_slot(r) for r in self.conn.execute(
            f"{_SELECT} WHERE freed_ts >= ? AND freed_ts < ? ORDER BY freed_ts, id",
            (to_ts(start), to_ts(end)))]

    def open_after(self, now: datetime) -> list[FreedSlot]:
        """The unfilled slots not over yet at `now`, soonest first."""
        return [_slot(r) for r in self.conn.execute(
            f"{_SELECT} WHERE filled_appointment_id IS NULL AND start_ts + minutes * 60 > ?"
            " ORDER BY start_ts, id", (to_ts(now),))]
