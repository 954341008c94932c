"""What the list tabs' table models share (Calls, Messages, Refills, Referrals): a read-only list of
rows, one record each, with its columns named once; the rows whose marks move with the clock; and
the proxy that sorts by `SORT_ROLE` and keeps the rows of one named mode ("open", "flagged" ...).

A row is any object with a `record_id` (the id of the record it shows), so `row_of` finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

#: the record (or entry) of a row; each model's own name for it is an alias (`MESSAGE_ROLE` ...)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
#: a value that sorts the column naturally
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


#: the flags of every cell (combined once: the views ask for them often)
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class RecordTableModel(QAbstractTableModel):
    """Rows of records, read-only: the counts, the headers from `COLUMNS` ((key, header), ...),
    the flags, the lookup by record id. Subclasses answer `cell` (what `data` asks, kept until the
    rows change) and may give headers a tooltip (`_header_tip`)."""

    COLUMNS: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)
        #: what `cell` answered, by (row, column, role): a view asks for about ten roles of each
        #: cell every time it paints it (a tab switch repaints every row in sight), and a cell
        #: reads otherwise only when the model says so: a reset, dataChanged (the clock ticked), a
        #: layout change, rows in or out. Every one of those forgets them all.
        self._cells: dict[tuple[int, int, int], Any] = {}
        for signal in (self.modelReset, self.dataChanged, self.layoutChanged, self.rowsInserted,
                       self.rowsRemoved, self.rowsMoved):
            signal.connect(self._forget_cells)

    def _forget_cells(self, *_changed: object) -> None:
        self._cells.clear()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = (index.row(), index.column(), role)
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = self.cell(index, role)
            return value

    def cell(self, index: Index, role: int) -> Any:
        """What a cell says in a role (`data`, worked out once until the rows change)."""
        return None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, row: int) -> Any:
        """The row at a source row number (no copy of the list)."""
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        """The row of a record, or -1 when it is not shown."""
        return next((i for i, r in enumerate(self._rows) if r.record_id == record_id), -1)

    def _row_at(self, index: Index) -> Any | None:
        """The row an index points at, or None for an index outside the rows."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def clear(self) -> None:
        """Hold no rows (the workspace locked): nothing of the records stays in the model."""
        self.beginResetModel()
        self._rows = []
        self._rows_changed()
        self.endResetModel()

    def _rows_changed(self) -> None:
        """What a subclass works out from its rows, worked out again (after `clear`)."""

    def _repaint(self) -> None:
        """Every cell may read otherwise now (the clock moved); the rows are the same."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    # reading ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def _header_tip(self, section: int) -> str | None:
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS


class TickingTableModel(RecordTableModel):
    """Rows whose marks (overdue, due state ...) move with the clock: every `tick_ms` the model's
    own timer reads the clock, works the marks out again (`_mark_rows`) and repaints, without a
    query. Subclasses say what their marks are, how to tell a change worth a signal
    (`_attention`) and which signal that is (`_attention_changed`)."""

    def __init__(self, now: Callable[[], datetime], tick_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = now
        self._now = now()
        self._zone = ZoneInfo("UTC")
        self._today = self._now.date()
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def set_rows(self, rows: Sequence[Any], zone: ZoneInfo) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._zone = zone
        self._read_clock()
        self.endResetModel()
        self._attention_changed()

    def clear(self) -> None:
        super().clear()
        self._attention_changed()

    def _rows_changed(self) -> None:
        self._mark_rows()

    def now(self) -> datetime:
        return self._now

    def zone(self) -> ZoneInfo:
        return self._zone

    def tick(self) -> None:
        """Time passed: the marks change; the records themselves do not."""
        before = self._attention()
        self._read_clock()
        self._repaint()
        if self._attention() != before:
            self._attention_changed()

    def pause(self) -> None:
        """The marks stop moving (the workstation is locked)."""
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()
        self.tick()

    def _read_clock(self) -> None:
        self._now = self._clock()
        self._today = self._now.astimezone(self._zone).date()
        self._mark_rows()

    # what subclasses say ---------------------------------------------------------------------------
    def _mark_rows(self) -> None:
        raise NotImplementedError

    def _attention(self) -> object:
        raise NotImplementedError

    def _attention_changed(self) -> None:
        raise NotImplementedError


def refilter_rows(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply `change` to a proxy's filter and filter again (Qt 6.9+ wants it wrapped in
    begin/endFilterChange; older versions only have the call now deprecated)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:  # pragma: no cover - PySide6 < 6.9
        change()
        proxy.invalidateRowsFilter()


class ModeFilterProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` (again as rows change) and keeps the rows of one mode at a time;
    subclasses say which rows a mode keeps (`filterAcceptsRow`, reading `self.mode()`)."""

    def __init__(self, first_mode: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._mode = first_mode

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode != self._mode and self._knows(mode):
            refilter_rows(self, lambda: setattr(self, "_mode", mode))

    def _knows(self, mode: str) -> bool:
        return True
