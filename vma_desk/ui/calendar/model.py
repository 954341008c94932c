"""The schedule as a table model: 15-minute rows by (day, provider) columns, read from a grid.

The model shows one `Schedule` (see `source.py`) and never calls a service itself: refreshing is
the tab's job. An appointment is one head cell that the view spans over its rows (`spans()`), so
the table draws it as one block. A drag carries the appointment's id; a drop asks for the move
with `sig_move_requested` and leaves the moving to whoever confirms it (see `dropMimeData`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from vma_desk.core import calendar_text as text
from vma_desk.core import wording
from vma_desk.core.calendar import Appointment, VisitStatus
from vma_desk.ui.calendar.grid import Cell, ScheduleGrid, Visit
from vma_desk.ui.calendar.source import Schedule

#: the record itself: the `Appointment` (first of the cell), a `BlockOccurrence`, or None
RECORD_ROLE = Qt.ItemDataRole.UserRole
#: every `Appointment` of the cell (several only where a conflict was overridden)
APPOINTMENTS_ROLE = Qt.ItemDataRole.UserRole + 1
#: the cell's start as an aware UTC datetime
START_ROLE = Qt.ItemDataRole.UserRole + 2
#: the column's provider id
PROVIDER_ROLE = Qt.ItemDataRole.UserRole + 3
#: one of the CELL_* kinds below
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
#: how many rows the cell covers (1 for all but an appointment's head cell)
SPAN_ROLE = Qt.ItemDataRole.UserRole + 5
#: the status's accent colour (QColor), for the bar the delegate draws beside a visit
ACCENT_ROLE = Qt.ItemDataRole.UserRole + 6

CELL_VISIT, CELL_BLOCK, CELL_OPEN, CELL_CLOSED, CELL_COVERED = (
    "visit", "block", "open", "closed", "covered")
MIME_TYPE = "application/x-vma-desk-appointment"

#: (fill, accent) per status: light fills keep dark text readable; the status is also in words
STATUS_COLOURS = {
    VisitStatus.UNCONFIRMED: ("#e3eefb", "#4a78b5"),
    VisitStatus.LEFT_MESSAGE: ("#fff1dc", "#d08a1c"),
    VisitStatus.CONFIRMED: ("#e2f3e4", "#3b8d47"),
    VisitStatus.ARRIVED: ("#ebe4f7", "#7557b0"),
    VisitStatus.NO_SHOW: ("#fbe0e0", "#c0392b"),
    VisitStatus.CANCELLED: ("#eeeeee", "#8a8a8a"),
}
BLOCK_FILL, BLOCK_TEXT, CLOSED_FILL = "#d5dade", "#3b434b", "#eef0f2"

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


#: a cell's flags, and a visit's (it can be dragged): combined once, the view asks for them often
_CELL_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
               | Qt.ItemFlag.ItemIsDropEnabled)
_VISIT_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


class ScheduleModel(QAbstractTableModel):
    #: a dropped appointment: (appointment id, target provider id, target start in UTC)
    sig_move_requested = Signal(int, int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schedule: Schedule | None = None
        self._several_providers = False
        self._several_days = False
        self._brushes = {s: (QBrush(QColor(f)), QColor(a)) for s, (f, a) in STATUS_COLOURS.items()}
        self._block_brush = QBrush(QColor(BLOCK_FILL))
        self._block_text = QBrush(QColor(BLOCK_TEXT))
        self._closed_brush = QBrush(QColor(CLOSED_FILL))
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    # the schedule shown -------------------------------------------------------------------------
    def set_schedule(self, schedule: Schedule) -> None:
        self.beginResetModel()
        self._schedule = schedule
        self._several_providers = len({c.provider.id for c in schedule.grid.columns}) > 1
        self._several_days = len({c.day for c in schedule.grid.columns}) > 1
        self.endResetModel()

    def clear(self) -> None:
        """Show no schedule (the workspace locked): no cell, header or name is left."""
        self.beginResetModel()
        self._schedule = None
        self.endResetModel()

    @property
    def grid(self) -> ScheduleGrid | None:
        return self._schedule.grid if self._schedule else None

    def spans(self) -> list[Visit]:
        """The appointments' head cells, with the rows each covers: for `QTableView.setSpan`."""
        return list(self._schedule.grid.visits.values()) if self._schedule else []

    def index_of(self, appointment_id: int) -> QModelIndex:
        """The head cell of an appointment in view, or an invalid index."""
        grid = self.grid
        if grid is not None:
            for (row, column), visit in grid.visits.items():
                if any(a.id == appointment_id for a in visit.appointments):
                    return self.index(row, column)
        return QModelIndex()

    def index_at(self, moment: datetime, provider_id: int) -> QModelIndex:
        grid = self.grid
        cell = grid.cell_of(moment, provider_id) if grid else None
        return self.index(*cell) if cell else QModelIndex()

    # shape --------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._schedule is None else self._schedule.grid.rows

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._schedule is None else len(self._schedule.grid.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        schedule = self._schedule
        if schedule is None:
            return None
        grid = schedule.grid
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < grid.rows:
                return None
            minute = grid.minute_of(section)
            if role == Qt.ItemDataRole.DisplayRole:
                at = datetime(2000, 1, 1, minute // 60, minute % 60)
                return wording.clock(at) if minute % 60 == 0 or section == 0 else f":{minute % 60:02d}"
            if role == Qt.ItemDataRole.FontRole and minute % 60 == 0:
                return self._bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return None
        if not 0 <= section < len(grid.columns):
            return None
        column = grid.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [wording.short_day(column.day)] if self._several_days else []
            if self._several_providers and self._several_days:
                lines.append(text.short_name(column.provider))
            elif not self._several_days:
                lines.append(column.provider.display_name)
            if column.closed:
                lines.append(column.closed_label)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{wording.long_day(column.day)}, {column.provider.display_name}"
                    + (f" ({column.closed})" if column.closed else ""))
        if role == Qt.ItemDataRole.FontRole and column.day == schedule.today:
            return self._bold
        return None

    # cells --------------------------------------------------------------------------------------
    def kind(self, cell: Cell) -> str:
        grid = self._schedule.grid if self._schedule else None
        if grid is None:
            return CELL_CLOSED
        if cell in grid.visits:
            return CELL_VISIT
        if cell in grid.covered:
            return CELL_COVERED
        if cell in grid.blocks:
            return CELL_BLOCK
        return CELL_OPEN if cell in grid.open_cells else CELL_CLOSED

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        schedule = self._schedule
        if schedule is None or not index.isValid():
            return None
        grid = schedule.grid
        cell = (index.row(), index.column())
        if not (0 <= cell[0] < grid.rows and 0 <= cell[1] < len(grid.columns)):
            return None
        kind = self.kind(cell)
        visit = grid.visit_at(cell)
        if role == KIND_ROLE:
            return kind
        if role == START_ROLE:
            return grid.start_of(*cell)
        if role == PROVIDER_ROLE:
            return grid.columns[cell[1]].provider.id
        if role == SPAN_ROLE:
            return visit.span if kind == CELL_VISIT and visit else 1
        if visit is not None:
            return self._visit_data(visit, role, head=kind == CELL_VISIT)
        if kind == CELL_BLOCK:
            return self._block_data(cell, role)
        if role == RECORD_ROLE or role == APPOINTMENTS_ROLE:
            return None if role == RECORD_ROLE else ()
        if role == Qt.ItemDataRole.BackgroundRole and kind == CELL_CLOSED:
            return self._closed_brush
        if role == Qt.ItemDataRole.DisplayRole and kind == CELL_CLOSED and cell[0] == 0:
            return grid.columns[cell[1]].closed  # why, on the first row: a header has no room
        if role == Qt.ItemDataRole.ToolTipRole and kind == CELL_CLOSED:
            return grid.columns[cell[1]].closed or "Outside working hours"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "open" if kind == CELL_OPEN else "outside working hours"
            return f"{text.when(grid.start_of(*cell), grid.zone)}, {state}"
        return None

    def _visit_data(self, visit: Visit, role: int, *, head: bool) -> Any:
        schedule = self._schedule
        assert schedule is not None
        first = visit.first
        if role == RECORD_ROLE:
            return first
        if role == APPOINTMENTS_ROLE:
            return visit.appointments
        if role == Qt.ItemDataRole.DisplayRole:
            return self._visit_text(visit) if head else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(self._visit_line(a, long=True) for a in visit.appointments)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[first.status][0]
        if role == ACCENT_ROLE:
            return self._brushes[first.status][1]
        return None

    def _block_data(self, cell: Cell, role: int) -> Any:
        grid = self._schedule.grid if self._schedule else None
        assert grid is not None
        occurrence = grid.blocks[cell]
        block = occurrence.block
        title = block.title or block.kind.value.capitalize()
        if role == RECORD_ROLE:
            return occurrence
        if role == APPOINTMENTS_ROLE:
            return ()
        if role == Qt.ItemDataRole.DisplayRole:
            return title if cell in grid.block_heads else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{title}: {text.span(occurrence.start, occurrence.end, grid.zone)} (blocked)"
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._block_brush
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._block_text
        return None

    def _visit_line(self, a: Appointment, *, long: bool) -> str:
        schedule = self._schedule
        assert schedule is not None
        zone = schedule.grid.zone
        name = schedule.names.get(a.patient_id, f"patient #{a.patient_id}")
        kind = text.type_name(schedule.types, a.type_code)
        if not long:
            return f"{wording.clock(a.start.astimezone(zone))}  {name}"
        extra = [text.STATUS_LABELS[a.status]]
        if a.override_reason:
            extra.append(f"booked over a conflict: {a.override_reason}")
        if a.reason:
            extra.append(a.reason)
        return f"{text.span(a.start, a.end, zone)} {name} · {kind} · {' · '.join(extra)}"

    def _visit_text(self, visit: Visit) -> str:
        schedule = self._schedule
        assert schedule is not None
        if len(visit.appointments) > 1:
            overlap = " overlap (override)" if visit.overlapping else ""
            lines = [f"{len(visit.appointments)} visits{overlap}"]
            lines += [self._visit_line(a, long=False) for a in visit.appointments]
            return "\n".join(lines)
        a = visit.first
        second = f"{text.type_name(schedule.types, a.type_code)} · {text.STATUS_LABELS[a.status]}"
        if a.override_reason:
            second += " · override"
        lines = [self._visit_line(a, long=False), second]
        if a.reason:
            lines.append(a.reason)
        return "\n".join(lines)

    # drag and drop ------------------------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return _VISIT_FLAGS if self.kind((index.row(), index.column())) == CELL_VISIT else _CELL_FLAGS

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            record = index.data(RECORD_ROLE)
            if isinstance(record, Appointment) and record.id is not None:
                mime.setData(MIME_TYPE, QByteArray(str(record.id).encode("ascii")))
                break
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        return data.hasFormat(MIME_TYPE) and self._drop_cell(row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        """Ask for the move and report the drop as not done: the move needs its authorisation
        (and maybe an override) first, and a drop reported done would let the view remove the
        dragged cell's contents itself."""
        cell = self._drop_cell(row, column, parent)
        if not data.hasFormat(MIME_TYPE) or cell is None or self._schedule is None:
            return False
        try:
            appointment_id = int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return False
        grid = self._schedule.grid
        provider_id = grid.columns[cell[1]].provider.id
        assert provider_id is not None
        self.sig_move_requested.emit(appointment_id, provider_id, grid.start_of(*cell))
        return False

    def _drop_cell(self, row: int, column: int, parent: _Index) -> Cell | None:
        # dropped on a cell: Qt passes the cell as `parent` and -1, -1
        cell = (parent.row(), parent.column()) if parent.isValid() else (row, column)
        if self._schedule is None:
            return None
        grid = self._schedule.grid
        if 0 <= cell[0] < grid.rows and 0 <= cell[1] < len(grid.columns):
            return cell
        return None
