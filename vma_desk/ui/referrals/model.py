"""The Referrals tab's two lists as table models, and the proxy that sorts and filters them.

A row is an entry: the record (referral or prior authorisation) with its flags as the service
worked them out and the names it shows, read once per load (`source.py`). A flagged row stands out
by its background (red when something is late or missing, amber when an authorisation is about to
expire), and its Flags column says why in bold beside a warning icon. The default order puts the
flagged rows first, the longest standing (or the earliest follow-up) first among them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from vma_desk.core import referral_text as text
from vma_desk.core import wording
from vma_desk.core.communications import Urgency
from vma_desk.core.referrals import Flag, PriorAuth, Referral, ReferralState
from vma_desk.ui.record_model import RECORD_ROLE, SORT_ROLE, Index, ModeFilterProxy, RecordTableModel

#: the entry (`ReferralEntry` or `PriorAuthEntry`) of a row
ENTRY_ROLE = RECORD_ROLE

SEVERE_FILL = QColor("#fde0de")
SEVERE_TEXT = QColor("#8e0016")
WARNING_FILL = QColor("#fff1cc")
WARNING_TEXT = QColor("#7a4b00")
URGENCY_TEXT = {Urgency.EMERGENCY: QColor("#b00020"), Urgency.URGENT: QColor("#a15c00")}


@dataclass(frozen=True)
class ReferralEntry:
    referral: Referral
    flags: tuple[Flag, ...]
    days_in_state: int
    patient: str
    provider: str

    @property
    def record_id(self) -> int:
        return self.referral.id or 0

    @property
    def flags_text(self) -> str:
        return text.flags(self.flags)


@dataclass(frozen=True)
class PriorAuthEntry:
    auth: PriorAuth
    flags: tuple[Flag, ...]
    patient: str

    @property
    def record_id(self) -> int:
        return self.auth.id or 0

    @property
    def flags_text(self) -> str:
        """'Visits nearly used up' for an approval counted in visits."""
        return text.flags(self.flags, self.auth.units_word)


def severity(flags: Sequence[Flag]) -> int:
    """2 when something is late or missing, 1 for a warning only, 0 when nothing stands out."""
    if any(flag in text.SEVERE_FLAGS for flag in flags):
        return 2
    return 1 if flags else 0


class FlaggedTableModel(RecordTableModel):
    """Entries with flags: the look of flagged rows and the roles. Subclasses name their `COLUMNS`
    and say what each cell reads and how it sorts."""

    FLAGS_COLUMN = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fills = {2: QBrush(SEVERE_FILL), 1: QBrush(WARNING_FILL)}
        self._texts = {2: SEVERE_TEXT, 1: WARNING_TEXT}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def flagged_count(self) -> int:
        return sum(1 for r in self._rows if r.flags)

    def cell(self, index: Index, role: int) -> Any:
        entry = self._row_at(index)
        if entry is None:
            return None
        column = index.column()
        level = severity(entry.flags)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.flags_text if column == self.FLAGS_COLUMN else self._text(entry, column)
        if role == SORT_ROLE:
            if column == self.FLAGS_COLUMN:
                return (2 - level) * 1_000_000 + self._flag_order(entry)
            return self._sort_value(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.flags_text if column == self.FLAGS_COLUMN else self._text(entry, column)
        if role == Qt.ItemDataRole.BackgroundRole and level:
            return self._fills[level]
        if role == Qt.ItemDataRole.FontRole and level and column == self.FLAGS_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if level and column == self.FLAGS_COLUMN:
                return self._texts[level]
            return self._foreground(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and level and column == self.FLAGS_COLUMN:
            icon = (QStyle.StandardPixmap.SP_MessageBoxCritical if level == 2
                    else QStyle.StandardPixmap.SP_MessageBoxWarning)
            return QApplication.style().standardIcon(icon)
        return None

    # what subclasses say ---------------------------------------------------------------------------
    def _text(self, entry: Any, column: int) -> str:
        raise NotImplementedError

    def _sort_value(self, entry: Any, column: int) -> Any:
        return self._text(entry, column).casefold()

    def _flag_order(self, entry: Any) -> int:
        """Within the flagged (and the unflagged) rows, a smaller value comes first."""
        return 0

    def _foreground(self, entry: Any, column: int) -> Any:
        return None


REFERRAL_COLUMNS = (("patient", "Patient"), ("specialist", "Specialty · office"), ("urgency", "Urgency"),
                    ("state", "State"), ("days", "In state"), ("authorisation", "Authorisation · until"),
                    ("flags", "Flags"))
(COL_PATIENT, COL_SPECIALIST, COL_URGENCY, COL_STATE, COL_DAYS, COL_AUTHORISATION,
 COL_FLAGS) = range(len(REFERRAL_COLUMNS))


class ReferralTableModel(FlaggedTableModel):
    COLUMNS = REFERRAL_COLUMNS
    FLAGS_COLUMN = COL_FLAGS

    def _header_tip(self, section: int) -> str | None:
        if section == COL_DAYS:
            return "How long the referral has stood in its state without moving on"
        if section == COL_AUTHORISATION:
            return "The referral authorisation's number and the last day it is valid"
        return None

    def _text(self, entry: ReferralEntry, column: int) -> str:
        referral = entry.referral
        return {
            COL_PATIENT: lambda: entry.patient,
            COL_SPECIALIST: lambda: f"{referral.specialty} · {referral.specialist_office}",
            COL_URGENCY: lambda: text.urgency(referral.urgency),
            COL_STATE: lambda: referral.state.label,
            COL_DAYS: lambda: wording.days_count(entry.days_in_state),
            COL_AUTHORISATION: lambda: text.referral_authorisation(referral),
        }[column]()

    def _sort_value(self, entry: ReferralEntry, column: int) -> Any:
        if column == COL_URGENCY:
            return entry.referral.urgency.rank
        if column == COL_STATE:
            return list(ReferralState).index(entry.referral.state)
        if column == COL_DAYS:
            return entry.days_in_state
        return super()._sort_value(entry, column)

    def _flag_order(self, entry: ReferralEntry) -> int:
        return -entry.days_in_state  # the longest standing first

    def _foreground(self, entry: ReferralEntry, column: int) -> Any:
        return URGENCY_TEXT.get(entry.referral.urgency) if column == COL_URGENCY else None


AUTH_COLUMNS = (("patient", "Patient"), ("service", "Kind: service"), ("payer", "Payer"),
                ("submitted", "Submitted"), ("status", "Status"), ("follow_up", "Follow-up"),
                ("authorisation", "Authorisation · until"), ("flags", "Flags"))
(AUTH_PATIENT, AUTH_SERVICE, AUTH_PAYER, AUTH_SUBMITTED, AUTH_STATUS, AUTH_FOLLOW_UP, AUTH_VALIDITY,
 AUTH_FLAGS) = range(len(AUTH_COLUMNS))


class PriorAuthTableModel(FlaggedTableModel):
    COLUMNS = AUTH_COLUMNS
    FLAGS_COLUMN = AUTH_FLAGS

    def _header_tip(self, section: int) -> str | None:
        if section == AUTH_VALIDITY:
            return "The payer's authorisation number and the last day it is valid (once approved)"
        if section == AUTH_FOLLOW_UP:
            return "When to ask the payer again, while the answer is awaited"
        return None

    def _text(self, entry: PriorAuthEntry, column: int) -> str:
        auth = entry.auth
        return {
            AUTH_PATIENT: lambda: entry.patient,
            AUTH_SERVICE: lambda: f"{auth.kind.label}: {auth.service}",
            AUTH_PAYER: lambda: auth.payer,
            AUTH_SUBMITTED: lambda: wording.date_text(auth.submitted_on),
            AUTH_STATUS: lambda: auth.status.label,
            AUTH_FOLLOW_UP: lambda: (wording.date_text(auth.follow_up_on) if auth.status.awaiting_payer
                                     else wording.NONE),
            AUTH_VALIDITY: lambda: text.auth_validity(auth),
        }[column]()

    def _sort_value(self, entry: PriorAuthEntry, column: int) -> Any:
        auth = entry.auth
        if column == AUTH_SUBMITTED:
            return auth.submitted_on.toordinal()
        if column == AUTH_FOLLOW_UP:
            return auth.follow_up_on.toordinal()
        return super()._sort_value(entry, column)

    def _flag_order(self, entry: PriorAuthEntry) -> int:
        return entry.auth.follow_up_on.toordinal()  # the earliest follow-up first


class EntryFilterProxy(ModeFilterProxy):
    """Sorts by `SORT_ROLE` and keeps the entries one named test accepts ("flagged" ...)."""

    def __init__(self, tests: Mapping[str, Callable[[Any], bool]], parent: QObject | None = None) -> None:
        super().__init__(next(iter(tests)), parent)
        self._tests = dict(tests)

    def _knows(self, mode: str) -> bool:
        return mode in self._tests

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        entry = self.sourceModel().index(source_row, 0, source_parent).data(ENTRY_ROLE)
        return entry is not None and self._tests[self._mode](entry)
