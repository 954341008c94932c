"""Messages as a table model whose age and overdue marks move with the clock, and the proxy that
sorts them and keeps the overdue ones on demand.

A `MessageRow` carries the message with its names, callback due time and callback attempts
(`ChaseState`), worked out once per load (`source.py`). Every 30 s the model's own timer reads the
clock and repaints the age and due columns (and the overdue marks) without asking the services
again. An overdue message has a red
background, bold text and a warning icon in its due column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from vma_desk.core import wording
from vma_desk.core.chase import ChaseState
from vma_desk.core.communications import Message, MessageState, Urgency
from vma_desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Index, ModeFilterProxy, TickingTableModel

#: the `Message` of a row
MESSAGE_ROLE = RECORD_ROLE
#: True while the message waits for a callback past its due time
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS = (("age", "Age"), ("due", "Callback due"), ("urgency", "Urgency"), ("caller", "Caller"),
           ("patient", "Patient"), ("reason", "Reason"), ("recipient", "Recipient"), ("state", "State"))
(COL_AGE, COL_DUE, COL_URGENCY, COL_CALLER, COL_PATIENT, COL_REASON, COL_RECIPIENT,
 COL_STATE) = range(len(COLUMNS))
AGE_TICK_MS = 30_000
OVERDUE_FILL = QColor("#fde0de")
OVERDUE_TEXT = QColor("#8e0016")
URGENCY_TEXT = {Urgency.EMERGENCY: QColor("#b00020"), Urgency.URGENT: QColor("#a15c00")}

#: added to the due-time sort value of a message no longer waiting for its callback
_AFTER_WAITING = 10.0 ** 10


@dataclass(frozen=True)
class MessageRow:
    message: Message
    patient: str
    recipient: str
    due: datetime
    #: the callback attempts logged on it (Ctrl+Shift+L), read for the whole list at once
    chase: ChaseState = ChaseState()

    @property
    def record_id(self) -> int | None:
        return self.message.id


class MessageTableModel(TickingTableModel):
    #: the number of overdue messages changed (on a tick or a load)
    sig_overdue_changed = Signal(int)
    COLUMNS = COLUMNS
    _rows: list[MessageRow]

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(now, AGE_TICK_MS, parent)
        self._overdue: list[bool] = []
        self._fill = QBrush(OVERDUE_FILL)

    def rows(self) -> list[MessageRow]:
        return list(self._rows)

    def overdue_count(self) -> int:
        return sum(self._overdue)

    def _is_overdue(self, row: MessageRow) -> bool:
        return row.message.awaiting_callback and self._now > row.due

    def _mark_rows(self) -> None:
        self._overdue = [self._is_overdue(r) for r in self._rows]

    def _attention(self) -> int:
        return self.overdue_count()

    def _attention_changed(self) -> None:
        self.sig_overdue_changed.emit(self.overdue_count())

    # reading ----------------------------------------------------------------------------------------
    def _header_tip(self, section: int) -> str | None:
        if section == COL_DUE:
            return (f"When the callback is due (practice time, {self._zone.key}): emergency at once, "
                    "urgent within the hour, routine by the end of the business day")
        return None

    def cell(self, index: Index, role: int) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        overdue = self._overdue[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, overdue)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == MESSAGE_ROLE:
            return row.message
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message.reason
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return self._fill
        if role == Qt.ItemDataRole.FontRole and overdue:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return OVERDUE_TEXT
            if column == COL_URGENCY:
                return URGENCY_TEXT.get(row.message.urgency)
        if role == Qt.ItemDataRole.DecorationRole and overdue and column == COL_DUE:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _text(self, row: MessageRow, column: int, overdue: bool) -> str:
        message = row.message
        if column == COL_AGE:
            return wording.waited(self._now - message.created_at)
        if column == COL_DUE:
            if not message.awaiting_callback:
                return "—"
            if overdue:
                return f"Overdue {wording.waited(self._now - row.due)}"
            return wording.when_in_year(row.due, self._zone, self._today)
        if column == COL_URGENCY:
            return message.urgency.value.capitalize()
        if column == COL_CALLER:
            return message.caller_name
        if column == COL_PATIENT:
            return row.patient
        if column == COL_REASON:
            return " ".join(message.reason.split())
        if column == COL_RECIPIENT:
            return row.recipient
        return message.state.label

    def _sort_value(self, row: MessageRow, column: int) -> Any:
        message = row.message
        if column == COL_AGE:
            return -message.created_at.timestamp()  # the oldest is the largest age
        if column == COL_DUE:
            # the messages still waiting for their callback first; the others only await closing
            return row.due.timestamp() + (0 if message.awaiting_callback else _AFTER_WAITING)
        if column == COL_URGENCY:
            return message.urgency.rank
        if column == COL_STATE:
            return list(MessageState).index(message.state)
        return self._text(row, column, False).casefold()


SHOW_OPEN, SHOW_OVERDUE, SHOW_CLOSED = "open", "overdue", "closed"


class MessageFilterProxy(ModeFilterProxy):
    """Sorts by `SORT_ROLE`; shows the open messages, only the overdue ones (rows come and go as
    the model's ticks mark them), or those closed today."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SHOW_OPEN, parent)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._mode == SHOW_OVERDUE:
            return bool(index.data(OVERDUE_ROLE))
        message = index.data(MESSAGE_ROLE)
        is_open = bool(message is not None and message.is_open)
        return is_open if self._mode == SHOW_OPEN else not is_open
