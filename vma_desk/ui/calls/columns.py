"""Columns chosen by the user: a right click on a table's header lists every column with a tick;
the choice is remembered in the preferences (UI state only) by column key, per table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QTableView

from vma_desk.ui.settings import Preferences


class ColumnChooser(QObject):
    #: the shown columns changed (by the menu)
    sig_columns_changed = Signal()

    def __init__(self, view: QTableView, table: str, columns: Sequence[tuple[str, str]],
                 preferences: Preferences, default_hidden: tuple[str, ...] = ()) -> None:
        super().__init__(view)
        self._view = view
        self._table = table
        self._columns = list(columns)
        self._preferences = preferences
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        hidden = set(preferences.hidden_columns(table, default_hidden))
        keys = [key for key, _title in self._columns]
        if hidden.issuperset(keys):  # never nothing at all
            hidden.clear()
        for section, key in enumerate(keys):
            view.setColumnHidden(section, key in hidden)

    def hidden(self) -> list[str]:
        return [key for section, (key, _t) in enumerate(self._columns) if self._view.isColumnHidden(section)]

    def set_shown(self, key: str, shown: bool) -> None:
        section = [k for k, _t in self._columns].index(key)
        if not shown and len(self.hidden()) >= len(self._columns) - 1:
            return  # the last shown column stays
        self._view.setColumnHidden(section, not shown)
        self._preferences.set_hidden_columns(self._table, self.hidden())
        self.sig_columns_changed.emit()

    def menu(self) -> QMenu:
        menu = QMenu(self._view)
        menu.setTitle("Columns")
        hidden = set(self.hidden())
        for key, title in self._columns:
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            action.setEnabled(key in hidden or len(hidden) < len(self._columns) - 1)
            action.toggled.connect(lambda shown, k=key: self.set_shown(k, shown))
        return menu

    def _on_header_context_menu_requested(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self._view.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()
