"""A read-only list model of records with their lines (worklists, the waitlist, slot candidates),
and the delegate that draws such multi-line rows wrapped at the list's width.

The caller writes each record's line (see `text.py`) when it sets the rows, so `data()` only looks
up; `RECORD_ROLE` (Qt.UserRole) returns the record itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

RECORD_ROLE = Qt.ItemDataRole.UserRole

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class RecordListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[object] = []
        self._lines: list[str] = []
        self._tips: list[str] = []
        self._marked: list[bool] = []
        self._mark = QBrush(QColor("#fff1dc"))

    def set_records(self, records: Sequence[object], lines: Sequence[str],
                    tips: Sequence[str] | None = None, marked: Sequence[bool] | None = None) -> None:
        """Show `records`, each as its line; `marked` rows get a warm background (needs care)."""
        self.beginResetModel()
        self._records = list(records)
        self._lines = list(lines)
        self._tips = list(tips) if tips is not None else list(lines)
        self._marked = list(marked) if marked is not None else [False] * len(self._records)
        self.endResetModel()

    def clear(self) -> None:
        """Hold no records (the workspace locked)."""
        self.set_records([], [])

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._lines[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row]
        if role == RECORD_ROLE:
            return self._records[row]
        if role == Qt.ItemDataRole.BackgroundRole and self._marked[row]:
            return self._mark
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class WrappedLinesDelegate(QStyledItemDelegate):
    """Rows of several lines that wrap at the list's width, measured and drawn the same way.

    (The default delegate measures a wrapped row at one width and draws it at another, which
    leaves rows cut short with "…" above a blank gap.)
    """

    MARGIN = 4

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        return max(width - 2 * self.MARGIN - 2, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._text_width(option)
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                                 int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(item.palette.color(role))
        area = item.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                                   | Qt.AlignmentFlag.AlignTop), text)
        painter.restore()
