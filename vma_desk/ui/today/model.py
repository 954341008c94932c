"""The Today tab's two lists as two-level item models: the visits under their provider (with the
provider's "needs attention" line first), and the due rows under their severity.

Both read a `DayAgenda` as it is (`set_agenda`): the groups, rows and their order are the
agenda's. A group heading and a "needs attention" line span the whole row (the view spans them,
`SPANNED_ROLE`); a row that opens a record says which (`KEY_ROLE`: ("appointment", 12),
("refill", 3) ...). A visit with a flag to act on has a coloured background, its flags in bold and
a warning icon; the due rows are coloured by severity under a heading that says it in words.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, overload
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from vma_desk.core import agenda_text as text
from vma_desk.core.agenda import ROUTINE, SOON, URGENT, DayAgenda, DueItem, VisitLine
from vma_desk.ui.record_model import RECORD_ROLE, Index, RecordTableModel

#: the (kind, record id) a row opens, as `MainWindow.open_record` takes them; None for headings
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
#: True for a row drawn across every column (a group heading, a "needs attention" line)
SPANNED_ROLE = Qt.ItemDataRole.UserRole + 4
#: how much a row stands out: a visit's flag level (0-2), a due row's severity
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 5

SEVERE_FILL = QColor("#fde0de")
SEVERE_TEXT = QColor("#8e0016")
WARNING_FILL = QColor("#fff1cc")
WARNING_TEXT = QColor("#7a4b00")
HEADING_FILL = QColor("#e6ecf3")
HEADING_TEXT = QColor("#1f2d3d")

_ROOT = QModelIndex()
#: the internal id of a group's index; a row's is its group's number + 1
_GROUP = 0
#: the flags of a heading, a "needs attention" line and a row (combined once: the view asks often)
_HEADING_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ATTENTION_FLAGS = Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsEnabled
_ROW_FLAGS = _ATTENTION_FLAGS | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class Group:
    key: Hashable  # a provider's id, a severity
    heading: str
    rows: tuple[Any, ...]
    level: int = 0


@dataclass(frozen=True)
class Attention:
    """A provider's "needs attention" line, shown above the visits."""

    text: str


class GroupTreeModel(QAbstractItemModel):
    """Groups with a heading and rows, read-only. Subclasses name `COLUMNS` ((key, header), ...),
    the columns whose text wraps (`WRAP_COLUMNS`) and what a row's cells say."""

    COLUMNS: tuple[tuple[str, str], ...] = ()
    WRAP_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Group] = []
        self._zone = ZoneInfo("UTC")
        self._today = date.min
        self._bold = QFont()
        self._bold.setBold(True)
        self._fills = {2: QBrush(SEVERE_FILL), 1: QBrush(WARNING_FILL)}
        self._texts = {2: SEVERE_TEXT, 1: WARNING_TEXT}
        self._heading_fill = QBrush(HEADING_FILL)
        #: each row's level, worked out once: the view asks for every role of every cell
        self._levels: dict[int, int] = {}
        #: what `data` answered, by (internal id, row, column, role): the view asks for about ten
        #: roles of each cell each time it measures or paints it, and the rows change only with
        #: `_set_groups` (a new agenda), which forgets them
        self._cells: dict[tuple[int, int, int, int], Any] = {}

    def _set_groups(self, groups: Sequence[Group], zone: ZoneInfo, today: date) -> None:
        self.beginResetModel()
        self._levels.clear()
        self._cells.clear()
        self._groups = list(groups)
        self._zone, self._today = zone, today
        self.endResetModel()

    def clear(self) -> None:
        self._set_groups([], self._zone, self._today)

    def groups(self) -> list[Group]:
        return list(self._groups)

    def record_count(self) -> int:
        return sum(1 for g in self._groups for r in g.rows if not isinstance(r, Attention))

    # finding rows -----------------------------------------------------------------------------------
    def group_of(self, index: Index) -> Group | None:
        """The group an index is the heading of (None for a row)."""
        if not index.isValid() or index.internalId() != _GROUP or index.row() >= len(self._groups):
            return None
        return self._groups[index.row()]

    def row_at(self, index: Index) -> Any | None:
        """The row (a record's line or an `Attention`) an index points at; None for a heading."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = self._groups[index.internalId() - 1]
        return group.rows[index.row()] if index.row() < len(group.rows) else None

    def index_of_key(self, key: Hashable) -> QModelIndex:
        """The first column of the row that opens `key`, or of the group whose key it is."""
        for number, group in enumerate(self._groups):
            if ("group", group.key) == key:
                return self.index(number, 0)
            for row, line in enumerate(group.rows):
                if not isinstance(line, Attention) and self._key(line) == key:
                    return self.index(row, 0, self.index(number, 0))
        return QModelIndex()

    def key_at(self, index: Index) -> Hashable | None:
        """What a row opens, or ("group", key) for a heading (to find it again after a reload)."""
        group = self.group_of(index)
        if group is not None:
            return ("group", group.key)
        row = self.row_at(index)
        return None if row is None or isinstance(row, Attention) else self._key(row)

    def spanned_rows(self) -> list[tuple[int, QModelIndex]]:
        """(row, parent) of every row drawn across all columns."""
        found: list[tuple[int, QModelIndex]] = []
        for number, group in enumerate(self._groups):
            found.append((number, QModelIndex()))
            parent = self.index(number, 0)
            found += [(row, parent) for row, line in enumerate(group.rows) if isinstance(line, Attention)]
        return found

    # the tree ---------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        # what hasIndex() checks, without its two calls back into rowCount and columnCount
        if row < 0 or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != _GROUP or parent.column() != 0 or group >= len(self._groups) \
                or row >= len(self._groups[group].rows):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: Index) -> QModelIndex: ...

    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    #: the headings from `COLUMNS`, with `_header_tip` as their tooltips, as the list tabs' tables
    headerData = RecordTableModel.headerData  # noqa: N815 - Qt's name

    def _header_tip(self, section: int) -> str | None:
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return _HEADING_FLAGS
        return _ATTENTION_FLAGS if isinstance(self.row_at(index), Attention) else _ROW_FLAGS

    def wraps(self, index: Index) -> bool:
        """True for a cell whose text wraps: a spanned row's, or one of `WRAP_COLUMNS` (asked of
        the model directly by the view's delegate, for every cell it measures)."""
        return index.column() in self.WRAP_COLUMNS or self.spanned(index)

    def spanned(self, index: Index) -> bool:
        """True for a row drawn across every column (a heading, a "needs attention" line)."""
        return index.internalId() == _GROUP or isinstance(self.row_at(index), Attention)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (index.internalId(), index.row(), index.column(), role)
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = self._cell(index, role)
            return value

    def _cell(self, index: Index, role: int) -> Any:
        group = self.group_of(index)
        if group is not None:
            return self._heading_data(group, index.column(), role)
        row = self.row_at(index)
        if row is None:
            return None
        if isinstance(row, Attention):
            return self._attention_data(row, index.column(), role)
        return self._row_data(row, index.column(), role)

    def _heading_data(self, group: Group, column: int, role: int) -> Any:
        if role == SPANNED_ROLE:
            return True
        if role == LEVEL_ROLE:
            return group.level
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group.heading
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fills.get(group.level, self._heading_fill)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._texts.get(group.level, HEADING_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._heading_tip(group)
        return None

    def _heading_tip(self, group: Group) -> str | None:
        return None

    def _attention_data(self, row: Attention, column: int, role: int) -> Any:
        if role == SPANNED_ROLE:
            return True
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return row.text
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_TEXT
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        return None

    def _row_data(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == RECORD_ROLE:
            return row
        if role == KEY_ROLE:
            return self._key(row)
        if role == LEVEL_ROLE:
            return self._level_of(row)
        if role == SPANNED_ROLE:
            return False
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return self._look(row, column, role, self._level_of(row))

    def _level_of(self, row: Any) -> int:
        level = self._levels.get(id(row))
        if level is None:
            level = self._levels[id(row)] = self._level(row)
        return level

    # what subclasses say ------------------------------------------------------------------------------
    def _key(self, row: Any) -> Hashable:
        raise NotImplementedError

    def _level(self, row: Any) -> int:
        raise NotImplementedError

    def _text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _tip(self, row: Any) -> str:
        raise NotImplementedError

    def _look(self, row: Any, column: int, role: int, level: int) -> Any:
        """A row's colours, font, icon and alignment (`role`) in a column."""
        raise NotImplementedError


VISIT_COLUMNS = (("time", "Time"), ("patient", "Patient"), ("age", "Age"), ("type", "Type"),
                 ("new", "New/Est."), ("telehealth", "Video"), ("flags", "Flags"))
(COL_TIME, COL_PATIENT, COL_AGE, COL_TYPE, COL_NEW, COL_TELEHEALTH, COL_FLAGS) = range(len(VISIT_COLUMNS))


class VisitTreeModel(GroupTreeModel):
    """The day's visits under their provider, in the agenda's order (by time)."""

    COLUMNS = VISIT_COLUMNS
    WRAP_COLUMNS = frozenset({COL_FLAGS})

    def set_agenda(self, agenda: DayAgenda, zone: ZoneInfo, today: date) -> None:
        groups = []
        for day in agenda.providers:
            said = text.attention(day.attention())
            rows = ((Attention(said),) if said else ()) + day.visits
            groups.append(Group(day.provider.id, text.provider_heading(day), rows))
        self._set_groups(groups, zone, today)

    def _key(self, row: VisitLine) -> Hashable:
        return ("appointment", row.appointment.id or 0)

    def _level(self, row: VisitLine) -> int:
        return row.severity  # core.agenda's FLAG_SEVERITY, as the huddle sheet colours it

    def _tip(self, row: VisitLine) -> str:
        return text.visit_tip(row, self._zone)

    def _header_tip(self, section: int) -> str | None:
        if section == COL_TIME:
            return f"The visit's start, practice time ({self._zone.key})"
        if section == COL_TELEHEALTH:
            return "A telehealth (video) visit"
        if section == COL_FLAGS:
            return "What the team should know or settle before the visit"
        return None

    def _look(self, row: VisitLine, column: int, role: int, level: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fills.get(level)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_FLAGS:
            return self._texts.get(level)
        if role == Qt.ItemDataRole.FontRole and column == COL_FLAGS and level:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == COL_FLAGS and level:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AGE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: VisitLine, column: int) -> str:
        if column == COL_TIME:
            return text.visit_time(row, self._zone)
        if column == COL_PATIENT:
            return row.patient_name
        if column == COL_AGE:
            return text.age(row)
        if column == COL_TYPE:
            return row.type_name
        if column == COL_NEW:
            return text.new_or_established(row)
        if column == COL_TELEHEALTH:
            return text.telehealth(row)
        return text.flags(row.flags)


DUE_COLUMNS = (("patient", "Patient"), ("what", "What"), ("status", "Status"))
(DUE_PATIENT, DUE_WHAT, DUE_STATUS) = range(len(DUE_COLUMNS))


class DueTreeModel(GroupTreeModel):
    """Everything due, under "Urgent", "Soon" and "Routine" headings, in the agenda's order."""

    COLUMNS = DUE_COLUMNS
    WRAP_COLUMNS = frozenset({DUE_WHAT, DUE_STATUS})

    def set_agenda(self, agenda: DayAgenda, zone: ZoneInfo, today: date) -> None:
        groups = []
        for level in (URGENT, SOON, ROUTINE):
            rows = tuple(item for item in agenda.due if item.severity == level)
            if rows:
                groups.append(Group(level, text.severity_heading(level, len(rows)), rows, level))
        self._set_groups(groups, zone, today)

    def urgent_count(self) -> int:
        return sum(len(g.rows) for g in self._groups if g.key == URGENT)

    def _key(self, row: DueItem) -> Hashable:
        return (row.kind.value, row.record_id)

    def _level(self, row: DueItem) -> int:
        return row.severity

    def _tip(self, row: DueItem) -> str:
        return text.due_tip(row, self._zone, self._today)

    def _heading_tip(self, group: Group) -> str | None:
        return text.SEVERITY_TIPS.get(group.level)

    def _header_tip(self, section: int) -> str | None:
        if section == DUE_STATUS:
            return (f"Where it stands, and when it is due (practice time, {self._zone.key}); for a "
                    "confirmation or an eligibility check, the visit's time")
        return None

    def _look(self, row: DueItem, column: int, role: int, level: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and level == URGENT:
            return self._fills[URGENT]
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_STATUS:
            return self._texts.get(level)
        if role == Qt.ItemDataRole.FontRole and column == DUE_STATUS and level == URGENT:
            return self._bold
        return None

    def _text(self, row: DueItem, column: int) -> str:
        if column == DUE_PATIENT:
            return row.patient_name
        if column == DUE_WHAT:
            return text.due_title(row)
        return text.due_status(row, self._zone, self._today)
