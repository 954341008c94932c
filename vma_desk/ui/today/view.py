"""The tree view both Today lists use: groups always open (unless the user closed one), headings
and "needs attention" lines across the whole row, long texts wrapped onto at most three lines
(`MAX_LINES`, cut with "…" after, the row's tooltip holding them whole), and Enter (or a double
click) on a row asking for its record.

Row heights follow the wrapped text: `WrapDelegate` measures a wrapped cell at its column's width
(a spanned row at the view's width), and the rows are laid out again when a column's width changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from vma_desk.ui.shared.widgets import elide_lines
from vma_desk.ui.today.model import KEY_ROLE, GroupTreeModel

Index = QModelIndex | QPersistentModelIndex
#: pixels added to each row's height
ROW_PADDING = 4
#: how far a group's rows are indented under its heading
INDENTATION = 14
#: the most lines a wrapped cell takes (a visit's flags): the rest is cut with "…", all in the tooltip
MAX_LINES = 3
#: room the style keeps on each side of a cell's text (Fusion: focus frame margin + 1)
TEXT_MARGIN = 4


class WrapDelegate(QStyledItemDelegate):
    """Wraps the text of spanned rows and of the model's `WRAP_COLUMNS`; every other cell keeps to
    one line (elided), as a table's cells do."""

    def __init__(self, view: GroupTreeView) -> None:
        super().__init__(view)
        self._view = view
        #: measured sizes by (group, row, column, wrap width): the view asks for each row's size
        #: on every layout pass, and measuring wrapped text is what makes a first paint slow
        self._sizes: dict[tuple[int, int, int, int], QSize] = {}
        #: each cell's size at the columns' present widths, by (group, row, column): the view asks
        #: every column of every row on each layout pass (a row's height is its tallest cell), and
        #: working out which measure applies costs more than the answer; forgotten when a column's
        #: width changes (`forget_widths`) or the rows do
        self._cells: dict[tuple[int, int, int], QSize] = {}

    def forget_sizes(self, *_changed: object) -> None:
        """The rows changed (a new agenda): measure again."""
        self._sizes.clear()
        self._cells.clear()

    def forget_widths(self, *_changed: object) -> None:
        """A column's width changed: each cell finds its measure again (those kept by width stay)."""
        self._cells.clear()

    def _wraps(self, index: Index) -> bool:
        model = index.model()
        return isinstance(model, GroupTreeModel) and model.wraps(index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self._wraps(index):
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            model = index.model()
            # a cell keeps to MAX_LINES, the rest in its tooltip
            if not (isinstance(model, GroupTreeModel) and model.spanned(index)):
                width = option.rect.width() - 2 * TEXT_MARGIN - (
                    option.decorationSize.width() + TEXT_MARGIN if not option.icon.isNull() else 0)
                option.text = elide_lines(option.text, option.font, width, MAX_LINES)
        else:
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        cell = (index.internalId(), index.row(), index.column())
        known = self._cells.get(cell)
        if known is not None:
            return known
        known = self._cells[cell] = self._measure(option, index)
        return known

    def _measure(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        wraps = self._wraps(index)
        width = max(self._view.cell_width(index), 40) if wraps else 0
        model = index.model()
        if wraps and isinstance(model, GroupTreeModel) and model.spanned(index):
            # a spanned row is drawn from its first cell across the row: measured once, not once
            # a column (the view asks every column; the others hold no text)
            index = model.index(index.row(), 0, index.parent())
        # a one-line cell is as tall as any other one-line cell of its column (its width is set by
        # the column, not by its text): measured once per column
        key = (int(index.internalId()), index.row(), index.column(), width) if wraps else \
            (-1, -1, index.column(), 0)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        measured = QStyleOptionViewItem(option)
        if wraps:
            # the style wraps at the rectangle's width, when it has one (a height too, to be valid)
            measured.rect = QRect(0, 0, width, 1)
        size = super().sizeHint(measured, index)
        size = QSize(size.width(), size.height() + ROW_PADDING)  # air between rows of several lines
        self._sizes[key] = size
        return size


class GroupTreeView(QTreeView):
    #: Enter or a double click on a row that opens a record: its (kind, record id)
    sig_open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)  # a double click opens; on a heading it opens or closes
        self.setItemDelegate(WrapDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIndentation(INDENTATION)
        header = self.header()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        self._collapsed: set[Hashable] = set()
        self._groups_pending = False
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        header.sectionResized.connect(self._on_header_section_resized)
        header.sectionResized.connect(self._delegate().forget_widths)
        self.doubleClicked.connect(self._on_double_clicked)
        self.collapsed.connect(lambda index: self._remember(index, True))
        self.expanded.connect(lambda index: self._remember(index, False))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        delegate = self._delegate()
        for changed in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                        model.rowsRemoved):
            changed.connect(delegate.forget_sizes)

    def _delegate(self) -> WrapDelegate:
        delegate = self.itemDelegate()
        assert isinstance(delegate, WrapDelegate)
        return delegate

    def group_model(self) -> GroupTreeModel:
        model = self.model()
        assert isinstance(model, GroupTreeModel)
        return model

    # sizes ------------------------------------------------------------------------------------------
    def fit_columns(self, samples: Sequence[str], *stretch: int, padding: int = 12, least: int = 0) -> None:
        """Each column as wide as its heading or its sample text in bold (the widest it usually
        holds), the first one with the indentation too; the `stretch` columns share the width left,
        each at least `least` characters wide (the view's minimum width keeps them so: with large
        text on a small screen the list beside it gives way, not the flags)."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics, heading, header = QFontMetrics(bold), self.header().fontMetrics(), self.header()
        model = self.model()
        for section, sample in enumerate(samples):
            title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), heading.horizontalAdvance(title) + 12) + padding
            header.resizeSection(section, width + (self._indent(1) if section == 0 else 0))
        for section in stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        if least:
            fixed = sum(header.sectionSize(s) for s in range(len(samples)) if s not in stretch)
            scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            self.setMinimumWidth(fixed + len(stretch) * least * self.fontMetrics().averageCharWidth()
                                 + scroll + 2 * self.frameWidth())

    def cell_width(self, index: Index) -> int:
        """The width a cell's text has: its column's, or the whole row's for a spanned row, less
        the indentation of its level."""
        header = self.header()
        indent = self._indent(1 if index.parent().isValid() else 0)
        if self.group_model().spanned(index):
            return header.length() - indent
        width = header.sectionSize(index.column())
        return width - indent if header.visualIndex(index.column()) == 0 else width

    def _indent(self, depth: int) -> int:
        """How far the first column's text of a row at `depth` (0 a heading) is indented."""
        return self.indentation() * (depth + (1 if self.rootIsDecorated() else 0))

    def _on_header_section_resized(self, _section: int, _old: int, _new: int) -> None:
        self._relayout.start()  # once, after every section has its new width

    # after each reload --------------------------------------------------------------------------------
    def show_groups(self) -> None:
        """Span the headings and "needs attention" lines, and open the groups the user did not close.
        A view not shown yet waits for its first showing: opening groups measures every row, and
        the widths it would measure at are not the ones it will be shown at."""
        if not self.isVisible():
            self._groups_pending = True
            return
        self._groups_pending = False
        model = self.group_model()
        for row, parent in model.spanned_rows():
            self.setFirstColumnSpanned(row, parent, True)
        opened = [group.key not in self._collapsed for group in model.groups()]
        # rows that cannot fit are measured at the width they are shown at, beside the scroll bar
        # they will have: shown first, it does not take its width from rows already measured
        policy = self.verticalScrollBarPolicy()
        rows = len(opened) + sum(len(g.rows) for g, shown in zip(model.groups(), opened, strict=True)
                                 if shown)
        early_bar = (policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded
                     and not self.verticalScrollBar().isVisible() and self._overflows(rows))
        if early_bar:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # the groups are laid out once, after all of them are opened: opening each in a view laid
        # out measures the rows below it again, each time
        self.scheduleDelayedItemsLayout()
        # each group opened or left closed as the user had it: a closed group's rows are never
        # measured (expandAll would lay every row out, the routine ones too, then close them)
        for number, shown in enumerate(opened):
            self.setExpanded(model.index(number, 0), shown)
        self.executeDelayedItemsLayout()
        if early_bar:
            self.setVerticalScrollBarPolicy(policy)

    def _overflows(self, rows: int) -> bool:
        """True when `rows` rows cannot fit in the view whatever their text: each is at least a
        line of text high."""
        return rows * self.fontMetrics().height() > self.viewport().height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._groups_pending:
            self.show_groups()

    def start_collapsed(self, *keys: Hashable) -> None:
        """Groups shown closed until the user opens them (their heading still counts the rows)."""
        self._collapsed.update(keys)

    def _remember(self, index: QModelIndex, collapsed: bool) -> None:
        group = self.group_model().group_of(index)
        if group is not None:
            (self._collapsed.add if collapsed else self._collapsed.discard)(group.key)

    def current_key(self) -> Hashable | None:
        return self.group_model().key_at(self.currentIndex())

    def select_key(self, key: Hashable | None) -> bool:
        """Make a row (or heading) current again, scrolled into view; False when it is gone."""
        index = self.group_model().index_of_key(key) if key is not None else QModelIndex()
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def select_first(self) -> None:
        """The first row that opens a record (else the first heading) becomes current."""
        model = self.group_model()
        for number in range(model.rowCount()):
            group = model.index(number, 0)
            for row in range(model.rowCount(group)):
                child = model.index(row, 0, group)
                if child.data(KEY_ROLE) is not None:
                    self.setCurrentIndex(child)
                    return
        if model.rowCount():
            self.setCurrentIndex(model.index(0, 0))

    # opening ----------------------------------------------------------------------------------------
    def open_current(self) -> Hashable | None:
        """Ask for the current row's record (a heading opens or closes its group)."""
        return self._open(self.currentIndex())

    def _open(self, index: QModelIndex) -> Hashable | None:
        if not index.isValid():
            return None
        if self.group_model().group_of(index) is not None:
            first = index.siblingAtColumn(0)
            self.setExpanded(first, not self.isExpanded(first))
            return None
        key: Hashable | None = index.data(KEY_ROLE)
        if key is not None:
            self.sig_open_requested.emit(key)
        return key

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self._open(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.open_current()
            event.accept()
            return
        super().keyPressEvent(event)
