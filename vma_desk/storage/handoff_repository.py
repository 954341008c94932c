"""Shift handoffs (rows of `handoff` <-> `Handoff` records) and the one audit question a handoff
asks: when the user's shift began. SQL only: the rules live in `core/handoff.py` and
`services/handoff.py`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from vma_desk.core.handoff import Handoff
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id

_SELECT = ("SELECT h.id, h.from_user_id, h.to_user_id, h.shift_start_ts, h.created_ts, h.note, "
           "COALESCE(f.name, ''), COALESCE(t.name, '') FROM handoff h "
           "LEFT JOIN app_user f ON f.id = h.from_user_id LEFT JOIN app_user t ON t.id = h.to_user_id")


def _handoff(row: tuple[Any, ...]) -> Handoff:
    return Handoff(id=row[0], from_user_id=row[1], to_user_id=row[2], shift_start=from_ts(row[3]),
                   created_at=from_ts(row[4]), note=row[5], from_name=row[6], to_name=row[7])


class HandoffRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def insert(self, handoff: Handoff) -> int:
        cursor = self.conn.execute(
            "INSERT INTO handoff(from_user_id, to_user_id, shift_start_ts, created_ts, note)"
            " VALUES (?, ?, ?, ?, ?)",
            (handoff.from_user_id, handoff.to_user_id, to_ts(handoff.shift_start),
             to_ts(handoff.created_at), handoff.note))
        return inserted_id(cursor)

    def get(self, handoff_id: int) -> Handoff | None:
        row = self.conn.execute(f"{_SELECT} WHERE h.id = ?", (handoff_id,)).fetchone()
        return _handoff(row) if row else None

    def left_for(self, user_id: int, since: datetime) -> list[Handoff]:
        """Notes left since `since` for `user_id` or for whoever comes next, by others, with text;
        newest first."""
        return [_handoff(r) for r in self.conn.execute(
            f"{_SELECT} WHERE h.created_ts >= ? AND h.from_user_id != ? AND h.note != ''"
            " AND (h.to_user_id IS NULL OR h.to_user_id = ?) ORDER BY h.created_ts DESC, h.id DESC",
            (to_ts(since), user_id, user_id))]

    def by_user(self, user_id: int) -> list[Handoff]:
        """The handoffs a user left, newest first."""
        return [_handoff(r) for r in self.conn.execute(
            f"{_SELECT} WHERE h.from_user_id = ? ORDER BY h.created_ts DESC, h.id DESC", (user_id,))]

    def last_sign_in_at(self, user_id: int) -> datetime | None:
        """When the user last signed in (not when they last unlocked): the start of their shift, from
        the audit trail (ISO UTC text)."""
        row = self.conn.execute(
            "SELECT max(at) FROM audit WHERE record_type = 'user' AND record_id = ? AND action = 'sign_in'",
            (str(user_id),)).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None
