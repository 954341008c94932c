"""The read-only audit trail: a table model fetched in pages, a view and a dialog around it."""

from vma_desk.ui.audit.model import AuditTableModel
from vma_desk.ui.audit.view import AuditDialog, AuditView

__all__ = ["AuditDialog", "AuditTableModel", "AuditView"]
