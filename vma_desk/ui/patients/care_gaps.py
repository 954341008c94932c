"""The patient editor's care-gap table: an editable item model and the due-date editor for it.

Rows are drafts (kind, due, note), not `CareGap` records: a row may still lack its kind or due date
while the user types, and saving turns it into a record or names the cell that is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vma_desk.core import wording
from vma_desk.core.records import CareGap
from vma_desk.ui.shared.widgets import DateEdit, to_date

COL_KIND, COL_DUE, COL_NOTE = range(3)
_HEADERS = ("Care gap", "Due", "Note")
#: the sub-field names validation uses for each column (care_gaps[i].kind ...)
COLUMN_FIELDS = {"kind": COL_KIND, "due": COL_DUE, "note": COL_NOTE}

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass
class GapDraft:
    kind: str = ""
    due: date | None = None
    note: str = ""
    #: the completion date recorded on the Recall list (not edited here), kept through a save
    done: date | None = None


class CareGapTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GapDraft] = []

    # reading ------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DUE:
                return wording.date_text(row.due) if row.due else ""
            return row.kind if column == COL_KIND else row.note
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_DUE:
                return QDate(row.due.year, row.due.month, row.due.day) if row.due else QDate()
            return row.kind if column == COL_KIND else row.note
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # editing ------------------------------------------------------------------------------------
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == COL_DUE:
            row.due = value if isinstance(value, date) or value is None else None
        elif index.column() == COL_KIND:
            row.kind = str(value)
        else:
            row.note = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def append_row(self) -> QModelIndex:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(GapDraft())
        self.endInsertRows()
        return self.index(position, COL_KIND)

    def removeRows(self, row: int, count: int, parent: _Index = _ROOT) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row:row + count]
        self.endRemoveRows()
        return True

    # records ------------------------------------------------------------------------------------
    def set_gaps(self, gaps: tuple[CareGap, ...]) -> None:
        self.beginResetModel()
        self._rows = [GapDraft(g.kind, g.due, g.note, g.done) for g in gaps]
        self.endResetModel()

    def snapshot(self) -> tuple[tuple[str, date | None, str], ...]:
        return tuple((r.kind, r.due, r.note) for r in self._rows)

    def gaps(self) -> tuple[CareGap, ...]:
        """The rows as typed; a missing due date stays None for validation to name."""
        return tuple(CareGap(kind=r.kind, due=r.due,  # type: ignore[arg-type]  # None: for validation to name
                             note=r.note, done=r.done) for r in self._rows)


class DueDateDelegate(QStyledItemDelegate):
    """Edits the due column with the same forgiving, possibly blank date field as the form."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = DateEdit(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, DateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(to_date(value) if isinstance(value, QDate) and value.isValid() else None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, DateEdit)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
