"""The append-only audit trail: when, which signed-in user on which workstation, which record,
which action.

Only identifiers and field names go in; patient values never do.
"""

from __future__ import annotations

import getpass
import socket
from datetime import datetime
from typing import Any

from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.storage import audit_chain
from vma_desk.storage.database import Db


def workstation_user() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


class AuditRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    def append(self, entry: AuditEntry) -> None:
        """Inside the change's transaction: the entry and its MAC, chained to the newest entry."""
        audit_chain.append(self.conn, entry)

    def page(self, offset: int, limit: int) -> list[AuditEntry]:
        return [
            _entry(r) for r in self.conn.execute(
                f"SELECT {_COLUMNS} FROM audit ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))
        ]

    def older_than(self, before_id: int | None, limit: int) -> list[AuditEntry]:
        """Newest first, the `limit` entries before `before_id` (the newest ones for None): keyset
        paging on the primary key, so a page costs the same however deep in the trail it is and
        entries written meanwhile shift nothing."""
        if before_id is None:
            return self.page(0, limit)
        return [
            _entry(r) for r in self.conn.execute(
                f"SELECT {_COLUMNS} FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?", (before_id, limit))
        ]

    def since(self, after_id: int, *, user_id: int | None = None) -> list[AuditEntry]:
        """Entries newer than `after_id`, oldest first (all users', or one user's)."""
        if user_id is None:
            rows = self.conn.execute(f"SELECT {_COLUMNS} FROM audit WHERE id > ? ORDER BY id",
                                     (after_id,))
        else:
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM audit WHERE id > ? AND user_id = ? ORDER BY id",
                (after_id, user_id))
        return [_entry(r) for r in rows]

    def between(self, start: str, end: str, *, user_id: int | None = None) -> list[AuditEntry]:
        """Entries with `start <= at < end` (ISO UTC texts), oldest first."""
        where = "at >= ? AND at < ?"
        params: list[str | int] = [start, end]
        if user_id is not None:
            where += " AND user_id = ?"
            params.append(user_id)
        return [_entry(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM audit WHERE {where} ORDER BY id", params)]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM audit").fetchone()[0])


_COLUMNS = "id, at, user, action, record_type, record_id, detail, workstation, user_id"


def _entry(r: tuple[Any, ...]) -> AuditEntry:
    return AuditEntry(id=r[0], at=datetime.fromisoformat(r[1]), user=r[2], action=AuditAction(r[3]),
                      record_type=r[4], record_id=r[5], detail=r[6], workstation=r[7], user_id=r[8])
