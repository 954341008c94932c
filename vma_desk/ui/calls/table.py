"""What the Calls and Messages tabs' tables and toolbars share: a read-only table of records
(whole rows selected, sortable, no editing) and a tab-wide action with its keys in its tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def setup_record_table(view: QTableView, sort_column: int, order: Qt.SortOrder) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)


def fit_columns(view: QTableView, padding: int = 14) -> None:
    """Each column as wide as its contents and a little air (the last one stretches)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for section in range(header.count() - 1):
        header.resizeSection(section, header.sectionSize(section) + padding)


def tab_action(owner: QWidget, label: str, keys: Sequence[str], tip: str,
               slot: Callable[[], object]) -> QAction:
    """An action of `owner` (a tab): its keys work while focus is inside it."""
    action = QAction(label, owner)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.triggered.connect(lambda _checked=False: slot())  # never pass `checked` on
    owner.addAction(action)
    return action
