"""What the tabs' tables and toolbars share: a read-only table of records (whole rows selected,
sortable, no editing) and a tab-wide action with its keys in its tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from vma_desk.ui.shared.widgets import ElidedTipDelegate


def setup_record_table(view: QTableView, sort_column: int, order: Qt.SortOrder) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(ElidedTipDelegate(view))  # a cell cut with "…" has its whole text as tooltip
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)


def fit_columns(view: QTableView, samples: Sequence[str], padding: int = 16) -> None:
    """Each column as wide as its header or its sample text (the widest it usually holds, in bold),
    with a little air. Measuring samples, not rows, costs the same for a quiet day and a busy one
    (`resizeColumnsToContents` asks every cell for every role)."""
    header = view.horizontalHeader()
    bold = QFont(view.font())
    bold.setBold(True)  # rows that need attention are bold
    metrics = QFontMetrics(bold)
    heading = header.fontMetrics()
    model = view.model()
    for section, sample in enumerate(samples):
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        width = max(metrics.horizontalAdvance(sample), heading.horizontalAdvance(title) + 12)
        header.resizeSection(section, width + padding)


def tab_action(owner: QWidget, label: str, keys: Sequence[str], tip: str,
               slot: Callable[[], object]) -> QAction:
    """An action of `owner` (a tab): its keys work while focus is inside it. A held key fires it
    once (no auto-repeat): holding Ctrl+Enter must not run a record through several steps."""
    action = QAction(label, owner)
    action.setAutoRepeat(False)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.triggered.connect(lambda _checked=False: slot())  # never pass `checked` on
    owner.addAction(action)
    return action
