"""The schedule table: spans for appointments, a painter for visits and blocks, and its keys.

Arrows move (Qt's own), Enter or a double click opens the cell (the appointment, or a booking
for an empty slot), Delete cancels the appointment, Page Up / Page Down go to the previous / next
day or week. Drag an appointment onto another cell to move it there.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from vma_desk.ui.calendar.model import (
    ACCENT_ROLE,
    BLOCK_FILL,
    BLOCK_TEXT,
    CELL_BLOCK,
    CELL_CLOSED,
    CELL_VISIT,
    CLOSED_FILL,
    KIND_ROLE,
    ScheduleModel,
)

#: the narrowest a column gets before the table scrolls sideways instead
MIN_COLUMN_WIDTH = 150
_TEXT = QColor("#1d2730")
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CANCEL_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_Index = QModelIndex | QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ScheduleDelegate(QStyledItemDelegate):
    """Draws a visit as a card (status fill, accent bar, lines elided to fit), blocks greyed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        kind = index.data(KIND_ROLE)
        rect = QRect(option.rect)
        painter.save()
        if kind == CELL_VISIT:
            self._paint_visit(painter, option, index, rect)
        elif kind == CELL_BLOCK:
            painter.fillRect(rect, QColor(BLOCK_FILL))
            self._paint_note(painter, option, index, rect)
        elif kind == CELL_CLOSED:
            painter.fillRect(rect, QColor(CLOSED_FILL))
            self._paint_note(painter, option, index, rect)
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(option.palette.highlight().color(), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_note(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index,
                    rect: QRect) -> None:
        """A block's title or why a column is closed: grey italics, on its first row."""
        note = index.data(Qt.ItemDataRole.DisplayRole)
        if note:
            font = QFont(option.font)
            font.setItalic(True)
            painter.setPen(QColor(BLOCK_TEXT))
            self._draw(painter, font, rect.adjusted(6, 0, -4, 0), note)

    def _paint_visit(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index,
                     rect: QRect) -> None:
        card = rect.adjusted(1, 1, -2, -2)
        accent = index.data(ACCENT_ROLE)
        painter.fillRect(card, index.data(Qt.ItemDataRole.BackgroundRole))
        painter.fillRect(QRect(card.left(), card.top(), 4, card.height() + 1), accent)
        painter.setPen(QPen(QColor(accent).lighter(130), 1))
        painter.drawRect(card)
        area = card.adjusted(9, 2, -4, -1)
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        bold, plain = QFont(option.font), QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(plain).height()
        fit = max(1, min(len(lines), (area.height() + 2) // height))
        if fit < len(lines):  # what does not fit below goes on the last line that does
            lines = lines[:fit - 1] + [" · ".join(lines[fit - 1:])]
        painter.setPen(_TEXT)
        top = area.top()
        for number, line in enumerate(lines):
            row = QRect(area.left(), top, area.width(), height)
            if number == 0:
                # the first line's time and name in bold, the rest of it (type, status) plain
                head, _, rest = line.partition(" · ")
                used = self._draw(painter, bold, row, head)
                if rest:
                    self._draw(painter, plain, row.adjusted(used, 0, 0, 0), " · " + rest)
            else:
                self._draw(painter, plain, row, line)
            top += height

    @staticmethod
    def _draw(painter: QPainter, font: QFont, rect: QRect, line: str) -> int:
        """Draw one line elided to `rect`; returns the width it took."""
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(rect.width(), 0))
        painter.setFont(font)
        painter.drawText(rect, _LEFT, shown)
        return metrics.horizontalAdvance(shown)


class ScheduleView(QTableView):
    #: open the current cell: its appointment, or a booking for an empty slot
    sig_open_requested = Signal(QModelIndex)
    #: cancel the appointment in the current cell
    sig_cancel_requested = Signal(QModelIndex)
    #: -1 for the previous day or week, 1 for the next
    sig_page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_view")
        self.setAccessibleName("Schedule")
        self.setItemDelegate(ScheduleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(True)  # a drop lands on the cell under the cursor, never between
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 5)
        rows.setMinimumWidth(self.fontMetrics().horizontalAdvance("12:00 PM") + 12)
        columns = self.horizontalHeader()
        columns.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Yuna Taylor-Bro…" (whole in its tooltip)
        self.doubleClicked.connect(self._on_self_double_clicked)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:  # spans follow its resets (`apply_spans` spans only a ScheduleModel)
            model.modelReset.connect(self.apply_spans)
        self.apply_spans()

    def apply_spans(self) -> None:
        """Span each appointment over its rows (Qt keeps spans in the view, not the model)."""
        self.clearSpans()
        model = self.model()
        if not isinstance(model, ScheduleModel):
            return
        for visit in model.spans():
            if visit.span > 1:
                self.setSpan(visit.row, visit.column, visit.span, 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        # stretch to fill while the columns fit; scroll sideways once they would get too narrow
        model, columns = self.model(), self.horizontalHeader()
        count = model.columnCount() if model is not None else 0
        if count * MIN_COLUMN_WIDTH <= self.viewport().width():
            columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            return
        if columns.sectionResizeMode(0) != QHeaderView.ResizeMode.Interactive:
            columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for section in range(count):
            columns.resizeSection(section, MIN_COLUMN_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _OPEN_KEYS and not modifiers:
            self.sig_open_requested.emit(self.currentIndex())
        elif key in _CANCEL_KEYS and not modifiers:
            self.sig_cancel_requested.emit(self.currentIndex())
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not modifiers:
            self.sig_page_requested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        self.sig_open_requested.emit(index)
