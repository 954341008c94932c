"""The append-only audit trail: when, which workstation user, which record, which action.

Only identifiers and field names go in; patient values never do.
"""

from __future__ import annotations

import getpass
import socket
from datetime import datetime

from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.storage.database import Connection


def workstation_user() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


class AuditRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def append(self, entry: AuditEntry) -> None:
        self.conn.execute(
            "INSERT INTO audit(at, user, action, record_type, record_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entry.at.isoformat(timespec="seconds"), entry.user, entry.action.value,
             entry.record_type, entry.record_id, entry.detail),
        )

    def page(self, offset: int, limit: int) -> list[AuditEntry]:
        return [
            AuditEntry(id=r[0], at=datetime.fromisoformat(r[1]), user=r[2],
                       action=AuditAction(r[3]), record_type=r[4], record_id=r[5], detail=r[6])
            for r in self.conn.execute(
                "SELECT id, at, user, action, record_type, record_id, detail FROM audit"
                " ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))
        ]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM audit").fetchone()[0])
