"""An editable table of appointment types (name, minutes, buffer, prep reminder, in use, and the
business days after an arrived visit its follow-up call falls due: "off" by default)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from vma_desk.core.calendar import AppointmentType

Index = QModelIndex | QPersistentModelIndex

NAME, MINUTES, BUFFER, PREP, ACTIVE, FOLLOW_UP = range(6)
HEADERS = ("Type", "Minutes", "Buffer after", "Prep reminder", "In use", "Follow-up call after")
#: what the follow-up column shows, and accepts, for "no follow-up call"
OFF = "off"
RECORD_ROLE = Qt.ItemDataRole.UserRole


class AppointmentTypeTableModel(QAbstractTableModel):
    def __init__(self, types: list[AppointmentType], parent: Any = None) -> None:
        super().__init__(parent)
        self.types = list(types)
        self.original = {t.code: t for t in types}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.types)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ACTIVE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.types[index.row()]
        column = index.column()
        if role == RECORD_ROLE:
            return t
        if role == Qt.ItemDataRole.CheckStateRole and column == ACTIVE:
            return Qt.CheckState.Checked if t.active else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == FOLLOW_UP:
                days = t.follow_up_days
                if role == Qt.ItemDataRole.EditRole:
                    return "" if days is None else days
                return OFF if days is None else f"{days} business day{'' if days == 1 else 's'}"
            return {NAME: t.name, MINUTES: t.minutes, BUFFER: t.buffer_minutes, PREP: t.prep,
                    ACTIVE: None}[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == PREP:
            return t.prep
        if role == Qt.ItemDataRole.ToolTipRole and column == FOLLOW_UP:
            return ("A follow-up call falls due this many business days after an arrived visit of "
                    "this type (1-30); empty or \"off\": none.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        t = self.types[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == ACTIVE:
            self.types[row] = replace(t, active=Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role == Qt.ItemDataRole.EditRole and column == NAME:
            self.types[row] = replace(t, name=str(value))
        elif role == Qt.ItemDataRole.EditRole and column in (MINUTES, BUFFER):
            try:
                number = int(value)
            except (TypeError, ValueError):
                return False
            self.types[row] = (replace(t, minutes=number) if column == MINUTES
                              else replace(t, buffer_minutes=number))
        elif role == Qt.ItemDataRole.EditRole and column == PREP:
            self.types[row] = replace(t, prep=str(value))
        elif role == Qt.ItemDataRole.EditRole and column == FOLLOW_UP:
            text = str(value if value is not None else "").strip().lower()
            if text in ("", OFF, "0"):
                self.types[row] = replace(t, follow_up_days=None)
            else:
                try:
                    self.types[row] = replace(t, follow_up_days=int(text.split()[0]))
                except ValueError:
                    return False
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def changed(self) -> list[AppointmentType]:
        return [t for t in self.types if self.original.get(t.code) != t]
