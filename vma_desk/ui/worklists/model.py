"""A worklist's rows as a table model: each row a record being chased, its own columns between the
two every worklist shares ("Next": due now or quiet until when; "Attempts": "2 attempts · last:
left voicemail 10:42").

A row is quiet while its next attempt is not due (`ChaseState.quiet`): greyed, and listed after
the rows due now. The model's own timer reads the clock every minute, so a quiet row comes due on
screen (and in the counts) without a query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor

from vma_desk.core import wording
from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Index, TickingTableModel

#: the `WorkRow` of a row
ROW_ROLE = RECORD_ROLE
#: True while the row's next attempt is not due
QUIET_ROLE = Qt.ItemDataRole.UserRole + 3
NEXT_COLUMN = ("next", "Next")
ATTEMPTS_COLUMN = ("attempts", "Attempts")
TICK_MS = 60_000
QUIET_TEXT = QColor("#8a8a8a")
URGENT_TEXT = QColor("#a15c00")
#: added to the sort value of a quiet row: after every row due now
_AFTER_DUE = 10.0 ** 6


@dataclass(frozen=True)
class WorkRow:
    """One record on a worklist: its kind and id, its patient (None: a caller not on file), who it
    is about ("Ann Ames", a caller's name), where its chase stands, and its own columns' texts
    with their sort values."""

    kind: ChaseKind
    record_id: int
    who: str
    state: ChaseState
    cells: tuple[str, ...]
    sorts: tuple[Any, ...] = ()
    patient_id: int | None = None
    record_open: bool = True
    tip: str = ""
    #: shown in the urgent colour (an urgent voicemail)
    urgent: bool = False
    #: a row with its own due time (a task, a form to send): quiet until then, and "Next" says
    #: "Due Tue 3:00 PM" / "Overdue: 9:00 AM" rather than the chase's next attempt (a chase that
    #: is quiet keeps the row quiet after it too)
    due_at: datetime | None = None

    def quiet(self, now: datetime) -> bool:
        return (self.due_at is not None and self.due_at > now) or self.state.quiet(now)


def next_text(state: ChaseState, now: datetime, zone: ZoneInfo, today: date) -> str:
    """The "Next" column: what the row asks for now, or until when it stays quiet."""
    if state.reached:
        return "Reached: mark done"
    if state.declined:
        return "Declined: mark done"
    if state.letter_sent and state.last is not None:
        return f"Letter sent {wording.near_day_clock(state.last.at, zone, today)}: close when answered"
    if state.exhausted:
        return "Send a letter or close"
    if state.quiet(now) and state.next_at is not None:
        return f"Quiet until {wording.near_day_clock(state.next_at, zone, today)}"
    return "Due now"


class WorklistTableModel(TickingTableModel):
    """The rows of one worklist, in the list's own order; `sig_due_changed` counts the rows due now."""

    sig_due_changed = Signal(int)
    _rows: list[WorkRow]

    def __init__(self, columns: tuple[tuple[str, str], ...], now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        self.COLUMNS = (NEXT_COLUMN, *columns, ATTEMPTS_COLUMN)
        super().__init__(now, TICK_MS, parent)
        self._quiet: list[bool] = []

    def rows(self) -> list[WorkRow]:
        return list(self._rows)

    def due_count(self) -> int:
        return len(self._quiet) - sum(self._quiet)

    def is_quiet(self, row: int) -> bool:
        return self._quiet[row]

    def _mark_rows(self) -> None:
        self._quiet = [r.quiet(self._now) for r in self._rows]

    def _attention(self) -> int:
        return self.due_count()

    def _attention_changed(self) -> None:
        self.sig_due_changed.emit(self.due_count())

    def cell(self, index: Index, role: int) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        quiet = self._quiet[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(index.row(), row, column)
        if role == ROW_ROLE:
            return row
        if role == QUIET_ROLE:
            return quiet
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if quiet:
                return QUIET_TEXT
            if row.urgent:
                return URGENT_TEXT
        if role == Qt.ItemDataRole.FontRole and row.urgent and not quiet:
            return self._bold
        return None

    def _text(self, row: WorkRow, column: int) -> str:
        if column == 0:
            if row.due_at is not None and not row.state.quiet(self._now) and row.state.last is None:
                when = wording.near_day_clock(row.due_at, self._zone, self._today)
                return f"Overdue: {when}" if row.due_at < self._now else f"Due {when}"
            return next_text(row.state, self._now, self._zone, self._today)
        if column == len(self.COLUMNS) - 1:
            return row.state.text(self._zone) or "No attempt yet"
        return row.cells[column - 1]

    def _sort_value(self, position: int, row: WorkRow, column: int) -> Any:
        if column == 0:  # the list's order, the rows due now first
            return position + (_AFTER_DUE if self._quiet[position] else 0.0)
        if column == len(self.COLUMNS) - 1:
            return row.state.count
        if column - 1 < len(row.sorts) and row.sorts[column - 1] is not None:
            return row.sorts[column - 1]
        return row.cells[column - 1].casefold()


class WorklistProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE`, again as the rows change (a row gone quiet moves down)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
