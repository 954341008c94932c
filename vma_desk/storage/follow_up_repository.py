"""Post-visit follow-up calls' rows. A call that is due is not stored: it is read from the arrived
visits whose type asks for one or that are marked "call after" (`candidates`); a `follow_up_call`
row is written when its answers are recorded. SQL only: the due rule lives in `core/follow_up.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vma_desk.core.calendar import Appointment
from vma_desk.core.follow_up import FollowUpAnswers, FollowUpCall
from vma_desk.storage.calendar_repository import APPOINTMENT_COLUMNS, appointment_from_row, from_ts, to_ts
from vma_desk.storage.database import Db

_VISIT = ", ".join(f"a.{c.strip()}" for c in APPOINTMENT_COLUMNS.split(","))
#: the visit's columns (as `appointment_from_row` reads them), then the call's
_CALL_COLUMNS = ("f.due_ts, f.done_ts, f.done_by, f.understood, f.follow_up_booked, f.prescription_picked_up,"
                 " f.has_question, f.question, f.message_id")
_WIDTH = 1 + len(APPOINTMENT_COLUMNS.split(","))


def _opt_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _opt_int(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _call(visit: Appointment, row: tuple[Any, ...]) -> FollowUpCall:
    return FollowUpCall(appointment=visit, due_at=from_ts(row[0]), done_at=from_ts(row[1]), done_by=row[2],
                        answers=FollowUpAnswers(_opt_bool(row[3]), _opt_bool(row[4]), _opt_bool(row[5]),
                                                _opt_bool(row[6]), row[7]),
                        message_id=row[8])


class FollowUpRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def candidates(self, start: datetime, end: datetime) -> list[Appointment]:
        """Arrived visits starting in [start, end) whose type asks for a follow-up call or that are
        marked "call after", and whose call is not done yet, oldest first (one read)."""
        return [appointment_from_row(r) for r in self.conn.execute(
            f"SELECT a.id, {_VISIT} FROM appointment a JOIN appointment_type t ON t.code = a.type_code"
            " LEFT JOIN follow_up_call f ON f.appointment_id = a.id"
            " WHERE a.start_ts >= ? AND a.start_ts < ? AND a.status = 'arrived'"
            " AND (t.follow_up_days IS NOT NULL OR a.call_after = 1) AND f.done_ts IS NULL"
            " ORDER BY a.start_ts, a.id", (to_ts(start), to_ts(end)))]

    def get(self, appointment_id: int) -> FollowUpCall | None:
        row = self.conn.execute(
            f"SELECT a.id, {_VISIT}, {_CALL_COLUMNS} FROM follow_up_call f"
            " JOIN appointment a ON a.id = f.appointment_id WHERE f.appointment_id = ?",
            (appointment_id,)).fetchone()
        return _call(appointment_from_row(row), row[_WIDTH:]) if row else None

    def done_between(self, start: datetime, end: datetime) -> list[FollowUpCall]:
        """The calls whose answers were recorded in [start, end), in that order."""
        return [_call(appointment_from_row(r), r[_WIDTH:]) for r in self.conn.execute(
            f"SELECT a.id, {_VISIT}, {_CALL_COLUMNS} FROM follow_up_call f"
            " JOIN appointment a ON a.id = f.appointment_id"
            " WHERE f.done_ts >= ? AND f.done_ts < ? ORDER BY f.done_ts, f.appointment_id",
            (to_ts(start), to_ts(end)))]

    def save(self, call: FollowUpCall) -> None:
        """The call's answers, written once they are recorded (or replaced)."""
        a = call.answers
        self.conn.execute(
            "INSERT INTO follow_up_call(appointment_id, due_ts, done_ts, done_by, understood,"
            " follow_up_booked, prescription_picked_up, has_question, question, message_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(appointment_id) DO UPDATE SET due_ts = excluded.due_ts, done_ts = excluded.done_ts,"
            " done_by = excluded.done_by, understood = excluded.understood,"
            " follow_up_booked = excluded.follow_up_booked,"
            " prescription_picked_up = excluded.prescription_picked_up, has_question = excluded.has_question,"
            " question = excluded.question, message_id = excluded.message_id",
            (call.appointment_id, to_ts(call.due_at), None if call.done_at is None else to_ts(call.done_at),
             call.done_by, _opt_int(a.understood), _opt_int(a.follow_up_booked),
             _opt_int(a.prescription_picked_up), _opt_int(a.has_question), a.question, call.message_id))
