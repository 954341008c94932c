"""The users of a workspace as a read-only table: name, role, active, PIN state, last sign-in (in the
practice's time zone)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from vma_desk.core import wording
from vma_desk.core.users import MAX_FAILURES, User

Index = QModelIndex | QPersistentModelIndex

NAME, ROLE, STATUS, PIN, LAST_SIGN_IN = range(5)
HEADERS = ("Name", "Role", "Status", "PIN", "Last sign-in")
USER_ROLE = Qt.ItemDataRole.UserRole
_WARNING = QColor("#b00020")


def pin_state(user: User) -> str:
    if user.locked_out:
        return f"Locked out ({MAX_FAILURES} wrong PINs)"
    if user.failed_attempts:
        return f"{user.failed_attempts} wrong PIN{'s' if user.failed_attempts != 1 else ''}"
    return ""


def when(moment: datetime | None, zone: ZoneInfo) -> str:
    if moment is None:
        return "Never"
    local = moment.astimezone(zone)
    return f"{wording.date_text(local.date())} {wording.clock(local)}"


class UserTableModel(QAbstractTableModel):
    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.users: list[User] = []
        self.current_id: int | None = None

    def set_users(self, users: list[User], current_id: int | None) -> None:
        self.beginResetModel()
        self.users = list(users)
        self.current_id = current_id
        self.endResetModel()

    def row_of(self, user_id: int | None) -> int:
        return next((row for row, u in enumerate(self.users) if u.id == user_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.users):
            return None
        user = self.users[index.row()]
        column = index.column()
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return f"{user.name} (you)" if user.id == self.current_id else user.name
            if column == ROLE:
                return user.role.label
            if column == STATUS:
                return "Active" if user.active else "Deactivated"
            if column == PIN:
                return pin_state(user)
            if column == LAST_SIGN_IN:
                return when(user.last_sign_in, self.zone)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == PIN and user.locked_out) or (column == STATUS and not user.active)):
            return _WARNING
        if role == Qt.ItemDataRole.FontRole and column == PIN and user.locked_out:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == PIN and user.locked_out:
            return (f"{user.name} cannot sign in until a practice manager sets a new PIN (Reset PIN…) "
                    "or they use “Forgot PIN?” with the workspace's recovery key.")
        return None
