"""The call log of one day as a table model, and the proxy that sorts and filters it.

Each row is a `CallRow`: the `Call` with the names and links it shows, read once per load by
`source.py`, so `data()` only looks up. `CALL_ROLE` returns the `Call`; `SORT_ROLE` a value that
sorts naturally (the start instant, the duration in seconds, names folded to lower case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from vma_desk.core import call_text as text
from vma_desk.core import wording
from vma_desk.core.communications import Call, CallOutcome, CallReason
from vma_desk.core.validation import format_phone
from vma_desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Index, RecordTableModel, refilter_rows

#: the `Call` of a row
CALL_ROLE = RECORD_ROLE

#: (key, header) of every column, in order; the keys name columns in the saved preferences
COLUMNS = (
    ("time", "Time"), ("direction", "Direction"), ("caller", "Caller"), ("number", "Number"),
    ("patient", "Patient"), ("reason", "Reason"), ("duration", "Duration"), ("outcome", "Outcome"),
    ("routed_to", "Routed to"), ("links", "Became"), ("notes", "Notes"),
)
(COL_TIME, COL_DIRECTION, COL_CALLER, COL_NUMBER, COL_PATIENT, COL_REASON, COL_DURATION, COL_OUTCOME,
 COL_ROUTED, COL_LINKS, COL_NOTES) = range(len(COLUMNS))
ESCALATED_TEXT = QColor("#b00020")


@dataclass(frozen=True)
class CallRow:
    call: Call
    patient: str = ""
    routed_to: str = ""
    links: tuple[tuple[str, int], ...] = ()

    @property
    def escalated(self) -> bool:
        return bool(self.call.escalation_action) or self.call.outcome is CallOutcome.ESCALATED

    @property
    def record_id(self) -> int | None:
        return self.call.id


class CallTableModel(RecordTableModel):
    COLUMNS = COLUMNS
    _rows: list[CallRow]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo("UTC")
        self._day: date | None = None

    def set_rows(self, rows: Sequence[CallRow], zone: ZoneInfo, day: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._zone = zone
        self._day = day
        self.endResetModel()

    def rows(self) -> list[CallRow]:
        return list(self._rows)

    # reading ----------------------------------------------------------------------------------------
    def _header_tip(self, section: int) -> str | None:
        if section == COL_TIME:
            return f"Practice time ({self._zone.key})"
        if section == COL_LINKS:
            return "What the call became: a message, an appointment"
        return None

    def cell(self, index: Index, role: int) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == CALL_ROLE:
            return row.call
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.call.notes or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.escalated and column == COL_OUTCOME:
            if role == Qt.ItemDataRole.ForegroundRole:
                return ESCALATED_TEXT
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _text(self, row: CallRow, column: int) -> str:
        call = row.call
        if column == COL_TIME:
            return wording.when_in_year(call.started_at, self._zone, self._day)
        if column == COL_DIRECTION:
            return call.direction.label
        if column == COL_CALLER:
            return call.caller_name
        if column == COL_NUMBER:
            return format_phone(call.number) if call.number else "withheld"
        if column == COL_PATIENT:
            return row.patient
        if column == COL_REASON:
            return call.reason.label
        if column == COL_DURATION:
            return wording.call_length(call.duration_seconds)
        if column == COL_OUTCOME:
            return call.outcome.label
        if column == COL_ROUTED:
            return row.routed_to
        if column == COL_LINKS:
            return text.links(list(row.links))
        return " ".join(call.notes.split())  # one line

    def _sort_value(self, row: CallRow, column: int) -> Any:
        if column == COL_TIME:
            return row.call.started_at.timestamp()
        if column == COL_DURATION:
            return row.call.duration_seconds
        return self._text(row, column).casefold()


class CallFilterProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` and keeps the calls of one reason and/or one person routed to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._reason: CallReason | None = None
        self._routed_to: int | None = None

    def set_filters(self, reason: CallReason | None, routed_to: int | None) -> None:
        if (reason, routed_to) == (self._reason, self._routed_to):
            return
        refilter_rows(self, lambda: self._set(reason, routed_to))

    def _set(self, reason: CallReason | None, routed_to: int | None) -> None:
        self._reason, self._routed_to = reason, routed_to

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        call = self.sourceModel().index(source_row, 0, source_parent).data(CALL_ROLE)
        if not isinstance(call, Call):
            return False
        return ((self._reason is None or call.reason is self._reason)
                and (self._routed_to is None or call.routed_to == self._routed_to))
