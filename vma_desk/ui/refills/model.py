"""Refill requests as a table model whose due states move with the clock, and the proxy that
sorts them and filters them by stage.

A `RefillTableRow` carries the request with its patient's and prescriber's names and the attempts
to tell the patient the decision (`ChaseState`), read once per load (`source.py`). Every 30 s the
model's own timer reads the clock and works out each row's due state again with the core rule
(`request_due_state`), without asking the services. A past-due row has a red background, bold text
and a warning icon; a near-due one an amber background and an information icon; the "Due state"
column says it in words, so colour is never the only sign.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from vma_desk.core import refill_text as text
from vma_desk.core import wording
from vma_desk.core.chase import ChaseState
from vma_desk.core.communications import Urgency
from vma_desk.core.refills import RefillRequest, RefillSource
from vma_desk.core.rules.refills import DueState, request_due_state
from vma_desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Index, ModeFilterProxy, TickingTableModel

#: the `RefillRequest` of a row
REQUEST_ROLE = RECORD_ROLE
#: the row's `DueState` now (None once the pharmacy has been told)
DUE_STATE_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS = (("due", "Due"), ("due_state", "Due state"), ("stage", "Stage"), ("patient", "Patient"),
           ("medication", "Medication"), ("quantity", "Qty"), ("pharmacy", "Pharmacy"),
           ("source", "From"), ("prescriber", "Prescriber"), ("received", "Received"))
(COL_DUE, COL_DUE_STATE, COL_STAGE, COL_PATIENT, COL_MEDICATION, COL_QUANTITY, COL_PHARMACY,
 COL_SOURCE, COL_PRESCRIBER, COL_RECEIVED) = range(len(COLUMNS))
DUE_TICK_MS = 30_000
PAST_FILL = QColor("#fde0de")
PAST_TEXT = QColor("#8e0016")
NEAR_FILL = QColor("#fff0c2")
NEAR_TEXT = QColor("#6b4300")
NEEDS_APPOINTMENT_TEXT = QColor("#5b2a86")
URGENCY_TEXT = {Urgency.EMERGENCY: QColor("#b00020"), Urgency.URGENT: QColor("#a15c00")}
ATTENTION = (DueState.PAST_DUE, DueState.NEAR_DUE)
#: how the table names where a request came from (the detail pane says it in full)
SOURCE_SHORT = {RefillSource.PATIENT_CALL: "Call", RefillSource.PHARMACY_FAX: "Fax",
                RefillSource.PHARMACY_EREQUEST: "E-request", RefillSource.PORTAL: "Portal",
                RefillSource.NURSE_RELAY: "Nurse"}
#: the most pressing first: past due, near due, on time, then requests whose clock has stopped
_PRESSING = {DueState.PAST_DUE: 0, DueState.NEAR_DUE: 1, DueState.ON_TIME: 2, None: 3}
_STATE_STEP = 10.0 ** 11  # larger than any epoch second the rows hold


@dataclass(frozen=True)
class RefillTableRow:
    request: RefillRequest
    patient: str
    prescriber: str
    #: the attempts to tell the patient the decision (Ctrl+Shift+L), read for the whole list at once
    notice: ChaseState = ChaseState()

    @property
    def record_id(self) -> int | None:
        return self.request.id


class RefillTableModel(TickingTableModel):
    #: the requests near or past due changed (how many, or which are late): their count
    sig_attention_changed = Signal(int)

    COLUMNS = COLUMNS
    _rows: list[RefillTableRow]

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(now, DUE_TICK_MS, parent)
        self._states: list[DueState | None] = []
        self._fills: dict[DueState | None, QBrush] = {DueState.PAST_DUE: QBrush(PAST_FILL),
                                                      DueState.NEAR_DUE: QBrush(NEAR_FILL)}
        self._texts: dict[DueState | None, QColor] = {DueState.PAST_DUE: PAST_TEXT,
                                                      DueState.NEAR_DUE: NEAR_TEXT}
        style = QApplication.style()
        self._icons: dict[DueState | None, QIcon] = {
            DueState.PAST_DUE: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            DueState.NEAR_DUE: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}

    def rows(self) -> list[RefillTableRow]:
        return list(self._rows)

    def due_state(self, row: int) -> DueState | None:
        return self._states[row]

    def count(self, state: DueState) -> int:
        return sum(1 for s in self._states if s is state)

    def attention_count(self) -> int:
        return sum(1 for s in self._states if s in ATTENTION)

    def today(self) -> date:
        return self._today

    def _mark_rows(self) -> None:
        self._states = [request_due_state(r.request, self._now) for r in self._rows]

    def _attention(self) -> tuple[int, int]:
        # a near-due request gone late changes the badge's words, not only its count
        return self.count(DueState.PAST_DUE), self.count(DueState.NEAR_DUE)

    def _attention_changed(self) -> None:
        self.sig_attention_changed.emit(self.attention_count())

    # reading ----------------------------------------------------------------------------------------
    def _header_tip(self, section: int) -> str | None:
        if section in (COL_DUE, COL_DUE_STATE):
            return (f"Practice time ({self._zone.key}): a routine request received by noon is due the "
                    "same business day at closing, later ones the next business day. The clock stops "
                    "once the pharmacy has been told.")
        return None

    def cell(self, index: Index, role: int) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        state = self._states[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, state)
        if role == SORT_ROLE:
            return self._sort_value(row, column, state)
        if role == REQUEST_ROLE:
            return row.request
        if role == DUE_STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fills.get(state)
        if role == Qt.ItemDataRole.FontRole:
            needs = column == COL_STAGE and row.request.needs_appointment
            return self._bold if state in ATTENTION or needs else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column, state)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_DUE_STATE:
            return self._icons.get(state)
        return None

    def _foreground(self, row: RefillTableRow, column: int, state: DueState | None) -> QColor | None:
        if state in ATTENTION:
            return self._texts[state]
        if column == COL_STAGE and row.request.needs_appointment:
            return NEEDS_APPOINTMENT_TEXT
        if column == COL_DUE_STATE:
            return URGENCY_TEXT.get(row.request.urgency)
        return None

    def _tooltip(self, row: RefillTableRow, state: DueState | None) -> str:
        request = row.request
        lines = [f"{text.medication(request)} for {row.patient}, from {request.source.label.lower()}"]
        if state is not None:
            lines.append(text.due_state(state, request.due_at, self._now))
        if request.needs_appointment and request.check is not None:
            failures, _notes = text.check_findings(request)
            lines += ["Needs appointment:", *(f"• {reason}" for reason in failures)]
        return "\n".join(lines)

    def _text(self, row: RefillTableRow, column: int, state: DueState | None) -> str:
        request = row.request
        if column == COL_DUE:
            return wording.near_day_clock(request.due_at, self._zone, self._today) if request.due_at else "—"
        if column == COL_DUE_STATE:
            said = state.label if state is not None else "—"
            return f"{said} · {request.urgency.value}" if request.urgency is not Urgency.ROUTINE else said
        if column == COL_STAGE:
            return request.stage
        if column == COL_PATIENT:
            return row.patient
        if column == COL_MEDICATION:
            return text.medication(request)
        if column == COL_QUANTITY:
            return request.quantity
        if column == COL_PHARMACY:
            return request.pharmacy
        if column == COL_SOURCE:
            return SOURCE_SHORT[request.source]
        if column == COL_PRESCRIBER:
            return row.prescriber
        return wording.near_day_clock(request.received_at, self._zone, self._today)

    def _sort_value(self, row: RefillTableRow, column: int, state: DueState | None) -> Any:
        request = row.request
        if column in (COL_DUE, COL_DUE_STATE):
            # the most pressing state first, then the earliest due (a float: Qt compares it natively)
            return _PRESSING[state] * _STATE_STEP + (request.due_at.timestamp() if request.due_at else 0.0)
        if column == COL_RECEIVED:
            return request.received_at.timestamp()
        return self._text(row, column, None).casefold()


SHOW_OPEN, SHOW_ATTENTION, SHOW_CLOSED = "open", "attention", "closed"
#: "needs visit" decisions with no visit standing (closed ones too, once their visit fell through)
SHOW_NEEDS_VISIT = "needs_visit"
#: the filter's choices: (label, mode); a stage's mode is its name (`RefillRequest.stage`)
FILTERS = (("All open", SHOW_OPEN), ("Near or past due", SHOW_ATTENTION),
           *((stage, stage) for stage in ("Needs appointment", "To route", "Waiting for provider",
                                          "To notify", "Awaiting pickup", "To close")),
           ("Needs visit — not booked", SHOW_NEEDS_VISIT), ("Closed today", SHOW_CLOSED))


class RefillFilterProxy(ModeFilterProxy):
    """Sorts by `SORT_ROLE`; shows the open requests, those near or past due (rows come and go as
    the model's ticks change their states), one stage, or those closed today."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SHOW_OPEN, parent)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        request = index.data(REQUEST_ROLE)
        if not isinstance(request, RefillRequest):
            return False
        if self._mode == SHOW_CLOSED:
            return not request.is_open
        if self._mode == SHOW_NEEDS_VISIT:
            return request.awaiting_visit
        if not request.is_open:
            return False
        if self._mode == SHOW_ATTENTION:
            return index.data(DUE_STATE_ROLE) in ATTENTION
        return self._mode == SHOW_OPEN or request.stage == self._mode
