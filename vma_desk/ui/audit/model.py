"""The audit trail as a read-only table model, newest first, fetched 200 entries at a time.

Pages come from `AuditService.older_than(last id shown, limit)`: each continues after the last
entry shown (keyset paging, ids only grow), so entries written while the view is open shift nothing
and a page is never shown twice nor skipped; Refresh shows the new ones.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.services.audit import AuditService

COL_WHEN, COL_USER, COL_ACTION, COL_RECORD, COL_DETAIL = range(5)
COLUMN_COUNT = 5
PAGE_SIZE = 200
#: the `AuditEntry` of a row
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TIME_FORMAT = "%m/%d/%Y %I:%M:%S %p"


#: actions whose value does not read well as it is; any other reads as its value ("sign_out" ->
#: "Sign out"), so an action added later is readable without a change here
_ACTION_LABELS = {AuditAction.SIGN_IN_FAILED: "Sign-in failed", AuditAction.SIGN_IN: "Sign-in",
                  AuditAction.RECOVER: "Recovery key"}


def action_label(action: AuditAction) -> str:
    return _ACTION_LABELS.get(action) or action.value.replace("_", " ").capitalize()


def record_label(entry: AuditEntry) -> str:
    """"Patient #12"; a search names what was searched ("Calls and messages"), not one record."""
    kind = entry.record_type.replace('_', ' ').capitalize()
    return f"{kind} #{entry.record_id}" if entry.record_id else kind


class AuditTableModel(QAbstractTableModel):
    def __init__(self, audit: AuditService, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._audit = audit
        self._zone = zone
        self._entries: list[AuditEntry] = []
        self._exhausted = True

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    def refresh(self, zone: ZoneInfo | None = None) -> None:
        """Start again from the newest entry (and the practice's zone, which may have changed)."""
        self.beginResetModel()
        self._zone = zone or self._zone
        self._entries = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(_ROOT)

    # paging ---------------------------------------------------------------------------------------
    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._audit.older_than(self._entries[-1].id if self._entries else None, PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        if not page:
            return
        first = len(self._entries)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        self._entries.extend(page)
        self.endInsertRows()

    # reading ----------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("When", "User", "Action", "Record", "Detail")[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_WHEN:
            return f"Practice time ({self._zone.key})"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column())
        if role == ENTRY_ROLE:
            return entry
        return None

    def _text(self, entry: AuditEntry, column: int) -> str:
        if column == COL_WHEN:
            return entry.at.astimezone(self._zone).strftime(_TIME_FORMAT)
        if column == COL_USER:
            return entry.user
        if column == COL_ACTION:
            return action_label(entry.action)
        if column == COL_RECORD:
            return record_label(entry)
        return entry.detail

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
