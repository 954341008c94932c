"""Reading the audit trail (it is written by each service inside its own transaction)."""

from __future__ import annotations

from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.services.base import ServiceContext
from vma_desk.storage.audit import AuditRepository


class AuditService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = AuditRepository(context.conn)

    def page(self, offset: int = 0, limit: int = 200) -> list[AuditEntry]:
        return self.repo.page(offset, limit)

    def count(self) -> int:
        return self.repo.count()

    def record(self, action: AuditAction, record_type: str, record_id: object,
               detail: str = "") -> None:
        """For events that change no record of their own: an export, an unlock by recovery key."""
        with self.ctx.transaction():
            self.ctx.audit(action, record_type, record_id, detail)
