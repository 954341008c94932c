"""Reading the audit trail (it is written by each service inside its own transaction), verifying
its MAC chain, and exporting it as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from vma_desk.core.errors import ValidationError
from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.services.base import ServiceContext
from vma_desk.services.exports import deliver
from vma_desk.storage import audit_chain
from vma_desk.storage.audit import AuditRepository

#: the CSV export's columns (times in UTC, ISO 8601)
CSV_COLUMNS = ("id", "at (UTC)", "user", "workstation", "action", "record type", "record id", "detail",
               "mac")


class AuditService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = AuditRepository(context.conn)

    def page(self, offset: int = 0, limit: int = 200) -> list[AuditEntry]:
        return self.repo.page(offset, limit)

    def older_than(self, before_id: int | None, limit: int = 200) -> list[AuditEntry]:
        """The page after the entry `before_id` (newest first; None: the first page)."""
        return self.repo.older_than(before_id, limit)

    def count(self) -> int:
        return self.repo.count()

    def record(self, action: AuditAction, record_type: str, record_id: object,
               detail: str = "", *, anonymous: bool = False) -> None:
        """For events that change no record of their own: an export, an unlock by recovery key.
        `anonymous`: done before anyone signed in (the workstation only, no user)."""
        with self.ctx.transaction():
            self.ctx.audit(action, record_type, record_id, detail, anonymous=anonymous)

    def verify(self) -> audit_chain.ChainReport:
        """The MAC chain walked and compared with the anchor file beside the workspace."""
        return audit_chain.check_workspace(self.ctx.workspace)

    @staticmethod
    def check_period(start: date, end: date) -> None:
        """Refuse a period that ends before it starts (callers may check before opening anything)."""
        if end < start:
            raise ValidationError("to", f"is before the first day ({start.isoformat()})")

    def _range(self, start: date, end: date) -> tuple[str, str]:
        """The UTC texts of the practice's days `start` to `end`, both included."""
        self.check_period(start, end)
        zone = self.ctx.practice_zone()
        first = datetime.combine(start, time(), zone)
        after = datetime.combine(end + timedelta(days=1), time(), zone)
        return (audit_chain.utc_text(first), audit_chain.utc_text(after))

    def csv_rows(self, start: date, end: date) -> list[tuple[str, ...]]:
        """The entries of the practice's days `start` to `end` (both included), oldest first, as
        the CSV export writes them."""
        first, after = self._range(start, end)
        return [_csv_row(r) for r in audit_chain.rows_between(self.ctx.conn, first, after)]

    def export_csv(self, start: date, end: date, out: Path, *, replace: bool = False) -> int:
        """Write the entries of `start` to `end` to `out` (owner-only, complete or not at all) with
        the export's own audit entry, committed before the file is put in place and never over an
        earlier file that could not be replaced (services.exports.deliver). Returns the number of
        entries written."""
        self.check_period(start, end)  # a refused period says so before any file is looked at
        count = 0

        def audited() -> bytes:
            nonlocal count
            rows = self.csv_rows(start, end)
            count = len(rows)
            self.ctx.audit(AuditAction.EXPORT, "audit", "",
                           f"csv, {start.isoformat()} to {end.isoformat()}, {count} entries")
            text = io.StringIO(newline="")
            writer = csv.writer(text)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(rows)
            return text.getvalue().encode("utf-8")

        deliver(self.ctx, Path(out), audited, replace=replace)
        return count


def _csv_row(row: tuple[Any, ...]) -> tuple[str, ...]:
    entry_id, at, user, _user_id, workstation, action, record_type, record_id, detail, mac = row
    return (str(entry_id), at, user, workstation, action, record_type, record_id, detail, mac)
